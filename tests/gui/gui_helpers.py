"""Helpers for driving the real editor widgets in tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from mcdesigner.model.proposal import Proposal
from mcdesigner.storage import Store


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` with key events carrying the characters (Unicode safe)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def press(widget: QWidget, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key on ``widget``."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def stored(db_path: Path, proposal_id: str) -> Proposal:
    """The proposal as stored, read through a second (non-exclusive) store."""
    with Store.open(db_path) as store:
        return store.get(proposal_id)


def editor(window: Any, path: str) -> Any:
    """The editor of ``path`` in the window (its section is shown first)."""
    section = window.forms.section_of(path)
    assert section is not None, path
    page = window.editor.show_section(section.id)
    found = page.editor(path)
    assert found is not None, f"no editor for {path}"
    return found
