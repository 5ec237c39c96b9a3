"""Student workload: ECTS credits, notional hours and the hours of the learning activities."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import ECTS_WORKLOAD
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr

#: Differences in hours smaller than this are rounding, not inconsistency.
HOURS_TOLERANCE = 0.5


def hours_range(context: CheckContext) -> tuple[float, float] | None:
    """The configured hours per credit as (low, high), or ``None`` when unusable."""
    low, high = context.settings.hours_per_credit_min, context.settings.hours_per_credit_max
    low, high = min(low, high), max(low, high)
    if not high > 0:
        return None
    return max(low, 0.0), high


@rule(
    "workload.ects-positive",
    title="ECTS credits are positive",
    section="certified",
    severity="error",
    reference=ECTS_WORKLOAD,
)
def ects_positive(context: CheckContext) -> Iterator[Finding]:
    """A micro-credential awards more than zero credits."""
    ects = context.proposal.certified.ects_credits
    if ects is not None and ects <= 0:
        yield Finding(
            "error",
            "certified.ects_credits",
            tr(
                "The micro-credential awards 0 ECTS credits. Enter the credits that match the"
                " student workload (one credit for every {low}-{high} hours of work)."
            ).format(**_range_text(context)),
        )


def _range_text(context: CheckContext) -> dict[str, str]:
    span = hours_range(context) or (25.0, 30.0)
    return {"low": formatter().number(span[0]), "high": formatter().number(span[1])}


@rule(
    "workload.hours-per-credit",
    title="Notional hours match the ECTS credits",
    section="certified",
    severity="warning",
    reference=ECTS_WORKLOAD,
)
def hours_per_credit(context: CheckContext) -> Iterator[Finding]:
    """Notional hours lie within credits × the configured hours per credit."""
    certified = context.proposal.certified
    ects, hours, span = certified.ects_credits, certified.notional_hours, hours_range(context)
    if ects is None or ects <= 0 or hours is None or span is None:
        return
    low, high = ects * span[0], ects * span[1]
    if low - HOURS_TOLERANCE <= hours <= high + HOURS_TOLERANCE:
        return
    yield Finding(
        "warning",
        "certified.notional_hours",
        tr(
            "{hours} hours of work for {ects} ECTS credits is {per} hours per credit; one credit"
            " stands for {low}-{high} hours, so expect {total_low}-{total_high} hours. Correct"
            " the hours or the credits."
        ).format(
            hours=formatter().number(hours),
            ects=formatter().number(ects),
            per=formatter().number(hours / ects),
            total_low=formatter().number(low),
            total_high=formatter().number(high),
            **_range_text(context),
        ),
    )


@rule(
    "workload.activity-hours",
    title="Activity hours add up to the workload",
    section="academic",
    severity="warning",
    reference=ECTS_WORKLOAD,
)
def activity_hours(context: CheckContext) -> Iterator[Finding]:
    """The learning activities account for the whole notional workload."""
    proposal = context.proposal
    if not any(a.hours is not None for a in proposal.academic.activities):
        return
    total = proposal.academic.activity_hours
    notional = proposal.certified.notional_hours
    ects = proposal.certified.ects_credits
    span = hours_range(context)
    if notional is not None:
        if abs(total - notional) <= HOURS_TOLERANCE:
            return
        message = tr(
            "The learning activities add up to {total} hours, but the notional workload is"
            " {notional} hours. Make the activity hours (teaching, group work, self-study,"
            " assessment) add up to the whole workload."
        ).format(total=formatter().number(total), notional=formatter().number(notional))
    elif ects is not None and ects > 0 and span is not None:
        low, high = ects * span[0], ects * span[1]
        if low - HOURS_TOLERANCE <= total <= high + HOURS_TOLERANCE:
            return
        message = tr(
            "The learning activities add up to {total} hours, but {ects} ECTS credits stand for"
            " {low}-{high} hours of work. Adjust the activity hours or the credits."
        ).format(
            total=formatter().number(total),
            ects=formatter().number(ects),
            low=formatter().number(low),
            high=formatter().number(high),
        )
    else:
        return
    yield Finding("warning", "academic.activities", message)


RULES: tuple[Rule, ...] = (ects_positive, hours_per_credit, activity_hours)
