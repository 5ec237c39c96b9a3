"""The local proposal store (SQLite): the only package that talks to the database.

Open it with :meth:`Store.open`; see :mod:`mcdesigner.storage.store` for the guarantees.
"""

from __future__ import annotations

from mcdesigner.storage.backup_files import list_backups
from mcdesigner.storage.backups import KEEP_BACKUPS
from mcdesigner.storage.documents import UnreadableDocument, migrate_document
from mcdesigner.storage.errors import (
    CorruptDatabase,
    EditConflict,
    ProposalNotFound,
    RevisionNotFound,
    SchemaTooNew,
    StoreError,
    StoreLocked,
    backups_dir_for,
)
from mcdesigner.storage.location import DB_ENV_VAR, default_db_path
from mcdesigner.storage.lock import lock_path_for
from mcdesigner.storage.records import ProposalSummary, RevisionInfo, StatusEvent
from mcdesigner.storage.reviews import ThreadConflict
from mcdesigner.storage.store import ProposalExists, Store

__all__ = [
    "DB_ENV_VAR",
    "KEEP_BACKUPS",
    "CorruptDatabase",
    "EditConflict",
    "ProposalExists",
    "ProposalNotFound",
    "ProposalSummary",
    "RevisionInfo",
    "RevisionNotFound",
    "SchemaTooNew",
    "StatusEvent",
    "Store",
    "StoreError",
    "StoreLocked",
    "ThreadConflict",
    "UnreadableDocument",
    "backups_dir_for",
    "default_db_path",
    "list_backups",
    "lock_path_for",
    "migrate_document",
]
