"""Plain records the store returns for listings, revisions and status history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

RevisionKind = Literal["manual", "submit", "import", "auto"]
REVISION_KINDS: tuple[str, ...] = get_args(RevisionKind)


@dataclass(frozen=True)
class ProposalSummary:
    """One line of the proposal list, read from small columns without parsing the document."""

    id: str
    title: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    completeness: float | None
    content_hash: str
    deleted_at: dt.datetime | None


@dataclass(frozen=True)
class RevisionInfo:
    """A named snapshot of a proposal (the document itself is read with ``get_revision``)."""

    id: str
    proposal_id: str
    label: str
    created_at: dt.datetime
    content_hash: str
    kind: str


@dataclass(frozen=True)
class StatusEvent:
    """One step of a proposal's workflow history (draft -> submitted -> ...)."""

    id: str
    proposal_id: str
    from_status: str
    to_status: str
    actor: str
    at: dt.datetime
    note: str


def now_utc() -> dt.datetime:
    """The current time in UTC with microseconds (stored timestamps sort in time order)."""
    return dt.datetime.now(dt.UTC)


def to_text(moment: dt.datetime) -> str:
    """A timestamp as fixed-width ISO 8601 text in UTC, so text order equals time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> dt.datetime:
    """Read a timestamp written by :func:`to_text` (always timezone-aware, UTC)."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def optional_from_text(text: str | None) -> dt.datetime | None:
    """Like :func:`from_text`, for columns that may be empty."""
    return None if text is None else from_text(text)
