"""Errors the store raises, each with a plain-English message saying what to do next.

Callers catch :class:`StoreError` (or one of its subclasses) and show ``str(error)`` to the
user. SQLite's own exceptions never leave the storage package: :func:`translate_sqlite_error`
turns them into one of these.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mcdesigner.i18n import tr


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


def backups_dir_for(db_path: Path) -> Path:
    """The folder that holds the automatic backups of the database at ``db_path``."""
    return db_path.parent / "backups"


def corrupt_message(db_path: Path, detail: str) -> str:
    """The message for a damaged database, naming the file and where the backups are."""
    return tr(
        "The proposal database {path} is damaged or is not a database ({detail}). "
        "Nothing was changed. Close the application, move this file aside and restore "
        "the newest copy from the backups folder {backups}."
    ).format(path=db_path, detail=detail, backups=backups_dir_for(db_path))


def translate_sqlite_error(error: sqlite3.Error, db_path: Path, action: str) -> StoreError:
    """Turn a SQLite exception raised while doing ``action`` into a :class:`StoreError`.

    ``action`` is a short translated phrase such as "save the proposal".
    """
    text = str(error).lower()
    if "full" in text:
        return StoreError(
            tr(
                "Could not {action}: the disk holding {path} is full. The previous version "
                "is still stored. Free some disk space and try again."
            ).format(action=action, path=db_path)
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            tr(
                "Could not {action}: the database {path} is busy in another program. "
                "Wait a moment and try again."
            ).format(action=action, path=db_path)
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            tr(
                "Could not {action}: the database {path} is read-only. Check the file's "
                "permissions or open a copy that you may change."
            ).format(action=action, path=db_path)
        )
    if "i/o" in text or "disk" in text:
        return StoreError(
            tr(
                "Could not {action}: the disk holding {path} reported an error. The previous "
                "version is still stored. Check the disk and try again."
            ).format(action=action, path=db_path)
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptDatabase(corrupt_message(db_path, str(error)))
    return StoreError(
        tr("Could not {action} in {path}: {detail}").format(
            action=action, path=db_path, detail=str(error)
        )
    )
