"""Proposals in the store: list, read, save with conflict detection, trash and completeness."""

from __future__ import annotations

import math
from typing import Any

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.storage.core import StoreCore
from mcdesigner.storage.documents import encode_proposal
from mcdesigner.storage.errors import EditConflict, StoreError
from mcdesigner.storage.records import (
    ProposalSummary,
    from_text,
    now_utc,
    optional_from_text,
    to_text,
)
from mcdesigner.storage.search import (
    SEARCH,
    SEARCH_STALE,
    forget_proposal,
    match_query,
    refresh_index,
)
from mcdesigner.storage.sql import (
    PROPOSAL_DOCUMENT,
    PROPOSAL_FOUND,
    PROPOSAL_HASH,
    SUMMARY_COLUMNS,
    insert_proposal,
    update_proposal,
)


class ProposalRecords(StoreCore):
    """The proposals table: one row per proposal, its document stored as canonical JSON."""

    def list_proposals(self, *, include_deleted: bool = False) -> list[ProposalSummary]:
        """Summaries of the stored proposals, most recently changed first.

        Reads only the small columns, so a proposal whose document no longer validates is
        still listed.
        """
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        rows = self._read(
            f"SELECT {SUMMARY_COLUMNS} FROM proposals {where} ORDER BY updated_at DESC, id",
            (),
            tr("list the proposals"),
        )
        return [_summary(row) for row in rows]

    def summary(self, proposal_id: str) -> ProposalSummary:
        """The list entry of one proposal (also for one in the trash)."""
        rows = self._read(
            f"SELECT {SUMMARY_COLUMNS} FROM proposals WHERE id = ?",
            (proposal_id,),
            tr("read the proposal"),
        )
        if not rows:
            raise self._not_found(proposal_id)
        return _summary(rows[0])

    def search_proposals(self, typed: str, *, include_deleted: bool = False) -> list[str]:
        """The ids of the proposals whose texts hold every word typed, best match first.

        Searches every text of a proposal (title, description, outcomes, staff, budget
        lines, ... and their translations), ignoring case and accents; the last word also
        matches the start of a word. Nothing typed matches nothing.
        """
        query = match_query(typed)
        if not query:
            return []
        self._refresh_search()
        trash = "" if include_deleted else "AND p.deleted_at IS NULL"
        rows = self._read(SEARCH.format(trash=trash), (query,), tr("search the proposals"))
        return [str(row["id"]) for row in rows]

    def _refresh_search(self) -> None:
        """Index the words of the proposals changed since the last search.

        When the database cannot be written (read-only media, a full disk), the search goes
        on with the words indexed so far rather than failing.
        """
        if not self._read(SEARCH_STALE, (), tr("search the proposals")):
            return
        try:
            with self._writing(tr("search the proposals")) as conn:
                refresh_index(conn)
        except StoreError:
            return

    def get(self, proposal_id: str) -> Proposal:
        """The stored proposal (also one in the trash).

        Raises :class:`ProposalNotFound`, or :class:`StoreError` when the stored document is
        damaged or no longer valid (it is then left untouched).
        """
        return self.get_with_hash(proposal_id)[0]

    def get_with_hash(self, proposal_id: str) -> tuple[Proposal, str]:
        """The stored proposal and its content hash, read together in one statement.

        Pass the hash back to :meth:`save`: a save by another program after this read is
        then reported as a conflict, never overwritten. (Reading the document and the hash
        separately could pair an old document with a newer hash.)
        """
        rows = self._read(PROPOSAL_DOCUMENT, (proposal_id,), tr("read the proposal"))
        if not rows:
            raise self._not_found(proposal_id)
        where = tr("proposal {id}").format(id=proposal_id)
        return self._decode(rows[0], where), str(rows[0]["content_hash"])

    def get_hash(self, proposal_id: str) -> str:
        """The content hash of the stored proposal (pass it back to :meth:`save`)."""
        stored = self._stored_hash(proposal_id)
        if stored is None:
            raise self._not_found(proposal_id)
        return stored

    def exists(self, proposal_id: str) -> bool:
        """Whether a proposal with this id is stored (in the list or in the trash)."""
        return bool(self._read(PROPOSAL_FOUND, (proposal_id,), tr("read the proposal")))

    def save(self, proposal: Proposal, *, expected_hash: str | None = None) -> str:
        """Store ``proposal`` and return its content hash.

        A new proposal needs no ``expected_hash``. For a stored one, ``expected_hash`` must be
        the hash read with it (:meth:`get_with_hash`, or the value an earlier :meth:`save`
        returned); if the stored hash differs, :class:`EditConflict` is raised and nothing is
        written. Saving content identical to the stored content writes nothing.
        """
        text, new_hash = encode_proposal(proposal)
        stored = self._stored_hash(proposal.id)
        if stored == new_hash and expected_hash in (None, stored):
            return new_hash  # Identical content: nothing to write.
        with self._writing(tr("save the proposal")) as conn:
            row = conn.execute(
                "SELECT content_hash, title FROM proposals WHERE id = ?", (proposal.id,)
            ).fetchone()
            moment = to_text(now_utc())
            if row is None:
                insert_proposal(conn, proposal, text, new_hash, moment)
                return new_hash
            stored_hash, stored_title = row
            _check_expected(proposal.id, stored_title, stored_hash, expected_hash, new_hash)
            if stored_hash != new_hash:
                update_proposal(conn, proposal, text, new_hash, moment)
        return new_hash

    def delete(self, proposal_id: str) -> None:
        """Move the proposal to the trash (it stays stored until :meth:`purge`)."""
        self._update_one(
            "UPDATE proposals SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            (to_text(now_utc()), proposal_id),
            proposal_id,
            tr("move the proposal to the trash"),
            allow_unchanged=True,
        )

    def restore(self, proposal_id: str) -> None:
        """Bring a proposal back from the trash."""
        self._update_one(
            "UPDATE proposals SET deleted_at = NULL WHERE id = ?",
            (proposal_id,),
            proposal_id,
            tr("restore the proposal from the trash"),
        )

    def purge(self, proposal_id: str) -> None:
        """Remove the proposal for good, with its revisions, annotations, reviews and history."""
        with self._writing(tr("remove the proposal")) as conn:
            self._require(conn, proposal_id)
            for table in ("revisions", "annotations", "reviews", "status_events"):
                conn.execute(f"DELETE FROM {table} WHERE proposal_id = ?", (proposal_id,))
            conn.execute("DELETE FROM proposals WHERE id = ?", (proposal_id,))
            forget_proposal(conn, proposal_id)

    def set_completeness(self, proposal_id: str, percent: float) -> None:
        """Record the completeness percentage shown in the list (does not reorder the list)."""
        if not (isinstance(percent, int | float) and math.isfinite(percent)):
            raise ValueError(f"completeness must be a number, not {percent!r}")
        if not 0 <= percent <= 100:
            raise ValueError(f"completeness must be between 0 and 100, not {percent}")
        self._update_one(
            "UPDATE proposals SET completeness = ? WHERE id = ?",
            (float(percent), proposal_id),
            proposal_id,
            tr("record the completeness"),
        )

    def _stored_hash(self, proposal_id: str) -> str | None:
        rows = self._read(PROPOSAL_HASH, (proposal_id,), tr("read the proposal"))
        return str(rows[0]["content_hash"]) if rows else None


def _summary(row: dict[str, Any]) -> ProposalSummary:
    completeness = row["completeness"]
    return ProposalSummary(
        id=row["id"],
        title=row["title"],
        status=row["status"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        completeness=None if completeness is None else float(completeness),
        content_hash=row["content_hash"],
        deleted_at=optional_from_text(row["deleted_at"]),
    )


def _check_expected(
    proposal_id: str, title: str, stored_hash: str, expected_hash: str | None, new_hash: str
) -> None:
    if expected_hash is None and stored_hash != new_hash:
        raise EditConflict(
            tr(
                "The proposal “{title}” is already stored and this save did not say which "
                "version it replaces, so it was refused to avoid overwriting changes. "
                "Reload the proposal and make your change again."
            ).format(title=title or proposal_id)
        )
    if expected_hash is not None and expected_hash != stored_hash:
        raise EditConflict(
            tr(
                "The proposal “{title}” was changed elsewhere (in another window or from the "
                "command line) after you opened it. Your version was not saved over it. "
                "Reload the proposal, or save your version as a copy."
            ).format(title=title or proposal_id)
        )
