"""Repeatable groups shown as a table: one row per item under a header with the labels.

The table is an :class:`~mcdesigner.widgets.item_lists.ItemListWidget` arranged in a grid;
adding, removing, moving and building items lazily work as in every list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mcdesigner.formdefs.definitions import FieldDef, GroupDef
from mcdesigner.widgets.form_block import PageContext
from mcdesigner.widgets.item_lists import ItemListWidget
from mcdesigner.widgets.item_views import COMPUTED_WIDTH, ItemButtons, ItemRow, ItemView
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
        # Each row is one widget with a grid of its own, configured like the header's
        # (the same stretches and minimum widths, every cell ignoring its content's width),
        # so the columns line up; a row is then as cheap to add, build or lay out as a card.
        self.cards = QVBoxLayout(self.body)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.setSpacing(4)
        self._buttons_width: int | None = None
        header = QWidget(self.body)
        header.setObjectName("tableHeader")
        grid = QGridLayout(header)
        self.configure_columns(grid)
        self.headers: list[QLabel] = []
        for column, field in enumerate(self.columns):
            label = QLabel(
                marked_label_html(
                    field.label, required=field.required, on_credential=field.on_credential
                ),
                header,
            )
            label.setToolTip(field.help)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(label, 0, column)
            self.headers.append(label)
        for offset, value in enumerate(self.group.computed):
            label = QLabel(f"<b>{value.label}</b>", header)
            label.setToolTip(value.help)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            grid.addWidget(label, 0, len(self.columns) + offset)
        self.cards.addWidget(header)

    def configure_columns(self, grid: QGridLayout) -> None:
        """Give ``grid`` the table's columns: a share of the width each, buttons last."""
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for column, field in enumerate(self.columns):
            grid.setColumnStretch(column, _stretch(field))
            grid.setColumnMinimumWidth(column, field.type.min_cell_width)
        for offset in range(len(self.group.computed)):
            grid.setColumnMinimumWidth(len(self.columns) + offset, COMPUTED_WIDTH)
        grid.setColumnMinimumWidth(self.button_column(), self.buttons_width())

    def buttons_width(self) -> int:
        """The width of a row's buttons (measured once, on a sample)."""
        if self._buttons_width is None:
            sample = ItemButtons(self, "", compact=True, parent=self)
            self._buttons_width = sample.sizeHint().width()
            sample.setParent(None)
            sample.deleteLater()
        return self._buttons_width

    def _new_view(self, item_id: str) -> ItemView:
        return ItemRow(self, item_id, self.body)

    def button_column(self) -> int:
        """The grid column of the row buttons (after the values and computed values)."""
        return len(self.columns) + len(self.group.computed)


def _is_long(field: FieldDef) -> bool:
    return field.editor_widget.full_width


def _stretch(field: FieldDef) -> int:
    return field.type.column_stretch
