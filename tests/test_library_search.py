"""Library search: every text of a proposal is found, as a user types it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mcdesigner.examples import load_example
from mcdesigner.model.proposal import Proposal, StaffMember
from mcdesigner.storage import Store
from mcdesigner.storage.search import match_query, searchable_text

EXAMPLE_ID = "example-ingenium-mc-framework"


def _proposal(title: str, description: str = "") -> Proposal:
    proposal = Proposal()
    proposal.general.title = title
    proposal.general.description = description
    return proposal


@pytest.fixture
def library(store: Store) -> Store:
    store.save(load_example())
    store.save(_proposal("Gestión de laboratorios", "Seguridad química en el laboratorio."))
    store.save(_proposal("Data stewardship", "Research data management plans."))
    return store


def _titles(store: Store, typed: str, **options: bool) -> list[str]:
    return [store.summary(i).title for i in store.search_proposals(typed, **options)]


def test_a_word_of_the_description_finds_the_example(library: Store) -> None:
    """ "ESCO" is not in the example's title, only in its texts."""
    assert "ESCO" not in load_example().general.title
    assert library.search_proposals("ESCO") == [EXAMPLE_ID]


def test_case_accents_word_order_and_a_word_being_typed(library: Store) -> None:
    assert _titles(library, "QUIMICA seguridad") == ["Gestión de laboratorios"]
    assert _titles(library, "laboratorios GESTION") == ["Gestión de laboratorios"]
    assert _titles(library, "research dat") == ["Data stewardship"]
    assert _titles(library, "research dat ") == []  # "dat" finished is not a word here
    assert _titles(library, "stewardship blockchain") == []


def test_translations_staff_and_budget_texts_are_searched(library: Store) -> None:
    example = load_example()
    spanish_only = "microcredenciales"
    assert spanish_only in " ".join(example.translations["es"].values()).lower()
    assert library.search_proposals(spanish_only) == [EXAMPLE_ID]
    proposal = _proposal("Robotics")
    proposal.staff.append(StaffMember(name="Covadonga Fernández"))
    library.save(proposal)
    assert library.search_proposals("covadonga") == [proposal.id]


def test_saving_replaces_what_is_found(library: Store) -> None:
    [found] = library.search_proposals("stewardship")
    proposal = library.get(found)
    proposal.general.title = "Data curation"
    library.save(proposal, expected_hash=library.get_hash(found))
    assert library.search_proposals("stewardship") == []
    assert library.search_proposals("curation") == [found]


def test_the_trash_is_searched_only_when_asked_and_purged_ones_never(library: Store) -> None:
    [found] = library.search_proposals("stewardship")
    library.delete(found)
    assert library.search_proposals("stewardship") == []
    assert library.search_proposals("stewardship", include_deleted=True) == [found]
    library.purge(found)
    assert library.search_proposals("stewardship", include_deleted=True) == []


@pytest.mark.parametrize(
    "typed", ['"', "data AND", "NOT", "*", "(data", "data)", "col:data", "^data", "-", "   "]
)
def test_anything_typed_is_a_valid_search(library: Store, typed: str) -> None:
    found = library.search_proposals(typed)
    assert all(library.exists(i) for i in found)


def test_a_bigger_match_ranks_first(store: Store) -> None:
    once = store.save(_proposal("Water", "A course on irrigation."))
    del once
    often = _proposal("Irrigation design", "Irrigation systems, irrigation scheduling.")
    store.save(often)
    assert store.search_proposals("irrigation")[0] == often.id


def test_the_searched_text_leaves_out_identifiers_and_addresses() -> None:
    document = (
        '{"id": "p-123", "schema_version": 2, "general": {"title": "Robótica",'
        ' "website": "https://example.org/x"}, "translations": {"es": {"general.title": "T"}}}'
    )
    text = searchable_text(document)
    assert text.splitlines() == ["Robótica", "T"]
    assert searchable_text("not json {") == "not json {"


def test_the_query_quotes_every_word() -> None:
    assert match_query('data "AND" manag') == '"data" "AND" "manag"*'
    assert match_query("data, ") == '"data"'
    assert match_query("¿¡") == ""


def test_a_version_2_database_gets_its_index_when_opened(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save(load_example())
    with sqlite3.connect(db_path) as conn:  # as the previous release left it
        conn.execute("DROP TABLE proposal_search")
        conn.execute("DROP TABLE search_rows")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    with Store.open(db_path) as store:
        assert store.schema_version() == 3
        assert store.search_proposals("ESCO") == [EXAMPLE_ID]


def _stale(db_path: Path) -> list[tuple[str]]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT id FROM search_rows WHERE stale").fetchall()
    conn.close()
    return rows


def test_a_save_only_marks_the_proposal_and_the_next_search_indexes_it(
    library: Store, db_path: Path
) -> None:
    assert library.search_proposals("stewardship") != []
    assert _stale(db_path) == []
    proposal = _proposal("Beekeeping")
    library.save(proposal)
    assert _stale(db_path) == [(proposal.id,)]
    assert library.search_proposals("beekeep") == [proposal.id]
    assert _stale(db_path) == []


def test_a_library_that_cannot_be_written_is_searched_with_the_words_it_has(
    library: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mcdesigner.storage import StoreError

    [found] = library.search_proposals("stewardship")
    proposal = library.get(found)
    proposal.general.title = "Data curation"
    library.save(proposal, expected_hash=library.get_hash(found))

    def refuse(*_args: object) -> None:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(type(library), "_writing", refuse)
    assert library.search_proposals("stewardship") == [found]  # the words indexed before
    assert library.search_proposals("curation") == []
