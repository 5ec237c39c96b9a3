"""Opening the library and the trash, as the window's Delete, Restore and Delete for good use them.

Each test looks at what the user sees: the library list, the trash list, and the proposal's
content and comments after it comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesigner.formdefs import default_forms
from mcdesigner.model import Proposal
from mcdesigner.model.review import Annotation, Comment
from mcdesigner.operations import Store, StoreError, StoreLocked
from mcdesigner.operations.library import open_library
from mcdesigner.operations.proposals import create_proposal, open_proposal, save_proposal
from mcdesigner.operations.reviews import save_thread
from mcdesigner.operations.settings import check_settings
from mcdesigner.operations.trash import (
    delete_for_good,
    library_list,
    move_to_trash,
    restore_from_trash,
)
from mcdesigner.settings import Preferences


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_library(db_path, exclusive=False) as opened:
        yield opened


def stored(store: Store, title: str) -> Proposal:
    """A proposal titled ``title`` created in the library as the New button does."""
    proposal = Proposal()
    proposal.general.title = title
    create_proposal(store, proposal, check_settings(Preferences(), default_forms()))
    return proposal


def titles(store: Store, *, trash: bool = False) -> list[str]:
    return sorted(s.title for s in library_list(store, trash=trash))


def test_deleting_moves_the_proposal_from_the_library_to_the_trash(store: Store) -> None:
    stored(store, "Data literacy")
    doomed = stored(store, "Soil science")

    entry = move_to_trash(store, doomed.id)

    assert entry.title == "Soil science"
    assert entry.deleted_at is not None
    assert titles(store) == ["Data literacy"]
    assert titles(store, trash=True) == ["Soil science"]


def test_restoring_brings_back_the_content_and_the_comments(store: Store) -> None:
    proposal = stored(store, "Soil science")
    proposal.general.description = "Field work on soil samples."
    opened = open_proposal(store, proposal.id)
    save_proposal(store, proposal, expected_hash=opened.content_hash)
    thread = Annotation(
        proposal_id=proposal.id,
        path="general.title",
        comments=[Comment(author="Ana", body="Shorter title?")],
    )
    save_thread(store, thread, based_on=None)
    move_to_trash(store, proposal.id)

    entry = restore_from_trash(store, proposal.id)

    assert entry.deleted_at is None
    assert titles(store) == ["Soil science"]
    assert titles(store, trash=True) == []
    back = open_proposal(store, proposal.id).proposal
    assert back.general.description == "Field work on soil samples."
    assert [c.body for a in store.list_annotations(proposal.id) for c in a.comments] == [
        "Shorter title?"
    ]


def test_deleting_for_good_leaves_nothing_to_restore(store: Store) -> None:
    proposal = stored(store, "Soil science")
    move_to_trash(store, proposal.id)

    delete_for_good(store, proposal.id)

    assert titles(store) == []
    assert titles(store, trash=True) == []
    with pytest.raises(StoreError, match="There is no proposal"):
        restore_from_trash(store, proposal.id)


def test_a_second_window_cannot_open_the_same_library(db_path: Path) -> None:
    with open_library(db_path), pytest.raises(StoreLocked):
        open_library(db_path)
