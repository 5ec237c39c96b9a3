"""SQL statements that several parts of the store run, each written once."""

from __future__ import annotations

import sqlite3

from mcdesigner.model.proposal import Proposal
from mcdesigner.storage.search import mark_changed

#: The small columns of a proposal row, enough for the list of proposals.
SUMMARY_COLUMNS = (
    "id, title, status, created_at, updated_at, completeness, content_hash, deleted_at"
)

#: One proposal's stored document and its checksum.
PROPOSAL_DOCUMENT = "SELECT content_hash, document FROM proposals WHERE id = ?"

#: One proposal's content hash.
PROPOSAL_HASH = "SELECT content_hash FROM proposals WHERE id = ?"

#: Whether a proposal is stored.
PROPOSAL_FOUND = "SELECT 1 AS found FROM proposals WHERE id = ?"


def insert_proposal(
    conn: sqlite3.Connection, proposal: Proposal, text: str, content_hash: str, moment: str
) -> None:
    """Add a new proposal row created and changed at ``moment``."""
    conn.execute(
        "INSERT INTO proposals (id, title, status, created_at, updated_at, "
        "content_hash, document) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            proposal.id,
            proposal.general.title,
            proposal.status,
            moment,
            moment,
            content_hash,
            text,
        ),
    )
    mark_changed(conn, proposal.id)


def update_proposal(
    conn: sqlite3.Connection,
    proposal: Proposal,
    text: str,
    content_hash: str,
    moment: str,
    *,
    undelete: bool = False,
) -> None:
    """Replace a stored proposal's document; ``undelete`` also takes it out of the trash."""
    trash = ", deleted_at = NULL" if undelete else ""
    conn.execute(
        "UPDATE proposals SET title = ?, status = ?, updated_at = ?, content_hash = ?, "
        f"document = ?{trash} WHERE id = ?",
        (proposal.general.title, proposal.status, moment, content_hash, text, proposal.id),
    )
    mark_changed(conn, proposal.id)


def insert_revision(
    conn: sqlite3.Connection,
    values: tuple[str, str, str, str, str, str, str],
    *,
    replace: bool = False,
) -> None:
    """Store a revision row: (id, proposal id, label, kind, created at, content hash, text).

    ``replace`` overwrites a stored revision with the same id (an import).
    """
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    conn.execute(
        f"{verb} INTO revisions (id, proposal_id, label, kind, created_at, content_hash, "
        "document) VALUES (?, ?, ?, ?, ?, ?, ?)",
        values,
    )
