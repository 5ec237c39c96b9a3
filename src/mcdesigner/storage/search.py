"""Full-text search of the library: the words of every stored proposal in an SQLite FTS5 index.

The index (table ``proposal_search``, created by schema version 3) holds one row per proposal:
its id and every text of its stored document, in every language it is written in. The
statements that write proposals keep it in step (:mod:`mcdesigner.storage.sql`), in the same
transaction as the proposal row. Words match without regard to case or accents
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

    Filling starts from an empty index, so running the step again rebuilds it.
    """
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS proposal_search USING fts5("
        "id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.execute("DELETE FROM proposal_search")
    rows = conn.execute("SELECT id, document FROM proposals").fetchall()
    conn.executemany(
        "INSERT INTO proposal_search (id, body) VALUES (?, ?)",
        [(row[0], searchable_text(row[1])) for row in rows],
    )


def index_proposal(conn: sqlite3.Connection, proposal_id: str, document: str) -> None:
    """Put the stored ``document`` of ``proposal_id`` into the index, replacing what was there."""
    forget_proposal(conn, proposal_id)
    conn.execute(
        "INSERT INTO proposal_search (id, body) VALUES (?, ?)",
        (proposal_id, searchable_text(document)),
    )


def forget_proposal(conn: sqlite3.Connection, proposal_id: str) -> None:
    """Take ``proposal_id`` out of the index (it was removed for good)."""
    conn.execute("DELETE FROM proposal_search WHERE id = ?", (proposal_id,))


#: The ids of the proposals whose words match a query, best match first.
SEARCH = (
    "SELECT s.id AS id FROM proposal_search AS s JOIN proposals AS p ON p.id = s.id "
    "WHERE proposal_search MATCH ? {trash} ORDER BY rank"
)
