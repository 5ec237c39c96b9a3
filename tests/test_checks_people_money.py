"""Staff, budget and rights rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from mcdesigner.model.proposal import ExpenditureLine, RevenueLine, Right, StaffMember
from test_checks_helpers import complete_proposal, issues_of, only_issue


# ---------------------------------------------------------------------------
# staff
# ---------------------------------------------------------------------------
def test_no_coordinator_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.staff[0].role = "teacher"

    issue = only_issue(proposal, "staff.coordinator")

    assert issue.severity == "error"
    assert issue.path == "staff"
    assert issue.section == "staff"
    assert "ESG 2015 standard 1.5: Teaching staff" in issue.reference
    assert "coordinator" in issue.message


def test_an_empty_staff_list_is_reported_once() -> None:
    proposal = complete_proposal()
    proposal.staff = []

    issues = [i for i in issues_of(proposal, "staff.coordinator")]
    on_staff = [i for i in issues_of(proposal, "required.missing") if i.path == "staff"]

    assert len(issues) == 1 and on_staff == []
    assert "No staff are listed" in issues[0].message
    assert issues_of(proposal, "staff.teaching-hours") == []


def test_a_coordinator_passes() -> None:
    assert issues_of(complete_proposal(), "staff.coordinator") == []


def test_staff_hours_below_the_taught_hours_are_a_warning() -> None:
    proposal = complete_proposal()
    proposal.staff[1].hours = 4
    proposal.staff.append(
        StaffMember(id="staff-admin", name="Cleo", email="c@example.org", role="support", hours=50)
    )

    issue = only_issue(proposal, "staff.teaching-hours")

    assert issue.severity == "warning"
    assert issue.path == "staff"
    assert "10 hours" in issue.message and "14 hours" in issue.message
    assert "ESG 2015 standard 1.5" in issue.reference


def test_tutors_count_as_teaching_staff() -> None:
    proposal = complete_proposal()
    proposal.staff[1].role = "tutor"

    assert issues_of(proposal, "staff.teaching-hours") == []


def test_a_member_without_name_is_an_error_on_that_member() -> None:
    proposal = complete_proposal()
    proposal.staff[1].name = ""

    issue = only_issue(proposal, "staff.name")

    assert issue.severity == "error"
    assert issue.path == "staff[staff-teacher].name"
    assert "Staff member 2" in issue.message
    assert "ESG 2015 standard 1.5" in issue.reference
    assert [i for i in issues_of(proposal, "required.missing") if i.path == issue.path] == []


def test_a_member_without_email_is_a_warning_naming_them() -> None:
    proposal = complete_proposal()
    proposal.staff[1].email = ""

    issue = only_issue(proposal, "staff.email")

    assert issue.severity == "warning"
    assert issue.path == "staff[staff-teacher].email"
    assert "Ben Jones" in issue.message


def test_named_members_with_email_pass() -> None:
    proposal = complete_proposal()

    assert issues_of(proposal, "staff.name") == [] and issues_of(proposal, "staff.email") == []


# ---------------------------------------------------------------------------
# budget lines
# ---------------------------------------------------------------------------
def test_a_line_without_category_is_reported_on_its_category() -> None:
    proposal = complete_proposal()
    proposal.financial.expenditures.append(
        ExpenditureLine(id="exp-misc", description="Misc", units=1, unit_cost=Decimal("10.00"))
    )

    issue = only_issue(proposal, "budget.line-category")

    assert issue.path == "financial.expenditures[exp-misc].category"
    assert "expenditure line 2 (“Misc”)" in issue.message
    assert "ESG 2015 standard 1.6" in issue.reference
    # The form marks the category required, so the merged issue is an error.
    assert issue.severity == "error"


@pytest.mark.parametrize("missing", ["units", "unit_cost"])
def test_a_line_without_amount_is_an_error_on_the_missing_part(missing: str) -> None:
    proposal = complete_proposal()
    setattr(proposal.financial.revenues[0], missing, None)
    proposal.general.fee = None

    issue = only_issue(proposal, "budget.line-amount")

    assert issue.severity == "error"
    assert issue.path == f"financial.revenues[rev-fees].{missing}"
    assert "revenue line 1 (“Fees”)" in issue.message


def test_complete_lines_pass() -> None:
    proposal = complete_proposal()

    assert issues_of(proposal, "budget.line-category") == []
    assert issues_of(proposal, "budget.line-amount") == []


# ---------------------------------------------------------------------------
# budget.deficit
# ---------------------------------------------------------------------------
def test_a_deficit_without_explanation_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.financial.expenditures[0].units = 30

    issue = only_issue(proposal, "budget.deficit")

    assert issue.severity == "error"
    assert issue.path == "financial.deficit_funding"
    assert issue.section == "financial"
    assert "6,000.00 EUR" in issue.message and "5,000.00 EUR" in issue.message
    assert "1,000.00 EUR" in issue.message
    assert "ESG 2015 standard 1.6" in issue.reference


def test_an_explained_deficit_is_advice() -> None:
    proposal = complete_proposal()
    proposal.financial.expenditures[0].units = 30
    proposal.financial.deficit_funding = "The faculty covers the difference."

    issue = only_issue(proposal, "budget.deficit")

    assert issue.severity == "advice"


def test_a_balanced_budget_passes() -> None:
    proposal = complete_proposal()
    proposal.financial.expenditures[0].units = 25  # 5,000.00 exactly

    assert issues_of(proposal, "budget.deficit") == []


# ---------------------------------------------------------------------------
# budget.tuition-fees
# ---------------------------------------------------------------------------
def test_tuition_revenue_far_from_fee_times_places_is_a_warning() -> None:
    proposal = complete_proposal()
    proposal.financial.revenues[0].units = 40

    issue = only_issue(proposal, "budget.tuition-fees")

    assert issue.severity == "warning"
    assert issue.path == "financial.revenues"
    assert "4,000.00 EUR" in issue.message and "5,000.00 EUR" in issue.message
    assert "ESG 2015 standard 1.6" in issue.reference


def test_a_fee_with_no_tuition_line_is_a_warning() -> None:
    proposal = complete_proposal()
    proposal.financial.revenues[0].category = "public_funding"

    issue = only_issue(proposal, "budget.tuition-fees")

    assert "0.00 EUR" in issue.message


def test_tuition_within_one_percent_passes() -> None:
    proposal = complete_proposal()
    proposal.financial.revenues[0].unit_cost = Decimal("99.10")
    proposal.financial.revenues.append(
        RevenueLine(
            id="rev-late",
            description="Late fees",
            category="tuition_fees",
            units=1,
            unit_cost=Decimal("0.00"),
        )
    )

    assert issues_of(proposal, "budget.tuition-fees") == []


def test_tuition_just_beyond_one_percent_is_reported() -> None:
    proposal = complete_proposal()
    proposal.financial.revenues[0].unit_cost = Decimal("98.90")

    assert len(issues_of(proposal, "budget.tuition-fees")) == 1


# ---------------------------------------------------------------------------
# rights
# ---------------------------------------------------------------------------
def test_a_right_without_type_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.rights[0].entitlement_type = None

    issue = only_issue(proposal, "rights.type")

    assert issue.severity == "error"
    assert issue.path == "rights[right-1].entitlement_type"
    assert issue.section == "rights"
    assert issue.group == "credential"
    assert "Admission to the follow-up course" in issue.message
    assert "learning opportunity, membership, occupation" in issue.message
    assert "European Learning Model" in issue.reference


def test_a_right_without_status_is_an_error() -> None:
    proposal = complete_proposal()
    proposal.rights[0].status = None

    issue = only_issue(proposal, "rights.status")

    assert issue.severity == "error"
    assert issue.path == "rights[right-1].status"
    assert "actual, prospective" in issue.message


def test_an_undeclared_blank_right_is_not_asked_for_type_or_status() -> None:
    proposal = complete_proposal()
    proposal.rights.append(Right(id="right-blank"))

    assert issues_of(proposal, "rights.type") == []
    assert issues_of(proposal, "rights.status") == []
