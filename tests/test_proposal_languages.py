"""The languages of a proposal and its translations: what the model accepts and keeps."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from pydantic import ValidationError

from mcdesigner.exchange import ProposalBundle, read_proposal_file, write_proposal_file
from mcdesigner.model.edits import RemoveItem, SetTranslation, apply_edit
from mcdesigner.model.fieldpath import PathError
from mcdesigner.model.proposal import LearningOutcome, Proposal
from mcdesigner.model.text import SHORT_TEXT_MAX
from mcdesigner.model.translations import (
    ProposalLanguages,
    language_map,
    text_in,
    translated_paths,
    translation,
)
from mcdesigner.storage import Store


def bilingual() -> Proposal:
    proposal = Proposal()
    proposal.languages = ProposalLanguages(main="es", further=["en", "es"], issued_in=["en"])
    proposal.general.title = "Ética de la IA"
    proposal.certified.learning_outcomes = [
        LearningOutcome(id="lo1", text="Evaluar los riesgos éticos de un sistema de IA.")
    ]
    return proposal


def test_languages_list_the_main_one_first_and_each_once() -> None:
    languages = bilingual().languages
    assert languages.written == ("es", "en")
    assert languages.others == ("en",)
    assert languages.credential == ("en",)
    assert ProposalLanguages(main="fr").credential == ("fr",)  # nothing declared: the main one


def test_a_language_outside_the_list_is_refused() -> None:
    with pytest.raises(ValidationError, match="main"):
        ProposalLanguages(main="xx")
    with pytest.raises(ValidationError):
        Proposal.model_validate(
            {"schema_version": 2, "translations": {"zz": {"general.title": "?"}}}
        )


def test_only_descriptive_texts_are_translated() -> None:
    proposal = bilingual()
    paths = list(translated_paths(proposal))
    assert paths[0] == "general.title"
    assert "certified.learning_outcomes[lo1].text" in paths
    assert not any(p.startswith(("financial.", "staff", "quality.")) for p in paths)
    with pytest.raises(ValidationError, match="not a text that can be translated"):
        proposal.translations = {"en": {"financial.deficit_funding": "The faculty"}}
    with pytest.raises(PathError):
        apply_edit(proposal, SetTranslation("en", "general.fee", "10"))


def test_translated_text_is_cleaned_like_its_field() -> None:
    proposal = bilingual()
    apply_edit(proposal, SetTranslation("en", "general.title", "AI\x00 ethics\n<b>now</b>  "))
    assert translation(proposal, "en", "general.title") == "AI ethics <b>now</b>"
    with pytest.raises(ValidationError):
        apply_edit(proposal, SetTranslation("en", "general.title", "x" * (SHORT_TEXT_MAX + 1)))
    assert translation(proposal, "en", "general.title") == "AI ethics <b>now</b>"


def test_a_translation_edit_is_undone_and_an_empty_text_removes_it() -> None:
    proposal = bilingual()
    path = "certified.learning_outcomes[lo1].text"
    undo = apply_edit(proposal, SetTranslation("en", path, "Assess the ethical risks."))
    assert language_map(proposal, path) == {
        "es": "Evaluar los riesgos éticos de un sistema de IA.",
        "en": "Assess the ethical risks.",
    }
    apply_edit(proposal, undo)
    assert proposal.translations == {}
    # The main language writes the field itself.
    apply_edit(
        proposal, SetTranslation("es", "general.title", "Ética de la inteligencia artificial")
    )
    assert proposal.general.title == "Ética de la inteligencia artificial"


def test_a_missing_translation_falls_back_to_the_main_text_marked() -> None:
    proposal = bilingual()
    shown = text_in(proposal, "en", "general.title")
    assert (shown.text, shown.language, shown.fallback) == ("Ética de la IA", "es", True)
    apply_edit(proposal, SetTranslation("en", "general.title", "AI ethics"))
    assert text_in(proposal, "en", "general.title").fallback is False


def test_translations_of_a_removed_item_cannot_be_written() -> None:
    proposal = bilingual()
    proposal.certified.learning_outcomes = []
    with pytest.raises(PathError):
        apply_edit(proposal, SetTranslation("en", "certified.learning_outcomes[lo1].text", "x"))


def test_translations_survive_the_store_and_a_proposal_file(tmp_path: Path) -> None:
    proposal = bilingual()
    apply_edit(proposal, SetTranslation("en", "general.title", "AI ethics"))
    with Store.open(tmp_path / "library.sqlite3") as store:
        store.save(proposal)
        stored = store.get(proposal.id)
    assert stored == proposal
    out = tmp_path / "bilingual.mcproposal"
    write_proposal_file(out, ProposalBundle(proposal=stored))
    assert read_proposal_file(out).proposal.translations == {"en": {"general.title": "AI ethics"}}
    with zipfile.ZipFile(out) as archive:
        written = json.loads(archive.read("proposal.json"))
    # Earlier releases refuse a document of this schema with their "newer version" message.
    assert written["schema_version"] == 3
    assert written["languages"] == {"main": "es", "further": ["en", "es"], "issued_in": ["en"]}


def test_a_removed_items_translation_is_not_written_but_comes_back_with_undo(
    tmp_path: Path,
) -> None:
    proposal = bilingual()
    path = "certified.learning_outcomes[lo1].text"
    apply_edit(proposal, SetTranslation("en", path, "Assess the ethical risks."))
    undo = apply_edit(proposal, RemoveItem("certified.learning_outcomes", "lo1"))
    out = tmp_path / "sent.mcproposal"
    write_proposal_file(out, ProposalBundle(proposal=proposal))
    with zipfile.ZipFile(out) as archive:
        assert b"Assess the ethical risks." not in archive.read("proposal.json")
    apply_edit(proposal, undo)
    assert translation(proposal, "en", path) == "Assess the ethical risks."
