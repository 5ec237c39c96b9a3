"""Reordering list items by drag and drop: a grip on each item, and the drop position logic.

The grip starts a drag carrying the list path and the item id; the list that owns the item
accepts the drop and turns it into the same ``MoveItem`` edit as Alt+Up / Alt+Down.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

ITEM_MIME = "application/x-mcdesigner-item"


def item_mime(list_path: str, item_id: str) -> QMimeData:
    """Drag data naming one item of one list."""
    data = QMimeData()
    data.setData(ITEM_MIME, QByteArray(f"{list_path}\n{item_id}".encode()))
    return data


def dragged_item(data: QMimeData, list_path: str) -> str | None:
    """The id of the item dragged from ``list_path`` (None for anything else)."""
    if not data.hasFormat(ITEM_MIME):
        return None
    source, _, item_id = bytes(data.data(ITEM_MIME).data()).decode().partition("\n")
    return item_id if source == list_path and item_id else None


def drop_target(order: Sequence[str], centres: Sequence[int], item_id: str, y: int) -> int:
    """Where ``item_id`` lands when dropped at height ``y``.

    ``centres`` are the vertical centres of the items in ``order``. The result is the index
    for :class:`~mcdesigner.model.edits.MoveItem` (counted without the moved item).
    """
    before = next((i for i, centre in enumerate(centres) if y < centre), len(order))
    current = order.index(item_id)
    return before - 1 if before > current else before


class DragGrip(QLabel):
    """A handle to drag an item to another place in its list (the mouse alternative to Alt+Up)."""

    def __init__(self, list_path: str, item_id: str, parent: QWidget | None = None) -> None:
        super().__init__("⠿", parent)
        self.list_path = list_path
        self.item_id = item_id
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("Drag to move (or Alt+Up / Alt+Down)"))
        self.setAccessibleName(self.tr("Drag to move"))
        self._pressed_at: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._pressed_at
        if start is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        moved = (event.position().toPoint() - start).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._pressed_at = None
        drag = QDrag(self)
        drag.setMimeData(item_mime(self.list_path, self.item_id))
        drag.exec(Qt.DropAction.MoveAction)
