"""Credential readiness in the checks: the rule and the export report the same gaps."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from mcdesigner.checks import RULES, CheckSettings, check, format_rules, rule_by_id, run
from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.credential_readiness import credential_gaps
from mcdesigner.credential import missing_for_credential
from mcdesigner.i18n import install_translator
from mcdesigner.model.proposal import Proposal, Right
from strategies import proposals
from test_checks_helpers import complete_proposal
from test_credential_support import complete_proposal as complete_credential_proposal

RULE = "credential.missing"


def rule_findings(proposal: Proposal) -> list[tuple[str, str, str, str]]:
    issues = rule_by_id(RULE).evaluate(CheckContext(proposal, CheckSettings()))
    return [(i.path, i.severity, i.message, i.reference) for i in issues]


def test_the_rule_is_registered_and_documented() -> None:
    assert RULE in [r.id for r in RULES]
    assert RULE in format_rules()
    assert rule_by_id(RULE).reference.startswith("European Learning Model v3")


def test_complete_proposals_have_nothing_missing_for_the_credential() -> None:
    for proposal in (complete_proposal(), complete_credential_proposal()):
        assert credential_gaps(proposal) == []
        assert [i for i in run(proposal) if i.rule == RULE] == []


def test_a_field_only_the_credential_needs_is_a_credential_issue() -> None:
    proposal = complete_proposal()
    proposal.general.fields_of_education = []

    (issue,) = [i for i in run(proposal) if i.path == "general.fields_of_education"]

    assert issue.rule == RULE
    assert issue.group == "credential"
    assert issue.severity == "warning"
    assert issue.section == "general"
    assert issue.reference == "European Learning Model v3: Qualification.thematicArea"
    assert "ISCED-F" in issue.message


def test_an_awarding_body_without_country_blocks_the_credential() -> None:
    proposal = complete_proposal()
    proposal.general.awarding_institutions[0].country = None
    proposal.general.issuer_countries = []

    result = check(proposal)
    path = "general.awarding_institutions[org-1].country"
    found = [i for i in result.issues if i.path == path]

    assert [(i.severity, i.group) for i in found] == [("error", "credential")]
    assert not result.readiness.credential_ready
    ((gap_path, severity, message, _reference),) = rule_findings(proposal)
    assert (gap_path, severity) == (path, "error")
    assert "University" in message


def test_a_gap_another_rule_reports_is_listed_once_under_that_rule() -> None:
    proposal = complete_proposal()
    proposal.quality.responsible_body = ""
    proposal.general.description = ""
    proposal.rights[0].status = None

    issues = run(proposal)

    for path, rule in [
        ("quality.responsible_body", "iqas.responsible-body"),
        ("general.description", "required.missing"),
        ("rights[right-1].status", "rights.status"),
    ]:
        assert [i.rule for i in issues if i.path == path] == [rule]
    assert {g.path for g in missing_for_credential(proposal)} == {
        "quality.responsible_body",
        "general.description",
        "rights[right-1].status",
    }


def test_empty_rows_are_not_gaps_but_half_filled_rows_are() -> None:
    proposal = complete_proposal()
    proposal.rights.append(Right(id="right-empty"))
    proposal.rights.append(Right(id="right-half", description="Membership of the alumni network."))

    paths = [g.path for g in credential_gaps(proposal)]

    assert not [p for p in paths if "right-empty" in p]
    assert paths == [
        "rights[right-half].title",
        "rights[right-half].entitlement_type",
        "rights[right-half].status",
    ]


def test_messages_are_translated_before_values_are_filled_in() -> None:
    proposal = complete_proposal()
    proposal.rights[0].entitlement_type = None
    install_translator(lambda context, text: "»" + text)
    try:
        (gap,) = credential_gaps(proposal)
    finally:
        install_translator(lambda context, text: text)
    assert gap.message.startswith("»Choose the type of right “Admission")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_the_rule_and_the_export_report_the_same_gaps(proposal: Proposal) -> None:
    gaps = missing_for_credential(proposal)
    assert rule_findings(proposal) == [(g.path, g.severity, g.message, g.reference) for g in gaps]
    reported = {i.path for i in run(proposal)}
    assert {g.path for g in gaps} <= reported
