"""Consistent snapshots of the database into ``<database folder>/backups/``.

Snapshots go through SQLite's online backup API (never a file copy, which can miss data
of an open database), are written under a temporary name, checked, then renamed into
place. Only the newest :data:`KEEP_BACKUPS` snapshots of a database are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from pathlib import Path

from mcdesigner.storage.backup_files import backup_name_prefix, backups_dir_for, list_backups
from mcdesigner.storage.records import now_utc

#: How many snapshots of one database are kept; older ones are removed after a new one.
KEEP_BACKUPS = 20
#: A half-written snapshot older than this (seconds) was left by a crash and is removed.
STALE_PARTIAL_SECONDS = 600

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def _slug(reason: str) -> str:
    return _SLUG_RE.sub("-", reason.lower()).strip("-")[:40] or "backup"


def write_backup(conn: sqlite3.Connection, db_path: Path, reason: str, keep: int) -> Path:
    """Snapshot the database behind ``conn`` and return the snapshot's path.

    Raises ``sqlite3.Error`` or ``OSError``; the caller turns them into store errors.
    """
    folder = backups_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now_utc().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{backup_name_prefix(db_path)}{stamp}-{_slug(reason)}.sqlite3"
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            result = copy.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(f"the new backup failed its check: {result}")
        finally:
            copy.close()
        _fsync_file(partial)
        os.replace(partial, target)
    except BaseException:
        # A failed snapshot (e.g. a full disk) must not leave its half-written copy behind.
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    _fsync_dir(folder)
    prune_backups(db_path, keep)
    return target


def prune_backups(db_path: Path, keep: int) -> None:
    """Remove all but the newest ``keep`` snapshots of ``db_path``, and abandoned partial ones."""
    snapshots = list_backups(db_path)
    for old in snapshots[: max(0, len(snapshots) - keep)]:
        with contextlib.suppress(OSError):
            old.unlink()
    sweep_partials(db_path)


def sweep_partials(db_path: Path) -> None:
    """Remove the half-written snapshots of ``db_path`` whose writer is no longer running.

    Only this application's names are touched: ``<db>-<stamp>-<reason>.sqlite3.<pid>.partial``
    (and the older ``....sqlite3.partial`` once it is :data:`STALE_PARTIAL_SECONDS` old).
    """
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return
    prefix = backup_name_prefix(db_path)
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for partial in folder.glob(f"{prefix}*.sqlite3.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
    for partial in folder.glob(f"{prefix}*.sqlite3.*.partial"):
        pid = partial.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                partial.unlink()


def _running(pid: int) -> bool:
    """Whether a process with this id is alive (this one included)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell: keep the file until it is stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, but someone else's
    return True


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
