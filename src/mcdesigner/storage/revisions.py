"""Revisions in the store: named snapshots of a proposal, kept by hand or automatically."""

from __future__ import annotations

import uuid

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.text import clean_line
from mcdesigner.storage.core import StoreCore
from mcdesigner.storage.documents import encode_proposal
from mcdesigner.storage.errors import RevisionNotFound
from mcdesigner.storage.records import REVISION_KINDS, RevisionInfo, from_text, now_utc, to_text
from mcdesigner.storage.sql import PROPOSAL_DOCUMENT, insert_revision


class RevisionRecords(StoreCore):
    """The revisions table: each row a full copy of a proposal's document at one moment."""

    def add_revision(
        self,
        proposal_id: str,
        label: str,
        *,
        kind: str = "manual",
        proposal: Proposal | None = None,
    ) -> RevisionInfo:
        """Keep a named snapshot of the stored proposal, or of ``proposal`` if given.

        The label is cleaned like any single line of text in a proposal.
        """
        check_kind(kind)
        label = clean_line(label)
        if proposal is not None and proposal.id != proposal_id:
            raise ValueError(f"the revision's proposal id {proposal.id!r} is not {proposal_id!r}")
        revision_id = uuid.uuid4().hex
        moment = to_text(now_utc())
        with self._writing(tr("keep a revision")) as conn:
            if proposal is None:
                row = conn.execute(PROPOSAL_DOCUMENT, (proposal_id,)).fetchone()
                if row is None:
                    raise self._not_found(proposal_id)
                content_hash, text = row
            else:
                self._require(conn, proposal_id)
                text, content_hash = encode_proposal(proposal)
            insert_revision(
                conn, (revision_id, proposal_id, label, kind, moment, content_hash, text)
            )
        return RevisionInfo(
            id=revision_id,
            proposal_id=proposal_id,
            label=label,
            created_at=from_text(moment),
            content_hash=content_hash,
            kind=kind,
        )

    def list_revisions(self, proposal_id: str) -> list[RevisionInfo]:
        """The proposal's revisions, oldest first."""
        rows = self._read(
            "SELECT id, proposal_id, label, kind, created_at, content_hash FROM revisions "
            "WHERE proposal_id = ? ORDER BY created_at, rowid",
            (proposal_id,),
            tr("list the revisions"),
        )
        return [
            RevisionInfo(
                id=row["id"],
                proposal_id=row["proposal_id"],
                label=row["label"],
                created_at=from_text(row["created_at"]),
                content_hash=row["content_hash"],
                kind=row["kind"],
            )
            for row in rows
        ]

    def get_revision(self, revision_id: str) -> Proposal:
        """The proposal as it was when the revision was kept."""
        rows = self._read(
            "SELECT content_hash, document FROM revisions WHERE id = ?",
            (revision_id,),
            tr("read the revision"),
        )
        if not rows:
            raise RevisionNotFound(
                tr(
                    "There is no saved revision with the id {id}. It may have been removed "
                    "with its proposal."
                ).format(id=revision_id)
            )
        return self._decode(rows[0], tr("revision {id}").format(id=revision_id))


def check_kind(kind: str) -> None:
    """Refuse a revision kind the store does not know."""
    if kind not in REVISION_KINDS:
        raise ValueError(f"revision kind must be one of {', '.join(REVISION_KINDS)}, not {kind!r}")
