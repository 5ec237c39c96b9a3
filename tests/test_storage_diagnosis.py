"""What the user is told when the database cannot be used: the cause first, then the advice.

A full disk, read-only media, a read-only file, missing permissions, a database busy in
another program, a newer version, a file that is not a database and a damaged database each
get their own message. Only a damaged database (its integrity check fails) is told to restore
a backup, and that message names the backup and what restoring it would lose. SQLite's errors
are produced for real where a test can (a page limit for a full disk, ``mode=ro`` for a
read-only file, a second connection for a busy database); the rest are SQLite errors with
their real error codes raised where SQLite would raise them (the tests run as root, so
permissions and read-only mounts cannot be made for real).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesigner.model import Proposal
from mcdesigner.storage import CorruptDatabase, SchemaTooNew, Store, StoreError, connection
from mcdesigner.storage import errors as store_errors


def _proposal(title: str, size: int = 0) -> Proposal:
    proposal = Proposal()
    proposal.general.title = title
    proposal.general.description = "words " * size
    return proposal


def _sqlite_error(kind: type[sqlite3.Error], text: str, code: int, name: str) -> sqlite3.Error:
    error = kind(text)
    error.sqlite_errorcode = code
    error.sqlite_errorname = name
    return error


def _failing_open(monkeypatch: pytest.MonkeyPatch, error: sqlite3.Error) -> None:
    """The first query at opening fails with ``error`` (as the first read of a WAL file does)."""

    def failing(conn: sqlite3.Connection, name: str) -> int:
        raise error

    monkeypatch.setattr(connection, "int_pragma", failing)


@pytest.fixture
def stored_db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.save(_proposal("Open data"))
    return db_path


def _no_backup_advice(message: str) -> None:
    assert "backup" not in message.lower()
    assert "damaged" not in message.lower()


# ---------------------------------------------------------------------- full disk
def test_a_full_disk_while_saving_says_so_and_keeps_the_previous_version(
    stored_db: Path,
) -> None:
    with Store.open(stored_db) as store:
        pages = store._live().execute("PRAGMA page_count").fetchone()[0]
        store._live().execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
        with pytest.raises(StoreError) as caught:
            store.save(_proposal("Too big", size=8_000))
        message = str(caught.value)
        assert message == (
            f"Could not save the proposal: the disk holding {stored_db} is full. The previous "
            "version is still stored. Free some disk space and try again."
        )
        assert [s.title for s in store.list_proposals()] == ["Open data"]


def test_a_full_disk_at_opening_is_not_called_damage(
    stored_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = _sqlite_error(
        sqlite3.OperationalError, "database or disk is full", sqlite3.SQLITE_FULL, "SQLITE_FULL"
    )
    _failing_open(monkeypatch, full)
    with pytest.raises(StoreError) as caught:
        Store.open(stored_db)
    assert not isinstance(caught.value, CorruptDatabase)
    assert str(caught.value).startswith(
        f"Could not open the database: the disk holding {stored_db} is full."
    )
    _no_backup_advice(str(caught.value))


# ---------------------------------------------------------------------- read-only
def test_a_read_only_file_says_it_cannot_be_changed(
    stored_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only_connect(path: Path) -> sqlite3.Connection:
        return sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )

    monkeypatch.setattr(connection, "connect", read_only_connect)
    with Store.open(stored_db) as store:
        assert [s.title for s in store.list_proposals()] == ["Open data"]  # reading works
        with pytest.raises(StoreError) as caught:
            store.save(_proposal("New"))
    assert str(caught.value) == (
        f"Could not save the proposal: the database {stored_db} is opened read-only or the "
        "file may not be changed. Check the file's permissions, or open a copy that you may "
        "change."
    )


def test_read_only_media_at_opening_says_so(
    stored_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cannot_open = _sqlite_error(
        sqlite3.OperationalError,
        "unable to open database file",
        sqlite3.SQLITE_CANTOPEN,
        "SQLITE_CANTOPEN",
    )
    _failing_open(monkeypatch, cannot_open)
    monkeypatch.setattr(store_errors, "on_read_only_media", lambda path: True)
    with pytest.raises(StoreError) as caught:
        Store.open(stored_db)
    assert str(caught.value) == (
        f"Could not open the database: {stored_db} is on read-only media (a read-only disk, "
        "memory stick or network folder). Nothing was changed. Copy the file to a folder you "
        "may write in and open the copy."
    )


def test_missing_permission_says_so(stored_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cannot_open = _sqlite_error(
        sqlite3.OperationalError,
        "unable to open database file",
        sqlite3.SQLITE_CANTOPEN,
        "SQLITE_CANTOPEN",
    )
    _failing_open(monkeypatch, cannot_open)
    monkeypatch.setattr(store_errors, "on_read_only_media", lambda path: False)
    monkeypatch.setattr(store_errors, "may_change", lambda path: False)
    with pytest.raises(StoreError) as caught:
        Store.open(stored_db)
    assert str(caught.value) == (
        f"Could not open the database: you are not allowed to change {stored_db} or its "
        "folder. Nothing was changed. Ask for write permission, or copy the file to a folder "
        "of yours and open the copy."
    )


# ---------------------------------------------------------------------- busy
def test_a_database_busy_in_another_program_says_wait(
    stored_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    with Store.open(stored_db) as store:
        other = sqlite3.connect(stored_db, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StoreError) as caught:
                store.save(_proposal("While busy"))
        finally:
            other.close()
    assert str(caught.value) == (
        f"Could not save the proposal: the database {stored_db} is busy in another program. "
        "Wait a moment and try again."
    )


# ---------------------------------------------------------------------- newer, foreign, damaged
def test_a_newer_version_says_install_it_not_restore(stored_db: Path) -> None:
    raw = sqlite3.connect(stored_db)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(SchemaTooNew) as caught:
        Store.open(stored_db)
    assert "newer version of MC Designer" in str(caught.value)
    _no_backup_advice(str(caught.value))


def test_a_file_that_is_not_a_database_is_not_called_damaged(db_path: Path) -> None:
    db_path.write_bytes(b"These are my notes, not a database.\n" * 200)
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db_path)
    assert str(caught.value) == (
        f"The file {db_path} is not a proposal database (it is not an SQLite database at "
        "all). Nothing was changed. Choose the proposal database file, usually "
        "proposals.sqlite3."
    )


def _damage(db_path: Path) -> None:
    """Overwrite the middle pages of the file (the header stays intact)."""
    data = bytearray(db_path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, page):
        data[start + 8 : start + page] = b"\xff" * (page - 8)
    db_path.write_bytes(bytes(data))


@pytest.fixture
def damaged_db(db_path: Path) -> Iterator[tuple[Path, Path]]:
    with Store.open(db_path) as store:
        for number in range(8):
            store.save(_proposal(f"Proposal {number}", size=600))
        backup = store.backup("before a test")
    _damage(db_path)
    yield db_path, backup


def test_a_damaged_database_names_the_backup_and_what_would_be_lost(
    damaged_db: tuple[Path, Path],
) -> None:
    db_path, backup = damaged_db
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db_path)
    message = str(caught.value)
    assert message.startswith(f"The proposal database {db_path} is damaged (")
    stamp = store_errors.backup_moment(backup)
    assert stamp is not None
    assert (
        f"restore the newest backup, {backup.name} of {store_errors.moment_text(stamp)}, "
        "from the folder"
    ) in message
    assert "changes made after that moment would be lost" in message


def test_a_damaged_database_without_backups_says_there_are_none(
    damaged_db: tuple[Path, Path],
) -> None:
    db_path, backup = damaged_db
    backup.unlink()
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db_path)
    assert "There is no backup of it" in str(caught.value)
