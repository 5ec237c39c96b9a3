"""Repeatable groups: lists of items shown as cards or as a table, with add, remove,
duplicate and reorder (buttons, Alt+Up / Alt+Down).

A list never changes the proposal itself: it submits edit operations
(:class:`~mcdesigner.model.edits.InsertItem`, ``RemoveItem``, ``MoveItem``) to the page and
rebuilds its views from the proposal in :meth:`ItemListWidget.sync`. Item views are kept
by item id, so an edit elsewhere never recreates the widget the user is typing in.

Long lists stay cheap: past :data:`EAGER_ITEMS` items, an item starts as a placeholder line
with its title (:class:`~mcdesigner.widgets.item_views.ItemPlaceholder`) and its editors are
built by :meth:`ItemListWidget.build_item` when it comes into view (the page asks), when it
gets the keyboard focus (Tab reaches the line) or when one of its fields is asked for
(navigation from the Issues panel, undo). A change inside one item refreshes that item only
(:meth:`ItemListWidget.sync_item`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formdefs.definitions import GroupDef
from mcdesigner.model.base import Item
from mcdesigner.model.edits import InsertItem, MoveItem, RemoveItem, duplicate_item
from mcdesigner.model.fieldpath import PathError, describe, find_item, get_value
from mcdesigner.model.proposal import Proposal
from mcdesigner.widgets.form_block import PageContext
from mcdesigner.widgets.item_drag import dragged_item, drop_target
from mcdesigner.widgets.item_paths import concrete_list_path
from mcdesigner.widgets.item_views import ItemCard, ItemPlaceholder, ItemView

#: Lists up to this many items build every item at once; longer ones build items when needed.
EAGER_ITEMS = 8


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
        self._positions: dict[str, int] = {}
        #: Height of a built item, given to placeholders (measured on the first one built).
        self._item_height = 32
        self.calibrated = False
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

    def _swap(self, old: ItemView, new: ItemView) -> None:
        """Put the built view ``new`` where the placeholder ``old`` is."""
        index = self.cards.indexOf(old.widgets()[0])
        self.cards.insertWidget(index, new.widgets()[0])

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
            kept = set(ids)
            for gone in [i for i in self.views if i not in kept]:
                self.views.pop(gone).dispose()
            created = []
            lazy = len(ids) > EAGER_ITEMS
            for item_id in ids:
                if item_id not in self.views:
                    view = (
                        ItemPlaceholder(self, item_id, self.body, self._item_height)
                        if lazy
                        else self._new_view(item_id)
                    )
                    self.views[item_id] = view
                    created.append(view)
            self.order = ids
            self._positions = {item_id: index for index, item_id in enumerate(ids)}
            self._place()
            shown = self.isVisible()
            for view in created:
                if view.built or shown:
                    # Shown now rather than on the next event loop pass, so it can take the
                    # focus (lines of a hidden list are shown with it, which is cheaper).
                    for widget in view.widgets():
                        widget.show()
        self.empty_label.setVisible(not ids)
        self.body.setVisible(bool(ids))
        for index, item in enumerate(items):
            self.views[item.id].sync(proposal, item, index, len(items))

    def sync_item(self, proposal: Any, item_id: str) -> None:
        """Refresh the view of one item only (a value inside it changed)."""
        position = self._positions.get(item_id)
        view = self.views.get(item_id)
        if position is None or view is None:
            return
        value = self.items_value(proposal)
        item = find_item(value, item_id) if value is not None else None
        if item is not None:
            view.sync(proposal, item, position, len(self.order))

    def items_value(self, proposal: Any) -> list[Any] | None:
        """The list itself in ``proposal`` (None when it is gone)."""
        try:
            value = get_value(proposal, self.list_path)
        except PathError:
            return None
        return value if isinstance(value, list) else None

    def unbuilt(self) -> list[tuple[str, QWidget]]:
        """The items still shown as placeholders, in order, with their line."""
        return [
            (item_id, view.widgets()[0])
            for item_id in self.order
            if not (view := self.views[item_id]).built
        ]

    def build_item(self, item_id: str, *, focus: str | None = None) -> ItemView | None:
        """Build the editors of a placeholder item (no-op when built); ``focus`` "first" or
        "last" then puts the cursor into its first or last field."""
        view = self.views.get(item_id)
        if view is None:
            return None
        if not view.built:
            view = self._build(view)
        if focus is not None:
            targets = [w for w in _focusable(view) if w.isVisibleTo(self)]
            if targets:
                target = targets[0] if focus == "first" else targets[-1]
                target.setFocus(Qt.FocusReason.TabFocusReason)
        return view

    def _build(self, placeholder: ItemView) -> ItemView:
        item_id = placeholder.item_id
        proposal = self.context.current_proposal()
        view = self._new_view(item_id)
        self.views[item_id] = view
        self._swap(placeholder, view)
        value = self.items_value(proposal) if proposal is not None else None
        item = find_item(value, item_id) if value is not None else None
        if item is not None:
            view.sync(proposal, item, self._positions[item_id], len(self.order))
        line = placeholder.widgets()[0]
        for widget in view.widgets():
            widget.show()
        # Tab goes on from where the line was: the new fields take its place in the chain.
        previous = line
        for widget in _focusable(view):
            QWidget.setTabOrder(previous, widget)
            previous = widget
        placeholder.dispose()
        self.context.item_built(self, view)
        return view

    def calibrate(self) -> None:
        """Once an item is built and laid out, give the placeholders its height."""
        if self.calibrated:
            return
        heights = [v.laid_out_height() for v in self.views.values() if v.built]
        height = max(heights, default=0)
        if height <= 0:
            return
        self.calibrated = True
        self._item_height = height
        for view in self.views.values():
            if not view.built:
                view.widgets()[0].setFixedHeight(height)

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

    def set_message(self, text: str, colour: str = "") -> None:
        """Show a check result about the whole list (e.g. "add at least one")."""
        if text != self.message.text():
            self.message.setText(text)
            self.message.setVisible(bool(text))
        if colour and colour != getattr(self, "_message_colour", None):
            self._message_colour = colour
            self.message.setStyleSheet(f"color: {colour};")

    def position(self, item_id: str) -> int | None:
        """The index of the item in the list (None when it is not in it)."""
        return self._positions.get(item_id)

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
        index = self._positions[item_id]
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
        value = self.items_value(proposal)
        source = find_item(value, item_id) if value is not None else None
        if source is None or item_id not in self._positions:
            return
        copy = duplicate_item(source)
        self.context.submit(
            InsertItem(self.list_path, self._positions[item_id] + 1, copy),
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
        if self.fixed or self._positions.get(item_id, target) == target:
            return
        self.context.submit(
            MoveItem(self.list_path, item_id, target),
            self.tr("Move {noun}").format(noun=self._noun()),
        )

    def move_item(self, item_id: str, delta: int) -> None:
        """Move the item ``delta`` places (keeping the keyboard focus where it was)."""
        if self.fixed or item_id not in self._positions:
            return
        index = self._positions[item_id]
        target = index + delta
        if not 0 <= target < len(self.order):
            return
        focused = QApplication.focusWidget()
        focus_path = getattr(_editor_of(focused), "path", None)
        self.context.submit(
            MoveItem(self.list_path, item_id, target),
            self.tr("Move {noun}").format(noun=self._noun()),
            focus_after=focus_path,
        )
        if focus_path is None and focused is not None:
            focused.setFocus()


def install_item_shortcuts(area: QWidget) -> list[QShortcut]:
    """Alt+Up / Alt+Down, Ctrl+Shift+D and Ctrl+Shift+Delete on the focused item in ``area``."""
    bindings: tuple[tuple[str, Callable[[ItemListWidget, str], None]], ...] = (
        ("Alt+Up", lambda lst, item_id: lst.move_item(item_id, -1)),
        ("Alt+Down", lambda lst, item_id: lst.move_item(item_id, +1)),
        ("Ctrl+Shift+D", lambda lst, item_id: lst.duplicate_item(item_id)),
        ("Ctrl+Shift+Delete", lambda lst, item_id: lst.remove_item(item_id)),
    )
    shortcuts = []
    for keys, action in bindings:
        shortcut = QShortcut(QKeySequence(keys), area)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda act=action: _on_focused_item(act))
        shortcuts.append(shortcut)
    return shortcuts


def _on_focused_item(action: Callable[[ItemListWidget, str], None]) -> None:
    widget = QApplication.focusWidget()
    while widget is not None and not hasattr(widget, "item_ref"):
        widget = widget.parentWidget()
    if widget is not None:
        owner, item_id = widget.item_ref
        action(owner, item_id)


def in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: "Learning outcome" -> "learning outcome".

    Acronyms keep their capitals ("ESCO skill", "IQAS indicator").
    """
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _focusable(view: ItemView) -> list[QWidget]:
    """The widgets of ``view`` that Tab stops at, in their focus-chain order."""
    found: list[QWidget] = []
    for root in view.focus_roots():
        widget: QWidget | None = root
        while widget is not None and (widget is root or root.isAncestorOf(widget)):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                found.append(widget)
            following = widget.nextInFocusChain()
            widget = None if following is root else following
    return found


def _editor_of(widget: QWidget | None) -> Any:
    from mcdesigner.widgets.contract import FieldEditor

    while widget is not None and not isinstance(widget, FieldEditor):
        widget = widget.parentWidget()
    return widget


def make_item_list(
    group: GroupDef,
    context: PageContext,
    parent: QWidget | None = None,
    *,
    parent_group: str | None = None,
    parent_item: str | None = None,
) -> ItemListWidget:
    """The list widget for ``group``'s layout (table, cards or fixed cards)."""
    from mcdesigner.widgets.item_table import ItemTableWidget

    cls = ItemTableWidget if group.layout == "table" else ItemListWidget
    return cls(group, context, parent, parent_group=parent_group, parent_item=parent_item)
