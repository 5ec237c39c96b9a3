"""Where the automatic backups of a database are, how they are named and when each was taken."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

_STAMP_RE = re.compile(r"-(\d{8}T\d{12}Z)-")


def backups_dir_for(db_path: Path) -> Path:
    """The folder that holds the automatic backups of the database at ``db_path``."""
    return db_path.parent / "backups"


def backup_name_prefix(db_path: Path) -> str:
    """Every snapshot of ``db_path`` starts with this text."""
    return f"{db_path.stem}-"


def list_backups(db_path: Path) -> list[Path]:
    """The snapshots of ``db_path``, oldest first."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    prefix = backup_name_prefix(db_path)
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(prefix) and p.suffix == ".sqlite3"
    )


def backup_moment(backup: Path) -> dt.datetime | None:
    """When the snapshot was taken (UTC, from its name; else its file time; None if unknown)."""
    found = _STAMP_RE.search(backup.name)
    if found:
        try:
            return dt.datetime.strptime(found.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    try:
        return dt.datetime.fromtimestamp(backup.stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None
