"""Comment threads (annotations) and reviews in the store, stored as JSON documents.

Writes that depend on what was read are checked against it: a thread is saved over the
version it was based on or not at all (:class:`ThreadConflict`), and a review merge reads
and writes inside one write transaction, so two merges at once never lose a comment.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import ValidationError

from mcdesigner.i18n import tr
from mcdesigner.model.review import Annotation, Review
from mcdesigner.storage.core import StoreCore
from mcdesigner.storage.documents import UnreadableDocument, error_detail
from mcdesigner.storage.errors import StoreError
from mcdesigner.storage.records import to_text

#: What a review merge decides from the stored threads and reviews: those to store.
Merge = Callable[[list[Annotation], list[Review]], tuple[list[Annotation], list[Review]]]


class ThreadConflict(StoreError):
    """The thread changed in the store since it was read; ``stored`` is how it is now."""

    def __init__(self, stored: Annotation | None) -> None:
        self.stored = stored
        super().__init__(
            tr(
                "This comment thread was changed elsewhere (another window or a review "
                "import) since it was opened; it was not saved over those changes."
            )
            if stored is not None
            else tr("This comment thread was deleted elsewhere since it was opened.")
        )


class ReviewRecords(StoreCore):
    """The annotations and reviews tables: each row belongs to one stored proposal."""

    def save_annotation(self, annotation: Annotation) -> None:
        """Store an annotation, replacing the stored one with the same id."""
        with self._writing(tr("save the comment")) as conn:
            self._require(conn, annotation.proposal_id)
            upsert_annotation(conn, annotation)

    def save_annotation_over(self, annotation: Annotation, based_on: Annotation | None) -> None:
        """Store ``annotation`` if the stored thread is still ``based_on`` (None: a new thread).

        Raises :class:`ThreadConflict` with the stored thread otherwise, and nothing changes.
        """
        with self._writing(tr("save the comment")) as conn:
            self._require(conn, annotation.proposal_id)
            row = conn.execute(
                "SELECT id, document FROM annotations WHERE id = ?", (annotation.id,)
            ).fetchone()
            stored = None if row is None else _decode_record(Annotation, _row(row), "")
            if stored != based_on:
                raise ThreadConflict(stored)
            upsert_annotation(conn, annotation)

    def delete_annotation_over(self, based_on: Annotation) -> None:
        """Remove the thread if it is still ``based_on``; nothing happens if it is gone.

        Raises :class:`ThreadConflict` with the stored thread when it changed meanwhile
        (a comment arrived), and the thread is kept.
        """
        with self._writing(tr("delete the comment")) as conn:
            row = conn.execute(
                "SELECT id, document FROM annotations WHERE id = ?", (based_on.id,)
            ).fetchone()
            if row is None:
                return
            stored = _decode_record(Annotation, _row(row), tr("comment thread"))
            if stored != based_on:
                raise ThreadConflict(stored)
            conn.execute("DELETE FROM annotations WHERE id = ?", (based_on.id,))

    def merge_review_records(self, proposal_id: str, merge: Merge) -> None:
        """Read the proposal's threads and reviews, ``merge`` them and store the result, in
        one write transaction: another merge or save waits, and is merged with this one."""
        with self._writing(tr("save the review")) as conn:
            self._require(conn, proposal_id)
            threads = [
                _decode_record(Annotation, _row(row), tr("comment thread"))
                for row in conn.execute(
                    "SELECT id, document FROM annotations WHERE proposal_id = ? "
                    "ORDER BY created, rowid",
                    (proposal_id,),
                )
            ]
            reviews = [
                _decode_record(Review, _row(row), tr("review"))
                for row in conn.execute(
                    "SELECT id, document FROM reviews WHERE proposal_id = ? "
                    "ORDER BY updated, rowid",
                    (proposal_id,),
                )
            ]
            to_save, reviews_to_save = merge(threads, reviews)
            _check_owners(proposal_id, [*to_save, *reviews_to_save])
            for annotation in to_save:
                upsert_annotation(conn, annotation)
            for review in reviews_to_save:
                upsert_review(conn, review)

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
        self.save_review_records(review.proposal_id, (), (review,))

    def save_review_records(
        self, proposal_id: str, annotations: Iterable[Annotation], reviews: Iterable[Review]
    ) -> None:
        """Store comment threads and reviews of one proposal together, all or nothing."""
        annotations, reviews = list(annotations), list(reviews)
        _check_owners(proposal_id, [*annotations, *reviews])
        with self._writing(tr("save the review")) as conn:
            self._require(conn, proposal_id)
            for annotation in annotations:
                upsert_annotation(conn, annotation)
            for review in reviews:
                upsert_review(conn, review)

    def list_reviews(self, proposal_id: str) -> list[Review]:
        """The proposal's reviews, least recently updated first."""
        rows = self._read(
            "SELECT id, document FROM reviews WHERE proposal_id = ? ORDER BY updated, rowid",
            (proposal_id,),
            tr("read the reviews"),
        )
        return [_decode_record(Review, row, tr("review")) for row in rows]


def _row(row: Any) -> dict[str, Any]:
    return {"id": row[0], "document": row[1]}


def _check_owners(proposal_id: str, records: Iterable[Annotation | Review]) -> None:
    if any(record.proposal_id != proposal_id for record in records):
        raise StoreError(tr("A comment or review belongs to another proposal; nothing was saved."))


def check_owner(
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


def upsert_annotation(conn: sqlite3.Connection, annotation: Annotation) -> None:
    """Insert or replace one comment thread of its proposal."""
    check_owner(conn, "annotations", annotation.id, annotation.proposal_id, tr("comment thread"))
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


def upsert_review(conn: sqlite3.Connection, review: Review) -> None:
    """Insert or replace one review of its proposal."""
    check_owner(conn, "reviews", review.id, review.proposal_id, tr("review"))
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
