"""Several store calls as one transaction: all of them are stored, or none."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesigner.model import Proposal
from mcdesigner.storage import Store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


def _stored(title: str) -> Proposal:
    proposal = Proposal()
    proposal.general.title = title
    return proposal


def test_changes_in_a_transaction_are_stored_together(store: Store, db_path: Path) -> None:
    proposal = _stored("Open data")
    store.save(proposal)
    expected = store.get_hash(proposal.id)
    with store.transaction("change the status"):
        proposal.status = "submitted"
        store.save(proposal, expected_hash=expected)
        store.add_revision(proposal.id, "Submitted", kind="submit")
        store.add_status_event(proposal.id, "draft", "submitted", "Ana")
    other = sqlite3.connect(db_path)  # another program sees all three changes
    try:
        assert other.execute("SELECT status FROM proposals").fetchone() == ("submitted",)
        assert other.execute("SELECT label FROM revisions").fetchall() == [("Submitted",)]
        assert other.execute("SELECT actor FROM status_events").fetchall() == [("Ana",)]
    finally:
        other.close()


def test_a_failure_inside_a_transaction_undoes_every_change(store: Store) -> None:
    proposal = _stored("Open data")
    store.save(proposal)
    expected = store.get_hash(proposal.id)
    with pytest.raises(RuntimeError), store.transaction("change the status"):
        proposal.status = "submitted"
        store.save(proposal, expected_hash=expected)
        store.add_status_event(proposal.id, "draft", "submitted", "Ana")
        raise RuntimeError("power cut")
    assert store.get(proposal.id).status == "draft"
    assert store.get_hash(proposal.id) == expected
    assert store.list_status_events(proposal.id) == []
    store.add_status_event(proposal.id, "draft", "draft", "Ana")  # the store still writes
    assert len(store.list_status_events(proposal.id)) == 1


def test_nested_transactions_join_the_outer_one(store: Store) -> None:
    proposal = _stored("Open data")
    store.save(proposal)
    with pytest.raises(RuntimeError), store.transaction("outer"):
        with store.transaction("inner"):
            store.add_status_event(proposal.id, "draft", "draft", "Ana")
        raise RuntimeError("after the inner block")
    assert store.list_status_events(proposal.id) == []
