"""Review files: a reviewer sends back only their review; the author merges it in.

A review file is tied to the proposal id and the content hash of the revision the
reviewer read. Importing merges by id (see :mod:`mcdesigner.review.merge`): twice is
harmless, several reviewers add up, a review of an older revision still attaches, and
comments on items deleted since are kept and counted as orphaned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mcdesigner.exchange import ReviewBundle, read_review_file, write_review_file
from mcdesigner.i18n import tr
from mcdesigner.model.review import Annotation, Review
from mcdesigner.review.merge import merge_annotations, merge_reviews, orphaned
from mcdesigner.storage import Store, StoreError


class ReviewImportError(StoreError):
    """A review file that cannot be attached to anything in the library."""


@dataclass(frozen=True)
class ReviewImportReport:
    """What importing a review file did."""

    proposal_id: str
    title: str
    reviewer: str
    added: int
    updated: int
    unchanged: int
    orphaned: int
    older_revision: bool


def export_review(
    store: Store, proposal_id: str, out: Path, *, reviewer: str, through_link: bool = False
) -> Path:
    """Write ``reviewer``'s annotation threads and rubric reviews of the proposal to ``out``.

    A symbolic link at ``out`` is written through only when ``through_link`` is true.
    """
    if not reviewer.strip():
        raise ReviewImportError(
            tr("Set your name in Preferences first: a review file carries the reviewer's name.")
        )
    annotations = tuple(
        a
        for a in store.list_annotations(proposal_id)
        if any(c.author == reviewer for c in a.comments)
    )
    reviews = tuple(r for r in store.list_reviews(proposal_id) if r.reviewer == reviewer)
    bundle = ReviewBundle(
        proposal_id=proposal_id,
        revision_hash=store.get_hash(proposal_id),
        annotations=annotations,
        reviews=reviews,
        reviewer=reviewer,
    )
    write_review_file(out, bundle, through_link=through_link)
    return out


def import_review(store: Store, path: Path) -> ReviewImportReport:
    """Merge the review file at ``path`` into the library (validated completely first)."""
    bundle = read_review_file(path)
    if not store.exists(bundle.proposal_id):
        raise ReviewImportError(
            tr(
                "This review belongs to a proposal that is not in your library. "
                "Import the proposal first, then the review."
            )
        )
    proposal = store.get(bundle.proposal_id)
    result = merge_annotations(store.list_annotations(proposal.id), bundle.annotations)
    merge_reviews(store.list_reviews(proposal.id), bundle.reviews, result=result)
    store.save_review_records(proposal.id, result.to_save, result.reviews_to_save)
    return ReviewImportReport(
        proposal_id=proposal.id,
        title=proposal.display_title,
        reviewer=bundle.reviewer,
        added=result.added,
        updated=result.updated,
        unchanged=result.unchanged,
        orphaned=len(orphaned(bundle.annotations, proposal)),
        older_revision=bundle.revision_hash != store.get_hash(proposal.id),
    )


def save_thread(store: Store, annotation: Annotation) -> None:
    """Store a comment thread (new, or with a comment added, edited or resolved)."""
    store.save_annotation(annotation)


def delete_thread(store: Store, annotation_id: str) -> None:
    """Remove a comment thread (nothing happens when it is not stored)."""
    store.delete_annotation(annotation_id)


def save_reviews(store: Store, proposal_id: str, reviews: Sequence[Review]) -> None:
    """Store rubric reviews of the proposal, each tied to the version it scores, all or nothing.

    Each review's ``revision_hash`` is set to the stored proposal's content hash, so a later
    compare shows what changed since the reviewer scored it.
    """
    revision = store.get_hash(proposal_id)
    for review in reviews:
        review.revision_hash = revision
    store.save_review_records(proposal_id, (), reviews)
