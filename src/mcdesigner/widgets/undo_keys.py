"""Send Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y past text boxes to the window's undo history.

Qt text boxes keep their own undo history and swallow the undo keys. The editor has one
history for the whole proposal, so the boxes must leave those keys to the window's actions.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoKeyRouter(QObject):
    """Event filter: undo/redo shortcuts are not taken by the filtered text box."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        is_key = event.type() in kinds and isinstance(event, QKeyEvent)
        if not is_key or not any(event.matches(key) for key in _KEYS):  # type: ignore[attr-defined]
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.ignore()  # not taken by the box: the window's undo shortcut fires
        return True  # never let the box undo on its own

    def route(self, root: QWidget) -> None:
        """Filter every text box inside ``root`` (and ``root`` itself if it is one)."""
        boxes = [root] if isinstance(root, QLineEdit | QPlainTextEdit | QTextEdit) else []
        boxes += root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit)
        boxes += root.findChildren(QTextEdit)
        for box in boxes:
            if isinstance(box, QPlainTextEdit | QTextEdit):
                box.setUndoRedoEnabled(False)
            box.installEventFilter(self)
