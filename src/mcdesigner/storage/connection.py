"""Opening the database safely: recognise it, check it, configure it and upgrade its layout.

Order matters: nothing is written to a file until we know it is a healthy database of ours
(or a new empty one) at a version this code understands, and a backup is taken before an
existing database is upgraded.
"""

from __future__ import annotations

import contextlib
import os
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
    empty_file_advice,
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


def create_if_missing(path: Path) -> bool:
    """Create an empty database file at ``path`` unless one exists; True when created here."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as error:
        raise StoreError(
            tr("Could not create the proposal database {path}: {detail}").format(
                path=path, detail=error.strerror or error
            )
        ) from error
    os.close(fd)
    return True


def refuse_empty_file(path: Path) -> None:
    """Raise :class:`CorruptDatabase` when the existing file at ``path`` holds 0 bytes.

    An empty file this application did not just create may be a library whose contents were
    lost (a failed copy, a disk fault): starting a new library in it would hide that.
    """
    try:
        size = path.stat().st_size
    except OSError:
        return  # Opening reports what is wrong with it.
    if size == 0 and path.is_file():
        raise CorruptDatabase(
            tr(
                "The proposal database {path} is an empty file (0 bytes). MC Designer did not "
                "create it, so it was not started as a new library: its proposals may have "
                "been lost by a failed copy or a disk fault. Nothing was changed. {advice}"
            ).format(path=path, advice=empty_file_advice(path))
        )


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
    except sqlite3.Error as error:
        # A full disk or read-only media also fails here (the first read of a WAL database
        # creates its shared-memory file): classify it, never call it damage by default.
        raise translate_sqlite_error(error, path, tr("open the database")) from error
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
