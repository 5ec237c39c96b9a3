"""The engine around the rules: registry, merging, order, robustness, readiness and reports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from mcdesigner.checks import (
    RULE_FAILED,
    RULES,
    Issue,
    Readiness,
    check,
    engine,
    exit_status,
    filter_issues,
    format_json,
    format_rules,
    format_text,
    parse_severity,
    readiness,
    rule_by_id,
    run,
)
from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.engine import merge_missing, order
from mcdesigner.checks.forms import plan_for
from mcdesigner.checks.issues import section_of
from mcdesigner.checks.rule import Finding, rule
from mcdesigner.formdefs import default_forms
from mcdesigner.i18n import install_translator
from mcdesigner.model.fieldpath import exists
from mcdesigner.model.proposal import Proposal
from strategies import proposals
from test_checks_helpers import PLACEHOLDER, complete_proposal

SEVERITY_ORDER = {"error": 0, "warning": 1, "advice": 2}
#: The sections of the bundled forms, in their order.
SECTIONS = default_forms().section_ids


def broken_proposal() -> Proposal:
    """The complete proposal with problems in several sections and of every severity."""
    proposal = complete_proposal()
    proposal.general.title = ""
    proposal.certified.learning_outcomes[0].text = "Know the rules and apply them."
    proposal.certified.learning_outcomes[1].text = "Design and document a course."
    proposal.staff[1].email = ""
    proposal.financial.expenditures[0].units = 40
    proposal.self_assessment.entry("1.2").rating = 1
    return proposal


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------
def test_every_rule_is_documented_and_uniquely_named() -> None:
    ids = [r.id for r in RULES]

    assert len(ids) == len(set(ids))
    for registered in RULES:
        assert registered.title and registered.reference
        assert registered.section in (*SECTIONS, "any")
        assert registered.severity in SEVERITY_ORDER
        assert rule_by_id(registered.id) is registered
    listing = format_rules()
    assert all(rule_id in listing for rule_id in ids)


def test_the_catalogue_names_the_standards_behind_the_rules() -> None:
    references = " ".join(r.reference for r in RULES)

    for standard in ("Annex I", "ESG 2015 standard 1.", "ECTS Users' Guide 2015"):
        assert standard in references


# ---------------------------------------------------------------------------
# Merging and order
# ---------------------------------------------------------------------------
def issue(rule_id: str, path: str, severity: str = "error") -> Issue:
    return Issue(severity, section_of(path), path, rule_id, "m", "ref")  # type: ignore[arg-type]


def test_merging_keeps_annex_i_then_the_specific_rule_with_the_strongest_severity() -> None:
    merged = merge_missing(
        [
            issue("required.missing", "general.title"),
            issue("annex.missing", "general.title"),
            issue("staff.email", "staff[a].email", "warning"),
            issue("required.missing", "staff[a].email"),
            issue("outcome.vague-verb", "staff[a].email", "warning"),
        ]
    )

    assert [(i.rule, i.path, i.severity) for i in merged] == [
        ("annex.missing", "general.title", "error"),
        ("staff.email", "staff[a].email", "error"),
        ("outcome.vague-verb", "staff[a].email", "warning"),
    ]


def test_issues_come_by_section_then_severity() -> None:
    issues = run(broken_proposal())
    keys = [(SECTIONS.index(i.section), SEVERITY_ORDER[i.severity]) for i in issues]

    assert keys == sorted(keys)
    assert {i.section for i in issues} >= {"general", "certified", "staff", "financial"}


def test_order_is_stable_within_a_section_and_severity() -> None:
    first = issue("a", "staff[x].name")
    second = issue("b", "staff[y].name")

    assert order([second, first], default_forms()) == [second, first]


def test_run_is_deterministic() -> None:
    proposal = broken_proposal()

    assert run(proposal) == run(proposal.model_copy(deep=True))


def test_every_issue_names_a_path_that_exists_in_the_proposal() -> None:
    proposal = broken_proposal()

    for found in run(proposal):
        assert exists(proposal, found.path), found


# ---------------------------------------------------------------------------
# Robustness
# ---------------------------------------------------------------------------
def test_a_failing_rule_is_reported_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    @rule("test.explodes", title="Explodes", section="staff", severity="error", reference="R")
    def explodes(context: CheckContext) -> Iterator[Finding]:
        yield from ()
        raise ZeroDivisionError

    monkeypatch.setattr(engine, "RULES", (explodes, *RULES))
    proposal = broken_proposal()

    issues = run(proposal)

    failed = [i for i in issues if i.rule == RULE_FAILED]
    assert len(failed) == 1
    assert failed[0].severity == "advice"
    assert failed[0].path == "staff"
    assert "“Explodes”" in failed[0].message and "ZeroDivisionError" in failed[0].message
    assert any(i.rule == "budget.deficit" for i in issues)


def _typed_texts(node: object) -> set[str]:
    """Every non-empty text held anywhere in ``node`` (a proposal, a part of it, a list)."""
    if isinstance(node, str):
        return {node} if node else set()
    if isinstance(node, list):
        return {text for element in node for text in _typed_texts(element)}
    if isinstance(node, BaseModel):
        return {
            text for name in type(node).model_fields for text in _typed_texts(getattr(node, name))
        }
    return set()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_run_never_raises_and_every_message_is_complete(proposal: Proposal) -> None:
    result = check(proposal)

    for found in result.issues:
        assert found.rule != RULE_FAILED, found.message
        assert found.section in SECTIONS
        assert exists(proposal, found.path), found.path
        # What the user typed may hold braces ("{A}" as a name); only the message's own
        # text must have its placeholders filled.
        own_text = found.message
        for typed in sorted(_typed_texts(proposal), key=len, reverse=True):
            own_text = own_text.replace(typed, "")
        assert found.message and not PLACEHOLDER.search(own_text), found.message
        assert found.reference
    assert 0.0 <= result.readiness.overall_percent <= 100.0
    assert result.readiness.ready == (result.readiness.counts["error"] == 0)


def test_an_empty_proposal_is_checked_without_errors_in_the_engine() -> None:
    result = check(Proposal())

    assert not result.readiness.ready
    assert result.readiness.overall_percent < 10
    assert all(i.rule != RULE_FAILED for i in result.issues)


def test_messages_are_translated_before_values_are_filled_in() -> None:
    install_translator(lambda context, text: "»" + text)
    try:
        proposal = complete_proposal()
        proposal.general.places = 0
        proposal.financial.revenues[0].units = 0
        found = [i for i in run(proposal) if i.rule == "places.positive"]
    finally:
        install_translator(lambda context, text: text)

    assert found[0].message.startswith("»The number of places is 0")


# ---------------------------------------------------------------------------
# Readiness
# ---------------------------------------------------------------------------
def test_readiness_counts_the_issues_it_is_given() -> None:
    proposal = broken_proposal()
    issues = run(proposal)

    result = readiness(proposal, issues)

    assert result.counts == {
        s: sum(1 for i in issues if i.severity == s) for s in ("error", "warning", "advice")
    }
    assert not result.ready
    assert readiness(proposal) == result
    assert readiness(proposal, []).ready


def test_credential_readiness_looks_only_at_data_for_the_credential() -> None:
    staff_only = complete_proposal()
    staff_only.staff[0].role = "teacher"
    outcome_missing = complete_proposal()
    outcome_missing.certified.eqf_level = None

    staff_result = check(staff_only).readiness
    outcome_result = check(outcome_missing)

    assert not staff_result.ready and staff_result.credential_ready
    assert not outcome_result.readiness.credential_ready
    text = format_text(outcome_result.issues, outcome_result.readiness)
    assert "Data for the digital credential: 1 error to fix first." in text


def test_readiness_without_errors_is_ready_even_with_warnings() -> None:
    proposal = complete_proposal()
    proposal.staff[1].email = ""

    result = check(proposal).readiness

    assert result.ready
    assert result.counts["warning"] == 1


def test_check_shares_one_pass_for_issues_and_readiness() -> None:
    proposal = broken_proposal()

    result = check(proposal)

    assert result.issues == run(proposal)
    assert result.readiness == readiness(proposal)
    assert result.readiness.section_percent["general"] < 100.0


# ---------------------------------------------------------------------------
# Reports and command-line helpers
# ---------------------------------------------------------------------------
def test_the_text_report_lists_sections_paths_rules_and_references() -> None:
    proposal = broken_proposal()
    result = check(proposal)

    text = format_text(result.issues, result.readiness, proposal)

    assert text.startswith("Not ready to submit:")
    assert "Completion by section:" in text
    assert "Certified academic data" in text
    # The field as the form names it first, then its path for scripts.
    assert "[error] Title (general.title)" in text
    outcome = proposal.certified.learning_outcomes[0]
    assert (
        f"[warning] Learning outcome 1 › Outcome (certified.learning_outcomes[{outcome.id}].text)"
        in text
    )
    teacher = proposal.staff[1]
    assert f"[warning] Staff member 2 › E-mail (staff[{teacher.id}].email)" in text
    assert "Rule annex.missing; EU Council Recommendation 2022, Annex I" in text
    assert not PLACEHOLDER.search(text)


def test_the_text_report_without_the_proposal_still_names_fields() -> None:
    proposal = broken_proposal()
    result = check(proposal)

    text = format_text(result.issues, result.readiness)

    outcome = proposal.certified.learning_outcomes[0]
    assert f"Learning outcome › Outcome (certified.learning_outcomes[{outcome.id}].text)" in text


def test_the_text_report_of_a_clean_proposal_says_so() -> None:
    result = check(complete_proposal())

    text = format_text(result.issues, result.readiness)

    assert text.startswith("Ready to submit: 0 errors, 0 warnings, 0 pieces of advice.")
    assert "No issues found." in text
    assert "100%" in text


def test_the_json_report_round_trips() -> None:
    result = check(broken_proposal())

    document = json.loads(format_json(result.issues, result.readiness))

    assert document["ready"] is False
    assert list(document["section_percent"]) == list(SECTIONS)
    assert document["counts"] == result.readiness.counts
    assert document["issues"] == [asdict(i) for i in result.issues]
    assert Readiness(**{k: document[k] for k in asdict(result.readiness)}) == result.readiness


def test_severity_helpers_for_the_command_line() -> None:
    issues = run(broken_proposal())

    assert parse_severity(" Warning ") == "warning"
    with pytest.raises(ValueError, match="use error, warning or advice"):
        parse_severity("fatal")
    errors = filter_issues(issues, "error")
    assert errors and all(i.severity == "error" for i in errors)
    assert len(filter_issues(issues, "warning")) > len(errors)
    assert all(i.section == "staff" for i in filter_issues(issues, sections=["staff"]))
    assert exit_status(issues) == 1
    assert exit_status(filter_issues(issues, sections=["staff"]), fail_on="error") == 0
    assert exit_status(filter_issues(issues, sections=["staff"]), fail_on="warning") == 1
    assert exit_status([]) == 0


def test_the_plan_without_forms_holds_only_annex_i() -> None:
    plan = plan_for(None)

    assert plan.fields and all(f.annex is not None for f in plan.fields)
