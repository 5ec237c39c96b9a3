"""Editor for an optional date: typed in the locale's short form or as YYYY-MM-DD, or picked
from a calendar that opens on the field's month."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from mcdesigner.formatting import formatter
from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.i18n import current_language
from mcdesigner.widgets.contract import FieldEditor, signals_blocked

#: The date shown as an example of the expected form.
_EXAMPLE = dt.date(2026, 9, 1)


class DateEditor(FieldEditor):
    """A date, or nothing when the box is empty."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.container = QWidget(self)
        row = QHBoxLayout(self.container)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.line = QLineEdit(self.container)
        self.line.setPlaceholderText(formatter().short_date(_EXAMPLE))
        self.line.setMaxLength(10)
        self.line.setMaximumWidth(130)
        self.line.textEdited.connect(self._on_edited)
        self.line.editingFinished.connect(self._on_finished)
        row.addWidget(self.line)
        self.pick = QToolButton(self.container)
        self.pick.setText(self.tr("Calendar…"))
        self.pick.setToolTip(self.tr("Pick the date from a calendar"))
        self.pick.setAccessibleName(
            self.tr("{label}: pick from calendar").format(label=field.label)
        )
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(QLocale(current_language()))
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar.clicked.connect(self._on_picked)
        self.calendar.activated.connect(self._on_picked)
        self._menu = menu
        self.pick.clicked.connect(self._open_calendar)
        row.addWidget(self.pick)
        row.addStretch(1)
        self.install(self.container, focus=self.line)
        self._last_good: dt.date | None = None

    def _open_calendar(self) -> None:
        self._menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        self.calendar.setFocus()

    def _prepare_calendar(self) -> None:
        current = self.value() or dt.date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.setCurrentPage(current.year, current.month)

    def _on_picked(self, qdate: QDate) -> None:
        self._menu.close()
        picked = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.line.setText(formatter().short_date(picked))
        self._on_edited(self.line.text())
        self.editing_finished.emit()

    def _on_edited(self, text: str) -> None:
        try:
            value = self.field.parse(text)
        except ValueError:
            return  # still typing; checked when the user leaves the box
        self.set_input_error(None)
        self._last_good = value
        self.value_changed.emit(value)

    def _on_finished(self) -> None:
        try:
            self.field.parse(self.line.text())
        except ValueError as error:
            self.set_input_error(str(error))

    def value(self) -> dt.date | None:
        try:
            return self.field.parse(self.line.text())
        except ValueError:
            return self._last_good

    def _show(self, value: Any) -> None:
        self._last_good = value if isinstance(value, dt.date) else None
        text = formatter().short_date(value) if isinstance(value, dt.date) else ""
        if text != self.line.text():
            with signals_blocked(self.line):
                self.line.setText(text)
