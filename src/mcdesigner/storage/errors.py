"""Errors the store raises, each with a plain-English message saying what to do next.

Callers catch :class:`StoreError` (or one of its subclasses) and show ``str(error)`` to the
user. SQLite's own exceptions never leave the storage package: :func:`translate_sqlite_error`
turns them into one of these, classifying the cause first (by SQLite's error code): full disk,
read-only media, read-only file, permission, busy, not a database, damaged. Only a damaged
database is told to restore a backup, and the advice names the backup and what would be lost.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.storage.backup_files import backup_moment, backups_dir_for, list_backups

__all__ = [
    "CorruptDatabase",
    "EditConflict",
    "ProposalNotFound",
    "RevisionNotFound",
    "SchemaTooNew",
    "StoreError",
    "StoreLocked",
    "backup_moment",
    "backups_dir_for",
    "corrupt_message",
    "empty_file_advice",
    "translate_sqlite_error",
]


class StoreError(Exception):
    """Something went wrong in the local proposal store; the message says what to do."""


class ProposalNotFound(StoreError):
    """No proposal (or nothing it refers to) with the given id is stored."""


class RevisionNotFound(StoreError):
    """No saved revision with the given id is stored."""


class EditConflict(StoreError):
    """The stored proposal changed since the caller read it."""


class StoreLocked(StoreError):
    """Another running copy of the application holds the database exclusively."""


class SchemaTooNew(StoreError):
    """The database was written by a newer version of the application."""


class CorruptDatabase(StoreError):
    """The file is not a database, or the database failed its integrity check."""


def moment_text(moment: dt.datetime) -> str:
    """A backup's moment as the user reads it (date and time on this computer's clock)."""
    return formatter().short_datetime(moment)


def _newest_backup(db_path: Path) -> tuple[str, str] | None:
    """The newest backup's file name and moment, or None when there is none."""
    backups = list_backups(db_path)
    if not backups:
        return None
    newest = backups[-1]
    moment = backup_moment(newest)
    return newest.name, moment_text(moment) if moment is not None else "?"


def restore_advice(db_path: Path) -> str:
    """Which backup to restore and what restoring it would lose (or that there is none)."""
    folder = backups_dir_for(db_path)
    newest = _newest_backup(db_path)
    if newest is None:
        return tr(
            "There is no backup of it in {backups}. Close the application and keep this "
            "file: a database repair tool may recover part of it."
        ).format(backups=folder)
    name, moment = newest
    return tr(
        "Close the application, move this file aside and restore the newest backup, {name} "
        "of {moment}, from the folder {backups}: changes made after that moment would be "
        "lost (keep the damaged file, they may still be recovered from it)."
    ).format(name=name, moment=moment, backups=folder)


def corrupt_message(db_path: Path, detail: str) -> str:
    """The message for a damaged database: what happened, which backup, what would be lost."""
    return tr(
        "The proposal database {path} is damaged ({detail}). Nothing was changed. {advice}"
    ).format(path=db_path, detail=detail, advice=restore_advice(db_path))


def not_a_database_message(db_path: Path) -> str:
    """The message for a file that is not an SQLite database (and never was one of ours)."""
    return tr(
        "The file {path} is not a proposal database (it is not an SQLite database at all). "
        "Nothing was changed. Choose the proposal database file, usually proposals.sqlite3."
    ).format(path=db_path)


def empty_file_advice(db_path: Path) -> str:
    """What to do about an empty database file: restore a backup if any, or start anew."""
    start = tr("To start a new library there, delete the empty file and open it again.")
    newest = _newest_backup(db_path)
    if newest is None:
        return start
    name, moment = newest
    restore = tr(
        "If it should hold your proposals, restore the newest backup, {name} of {moment}, "
        "from the folder {backups} (changes made after that moment would be lost)."
    ).format(name=name, moment=moment, backups=backups_dir_for(db_path))
    return f"{restore} {start}"


