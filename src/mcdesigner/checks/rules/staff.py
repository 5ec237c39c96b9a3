"""Teaching and support staff: a coordinator, enough teaching hours, names and contacts."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import esg
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import StaffMember

TEACHING_STAFF = esg("1.5")
#: Roles whose hours count as teaching.
TEACHING_ROLES = frozenset({"coordinator", "teacher", "tutor"})


def _who(member: StaffMember, number: int) -> str:
    return member.name or tr("staff member {number}").format(number=number)


@rule(
    "staff.coordinator",
    title="A coordinator is named",
    section="staff",
    severity="error",
    reference=TEACHING_STAFF,
    reports_missing=True,
)
def coordinator(context: CheckContext) -> Iterator[Finding]:
    """At least one staff member has the coordinator role."""
    staff = context.proposal.staff
    if any(member.role == "coordinator" for member in staff):
        return
    if not staff:
        message = tr(
            "No staff are listed. Add the teaching and support staff, including the person"
            " who coordinates the micro-credential."
        )
    else:
        message = tr(
            "No staff member has the role “coordinator”. Give the role to the person who"
            " coordinates the micro-credential."
        )
    yield Finding("error", "staff", message)


@rule(
    "staff.teaching-hours",
    title="Staff hours cover the teaching hours",
    section="staff",
    severity="warning",
    reference=TEACHING_STAFF,
)
def teaching_hours(context: CheckContext) -> Iterator[Finding]:
    """Coordinators, teachers and tutors together have at least the taught hours."""
    needed = context.proposal.academic.teaching_hours
    if needed <= 0 or not context.proposal.staff:  # no staff at all: staff.coordinator says so
        return
    covered = sum(
        member.hours or 0.0 for member in context.proposal.staff if member.role in TEACHING_ROLES
    )
    if covered + 0.01 < needed:
        yield Finding(
            "warning",
            "staff",
            tr(
                "Coordinators, teachers and tutors have {covered} hours between them, but the"
                " taught learning activities need {needed} hours. Add staff or hours so every"
                " taught hour is covered."
            ).format(covered=formatter().number(covered), needed=formatter().number(needed)),
        )


@rule(
    "staff.name",
    title="Each staff member is named",
    section="staff",
    severity="error",
    reference=TEACHING_STAFF,
    reports_missing=True,
)
def name(context: CheckContext) -> Iterator[Finding]:
    """Every staff entry has a name."""
    for number, member in enumerate(context.proposal.staff, 1):
        if not member.name.strip():
            yield Finding(
                "error",
                f"staff[{member.id}].name",
                tr("Staff member {number} has no name. Enter the person's name.").format(
                    number=number
                ),
            )


@rule(
    "staff.email",
    title="Each staff member has an e-mail address",
    section="staff",
    severity="warning",
    reference=TEACHING_STAFF,
    reports_missing=True,
)
def email(context: CheckContext) -> Iterator[Finding]:
    """Every staff entry has a contact e-mail address."""
    for number, member in enumerate(context.proposal.staff, 1):
        if not member.email.strip():
            yield Finding(
                "warning",
                f"staff[{member.id}].email",
                tr(
                    "Add an e-mail address for {who} so learners and reviewers can reach them."
                ).format(who=_who(member, number)),
            )


RULES: tuple[Rule, ...] = (coordinator, teaching_hours, name, email)
