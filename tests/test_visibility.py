"""Visibility rules (``visible_if``) are decided in one place: the form set.

A field shows only while its own condition and those of every group around it hold,
nested groups and list items included; the completeness checks count only shown fields.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mcdesigner.checks import CheckSettings, readiness, run
from mcdesigner.examples import load_example
from mcdesigner.formdefs import FormSet, load_forms
from mcdesigner.model.proposal import EscoSkill, Proposal
from mcdesigner.paths import forms_dir

SKILL = "http://data.europa.eu/snb/skill-type/skill"

#: The ESCO skills of a learning outcome show only once the outcome has a type.
ESCO_CONDITION = (
    'id = "esco"\nvisible_if = { path = "certified.learning_outcomes[].skill_type", '
    "not_empty = true }\n"
)


def forms_with_conditional_esco(folder: Path) -> FormSet:
    """The bundled forms, with a condition on the nested ESCO skills group."""
    copy = folder / "forms"
    shutil.copytree(forms_dir(), copy)
    certified = copy / "certified.toml"
    text = certified.read_text(encoding="utf-8")
    assert text.count('id = "esco"\n') == 1
    certified.write_text(text.replace('id = "esco"\n', ESCO_CONDITION), encoding="utf-8")
    return load_forms(copy)


@pytest.fixture
def forms(tmp_path: Path) -> FormSet:
    return forms_with_conditional_esco(tmp_path)


def proposal_with_two_outcomes() -> tuple[Proposal, str, str]:
    """The example, its first outcome typed and its second untyped, each with one skill."""
    proposal = load_example()
    typed, untyped = proposal.certified.learning_outcomes[:2]
    typed.skill_type = SKILL
    untyped.skill_type = None
    typed.esco_skills = [EscoSkill(id="sk-typed", label="apply quality standards")]
    untyped.esco_skills = [EscoSkill(id="sk-untyped", label="teamwork")]
    return proposal, typed.id, untyped.id


def test_a_nested_groups_condition_hides_its_fields_in_that_item_only(forms: FormSet) -> None:
    proposal, typed, untyped = proposal_with_two_outcomes()
    outcomes = "certified.learning_outcomes"

    assert forms.is_visible(proposal, f"{outcomes}[{typed}].esco_skills[sk-typed].uri")
    assert forms.is_visible(proposal, f"{outcomes}[{typed}].esco_skills")
    assert not forms.is_visible(proposal, f"{outcomes}[{untyped}].esco_skills[sk-untyped].uri")
    assert not forms.is_visible(proposal, f"{outcomes}[{untyped}].esco_skills")
    # the outcome's own fields are not inside the nested group
    assert forms.is_visible(proposal, f"{outcomes}[{untyped}].text")

    proposal.certified.learning_outcomes[1].skill_type = SKILL
    assert forms.is_visible(proposal, f"{outcomes}[{untyped}].esco_skills[sk-untyped].uri")


def test_a_field_is_hidden_with_every_group_around_it(tmp_path: Path) -> None:
    copy = tmp_path / "forms"
    shutil.copytree(forms_dir(), copy)
    certified = copy / "certified.toml"
    text = certified.read_text(encoding="utf-8")
    # the outer list is shown only for stackable micro-credentials
    text = text.replace(
        'id = "outcomes"\n',
        'id = "outcomes"\nvisible_if = { path = "certified.integration", equals = "stackable" }\n',
    )
    certified.write_text(text.replace('id = "esco"\n', ESCO_CONDITION), encoding="utf-8")
    forms = load_forms(copy)
    proposal, typed, _ = proposal_with_two_outcomes()
    uri = f"certified.learning_outcomes[{typed}].esco_skills[sk-typed].uri"
    esco = forms.group_for_list(uri.rsplit("[", 1)[0])
    assert esco is not None

    proposal.certified.integration = "standalone"
    assert not forms.is_visible(proposal, uri)
    assert [c.path for c in forms.visibility_conditions(esco)] == [
        "certified.integration",
        "certified.learning_outcomes[].skill_type",
    ]
    proposal.certified.integration = "stackable"
    assert forms.is_visible(proposal, uri)


def test_a_plain_groups_condition_is_asked_with_the_group(tmp_path: Path) -> None:
    copy = tmp_path / "forms"
    shutil.copytree(forms_dir(), copy)
    general = copy / "general.toml"
    text = general.read_text(encoding="utf-8")
    condition = 'id = "contact"\nvisible_if = { path = "general.places", not_empty = true }\n'
    general.write_text(text.replace('id = "contact"\n', condition), encoding="utf-8")
    forms = load_forms(copy)
    contact = next(g for g in forms.section("general").groups if g.id == "contact")
    proposal = load_example()

    proposal.general.places = None
    assert not forms.is_visible(proposal, "", contact)
    assert not forms.is_visible(proposal, "general.contact.email")
    proposal.general.places = 20
    assert forms.is_visible(proposal, "", contact)
    assert forms.is_visible(proposal, "general.contact.email")


def test_the_checks_ask_the_forms_whether_a_required_field_is_shown(forms: FormSet) -> None:
    proposal, typed, untyped = proposal_with_two_outcomes()
    for outcome in proposal.certified.learning_outcomes[:2]:
        outcome.esco_skills[0].uri = ""
    settings = CheckSettings(forms=forms)

    missing = [i.path for i in run(proposal, settings) if i.rule == "required.missing"]

    assert f"certified.learning_outcomes[{typed}].esco_skills[sk-typed].uri" in missing
    assert f"certified.learning_outcomes[{untyped}].esco_skills[sk-untyped].uri" not in missing
    before = readiness(proposal, settings=settings).section_percent["certified"]
    proposal.certified.learning_outcomes[1].skill_type = SKILL
    after = readiness(proposal, settings=settings).section_percent["certified"]
    assert after < before, "the shown empty address now counts as missing"
