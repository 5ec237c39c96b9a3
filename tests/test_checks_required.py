"""Required fields: Annex I elements always, form fields while shown, each path reported once.

Most tests use small form sets built here, so they pin down the behaviour independently of
the bundled forms; a few use the bundled forms to prove the real wiring.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesigner.checks import CheckSettings, readiness, run
from mcdesigner.checks import forms as checks_forms
from mcdesigner.checks.forms import plan_for
from mcdesigner.formdefs import Condition, FieldDef, FormSet, GroupDef, SectionDef
from mcdesigner.model.fieldpath import describe
from mcdesigner.model.proposal import Proposal, StaffMember
from mcdesigner.model.standards import ANNEX_I_REQUIRED
from test_checks_helpers import complete_proposal, issues_of, only_issue

OCCUPATION = "http://data.europa.eu/snb/entitlement/52f62180c2"


def field(
    path: str,
    label: str = "A field",
    reference: str = "",
    visible_if: Condition | None = None,
) -> FieldDef:
    section = path.split(".")[0].split("[")[0]
    return FieldDef(
        path=path,
        label=label,
        help="",
        required=True,
        shape=describe(Proposal, path),
        section_id=section,
        group_id="g",
        reference=reference,
        visible_if=visible_if,
    )


def form_set(*groups: GroupDef) -> FormSet:
    by_section: dict[str, list[GroupDef]] = {}
    for group in groups:
        by_section.setdefault(group.section_id, []).append(group)
    return FormSet(
        tuple(
            SectionDef(sid, sid, "", n, 1, Path(f"{sid}.toml"), tuple(gs))
            for n, (sid, gs) in enumerate(by_section.items())
        )
    )


def plain_group(section: str, *fields: FieldDef, visible_if: Condition | None = None) -> GroupDef:
    return GroupDef(
        id=f"{section}-plain",
        title="Group",
        help="",
        section_id=section,
        fields=fields,
        visible_if=visible_if,
    )


def list_group(path: str, item_label: str, *fields: FieldDef, min_items: int = 0) -> GroupDef:
    section = path.split(".")[0]
    return GroupDef(
        id=f"{section}-list",
        title="The list",
        help="",
        section_id=section,
        path=path,
        item_label=item_label,
        fields=fields,
        min_items=min_items,
        reference="Some rule for the list" if min_items else "",
    )


NO_FORMS = CheckSettings(forms=form_set())


# ---------------------------------------------------------------------------
# Annex I
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "number"),
    [(path, element.number) for element in ANNEX_I_REQUIRED for path in element.paths],
)
def test_every_annex_i_element_is_required_whatever_the_forms_say(path: str, number: int) -> None:
    proposal = complete_proposal()
    empty = Proposal()
    section, name = path.split(".")
    setattr(getattr(proposal, section), name, getattr(getattr(empty, section), name))

    issue = only_issue(proposal, "annex.missing", NO_FORMS)

    assert issue.path == path
    assert issue.severity == "error"
    assert issue.group == "credential"
    assert issue.reference.startswith(
        f"EU Council Recommendation 2022, Annex I, mandatory element {number}:"
    )
    assert "Annex I" in issue.message


def test_an_awarding_institution_without_any_content_does_not_supply_the_element() -> None:
    proposal = complete_proposal()
    proposal.general.awarding_institutions[0].name = ""
    proposal.general.awarding_institutions[0].country = None

    issue = only_issue(proposal, "annex.missing", NO_FORMS)

    assert issue.path == "general.awarding_institutions"


def test_blank_outcomes_do_not_supply_the_learning_outcomes() -> None:
    proposal = complete_proposal()
    for outcome in proposal.certified.learning_outcomes:
        outcome.text = "   "
        outcome.esco_skills = []

    paths = [i.path for i in issues_of(proposal, "annex.missing", NO_FORMS)]

    assert paths == ["certified.learning_outcomes"]


def test_a_field_both_in_annex_i_and_the_form_is_reported_once_with_the_annex_reference() -> None:
    forms = form_set(plain_group("general", field("general.title", "Title", "Form rule")))
    proposal = complete_proposal()
    proposal.general.title = ""

    issues = [i for i in run(proposal, CheckSettings(forms=forms)) if i.path == "general.title"]

    assert len(issues) == 1
    assert issues[0].rule == "annex.missing"
    assert "mandatory element 2: title of the micro-credential" in issues[0].reference


def test_annex_labels_come_from_the_bundled_forms() -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = None

    issue = only_issue(proposal, "annex.missing")

    assert "“Notional learning hours”" in issue.message


# ---------------------------------------------------------------------------
# Form fields
# ---------------------------------------------------------------------------
def test_a_required_item_field_is_checked_in_every_item() -> None:
    forms = form_set(
        list_group("staff", "Staff member", field("staff[].institution", "Institution", "R"))
    )
    proposal = complete_proposal()
    proposal.staff[1].institution = ""
    proposal.staff.append(StaffMember(id="staff-3", name="Dee", email="d@example.org"))

    issues = issues_of(proposal, "required.missing", CheckSettings(forms=forms))

    assert [i.path for i in issues] == [
        "staff[staff-teacher].institution",
        "staff[staff-3].institution",
    ]
    assert issues[0].message == (
        "Fill in “Institution” (Staff member 2): the form marks it as required."
    )
    assert all(i.severity == "error" and i.reference == "R" for i in issues)


def test_a_required_field_without_reference_cites_the_form() -> None:
    forms = form_set(plain_group("general", field("general.contact.name", "Contact person")))
    proposal = complete_proposal()
    proposal.general.contact.name = ""

    issue = only_issue(proposal, "required.missing", CheckSettings(forms=forms))

    assert issue.path == "general.contact.name"
    assert issue.reference == "MC Designer proposal form: required field"
    assert issue.message == "Fill in “Contact person”: the form marks it as required."


def test_fields_inside_nested_lists_get_both_item_ids() -> None:
    from mcdesigner.model.proposal import EscoSkill

    forms = form_set(
        plain_group("certified", field("certified.learning_outcomes[].esco_skills[].uri"))
    )
    proposal = complete_proposal()
    proposal.certified.learning_outcomes[1].esco_skills = [EscoSkill(id="sk", label="teamwork")]

    issue = only_issue(proposal, "required.missing", CheckSettings(forms=forms))

    assert issue.path == "certified.learning_outcomes[lo-design].esco_skills[sk].uri"


def test_a_hidden_field_is_never_missing() -> None:
    condition = Condition("certified.integration", equals="stackable")
    forms = form_set(
        plain_group("certified", field("certified.stackability", visible_if=condition))
    )
    proposal = complete_proposal()

    assert issues_of(proposal, "required.missing", CheckSettings(forms=forms)) == []

    proposal.certified.integration = "stackable"
    issue = only_issue(proposal, "required.missing", CheckSettings(forms=forms))
    assert issue.path == "certified.stackability"


def test_item_conditions_are_evaluated_for_each_item() -> None:
    condition = Condition("rights[].entitlement_type", equals=OCCUPATION)
    forms = form_set(
        list_group("rights", "Right", field("rights[].limit_occupation", visible_if=condition))
    )
    proposal = complete_proposal()
    second = proposal.rights[0].model_copy(update={"id": "right-2", "entitlement_type": OCCUPATION})
    proposal.rights.append(second)

    issue = only_issue(proposal, "required.missing", CheckSettings(forms=forms))

    assert issue.path == "rights[right-2].limit_occupation"


def test_a_hidden_group_hides_its_required_fields() -> None:
    condition = Condition("certified.integration", equals="stackable")
    group = plain_group("certified", field("certified.stackability"), visible_if=condition)
    proposal = complete_proposal()

    assert issues_of(proposal, "required.missing", CheckSettings(forms=form_set(group))) == []


class ExplodingCondition:
    def holds(self, proposal: object, item_path_prefix: str | None = None) -> bool:
        raise RuntimeError("broken condition")


def test_a_condition_that_fails_shows_the_field_rather_than_hiding_it() -> None:
    condition = ExplodingCondition()
    rationale = field("general.rationale", visible_if=condition)  # type: ignore[arg-type]
    proposal = complete_proposal()
    proposal.general.rationale = ""

    issue = only_issue(
        proposal,
        "required.missing",
        CheckSettings(forms=form_set(plain_group("general", rationale))),
    )

    assert issue.path == "general.rationale"


@pytest.mark.parametrize(
    ("minimum", "message"),
    [
        (1, "Add at least one entry to “The list”: the form requires it."),
        (3, "Add at least 3 entries to “The list”: the form requires them."),
    ],
)
def test_a_list_needing_items_is_required(minimum: int, message: str) -> None:
    forms = form_set(list_group("academic.content_units", "Unit", min_items=minimum))
    proposal = complete_proposal()
    proposal.academic.content_units = []

    issue = only_issue(proposal, "required.missing", CheckSettings(forms=forms))

    assert issue.path == "academic.content_units"
    assert issue.message == message
    assert issue.reference == "Some rule for the list"


def test_the_bundled_forms_require_the_rationale() -> None:
    proposal = complete_proposal()
    proposal.general.rationale = ""

    issue = only_issue(proposal, "required.missing")

    assert issue.path == "general.rationale"
    assert "ESG 2015 standard 1.2" in issue.reference


def test_plans_are_built_once_per_form_set() -> None:
    forms = form_set(plain_group("general", field("general.rationale")))

    assert plan_for(forms) is plan_for(forms)
    assert plan_for(forms) is not plan_for(form_set())


def test_broken_bundled_forms_leave_the_annex_i_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> FormSet:
        raise OSError("forms folder missing")

    monkeypatch.setattr(checks_forms, "default_forms", broken)

    assert checks_forms.default_form_set() is None
    assert checks_forms.default_form_set() is None  # logged once, still no exception


# ---------------------------------------------------------------------------
# Readiness
# ---------------------------------------------------------------------------
def test_readiness_counts_filled_required_fields_per_section() -> None:
    forms = form_set(
        plain_group("general", field("general.rationale"), field("general.description")),
        list_group("staff", "Staff member", field("staff[].institution")),
    )
    proposal = complete_proposal()
    proposal.general.rationale = ""
    proposal.staff[0].institution = ""

    result = readiness(proposal, settings=CheckSettings(forms=forms))

    # general: Annex I title, countries, awarding bodies + 2 form fields, one empty -> 4/5
    assert result.section_percent["general"] == 80.0
    assert result.section_percent["staff"] == 50.0
    assert result.section_percent["certified"] == 100.0
    assert result.section_percent["quality"] == 100.0  # nothing required there
    # Annex I: 3 general + 7 certified; forms: 2 general + 2 staff -> 12 of 14 filled
    assert result.overall_percent == round(100 * 12 / 14, 1)
    assert not result.ready
    assert result.counts["error"] == 2
