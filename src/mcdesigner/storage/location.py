"""Where the proposal database lives unless the caller says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Environment variable that points the application at another database file.
DB_ENV_VAR = "MCDESIGNER_DB"


def default_db_path() -> Path:
    """``$MCDESIGNER_DB`` if set, else ``proposals.sqlite3`` in the user's data folder."""
    override = os.environ.get(DB_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("mcdesigner", appauthor=False)) / "proposals.sqlite3"
