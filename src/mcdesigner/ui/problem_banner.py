"""A red bar above the editor when saving fails or the proposal was changed elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ProblemBanner(QFrame):
    """Says what went wrong with saving and offers the ways out."""

    retry_requested = Signal()
    reload_requested = Signal()
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setStyleSheet(
            "#problemBanner { background: #fdecea; border-bottom: 1px solid #c62828; }"
            " #problemBanner QLabel { color: #8e0000; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.retry = QPushButton(self.tr("Try again now"), self)
        self.retry.clicked.connect(self.retry_requested)
        self.reload = QPushButton(self.tr("Reload the stored version"), self)
        self.reload.clicked.connect(self.reload_requested)
        self.copy = QPushButton(self.tr("Keep mine as a copy"), self)
        self.copy.clicked.connect(self.copy_requested)
        for button in (self.retry, self.reload, self.copy):
            row.addWidget(button)
        self.kind = ""
        self.clear_problem()

    def show_failure(self, message: str) -> None:
        """Saving failed; the changes are kept in memory and saving is retried."""
        self.kind = "failed"
        self.text.setText(
            self.tr(
                "Your changes could not be saved: {message}\nThey are kept in this window and "
                "saving is retried automatically."
            ).format(message=message)
        )
        self._show(retry=True, conflict=False)

    def show_conflict(self, message: str) -> None:
        """The stored proposal changed elsewhere; automatic saving is paused."""
        self.kind = "conflict"
        self.text.setText(message)
        self._show(retry=False, conflict=True)

    def clear_problem(self) -> None:
        self.kind = ""
        self.setVisible(False)

    def _show(self, *, retry: bool, conflict: bool) -> None:
        self.retry.setVisible(retry)
        self.reload.setVisible(conflict)
        self.copy.setVisible(conflict)
        self.setVisible(True)
