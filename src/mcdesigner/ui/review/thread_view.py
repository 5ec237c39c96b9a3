"""One comment thread: its comments, a reply box, editing and deleting one's own comments.

Comments are shown as plain text (whatever characters a reviewer typed appear literally).
Every change is written to the store at once; the stored thread gets a new ``updated``
time so merging review files later keeps the most recent state.
"""

from __future__ import annotations

from itertools import pairwise

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, default_forms, describe_path
from mcdesigner.model.fieldpath import exists
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Comment, utc_now
from mcdesigner.operations import Store, StoreError, ThreadConflict
from mcdesigner.operations.reviews import delete_thread, save_thread
from mcdesigner.ui.review.comment_card import CommentCard, ReplyEdit
from mcdesigner.ui.review.common import (
    ERROR_COLOUR,
    muted,
    plain_label,
    thread_status,
)

#: Most characters a comment may hold (the model's limit).
MAX_COMMENT_LENGTH = 20_000


class ThreadView(QWidget):
    """Shows and edits one annotation thread (or the first comment of a new one)."""

    #: Something was saved or deleted in the store.
    changed = Signal()
    #: The user asked to go to the commented field (the path is passed).
    navigate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("threadView")
        self.setAccessibleName(self.tr("Comment thread"))
        self._store: Store | None = None
        self._proposal: Proposal | None = None
        self._reviewer = ""
        self._forms: FormSet | None = None
        self._annotation: Annotation | None = None
        self._draft: tuple[str, str] | None = None  # (path, label) of a thread not saved yet
        self._editing: str | None = None  # id of the comment being edited
        self._cards: list[CommentCard] = []
        self._build()
        self._show_state()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.placeholder = plain_label(
            self.tr("Select a comment thread to read it, or add a comment on a field."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted(self.placeholder)
        outer.addWidget(self.placeholder)

        self.body = QWidget(self)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = plain_label("", self.body)
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.title_label.setAccessibleName(self.tr("Commented field"))
        self.detail_label = plain_label("", self.body)
        muted(self.detail_label)
        self.orphan_label = plain_label(
            self.tr(
                "This field or list item no longer exists in the proposal. "
                "The comments are kept so nothing is lost."
            ),
            self.body,
        )
        self.orphan_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.title_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.orphan_label)

        actions = QHBoxLayout()
        self.goto_button = QPushButton(self.tr("Go to field"), self.body)
        self.goto_button.setToolTip(self.tr("Open the section and show the commented field"))
        self.goto_button.clicked.connect(self._go_to_field)
        self.resolve_button = QPushButton(self.tr("Resolve"), self.body)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        actions.addWidget(self.goto_button)
        actions.addStretch(1)
        actions.addWidget(self.resolve_button)
        layout.addLayout(actions)

        self.scroll_area = QScrollArea(self.body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comments_box = QWidget(self.scroll_area)
        self.comments_layout = QVBoxLayout(self.comments_box)
        self.comments_layout.setContentsMargins(0, 0, 0, 0)
        self.comments_layout.addStretch(1)
        self.scroll_area.setWidget(self.comments_box)
        layout.addWidget(self.scroll_area, 1)

        self._build_reply(layout)
        outer.addWidget(self.body, 1)

    def _build_reply(self, layout: QVBoxLayout) -> None:
        """The reply box, the name hint and the Cancel and Send buttons."""
        self.editing_label = plain_label(self.tr("Editing your comment"), self.body)
        self.editing_label.setStyleSheet("font-style: italic;")
        layout.addWidget(self.editing_label)
        self.reply_edit = ReplyEdit(self.body)
        self.reply_edit.setAccessibleName(self.tr("Reply"))
        self.reply_edit.setPlaceholderText(self.tr("Write a reply… (Ctrl+Enter sends)"))
        self.reply_edit.setMaximumHeight(90)
        self.reply_edit.submitted.connect(self.send)
        self.reply_edit.textChanged.connect(self._update_buttons)
        layout.addWidget(self.reply_edit)
        self.name_hint = plain_label(
            self.tr("Set your name in Preferences before commenting: comments carry their author."),
            self.body,
        )
        self.name_hint.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.name_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.body)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.send_button = QPushButton(self.tr("Send"), self.body)
        self.send_button.setToolTip(self.tr("Save the comment (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ context
    def set_context(
        self,
        store: Store | None,
        proposal: Proposal | None,
        reviewer_name: str,
        forms: FormSet | None = None,
    ) -> None:
        """Work on ``proposal``'s threads in ``store`` as ``reviewer_name``."""
        self._store = store
        self._proposal = proposal
        self._reviewer = reviewer_name.strip()
        self._forms = forms
        if proposal is None or (
            self._annotation is not None and self._annotation.proposal_id != proposal.id
        ):
            self._annotation = None
            self._draft = None
            self._editing = None
        self._show_state()

    @property
    def forms(self) -> FormSet:
        if self._forms is None:
            self._forms = default_forms()
        return self._forms

    def annotation(self) -> Annotation | None:
        """The thread shown (None for an empty view or a new thread not yet saved)."""
        return self._annotation

    def draft_path(self) -> str | None:
        """The path of the new thread being started, if any."""
        return self._draft[0] if self._draft else None

    def current_path(self) -> str | None:
        """The field path of the thread shown or being started."""
        if self._annotation is not None:
            return self._annotation.path
        return self.draft_path()

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Show ``annotation`` (None clears the view). A reply being typed is kept."""
        switching = (
            annotation is None or self._annotation is None or annotation.id != self._annotation.id
        )
        self._annotation = annotation
        self._draft = None
        if switching:
            self._editing = None
        self._show_state()

    def start_new_thread(self, path: str, label: str = "") -> None:
        """Start a thread on ``path``: the first comment written creates it."""
        self._annotation = None
        self._editing = None
        self._draft = (path, label)
        self.reply_edit.clear()
        self._show_state()
        self.reply_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Re-read the thread shown from the store (it may have been changed by an import)."""
        if self._annotation is None or self._store is None:
            self._show_state()
            return
        current = self._annotation.id
        try:
            found = self._store.list_annotations(self._annotation.proposal_id)
        except StoreError:
            found = []
        self._annotation = next((a for a in found if a.id == current), None)
        if self._annotation is None:
            self._editing = None
        self._show_state()

    # ------------------------------------------------------------------ display
    def _path_exists(self, path: str) -> bool:
        return self._proposal is not None and exists(self._proposal, path)

    def _show_state(self) -> None:
        active = self._annotation is not None or self._draft is not None
        self.placeholder.setVisible(not active)
        self.body.setVisible(active)
        self._clear_cards()
        if not active:
            return
        path = self.current_path() or ""
        present = self._path_exists(path)
        stored_label = self._annotation.label if self._annotation else (self._draft or ("", ""))[1]
        if self._proposal is not None and present:
            info = describe_path(self.forms, path, self._proposal)
            title, section = info.label, info.section_title
        else:
            title, section = stored_label or path, ""
        self.title_label.setText(title)
        if self._annotation is None:
            detail = self.tr("New comment thread")
        else:
            status = thread_status(self._annotation.status)
            detail = " · ".join(part for part in (section, status) if part)
        if section and self._annotation is None:
            detail = f"{section} · {detail}"
        self.detail_label.setText(detail)
        self.orphan_label.setVisible(not present)
        self.goto_button.setEnabled(present)
        if self._annotation is not None:
            resolved = self._annotation.status == "resolved"
            self.resolve_button.setText(self.tr("Reopen") if resolved else self.tr("Resolve"))
            self.resolve_button.setAccessibleName(
                self.tr("Reopen this thread") if resolved else self.tr("Mark this thread resolved")
            )
            self.resolve_button.setVisible(True)
            for comment in self._annotation.comments:
                self._add_card(comment)
        else:
            self.resolve_button.setVisible(False)
        self.reply_edit.setPlaceholderText(
            self.tr("Write the first comment… (Ctrl+Enter sends)")
            if self._annotation is None
            else self.tr("Write a reply… (Ctrl+Enter sends)")
        )
        self._update_buttons()
        self._order_focus()

    def _order_focus(self) -> None:
        """Tab goes through the thread top to bottom: actions, each comment, the reply box."""
        chain: list[QWidget] = [self.goto_button, self.resolve_button]
        for card in self._cards:
            chain.append(card.body_label)
            chain.extend(b for b in (card.edit_button, card.delete_button) if b is not None)
        chain.extend([self.reply_edit, self.cancel_button, self.send_button])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _clear_cards(self) -> None:
        for card in self._cards:
            self.comments_layout.removeWidget(card)
            card.hide()  # deletion waits for the event loop; never paint a stale card
            card.deleteLater()
        self._cards = []

    def _add_card(self, comment: Comment) -> None:
        own = bool(self._reviewer) and comment.author == self._reviewer
        card = CommentCard(comment, own=own, parent=self.comments_box)
        card.edit_requested.connect(self.begin_edit)
        card.delete_requested.connect(self.delete_comment)
        self.comments_layout.insertWidget(self.comments_layout.count() - 1, card)
        card.show()  # at once, not after the next event loop pass
        self._cards.append(card)

    def comment_cards(self) -> list[CommentCard]:
        """The comment widgets shown, in order."""
        return list(self._cards)

    def _update_buttons(self) -> None:
        named = bool(self._reviewer)
        self.name_hint.setVisible(not named)
        self.reply_edit.setEnabled(named and self._store is not None)
        has_text = bool(self.reply_edit.toPlainText().strip())
        self.send_button.setEnabled(named and has_text and self._store is not None)
        editing = self._editing is not None
        self.send_button.setText(self.tr("Save changes") if editing else self.tr("Send"))
        self.editing_label.setVisible(editing)
        self.cancel_button.setVisible(editing)

    # ------------------------------------------------------------------ actions
    def _go_to_field(self) -> None:
        path = self.current_path()
        if path and self._path_exists(path):
            self.navigate_requested.emit(path)

    def _save(self, annotation: Annotation) -> bool:
        """Write ``annotation`` to the store; on failure say why and keep the view as it was."""
        if self._store is None:
            return False
        try:
            # Changes made elsewhere meanwhile (a review import) are combined, not lost.
            saved = save_thread(self._store, annotation, based_on=self._annotation)
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Comment not saved"), str(error))
            return False
        self._annotation = saved
        self._draft = None
        return True

    def send(self) -> bool:
        """Save the reply box: a new comment, the first one of a new thread, or an edit."""
        text = self.reply_edit.toPlainText().strip()
        if not text or not self._reviewer or self._store is None or self._proposal is None:
            return False
        if len(text) > MAX_COMMENT_LENGTH:
            QMessageBox.warning(
                self,
                self.tr("Comment too long"),
                self.tr(
                    "A comment can hold at most {limit} characters; this one has {count}."
                ).format(
                    limit=formatter().number(MAX_COMMENT_LENGTH),
                    count=formatter().number(len(text)),
                ),
            )
            return False
        try:
            updated = self._with_reply(text)
        except ValidationError as error:
            problems = error.errors()
            detail = str(problems[0]["msg"]) if problems else str(error)
            QMessageBox.warning(
                self,
                self.tr("Comment not saved"),
                self.tr("The comment could not be stored: {detail}").format(detail=detail),
            )
            return False
        if updated is None:
            return False
        if not self._save(updated):
            return False
        self._editing = None
        self.reply_edit.clear()
        self._show_state()
        self.changed.emit()
        return True

    def _with_reply(self, text: str) -> Annotation | None:
        """The thread as it will be once the reply box is saved (a new object)."""
        assert self._proposal is not None and self._store is not None
        now = utc_now()
        if self._annotation is not None:
            updated = self._annotation.model_copy(deep=True)
            if self._editing is not None:
                for comment in updated.comments:
                    if comment.id == self._editing:
                        comment.body = text
                        comment.edited = now
            else:
                updated.comments = [*updated.comments, Comment(author=self._reviewer, body=text)]
            updated.updated = now
            return updated
        if self._draft is None:
            return None
        path, label = self._draft
        if not label:
            label = describe_path(self.forms, path, self._proposal).label
        try:
            revision = self._store.get_hash(self._proposal.id)
        except StoreError:
            revision = ""
        return Annotation(
            proposal_id=self._proposal.id,
            path=path,
            label=label[:200],
            revision_hash=revision,
            comments=[Comment(author=self._reviewer, body=text)],
        )

    def toggle_resolved(self) -> None:
        """Resolve an open thread, or reopen a resolved one."""
        if self._annotation is None:
            return
        updated = self._annotation.model_copy(deep=True)
        updated.status = "open" if updated.status == "resolved" else "resolved"
        updated.updated = utc_now()
        if self._save(updated):
            self._show_state()
            self.changed.emit()

    def begin_edit(self, comment_id: str) -> None:
        """Load one of the user's own comments into the reply box for editing."""
        if self._annotation is None:
            return
        comment = next((c for c in self._annotation.comments if c.id == comment_id), None)
        if comment is None or comment.author != self._reviewer:
            return
        self._editing = comment_id
        self.reply_edit.setPlainText(comment.body)
        self.reply_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def cancel_edit(self) -> None:
        """Leave editing mode without changing the comment."""
        self._editing = None
        self.reply_edit.clear()
        self._update_buttons()

    def delete_comment(self, comment_id: str) -> None:
        """Delete one of the user's own comments after asking (the thread with its last one)."""
        if self._annotation is None or self._store is None:
            return
        comment = next((c for c in self._annotation.comments if c.id == comment_id), None)
        if comment is None or comment.author != self._reviewer:
            return
        last = len(self._annotation.comments) == 1
        question = (
            self.tr("Delete this comment? It is the only one, so the whole thread is removed.")
            if last
            else self.tr("Delete this comment? This cannot be undone.")
        )
        answer = QMessageBox.question(
            self,
            self.tr("Delete comment"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._editing == comment_id:
            self.cancel_edit()
        if last:
            try:
                delete_thread(self._store, self._annotation.id, based_on=self._annotation)
            except ThreadConflict as conflict:
                QMessageBox.information(
                    self,
                    self.tr("Thread kept"),
                    self.tr(
                        "Comments were added to this thread elsewhere since it was opened, "
                        "so it was kept; they are shown now."
                    ),
                )
                self._annotation = conflict.stored
                self._show_state()
                self.changed.emit()
                return
            except StoreError as error:
                QMessageBox.warning(self, self.tr("Comment not deleted"), str(error))
                return
            self._annotation = None
            self._show_state()
            self.changed.emit()
            return
        updated = self._annotation.model_copy(deep=True)
        updated.comments = [c for c in updated.comments if c.id != comment_id]
        updated.updated = utc_now()
        if self._save(updated):
            self._show_state()
            self.changed.emit()
