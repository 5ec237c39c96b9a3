"""What the editor does to the generated field widgets from outside: lock them for reading
and add "Add comment…" to their context menus.

Locking (reviewer mode, submitted proposals) keeps every field focusable and selectable,
so a reviewer can still select text, copy it and comment on the field, but no value can
change: text boxes become read-only, choice widgets ignore the mouse and the keys that
would change them, and the buttons that add, remove or move list entries are disabled.
Only widgets this module changed are restored when the lock is lifted.

The comment menu finds the field (or list item) a widget belongs to and offers to start a
comment thread on exactly that path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.item_drag import DragGrip
from mcdesigner.widgets.item_paths import item_path

#: Dynamic properties marking what this module changed (so unlocking restores only that).
_MADE_READ_ONLY = "mcdMadeReadOnly"
_GUARDED = "mcdGuarded"
_DISABLED = "mcdDisabled"
_NO_EDIT_TRIGGERS = "mcdEditTriggers"
_HOOKED = "mcdCommentMenu"

#: Keys a locked choice widget still accepts: moving the focus and opening menus.
_FREE_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape, Qt.Key.Key_Menu})
_BLOCKED_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    }
)


class _ChangeBlocker(QObject):
    """Event filter of a locked choice widget: focus yes, changes no."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _BLOCKED_EVENTS:
            if kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
                watched.setFocus(Qt.FocusReason.MouseFocusReason)  # focusable for comments
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.key() not in _FREE_KEYS
        return False


_blocker: _ChangeBlocker | None = None


def _change_blocker() -> _ChangeBlocker:
    global _blocker
    if _blocker is None:
        _blocker = _ChangeBlocker()
    return _blocker


def _is_text_box(widget: QWidget) -> bool:
    return isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox)


def _is_choice(widget: QWidget) -> bool:
    return isinstance(widget, QComboBox | QCheckBox | QRadioButton | QAbstractItemView)


def lock(root: QWidget) -> None:
    """Make every value under ``root`` read-only (still focusable)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if _is_text_box(widget):
            if not widget.isReadOnly():  # type: ignore[attr-defined]
                widget.setReadOnly(True)  # type: ignore[attr-defined]
                widget.setProperty(_MADE_READ_ONLY, True)
        elif _is_choice(widget):
            if not widget.property(_GUARDED):
                widget.installEventFilter(_change_blocker())
                widget.setProperty(_GUARDED, True)
            if isinstance(widget, QAbstractItemView) and widget.property(_NO_EDIT_TRIGGERS) is None:
                widget.setProperty(_NO_EDIT_TRIGGERS, int(widget.editTriggers().value))
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        elif (
            isinstance(widget, QAbstractButton | DragGrip)
            and widget.isEnabled()
            and not widget.property(_DISABLED)
        ):
            widget.setEnabled(False)
            widget.setProperty(_DISABLED, True)


def unlock(root: QWidget) -> None:
    """Undo :func:`lock` under ``root`` (widgets keep any state their owners gave them)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property(_MADE_READ_ONLY):
            widget.setReadOnly(False)  # type: ignore[attr-defined]
            widget.setProperty(_MADE_READ_ONLY, False)
        if widget.property(_GUARDED):
            widget.removeEventFilter(_change_blocker())
            widget.setProperty(_GUARDED, False)
        triggers = widget.property(_NO_EDIT_TRIGGERS)
        if isinstance(widget, QAbstractItemView) and isinstance(triggers, int):
            widget.setEditTriggers(QAbstractItemView.EditTrigger(triggers))
            widget.setProperty(_NO_EDIT_TRIGGERS, None)
        if widget.property(_DISABLED):
            widget.setEnabled(True)
            widget.setProperty(_DISABLED, False)


def is_locked(widget: QWidget) -> bool:
    """Whether :func:`lock` keeps ``widget`` from changing its value."""
    if _is_text_box(widget):
        return bool(widget.isReadOnly())  # type: ignore[attr-defined]
    if _is_choice(widget):
        return bool(widget.property(_GUARDED))
    return not widget.isEnabled()


# ---------------------------------------------------------------------------
# Comment menu
# ---------------------------------------------------------------------------
def commentable_path(widget: QWidget | None) -> str | None:
    """The concrete path a widget shows: its field, else the list item it is part of."""
    while widget is not None:
        if isinstance(widget, FieldEditor):
            return widget.path
        ref = getattr(widget, "item_ref", None)
        if isinstance(ref, tuple) and len(ref) == 2:
            owner, item_id = ref
            return item_path(owner.list_path, item_id)
        widget = widget.parentWidget()
    return None


def _text_box_of(widget: QWidget) -> QWidget | None:
    """The text box whose own menu (copy, select all …) should head the menu."""
    candidate: QWidget | None = widget
    for _ in range(2):  # the box itself or the viewport inside it
        if isinstance(candidate, QLineEdit | QPlainTextEdit | QTextEdit):
            return candidate
        candidate = candidate.parentWidget() if candidate is not None else None
    return None


class CommentMenu(QObject):
    """Adds "Add comment…" to the context menus of field widgets and list item cards.

    ``request(path)`` is called with the concrete path when the user picks it.
    """

    def __init__(self, request: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = request
        self.enabled = True

    def watch(self, widgets: Iterable[QWidget]) -> None:
        """Offer the comment entry on ``widgets`` (field editors with everything inside them,
        list item cards: context menus of their plain children reach the card)."""
        for widget in widgets:
            if widget.property(_HOOKED):
                continue
            widget.installEventFilter(self)
            widget.setProperty(_HOOKED, True)

    def menu_for(self, widget: QWidget) -> QMenu | None:
        """The context menu for ``widget``: its own entries (text boxes), then the comment."""
        path = commentable_path(widget)
        if path is None:
            return None
        box = _text_box_of(widget)
        menu = box.createStandardContextMenu() if box is not None else None  # type: ignore[attr-defined]
        if menu is None:
            menu = QMenu(widget)
        else:
            menu.addSeparator()
        action = menu.addAction(self.tr("Add comment…"))
        action.setObjectName("addCommentAction")
        action.setShortcut("Ctrl+Alt+M")
        action.setEnabled(self.enabled)
        action.triggered.connect(lambda: self._request(path))
        return menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or not isinstance(watched, QWidget):
            return False
        menu = self.menu_for(watched)
        if menu is None:
            return False
        assert isinstance(event, QContextMenuEvent)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())
        return True