def on_read_only_media(path: Path) -> bool:
    """Whether ``path`` (or its folder, when it does not exist) is on a read-only file system."""
    target = path if path.exists() else path.parent
    try:
        return bool(os.statvfs(target).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def may_change(path: Path) -> bool:
    """Whether this user may write the file at ``path`` and its folder."""
    targets = [path, path.parent] if path.exists() else [path.parent]
    return all(os.access(target, os.W_OK) for target in targets)


def _error_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _code_from_text(text: str) -> int | None:
    """The primary error code an older SQLite error (without its code) stands for."""
    for words, code in (
        (("full",), sqlite3.SQLITE_FULL),
        (("locked", "busy"), sqlite3.SQLITE_BUSY),
        (("readonly", "read-only"), sqlite3.SQLITE_READONLY),
        (("i/o", "disk"), sqlite3.SQLITE_IOERR),
        (("not a database",), sqlite3.SQLITE_NOTADB),
        (("malformed", "corrupt"), sqlite3.SQLITE_CORRUPT),
        (("unable to open",), sqlite3.SQLITE_CANTOPEN),
    ):
        if any(word in text for word in words):
            return code
    return None


def translate_sqlite_error(error: sqlite3.Error, db_path: Path, action: str) -> StoreError:
    """Turn a SQLite exception raised while doing ``action`` into a :class:`StoreError`.

    ``action`` is a short translated phrase such as "save the proposal".
    """
    code = _error_code(error)
    if code is None:
        code = _code_from_text(str(error).lower())
    if code == sqlite3.SQLITE_CANTOPEN or code == sqlite3.SQLITE_READONLY:
        if on_read_only_media(db_path):
            return StoreError(_read_only_media(action, db_path))
        if not may_change(db_path):
            return StoreError(_no_permission(action, db_path))
    if code in (sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return StoreError(_no_permission(action, db_path))
    if code == sqlite3.SQLITE_NOTADB:
        if list_backups(db_path):  # it was a database of ours: now it is damaged
            return CorruptDatabase(corrupt_message(db_path, str(error)))
        return CorruptDatabase(not_a_database_message(db_path))
    if code == sqlite3.SQLITE_CORRUPT:
        return CorruptDatabase(corrupt_message(db_path, str(error)))
    message = _MESSAGES.get(code) if code is not None else None
    if message is not None:
        return StoreError(message().format(action=action, path=db_path, detail=str(error)))
    return StoreError(
        tr("Could not {action} in {path}: {detail}").format(
            action=action, path=db_path, detail=str(error)
        )
    )


def _read_only_media(action: str, db_path: Path) -> str:
    return tr(
        "Could not {action}: {path} is on read-only media (a read-only disk, memory stick or "
        "network folder). Nothing was changed. Copy the file to a folder you may write in "
        "and open the copy."
    ).format(action=action, path=db_path)


def _no_permission(action: str, db_path: Path) -> str:
    return tr(
        "Could not {action}: you are not allowed to change {path} or its folder. Nothing was "
        "changed. Ask for write permission, or copy the file to a folder of yours and open "
        "the copy."
    ).format(action=action, path=db_path)


def _full() -> str:
    return tr(
        "Could not {action}: the disk holding {path} is full. The previous version "
        "is still stored. Free some disk space and try again."
    )


def _busy() -> str:
    return tr(
        "Could not {action}: the database {path} is busy in another program. "
        "Wait a moment and try again."
    )


def _read_only_file() -> str:
    return tr(
        "Could not {action}: the database {path} is opened read-only or the file may not be "
        "changed. Check the file's permissions, or open a copy that you may change."
    )


def _disk_error() -> str:
    return tr(
        "Could not {action}: the disk holding {path} reported an error. The previous "
        "version is still stored. Check the disk and try again."
    )


def _cannot_open() -> str:
    return tr(
        "Could not {action}: the file {path} could not be opened ({detail}). Check that its "
        "folder exists and can be reached, then try again."
    )


#: The message for each SQLite primary error code that needs no further look at the file.
_MESSAGES = {
    sqlite3.SQLITE_FULL: _full,
    sqlite3.SQLITE_BUSY: _busy,
    sqlite3.SQLITE_LOCKED: _busy,
    sqlite3.SQLITE_READONLY: _read_only_file,
    sqlite3.SQLITE_IOERR: _disk_error,
    sqlite3.SQLITE_CANTOPEN: _cannot_open,
}
