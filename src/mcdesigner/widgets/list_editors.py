"""Editors for several values: check lists (short vocabularies, links to outcomes) and
searchable pick lists (languages, countries, ISCED-F fields, keywords)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.model.fieldpath import PathError, get_value
from mcdesigner.widgets.contract import FieldEditor, signals_blocked
from mcdesigner.widgets.options import field_options, label_for
from mcdesigner.widgets.responsive_grid import ResponsiveGrid


class ChecklistEditor(FieldEditor):
    """Several values from a short list, one check box each (in as many columns as fit)."""

    MAX_COLUMNS = 3

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.container = QWidget(self)
        column = QVBoxLayout(self.container)
        column.setContentsMargins(0, 0, 0, 0)
        self.cells = ResponsiveGrid(self.container, max_columns=self.MAX_COLUMNS)
        column.addWidget(self.cells)
        self.empty_note = QLabel(self.tr("Nothing to choose from yet."), self.container)
        self.empty_note.setEnabled(False)
        column.addWidget(self.empty_note)
        self.boxes: list[tuple[Any, QCheckBox]] = []
        self._options: list[tuple[Any, str]] = []
        self._selected: list[Any] = []
        self.install(self.container)
        self.set_options(field_options(field))

    def set_options(self, options: list[tuple[Any, str]]) -> None:
        """Rebuild the check boxes for ``options`` keeping the checked values."""
        if self._options == list(options) and self.boxes:
            return
        if self.boxes and [v for v, _ in options] == [v for v, _ in self._options]:
            # The same choices under new captions (an outcome's text edited): relabel.
            for (_, label), (_, old_label), (_, box) in zip(
                options, self._options, self.boxes, strict=True
            ):
                if label != old_label:
                    box.setText(shorten(label))
                    box.setAccessibleName(f"{self.field.label}: {label}")
                    box.setToolTip(label if label != box.text() else self.field.help)
            self._options = list(options)
            return
        for _, box in self.boxes:
            box.setParent(None)
            box.deleteLater()
        self.boxes = []
        self._options = list(options)
        for value, label in options:
            box = QCheckBox(shorten(label), self.cells)
            box.setAccessibleName(f"{self.field.label}: {label}")
            box.setToolTip(label if label != box.text() else self.field.help)
            box.toggled.connect(lambda on, v=value: self._on_toggled(v, on))
            self.watch_focus(box)
            self.boxes.append((value, box))
        self.cells.set_cells([box for _, box in self.boxes])
        self.empty_note.setVisible(not options)
        self.setFocusProxy(self.boxes[0][1] if self.boxes else self.container)
        self._show(self._selected)

    def _on_toggled(self, value: Any, on: bool) -> None:
        if on and value not in self._selected:
            self._selected.append(value)
        elif not on and value in self._selected:
            self._selected.remove(value)
        self.emit_value()

    def value(self) -> list[Any]:
        """The checked values in the order they were chosen (stored values keep their order)."""
        return list(self._selected)

    def _show(self, value: Any) -> None:
        # Values the list does not offer (an outcome deleted since) are kept, not lost.
        self._selected = list(value or [])
        for option, box in self.boxes:
            with signals_blocked(box):
                box.setChecked(option in self._selected)


def shorten(text: str, limit: int = 70) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def item_caption(item: Any, index: int) -> str:
    """A short caption of a list item for pickers: ``3. Analyse data sets…``."""
    for attr in ("title", "text", "name", "label", "activity"):
        text = getattr(item, attr, "")
        if isinstance(text, str) and text.strip():
            return f"{index + 1}. {text.strip().splitlines()[0]}"
    return f"{index + 1}. …"


class RefsEditor(ChecklistEditor):
    """Links to items of another list (an assessment's learning outcomes), shown by their text."""

    MAX_COLUMNS = 1

    def context_paths(self) -> tuple[str, ...]:
        return (self.field.items_from,) if self.field.items_from else ()

    def update_context(self, proposal: Any) -> None:
        source = self.field.items_from
        if not source:
            return
        try:
            items = get_value(proposal, source)
        except PathError:
            items = []
        options = [(item.id, item_caption(item, i)) for i, item in enumerate(items or [])]
        self.set_options(options)


class ChosenValuesList(QListWidget):
    """The values chosen in a pick list, each label wrapped onto as many lines as it needs
    (its full text also in a tooltip). The list is as tall as its first :attr:`MAX_VISIBLE`
    entries; only longer lists scroll."""

    MAX_VISIBLE = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)

    def updateGeometries(self) -> None:
        """After every layout of the entries (new values, a new width) fit the height."""
        super().updateGeometries()
        self.fit_height()

    def fit_height(self) -> None:
        """Make the list just tall enough for its first :attr:`MAX_VISIBLE` entries."""
        count = self.count()
        scrolls = count > self.MAX_VISIBLE
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if count:
            last = self.visualItemRect(self.item(min(count, self.MAX_VISIBLE) - 1))
            content = last.bottom() + 1 + self.verticalScrollBar().value() + self.spacing()
        else:
            content = self.fontMetrics().height() + 4
        height = content + 2 * self.frameWidth()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)


