"""Opening databases of every age and shape: new, older layout, newer layout, not a database."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from mcdesigner.model import Proposal
from mcdesigner.storage import (
    CorruptDatabase,
    SchemaTooNew,
    Store,
    StoreError,
    documents,
    list_backups,
    migrate_document,
    schema,
)


def raw(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_raw_document(db_path: Path, proposal_id: str, data: dict[str, Any]) -> None:
    """Write a document as an older (or newer) version of the application would have."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE proposals SET document = ?, content_hash = ? WHERE id = ?",
            (text, hashlib.sha256(text.encode()).hexdigest(), proposal_id),
        )
    conn.close()


def _add_pinned_column(conn: sqlite3.Connection) -> None:
    """A second layout version, as a future release might add it."""
    conn.execute("ALTER TABLE proposals ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")


def _broken_step(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE proposals ADD COLUMN pinned INTEGER")
    conn.execute("ALTER TABLE no_such_table ADD COLUMN x INTEGER")


# ---------------------------------------------------------------------- layout migrations
def test_fresh_database_gets_the_whole_layout(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version() == schema.latest_version() == 3
        assert store.integrity_ok()
    columns = [row[1] for row in raw(db_path, "PRAGMA table_info(proposals)")]
    assert columns == [
        "id",
        "title",
        "status",
        "created_at",
        "updated_at",
        "completeness",
        "content_hash",
        "deleted_at",
        "document",
    ]
    tables = {row[0] for row in raw(db_path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "proposals",
        "revisions",
        "annotations",
        "reviews",
        "status_events",
        "proposal_search",
        "search_rows",
    } <= tables
    indexes = {row[0] for row in raw(db_path, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"proposals_by_change", "revisions_by_proposal", "annotations_by_proposal"} <= indexes
    assert raw(db_path, "PRAGMA application_id") == [(schema.APPLICATION_ID,)]
    assert list_backups(db_path) == []  # nothing to back up in a new database


def test_an_empty_file_is_reported_not_initialised(db_path: Path) -> None:
    db_path.write_bytes(b"")
    for exclusive in (False, True):
        with pytest.raises(CorruptDatabase) as caught:
            Store.open(db_path, exclusive=exclusive)
        message = str(caught.value)
        assert f"The proposal database {db_path} is an empty file (0 bytes)" in message
        assert "Nothing was changed" in message
        assert db_path.stat().st_size == 0


def test_a_database_the_app_creates_itself_starts_empty_and_new(db_path: Path) -> None:
    with Store.open(db_path, exclusive=True) as store:
        assert store.schema_version() == schema.latest_version() == 3
        assert store.list_proposals() == []
    with Store.open(db_path) as again:  # no longer empty
        assert again.schema_version() == 3


def test_older_layout_is_upgraded_after_a_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = Proposal()
    proposal.general.title = "Written by version one"
    with Store.open(db_path) as old:
        saved = old.save(proposal)
        old.add_revision(proposal.id, "first")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _add_pinned_column])
    with Store.open(db_path) as store:
        assert store.schema_version() == 4
        assert store.get(proposal.id) == proposal
        assert store.get_hash(proposal.id) == saved
        assert len(store.list_revisions(proposal.id)) == 1
    assert "pinned" in [row[1] for row in raw(db_path, "PRAGMA table_info(proposals)")]

    [backup] = list_backups(db_path)
    assert "before-upgrade-from-version-3" in backup.name
    assert raw(backup, "PRAGMA user_version") == [(3,)]
    assert raw(backup, "SELECT title FROM proposals") == [("Written by version one",)]

    with Store.open(db_path) as again:  # already current: no second backup
        assert again.schema_version() == 4
    assert len(list_backups(db_path)) == 1


def test_failed_upgrade_leaves_the_old_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = Proposal()
    with Store.open(db_path) as old:
        old.save(proposal)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, _broken_step])
    with pytest.raises(StoreError, match="upgrade the database"):
        Store.open(db_path)
    assert raw(db_path, "PRAGMA user_version") == [(3,)]
    assert "pinned" not in [row[1] for row in raw(db_path, "PRAGMA table_info(proposals)")]
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert store.get(proposal.id) == proposal


