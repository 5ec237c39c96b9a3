"""What a proposal file and a review file carry, as plain immutable values.

A :class:`ProposalBundle` is a proposal with everything that lives beside it (annotations,
reviews and, optionally, earlier revisions). A :class:`ReviewBundle` is what a reviewer
sends back: their annotations and reviews of one revision of one proposal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review


@dataclass(frozen=True)
class RevisionEntry:
    """A saved revision of the proposal: its metadata and the proposal as it was then."""

    id: str
    label: str
    kind: str
    created_at: dt.datetime
    content_hash: str
    proposal: Proposal


@dataclass(frozen=True)
class ProposalBundle:
    """The content of a ``.mcproposal`` file."""

    proposal: Proposal
    annotations: tuple[Annotation, ...] = field(default=())
    reviews: tuple[Review, ...] = field(default=())
    revisions: tuple[RevisionEntry, ...] = field(default=())


@dataclass(frozen=True)
class ReviewBundle:
    """The content of a ``.mcreview`` file: one reviewer's work on one proposal revision."""

    proposal_id: str
    revision_hash: str
    annotations: tuple[Annotation, ...] = field(default=())
    reviews: tuple[Review, ...] = field(default=())
    reviewer: str = ""
