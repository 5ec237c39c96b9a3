"""Internal quality assurance (IQAS) and ESG self-assessment rules."""

from __future__ import annotations

import pytest

from mcdesigner.model.proposal import Indicator
from test_checks_helpers import complete_proposal, issues_of, only_issue


def test_a_missing_responsible_body_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.quality.responsible_body = "  "

    issue = only_issue(proposal, "iqas.responsible-body")

    assert issue.severity == "error"
    assert issue.path == "quality.responsible_body"
    assert issue.section == "quality"
    assert "ESG 2015 standard 1.1: Policy for quality assurance" in issue.reference


def test_a_responsible_body_passes() -> None:
    assert issues_of(complete_proposal(), "iqas.responsible-body") == []


def test_no_indicators_is_reported_once() -> None:
    proposal = complete_proposal()
    proposal.quality.indicators = []

    issue = only_issue(proposal, "iqas.indicators")

    assert issue.path == "quality.indicators"
    assert "ESG 2015 standard 1.7" in issue.reference
    assert [i for i in issues_of(proposal, "required.missing") if i.path == issue.path] == []


@pytest.mark.parametrize("field", ["target", "data_source", "frequency"])
def test_an_indicator_missing_a_part_is_reported_on_that_part(field: str) -> None:
    proposal = complete_proposal()
    setattr(proposal.quality.indicators[0], field, None if field == "frequency" else "")

    issue = only_issue(proposal, "iqas.indicator-incomplete")

    assert issue.path == f"quality.indicators[ind-completion].{field}"
    assert "“Completion rate”" in issue.message
    assert "ESG 2015 standard 1.7: Information management" in issue.reference
    assert issue.severity in ("warning", "error")


def test_a_data_source_alone_missing_is_a_warning() -> None:
    proposal = complete_proposal()
    proposal.quality.indicators[0].data_source = ""

    assert only_issue(proposal, "iqas.indicator-incomplete").severity == "warning"


def test_an_unnamed_indicator_is_called_by_its_number() -> None:
    proposal = complete_proposal()
    proposal.quality.indicators.append(
        Indicator(id="ind-2", target="4/5", data_source="Survey", frequency="annual")
    )

    issue = only_issue(proposal, "iqas.indicator-incomplete")

    assert issue.path == "quality.indicators[ind-2].name"
    assert "number 2" in issue.message


def test_complete_indicators_pass() -> None:
    assert issues_of(complete_proposal(), "iqas.indicator-incomplete") == []


# ---------------------------------------------------------------------------
# ESG self-assessment
# ---------------------------------------------------------------------------
def test_an_unrated_standard_is_an_error_citing_that_standard() -> None:
    proposal = complete_proposal()
    proposal.self_assessment.entry("1.3").rating = None

    issue = only_issue(proposal, "esg.rating-missing")

    assert issue.severity == "error"
    assert issue.path == "self_assessment.entries[esg-1.3].rating"
    assert issue.section == "self_assessment"
    assert issue.reference == (
        "ESG 2015 standard 1.3: Student-centred learning, teaching and assessment"
    )


def test_a_rating_without_evidence_is_reported_citing_that_standard() -> None:
    proposal = complete_proposal()
    proposal.self_assessment.entry("1.10").evidence = ""

    issue = only_issue(proposal, "esg.evidence-missing")

    assert issue.path == "self_assessment.entries[esg-1.10].evidence"
    assert issue.reference == "ESG 2015 standard 1.10: Cyclical external quality assurance"


@pytest.mark.parametrize("rating", [1, 2])
def test_a_low_rating_without_actions_is_a_warning(rating: int) -> None:
    proposal = complete_proposal()
    proposal.self_assessment.entry("1.5").rating = rating  # type: ignore[assignment]

    issue = only_issue(proposal, "esg.low-rating-actions")

    assert issue.severity == "warning"
    assert issue.path == "self_assessment.entries[esg-1.5].actions"
    assert issue.reference == "ESG 2015 standard 1.5: Teaching staff"
    assert f"rated {rating}" in issue.message


def test_a_low_rating_with_actions_or_a_high_rating_passes() -> None:
    proposal = complete_proposal()
    proposal.self_assessment.entry("1.5").rating = 2
    proposal.self_assessment.entry("1.5").actions = "Train the tutors by June."
    proposal.self_assessment.entry("1.6").rating = 4

    assert issues_of(proposal, "esg.low-rating-actions") == []
