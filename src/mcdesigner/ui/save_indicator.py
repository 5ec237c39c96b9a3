"""The save state in the status bar: "Saved", "Unsaved changes", "Saving…", "Save failed: …"."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from mcdesigner.ui.session import CONFLICT, FAILED, SAVED, SAVING, UNSAVED


class SaveIndicator(QLabel):
    """Shows the edit session's save state; red when saving failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        self.setAccessibleName(self.tr("Save state"))
        self.setMinimumWidth(140)
        self.show_state("", "")

    def show_state(self, state: str, message: str) -> None:
        """Display ``state`` (see :mod:`mcdesigner.ui.session`) with its message."""
        texts = {
            SAVED: self.tr("Saved"),
            UNSAVED: self.tr("Unsaved changes"),
            SAVING: self.tr("Saving…"),
            FAILED: self.tr("Save failed: {message}").format(message=_first_sentence(message)),
            CONFLICT: self.tr("Not saved: changed elsewhere"),
        }
        self.setText(texts.get(state, ""))
        self.setToolTip(message)
        alarming = state in (FAILED, CONFLICT)
        self.setStyleSheet("color: #c62828; font-weight: bold;" if alarming else "")


def _first_sentence(text: str) -> str:
    head = text.split(". ")[0]
    return head if len(head) <= 120 else head[:119] + "…"
