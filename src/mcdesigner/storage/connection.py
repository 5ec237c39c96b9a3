"""Opening the database safely: recognise it, check it, configure it and upgrade its layout.

Order matters: nothing is written to a file until we know it is a healthy database of ours
(or a new empty one) at a version this code understands, and a backup is taken before an
existing database is upgraded.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from mcdesigner.i18n import tr
from mcdesigner.storage import schema
from mcdesigner.storage.errors import (
    CorruptDatabase,
    SchemaTooNew,
    StoreError,
    corrupt_message,
    translate_sqlite_error,
)

#: How long a write waits for another program's write to finish before giving up (ms).
BUSY_TIMEOUT_MS = 5_000


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with explicit transaction control (the store issues BEGIN/COMMIT)."""
    try:
        return sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, path, tr("open the database")) from error


def int_pragma(conn: sqlite3.Connection, name: str) -> int:
    """The whole number a ``PRAGMA name`` query returns (0 when it returns nothing)."""
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return 0 if row is None or row[0] is None else int(row[0])


def schema_object_count(conn: sqlite3.Connection) -> int:
    """How many tables, indexes, views and triggers the file holds (0 for a new database)."""
    return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def check_and_configure(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse foreign, damaged or too-new files, then set the safety pragmas.

    Returns the database's schema version (``PRAGMA user_version``).
    """
    try:
        version = int_pragma(conn, "user_version")
        app_id = int_pragma(conn, "application_id")
        table_count = schema_object_count(conn)
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError) and "locked" in str(error).lower():
            raise translate_sqlite_error(error, path, tr("open the database")) from error
        raise CorruptDatabase(corrupt_message(path, str(error))) from error
    if app_id not in (0, schema.APPLICATION_ID) or (app_id == 0 and table_count):
        raise CorruptDatabase(
            tr(
                "The file {path} is a database of another program, not MC Designer "
                "proposals. Nothing was changed. Choose another file."
            ).format(path=path)
        )
    if version > schema.latest_version():
        raise SchemaTooNew(
            tr(
                "The proposal database {path} was written by a newer version of MC Designer "
                "(database version {found}, this version reads up to {known}). Nothing was "
                "changed. Install the newer version to open it."
            ).format(path=path, found=version, known=schema.latest_version())
        )
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
        if [row[0] for row in check] != ["ok"]:
            detail = "; ".join(str(row[0]) for row in check[:3])
            raise CorruptDatabase(corrupt_message(path, detail))
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA trusted_schema=OFF")
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, path, tr("open the database")) from error
    return version


@contextlib.contextmanager
def write_transaction(
    conn: sqlite3.Connection, path: Path, action: str
) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; on any error roll back and raise a store error.

    ``action`` is a short translated phrase ("save the proposal") used in error messages.
    When this block exits normally, the change is committed and (with ``synchronous=FULL``)
    on disk.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, path, action) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        _rollback_quietly(conn)
        raise translate_sqlite_error(error, path, action) from error
    except BaseException:
        _rollback_quietly(conn)
        raise


def _rollback_quietly(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def upgrade(
    conn: sqlite3.Connection, path: Path, version: int, backup: Callable[[str], Path]
) -> int:
    """Run the migration steps from ``version`` up to the latest; return the new version.

    A non-empty database is backed up first. Each step commits together with its new
    ``user_version``, so a crash leaves the database at one version or the next.
    """
    target = schema.latest_version()
    if version >= target:
        return version
    if schema_object_count(conn) > 0:
        backup(f"before upgrade from version {version}")
    action = tr("upgrade the database")
    for step_from in range(version, target):
        with write_transaction(conn, path, action):
            current = int_pragma(conn, "user_version")
            if current != step_from:
                continue  # Another copy of the application already ran this step.
            schema.MIGRATIONS[step_from](conn)
            conn.execute(f"PRAGMA user_version = {step_from + 1}")
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise StoreError(
            tr(
                "After upgrading {path}, {count} records point at missing proposals. "
                "A backup was taken before the upgrade in the backups folder."
            ).format(path=path, count=len(problems))
        )
    return target
