"""Full-text search of the library: the words of every stored proposal in an SQLite FTS5 index.

The index (created by schema version 3) holds one row per proposal with every text of its
stored document, in every language it is written in. The statements that write proposals
mark the proposal as changed in the same transaction (:mod:`mcdesigner.storage.sql`); the
words of changed proposals are indexed when the library is next searched, so an autosave
costs the same whatever the size of the proposal. Words match without regard to case or accents
(``unicode61`` with ``remove_diacritics 2``), in any order, the last one also as the start
of a word, so a search narrows while it is being typed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

#: Keys whose values are identifiers or machine data, not words a user searches for.
_NOT_WORDS = frozenset({"id", "schema_version", "uri", "content_hash"})

#: A search that ends in one of these was finished by the user: its last word is whole.
_FINISHED = (" ", ".", ",", ";", "!", "?")

#: Characters that end a word for the FTS5 query (everything FTS5 would treat as syntax).
_QUERY_SEPARATORS = str.maketrans({c: " " for c in "\"'*^():+-{}[],.;!?¿¡/\\<>=&|~`@#$%"})


def _texts(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, str):
        if key not in _NOT_WORDS and not value.startswith(("http://", "https://", "urn:")):
            yield value
    elif isinstance(value, dict):
        # Keys are never words: translations are keyed by field path, and only their texts
        # are yielded.
        for name, item in value.items():
            yield from _texts(item, str(name))
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, key)


def searchable_text(document: str) -> str:
    """Every text of a stored proposal document (JSON of any schema version), one per line.

    Identifiers, web addresses and the schema version are left out; numbers and dates are
    not words either. A document that is not JSON gives its raw text, so a damaged row can
    still be found by what it says.
    """
    try:
        data = json.loads(document)
    except ValueError:
        return document
    return "\n".join(text for text in _texts(data) if text.strip())


def match_query(typed: str) -> str:
    """The FTS5 query for what the user typed: every word, the last one as a prefix.

    Punctuation and FTS5 operators typed by the user are taken as word breaks, so any input
    is a valid query. Returns "" when nothing searchable was typed.
    """
    words = typed.translate(_QUERY_SEPARATORS).split()
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    if not typed.endswith(_FINISHED):
        quoted[-1] += "*"
    return " ".join(quoted)


def create_index(conn: sqlite3.Connection) -> None:
    """Create the index and fill it with every stored proposal (schema version 3).

    ``search_rows`` gives each proposal a stable row number (the FTS rowid) and says
    whether its indexed words are out of date; ``proposal_search`` holds the words.
    Filling starts from an empty index, so running the step again rebuilds it.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS search_rows ("
        "row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stale INTEGER NOT NULL DEFAULT 1)"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS search_rows_stale ON search_rows (row) WHERE stale")
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS proposal_search USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute("DELETE FROM proposal_search")
    conn.execute("DELETE FROM search_rows")
    conn.execute("INSERT INTO search_rows (id, stale) SELECT id, 1 FROM proposals")
    refresh_index(conn)


def mark_changed(conn: sqlite3.Connection, proposal_id: str) -> None:
    """Note that the words of ``proposal_id`` changed; they are indexed at the next search.

    A save so costs one small row, whatever the size of the proposal.
    """
    conn.execute(
        "INSERT INTO search_rows (id, stale) VALUES (?, 1) "
        "ON CONFLICT (id) DO UPDATE SET stale = 1",
        (proposal_id,),
    )


def refresh_index(conn: sqlite3.Connection) -> int:
    """Index the words of every proposal changed since the last search; returns how many."""
    rows = conn.execute(
        "SELECT r.row, p.document FROM search_rows AS r JOIN proposals AS p ON p.id = r.id "
        "WHERE r.stale"
    ).fetchall()
    for row, document in rows:
        conn.execute("DELETE FROM proposal_search WHERE rowid = ?", (row,))
        conn.execute(
            "INSERT INTO proposal_search (rowid, body) VALUES (?, ?)",
            (row, searchable_text(document)),
        )
    conn.execute("UPDATE search_rows SET stale = 0 WHERE stale")
    return len(rows)


def forget_proposal(conn: sqlite3.Connection, proposal_id: str) -> None:
    """Take ``proposal_id`` out of the index (it was removed for good)."""
    found = conn.execute("SELECT row FROM search_rows WHERE id = ?", (proposal_id,)).fetchone()
    if found is not None:
        conn.execute("DELETE FROM proposal_search WHERE rowid = ?", (found[0],))
        conn.execute("DELETE FROM search_rows WHERE row = ?", (found[0],))


#: A row when some proposal changed since its words were last indexed.
SEARCH_STALE = "SELECT 1 AS stale FROM search_rows WHERE stale LIMIT 1"

#: The ids of the proposals whose words match a query, best match first.
SEARCH = (
    "SELECT r.id AS id FROM proposal_search AS s "
    "JOIN search_rows AS r ON r.row = s.rowid JOIN proposals AS p ON p.id = r.id "
    "WHERE proposal_search MATCH ? {trash} ORDER BY s.rank"
)
