"""Files and databases written by the first release (document schema 1) open unchanged.

The fixtures in ``tests/fixtures/v1`` were written by release 1 of MC Designer, not by this
code: a library database with one proposal, a revision, a comment on a learning outcome and
a review; the ``.mcproposal`` file of that proposal (with its revisions) and a ``.mcreview``
file of the review. Every text of a version 1 proposal arrives as its main-language text.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from mcdesigner.exchange import read_proposal_file, read_review_file, write_proposal_file
from mcdesigner.model.fieldpath import exists, get_value
from mcdesigner.model.proposal import SCHEMA_VERSION
from mcdesigner.model.translations import text_in
from mcdesigner.storage import Store
from mcdesigner.storage.backup_files import list_backups

FIXTURES = Path(__file__).parent / "fixtures" / "v1"
PROPOSAL_ID = "example-ingenium-mc-framework"
OUTCOME_PATH = "certified.learning_outcomes[lo1].text"
TITLE = "Ética de la IA en la docencia universitaria"
OUTCOME = "Evaluar críticamente los principios éticos del uso de la IA en la docencia."


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_a_release_1_database_is_upgraded_after_a_backup_and_reads_the_same(
    tmp_path: Path,
) -> None:
    db = _copy("release1.sqlite3", tmp_path)
    assert _user_version(db) == 1
    with Store.open(db) as store:
        proposal = store.get(PROPOSAL_ID)
        assert proposal.schema_version == SCHEMA_VERSION == 3
        assert proposal.general.title == TITLE
        assert get_value(proposal, OUTCOME_PATH) == OUTCOME
        # The first language of instruction it declared (Spanish) is its main language.
        assert proposal.languages.main == "es"
        assert proposal.languages.others == ()
        assert proposal.translations == {}
        assert text_in(proposal, "es", OUTCOME_PATH).text == OUTCOME
        [note] = store.list_annotations(PROPOSAL_ID)
        assert note.path == OUTCOME_PATH and exists(proposal, note.path)
        assert note.comments[0].body == "¿Qué nivel de Bloom se espera aquí?"
        [review] = store.list_reviews(PROPOSAL_ID)
        assert review.summary == "Buena base." and review.reviewer == "Revisora"
        [revision] = store.list_revisions(PROPOSAL_ID)
        assert store.get_revision(revision.id).general.title == TITLE
        # The library search knows the release 1 texts without any of them being saved.
        assert store.search_proposals("etica docencia") == [PROPOSAL_ID]
        assert store.search_proposals("principios ÉTICOS critic") == [PROPOSAL_ID]
        assert store.search_proposals("blockchain") == []
    assert _user_version(db) == 3
    [backup] = list_backups(db)
    assert "before-upgrade-from-version-1" in backup.name
    assert _user_version(backup) == 1


def test_a_release_1_document_keeps_its_stored_text_until_it_is_saved(tmp_path: Path) -> None:
    db = _copy("release1.sqlite3", tmp_path)
    with Store.open(db) as store:
        proposal = store.get(PROPOSAL_ID)
        stored_hash = store.get_hash(PROPOSAL_ID)

    def stored_version() -> int:
        with sqlite3.connect(db) as conn:
            (text,) = conn.execute("SELECT document FROM proposals").fetchone()
        return int(json.loads(text)["schema_version"])

    assert stored_version() == 1  # reading changes nothing
    proposal.languages.further = ["en"]
    proposal.translations = {"en": {"general.title": "Ethics of AI in university teaching"}}
    with Store.open(db) as store:
        store.save(proposal, expected_hash=stored_hash)
        again = store.get(PROPOSAL_ID)
    assert stored_version() == SCHEMA_VERSION
    assert text_in(again, "en", "general.title").text == "Ethics of AI in university teaching"


def test_a_release_1_proposal_file_opens_with_its_comments_on_the_same_fields(
    tmp_path: Path,
) -> None:
    bundle = read_proposal_file(FIXTURES / "release1.mcproposal")
    proposal = bundle.proposal
    assert proposal.general.title == TITLE
    assert proposal.languages.main == "es"
    assert get_value(proposal, OUTCOME_PATH) == OUTCOME
    [note] = bundle.annotations
    assert note.path == OUTCOME_PATH and exists(proposal, note.path)
    assert [r.summary for r in bundle.reviews] == ["Buena base."]
    [revision] = bundle.revisions
    assert revision.label == "Sent to the committee"
    assert revision.proposal.general.title == TITLE
    # Written again by this version, the file declares the new schema.
    out = tmp_path / "again.mcproposal"
    write_proposal_file(out, bundle)
    assert read_proposal_file(out).proposal == proposal


def test_a_release_1_review_file_points_at_the_same_fields() -> None:
    bundle = read_review_file(FIXTURES / "release1.mcreview")
    proposal = read_proposal_file(FIXTURES / "release1.mcproposal").proposal
    [note] = bundle.annotations
    assert note.path == OUTCOME_PATH and exists(proposal, note.path)
    assert bundle.reviewer == "Revisora"
