"""The ESCO checks: unknown addresses, labels that differ, exact labels with their fix, and
the skills suggested for each outcome."""

from __future__ import annotations

import json

from mcdesigner.checks import check, format_json, rule_by_id, run
from mcdesigner.examples import load_example
from mcdesigner.model.edits import apply_edit
from mcdesigner.model.proposal import EscoSkill, Proposal
from test_checks_helpers import complete_proposal, issues_of, only_issue

WORK_IN_TEAMS = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
DIGCOMP = "http://data.europa.eu/snb/dcf/25831c2"


def with_skill(skill: EscoSkill) -> Proposal:
    """The complete proposal with ``skill`` added to its first outcome."""
    proposal = complete_proposal()
    proposal.certified.learning_outcomes[0].esco_skills.append(skill)
    return proposal


def test_an_address_unknown_to_the_esco_data_is_a_warning_never_an_error() -> None:
    unknown = WORK_IN_TEAMS[:-4] + "0000"
    issue = only_issue(
        with_skill(EscoSkill(label="work in teams", uri=unknown)), "esco.unknown-address"
    )
    assert issue.severity == "warning"
    assert issue.path.endswith("].uri")
    assert unknown in issue.message and "v1.0 series" in issue.message
    assert "newer ESCO version" in issue.message
    assert "ESCO" in issue.reference
    assert rule_by_id("esco.unknown-address").severity == "warning"


def test_a_skill_of_another_framework_is_not_judged_by_esco() -> None:
    proposal = with_skill(
        EscoSkill(label="collaborating through digital technologies", uri=DIGCOMP)
    )
    assert issues_of(proposal, "esco.unknown-address") == []
    assert issues_of(proposal, "esco.label-differs") == []
    assert issues_of(proposal, "esco.exact-label") == []


def test_a_label_unlike_its_address_is_advice_naming_esco_label() -> None:
    proposal = with_skill(EscoSkill(label="teamwork in projects", uri=WORK_IN_TEAMS))
    issue = only_issue(proposal, "esco.label-differs")
    assert issue.severity == "advice"
    assert issue.path.endswith("].label")
    assert "“teamwork in projects”" in issue.message and "“work in teams”" in issue.message


def test_esco_labels_in_either_spelling_or_language_are_not_advised() -> None:
    for label in ("Work in  Teams", "trabajar en grupo", "travailler en équipe"):
        proposal = with_skill(EscoSkill(label=label, uri=WORK_IN_TEAMS))
        assert issues_of(proposal, "esco.label-differs") == [], label
    policies = "http://data.europa.eu/esco/skill/07e47d58-dd0e-4302-9e68-70a188e89065"
    british = with_skill(EscoSkill(label="apply system organisational policies", uri=policies))
    assert issues_of(british, "esco.label-differs") == []


def test_an_exact_label_without_address_carries_the_fix_that_links_it() -> None:
    proposal = with_skill(EscoSkill(id="teams", label="work in teams"))
    issue = only_issue(proposal, "esco.exact-label")
    assert issue.severity == "advice"
    assert issue.path == "certified.learning_outcomes[lo-analyse].esco_skills[teams].uri"
    assert WORK_IN_TEAMS in issue.message
    assert issue.fix is not None
    assert issue.fix.description == "Link “work in teams” to ESCO"
    apply_edit(proposal, issue.fix.edit)
    linked = proposal.certified.learning_outcomes[0].esco_skills[-1]
    assert linked.uri == WORK_IN_TEAMS
    assert linked.reuse_level == "http://data.europa.eu/snb/skill-reuse-level/transversal"
    assert linked.skill_type == "http://data.europa.eu/snb/skill-type/skill"
    assert issues_of(proposal, "esco.exact-label") == []
    assert check(proposal).issues == []  # linked, it is complete again


def test_the_fix_is_in_the_json_report_and_other_issues_carry_none() -> None:
    result = check(with_skill(EscoSkill(id="teams", label="work in teams")))
    document = json.loads(format_json(result.issues, result.readiness))
    (fixed,) = [i for i in document["issues"] if i["fix"] is not None]
    assert fixed["rule"] == "esco.exact-label"
    base = "certified.learning_outcomes[lo-analyse].esco_skills[teams]"
    assert fixed["fix"]["changes"] == [
        {"path": f"{base}.uri", "value": WORK_IN_TEAMS},
        {"path": f"{base}.skill_type", "value": "http://data.europa.eu/snb/skill-type/skill"},
        {
            "path": f"{base}.reuse_level",
            "value": "http://data.europa.eu/snb/skill-reuse-level/transversal",
        },
    ]


def test_a_label_shared_by_several_skills_gets_no_fix() -> None:
    # "C++" and "C#" read alike once punctuation is set aside: the author must choose.
    proposal = with_skill(EscoSkill(label="C++"))
    assert issues_of(proposal, "esco.exact-label") == []


def test_outcomes_whose_skills_are_not_all_linked_get_suggestions() -> None:
    example = load_example()
    found = {i.path: i for i in issues_of(example, "esco.suggestions")}
    # Outcomes 1 and 5 link all their skills; the others have skills without an address.
    assert set(found) == {f"certified.learning_outcomes[lo{n}].esco_skills" for n in (2, 3, 4)}
    advice = found["certified.learning_outcomes[lo2].esco_skills"]
    assert advice.severity == "advice"
    assert advice.message.startswith("These ESCO skills match learning outcome 2: “")
    assert advice.message.count("“") == 5
    linked = {s.uri for s in example.certified.learning_outcomes[1].esco_skills if s.uri}
    assert not any(address in advice.message for address in linked)


def test_an_outcome_without_skills_gets_suggestions_and_a_linked_one_none() -> None:
    proposal = complete_proposal()
    outcome = proposal.certified.learning_outcomes[1]
    outcome.esco_skills = []
    outcome.text = "Apply quality standards to the design of a course"
    (advice,) = issues_of(proposal, "esco.suggestions")
    assert "“apply quality standards” (" in advice.message
    assert issues_of(complete_proposal(), "esco.suggestions") == []


def test_the_example_needs_no_fix_any_more() -> None:
    issues = run(load_example())
    assert [i for i in issues if i.rule == "esco.exact-label"] == []
    assert [i for i in issues if i.rule == "esco.unknown-address"] == []
    assert [i for i in issues if i.rule == "esco.label-differs"] == []