class PickListEditor(FieldEditor):
    """Several values picked by typing: terms of a long vocabulary, or free keywords.

    With a vocabulary, typing any part of a label (or its code) suggests terms; Enter or a
    click adds the term. Without one, Enter adds the typed text (commas separate several).
    The chosen values are listed below; Delete removes the selected ones.
    """

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.options = field_options(field) if field.kind == "concepts" else []
        self.free_text = not self.options and field.kind == "texts"
        self._by_label = {label.casefold(): value for value, label in self.options}
        self.container = QWidget(self)
        column = QVBoxLayout(self.container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        entry_row = QHBoxLayout()
        self.entry = QLineEdit(self.container)
        self.entry.setPlaceholderText(field.placeholder or self._placeholder())
        entry_row.addWidget(self.entry, 1)
        self.remove_button = QPushButton(self.tr("Remove"), self.container)
        self.remove_button.setToolTip(self.tr("Remove the selected entries (Delete)"))
        self.remove_button.setAccessibleName(
            self.tr("Remove from {label}").format(label=field.label)
        )
        self.remove_button.clicked.connect(self.remove_selected)
        entry_row.addWidget(self.remove_button)
        column.addLayout(entry_row)
        self.list = ChosenValuesList(self.container)
        self.list.setAccessibleName(self.tr("{label}: chosen").format(label=field.label))
        self.list.itemChanged.connect(self._on_item_edited)
        column.addWidget(self.list)
        self.list.installEventFilter(self)
        if self.options:
            self.model = QStringListModel([label for _, label in self.options], self)
            self.completer = QCompleter(self.model, self.entry)
            self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.completer.setMaxVisibleItems(12)
            self.completer.activated.connect(self._on_completion)
            self.entry.setCompleter(self.completer)
        self.entry.returnPressed.connect(self._on_return)
        self._values: list[Any] = []
        self.install(self.container, focus=self.entry)
        self.watch_focus(self.list)
        self._refresh_list()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete or Backspace in the list removes the selected entries."""
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.list.state() != QAbstractItemView.State.EditingState
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def _placeholder(self) -> str:
        if self.free_text:
            return self.tr("Type and press Enter to add (commas separate several)")
        return self.tr("Type to search, Enter to add")

    # ------------------------------------------------------------------ changes
    def _on_completion(self, label: str) -> None:
        value = self._by_label.get(label.casefold())
        if value is not None:
            self.add(value)
        self.entry.clear()

    def _on_return(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        if self.free_text:
            parts = [p.strip() for p in text.replace(";", ",").split(",")]
            added = [p for p in parts if p and p not in self._values]
            self.entry.clear()
            if added:
                self._values.extend(added)
                self._refresh_list()
                self.emit_value()
            return
        value = self._by_label.get(text.casefold())
        if value is None:
            matches = [v for v, lab in self.options if text.casefold() in lab.casefold()]
            value = matches[0] if len(matches) == 1 else None
        if value is None:
            self.set_input_error(
                self.tr("“{text}” matches no single term; pick one of the suggestions.").format(
                    text=text
                )
            )
            return
        self.entry.clear()
        self.add(value)

    def add(self, value: Any) -> None:
        """Add ``value`` (ignored when it is already chosen)."""
        self.set_input_error(None)
        if value in self._values:
            return
        self._values.append(value)
        self._refresh_list()
        self.emit_value()

    def remove_selected(self) -> None:
        """Remove the entries selected in the list."""
        rows = sorted({self.list.row(item) for item in self.list.selectedItems()}, reverse=True)
        if not rows and self.list.currentRow() >= 0:
            rows = [self.list.currentRow()]
        if not rows:
            return
        for row in rows:
            del self._values[row]
        self._refresh_list()
        self.list.setCurrentRow(min(rows[-1], self.list.count() - 1))
        self.emit_value()

    def _on_item_edited(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        text = item.text().strip()
        if not (0 <= row < len(self._values)) or not self.free_text:
            return
        if text:
            self._values[row] = text
        else:
            del self._values[row]
        self._refresh_list()
        self.emit_value()

    # ------------------------------------------------------------------ display
    def _refresh_list(self) -> None:
        with signals_blocked(self.list):
            self.list.clear()
            for value in self._values:
                label = value if self.free_text else label_for(self.options, value)
                item = QListWidgetItem(str(label))
                item.setToolTip(str(label))
                if self.free_text:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
        self.list.setVisible(bool(self._values))
        self.remove_button.setEnabled(bool(self._values))
        self.list.fit_height()

    def value(self) -> list[Any]:
        return list(self._values)

    def _show(self, value: Any) -> None:
        values = list(value or [])
        if values != self._values:
            self._values = values
            self._refresh_list()


#: Vocabularies up to this size are shown as check lists when several terms may be chosen.
CHECKLIST_LIMIT = 16


def terms_editor(field: FieldDef, parent: QWidget | None = None) -> FieldEditor:
    """Several vocabulary terms: tick boxes for a short vocabulary, else a pick list."""
    if len(field_options(field)) <= CHECKLIST_LIMIT:
        return ChecklistEditor(field, parent)
    return PickListEditor(field, parent)
