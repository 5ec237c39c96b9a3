"""The database layout and its versioned migrations (``PRAGMA user_version``).

:data:`MIGRATIONS` is an ordered list: step ``n`` turns a database at version ``n`` into
version ``n + 1``. To change the layout, append a step; never edit a released one. Each step
runs in the same transaction that records the new ``user_version``.

Small listing columns come first and the JSON ``document`` column last, so listing never reads
the large documents.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from mcdesigner.storage.search import create_index

#: Written into the file header (``PRAGMA application_id``) to recognise our databases.
APPLICATION_ID = 0x4D434431  # "MCD1"

Migration = Callable[[sqlite3.Connection], None]


def _create_v1(conn: sqlite3.Connection) -> None:
    """Version 1: proposals, revisions, annotations, reviews and status events."""
    statements = [
        """
        CREATE TABLE proposals (
            id TEXT PRIMARY KEY NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completeness REAL,
            content_hash TEXT NOT NULL,
            deleted_at TEXT,
            document TEXT NOT NULL
        )
        """,
        "CREATE INDEX proposals_by_change ON proposals (updated_at DESC)",
        "CREATE INDEX proposals_in_trash ON proposals (deleted_at)",
        """
        CREATE TABLE revisions (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('manual', 'submit', 'import', 'auto')),
            created_at TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            document TEXT NOT NULL
        )
        """,
        "CREATE INDEX revisions_by_proposal ON revisions (proposal_id, created_at)",
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            status TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            document TEXT NOT NULL
        )
        """,
        "CREATE INDEX annotations_by_proposal ON annotations (proposal_id, created)",
        """
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL DEFAULT '',
            recommendation TEXT,
            updated TEXT NOT NULL,
            document TEXT NOT NULL
        )
        """,
        "CREATE INDEX reviews_by_proposal ON reviews (proposal_id, updated)",
        """
        CREATE TABLE status_events (
            id TEXT PRIMARY KEY NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
            from_status TEXT NOT NULL,
            to_status TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX status_events_by_proposal ON status_events (proposal_id, at)",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ]
    for statement in statements:
        conn.execute(statement)


def _proposal_languages_v2(conn: sqlite3.Connection) -> None:
    """Version 2: proposals are written in several languages (document schema 2).

    The tables keep their layout. Stored version 1 documents are upgraded when read and
    rewritten when next saved (see :mod:`mcdesigner.model.upgrade`), so revisions keep the
    text and hash that reviews refer to. The version number tells earlier releases that
    this database now holds documents they cannot read, so they refuse it as a whole with
    their "newer version" message instead of failing proposal by proposal.
    """
    del conn  # no layout change: only the recorded version moves


def _library_search_v3(conn: sqlite3.Connection) -> None:
    """Version 3: a full-text index of the proposals' texts for the library search.

    Filled from the stored documents as they are, so it needs no document upgrade.
    """
    create_index(conn)


#: Ordered migration steps; ``MIGRATIONS[n]`` upgrades version ``n`` to ``n + 1``.
MIGRATIONS: list[Migration] = [_create_v1, _proposal_languages_v2, _library_search_v3]


def latest_version() -> int:
    """The schema version this code writes."""
    return len(MIGRATIONS)
