"""Merging review data from files into what the author already has.

Importing the same review twice, or reviews from several reviewers, never duplicates
anything: annotations, comments and reviews are matched by id. When both sides changed
the same thread, comments are combined and the most recent status wins. Annotations on
fields or list items that no longer exist are kept and reported as orphaned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mcdesigner.model.fieldpath import exists
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Comment, Review


@dataclass
class MergeResult:
    """What a merge decided: the records to store and a count of what happened."""

    to_save: list[Annotation] = field(default_factory=list)
    reviews_to_save: list[Review] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def _comment_time(comment: Comment) -> object:
    return comment.edited or comment.created


def _merge_comments(mine: Sequence[Comment], theirs: Sequence[Comment]) -> list[Comment]:
    merged: dict[str, Comment] = {c.id: c for c in mine}
    for comment in theirs:
        current = merged.get(comment.id)
        if current is None or _comment_time(comment) > _comment_time(current):  # type: ignore[operator]
            merged[comment.id] = comment
    return sorted(merged.values(), key=lambda c: (c.created, c.id))


def merge_annotations(
    existing: Iterable[Annotation],
    incoming: Iterable[Annotation],
    *,
    result: MergeResult | None = None,
) -> MergeResult:
    """Decide how ``incoming`` annotations join ``existing`` ones (nothing is written here)."""
    result = result or MergeResult()
    known = {a.id: a for a in existing}
    for theirs in incoming:
        mine = known.get(theirs.id)
        if mine is None:
            result.to_save.append(theirs)
            known[theirs.id] = theirs
            result.added += 1
            continue
        newer = theirs if theirs.updated > mine.updated else mine
        combined = mine.model_copy(
            update={
                "comments": _merge_comments(mine.comments, theirs.comments),
                "status": newer.status,
                "updated": max(mine.updated, theirs.updated),
            }
        )
        if combined.model_dump() == mine.model_dump():
            result.unchanged += 1
        else:
            result.to_save.append(combined)
            known[theirs.id] = combined
            result.updated += 1
    return result


def merge_reviews(
    existing: Iterable[Review], incoming: Iterable[Review], *, result: MergeResult | None = None
) -> MergeResult:
    """Keep the most recent version of each review (matched by id)."""
    result = result or MergeResult()
    known = {r.id: r for r in existing}
    for theirs in incoming:
        mine = known.get(theirs.id)
        if mine is None:
            result.reviews_to_save.append(theirs)
            result.added += 1
        elif theirs.updated > mine.updated and theirs.model_dump() != mine.model_dump():
            result.reviews_to_save.append(theirs)
            result.updated += 1
        else:
            result.unchanged += 1
        known[theirs.id] = theirs if mine is None or theirs.updated > mine.updated else mine
    return result


def orphaned(annotations: Iterable[Annotation], proposal: Proposal) -> list[Annotation]:
    """Annotations whose field or list item is gone from ``proposal`` (kept, shown apart)."""
    return [a for a in annotations if not exists(proposal, a.path)]
