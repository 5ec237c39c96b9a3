"""The trash: deleting a proposal moves it there; it can be restored or removed for good.

A proposal in the trash keeps its content, revisions, comments and reviews, so restoring
it brings back exactly what was deleted. Only removing it for good throws all of that away.
"""

from __future__ import annotations

from mcdesigner.storage import ProposalSummary, Store


def library_list(store: Store, *, trash: bool = False) -> list[ProposalSummary]:
    """The proposals in the library (``trash``: those in the trash), most recently changed first."""
    if not trash:
        return store.list_proposals()
    return [s for s in store.list_proposals(include_deleted=True) if s.deleted_at is not None]


def search_library(store: Store, typed: str, *, trash: bool = False) -> set[str]:
    """The ids of the proposals in the library (``trash``: in the trash) whose texts hold
    every word of ``typed`` (any text, any of its languages; case and accents ignored)."""
    found = store.search_proposals(typed, include_deleted=trash)
    if not trash or not found:
        return set(found)
    deleted = {s.id for s in store.list_proposals(include_deleted=True) if s.deleted_at}
    return set(found) & deleted


def move_to_trash(store: Store, proposal_id: str) -> ProposalSummary:
    """Move the proposal to the trash and return its list entry as it now is.

    Raises ``ProposalNotFound`` when it is not stored; a proposal already in the trash
    stays there unchanged.
    """
    store.delete(proposal_id)
    return store.summary(proposal_id)


def restore_from_trash(store: Store, proposal_id: str) -> ProposalSummary:
    """Bring the proposal back into the library and return its list entry."""
    store.restore(proposal_id)
    return store.summary(proposal_id)


def delete_for_good(store: Store, proposal_id: str) -> None:
    """Remove the proposal with its revisions, comments, reviews and history; cannot be undone."""
    store.purge(proposal_id)
