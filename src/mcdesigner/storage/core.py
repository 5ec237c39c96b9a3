"""The store's connection: opening, closing, transactions, reads and maintenance.

Every part of :class:`mcdesigner.storage.store.Store` (proposals, revisions, comments and
reviews, history, import) builds on :class:`StoreCore`; it owns the connection, the lock file
and the mutex that serialises calls from several threads.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlite_utils import Database

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.storage import connection
from mcdesigner.storage.backups import KEEP_BACKUPS, sweep_partials, write_backup
from mcdesigner.storage.documents import UnreadableDocument, decode_proposal, text_hash
from mcdesigner.storage.errors import (
    ProposalNotFound,
    StoreError,
    backups_dir_for,
    translate_sqlite_error,
)
from mcdesigner.storage.location import default_db_path
from mcdesigner.storage.lock import DatabaseLock, FileKey, file_key, note_closed, note_opened
from mcdesigner.storage.sql import PROPOSAL_FOUND


class StoreCore:
    """The open database, its lock and the helpers every part of the store shares."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: DatabaseLock | None) -> None:
        self.path = path
        self.keep_backups = KEEP_BACKUPS
        self._conn: sqlite3.Connection | None = conn
        self._db = Database(conn, execute_plugins=False, recursive_triggers=False)
        self._lock = lock
        self._file_key: FileKey | None = None
        self._mutex = threading.RLock()
        self._joined = False  # inside transaction(): writes join it instead of committing

    # ------------------------------------------------------------------ opening, closing
    @classmethod
    def open(cls, path: Path | None = None, *, exclusive: bool = False) -> Self:
        """Open (creating or upgrading if needed) the database at ``path``.

        ``exclusive=True`` (the editor window) also takes the lock (``<db>.lock`` and, on
        Linux, the database file itself); a second exclusive opener, also through a link,
        gets :class:`StoreLocked`. An existing empty file is refused, not taken for a new
        library (:class:`CorruptDatabase`). Without it (command line) the
        store may still read and write, guarded by content hashes.
        """
        db_path = Path(path) if path is not None else default_db_path()
        db_path = db_path.expanduser().absolute()
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                tr(
                    "Could not create the folder {folder} for the proposal database: {detail}"
                ).format(folder=db_path.parent, detail=error.strerror or error)
            ) from error
        created = connection.create_if_missing(db_path)
        if not created:
            connection.refuse_empty_file(db_path)
        lock = DatabaseLock(db_path) if exclusive else None
        if lock is not None:
            lock.acquire()
        key = file_key(db_path)
        note_opened(key)
        conn: sqlite3.Connection | None = None
        try:
            conn = connection.connect(db_path)
            version = connection.check_and_configure(conn, db_path)
            sweep_partials(db_path)  # left by a backup that was killed
            store = cls(db_path, conn, lock)
            store._file_key = key
            connection.upgrade(conn, db_path, version, store.backup)
        except BaseException:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            note_closed(key)
            raise
        return store

    def close(self) -> None:
        """Checkpoint the write-ahead log, close the database and release the lock."""
        with self._mutex:
            conn, self._conn = self._conn, None
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
            if self._lock is not None:
                self._lock.release()
            if conn is not None:
                note_closed(self._file_key)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._conn is None

    # ------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def transaction(self, action: str) -> Iterator[None]:
        """Make every change inside the block one transaction: all of it is stored, or none.

        ``action`` is a short translated phrase ("change the status") for error messages.
        An exception leaving the block rolls everything back and is raised again. Other
        threads wait until the block ends; nested blocks join the outer one.
        """
        with self._mutex:
            if self._joined:
                yield
                return
            with self._writing(action):
                self._joined = True
                try:
                    yield
                finally:
                    self._joined = False

    # ------------------------------------------------------------------ maintenance
    def backup(self, reason: str) -> Path:
        """Write a consistent snapshot into ``<database folder>/backups/`` and return it.

        Only the newest :attr:`keep_backups` snapshots are kept.
        """
        with self._mutex:
            conn = self._live()
            try:
                return write_backup(conn, self.path, reason, self.keep_backups)
            except sqlite3.Error as error:
                raise translate_sqlite_error(
                    error, self.path, tr("back up the database")
                ) from error
            except OSError as error:
                raise StoreError(
                    tr("Could not write a backup into {folder}: {detail}").format(
                        folder=backups_dir_for(self.path), detail=error.strerror or error
                    )
                ) from error

    def integrity_ok(self) -> bool:
        """Whether SQLite's full integrity check finds the database sound."""
        rows = self._read("PRAGMA integrity_check", (), tr("check the database"))
        return [next(iter(row.values())) for row in rows] == ["ok"]

    def schema_version(self) -> int:
        """The layout version of the open database (``PRAGMA user_version``)."""
        with self._mutex:
            conn = self._live()
            return connection.int_pragma(conn, "user_version")

    # ------------------------------------------------------------------ shared internals
    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(tr("The proposal database {path} is closed.").format(path=self.path))
        return self._conn

    @contextlib.contextmanager
    def _writing(self, action: str) -> Iterator[sqlite3.Connection]:
        with self._mutex:
            if self._joined:
                yield self._live()
                return
            with connection.write_transaction(self._live(), self.path, action) as conn:
                yield conn

    def _read(self, sql: str, params: Sequence[Any], action: str) -> list[dict[str, Any]]:
        with self._mutex:
            self._live()
            try:
                return list(self._db.query(sql, params))
            except sqlite3.Error as error:
                raise translate_sqlite_error(error, self.path, action) from error

    def _update_one(
        self,
        sql: str,
        params: Sequence[Any],
        proposal_id: str,
        action: str,
        *,
        allow_unchanged: bool = False,
    ) -> None:
        with self._writing(action) as conn:
            self._require(conn, proposal_id)
            changed = conn.execute(sql, params).rowcount
            if not changed and not allow_unchanged:
                raise self._not_found(proposal_id)

    def _require(self, conn: sqlite3.Connection, proposal_id: str) -> None:
        if conn.execute(PROPOSAL_FOUND, (proposal_id,)).fetchone() is None:
            raise self._not_found(proposal_id)

    def _not_found(self, proposal_id: str) -> ProposalNotFound:
        return ProposalNotFound(
            tr(
                "There is no proposal with the id {id} in {path}. It may have been removed "
                "for good; refresh the list of proposals."
            ).format(id=proposal_id, path=self.path)
        )

    def _decode(self, row: dict[str, Any], where: str) -> Proposal:
        text = str(row["document"])
        if text_hash(text) != row["content_hash"]:
            raise UnreadableDocument(
                tr(
                    "The stored {where} was changed outside MC Designer or damaged on disk "
                    "(its checksum does not match). It was left unchanged. Restore it from a "
                    "backup in {backups} or from an earlier revision."
                ).format(where=where, backups=backups_dir_for(self.path))
            )
        return decode_proposal(text, where)
