"""What one list item looks like: a card (fields in a form, nested lists below), a table row,
or, until it is first needed, a placeholder line with its title (:class:`ItemPlaceholder`).

Views only display; adding, removing, duplicating and moving items is decided by the list
that owns them (:mod:`mcdesigner.widgets.item_lists`), which they call back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.i18n import tr
from mcdesigner.model.standards import ESG_BY_NUMBER
from mcdesigner.widgets.computed_view import ComputedLabel
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.form_block import FieldBlock, make_editor
from mcdesigner.widgets.item_drag import DragGrip
from mcdesigner.widgets.item_paths import item_path, path_in_item
from mcdesigner.widgets.labels import FieldLabel

if TYPE_CHECKING:
    from mcdesigner.widgets.item_lists import ItemListWidget
    from mcdesigner.widgets.item_table import ItemTableWidget


def _tool_button(text: str, tooltip: str, accessible: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tooltip)
    button.setAccessibleName(accessible)
    button.setAutoRaise(True)
    return button


class ItemButtons(QWidget):
    """Move up, move down, duplicate and remove buttons of one item."""

    def __init__(
        self, owner: ItemListWidget, item_id: str, *, compact: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.item_ref = (owner, item_id)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        noun = owner.group.item_label
        tr = owner.tr
        self.grip = DragGrip(owner.list_path, item_id, self)
        row.addWidget(self.grip)
        self.up = _tool_button(
            "↑", tr("Move up (Alt+Up)"), tr("Move {noun} up").format(noun=noun), self
        )
        self.down = _tool_button(
            "↓", tr("Move down (Alt+Down)"), tr("Move {noun} down").format(noun=noun), self
        )
        self.duplicate = _tool_button(
            "❐" if compact else tr("Duplicate"),
            tr("Duplicate (Ctrl+Shift+D)"),
            tr("Duplicate {noun}").format(noun=noun),
            self,
        )
        self.remove = _tool_button(
            "✕" if compact else tr("Remove"),
            tr("Remove (Ctrl+Shift+Delete)"),
            tr("Remove {noun}").format(noun=noun),
            self,
        )
        for button in (self.up, self.down, self.duplicate, self.remove):
            button.item_ref = self.item_ref  # type: ignore[attr-defined]
            row.addWidget(button)
        self.up.clicked.connect(lambda: owner.move_item(item_id, -1))
        self.down.clicked.connect(lambda: owner.move_item(item_id, +1))
        self.duplicate.clicked.connect(lambda: owner.duplicate_item(item_id))
        self.remove.clicked.connect(lambda: owner.remove_item(item_id))

    def set_position(self, index: int, count: int) -> None:
        """Enable the move buttons that make sense at ``index`` of ``count``."""
        self.up.setEnabled(index > 0)
        self.down.setEnabled(index < count - 1)


def fit_to_column(editor: FieldEditor) -> None:
    """Let a table column's share of the width decide the editor's width, not its content."""
    editor.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    editor.setMinimumWidth(editor.field.type.min_cell_width)
    combo = getattr(editor, "combo", None)
    if isinstance(combo, QComboBox):
        combo.setMinimumContentsLength(6)


#: Width of a computed value's column in a table (a budget line's amount).
COMPUTED_WIDTH = 90


class ItemView:
    """The widgets showing one item; subclasses decide the arrangement."""

    #: False for a placeholder that stands in for the item until it is needed.
    built = True

    def __init__(self, owner: ItemListWidget, item_id: str) -> None:
        self.owner = owner
        self.item_id = item_id
        self.path = item_path(owner.list_path, item_id)
        self.editors: list[FieldEditor] = []
        self.nested: list[ItemListWidget] = []
        self.computed: list[ComputedLabel] = []

    def field_path(self, schema: str) -> str:
        """The concrete path of a field of this item."""
        return path_in_item(schema, self.owner.group.path or "", self.path)

    def sync(self, proposal: Any, item: Any, index: int, count: int) -> None:
        """Show the item's place, title and computed values; sync nested lists."""
        for label in self.computed:
            label.refresh(proposal)
        for nested in self.nested:
            nested.sync(proposal)

    def widgets(self) -> list[QWidget]:
        """Every top-level widget of the view (to place or delete)."""
        raise NotImplementedError

    def focus_roots(self) -> list[QWidget]:
        """The top-level widgets in the order Tab visits them."""
        return self.widgets()

    def laid_out_height(self) -> int:
        """How tall the view is on the page (0 before it is laid out)."""
        shown = [w.geometry() for w in self.widgets() if w.isVisible()]
        if not shown:
            return 0
        return max(g.bottom() for g in shown) - min(g.top() for g in shown) + 1

    def dispose(self) -> None:
        """Detach editors from the page and delete the widgets."""
        for editor in self.editors:
            self.owner.context.release(editor)
        for nested in self.nested:
            nested.dispose()
        for widget in self.widgets():
            widget.setParent(None)
            widget.deleteLater()


