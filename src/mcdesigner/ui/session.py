"""The edit session: the open proposal, its undo history and its autosave.

Every user change arrives as an edit operation (:mod:`mcdesigner.model.edits`). The session
applies it to the proposal, records it on a ``QUndoStack`` (consecutive typing in one field
merges into one step until the user leaves the field) and schedules a save:
``autosave_delay_ms`` after the last change, and at least every few seconds while the user
keeps typing. The store call is synchronous and short; "Saved" is reported only after it
returned. A failed save keeps the edits in memory and retries; a proposal changed elsewhere
stops autosaving until the user chooses to reload or to keep their version as a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mcdesigner.model.edits import Edit, SetValue, apply_edit
from mcdesigner.model.fieldpath import PathError
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.validation import refusal
from mcdesigner.operations import EditConflict, Store, StoreError
from mcdesigner.operations.proposals import copy_of, open_proposal, save_proposal

#: Save at least this often while changes keep coming (milliseconds).
MAX_UNSAVED_MS = 5_000
#: First wait before retrying a failed save; doubles up to RETRY_MAX_MS.
RETRY_FIRST_MS = 2_000
RETRY_MAX_MS = 30_000

SAVED, UNSAVED, SAVING, FAILED, CONFLICT = "saved", "unsaved", "saving", "failed", "conflict"


def edit_error_message(error: Exception) -> str:
    """A short message for an edit the model refused (first validation problem)."""
    if isinstance(error, ValidationError) and error.errors():
        return refusal(error)
    return str(error)


class EditCommand(QUndoCommand):
    """One undo step: the edit (already applied when pushed) and its inverse."""

    def __init__(
        self, session: EditSession, edit: Edit, inverse: Edit, merge_key: str | None, text: str
    ) -> None:
        super().__init__(text)
        self.session = session
        self.forward = edit
        self.inverse = inverse
        self.merge_key = merge_key
        self.generation = session.merge_generation
        self._pushed = False

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if other.generation != self.generation:
            return False
        self.forward = other.forward
        if isinstance(self.forward, SetValue) and isinstance(self.inverse, SetValue):
            self.setObsolete(self.forward.value == self.inverse.value)
        return True

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # applied by EditSession.apply before it was pushed
            return
        self.session._replay(self.forward)

    def undo(self) -> None:
        self.session._replay(self.inverse)


class EditSession(QObject):
    """Owns the open proposal, applies edits, keeps undo history and saves automatically."""

    #: An edit changed the proposal: (edit, source path or None, forced refresh).
    changed = Signal(object, object, bool)
    #: The whole proposal was replaced (opened, reloaded, switched to a copy).
    proposal_changed = Signal(object)
    #: A save succeeded; carries the stored content hash.
    saved = Signal(str)
    #: Save state changed: (state, message) with state in saved/unsaved/saving/failed/conflict.
    save_state_changed = Signal(str, str)
    #: The stored proposal was changed elsewhere; carries the message to show.
    conflict = Signal(str)

    def __init__(
        self,
        store: Store,
        proposal: Proposal,
        content_hash: str | None,
        *,
        autosave_delay_ms: int = 750,
        after_save: Callable[[Proposal], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.proposal = proposal
        self.content_hash = content_hash
        self.after_save = after_save
        self.undo_stack = QUndoStack(self)
        self.merge_generation = 0
        self.state = SAVED if content_hash is not None else UNSAVED
        self.message = ""
        self._dirty = content_hash is None
        self._retry_ms = RETRY_FIRST_MS
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(autosave_delay_ms)
        self._debounce.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(MAX_UNSAVED_MS)
        self._max_wait.timeout.connect(self.save_now)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.save_now)

    # ------------------------------------------------------------------ properties
    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet stored."""
        return self._dirty

    @property
    def proposal_id(self) -> str:
        return self.proposal.id

    def set_autosave_delay(self, milliseconds: int) -> None:
        """Wait this long after the last change before saving."""
        self._debounce.setInterval(milliseconds)

    # ------------------------------------------------------------------ editing
    def apply(self, edit: Edit, description: str = "", merge_key: str | None = None) -> str | None:
        """Apply a user's edit; returns None, or why the model refused it (nothing changed)."""
        try:
            inverse = apply_edit(self.proposal, edit)
        except (ValidationError, PathError, ValueError) as error:
            return edit_error_message(error)
        command = EditCommand(self, edit, inverse, merge_key, description or self.tr("Edit"))
        self.undo_stack.push(command)
        self._after_change(edit, getattr(edit, "path", None), force=False)
        return None

    def close_merge(self) -> None:
        """End the current undo step: the next change starts a new one (user left a field)."""
        self.merge_generation += 1

    def _replay(self, edit: Edit) -> None:
        try:
            apply_edit(self.proposal, edit)
        except (ValidationError, PathError, ValueError):
            # The history no longer fits the proposal (should not happen); keep what we have.
            return
        self.close_merge()
        self._after_change(edit, None, force=True)

    def _after_change(self, edit: Edit, source: str | None, *, force: bool) -> None:
        self._mark_dirty()
        self.changed.emit(edit, source, force)

    def _mark_dirty(self) -> None:
        if not self._dirty:
            self._dirty = True
            self._max_wait.start()
        if self.state != CONFLICT:
            self._set_state(UNSAVED, "")
            self._debounce.start()

    # ------------------------------------------------------------------ saving
    def save_now(self) -> bool:
        """Store the proposal now if it has unsaved changes; True when it is stored."""
        if not self._dirty:
            return True
        if self.state == CONFLICT:
            return False
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        self._set_state(SAVING, "")
        try:
            new_hash = save_proposal(self.store, self.proposal, expected_hash=self.content_hash)
        except EditConflict as error:
            self._set_state(CONFLICT, str(error))
            self.conflict.emit(str(error))
            return False
        except (StoreError, OSError) as error:
            self._set_state(FAILED, str(error))
            self._retry.start(self._retry_ms)
            self._retry_ms = min(self._retry_ms * 2, RETRY_MAX_MS)
            return False
        self.content_hash = new_hash
        self._dirty = False
        self._retry_ms = RETRY_FIRST_MS
        self._set_state(SAVED, "")
        if self.after_save is not None:
            self.after_save(self.proposal)
        self.saved.emit(new_hash)
        return True

    def _set_state(self, state: str, message: str) -> None:
        self.state = state
        self.message = message
        self.save_state_changed.emit(state, message)

    # ------------------------------------------------------------------ conflicts
    def reload(self) -> None:
        """Drop unsaved changes and history; show the stored proposal."""
        opened = open_proposal(self.store, self.proposal.id)
        self.replace(opened.proposal, opened.content_hash)

    def keep_mine_as_copy(self, title_suffix: str) -> Proposal:
        """Store the current content as a new proposal and continue editing that copy."""
        copy = copy_of(self.proposal, title_suffix)
        new_hash = save_proposal(self.store, copy, expected_hash=None)
        self.replace(copy, new_hash)
        return copy

    def replace(self, proposal: Proposal, content_hash: str | None) -> None:
        """Switch to ``proposal`` (stored with ``content_hash``, or None if never stored)."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        self.proposal = proposal
        self.content_hash = content_hash
        self.undo_stack.clear()
        self._dirty = content_hash is None
        self._set_state(SAVED if not self._dirty else UNSAVED, "")
        self.proposal_changed.emit(proposal)
        if self._dirty:
            self._debounce.start()

    def shutdown(self) -> bool:
        """Save what is pending and stop the timers (before closing); True when all is stored."""
        stored = self.save_now()
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        return stored

    def snapshot(self) -> dict[str, Any]:
        """A description for diagnostics (state, dirty, undo depth)."""
        return {"state": self.state, "dirty": self._dirty, "undo": self.undo_stack.count()}
