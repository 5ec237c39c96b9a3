"""Repeatable groups shown as a table: one row per item under a header with the labels.

The table is an :class:`~mcdesigner.widgets.item_lists.ItemListWidget` arranged in a grid;
adding, removing, moving and building items lazily work as in every list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from mcdesigner.formdefs.definitions import FieldDef, GroupDef
from mcdesigner.widgets.form_block import PageContext
from mcdesigner.widgets.item_lists import ItemListWidget
from mcdesigner.widgets.item_views import ItemRow, ItemView
from mcdesigner.widgets.labels import marked_label_html


class ItemTableWidget(ItemListWidget):
    """A repeatable group shown as a table: one row per item, a header with the labels.

    Multi-line texts do not fit a column; they get their own line under the item's row.
    """

    def __init__(
        self, group: GroupDef, context: PageContext, parent: QWidget | None = None, **kw: Any
    ) -> None:
        self.columns: list[FieldDef] = [f for f in group.fields if not _is_long(f)]
        self.long_fields: list[FieldDef] = [f for f in group.fields if _is_long(f)]
        super().__init__(group, context, parent, **kw)

    def _build_body(self) -> None:
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(4)
        self.headers: list[QLabel] = []
        for column, field in enumerate(self.columns):
            header = QLabel(
                marked_label_html(
                    field.label, required=field.required, on_credential=field.on_credential
                ),
                self.body,
            )
            header.setToolTip(field.help)
            header.setWordWrap(True)
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            header.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            self.grid.addWidget(header, 0, column)
            self.headers.append(header)
            self.grid.setColumnStretch(column, _stretch(field))
        for offset, value in enumerate(self.group.computed):
            header = QLabel(f"<b>{value.label}</b>", self.body)
            header.setToolTip(value.help)
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(header, 0, len(self.columns) + offset)

    def _new_view(self, item_id: str) -> ItemView:
        return ItemRow(self, item_id, self.body)

    def _button_column(self) -> int:
        return len(self.columns) + len(self.group.computed)

    def _place(self) -> None:
        for view_id in self.order:
            for widget in self.views[view_id].widgets():
                self.grid.removeWidget(widget)
        for position, view_id in enumerate(self.order):
            self._place_view(self.views[view_id], self._first_row(position))

    def _first_row(self, position: int) -> int:
        # Every item takes the same rows (its columns, then one per long text), so an item
        # built later goes where its placeholder was without moving the others.
        return 1 + position * (1 + len(self.long_fields))

    def _place_view(self, view: ItemView, row: int) -> None:
        span = self._button_column()
        if not isinstance(view, ItemRow):
            self.grid.addWidget(view.widgets()[0], row, 0, 1, span + 1)
            return
        for column, cell in enumerate(view.cells):
            self.grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(view.buttons, row, span, Qt.AlignmentFlag.AlignTop)
        for offset, (caption, editor) in enumerate(view.long_rows, start=1):
            self.grid.addWidget(caption, row + offset, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(editor, row + offset, 1, 1, max(1, span - 1))

    def _swap(self, old: ItemView, new: ItemView) -> None:
        self.grid.removeWidget(old.widgets()[0])
        self._place_view(new, self._first_row(self._positions[new.item_id]))


def _is_long(field: FieldDef) -> bool:
    return field.editor_widget.full_width


def _stretch(field: FieldDef) -> int:
    return field.type.column_stretch
