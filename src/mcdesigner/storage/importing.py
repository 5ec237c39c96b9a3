"""Importing a received proposal: checks on the bundle and the rows it writes.

:meth:`BundleImport.import_bundle` (a part of :class:`mcdesigner.storage.store.Store`) runs
these steps in one transaction, after a backup, together with the bundle's comment threads
and reviews.
"""

from __future__ import annotations

import math
import sqlite3
import uuid
from collections.abc import Iterable, Sequence

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.model.text import clean_line
from mcdesigner.storage.documents import encode_proposal
from mcdesigner.storage.errors import StoreError
from mcdesigner.storage.proposals import ProposalRecords
from mcdesigner.storage.records import RevisionInfo, now_utc, to_text
from mcdesigner.storage.reviews import check_owner, upsert_annotation, upsert_review
from mcdesigner.storage.revisions import check_kind
from mcdesigner.storage.sql import (
    PROPOSAL_DOCUMENT,
    insert_proposal,
    insert_revision,
    update_proposal,
)


class ProposalExists(StoreError):
    """An import met a proposal with the same id and was not allowed to replace it."""


class BundleImport(ProposalRecords):
    """The store's import of a received proposal file (its bundle of records)."""

    def import_bundle(
        self,
        proposal: Proposal,
        *,
        annotations: Iterable[Annotation] = (),
        reviews: Iterable[Review] = (),
        revisions: Sequence[tuple[RevisionInfo, Proposal]] = (),
        replace: bool = False,
        revision_label: str | None = None,
        completeness: float | None = None,
    ) -> str:
        """Store a received proposal with its comments, reviews and revisions at once.

        A backup is taken first and everything is written in one transaction, together with
        a revision of kind "import" of the imported state labelled ``revision_label`` (when
        given) and the ``completeness`` shown in the list: a crash leaves either all of it or
        none. If the id is already stored and ``replace`` is false, :class:`ProposalExists`
        is raised and nothing changes. When replacing, the stored version is kept as a
        revision ("Before import") and stored comments, reviews and revisions with other ids
        are kept. Returns the content hash of the imported proposal.
        """
        annotations = list(annotations)
        reviews = list(reviews)
        check_bundle(proposal, annotations, reviews, revisions)
        if completeness is not None and not (
            math.isfinite(completeness) and 0 <= completeness <= 100
        ):
            raise ValueError(f"completeness must be between 0 and 100, not {completeness!r}")
        if not replace and self.exists(proposal.id):
            raise exists_error(proposal)
        self.backup("before import")
        with self._writing(tr("import the proposal")) as conn:
            moment = to_text(now_utc())
            new_hash = write_proposal(conn, proposal, moment, replace=replace)
            write_revisions(conn, proposal.id, revisions)
            for annotation in annotations:
                upsert_annotation(conn, annotation)
            for review in reviews:
                upsert_review(conn, review)
            if revision_label is not None:
                text, _hash = encode_proposal(proposal)
                row = (uuid.uuid4().hex, proposal.id, clean_line(revision_label), "import")
                insert_revision(conn, (*row, moment, new_hash, text))
            if completeness is not None:
                conn.execute(
                    "UPDATE proposals SET completeness = ? WHERE id = ?",
                    (float(completeness), proposal.id),
                )
        return new_hash


def exists_error(proposal: Proposal) -> ProposalExists:
    """The refusal to import over a stored proposal with the same id."""
    return ProposalExists(
        tr(
            "A proposal with the same id ({id}, “{title}”) already exists in your proposals. "
            "Nothing was imported. Choose to replace the stored proposal, or import the "
            "file as a copy."
        ).format(id=proposal.id, title=proposal.display_title)
    )


def check_bundle(
    proposal: Proposal,
    annotations: Sequence[Annotation],
    reviews: Sequence[Review],
    revisions: Sequence[tuple[RevisionInfo, Proposal]],
) -> None:
    """Refuse a bundle whose records or revisions belong to another proposal."""
    owners = [a.proposal_id for a in annotations] + [r.proposal_id for r in reviews]
    for owner in owners:
        if owner != proposal.id:
            raise StoreError(
                tr(
                    "The file mixes records of different proposals (a comment or review "
                    "belongs to {other}, not {id}). Nothing was imported."
                ).format(other=owner, id=proposal.id)
            )
    for info, snapshot in revisions:
        check_kind(info.kind)
        if snapshot.id != proposal.id:
            raise StoreError(
                tr(
                    "The file holds a revision of another proposal ({other}, not {id}). "
                    "Nothing was imported."
                ).format(other=snapshot.id, id=proposal.id)
            )


def write_proposal(
    conn: sqlite3.Connection, proposal: Proposal, moment: str, *, replace: bool
) -> str:
    """Insert the imported proposal, or replace the stored one; returns its content hash.

    A replaced version that differs is kept as an automatic revision "Before import", and a
    replaced proposal leaves the trash.
    """
    text, new_hash = encode_proposal(proposal)
    row = conn.execute(PROPOSAL_DOCUMENT, (proposal.id,)).fetchone()
    if row is None:
        insert_proposal(conn, proposal, text, new_hash, moment)
        return new_hash
    if not replace:
        raise exists_error(proposal)
    old_hash, old_text = row
    if old_hash != new_hash:
        label = tr("Before import")
        insert_revision(
            conn, (uuid.uuid4().hex, proposal.id, label, "auto", moment, old_hash, old_text)
        )
    update_proposal(conn, proposal, text, new_hash, moment, undelete=True)
    return new_hash


def write_revisions(
    conn: sqlite3.Connection, proposal_id: str, revisions: Sequence[tuple[RevisionInfo, Proposal]]
) -> None:
    """Store the bundle's revisions, replacing stored ones of this proposal with the same id."""
    for info, snapshot in revisions:
        check_owner(conn, "revisions", info.id, proposal_id, tr("revision"))
        text, content_hash = encode_proposal(snapshot)
        created = to_text(info.created_at)
        insert_revision(
            conn,
            (info.id, proposal_id, info.label, info.kind, created, content_hash, text),
            replace=True,
        )
