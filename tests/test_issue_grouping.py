"""Arranging check results for display: sections, form order, field names and badges."""

from __future__ import annotations

from mcdesigner.checks import Issue, Readiness
from mcdesigner.examples import load_example
from mcdesigner.formdefs import default_forms, path_label
from mcdesigner.model.proposal import LearningOutcome, Proposal
from mcdesigner.ui.checks.grouping import (
    COMPLETE_BADGE,
    ERRORS_BADGE,
    badge_for,
    badge_tooltip,
    count_by_severity,
    group_issues,
    issues_by_path,
    sort_issues,
)


def _issue(path: str, severity: str = "error", section: str | None = None) -> Issue:
    return Issue(
        severity=severity,  # type: ignore[arg-type]
        section=section or path.split(".")[0].split("[")[0],
        path=path,
        rule="test.rule",
        message=f"about {path}",
        reference="A standard",
    )


def _readiness(**percent: float) -> Readiness:
    return Readiness(
        section_percent=percent,
        overall_percent=50.0,
        ready=False,
        counts={"error": 0, "warning": 0, "advice": 0},
    )


def _with_outcomes(count: int) -> Proposal:
    proposal = Proposal()
    proposal.certified.learning_outcomes = [
        LearningOutcome(id=f"lo{n}", text=f"Outcome {n}") for n in range(1, count + 1)
    ]
    return proposal


def test_sections_follow_the_form_order_and_carry_their_titles() -> None:
    issues = [
        _issue("self_assessment.entries[esg-1.2].rating"),
        _issue("general.title", "warning"),
        _issue("financial.expenditures"),
        _issue("general.description", "advice"),
    ]
    groups = group_issues(issues)
    titles = {s.id: s.title for s in default_forms().sections}
    assert [g.section_id for g in groups] == ["general", "financial", "self_assessment"]
    assert [g.title for g in groups] == [
        titles["general"],
        titles["financial"],
        titles["self_assessment"],
    ]
    assert groups[0].counts == {"error": 0, "warning": 1, "advice": 1}


def test_within_a_section_issues_follow_fields_then_items_in_list_order() -> None:
    proposal = _with_outcomes(3)
    issues = [
        _issue("certified.eqf_level"),
        _issue("certified.learning_outcomes[lo3].text", "warning"),
        _issue("certified.learning_outcomes[lo1].text", "advice"),
        _issue("certified.learning_outcomes[lo1].text", "error"),
        _issue("certified.learning_outcomes"),
    ]
    ordered = [(i.path, i.severity) for i in sort_issues(issues, proposal=proposal)]
    assert ordered == [
        ("certified.learning_outcomes", "error"),
        ("certified.learning_outcomes[lo1].text", "error"),
        ("certified.learning_outcomes[lo1].text", "advice"),
        ("certified.learning_outcomes[lo3].text", "warning"),
        ("certified.eqf_level", "error"),
    ]


def test_item_order_comes_from_the_proposal_not_from_the_ids() -> None:
    proposal = _with_outcomes(3)
    proposal.certified.learning_outcomes.reverse()  # lo3, lo2, lo1
    issues = [
        _issue("certified.learning_outcomes[lo1].text"),
        _issue("certified.learning_outcomes[lo3].text"),
    ]
    ordered = [i.path for i in sort_issues(issues, proposal=proposal)]
    assert ordered == [
        "certified.learning_outcomes[lo3].text",
        "certified.learning_outcomes[lo1].text",
    ]
    assert path_label(default_forms(), ordered[0], proposal).startswith("Learning outcome 1")


def test_list_items_are_named_by_label_and_number() -> None:
    proposal = load_example()
    skill = proposal.certified.learning_outcomes[2].esco_skills[1]
    outcome = proposal.certified.learning_outcomes[2]
    path = f"certified.learning_outcomes[{outcome.id}].esco_skills[{skill.id}].uri"
    forms = default_forms()
    uri_field = forms.field("certified.learning_outcomes[].esco_skills[].uri")
    assert uri_field is not None
    uri_label = uri_field.label
    groups = group_issues(
        [_issue(path), _issue(f"certified.learning_outcomes[{outcome.id}]")], forms, proposal
    )
    assert [e.label for g in groups for e in g.entries] == [
        "Learning outcome 3",
        f"Learning outcome 3 › ESCO skill 2 › {uri_label}",
    ]


def test_the_panel_names_fields_like_every_other_view() -> None:
    forms = default_forms()
    proposal = Proposal()
    paths = ["general.title", "staff", "self_assessment.entries[esg-1.4].rating"]
    groups = group_issues([_issue(p) for p in paths], forms, proposal)
    labels = {e.issue.path: e.label for g in groups for e in g.entries}
    assert labels == {p: path_label(forms, p, proposal) for p in paths}
    title = forms.field("general.title")
    assert title is not None and labels["general.title"] == title.label
    assert labels["self_assessment.entries[esg-1.4].rating"].startswith("ESG 1.4 ")


def test_filtering_keeps_counts_of_everything_and_drops_empty_sections() -> None:
    issues = [
        _issue("general.title", "error"),
        _issue("general.description", "warning"),
        _issue("quality.responsible_body", "error"),
    ]
    groups = group_issues(issues, severities={"warning"})
    assert [g.section_id for g in groups] == ["general"]
    assert [e.issue.path for e in groups[0].entries] == ["general.description"]
    assert groups[0].counts == {"error": 1, "warning": 1, "advice": 0}


def test_issues_by_path_lists_the_most_serious_first() -> None:
    issues = [
        _issue("general.title", "advice"),
        _issue("general.title", "error"),
        _issue("general.description", "warning"),
    ]
    found = issues_by_path(issues)
    assert set(found) == {"general.title", "general.description"}
    assert [i.severity for i in found["general.title"]] == ["error", "advice"]


def test_badges_show_completion_rounded_down_or_a_tick() -> None:
    readiness = _readiness(general=99.9, certified=100.0, staff=100.0, rights=0.0)
    issues = [_issue("staff", "error"), _issue("certified.eqf_level", "warning")]
    assert badge_for("general", readiness, issues) == "99%"
    assert badge_for("certified", readiness, issues) == COMPLETE_BADGE
    assert badge_for("staff", readiness, issues) == ERRORS_BADGE
    assert badge_for("rights", readiness, issues) == "0%"
    tooltip = badge_tooltip("staff", readiness, issues)
    assert "100% of the required fields" in tooltip and "1 error," in tooltip


def test_counts_cover_every_severity() -> None:
    assert count_by_severity([]) == {"error": 0, "warning": 0, "advice": 0}
    assert count_by_severity([_issue("general.title", "advice")])["advice"] == 1


def test_the_example_groups_every_issue_exactly_once() -> None:
    from mcdesigner import checks

    proposal = load_example()
    issues = checks.run(proposal)
    groups = group_issues(issues, proposal=proposal)
    listed = [e.issue for g in groups for e in g.entries]
    assert sorted(listed, key=repr) == sorted(issues, key=repr)
    assert all(e.label for g in groups for e in g.entries)
    order = [s.id for s in default_forms().sections]
    positions = [order.index(g.section_id) for g in groups]
    assert positions == sorted(positions)
