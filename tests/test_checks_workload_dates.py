"""Workload (ECTS and hours) and general-information consistency rules (dates, places, fee)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mcdesigner.checks import CheckSettings, run
from test_checks_helpers import complete_proposal, issues_of, only_issue


# ---------------------------------------------------------------------------
# workload.ects-positive
# ---------------------------------------------------------------------------
def test_zero_credits_are_an_error() -> None:
    proposal = complete_proposal()
    proposal.certified.ects_credits = 0

    issue = only_issue(proposal, "workload.ects-positive")

    assert issue.severity == "error"
    assert issue.path == "certified.ects_credits"
    assert issue.section == "certified"
    assert "ECTS Users' Guide 2015" in issue.reference
    assert "0 ECTS" in issue.message


def test_positive_credits_pass() -> None:
    proposal = complete_proposal()
    proposal.certified.ects_credits = 0.5
    proposal.certified.notional_hours = 13

    assert issues_of(proposal, "workload.ects-positive") == []


# ---------------------------------------------------------------------------
# workload.hours-per-credit
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("hours", [20, 31, 75])
def test_hours_outside_25_to_30_per_credit_are_a_warning(hours: float) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = hours

    issue = only_issue(proposal, "workload.hours-per-credit")

    assert issue.severity == "warning"
    assert issue.path == "certified.notional_hours"
    assert "ECTS Users' Guide 2015" in issue.reference
    assert "25-30 hours" in issue.message
    assert f"{hours} hours of work for 1 ECTS" in issue.message


def test_large_numbers_in_messages_are_grouped_as_in_documents() -> None:
    proposal = complete_proposal()
    proposal.certified.ects_credits = 6.0
    proposal.certified.notional_hours = 1200

    issue = only_issue(proposal, "workload.hours-per-credit")

    assert issue.message.startswith("1,200 hours of work for 6 ECTS credits is 200 hours")


@pytest.mark.parametrize("hours", [25, 27.5, 30])
def test_hours_within_the_range_pass(hours: float) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = hours
    proposal.academic.activities[1].hours = hours - 14

    assert issues_of(proposal, "workload.hours-per-credit") == []


def test_the_hours_per_credit_range_is_configurable() -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = 22
    proposal.academic.activities[1].hours = 8
    national = CheckSettings(hours_per_credit_min=20, hours_per_credit_max=25)

    assert issues_of(proposal, "workload.hours-per-credit", national) == []
    issue = only_issue(proposal, "workload.hours-per-credit")
    assert "25-30" in issue.message


def test_a_reversed_or_unusable_range_does_not_break_the_check() -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = 22
    proposal.academic.activities[1].hours = 8

    assert issues_of(proposal, "workload.hours-per-credit", CheckSettings(25, 20)) == []
    assert issues_of(proposal, "workload.hours-per-credit", CheckSettings(0, 0)) == []


# ---------------------------------------------------------------------------
# workload.activity-hours
# ---------------------------------------------------------------------------
def test_activity_hours_that_miss_the_notional_workload_are_a_warning() -> None:
    proposal = complete_proposal()
    proposal.academic.activities[1].hours = 5

    issue = only_issue(proposal, "workload.activity-hours")

    assert issue.severity == "warning"
    assert issue.path == "academic.activities"
    assert issue.section == "academic"
    assert "ECTS Users' Guide 2015" in issue.reference
    assert "19 hours" in issue.message and "25 hours" in issue.message


def test_activity_hours_without_notional_hours_are_compared_with_the_credits() -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = None
    proposal.academic.activities[1].hours = 40

    issue = only_issue(proposal, "workload.activity-hours")

    assert "54 hours" in issue.message and "25-30 hours" in issue.message


def test_activity_hours_that_add_up_pass_including_rounding() -> None:
    proposal = complete_proposal()
    proposal.academic.activities[1].hours = 11.4

    assert issues_of(proposal, "workload.activity-hours") == []


def test_the_zero_credits_message_states_the_hours_per_credit() -> None:
    proposal = complete_proposal()
    proposal.certified.ects_credits = 0

    default = only_issue(proposal, "workload.ects-positive")
    national = only_issue(proposal, "workload.ects-positive", CheckSettings(20, 24))
    unusable = only_issue(proposal, "workload.ects-positive", CheckSettings(0, 0))

    assert "one credit for every 25-30 hours of work" in default.message
    assert "one credit for every 20-24 hours of work" in national.message
    assert "one credit for every 25-30 hours of work" in unusable.message


def test_the_hours_per_credit_message_states_the_range_per_credit_and_in_total() -> None:
    proposal = complete_proposal()
    proposal.certified.ects_credits = 2
    proposal.certified.notional_hours = 40

    issue = only_issue(proposal, "workload.hours-per-credit", CheckSettings(21, 24))

    assert issue.message == (
        "40 hours of work for 2 ECTS credits is 20 hours per credit; one credit stands for"
        " 21-24 hours, so expect 42-48 hours. Correct the hours or the credits."
    )


@pytest.mark.parametrize("hours", [24.5, 30.5])
def test_notional_hours_half_an_hour_outside_the_range_are_rounding(hours: float) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = hours

    assert issues_of(proposal, "workload.hours-per-credit") == []


@pytest.mark.parametrize("hours", [24.4, 30.6])
def test_notional_hours_beyond_the_rounding_tolerance_are_a_warning(hours: float) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = hours

    issue = only_issue(proposal, "workload.hours-per-credit")

    assert f"{hours} hours of work for 1 ECTS" in issue.message


@pytest.mark.parametrize("project_hours", [10.5, 11.5])
def test_activity_hours_half_an_hour_off_the_workload_pass(project_hours: float) -> None:
    proposal = complete_proposal()
    proposal.academic.activities[1].hours = project_hours

    assert issues_of(proposal, "workload.activity-hours") == []


@pytest.mark.parametrize(("project_hours", "total"), [(10.4, "24.4"), (11.6, "25.6")])
def test_activity_hours_beyond_the_rounding_tolerance_are_a_warning(
    project_hours: float, total: str
) -> None:
    proposal = complete_proposal()
    proposal.academic.activities[1].hours = project_hours

    issue = only_issue(proposal, "workload.activity-hours")

    assert f"add up to {total} hours, but the notional workload is 25 hours" in issue.message


@pytest.mark.parametrize("project_hours", [10.5, 16.5])
def test_activity_hours_half_an_hour_outside_the_credit_range_pass(project_hours: float) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = None
    proposal.academic.activities[1].hours = project_hours

    assert issues_of(proposal, "workload.activity-hours") == []


@pytest.mark.parametrize(("project_hours", "total"), [(10.4, "24.4"), (16.6, "30.6")])
def test_activity_hours_beyond_the_credit_range_and_tolerance_are_a_warning(
    project_hours: float, total: str
) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = None
    proposal.academic.activities[1].hours = project_hours

    issue = only_issue(proposal, "workload.activity-hours")

    assert issue.message == (
        f"The learning activities add up to {total} hours, but 1 ECTS credits stand for"
        " 25-30 hours of work. Adjust the activity hours or the credits."
    )


@pytest.mark.parametrize("ects", [None, 0])
def test_activity_hours_with_no_workload_to_compare_with_raise_nothing(ects: float | None) -> None:
    proposal = complete_proposal()
    proposal.certified.notional_hours = None
    proposal.certified.ects_credits = ects

    issues = run(proposal)

    assert issues_of(proposal, "workload.activity-hours") == []
    assert not [i for i in issues if "could not be completed" in i.message]


# ---------------------------------------------------------------------------
# dates and places
# ---------------------------------------------------------------------------
def test_an_end_before_the_start_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.general.end_date = dt.date(2026, 5, 1)

    issue = only_issue(proposal, "dates.start-before-end")

    assert issue.severity == "error"
    assert issue.path == "general.end_date"
    assert issue.section == "general"
    assert "ESG 2015 standard 1.8" in issue.reference
    assert "1 May 2026" in issue.message and "10 May 2026" in issue.message


def test_a_one_day_course_passes() -> None:
    proposal = complete_proposal()
    proposal.general.end_date = proposal.general.start_date

    assert issues_of(proposal, "dates.start-before-end") == []


def test_a_deadline_after_the_start_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.general.application_deadline = dt.date(2026, 5, 11)

    issue = only_issue(proposal, "dates.deadline-before-start")

    assert issue.severity == "error"
    assert issue.path == "general.application_deadline"
    assert "ESG 2015 standard 1.4" in issue.reference


def test_a_deadline_on_the_start_day_passes() -> None:
    proposal = complete_proposal()
    proposal.general.application_deadline = proposal.general.start_date

    assert issues_of(proposal, "dates.deadline-before-start") == []


def test_zero_places_are_an_error() -> None:
    proposal = complete_proposal()
    proposal.general.places = 0
    proposal.financial.revenues[0].units = 0

    issue = only_issue(proposal, "places.positive")

    assert issue.severity == "error"
    assert issue.path == "general.places"
    assert "ESG 2015 standard 1.4" in issue.reference


def test_a_zero_quota_per_institution_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.general.max_places_per_institution = 0

    issue = only_issue(proposal, "places.positive")

    assert issue.path == "general.max_places_per_institution"


def test_one_place_passes() -> None:
    proposal = complete_proposal()
    proposal.general.places = 1
    proposal.general.max_places_per_institution = 1

    assert issues_of(proposal, "places.positive") == []


def test_a_quota_above_the_places_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.general.max_places_per_institution = 60

    issue = only_issue(proposal, "places.per-institution")

    assert issue.severity == "error"
    assert issue.path == "general.max_places_per_institution"
    assert "ESG 2015 standard 1.4" in issue.reference
    assert "(60)" in issue.message and "(50)" in issue.message


def test_a_quota_equal_to_the_places_passes() -> None:
    proposal = complete_proposal()
    proposal.general.max_places_per_institution = 50

    assert issues_of(proposal, "places.per-institution") == []


def test_a_negative_fee_that_bypassed_validation_is_an_error() -> None:
    proposal = complete_proposal()
    general = proposal.general.model_copy(update={"fee": Decimal("-5.00")})
    broken = proposal.model_copy(update={"general": general})

    issue = only_issue(broken, "fee.not-negative")

    assert issue.severity == "error"
    assert issue.path == "general.fee"
    assert "-5.00 EUR" in issue.message
    assert "ESG 2015 standard 1.8" in issue.reference


def test_a_free_course_passes() -> None:
    proposal = complete_proposal()
    proposal.general.fee = Decimal("0.00")
    proposal.financial.revenues[0].category = "public_funding"

    assert issues_of(proposal, "fee.not-negative") == []
