"""Comparing revisions of a proposal written in several languages, language by language."""

from __future__ import annotations

from mcdesigner.formdefs import default_forms
from mcdesigner.model import Proposal
from mcdesigner.model.edits import RemoveItem, SetTranslation, SetValue, apply_edit
from mcdesigner.model.proposal import LearningOutcome
from mcdesigner.review.compare import change_language, compare, labelled_in
from mcdesigner.translations import use_language


def _proposal(main: str = "en", further: tuple[str, ...] = ("es",)) -> Proposal:
    proposal = Proposal()
    proposal.languages.main = main
    proposal.languages.further = list(further)
    proposal.general.title = "Research data stewardship"
    proposal.certified.learning_outcomes = [
        LearningOutcome(text="Apply the FAIR principles to a research dataset"),
        LearningOutcome(text="Write a data management plan"),
    ]
    apply_edit(proposal, SetTranslation("es", "general.title", "Gestión de datos"))
    return proposal


def test_a_changed_spanish_title_is_one_difference_in_spanish() -> None:
    old = _proposal()
    new = old.model_copy(deep=True)
    apply_edit(new, SetTranslation("es", "general.title", "Gestión de datos de investigación"))
    (change,) = compare(old, new, default_forms())
    assert (change.kind, change.path, change.language) == ("changed", "general.title", "es")
    assert (change.old, change.new) == ("Gestión de datos", "Gestión de datos de investigación")
    assert labelled_in("Title", change.language) == "Title (Spanish)"
    assert change_language(change, old, new) == "es"


def test_a_main_language_change_keeps_its_form_and_is_in_the_main_language() -> None:
    old = _proposal()
    new = old.model_copy(deep=True)
    apply_edit(new, SetValue("general.title", "Stewardship of research data"))
    (change,) = compare(old, new)
    assert (change.kind, change.path, change.language) == ("changed", "general.title", "")
    assert labelled_in("Title", change.language) == "Title"
    assert change_language(change, old, new) == "en"


def test_an_added_english_translation_of_an_outcome_is_added_in_english() -> None:
    old = _proposal(main="es", further=("en",))
    outcome = old.certified.learning_outcomes[1]
    path = f"certified.learning_outcomes[{outcome.id}].text"
    new = old.model_copy(deep=True)
    apply_edit(new, SetTranslation("en", path, "Write a data management plan"))
    apply_edit(new, SetTranslation("es", "general.title", ""))  # es is main: the field itself
    changes = compare(old, new)
    assert [(c.kind, c.path, c.language, c.new) for c in changes] == [
        ("changed", "general.title", "", ""),
        ("added", path, "en", "Write a data management plan"),
    ]
    assert change_language(changes[0], old, new) == "es"


def test_a_removed_translation_and_the_translations_of_removed_and_added_items() -> None:
    old = _proposal()
    first, second = old.certified.learning_outcomes
    first_path = f"certified.learning_outcomes[{first.id}].text"
    second_path = f"certified.learning_outcomes[{second.id}].text"
    apply_edit(old, SetTranslation("es", first_path, "Aplicar los principios FAIR"))
    apply_edit(old, SetTranslation("es", second_path, "Redactar un plan de gestión de datos"))
    new = old.model_copy(deep=True)
    apply_edit(new, SetTranslation("es", first_path, ""))
    apply_edit(new, RemoveItem("certified.learning_outcomes", second.id))
    added = LearningOutcome(text="Choose a trusted repository")
    new.certified.learning_outcomes.append(added)
    added_path = f"certified.learning_outcomes[{added.id}].text"
    apply_edit(new, SetTranslation("es", added_path, "Elegir un repositorio de confianza"))

    changes = compare(old, new)
    assert [(c.kind, c.path, c.language) for c in changes] == [
        ("removed", f"certified.learning_outcomes[{second.id}]", ""),
        ("removed", second_path, "es"),
        ("removed", first_path, "es"),
        ("added", f"certified.learning_outcomes[{added.id}]", ""),
        ("added", added_path, "es"),
    ]
    assert changes[1].old == "Redactar un plan de gestión de datos"
    # The item rows are in the main language: they show the item's main texts.
    assert [change_language(c, old, new) for c in changes] == ["en", "es", "es", "en", "es"]


def test_the_languages_show_like_other_fields_and_belong_to_no_language() -> None:
    old = _proposal()
    new = old.model_copy(deep=True)
    apply_edit(new, SetValue("languages.further", ["es", "fr"]))
    apply_edit(new, SetValue("languages.issued_in", ["en"]))
    changes = compare(old, new, default_forms())
    assert [(c.kind, c.path) for c in changes] == [
        ("changed", "languages.further"),
        ("changed", "languages.issued_in"),
    ]
    assert [change_language(c, old, new) for c in changes] == ["", ""]


def test_unchanged_translations_and_a_proposal_in_one_language_show_nothing() -> None:
    old = _proposal()
    assert compare(old, old.model_copy(deep=True)) == []
    single = Proposal()
    assert compare(single, single.model_copy(deep=True)) == []


def test_the_language_in_the_label_is_named_in_the_interface_language() -> None:
    use_language("es")
    assert labelled_in("Título", "es") == "Título (español)"
    assert labelled_in("Título", "en") == "Título (inglés)"
