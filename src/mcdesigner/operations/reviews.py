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
from mcdesigner.review.merge import MergeResult, merge_annotations, merge_reviews, orphaned
from mcdesigner.storage import Store, StoreError, ThreadConflict

#: How often a thread changed elsewhere is combined again before giving up.
_COMBINE_ATTEMPTS = 5


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
    outcome: list[MergeResult] = []

    def merge(
        threads: list[Annotation], reviews: list[Review]
    ) -> tuple[list[Annotation], list[Review]]:
        # Runs inside the store's write transaction, on what is stored at that moment.
        merged = merge_annotations(threads, bundle.annotations)
        merge_reviews(reviews, bundle.reviews, result=merged)
        outcome[:] = [merged]
        return merged.to_save, merged.reviews_to_save

    store.merge_review_records(proposal.id, merge)
    result = outcome[0]
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


def save_thread(store: Store, annotation: Annotation, *, based_on: Annotation | None) -> Annotation:
    """Store a comment thread (new, or with a comment added, edited or resolved); returns it.

    ``based_on`` is the thread as it was read (None for a new thread). When the stored
    thread changed since (a review import, another window), nothing is lost: the comments
    of both are combined (:func:`merge_annotations`) and the combination is stored and
    returned instead. A thread deleted elsewhere is stored again.
    """
    try:
        store.save_annotation_over(annotation, based_on)
        return annotation
    except ThreadConflict as conflict:
        stored = conflict.stored
    for _attempt in range(_COMBINE_ATTEMPTS):
        combined = annotation
        if stored is not None:
            merged = merge_annotations([stored], [annotation]).to_save
            combined = merged[0] if merged else stored
        try:
            store.save_annotation_over(combined, stored)
            return combined
        except ThreadConflict as again:  # changed once more meanwhile: combine again
            stored = again.stored
    raise ThreadConflict(stored)


def delete_thread(store: Store, annotation_id: str, *, based_on: Annotation | None = None) -> None:
    """Remove a comment thread (nothing happens when it is not stored).

    With ``based_on`` (the thread as it was read), a thread that changed since (a comment
    arrived with a review import) is kept and :class:`ThreadConflict` says how it is now.
    """
    if based_on is None:
        store.delete_annotation(annotation_id)
    else:
        store.delete_annotation_over(based_on)


def save_reviews(store: Store, proposal_id: str, reviews: Sequence[Review]) -> None:
    """Store rubric reviews of the proposal, each tied to the version it scores, all or nothing.

    Each review's ``revision_hash`` is set to the stored proposal's content hash, so a later
    compare shows what changed since the reviewer scored it.
    """
    revision = store.get_hash(proposal_id)
    for review in reviews:
        review.revision_hash = revision
    store.save_review_records(proposal_id, (), reviews)