def test_newer_layout_is_refused_untouched(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save(Proposal())
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = file_digest(db_path)
    with pytest.raises(SchemaTooNew, match="newer version") as caught:
        Store.open(db_path, exclusive=True)
    assert "version 7" in str(caught.value)
    assert file_digest(db_path) == before
    # The lock taken for the attempt was given back.
    with pytest.raises(SchemaTooNew):
        Store.open(db_path, exclusive=True)


@pytest.mark.parametrize(
    "content",
    [
        b"This is a note, not a database.\n" * 40,
        json.dumps({"id": "x", "general": {"title": "JSON renamed .sqlite3"}}).encode(),
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
    ids=["text", "json", "bad-header"],
)
def test_file_that_is_not_a_database(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db_path)
    message = str(caught.value)
    assert message.startswith(f"The file {db_path} is not a proposal database")
    assert "backup" not in message  # restoring a backup is no advice for a foreign file
    assert db_path.read_bytes() == content


def test_our_database_overwritten_with_other_bytes_is_damaged_and_names_the_backup(
    db_path: Path,
) -> None:
    with Store.open(db_path) as store:
        store.save(Proposal())
        backup = store.backup("before the accident")
    db_path.write_bytes(b"This is a note, not a database.\n" * 40)
    with pytest.raises(CorruptDatabase) as caught:
        Store.open(db_path)
    message = str(caught.value)
    assert message.startswith(f"The proposal database {db_path} is damaged")
    assert f"restore the newest backup, {backup.name} of " in message


def test_truncated_database_is_reported(db_path: Path) -> None:
    with Store.open(db_path) as store:
        for n in range(40):
            proposal = Proposal()
            proposal.general.description = f"{n} " + "text " * 2_000
            store.save(proposal)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDatabase, match="backups"):
        Store.open(db_path)


def test_database_of_another_program_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    before = file_digest(db_path)
    with pytest.raises(CorruptDatabase, match="another program"):
        Store.open(db_path)
    assert file_digest(db_path) == before


# ---------------------------------------------------------------------- document migrations
def test_current_documents_pass_through_unchanged() -> None:
    data = Proposal().model_dump(mode="json")
    assert migrate_document(json.loads(json.dumps(data))) == data


def test_every_read_goes_through_the_document_hook(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = Proposal()
    seen: list[int] = []

    def spy(data: dict[str, Any]) -> dict[str, Any]:
        seen.append(data["schema_version"])
        return migrate_document(data)

    monkeypatch.setattr(documents, "migrate_document", spy)
    with Store.open(db_path) as store:
        store.save(proposal)
        revision = store.add_revision(proposal.id, "r")
        store.get(proposal.id)
        store.get_revision(revision.id)
    assert seen == [3, 3]


def test_document_from_a_newer_version_is_left_alone(db_path: Path) -> None:
    proposal = Proposal()
    with Store.open(db_path) as store:
        store.save(proposal)
    newer = proposal.model_dump(mode="json")
    newer["schema_version"] = 9
    store_raw_document(db_path, proposal.id, newer)
    with Store.open(db_path) as store:
        assert [s.id for s in store.list_proposals()] == [proposal.id]
        with pytest.raises(StoreError, match="newer version"):
            store.get(proposal.id)
    [(text,)] = raw(db_path, "SELECT document FROM proposals")
    assert json.loads(text)["schema_version"] == 9


def test_a_version_2_document_opens_unchanged_with_the_new_facts_at_their_defaults(
    db_path: Path,
) -> None:
    proposal = Proposal()
    proposal.general.title = "Irrigation design"
    proposal.general.places = 25
    with Store.open(db_path) as store:
        store.save(proposal)
    older = proposal.model_dump(mode="json")
    older["schema_version"] = 2
    for key in ("places_limit", "maximum_duration"):
        del older["general"][key]
    store_raw_document(db_path, proposal.id, older)
    assert migrate_document(json.loads(json.dumps(older))) == {**older, "schema_version": 3}
    with Store.open(db_path) as store:
        opened = store.get(proposal.id)
    assert opened == proposal
    assert opened.general.places == 25
    assert opened.general.places_limit == "limited"
    assert opened.general.maximum_duration.iso is None


def test_a_version_3_document_is_refused_by_a_reader_of_version_2(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mcdesigner.model import upgrade

    proposal = Proposal()
    with Store.open(db_path) as store:
        store.save(proposal)
    monkeypatch.setattr(upgrade, "SCHEMA_VERSION", 2)
    with Store.open(db_path) as store, pytest.raises(StoreError, match="newer version"):
        store.get(proposal.id)
