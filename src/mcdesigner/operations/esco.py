"""Linking a stored proposal's skills to ESCO by their exact labels, as one revision.

:func:`link_exact_labels` fills the address, skill type and reuse level of every skill
whose label is exactly one ESCO skill's label (see :mod:`mcdesigner.esco.links`), saves
the proposal and keeps a revision of the result, all in one transaction, and says what it
changed. Skills that already have an address are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from mcdesigner.checks import CheckSettings
from mcdesigner.esco.links import PlannedLink, planned_links
from mcdesigner.i18n import tr, tr_n
from mcdesigner.model.edits import apply_edit
from mcdesigner.model.proposal import Proposal
from mcdesigner.operations.completeness import record_completeness
from mcdesigner.storage import RevisionInfo, Store


@dataclass(frozen=True)
class LinkReport:
    """What linking changed: the skills linked and the revision kept (none when nothing)."""

    linked: tuple[PlannedLink, ...]
    revision: RevisionInfo | None


def link_all(proposal: Proposal) -> tuple[PlannedLink, ...]:
    """Link every linkable skill of ``proposal`` in place; return what was linked."""
    planned = tuple(planned_links(proposal))
    for link in planned:
        apply_edit(proposal, link.edit)
    return planned


def link_exact_labels(store: Store, proposal_id: str, settings: CheckSettings) -> LinkReport:
    """Link the stored proposal's skills whose labels are exactly ESCO labels.

    The save and the revision are one transaction: both are kept or neither. Nothing is
    written when there is nothing to link.
    """
    proposal, expected = store.get_with_hash(proposal_id)
    linked = link_all(proposal)
    if not linked:
        return LinkReport((), None)
    label = tr_n(
        "ESCO address filled in for {n} skill",
        "ESCO addresses filled in for {n} skills",
        len(linked),
    ).format(n=len(linked))
    with store.transaction(tr("link the skills to ESCO")):
        store.save(proposal, expected_hash=expected)
        revision = store.add_revision(proposal_id, label, kind="auto")
    record_completeness(store, proposal, settings)
    return LinkReport(linked, revision)
