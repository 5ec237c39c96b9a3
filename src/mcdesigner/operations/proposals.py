"""Opening, saving, creating and copying proposals in the library.

Saving goes through the content hash the caller read, so edits made elsewhere are never
overwritten silently (see :class:`~mcdesigner.storage.EditConflict`). New proposals and
copies get their completeness recorded for the library list straight away.
"""

from __future__ import annotations

from dataclasses import dataclass

from mcdesigner.checks import CheckSettings
from mcdesigner.model.base import new_proposal_id
from mcdesigner.model.proposal import Organisation, Proposal
from mcdesigner.model.vocabularies import CONTENT_LANGUAGE, get_vocabulary
from mcdesigner.operations.completeness import record_completeness
from mcdesigner.operations.settings import institution_defaults
from mcdesigner.storage import RevisionInfo, Store


@dataclass(frozen=True)
class OpenedProposal:
    """A stored proposal with the content hash its next save must name."""

    proposal: Proposal
    content_hash: str


def open_proposal(store: Store, proposal_id: str) -> OpenedProposal:
    """Read the proposal for editing (raises ``ProposalNotFound`` when it is not stored)."""
    proposal, content_hash = store.get_with_hash(proposal_id)
    return OpenedProposal(proposal, content_hash)


def save_proposal(store: Store, proposal: Proposal, *, expected_hash: str | None) -> str:
    """Store an edited proposal and return its new content hash.

    ``expected_hash`` is the hash it was opened with (``None`` for a proposal never
    stored); a different stored hash raises ``EditConflict`` and nothing is written.
    """
    return store.save(proposal, expected_hash=expected_hash)


def blank_proposal(*, currency: str, language: str) -> Proposal:
    """A new, empty proposal written in ``language`` (when it is a language of the list).

    The interface language is the natural main language of a new proposal: a Spanish
    user's proposals are written in Spanish until they say otherwise. With an institution
    profile, the institution is the awarding institution and its currency the currency.
    """
    proposal = Proposal()
    proposal.general.currency = currency
    if language in get_vocabulary(CONTENT_LANGUAGE):
        proposal.languages.main = language
    profile = institution_defaults()
    if profile is not None:
        institution = profile.profile.institution
        proposal.general.currency = profile.profile.defaults.currency or currency
        proposal.general.awarding_institutions = [
            Organisation(
                name=institution.name, country=institution.country, website=institution.website
            )
        ]
    return proposal


def create_proposal(store: Store, proposal: Proposal, settings: CheckSettings) -> str:
    """Store a new proposal, record its completeness, and return its content hash."""
    content_hash = store.save(proposal)
    record_completeness(store, proposal, settings)
    return content_hash


def copy_of(proposal: Proposal, suffix: str) -> Proposal:
    """A copy with a fresh id, status draft, and ``suffix`` after the title (if any)."""
    copy = proposal.model_copy(deep=True)
    copy.id = new_proposal_id()
    copy.status = "draft"
    copy.general.title = f"{copy.general.title} {suffix}".strip()
    return copy


def duplicate_proposal(
    store: Store, proposal_id: str, suffix: str, settings: CheckSettings
) -> Proposal:
    """Store a copy of the stored proposal (see :func:`copy_of`) and return it."""
    copy = copy_of(store.get(proposal_id), suffix)
    create_proposal(store, copy, settings)
    return copy


def keep_revision(store: Store, proposal_id: str, label: str) -> RevisionInfo:
    """Keep a named snapshot of the stored proposal, to compare with later."""
    return store.add_revision(proposal_id, label, kind="manual")
