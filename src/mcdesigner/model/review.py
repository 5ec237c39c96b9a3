"""Review data: comments tied to fields, rubric scores and the reviewer's verdict.

Annotations and reviews live beside a proposal (in the store and in proposal and review
files), not inside the proposal document, so reviewing never changes the proposal.
Each annotation points at a field path (see :mod:`mcdesigner.model.fieldpath`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from mcdesigner.model.base import MAX_ITEMS, Item, ItemId, Strict, Timestamp, new_id
from mcdesigner.model.text import LongText, ShortText

AnnotationStatus = Literal["open", "resolved"]
Recommendation = Literal["approve", "approve_with_changes", "resubmit", "reject"]


def utc_now() -> dt.datetime:
    """Current time in UTC, to the second (timestamps of comments and transitions)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Comment(Item):
    """One message of an annotation thread."""

    author: ShortText = ""
    created: Timestamp = Field(default_factory=utc_now)
    edited: Timestamp | None = None
    body: LongText = Field("", max_length=20_000)


class Annotation(Item):
    """A thread of comments on one field or list item of a proposal."""

    proposal_id: str = Field(min_length=1, max_length=64)
    path: str = Field(min_length=1, max_length=500)
    label: ShortText = ""
    revision_hash: str = ""
    status: AnnotationStatus = "open"
    comments: list[Comment] = Field(default_factory=list, max_length=MAX_ITEMS)
    created: Timestamp = Field(default_factory=utc_now)
    updated: Timestamp = Field(default_factory=utc_now)


class CriterionScore(Strict):
    """The score a reviewer gives one rubric criterion."""

    criterion_id: ItemId
    score: int | None = Field(None, ge=0, le=100)
    comment: LongText = ""


class Review(Item):
    """One reviewer's rubric scores, recommendation and summary for a proposal."""

    id: ItemId = Field(default_factory=new_id)
    proposal_id: str = Field(min_length=1, max_length=64)
    reviewer: ShortText = ""
    rubric_id: ItemId = "qa-checklist"
    revision_hash: str = ""
    scores: list[CriterionScore] = Field(default_factory=list, max_length=500)
    recommendation: Recommendation | None = None
    summary: LongText = ""
    updated: Timestamp = Field(default_factory=utc_now)
