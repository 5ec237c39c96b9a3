"""Field paths in words: one naming shared by the issues, comments, reports and documents."""

from __future__ import annotations

import pytest

from mcdesigner.examples import load_example
from mcdesigner.formdefs import (
    LABEL_SEPARATOR,
    FormSet,
    default_forms,
    describe_path,
    path_label,
)
from mcdesigner.model.proposal import Proposal


@pytest.fixture(scope="module")
def forms() -> FormSet:
    return default_forms()


@pytest.fixture()
def proposal() -> Proposal:
    return load_example()


def _label(forms: FormSet, schema: str) -> str:
    element = forms.element(schema)
    assert element is not None, schema
    return element.label if hasattr(element, "label") else element.title


def test_a_plain_field_reads_as_its_form_label(forms: FormSet, proposal: Proposal) -> None:
    assert path_label(forms, "general.title", proposal) == _label(forms, "general.title")
    assert path_label(forms, "general.title", proposal) == "Title"


def test_a_field_inside_nested_items_names_each_item_by_position(
    forms: FormSet, proposal: Proposal
) -> None:
    outcome = proposal.certified.learning_outcomes[2]
    skill = outcome.esco_skills[1]
    path = f"certified.learning_outcomes[{outcome.id}].esco_skills[{skill.id}].uri"
    uri = _label(forms, "certified.learning_outcomes[].esco_skills[].uri")

    assert path_label(forms, path, proposal) == f"Learning outcome 3 › ESCO skill 2 › {uri}"
    assert LABEL_SEPARATOR == " › "


def test_numbers_follow_the_current_order_of_the_items(forms: FormSet, proposal: Proposal) -> None:
    outcomes = proposal.certified.learning_outcomes
    last = outcomes[-1]
    path = f"certified.learning_outcomes[{last.id}].text"
    assert path_label(forms, path, proposal).startswith(f"Learning outcome {len(outcomes)} ›")

    outcomes.reverse()

    assert path_label(forms, path, proposal).startswith("Learning outcome 1 ›")


def test_a_whole_item_ends_with_the_item_name(forms: FormSet, proposal: Proposal) -> None:
    outcome = proposal.certified.learning_outcomes[2]
    skill = outcome.esco_skills[0]

    assert path_label(forms, f"certified.learning_outcomes[{outcome.id}]", proposal) == (
        "Learning outcome 3"
    )
    assert path_label(
        forms, f"certified.learning_outcomes[{outcome.id}].esco_skills[{skill.id}]", proposal
    ) == ("Learning outcome 3 › ESCO skill 1")


def test_esg_entries_are_named_by_their_standard(forms: FormSet) -> None:
    proposal = Proposal()
    rating = _label(forms, "self_assessment.entries[].rating")

    label = path_label(forms, "self_assessment.entries[esg-1.4].rating", proposal)

    assert label.startswith("ESG 1.4 ")
    assert label.endswith(f" › {rating}")
    assert "Student admission" in label


def test_a_deleted_item_is_named_by_its_kind_only(forms: FormSet, proposal: Proposal) -> None:
    outcome = proposal.certified.learning_outcomes[0]
    path = f"certified.learning_outcomes[{outcome.id}].text"
    proposal.certified.learning_outcomes.remove(outcome)

    info = describe_path(forms, path, proposal)

    assert info.label == "Learning outcome › Outcome"
    assert not info.exists
    assert info.section_id == "certified"


def test_without_a_proposal_items_are_named_but_not_numbered(forms: FormSet) -> None:
    path = "certified.learning_outcomes[lo3].esco_skills[lo3-esco2].uri"
    uri = _label(forms, "certified.learning_outcomes[].esco_skills[].uri")

    assert path_label(forms, path) == f"Learning outcome › ESCO skill › {uri}"
    assert path_label(forms, "self_assessment.entries[esg-1.4]") == "ESG standard"
    assert not describe_path(forms, path).exists


def test_unknown_names_read_as_words_and_broken_paths_stay_as_they_are(
    forms: FormSet, proposal: Proposal
) -> None:
    assert path_label(forms, "financial.reserve_fund", proposal) == "Reserve fund"
    assert not describe_path(forms, "financial.reserve_fund", proposal).exists
    assert path_label(forms, "not a path", proposal) == "not a path"
    assert path_label(forms, "", proposal) == ""


def test_a_section_path_reads_as_the_section_title(forms: FormSet, proposal: Proposal) -> None:
    assert path_label(forms, "general", proposal) == forms.section("general").title
    assert path_label(forms, "certified") == "Certified academic data"
    # A list that is a whole section keeps the list's own title.
    assert path_label(forms, "staff", proposal) == _label(forms, "staff")


def test_describe_path_gives_section_and_document_order(forms: FormSet, proposal: Proposal) -> None:
    first, second = proposal.certified.learning_outcomes[:2]
    paths = [
        "self_assessment.entries[esg-1.1].rating",
        f"certified.learning_outcomes[{second.id}].text",
        "general.title",
        f"certified.learning_outcomes[{first.id}].text",
        f"certified.learning_outcomes[{first.id}]",
    ]
    infos = {p: describe_path(forms, p, proposal) for p in paths}

    ordered = sorted(paths, key=lambda p: infos[p].sort_key)

    assert ordered == [
        "general.title",
        f"certified.learning_outcomes[{first.id}]",
        f"certified.learning_outcomes[{first.id}].text",
        f"certified.learning_outcomes[{second.id}].text",
        "self_assessment.entries[esg-1.1].rating",
    ]
    info = infos[f"certified.learning_outcomes[{second.id}].text"]
    assert info.exists
    assert (info.section_id, info.section_title) == ("certified", "Certified academic data")
    assert info.label == "Learning outcome 2 › Outcome"
