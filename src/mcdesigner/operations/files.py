"""Importing and exporting proposal files (``.mcproposal``) through the store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mcdesigner.checks import CheckSettings
from mcdesigner.exchange import (
    ProposalBundle,
    RevisionEntry,
    read_proposal_file,
    write_proposal_file,
)
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.operations.completeness import completeness
from mcdesigner.operations.proposals import copy_of
from mcdesigner.storage import RevisionInfo, Store


@dataclass(frozen=True)
class ImportReport:
    """What an import brought into the library."""

    proposal_id: str
    title: str
    annotations: int
    reviews: int
    revisions: int
    replaced: bool
    completeness: float | None = None


def import_proposal_file(
    store: Store, path: Path, *, settings: CheckSettings, replace: bool = False
) -> ImportReport:
    """Validate ``path`` completely, then store its content in one step.

    Raises ``ExchangeError`` for a bad file (the store is not touched) and
    ``ProposalExists`` when the proposal is already in the library and ``replace`` is false.
    A revision labelled with the file name is kept, so the imported state can be compared later.
    The completeness (checked with ``settings``) is recorded for the library list. All of it
    is written in one transaction: an interrupted import leaves the library as it was.
    """
    bundle = read_proposal_file(path)
    replaced = store.exists(bundle.proposal.id)
    revisions = [
        (
            RevisionInfo(
                id=r.id,
                proposal_id=bundle.proposal.id,
                label=r.label,
                created_at=r.created_at,
                content_hash=r.content_hash,
                kind=r.kind,
            ),
            r.proposal,
        )
        for r in bundle.revisions
    ]
    percent = completeness(bundle.proposal, settings)
    store.import_bundle(
        bundle.proposal,
        annotations=bundle.annotations,
        reviews=bundle.reviews,
        revisions=revisions,
        replace=replace,
        revision_label=tr("Imported from {name}").format(name=path.name),
        completeness=percent,
    )
    return ImportReport(
        proposal_id=bundle.proposal.id,
        title=bundle.proposal.display_title,
        annotations=len(bundle.annotations),
        reviews=len(bundle.reviews),
        revisions=len(bundle.revisions),
        replaced=replaced and replace,
        completeness=percent,
    )


def read_proposal_copy(path: Path) -> Proposal:
    """The proposal in the file at ``path`` as a new draft with a fresh id (not stored yet)."""
    return copy_of(read_proposal_file(path).proposal, "")


def export_proposal_file(
    store: Store,
    proposal_id: str,
    out: Path,
    *,
    with_revisions: bool = False,
    through_link: bool = False,
) -> ProposalBundle:
    """Write the proposal with its annotations and reviews (and revisions if asked) to ``out``.

    Returns what was written. A symbolic link at ``out`` is written through (the file it
    points to replaced) only when ``through_link`` is true; otherwise it is refused.
    """
    proposal = store.get(proposal_id)
    revisions: tuple[RevisionEntry, ...] = ()
    if with_revisions:
        revisions = tuple(
            RevisionEntry(
                id=info.id,
                label=info.label,
                kind=info.kind,
                created_at=info.created_at,
                content_hash=info.content_hash,
                proposal=store.get_revision(info.id),
            )
            for info in store.list_revisions(proposal_id)
        )
    bundle = ProposalBundle(
        proposal=proposal,
        annotations=tuple(store.list_annotations(proposal_id)),
        reviews=tuple(store.list_reviews(proposal_id)),
        revisions=revisions,
    )
    write_proposal_file(out, bundle, through_link=through_link)
    return bundle
