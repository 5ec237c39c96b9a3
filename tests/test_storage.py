"""The proposal store: round trips, conflicts, trash, revisions, reviews, imports, locks, faults."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.hashing import content_hash
from mcdesigner.model.proposal import LearningOutcome
from mcdesigner.model.review import CriterionScore
from mcdesigner.storage import (
    EditConflict,
    ProposalExists,
    ProposalNotFound,
    RevisionInfo,
    RevisionNotFound,
    Store,
    StoreError,
    StoreLocked,
    default_db_path,
    list_backups,
)
from strategies import proposals


def make_proposal(title: str = "Data literacy for staff") -> Proposal:
    proposal = Proposal()
    proposal.general.title = title
    proposal.general.description = "A short course on reading and presenting data."
    proposal.certified.learning_outcomes = [LearningOutcome(text="Read a chart critically.")]
    return proposal


def raw(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Look at the database the way another program would (a separate connection)."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


# ---------------------------------------------------------------------- location and opening
def test_default_path_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MCDESIGNER_DB", raising=False)
    default = default_db_path()
    assert default == Path(os.environ["XDG_DATA_HOME"]) / "mcdesigner" / "proposals.sqlite3"
    monkeypatch.setenv("MCDESIGNER_DB", str(tmp_path / "elsewhere.db"))
    assert default_db_path() == tmp_path / "elsewhere.db"


def test_open_without_path_uses_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MCDESIGNER_DB", str(tmp_path / "sub" / "my.sqlite3"))
    with Store.open() as store:
        assert store.path == tmp_path / "sub" / "my.sqlite3"
        store.save(make_proposal())
    assert (tmp_path / "sub" / "my.sqlite3").exists()


def test_connection_is_configured_for_durability(store: Store, db_path: Path) -> None:
    assert raw(db_path, "PRAGMA journal_mode") == [("wal",)]
    conn = store._live()  # the store's own connection: per-connection settings
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


# ---------------------------------------------------------------------- proposals
def test_save_and_get_round_trip(store: Store) -> None:
    proposal = make_proposal()
    saved_hash = store.save(proposal)
    assert saved_hash == content_hash(proposal)
    assert store.get_hash(proposal.id) == saved_hash
    loaded = store.get(proposal.id)
    assert loaded == proposal
    assert loaded is not proposal


def test_listing_columns_follow_the_document(store: Store) -> None:
    proposal = make_proposal("First title")
    first = store.save(proposal)
    proposal.general.title = "Second title"
    proposal.status = "submitted"
    second = store.save(proposal, expected_hash=first)
    [summary] = store.list_proposals()
    assert (summary.title, summary.status, summary.content_hash) == (
        "Second title",
        "submitted",
        second,
    )
    assert summary.created_at <= summary.updated_at
    assert summary.updated_at.tzinfo is not None
    assert summary.completeness is None and summary.deleted_at is None


def test_list_shows_newest_change_first(store: Store) -> None:
    a, b, c = make_proposal("A"), make_proposal("B"), make_proposal("C")
    hashes = {p.id: store.save(p) for p in (a, b, c)}
    assert [s.title for s in store.list_proposals()] == ["C", "B", "A"]
    a.general.title = "A edited"
    store.save(a, expected_hash=hashes[a.id])
    assert [s.title for s in store.list_proposals()] == ["A edited", "C", "B"]


def test_identical_save_is_a_no_op(store: Store, db_path: Path) -> None:
    proposal = make_proposal()
    first = store.save(proposal)
    before = store.list_proposals()[0]
    changes_before = store._live().total_changes
    assert store.save(proposal.model_copy(deep=True), expected_hash=first) == first
    assert store.save(proposal) == first  # identical content needs no hash either
    assert store._live().total_changes == changes_before
    assert store.list_proposals()[0] == before


def test_stale_hash_is_an_edit_conflict(store: Store) -> None:
    proposal = make_proposal("Original")
    original_hash = store.save(proposal)
    elsewhere = proposal.model_copy(deep=True)
    elsewhere.general.title = "Changed on the command line"
    store.save(elsewhere, expected_hash=original_hash)

    proposal.general.title = "Changed in the window"
    with pytest.raises(EditConflict, match="changed elsewhere"):
        store.save(proposal, expected_hash=original_hash)
    assert store.get(proposal.id).general.title == "Changed on the command line"


def test_overwrite_without_hash_is_refused(store: Store) -> None:
    proposal = make_proposal("Original")
    store.save(proposal)
    proposal.general.title = "Blind overwrite"
    with pytest.raises(EditConflict, match="Reload"):
        store.save(proposal)
    assert store.get(proposal.id).general.title == "Original"


def test_missing_proposal(store: Store) -> None:
    for call in (store.get, store.get_hash, store.delete, store.restore, store.purge):
        with pytest.raises(ProposalNotFound, match="no proposal with the id nope"):
            call("nope")
    with pytest.raises(ProposalNotFound):
        store.set_completeness("nope", 50)
    assert not store.exists("nope")


def test_trash_restore_and_purge(store: Store, db_path: Path) -> None:
    keep, trash = make_proposal("Keep"), make_proposal("Trash")
    store.save(keep)
    store.save(trash)
    store.add_revision(trash.id, "first draft")
    store.save_annotation(Annotation(proposal_id=trash.id, path="general.title"))
    store.save_review(Review(proposal_id=trash.id, reviewer="R"))
    store.add_status_event(trash.id, "draft", "submitted", "Ana")

    store.delete(trash.id)
    assert [s.title for s in store.list_proposals()] == ["Keep"]
    listed = {s.title: s for s in store.list_proposals(include_deleted=True)}
    assert listed["Trash"].deleted_at is not None and listed["Keep"].deleted_at is None
    assert store.get(trash.id).general.title == "Trash"  # still readable from the trash

    store.restore(trash.id)
    assert {s.title for s in store.list_proposals()} == {"Keep", "Trash"}

    store.delete(trash.id)
    store.purge(trash.id)
    assert not store.exists(trash.id)
    for table in ("proposals", "revisions", "annotations", "reviews", "status_events"):
        column = "id" if table == "proposals" else "proposal_id"
        assert raw(db_path, f"SELECT count(*) FROM {table} WHERE {column} = ?", (trash.id,)) == [
            (0,)
        ]
    assert store.get(keep.id).general.title == "Keep"


def test_completeness_is_recorded_without_reordering(store: Store) -> None:
    older, newer = make_proposal("Older"), make_proposal("Newer")
    store.save(older)
    store.save(newer)
    store.set_completeness(older.id, 62.5)
    summaries = store.list_proposals()
    assert [s.title for s in summaries] == ["Newer", "Older"]
    assert summaries[1].completeness == 62.5
    for bad in (-1, 100.5, float("nan")):
        with pytest.raises(ValueError):
            store.set_completeness(older.id, bad)


# ---------------------------------------------------------------------- revisions
def test_revisions_keep_snapshots(store: Store) -> None:
    proposal = make_proposal("Version one")
    first = store.save(proposal)
    snapshot = store.add_revision(proposal.id, "Sent to faculty", kind="submit")
    assert (snapshot.label, snapshot.kind, snapshot.content_hash) == (
        "Sent to faculty",
        "submit",
        first,
    )
    proposal.general.title = "Version two"
    store.save(proposal, expected_hash=first)
    explicit = store.add_revision(proposal.id, "Autosnapshot", kind="auto", proposal=proposal)

    assert [r.id for r in store.list_revisions(proposal.id)] == [snapshot.id, explicit.id]
    assert store.get_revision(snapshot.id).general.title == "Version one"
    assert store.get_revision(explicit.id) == proposal
    assert store.get(proposal.id).general.title == "Version two"

    with pytest.raises(ValueError):
        store.add_revision(proposal.id, "x", kind="weekly")
    with pytest.raises(ProposalNotFound):
        store.add_revision("nope", "x")
    with pytest.raises(RevisionNotFound):
        store.get_revision("nope")


# ---------------------------------------------------------------------- annotations and reviews
def test_annotations_upsert_list_delete(store: Store) -> None:
    proposal = make_proposal()
    store.save(proposal)
    note = Annotation(
        proposal_id=proposal.id,
        path="general.title",
        comments=[Comment(author="Reviewer", body="Shorter, please – «ça va»?")],
    )
    store.save_annotation(note)
    note.status = "resolved"
    note.comments.append(Comment(author="Author", body="Done."))
    store.save_annotation(note)
    other = Annotation(proposal_id=proposal.id, path="certified.ects_credits")
    store.save_annotation(other)

    assert store.list_annotations(proposal.id) == [note, other]
    store.delete_annotation(note.id)
    store.delete_annotation(note.id)  # already gone: nothing happens
    assert store.list_annotations(proposal.id) == [other]
    with pytest.raises(ProposalNotFound):
        store.save_annotation(Annotation(proposal_id="nope", path="general.title"))


def test_reviews_upsert_and_list(store: Store) -> None:
    proposal = make_proposal()
    store.save(proposal)
    review = Review(proposal_id=proposal.id, reviewer="Dr. Ionescu", summary="Solid.")
    store.save_review(review)
    review.scores = [CriterionScore(criterion_id="c1", score=4, comment="ok")]
    review.recommendation = "approve_with_changes"
    store.save_review(review)
    assert store.list_reviews(proposal.id) == [review]
    assert store.list_reviews("other") == []


def test_status_history(store: Store) -> None:
    proposal = make_proposal()
    store.save(proposal)
    first = store.add_status_event(proposal.id, "draft", "submitted", "Ana", "Ready")
    second = store.add_status_event(proposal.id, "submitted", "in_review", "Committee")
    assert store.list_status_events(proposal.id) == [first, second]
    assert first.at.tzinfo is not None and first.note == "Ready" and second.note == ""
    with pytest.raises(ProposalNotFound):
        store.add_status_event("nope", "draft", "submitted", "Ana")


# ---------------------------------------------------------------------- import
def test_import_new_bundle(store: Store, db_path: Path) -> None:
    proposal = make_proposal("Received")
    older = proposal.model_copy(deep=True)
    older.general.title = "Received, first draft"
    info = RevisionInfo(
        id="rev1",
        proposal_id=proposal.id,
        label="First draft",
        created_at=dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        content_hash=content_hash(older),
        kind="submit",
    )
    note = Annotation(proposal_id=proposal.id, path="general.title")
    review = Review(proposal_id=proposal.id, reviewer="R")
    backups_before = len(list_backups(db_path))

    imported = store.import_bundle(
        proposal, annotations=[note], reviews=[review], revisions=[(info, older)]
    )

    assert imported == content_hash(proposal)
    assert store.get(proposal.id) == proposal
    assert store.list_revisions(proposal.id) == [info]
    assert store.get_revision("rev1") == older
    assert store.list_annotations(proposal.id) == [note]
    assert store.list_reviews(proposal.id) == [review]
    assert len(list_backups(db_path)) == backups_before + 1


def test_import_existing_needs_replace(store: Store) -> None:
    mine = make_proposal("Mine")
    mine_hash = store.save(mine)
    mine_note = Annotation(proposal_id=mine.id, path="general.title")
    store.save_annotation(mine_note)
    theirs = mine.model_copy(deep=True)
    theirs.general.title = "Theirs"
    their_note = Annotation(proposal_id=mine.id, path="general.description")

    with pytest.raises(ProposalExists, match="already exists"):
        store.import_bundle(theirs, annotations=[their_note])
    assert store.get_hash(mine.id) == mine_hash
    assert store.list_annotations(mine.id) == [mine_note]

    store.delete(mine.id)
    store.import_bundle(theirs, annotations=[their_note], replace=True)
    assert store.get(mine.id).general.title == "Theirs"
    assert [s.id for s in store.list_proposals()] == [mine.id]  # out of the trash
    [kept] = store.list_revisions(mine.id)
    assert (kept.label, kept.kind) == ("Before import", "auto")
    assert store.get_revision(kept.id) == mine  # the replaced version is not lost
    assert store.list_annotations(mine.id) == [mine_note, their_note]


def test_import_rejects_records_of_another_proposal(store: Store) -> None:
    proposal = make_proposal()
    stray = Annotation(proposal_id="someone-else", path="general.title")
    with pytest.raises(StoreError, match="different proposals"):
        store.import_bundle(proposal, annotations=[stray])
    assert not store.exists(proposal.id)


def test_failed_import_changes_nothing(store: Store) -> None:
    proposal = make_proposal()
    bad_revision = RevisionInfo("r", proposal.id, "x", dt.datetime.now(dt.UTC), "", "weekly")
    with pytest.raises(ValueError):
        store.import_bundle(proposal, revisions=[(bad_revision, proposal)])
    assert store.list_proposals() == []


# ---------------------------------------------------------------------- backups
def test_backup_is_a_consistent_readable_copy(store: Store, db_path: Path) -> None:
    proposal = make_proposal("Backed up")
    store.save(proposal)
    snapshot = store.backup("manual check")
    assert snapshot.parent == db_path.parent / "backups"
    assert "manual-check" in snapshot.name
    assert raw(snapshot, "PRAGMA integrity_check") == [("ok",)]
    assert raw(snapshot, "SELECT title FROM proposals") == [("Backed up",)]
    with Store.open(snapshot) as copy:
        assert copy.get(proposal.id) == proposal


def test_backups_are_thinned_to_the_newest(store: Store, db_path: Path) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    stale = folder / "proposals-20200101T000000000000Z-crashed.sqlite3.partial"
    fresh = folder / "proposals-29990101T000000000000Z-running.sqlite3.partial"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(stale, (0, 0))
    store.keep_backups = 3
    made = [store.backup(f"round {n}") for n in range(5)]
    assert list_backups(db_path) == made[-3:]
    assert not stale.exists()  # left by a crash long ago
    assert fresh.exists()  # may belong to a backup still being written


def test_store_can_be_used_from_a_worker_thread(store: Store) -> None:
    proposal = make_proposal("Saved in the background")
    results: list[str] = []
    worker = threading.Thread(target=lambda: results.append(store.save(proposal)))
    worker.start()
    worker.join()
    assert results == [store.get_hash(proposal.id)]


# ---------------------------------------------------------------------- locking
def test_second_exclusive_opener_is_refused(db_path: Path) -> None:
    first = Store.open(db_path, exclusive=True)
    try:
        with pytest.raises(StoreLocked, match=r"proposals\.sqlite3\.lock"):
            Store.open(db_path, exclusive=True)
        with Store.open(db_path) as command_line:  # non-exclusive readers/writers still work
            command_line.save(make_proposal("From the command line"))
        assert [s.title for s in first.list_proposals()] == ["From the command line"]
    finally:
        first.close()
    with Store.open(db_path, exclusive=True) as again:
        assert again.list_proposals()


def test_lock_is_held_across_processes_and_freed_on_death(db_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from mcdesigner.storage import Store
        store = Store.open(Path({str(db_path)!r}), exclusive=True)
        print("locked", flush=True)
        sys.stdin.readline()
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(StoreLocked):
                Store.open(db_path, exclusive=True)
        finally:
            holder.kill()  # no clean close: the kernel must release the lock
            holder.wait()
    with Store.open(db_path, exclusive=True) as store:
        assert store.schema_version() == 3


# ---------------------------------------------------------------------- damaged rows, faults
def test_unreadable_document_does_not_break_listing(store: Store, db_path: Path) -> None:
    good, bad = make_proposal("Good"), make_proposal("Bad")
    store.save(good)
    store.save(bad)
    [(stored,)] = raw(db_path, "SELECT document FROM proposals WHERE id = ?", (bad.id,))
    data = json.loads(str(stored))
    data["general"]["retired_field"] = "written by an old version"
    broken = json.dumps(data)

    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE proposals SET document = ?, content_hash = ? WHERE id = ?",
            (broken, hashlib.sha256(broken.encode()).hexdigest(), bad.id),
        )
    conn.close()

    assert {s.title for s in store.list_proposals()} == {"Good", "Bad"}
    with pytest.raises(StoreError, match=r"cannot be opened: general\.retired_field"):
        store.get(bad.id)
    assert store.get(good.id) == good
    assert raw(db_path, "SELECT document FROM proposals WHERE id = ?", (bad.id,)) == [(broken,)]


def test_damaged_text_is_detected_by_checksum(store: Store, db_path: Path) -> None:
    proposal = make_proposal("Checksum")
    store.save(proposal)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE proposals SET document = replace(document, 'Checksum', 'Checksun') "
            "WHERE id = ?",
            (proposal.id,),
        )
    conn.close()
    with pytest.raises(StoreError, match="checksum does not match") as caught:
        store.get(proposal.id)
    assert "backups" in str(caught.value)
    assert store.list_proposals()[0].title == "Checksum"


def test_full_disk_keeps_previous_version(store: Store) -> None:
    proposal = make_proposal("Before the disk filled up")
    saved = store.save(proposal)
    conn = store._live()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")

    proposal.general.title = "After"
    proposal.certified.learning_outcomes = [
        LearningOutcome(text=f"Outcome {n}: " + "x" * 2_900) for n in range(100)
    ]
    with pytest.raises(StoreError, match=r"disk .* is full") as caught:
        store.save(proposal, expected_hash=saved)
    assert not isinstance(caught.value, EditConflict)
    assert not conn.in_transaction
    assert store.get(proposal.id).general.title == "Before the disk filled up"
    assert store.get_hash(proposal.id) == saved
    assert store.integrity_ok()

    conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.save(proposal, expected_hash=saved) == content_hash(proposal)


def test_closed_store_says_so(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="is closed"):
        store.list_proposals()


# ---------------------------------------------------------------------- property
def test_model_store_model_is_identity(db_path: Path) -> None:
    with Store.open(db_path) as store:

        @settings(
            max_examples=60,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(proposals())
        def check(proposal: Proposal) -> None:
            expected = store.get_hash(proposal.id) if store.exists(proposal.id) else None
            saved = store.save(proposal, expected_hash=expected)
            loaded = store.get(proposal.id)
            assert loaded == proposal
            assert content_hash(loaded) == saved == store.get_hash(proposal.id)
            assert store.summary(proposal.id).title == proposal.general.title

        check()
