"""Reviewing in the window: reviewer mode, the Comments dock, markers and the review dialogs.

Reviewer mode, or a proposal whose status does not allow editing, locks the editor (a
banner says why); comments stay possible everywhere. "Comment on this field…" starts a
thread on the field (or list item) that last had the keyboard focus. The markers beside
fields follow every change of the threads. The rubric, compare and status dialogs open
over the window without blocking it; after a status change the proposal is reloaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QStatusBar, QWidget

from mcdesigner.model.edits import SetTranslation, SetValue
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.status import status_label
from mcdesigner.operations import StoreError
from mcdesigner.ui.review.markers import (
    OPEN_MARK,
    RESOLVED_MARK,
    AnnotationMarker,
    annotation_counts,
    is_read_only,
    marker_tooltip,
)
from mcdesigner.ui.session import EditSession

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoGroup

    from mcdesigner.checks import CheckSettings
    from mcdesigner.formdefs.definitions import FormSet
    from mcdesigner.operations import Store
    from mcdesigner.settings import Preferences
    from mcdesigner.ui.editor_area import EditorArea
    from mcdesigner.ui.review import AnnotationsPanel
    from mcdesigner.ui.state import UiState


class ReviewHost(Protocol):
    """What reviewing needs from the window."""

    store: Store
    forms: FormSet
    preferences: Preferences
    ui_state: UiState
    editor: EditorArea
    undo_group: QUndoGroup

    @property
    def session_opened(self) -> SignalInstance: ...

    @property
    def check_settings(self) -> CheckSettings: ...

    def go_to_path(self, path: str) -> bool: ...

    def show_issues(self) -> None: ...

    def check_now(self, *, show_dock: bool = True) -> None: ...

    def refresh_library(self) -> None: ...

    def show_error(self, title: str, message: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class ReviewWiring(QObject):
    """Owns the Comments dock and the reviewer-mode switch of the window."""

    #: The editor became read-only (True) or editable (False).
    read_only_changed = Signal(bool)

    def __init__(self, window: ReviewHost, frame: QMainWindow) -> None:
        super().__init__(frame)
        self.window = window
        self.frame = frame  # docks and dialogs belong to it
        self._panel: AnnotationsPanel | None = None
        self.dock = QDockWidget(self.tr("Comments"), frame)
        self.dock.setObjectName("commentsDock")
        self.dock.setWidget(QWidget(self.dock))  # the panel is built when first needed
        frame.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._balanced = False
        self.dock.visibilityChanged.connect(self._on_dock_visible)
        self.dialog: QDialog | None = None
        self.reviewer_mode = window.ui_state.reviewer_mode
        self._session: EditSession | None = None
        window.editor.comment_requested.connect(self.comment_on)
        window.session_opened.connect(self._on_session_opened)

    @property
    def panel(self) -> AnnotationsPanel:
        """The comment threads panel (built on first use: the dock starts hidden)."""
        if self._panel is None:
            from mcdesigner.ui.review import AnnotationsPanel

            panel = AnnotationsPanel(forms=self.window.forms)
            panel.navigate_requested.connect(self.window.go_to_path)
            panel.annotations_changed.connect(self.refresh_markers)
            self._panel = panel
            self.dock.setWidget(panel)
            self._sync_context()
        return self._panel

    def _sync_context(self) -> None:
        """Show the open proposal's threads; new comments carry the name from Preferences."""
        if self._panel is None:
            return
        proposal = self.proposal
        store = self.window.store if proposal is not None else None
        self._panel.set_context(store, proposal, self.window.preferences.user_name)

    # ------------------------------------------------------------------ session
    def _on_session_opened(self, session: EditSession) -> None:
        self._session = session
        session.proposal_changed.connect(self._on_replaced)
        session.changed.connect(self._on_edit)
        self._on_replaced(session.proposal)

    def session_closed(self) -> None:
        """Nothing is open any more: empty the panel and unlock the editor."""
        self._session = None
        self._sync_context()
        self.window.editor.set_markers([])
        self.update_read_only()

    def _on_replaced(self, _proposal: Proposal) -> None:
        self._sync_context()
        self.refresh_markers()
        self.update_read_only()

    def _on_edit(self, edit: Any, *_args: Any) -> None:
        if not isinstance(edit, SetValue | SetTranslation):
            # Items were added, removed or moved: thread names and markers may change.
            if self._panel is not None:
                self._panel.refresh()
            self.refresh_markers()

    @property
    def proposal(self) -> Proposal | None:
        return self._session.proposal if self._session is not None else None

    # ------------------------------------------------------------------ markers
    def refresh_markers(self) -> None:
        """Show a marker beside every field and list item that has comment threads."""
        proposal = self.proposal
        if proposal is None:
            self.window.editor.set_markers([])
            return
        try:
            annotations = self.window.store.list_annotations(proposal.id)
        except StoreError:
            annotations = []
        self.window.editor.set_markers(markers_for(annotations, proposal))

    # ------------------------------------------------------------------ read-only
    def set_reviewer_mode(self, on: bool) -> None:
        """Switch reviewer mode (remembered for the next start)."""
        self.reviewer_mode = on
        self.window.ui_state.reviewer_mode = on
        if on and self._session is not None:
            self._session.save_now()
        self.update_read_only()
        if on:
            self.show_comments()

    def update_read_only(self) -> None:
        """Lock or unlock the editor from reviewer mode and the proposal's status."""
        proposal = self.proposal
        status = proposal.status if proposal is not None else "draft"
        locked = proposal is not None and is_read_only(status, self.reviewer_mode)
        reason = self.read_only_reason(status) if locked else ""
        editor = self.window.editor
        was_locked = editor.read_only
        editor.set_read_only(locked, reason)
        session = self._session
        if session is not None:
            # No active history: Undo and Redo are disabled while the editor is locked.
            self.window.undo_group.setActiveStack(None if locked else session.undo_stack)  # type: ignore[arg-type]
        if locked != was_locked:
            self.read_only_changed.emit(locked)

    def read_only_reason(self, status: str) -> str:
        """The banner text of a locked editor."""
        comment_hint = self.tr("You can still comment on any field (Ctrl+Alt+M).")
        if self.reviewer_mode:
            return " ".join(
                (
                    self.tr("Read-only: reviewer mode."),
                    comment_hint,
                    self.tr("Turn reviewer mode off in the Review menu to edit."),
                )
            )
        reasons = {
            "submitted": self.tr("Read-only: submitted proposals cannot be edited."),
            "in_review": self.tr("Read-only: proposals in review cannot be edited."),
            "approved": self.tr("Read-only: approved proposals cannot be edited."),
            "rejected": self.tr("Read-only: rejected proposals cannot be edited."),
        }
        first = reasons.get(
            status,
            self.tr("Read-only: proposals with the status “{status}” cannot be edited.").format(
                status=status_label(status)
            ),
        )
        parts = [first, comment_hint]
        if status in ("submitted", "rejected"):
            parts.append(
                self.tr("To change it, move it back to draft under Review › Status and history.")
            )
        return " ".join(parts)

    def _on_dock_visible(self, visible: bool) -> None:
        if visible and self._panel is None:
            self.dock.setUpdatesEnabled(False)
            _ = self.panel
            self.dock.setUpdatesEnabled(True)
        if visible and not self._balanced:
            QTimer.singleShot(0, self._balance)

    def _balance(self) -> None:
        """The first time the dock shows: the thread gets more room than the list."""
        splitter = self.panel.splitter
        height = sum(splitter.sizes())
        if height > 0 and not self._balanced:
            self._balanced = True
            splitter.setSizes([height * 2 // 5, height - height * 2 // 5])

    # ------------------------------------------------------------------ comments
    def show_comments(self) -> None:
        """Show the Comments dock in front."""
        self.dock.show()
        self.dock.raise_()

    def comment_on_focused(self) -> None:
        """Start a comment thread on the field (or list item) that last had the focus."""
        path = self.window.editor.focused_path
        if self.proposal is None:
            self.window.statusBar().showMessage(self.tr("Open a proposal first."), 6000)
            return
        if path is None:
            self.window.statusBar().showMessage(
                self.tr("Click into a field first, then choose “Comment on this field”."), 8000
            )
            return
        self.comment_on(path)

    def comment_on(self, path: str) -> None:
        """Start a comment thread on the concrete ``path``."""
        session = self._session
        if session is None:
            return
        session.save_now()  # the thread refers to the stored version of the field
        self.show_comments()
        self.panel.add_annotation(path)

    # ------------------------------------------------------------------ dialogs
    def _proposal_id(self) -> str | None:
        """The open proposal's id, saved first; None (with a message) when none is open."""
        session = self._session
        if session is None:
            self.window.statusBar().showMessage(self.tr("Open a proposal first."), 6000)
            return None
        session.save_now()
        return session.proposal_id

    def _open(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` over the window without blocking it (deleted when closed)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def score(self) -> QDialog | None:
        """Score the open proposal on a rubric (Review › Score the proposal…)."""
        from mcdesigner.ui.review import RubricDialog

        proposal_id = self._proposal_id()
        if proposal_id is None:
            return None
        from mcdesigner.operations.profiles import review_rubrics

        dialog = RubricDialog(
            self.window.store,
            proposal_id,
            self.window.preferences.user_name,
            self.frame,
            rubrics=review_rubrics(),
        )
        dialog.review_saved.connect(
            lambda _review: self.window.statusBar().showMessage(
                self.tr("Your review was saved."), 6000
            )
        )
        return self._open(dialog)

    def compare(self) -> QDialog | None:
        """Compare the open proposal with an earlier revision."""
        from mcdesigner.ui.review import CompareDialog

        proposal_id = self._proposal_id()
        if proposal_id is None:
            return None
        dialog = CompareDialog(
            self.window.store,
            proposal_id,
            self.frame,
            current=self.proposal,
            forms=self.window.forms,
        )
        return self._open(dialog)

    def status(self) -> QDialog | None:
        """See and change the open proposal's workflow status and its history."""
        from mcdesigner.ui.review import StatusDialog

        proposal_id = self._proposal_id()
        if proposal_id is None:
            return None
        dialog = StatusDialog(
            self.window.store,
            proposal_id,
            self.window.preferences.user_name,
            self.frame,
            settings=self.window.check_settings,
        )
        dialog.status_changed.connect(self._after_status_change)
        dialog.show_issues_requested.connect(self.window.show_issues)
        # Refused for the checks' errors: show them beside their fields too.
        dialog.submit_refused.connect(lambda: self.window.check_now(show_dock=False))
        return self._open(dialog)

    def _after_status_change(self, _status: str) -> None:
        session = self._session
        if session is None:
            return
        try:
            session.reload()  # the stored status and content hash changed
        except StoreError as error:
            self.window.show_error(self.tr("Could not reload the proposal"), str(error))
            return
        self.window.refresh_library()

    def export_review(self) -> None:
        """Save your comments and scores on the open proposal to a review file."""
        from mcdesigner.ui.review import export_review_interactive

        proposal_id = self._proposal_id()
        if proposal_id is not None:
            export_review_interactive(
                self.frame,
                self.window.store,
                proposal_id,
                self.window.preferences.user_name,
                folders=self.window.ui_state,
            )

    def import_review(self) -> None:
        """Merge a review file into the library, then show its threads and markers."""
        from mcdesigner.ui.review import import_review_interactive

        if self._session is not None:
            self._session.save_now()
        imported = import_review_interactive(
            self.frame, self.window.store, folders=self.window.ui_state
        )
        if imported is not None:
            self.after_import()

    def after_import(self) -> None:
        """A review file was merged: show its threads and markers."""
        if self._panel is not None:
            self._panel.refresh()
            self._panel.thread_view.reload()
        self.refresh_markers()
        self.window.refresh_library()

    def apply_preferences(self) -> None:
        """Comments are signed with the (maybe new) name from Preferences."""
        self._sync_context()


def markers_for(annotations: list[Any], proposal: Proposal) -> list[AnnotationMarker]:
    """Markers for the fields and items of ``proposal`` that have threads (orphans left out).

    Each says how many threads are open or resolved, led by ● (something is open) or ✓.
    """
    from mcdesigner.model.fieldpath import exists

    markers = []
    for path, (open_count, resolved_count) in sorted(annotation_counts(annotations).items()):
        if not exists(proposal, path):
            continue
        symbol = OPEN_MARK if open_count else RESOLVED_MARK
        markers.append(
            AnnotationMarker(path, f"{symbol} {marker_tooltip(open_count, resolved_count)}")
        )
    return markers
