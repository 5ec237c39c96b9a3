"""The local proposal store: proposals, revisions, annotations, reviews and status history.

Every change runs in its own ``BEGIN IMMEDIATE`` transaction on a WAL database with
``synchronous=FULL``: when a method returns, the change is on disk and survives a crash or a
power cut. Edits made elsewhere are never overwritten silently: saving an existing proposal
requires the content hash the caller read (``expected_hash``), and a different stored hash
raises :class:`EditConflict`.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlite_utils import Database

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.model.text import clean_line, clean_text
from mcdesigner.storage import connection
from mcdesigner.storage.backups import KEEP_BACKUPS, write_backup
from mcdesigner.storage.documents import (
    UnreadableDocument,
    decode_proposal,
    encode_proposal,
    error_detail,
    text_hash,
)
from mcdesigner.storage.errors import (
    EditConflict,
    ProposalNotFound,
    RevisionNotFound,
    StoreError,
    backups_dir_for,
    translate_sqlite_error,
)
from mcdesigner.storage.location import default_db_path
from mcdesigner.storage.lock import FileLock, lock_path_for
from mcdesigner.storage.records import (
    REVISION_KINDS,
    ProposalSummary,
    RevisionInfo,
    StatusEvent,
    from_text,
    now_utc,
    optional_from_text,
    to_text,
)

_SUMMARY_COLUMNS = (
    "id, title, status, created_at, updated_at, completeness, content_hash, deleted_at"
)


class ProposalExists(StoreError):
    """An import met a proposal with the same id and was not allowed to replace it."""


class Store:
    """The proposal database. Open it with :meth:`Store.open`; use it as a context manager.

    Methods may be called from any thread; calls are serialised.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None) -> None:
        self.path = path
        self.keep_backups = KEEP_BACKUPS
        self._conn: sqlite3.Connection | None = conn
        self._db = Database(conn, execute_plugins=False, recursive_triggers=False)
        self._lock = lock
        self._mutex = threading.RLock()
        self._joined = False  # inside transaction(): writes join it instead of committing

    # ------------------------------------------------------------------ opening, closing
    @classmethod
    def open(cls, path: Path | None = None, *, exclusive: bool = False) -> Store:
        """Open (creating or upgrading if needed) the database at ``path``.

        ``exclusive=True`` (the editor window) also takes the lock file ``<db>.lock``; a
        second exclusive opener gets :class:`StoreLocked`. Without it (command line) the
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
        lock = FileLock(lock_path_for(db_path)) if exclusive else None
        if lock is not None:
            lock.acquire()
        conn: sqlite3.Connection | None = None
        try:
            conn = connection.connect(db_path)
            version = connection.check_and_configure(conn, db_path)
            store = cls(db_path, conn, lock)
            connection.upgrade(conn, db_path, version, store.backup)
        except BaseException:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
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

    def __enter__(self) -> Store:
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

    # ------------------------------------------------------------------ proposals
    def list_proposals(self, *, include_deleted: bool = False) -> list[ProposalSummary]:
        """Summaries of the stored proposals, most recently changed first.

        Reads only the small columns, so a proposal whose document no longer validates is
        still listed.
        """
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        rows = self._read(
            f"SELECT {_SUMMARY_COLUMNS} FROM proposals {where} ORDER BY updated_at DESC, id",
            (),
            tr("list the proposals"),
        )
        return [_summary(row) for row in rows]

    def summary(self, proposal_id: str) -> ProposalSummary:
        """The list entry of one proposal (also for one in the trash)."""
        rows = self._read(
            f"SELECT {_SUMMARY_COLUMNS} FROM proposals WHERE id = ?",
            (proposal_id,),
            tr("read the proposal"),
        )
        if not rows:
            raise self._not_found(proposal_id)
        return _summary(rows[0])

    def get(self, proposal_id: str) -> Proposal:
        """The stored proposal (also one in the trash).

        Raises :class:`ProposalNotFound`, or :class:`StoreError` when the stored document is
        damaged or no longer valid (it is then left untouched).
        """
        rows = self._read(
            "SELECT content_hash, document FROM proposals WHERE id = ?",
            (proposal_id,),
            tr("read the proposal"),
        )
        if not rows:
            raise self._not_found(proposal_id)
        return self._decode(rows[0], tr("proposal {id}").format(id=proposal_id))

    def get_hash(self, proposal_id: str) -> str:
        """The content hash of the stored proposal (pass it back to :meth:`save`)."""
        rows = self._read(
            "SELECT content_hash FROM proposals WHERE id = ?",
            (proposal_id,),
            tr("read the proposal"),
        )
        if not rows:
            raise self._not_found(proposal_id)
        return str(rows[0]["content_hash"])

    def exists(self, proposal_id: str) -> bool:
        """Whether a proposal with this id is stored (in the list or in the trash)."""
        rows = self._read(
            "SELECT 1 AS found FROM proposals WHERE id = ?", (proposal_id,), tr("read the proposal")
        )
        return bool(rows)

    def save(self, proposal: Proposal, *, expected_hash: str | None = None) -> str:
        """Store ``proposal`` and return its content hash.

        A new proposal needs no ``expected_hash``. For a stored one, ``expected_hash`` must be
        the hash read with it (:meth:`get_hash`, or the value an earlier :meth:`save`
        returned); if the stored hash differs, :class:`EditConflict` is raised and nothing is
        written. Saving content identical to the stored content writes nothing.
        """
        text, new_hash = encode_proposal(proposal)
        stored = self._stored_hash(proposal.id)
        if stored == new_hash and expected_hash in (None, stored):
            return new_hash  # Identical content: nothing to write.
        with self._writing(tr("save the proposal")) as conn:
            row = conn.execute(
                "SELECT content_hash, title FROM proposals WHERE id = ?", (proposal.id,)
            ).fetchone()
            moment = to_text(now_utc())
            if row is None:
                conn.execute(
                    "INSERT INTO proposals (id, title, status, created_at, updated_at, "
                    "content_hash, document) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        proposal.id,
                        proposal.general.title,
                        proposal.status,
                        moment,
                        moment,
                        new_hash,
                        text,
                    ),
                )
                return new_hash
            stored_hash, stored_title = row
            self._check_expected(proposal.id, stored_title, stored_hash, expected_hash, new_hash)
            if stored_hash == new_hash:
                return new_hash
            conn.execute(
                "UPDATE proposals SET title = ?, status = ?, updated_at = ?, content_hash = ?, "
                "document = ? WHERE id = ?",
                (proposal.general.title, proposal.status, moment, new_hash, text, proposal.id),
            )
        return new_hash

    def delete(self, proposal_id: str) -> None:
        """Move the proposal to the trash (it stays stored until :meth:`purge`)."""
        self._update_one(
            "UPDATE proposals SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            (to_text(now_utc()), proposal_id),
            proposal_id,
            tr("move the proposal to the trash"),
            allow_unchanged=True,
        )

    def restore(self, proposal_id: str) -> None:
        """Bring a proposal back from the trash."""
        self._update_one(
            "UPDATE proposals SET deleted_at = NULL WHERE id = ?",
            (proposal_id,),
            proposal_id,
            tr("restore the proposal from the trash"),
        )

    def purge(self, proposal_id: str) -> None:
        """Remove the proposal for good, with its revisions, annotations, reviews and history."""
        with self._writing(tr("remove the proposal")) as conn:
            self._require(conn, proposal_id)
            for table in ("revisions", "annotations", "reviews", "status_events"):
                conn.execute(f"DELETE FROM {table} WHERE proposal_id = ?", (proposal_id,))
            conn.execute("DELETE FROM proposals WHERE id = ?", (proposal_id,))

    def set_completeness(self, proposal_id: str, percent: float) -> None:
        """Record the completeness percentage shown in the list (does not reorder the list)."""
        if not (isinstance(percent, int | float) and math.isfinite(percent)):
            raise ValueError(f"completeness must be a number, not {percent!r}")
        if not 0 <= percent <= 100:
            raise ValueError(f"completeness must be between 0 and 100, not {percent}")
        self._update_one(
            "UPDATE proposals SET completeness = ? WHERE id = ?",
            (float(percent), proposal_id),
            proposal_id,
            tr("record the completeness"),
        )

    # ------------------------------------------------------------------ revisions
    def add_revision(
        self,
        proposal_id: str,
        label: str,
        *,
        kind: str = "manual",
        proposal: Proposal | None = None,
    ) -> RevisionInfo:
        """Keep a named snapshot of the stored proposal, or of ``proposal`` if given.

        The label is cleaned like any single line of text in a proposal.
        """
        _check_kind(kind)
        label = clean_line(label)
        if proposal is not None and proposal.id != proposal_id:
            raise ValueError(f"the revision's proposal id {proposal.id!r} is not {proposal_id!r}")
        revision_id = uuid.uuid4().hex
        moment = to_text(now_utc())
        with self._writing(tr("keep a revision")) as conn:
            if proposal is None:
                row = conn.execute(
                    "SELECT content_hash, document FROM proposals WHERE id = ?", (proposal_id,)
                ).fetchone()
                if row is None:
                    raise self._not_found(proposal_id)
                content_hash, text = row
            else:
                self._require(conn, proposal_id)
                text, content_hash = encode_proposal(proposal)
            conn.execute(
                "INSERT INTO revisions (id, proposal_id, label, kind, created_at, content_hash, "
                "document) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (revision_id, proposal_id, label, kind, moment, content_hash, text),
            )
        return RevisionInfo(
            id=revision_id,
            proposal_id=proposal_id,
            label=label,
            created_at=from_text(moment),
            content_hash=content_hash,
            kind=kind,
        )

    def list_revisions(self, proposal_id: str) -> list[RevisionInfo]:
        """The proposal's revisions, oldest first."""
        rows = self._read(
            "SELECT id, proposal_id, label, kind, created_at, content_hash FROM revisions "
            "WHERE proposal_id = ? ORDER BY created_at, rowid",
            (proposal_id,),
            tr("list the revisions"),
        )
        return [
            RevisionInfo(
                id=row["id"],
                proposal_id=row["proposal_id"],
                label=row["label"],
                created_at=from_text(row["created_at"]),
                content_hash=row["content_hash"],
                kind=row["kind"],
            )
            for row in rows
        ]

    def get_revision(self, revision_id: str) -> Proposal:
        """The proposal as it was when the revision was kept."""
        rows = self._read(
            "SELECT content_hash, document FROM revisions WHERE id = ?",
            (revision_id,),
            tr("read the revision"),
        )
        if not rows:
            raise RevisionNotFound(
                tr(
                    "There is no saved revision with the id {id}. It may have been removed "
                    "with its proposal."
                ).format(id=revision_id)
            )
        return self._decode(rows[0], tr("revision {id}").format(id=revision_id))

    # ------------------------------------------------------------------ annotations, reviews
    def save_annotation(self, annotation: Annotation) -> None:
        """Store an annotation, replacing the stored one with the same id."""
        with self._writing(tr("save the comment")) as conn:
            self._require(conn, annotation.proposal_id)
            _upsert_annotation(conn, annotation)

    def list_annotations(self, proposal_id: str) -> list[Annotation]:
        """The proposal's annotations, oldest first."""
        rows = self._read(
            "SELECT id, document FROM annotations WHERE proposal_id = ? ORDER BY created, rowid",
            (proposal_id,),
            tr("read the comments"),
        )
        return [_decode_record(Annotation, row, tr("comment thread")) for row in rows]

    def delete_annotation(self, annotation_id: str) -> None:
        """Remove an annotation (nothing happens if it is not stored)."""
        with self._writing(tr("delete the comment")) as conn:
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def save_review(self, review: Review) -> None:
        """Store a review, replacing the stored one with the same id."""
        with self._writing(tr("save the review")) as conn:
            self._require(conn, review.proposal_id)
            _upsert_review(conn, review)

    def save_review_records(
        self, proposal_id: str, annotations: Iterable[Annotation], reviews: Iterable[Review]
    ) -> None:
        """Store comment threads and reviews of one proposal together, all or nothing."""
        annotations, reviews = list(annotations), list(reviews)
        owners = [a.proposal_id for a in annotations] + [r.proposal_id for r in reviews]
        for owner in owners:
            if owner != proposal_id:
                raise StoreError(
                    tr("A comment or review belongs to another proposal; nothing was saved.")
                )
        with self._writing(tr("save the review")) as conn:
            self._require(conn, proposal_id)
            for annotation in annotations:
                _upsert_annotation(conn, annotation)
            for review in reviews:
                _upsert_review(conn, review)

    def list_reviews(self, proposal_id: str) -> list[Review]:
        """The proposal's reviews, least recently updated first."""
        rows = self._read(
            "SELECT id, document FROM reviews WHERE proposal_id = ? ORDER BY updated, rowid",
            (proposal_id,),
            tr("read the reviews"),
        )
        return [_decode_record(Review, row, tr("review")) for row in rows]

    # ------------------------------------------------------------------ status history
    def add_status_event(
        self, proposal_id: str, from_status: str, to_status: str, actor: str, note: str = ""
    ) -> StatusEvent:
        """Record one workflow step in the proposal's history (names and notes are cleaned)."""
        event = StatusEvent(
            id=uuid.uuid4().hex,
            proposal_id=proposal_id,
            from_status=from_status,
            to_status=to_status,
            actor=clean_line(actor),
            at=now_utc(),
            note=clean_text(note),
        )
        with self._writing(tr("record the status change")) as conn:
            self._require(conn, proposal_id)
            conn.execute(
                "INSERT INTO status_events (id, proposal_id, from_status, to_status, actor, at, "
                "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    proposal_id,
                    from_status,
                    to_status,
                    event.actor,
                    to_text(event.at),
                    event.note,
                ),
            )
        return event

    def list_status_events(self, proposal_id: str) -> list[StatusEvent]:
        """The proposal's workflow history, oldest first."""
        rows = self._read(
            "SELECT id, proposal_id, from_status, to_status, actor, at, note FROM status_events "
            "WHERE proposal_id = ? ORDER BY at, rowid",
            (proposal_id,),
            tr("read the status history"),
        )
        return [
            StatusEvent(
                id=row["id"],
                proposal_id=row["proposal_id"],
                from_status=row["from_status"],
                to_status=row["to_status"],
                actor=row["actor"],
                at=from_text(row["at"]),
                note=row["note"],
            )
            for row in rows
        ]

    # ------------------------------------------------------------------ import
    def import_bundle(
        self,
        proposal: Proposal,
        *,
        annotations: Iterable[Annotation] = (),
        reviews: Iterable[Review] = (),
        revisions: Sequence[tuple[RevisionInfo, Proposal]] = (),
        replace: bool = False,
    ) -> str:
        """Store a received proposal with its comments, reviews and revisions at once.

        A backup is taken first and everything is written in one transaction. If the id is
        already stored and ``replace`` is false, :class:`ProposalExists` is raised and nothing
        changes. When replacing, the stored version is kept as a revision ("Before import")
        and stored comments, reviews and revisions with other ids are kept.
        Returns the content hash of the imported proposal.
        """
        annotations = list(annotations)
        reviews = list(reviews)
        _check_bundle(proposal, annotations, reviews, revisions)
        text, new_hash = encode_proposal(proposal)
        if not replace and self.exists(proposal.id):
            raise self._exists_error(proposal)
        self.backup("before import")
        with self._writing(tr("import the proposal")) as conn:
            row = conn.execute(
                "SELECT content_hash, document FROM proposals WHERE id = ?", (proposal.id,)
            ).fetchone()
            moment = to_text(now_utc())
            if row is not None and not replace:
                raise self._exists_error(proposal)
            if row is None:
                conn.execute(
                    "INSERT INTO proposals (id, title, status, created_at, updated_at, "
                    "content_hash, document) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        proposal.id,
                        proposal.general.title,
                        proposal.status,
                        moment,
                        moment,
                        new_hash,
                        text,
                    ),
                )
            else:
                old_hash, old_text = row
                if old_hash != new_hash:
                    conn.execute(
                        "INSERT INTO revisions (id, proposal_id, label, kind, created_at, "
                        "content_hash, document) VALUES (?, ?, ?, 'auto', ?, ?, ?)",
                        (
                            uuid.uuid4().hex,
                            proposal.id,
                            tr("Before import"),
                            moment,
                            old_hash,
                            old_text,
                        ),
                    )
                conn.execute(
                    "UPDATE proposals SET title = ?, status = ?, updated_at = ?, "
                    "content_hash = ?, document = ?, deleted_at = NULL WHERE id = ?",
                    (proposal.general.title, proposal.status, moment, new_hash, text, proposal.id),
                )
            for info, snapshot in revisions:
                _check_owner(conn, "revisions", info.id, proposal.id, tr("revision"))
                snapshot_text, snapshot_hash = encode_proposal(snapshot)
                conn.execute(
                    "INSERT OR REPLACE INTO revisions (id, proposal_id, label, kind, "
                    "created_at, content_hash, document) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        info.id,
                        proposal.id,
                        info.label,
                        info.kind,
                        to_text(info.created_at),
                        snapshot_hash,
                        snapshot_text,
                    ),
                )
            for annotation in annotations:
                _upsert_annotation(conn, annotation)
            for review in reviews:
                _upsert_review(conn, review)
        return new_hash

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

    # ------------------------------------------------------------------ internals
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

    def _stored_hash(self, proposal_id: str) -> str | None:
        rows = self._read(
            "SELECT content_hash FROM proposals WHERE id = ?",
            (proposal_id,),
            tr("read the proposal"),
        )
        return str(rows[0]["content_hash"]) if rows else None

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
        if conn.execute("SELECT 1 FROM proposals WHERE id = ?", (proposal_id,)).fetchone() is None:
            raise self._not_found(proposal_id)

    def _not_found(self, proposal_id: str) -> ProposalNotFound:
        return ProposalNotFound(
            tr(
                "There is no proposal with the id {id} in {path}. It may have been removed "
                "for good; refresh the list of proposals."
            ).format(id=proposal_id, path=self.path)
        )

    def _exists_error(self, proposal: Proposal) -> ProposalExists:
        return ProposalExists(
            tr(
                "A proposal with the same id ({id}, “{title}”) already exists in your proposals. "
                "Nothing was imported. Choose to replace the stored proposal, or import the "
                "file as a copy."
            ).format(id=proposal.id, title=proposal.display_title)
        )

    def _check_expected(
        self,
        proposal_id: str,
        title: str,
        stored_hash: str,
        expected_hash: str | None,
        new_hash: str,
    ) -> None:
        if expected_hash is None and stored_hash != new_hash:
            raise EditConflict(
                tr(
                    "The proposal “{title}” is already stored and this save did not say which "
                    "version it replaces, so it was refused to avoid overwriting changes. "
                    "Reload the proposal and make your change again."
                ).format(title=title or proposal_id)
            )
        if expected_hash is not None and expected_hash != stored_hash:
            raise EditConflict(
                tr(
                    "The proposal “{title}” was changed elsewhere (in another window or from the "
                    "command line) after you opened it. Your version was not saved over it. "
                    "Reload the proposal, or save your version as a copy."
                ).format(title=title or proposal_id)
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


# ---------------------------------------------------------------------- helpers
def _summary(row: dict[str, Any]) -> ProposalSummary:
    completeness = row["completeness"]
    return ProposalSummary(
        id=row["id"],
        title=row["title"],
        status=row["status"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        completeness=None if completeness is None else float(completeness),
        content_hash=row["content_hash"],
        deleted_at=optional_from_text(row["deleted_at"]),
    )


def _check_kind(kind: str) -> None:
    if kind not in REVISION_KINDS:
        raise ValueError(f"revision kind must be one of {', '.join(REVISION_KINDS)}, not {kind!r}")


def _check_bundle(
    proposal: Proposal,
    annotations: Sequence[Annotation],
    reviews: Sequence[Review],
    revisions: Sequence[tuple[RevisionInfo, Proposal]],
) -> None:
    owners = [a.proposal_id for a in annotations] + [r.proposal_id for r in reviews]
    for owner in owners:
        if owner != proposal.id:
            raise StoreError(
                tr(
                    "The file mixes records of different proposals (a comment or review "
                    "belongs to {other}, not {id}). Nothing was imported."
                ).format(other=owner, id=proposal.id)
            )
    for info, snapshot in revisions:
        _check_kind(info.kind)
        if snapshot.id != proposal.id:
            raise StoreError(
                tr(
                    "The file holds a revision of another proposal ({other}, not {id}). "
                    "Nothing was imported."
                ).format(other=snapshot.id, id=proposal.id)
            )


def _check_owner(
    conn: sqlite3.Connection, table: str, record_id: str, proposal_id: str, what: str
) -> None:
    """Refuse to write a record whose id is already used by another proposal's record.

    Ids are unique across the library; an upsert with a reused id would silently move (and
    overwrite) another proposal's comment thread, review or revision.
    """
    row = conn.execute(f"SELECT proposal_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is not None and row[0] != proposal_id:
        raise StoreError(
            tr(
                "The {what} {id} has the same id as a {what} of another proposal in the "
                "library ({other}); it was not saved, so that one is kept as it was."
            ).format(what=what, id=record_id, other=row[0])
        )


def _upsert_annotation(conn: sqlite3.Connection, annotation: Annotation) -> None:
    _check_owner(conn, "annotations", annotation.id, annotation.proposal_id, tr("comment thread"))
    conn.execute(
        "INSERT INTO annotations (id, proposal_id, path, status, created, updated, document) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "proposal_id = excluded.proposal_id, path = excluded.path, status = excluded.status, "
        "created = excluded.created, updated = excluded.updated, document = excluded.document",
        (
            annotation.id,
            annotation.proposal_id,
            annotation.path,
            annotation.status,
            to_text(annotation.created),
            to_text(annotation.updated),
            annotation.model_dump_json(),
        ),
    )


def _upsert_review(conn: sqlite3.Connection, review: Review) -> None:
    _check_owner(conn, "reviews", review.id, review.proposal_id, tr("review"))
    conn.execute(
        "INSERT INTO reviews (id, proposal_id, reviewer, recommendation, updated, document) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "proposal_id = excluded.proposal_id, reviewer = excluded.reviewer, "
        "recommendation = excluded.recommendation, updated = excluded.updated, "
        "document = excluded.document",
        (
            review.id,
            review.proposal_id,
            review.reviewer,
            review.recommendation,
            to_text(review.updated),
            review.model_dump_json(),
        ),
    )


_Record = TypeVar("_Record", Annotation, Review)


def _decode_record(model: type[_Record], row: dict[str, Any], what: str) -> _Record:
    try:
        return model.model_validate_json(row["document"])
    except (ValueError, ValidationError) as error:
        raise UnreadableDocument(
            tr(
                "The stored {what} {id} cannot be read ({detail}). It was left unchanged in "
                "the database."
            ).format(what=what, id=row["id"], detail=error_detail(error))
        ) from error
