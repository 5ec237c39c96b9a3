"""One comment shown in a thread (author, time, text, Edit/Delete for one's own) and the
reply box under the thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formatting import formatter
from mcdesigner.model.review import Comment
from mcdesigner.ui.review.common import muted, plain_label, tab_moves_focus


class ReplyEdit(QPlainTextEdit):
    """The reply box: Ctrl+Enter sends, Tab moves on."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tab_moves_focus(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CommentCard(QFrame):
    """One comment: author, local time, the text, and Edit/Delete for one's own."""

    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, comment: Comment, *, own: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comment = comment
        self.setObjectName("commentCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        header = QHBoxLayout()
        author = comment.author or self.tr("Unknown")
        self.author_label = plain_label(author, self)
        bold = QFont(self.author_label.font())
        bold.setBold(True)
        self.author_label.setFont(bold)
        when = formatter().short_datetime(comment.created)
        if comment.edited is not None:
            when = self.tr("{time} (edited {edited})").format(
                time=when, edited=formatter().short_datetime(comment.edited)
            )
        self.time_label = plain_label(when, self)
        muted(self.time_label)
        who = QVBoxLayout()  # stacked, so a narrow dock never needs a horizontal scroll bar
        who.setSpacing(0)
        who.addWidget(self.author_label)
        who.addWidget(self.time_label)
        header.addLayout(who, 1)
        self.edit_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        if own:
            self.edit_button = QPushButton(self.tr("Edit"), self)
            self.edit_button.setAccessibleName(self.tr("Edit this comment"))
            self.edit_button.clicked.connect(lambda: self.edit_requested.emit(comment.id))
            self.delete_button = QPushButton(self.tr("Delete"), self)
            self.delete_button.setAccessibleName(self.tr("Delete this comment"))
            self.delete_button.clicked.connect(lambda: self.delete_requested.emit(comment.id))
            for button in (self.edit_button, self.delete_button):
                button.setFlat(True)
                button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                header.addWidget(button)
        layout.addLayout(header)
        self.body_label = plain_label(comment.body, self)
        self.body_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.body_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body_label.setAccessibleName(
            self.tr("Comment by {author}, {time}").format(author=author, time=when)
        )
        layout.addWidget(self.body_label)
