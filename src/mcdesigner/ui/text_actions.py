"""Edit › Cut, Copy, Paste and Select All, acting on the text field that has the focus.

They work on any one-line or multi-line text box of the window (the form's fields, the
Translations view, comments, search boxes) and on editable drop-down lists, with the
standard shortcuts. Each is enabled only when it can act: Cut and Copy need selected
text, Cut and Paste an editable field (and Paste text on the clipboard), Select All some
text. Elsewhere (a list, a table) they are disabled, so their shortcuts are left to that
widget (the Issues list copies the issue under Ctrl+C).

What they do is what the keyboard does in the field itself, so a cut or paste in a form
field is an edit like typing: stored, checked and undoable.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from mcdesigner.ui.icons import action_icon

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


def text_target(widget: QWidget | None) -> TextWidget | None:
    """The text box that Edit's actions act on when ``widget`` has the focus (None: none)."""
    if isinstance(widget, QComboBox):
        return widget.lineEdit() if widget.isEditable() else None
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget
    return None


def _selected(target: TextWidget) -> bool:
    if isinstance(target, QLineEdit):
        return target.hasSelectedText() and target.echoMode() == QLineEdit.EchoMode.Normal
    return target.textCursor().hasSelection()


def _has_text(target: TextWidget) -> bool:
    if isinstance(target, QLineEdit):
        return bool(target.text())
    return not target.document().isEmpty()


@dataclass
class TextActions:
    """The four actions (owned by the window)."""

    cut: QAction
    copy: QAction
    paste: QAction
    select_all: QAction


class TextActionsController(QObject):
    """Creates the actions and keeps them enabled exactly when they can act."""

    def __init__(self, frame: QWidget) -> None:
        super().__init__(frame)
        tr = frame.tr
        keys = QKeySequence.StandardKey
        self.actions = TextActions(
            cut=self._make(frame, tr("Cu&t"), keys.Cut, "cut"),
            copy=self._make(frame, tr("&Copy"), keys.Copy, "copy"),
            paste=self._make(frame, tr("&Paste"), keys.Paste, "paste"),
            select_all=self._make(frame, tr("Select &All"), keys.SelectAll, "select_all"),
        )
        self._target: TextWidget | None = None
        self._watched: list[tuple[SignalInstance, Callable[..., None]]] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        QGuiApplication.clipboard().dataChanged.connect(self.update)
        self._follow(QApplication.focusWidget())

    def _make(self, frame: QWidget, text: str, key: QKeySequence.StandardKey, name: str) -> QAction:
        """An action calling the text box's method ``name`` (``select_all``: selectAll)."""
        method = "selectAll" if name == "select_all" else name
        action = QAction(text, frame)
        action.setShortcuts(QKeySequence.keyBindings(key))
        label = text.replace("&", "")
        action.setToolTip(f"{label} ({action.shortcut().toString()})")
        action.setIcon(action_icon(name))
        action.triggered.connect(lambda: self._act(method))
        frame.addAction(action)
        return action

    @property
    def target(self) -> TextWidget | None:
        """The text box the actions act on right now."""
        return self._target

    def _act(self, method: str) -> None:
        target = self._target
        if target is not None:
            getattr(target, method)()
        self.update()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._follow(new)

    def _follow(self, widget: QWidget | None) -> None:
        for signal, slot in self._watched:
            with suppress(RuntimeError, TypeError):  # the widget may be gone
                signal.disconnect(slot)
        self._watched = []
        target = text_target(widget)
        self._target = target
        if target is not None:
            for signal in (target.selectionChanged, target.textChanged, target.destroyed):
                slot = self._on_target_signal
                signal.connect(slot)
                self._watched.append((signal, slot))
        self.update()

    def _on_target_signal(self, *_args: object) -> None:
        self.update()

    def update(self) -> None:
        """Enable each action exactly when it can act on the focused text box."""
        target = self._target
        try:
            editable = target is not None and not target.isReadOnly()
            selected = target is not None and _selected(target)
            has_text = target is not None and _has_text(target)
        except RuntimeError:  # the text box was deleted
            self._target = None
            editable = selected = has_text = False
        clipboard = bool(QGuiApplication.clipboard().text())
        self.actions.cut.setEnabled(editable and selected)
        self.actions.copy.setEnabled(selected)
        self.actions.paste.setEnabled(editable and clipboard)
        self.actions.select_all.setEnabled(has_text)
