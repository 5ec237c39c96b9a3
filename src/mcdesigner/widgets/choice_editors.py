"""Editors for one value out of a list: drop-down lists (searchable for long vocabularies)
and radio buttons (ratings, short yes/no-like lists)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QRadioButton,
    QWidget,
)

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.widgets.contract import FieldEditor, signals_blocked
from mcdesigner.widgets.options import field_options, label_for
from mcdesigner.widgets.responsive_grid import ResponsiveGrid

#: Longer lists than this get a search box instead of a plain drop-down.
SEARCH_THRESHOLD = 12


class WheelGuard(QObject):
    """Stops the mouse wheel from changing a value the user only scrolls past."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        unfocused = isinstance(watched, QWidget) and not watched.hasFocus()
        if event.type() == QEvent.Type.Wheel and unfocused:
            event.ignore()
            return True
        return False


class ChoiceEditor(FieldEditor):
    """One value from a list; long lists can be searched by typing any part of a label."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.options = field_options(field)
        self.nullable = field.shape.nullable or field.kind == "concept"
        self.combo = QComboBox(self)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._wheel_guard = WheelGuard(self.combo)
        self.combo.installEventFilter(self._wheel_guard)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(18)
        self._values: list[Any] = []
        if self.nullable:
            self.combo.addItem("")
            self._values.append(None)
        for value, label in self.options:
            self.combo.addItem(label)
            self._values.append(value)
        self.searchable = len(self.options) > SEARCH_THRESHOLD or field.widget == "search"
        if self.searchable:
            self._make_searchable()
        self.combo.currentIndexChanged.connect(self._on_index_changed)
        self.install(self.combo)

    def _make_searchable(self) -> None:
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.combo.setCompleter(completer)
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.field.placeholder or self.tr("Type to search…"))
        line.editingFinished.connect(self._on_text_finished)

    def _on_index_changed(self, _index: int) -> None:
        self.set_input_error(None)
        self.emit_value()

    def _on_text_finished(self) -> None:
        text = self.combo.currentText().strip()
        current = self.combo.currentIndex()
        if current >= 0 and self.combo.itemText(current) == text:
            return
        if not text and self.nullable:
            self.combo.setCurrentIndex(0)
            return
        match = self._find(text)
        if match >= 0:
            self.combo.setCurrentIndex(match)
            return
        with signals_blocked(self.combo):
            self.combo.setEditText(self.combo.itemText(current) if current >= 0 else "")
        self.set_input_error(
            self.tr("“{text}” is not in the list; pick one of the suggestions.").format(text=text)
        )

    def _find(self, text: str) -> int:
        lowered = text.casefold()
        exact = [
            i for i in range(self.combo.count()) if self.combo.itemText(i).casefold() == lowered
        ]
        if exact:
            return exact[0]
        partial = [
            i for i in range(self.combo.count()) if lowered in self.combo.itemText(i).casefold()
        ]
        return partial[0] if len(partial) == 1 and lowered else -1

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def _show(self, value: Any) -> None:
        try:
            index = self._values.index(value)
        except ValueError:
            # A value the list does not know (e.g. from an imported file): show it, keep it.
            self._values.append(value)
            self.combo.addItem(label_for(self.options, value))
            index = len(self._values) - 1
        with signals_blocked(self.combo):
            self.combo.setCurrentIndex(index)


class RadioChoiceEditor(FieldEditor):
    """One value from a short list, as radio buttons in the list's order ("Not set" first):
    one row when every label fits side by side, else one column (ratings, settings)."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.options = field_options(field)
        self.container = ResponsiveGrid(self, max_columns=6, row_or_column=True)
        self.group = QButtonGroup(self.container)
        self.group.setExclusive(True)
        self._values: list[Any] = []
        self.buttons: list[QRadioButton] = []
        choices = list(self.options)
        if field.shape.nullable:
            choices.insert(0, (None, self.tr("Not set")))
        for index, (value, label) in enumerate(choices):
            button = QRadioButton(label, self.container)
            self.group.addButton(button, index)
            self.buttons.append(button)
            self._values.append(value)
        self.container.set_cells(self.buttons)
        self.group.idToggled.connect(self._on_toggled)
        self.install(self.container, focus=self.buttons[0] if self.buttons else None)
        for button, (_value, label) in zip(self.buttons, choices, strict=True):
            self.describe_for_accessibility(button, label)
            self.watch_focus(button)

    def _on_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.emit_value()

    def value(self) -> Any:
        index = self.group.checkedId()
        return self._values[index] if index >= 0 else None

    def _show(self, value: Any) -> None:
        with signals_blocked(self.group):
            if value in self._values:
                self.buttons[self._values.index(value)].setChecked(True)
            else:
                self.group.setExclusive(False)
                for button in self.buttons:
                    button.setChecked(False)
                self.group.setExclusive(True)
        checked = self.group.checkedButton()
        if checked is not None:
            self.setFocusProxy(checked)


class BoolEditor(FieldEditor):
    """Yes or no, as a check box."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.check = QCheckBox(self.tr("Yes"), self)
        self.check.toggled.connect(lambda _on: self.emit_value())
        self.install(self.check)

    def value(self) -> bool:
        return self.check.isChecked()

    def _show(self, value: Any) -> None:
        with signals_blocked(self.check):
            self.check.setChecked(bool(value))
