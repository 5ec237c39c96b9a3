"""General information that must be consistent: dates, duration, places and the fee."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import esg
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr

PUBLIC_INFORMATION = esg("1.8")
ADMISSION = esg("1.4")


@rule(
    "dates.start-before-end",
    title="The course starts before it ends",
    section="general",
    severity="error",
    reference=PUBLIC_INFORMATION,
)
def start_before_end(context: CheckContext) -> Iterator[Finding]:
    """The end date is not earlier than the start date."""
    general = context.proposal.general
    if general.start_date and general.end_date and general.end_date < general.start_date:
        yield Finding(
            "error",
            "general.end_date",
            tr(
                "The end date ({end}) is before the start date ({start}). Correct one of the"
                " two dates."
            ).format(
                end=formatter().date(general.end_date), start=formatter().date(general.start_date)
            ),
        )


@rule(
    "dates.deadline-before-start",
    title="Applications close before the start",
    section="general",
    severity="error",
    reference=ADMISSION,
)
def deadline_before_start(context: CheckContext) -> Iterator[Finding]:
    """The application deadline is not after the start date."""
    general = context.proposal.general
    deadline, start = general.application_deadline, general.start_date
    if deadline and start and deadline > start:
        yield Finding(
            "error",
            "general.application_deadline",
            tr(
                "The application deadline ({deadline}) is after the start date ({start})."
                " Set a deadline on or before the day the course starts."
            ).format(deadline=formatter().date(deadline), start=formatter().date(start)),
        )


@rule(
    "dates.activity-in-edition",
    title="Activities take place within the edition",
    section="academic",
    severity="error",
    reference=PUBLIC_INFORMATION,
)
def activity_in_edition(context: CheckContext) -> Iterator[Finding]:
    """An activity's dates are in order and inside the edition's dates."""
    general = context.proposal.general
    fmt = formatter()
    for activity in context.proposal.academic.activities:
        path = f"academic.activities[{activity.id}]"
        start, end = activity.start_date, activity.end_date
        if start and end and end < start:
            yield Finding(
                "error",
                f"{path}.end_date",
                tr(
                    "The activity ends ({end}) before it starts ({start}). Correct one of the"
                    " two dates."
                ).format(end=fmt.date(end), start=fmt.date(start)),
            )
        if start and general.start_date and start < general.start_date:
            yield Finding(
                "error",
                f"{path}.start_date",
                tr(
                    "The activity starts ({start}) before the edition starts ({edition})."
                    " Move the activity, or the start date of the edition."
                ).format(start=fmt.date(start), edition=fmt.date(general.start_date)),
            )
        if end and general.end_date and end > general.end_date:
            yield Finding(
                "error",
                f"{path}.end_date",
                tr(
                    "The activity ends ({end}) after the edition ends ({edition})."
                    " Move the activity, or the end date of the edition."
                ).format(end=fmt.date(end), edition=fmt.date(general.end_date)),
            )


@rule(
    "places.positive",
    title="Places are positive",
    section="general",
    severity="error",
    reference=ADMISSION,
)
def places_positive(context: CheckContext) -> Iterator[Finding]:
    """A number of places, when given, is at least one."""
    general = context.proposal.general
    if general.places is not None and general.places <= 0:
        yield Finding(
            "error",
            "general.places",
            tr("The number of places is 0. Enter how many learners can enrol."),
        )
    if general.max_places_per_institution is not None and general.max_places_per_institution <= 0:
        yield Finding(
            "error",
            "general.max_places_per_institution",
            tr(
                "The maximum number of places per institution is 0, so nobody could enrol."
                " Enter the maximum, or leave it empty when there is no quota."
            ),
        )


@rule(
    "places.per-institution",
    title="Places per institution do not exceed the places",
    section="general",
    severity="error",
    reference=ADMISSION,
)
def places_per_institution(context: CheckContext) -> Iterator[Finding]:
    """The quota per institution is not larger than the total number of places."""
    general = context.proposal.general
    quota, places = general.max_places_per_institution, general.places
    if quota is not None and places is not None and places > 0 and quota > places:
        yield Finding(
            "error",
            "general.max_places_per_institution",
            tr(
                "The maximum per institution ({quota}) is larger than the total number of"
                " places ({places}). Lower the maximum or raise the places."
            ).format(quota=quota, places=places),
        )


@rule(
    "places.unlimited-with-number",
    title="An offer without a limit states no number of places",
    section="general",
    severity="error",
    reference=ADMISSION,
)
def places_unlimited_with_number(context: CheckContext) -> Iterator[Finding]:
    """An offer with no limit on places gives no number of places."""
    general = context.proposal.general
    if general.places_limit == "unlimited" and general.places is not None:
        yield Finding(
            "error",
            "general.places_limit",
            tr(
                "The offer has no limit on places, yet {places} places are given. Choose a set"
                " number of places, or clear the number."
            ).format(places=general.places),
        )


@rule(
    "duration.complete",
    title="The maximum duration has a number and a unit",
    section="general",
    severity="error",
    reference=PUBLIC_INFORMATION,
)
def duration_complete(context: CheckContext) -> Iterator[Finding]:
    """A maximum duration gives both its number and its unit, or neither."""
    duration = context.proposal.general.maximum_duration
    if duration.amount is not None and duration.unit is None:
        yield Finding(
            "error",
            "general.maximum_duration.unit",
            tr(
                "The maximum duration is {amount}, but its unit is missing. Choose days, weeks,"
                " months or years."
            ).format(amount=duration.amount),
        )
    elif duration.unit is not None and duration.amount is None:
        yield Finding(
            "error",
            "general.maximum_duration.amount",
            tr("The maximum duration has a unit but no number. Enter how many, for example 1."),
        )


@rule(
    "fee.not-negative",
    title="The fee is not negative",
    section="general",
    severity="error",
    reference=PUBLIC_INFORMATION,
)
def fee_not_negative(context: CheckContext) -> Iterator[Finding]:
    """A fee, when given, is zero or more."""
    fee = context.proposal.general.fee
    if fee is not None and fee < 0:
        yield Finding(
            "error",
            "general.fee",
            tr("The fee is negative ({fee}). Enter 0 for a free course.").format(
                fee=formatter().money(fee, context.currency)
            ),
        )


RULES: tuple[Rule, ...] = (
    start_before_end,
    deadline_before_start,
    activity_in_edition,
    places_positive,
    places_per_institution,
    places_unlimited_with_number,
    duration_complete,
    fee_not_negative,
)
