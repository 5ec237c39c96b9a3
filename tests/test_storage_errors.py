"""The store when things go wrong: a database that cannot be opened, a closed store, a second
move to the trash, and comments or reviews whose stored text was damaged."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.storage import (
    ProposalNotFound,
    SchemaTooNew,
    Store,
    StoreError,
    StoreLocked,
    UnreadableDocument,
    connection,
)


def _proposal(title: str) -> Proposal:
    proposal = Proposal()
    proposal.general.title = title
    return proposal


def _write(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    """Change the database the way another program would (a separate connection)."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


# ---------------------------------------------------------------------- opening fails
def test_a_failed_open_releases_the_database_and_the_lock(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(db_path).close()
    _write(db_path, "PRAGMA user_version = 99")
    opened: list[sqlite3.Connection] = []
    real_connect = connection.connect

    def recording_connect(path: Path) -> sqlite3.Connection:
        opened.append(real_connect(path))
        return opened[-1]

    monkeypatch.setattr(connection, "connect", recording_connect)

    with pytest.raises(SchemaTooNew, match="newer version of MC Designer") as caught:
        Store.open(db_path, exclusive=True)

    assert str(db_path) in str(caught.value)
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")
    _write(db_path, "PRAGMA user_version = 1")
    with Store.open(db_path, exclusive=True) as second:  # the lock was given back
        assert second.list_proposals() == []


def test_a_file_that_is_not_a_database_is_refused_and_released(db_path: Path) -> None:
    db_path.write_bytes(b"These are my notes, not a database.\n" * 200)

    with pytest.raises(StoreError) as caught:
        Store.open(db_path, exclusive=True)

    assert str(db_path) in str(caught.value)
    db_path.unlink()
    with Store.open(db_path, exclusive=True) as second:
        assert second.list_proposals() == []


def test_the_lock_is_held_until_the_store_is_closed(db_path: Path) -> None:
    first = Store.open(db_path, exclusive=True)
    with pytest.raises(StoreLocked):
        Store.open(db_path, exclusive=True)
    first.close()
    Store.open(db_path, exclusive=True).close()


# ---------------------------------------------------------------------- closed
def test_closed_tells_whether_the_store_was_closed(db_path: Path) -> None:
    store = Store.open(db_path)
    open_before = not store.closed
    store.close()
    assert open_before and store.closed
    with pytest.raises(StoreError, match="is closed"):
        store.save(_proposal("After closing"))


def test_leaving_the_with_block_closes_the_store(db_path: Path) -> None:
    with Store.open(db_path) as store:
        open_inside = not store.closed
    assert open_inside and store.closed


# ---------------------------------------------------------------------- trash
def test_moving_a_trashed_proposal_to_the_trash_again_changes_nothing(store: Store) -> None:
    proposal = _proposal("Twice deleted")
    store.save(proposal)
    store.add_revision(proposal.id, "first draft")
    store.delete(proposal.id)
    trashed_at = store.summary(proposal.id).deleted_at

    store.delete(proposal.id)  # e.g. a second window or the command line

    assert store.summary(proposal.id).deleted_at == trashed_at
    assert store.list_proposals() == []
    store.restore(proposal.id)
    assert [s.title for s in store.list_proposals()] == ["Twice deleted"]
    assert [r.label for r in store.list_revisions(proposal.id)] == ["first draft"]


def test_deleting_a_proposal_that_is_not_stored_says_so(store: Store) -> None:
    with pytest.raises(ProposalNotFound, match="no proposal with the id missing-1"):
        store.delete("missing-1")


# ---------------------------------------------------------------------- damaged records
@pytest.mark.parametrize(
    ("document", "detail"),
    [
        ('{"id": "broken', "Invalid JSON"),
        ("[]", "Input should be an object"),
        ('{"id": "x"}', "Field required"),
    ],
)
def test_an_unreadable_stored_comment_is_named_in_the_message(
    store: Store, db_path: Path, document: str, detail: str
) -> None:
    proposal = _proposal("Commented")
    store.save(proposal)
    thread = Annotation(
        proposal_id=proposal.id, path="general.title", comments=[Comment(author="Ana", body="Ok")]
    )
    store.save_annotation(thread)
    _write(db_path, "UPDATE annotations SET document = ? WHERE id = ?", (document, thread.id))

    with pytest.raises(UnreadableDocument) as caught:
        store.list_annotations(proposal.id)

    message = str(caught.value)
    assert f"The stored comment thread {thread.id} cannot be read" in message
    assert detail in message
    assert "It was left unchanged in the database." in message
    stored = sqlite3.connect(db_path).execute(
        "SELECT document FROM annotations WHERE id = ?", (thread.id,)
    )
    assert stored.fetchone() == (document,)


def test_an_unreadable_stored_review_is_named_in_the_message(store: Store, db_path: Path) -> None:
    proposal = _proposal("Reviewed")
    store.save(proposal)
    review = Review(proposal_id=proposal.id, reviewer="Ben")
    store.save_review(review)
    _write(db_path, "UPDATE reviews SET document = ? WHERE id = ?", ("", review.id))

    with pytest.raises(UnreadableDocument) as caught:
        store.list_reviews(proposal.id)

    assert f"The stored review {review.id} cannot be read (document: Invalid JSON" in str(
        caught.value
    )
