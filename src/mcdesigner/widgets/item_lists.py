"""Repeatable groups: lists of items shown as cards or as a table, with add, remove,
duplicate and reorder (buttons, Alt+Up / Alt+Down).

A list never changes the proposal itself: it submits edit operations
(:class:`~mcdesigner.model.edits.InsertItem`, ``RemoveItem``, ``MoveItem``) to the page and
rebuilds its views from the proposal in :meth:`ItemListWidget.sync`. Item views are kept
by item id, so an edit elsewhere never recreates the widget the user is typing in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formdefs.definitions import FieldDef, GroupDef
from mcdesigner.model.base import Item
from mcdesigner.model.edits import InsertItem, MoveItem, RemoveItem, duplicate_item
from mcdesigner.model.fieldpath import PathError, describe, get_value
from mcdesigner.model.proposal import Proposal
from mcdesigner.widgets.form_block import PageContext
from mcdesigner.widgets.item_drag import dragged_item, drop_target
from mcdesigner.widgets.item_paths import concrete_list_path
from mcdesigner.widgets.item_views import ItemCard, ItemRow, ItemView
from mcdesigner.widgets.labels import marked_label_html


class ItemListWidget(QWidget):
    """A repeatable group shown as a column of cards (``cards`` and ``fixed`` layouts)."""

    def __init__(
        self,
        group: GroupDef,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        parent_group: str | None = None,
        parent_item: str | None = None,
    ) -> None:
        super().__init__(parent)
        assert group.path is not None
        self.group = group
        self.context = context
        self.list_path = concrete_list_path(group.path, parent_group, parent_item)
        self.fixed = group.layout == "fixed"
        self.views: dict[str, ItemView] = {}
        self.order: list[str] = []
        self.setObjectName(f"list:{group.path}")
        self.setAcceptDrops(not self.fixed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget(self)
        self._build_body()
        outer.addWidget(self.body)
        self.empty_label = QLabel(
            self.tr("No entries yet.")
            if not group.item_label
            else self.tr("No {noun} yet.").format(noun=in_sentence(group.item_label)),
            self,
        )
        self.empty_label.setEnabled(False)
        outer.addWidget(self.empty_label)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setStyleSheet("color: #c62828;")
        outer.addWidget(self.message)
        self.add_button: QPushButton | None = None
        if not self.fixed:
            row = QHBoxLayout()
            self.add_button = QPushButton(
                self.tr("Add {noun}").format(noun=self._noun()),
                self,
            )
            self.add_button.setAccessibleName(self.add_button.text())
            self.add_button.clicked.connect(self.add_item)
            row.addWidget(self.add_button)
            row.addStretch(1)
            outer.addLayout(row)

    # ------------------------------------------------------------------ layout hooks
    def _build_body(self) -> None:
        self.cards = QVBoxLayout(self.body)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.setSpacing(8)

    def _new_view(self, item_id: str) -> ItemView:
        return ItemCard(self, item_id, self.body)

    def _place(self) -> None:
        for view_id in self.order:
            for widget in self.views[view_id].widgets():
                self.cards.removeWidget(widget)
        for view_id in self.order:
            for widget in self.views[view_id].widgets():
                self.cards.addWidget(widget)

    # ------------------------------------------------------------------ syncing
    def items(self, proposal: Any) -> list[Any]:
        """The items of this list in ``proposal`` (empty when the list is gone)."""
        try:
            value = get_value(proposal, self.list_path)
        except PathError:
            return []
        return list(value) if isinstance(value, list) else []

    def sync(self, proposal: Any) -> None:
        """Create, delete and order item views to match ``proposal``; refresh titles."""
        items = self.items(proposal)
        ids = [item.id for item in items]
        if ids != self.order:
            for gone in [i for i in self.views if i not in ids]:
                self.views.pop(gone).dispose()
            created = []
            for item_id in ids:
                if item_id not in self.views:
                    self.views[item_id] = self._new_view(item_id)
                    created.append(self.views[item_id])
            self.order = ids
            self._place()
            for view in created:
                # Shown now rather than on the next event loop pass, so it can take the focus.
                for widget in view.widgets():
                    widget.show()
        self.empty_label.setVisible(not ids)
        self.body.setVisible(bool(ids))
        for index, item in enumerate(items):
            self.views[item.id].sync(proposal, item, index, len(items))

    def dispose(self) -> None:
        """Detach every editor of every item (before the list is deleted)."""
        for view in self.views.values():
            view.dispose()
        self.views.clear()
        self.order = []

    def all_lists(self) -> list[ItemListWidget]:
        """This list and every list nested in its items."""
        found: list[ItemListWidget] = [self]
        for view in self.views.values():
            for nested in view.nested:
                found.extend(nested.all_lists())
        return found

    def view_widget(self, item_id: str) -> QWidget | None:
        """The first widget of the item's view (to scroll to it)."""
        view = self.views.get(item_id)
        return view.widgets()[0] if view and view.widgets() else None

    def set_message(self, text: str) -> None:
        """Show a check result about the whole list (e.g. "add at least one")."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------------ editing
    def _noun(self) -> str:
        return in_sentence(self.group.item_label) or self.tr("entry")

    def _first_field_path(self, item_path: str) -> str | None:
        fields = self.group.fields
        if not fields:
            return item_path
        return item_path + fields[0].path[len(self.group.path or "") + 2 :]

    def add_item(self) -> None:
        """Append a new empty item and put the cursor into its first field."""
        model = describe(Proposal, self.group.path or "").item_model
        assert model is not None
        item = model()
        assert isinstance(item, Item)
        position = len(self.order)
        self.context.submit(
            InsertItem(self.list_path, position, item),
            self.tr("Add {noun}").format(noun=self._noun()),
            focus_after=self._first_field_path(f"{self.list_path}[{item.id}]"),
        )

    def remove_item(self, item_id: str) -> None:
        """Remove the item (undo brings it back)."""
        if self.fixed or item_id not in self.views:
            return
        index = self.order.index(item_id)
        neighbours = [i for i in self.order if i != item_id]
        focus = None
        if neighbours:
            focus = self._first_field_path(
                f"{self.list_path}[{neighbours[min(index, len(neighbours) - 1)]}]"
            )
        self.context.submit(
            RemoveItem(self.list_path, item_id),
            self.tr("Remove {noun}").format(noun=self._noun()),
            focus_after=focus,
        )
        if focus is None and self.add_button is not None:
            self.add_button.setFocus()

    def duplicate_item(self, item_id: str) -> None:
        """Insert a copy of the item (with fresh ids) right after it."""
        if self.fixed:
            return
        proposal = self.context.current_proposal()
        source = next((i for i in self.items(proposal) if i.id == item_id), None)
        if source is None:
            return
        copy = duplicate_item(source)
        self.context.submit(
            InsertItem(self.list_path, self.order.index(item_id) + 1, copy),
            self.tr("Duplicate {noun}").format(noun=self._noun()),
            focus_after=self._first_field_path(f"{self.list_path}[{copy.id}]"),
        )

    # ------------------------------------------------------------------ drag and drop
    def _accept_own_items(self, event: QDragMoveEvent) -> None:
        if dragged_item(event.mimeData(), self.list_path) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_own_items(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_own_items(event)

    def dropEvent(self, event: QDropEvent) -> None:
        item_id = dragged_item(event.mimeData(), self.list_path)
        if item_id is None or item_id not in self.order:
            event.ignore()
            return
        event.acceptProposedAction()
        y = event.position().toPoint().y()
        self.move_to(item_id, drop_target(self.order, self._centres(), item_id, y))

    def _centres(self) -> list[int]:
        centres = []
        for item_id in self.order:
            widget = self.view_widget(item_id)
            if widget is None:
                centres.append(0)
                continue
            top = widget.mapTo(self, QPoint(0, 0)).y()
            centres.append(top + widget.height() // 2)
        return centres

    def move_to(self, item_id: str, target: int) -> None:
        """Move the item to position ``target`` (a drop); nothing happens if it stays put."""
        if self.fixed or item_id not in self.order or self.order.index(item_id) == target:
            return
        self.context.submit(
            MoveItem(self.list_path, item_id, target),
            self.tr("Move {noun}").format(noun=self._noun()),
        )

    def move_item(self, item_id: str, delta: int) -> None:
        """Move the item ``delta`` places (keeping the keyboard focus where it was)."""
        if self.fixed or item_id not in self.order:
            return
        index = self.order.index(item_id)
        target = index + delta
        if not 0 <= target < len(self.order):
            return
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        focus_path = getattr(_editor_of(focused), "path", None)
        self.context.submit(
            MoveItem(self.list_path, item_id, target),
            self.tr("Move {noun}").format(noun=self._noun()),
            focus_after=focus_path,
        )
        if focus_path is None and focused is not None:
            focused.setFocus()


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Learning outcome" -> "learning outcome".

    Acronyms keep their capitals ("ESCO skill", "IQAS indicator").
    """
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _editor_of(widget: QWidget | None) -> Any:
    from mcdesigner.widgets.contract import FieldEditor

    while widget is not None and not isinstance(widget, FieldEditor):
        widget = widget.parentWidget()
    return widget


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
        row = 1
        span = self._button_column()
        for view_id in self.order:
            view = self.views[view_id]
            assert isinstance(view, ItemRow)
            for column, cell in enumerate(view.cells):
                self.grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(view.buttons, row, span, Qt.AlignmentFlag.AlignTop)
            row += 1
            for caption, editor in view.long_rows:
                self.grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
                self.grid.addWidget(editor, row, 1, 1, max(1, span - 1))
                row += 1


def _is_long(field: FieldDef) -> bool:
    return field.editor_widget.full_width


def _stretch(field: FieldDef) -> int:
    return field.type.column_stretch


def make_item_list(
    group: GroupDef,
    context: PageContext,
    parent: QWidget | None = None,
    *,
    parent_group: str | None = None,
    parent_item: str | None = None,
) -> ItemListWidget:
    """The list widget for ``group``'s layout (table, cards or fixed cards)."""
    cls = ItemTableWidget if group.layout == "table" else ItemListWidget
    return cls(group, context, parent, parent_group=parent_group, parent_item=parent_item)