class PlaceholderLine(QLabel):
    """The line standing in for an item not built yet; taking the focus builds the item."""

    def __init__(self, owner: ItemListWidget, item_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.item_ref = (owner, item_id)
        self.setObjectName("itemPlaceholder")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setContentsMargins(10, 6, 10, 6)
        # A colour role, not a style sheet: hundreds of lines must stay cheap to lay out.
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        owner, item_id = self.item_ref
        backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
        owner.build_item(item_id, focus="last" if backwards else "first")


class ItemPlaceholder(ItemView):
    """An item of a long list before it is first shown: one line with its title.

    The list builds the real view (:meth:`ItemListWidget.build_item`) when the line comes
    into view, gets the keyboard focus, or something asks for one of the item's fields.
    The line is as tall as the list's built items, so the page hardly moves meanwhile.
    """

    built = False

    def __init__(self, owner: ItemListWidget, item_id: str, parent: QWidget, height: int) -> None:
        super().__init__(owner, item_id)
        self.line = PlaceholderLine(owner, item_id, parent)
        self.line.setFixedHeight(max(24, height))
        self._title = ""

    def sync(self, proposal: Any, item: Any, index: int, count: int) -> None:
        title = self.owner.group.item_title(item, index)
        if title != self._title:
            self._title = title
            self.line.setText(title)

    def widgets(self) -> list[QWidget]:
        return [self.line]


class ItemCard(ItemView):
    """An item as a framed card: heading with buttons, its fields, nested lists."""

    def __init__(self, owner: ItemListWidget, item_id: str, parent: QWidget) -> None:
        super().__init__(owner, item_id)
        from mcdesigner.widgets.item_lists import make_item_list

        group = owner.group
        self.frame = QFrame(parent)
        self.frame.setObjectName("itemCard")
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frame.item_ref = (owner, item_id)  # type: ignore[attr-defined]
        column = QVBoxLayout(self.frame)
        column.setContentsMargins(10, 6, 10, 8)
        header = QHBoxLayout()
        self.title = QLabel(self.frame)
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        header.addWidget(self.title, 1)
        column.addLayout(header)
        self.note = QLabel(self.frame)
        self.note.setObjectName("itemNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        column.addWidget(self.note)
        block = FieldBlock(group.fields, self.field_path, owner.context, self.frame)
        self.editors = block.editors
        column.addWidget(block)
        for value in group.computed:
            label = ComputedLabel(value, self.path, self.frame)
            self.computed.append(label)
            block.layout_.addRow(label.caption, label)
        for sub in group.groups:
            box = QGroupBox(sub.title, self.frame)
            box.setObjectName("nestedList")
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(6, 4, 6, 6)
            nested = make_item_list(
                sub, owner.context, box, parent_group=group.path, parent_item=self.path
            )
            box_layout.addWidget(nested)
            self.nested.append(nested)
            column.addWidget(box)
        # Built last, so Tab visits the item's fields before its buttons.
        self.buttons: ItemButtons | None = None
        if not owner.fixed:
            self.buttons = ItemButtons(owner, item_id, compact=False, parent=self.frame)
            header.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)

    def sync(self, proposal: Any, item: Any, index: int, count: int) -> None:
        title = f"<b>{self.owner.group.item_title(item, index)}</b>"
        if title != self.title.text():
            self.title.setText(title)
        standard = getattr(item, "standard", None)
        info = ESG_BY_NUMBER.get(standard) if isinstance(standard, str) else None
        if info is not None:
            self.note.setText(tr(info.focus))
            self.note.setVisible(True)
        if self.buttons is not None:
            self.buttons.set_position(index, count)
        super().sync(proposal, item, index, count)

    def widgets(self) -> list[QWidget]:
        return [self.frame]


class ItemRow(ItemView):
    """An item as one row of a table: short values in columns, long texts below them."""

    def __init__(self, owner: ItemTableWidget, item_id: str, parent: QWidget) -> None:
        super().__init__(owner, item_id)
        group = owner.group
        self.frame = QWidget(parent)
        self.frame.setObjectName("itemRow")
        self.frame.item_ref = (owner, item_id)  # type: ignore[attr-defined]
        grid = QGridLayout(self.frame)
        owner.configure_columns(grid)
        self.cells: list[QWidget] = []
        self.long_rows: list[tuple[QLabel, FieldEditor]] = []
        for field in owner.columns:
            editor = make_editor(field, self.field_path(field.path), self.frame)
            fit_to_column(editor)
            editor.item_ref = (owner, item_id)  # type: ignore[attr-defined]
            owner.context.adopt(editor)
            self.editors.append(editor)
            self.cells.append(editor)
        for value in group.computed:
            label = ComputedLabel(value, self.path, self.frame)
            label.setContentsMargins(0, 5, 0, 0)  # level with the text in the boxes beside it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setMinimumWidth(COMPUTED_WIDTH)
            self.computed.append(label)
            self.cells.append(label)
        for column, cell in enumerate(self.cells):
            grid.addWidget(cell, 0, column, Qt.AlignmentFlag.AlignTop)
        span = owner.button_column()
        for row, field in enumerate(owner.long_fields, start=1):
            editor = make_editor(field, self.field_path(field.path), self.frame)
            editor.item_ref = (owner, item_id)  # type: ignore[attr-defined]
            caption = FieldLabel(field, self.frame)
            caption.setBuddy(editor)
            owner.context.adopt(editor, caption)
            self.editors.append(editor)
            self.long_rows.append((caption, editor))
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, row, 1, 1, max(1, span - 1))
        self.buttons = ItemButtons(owner, item_id, compact=True, parent=self.frame)
        grid.addWidget(self.buttons, 0, span, Qt.AlignmentFlag.AlignTop)

    def sync(self, proposal: Any, item: Any, index: int, count: int) -> None:
        self.buttons.set_position(index, count)
        super().sync(proposal, item, index, count)

    def widgets(self) -> list[QWidget]:
        return [self.frame]
