"""Internal quality assurance: a responsible body and indicators that can be monitored."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import esg
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.i18n import tr

QA_POLICY = esg("1.1")
INFORMATION = esg("1.7")


@rule(
    "iqas.responsible-body",
    title="A body is responsible for quality assurance",
    section="quality",
    severity="error",
    reference=QA_POLICY,
    reports_missing=True,
)
def responsible_body(context: CheckContext) -> Iterator[Finding]:
    """The IQAS data names who is responsible for quality assurance."""
    if not context.proposal.quality.responsible_body.strip():
        yield Finding(
            "error",
            "quality.responsible_body",
            tr(
                "Name the body responsible for the quality assurance of the micro-credential"
                " (for example a quality committee)."
            ),
        )


@rule(
    "iqas.indicators",
    title="Quality indicators are defined",
    section="quality",
    severity="warning",
    reference=INFORMATION,
    reports_missing=True,
)
def indicators(context: CheckContext) -> Iterator[Finding]:
    """At least one indicator is monitored."""
    if not context.proposal.quality.indicators:
        yield Finding(
            "warning",
            "quality.indicators",
            tr(
                "No quality indicators are defined. Add the indicators you will measure (for"
                " example completion rate or learner satisfaction), each with a target."
            ),
        )


_INDICATOR_PARTS: tuple[tuple[str, str], ...] = (
    ("name", "a name"),
    ("target", "a target"),
    ("data_source", "a data source"),
    ("frequency", "a measuring frequency"),
)


@rule(
    "iqas.indicator-incomplete",
    title="Each indicator has a target, data source and frequency",
    section="quality",
    severity="warning",
    reference=INFORMATION,
    reports_missing=True,
)
def indicator_incomplete(context: CheckContext) -> Iterator[Finding]:
    """Every indicator can be monitored: name, target, data source and frequency given."""
    for number, indicator in enumerate(context.proposal.quality.indicators, 1):
        label = (
            f"“{indicator.name}”" if indicator.name else tr("number {number}").format(number=number)
        )
        for field, what in _INDICATOR_PARTS:
            value = getattr(indicator, field)
            if value is None or (isinstance(value, str) and not value.strip()):
                yield Finding(
                    "warning",
                    f"quality.indicators[{indicator.id}].{field}",
                    tr(
                        "Indicator {label} needs {what}: without a target, a data source and"
                        " a frequency it cannot be monitored."
                    ).format(label=label, what=tr(what)),
                )


RULES: tuple[Rule, ...] = (responsible_body, indicators, indicator_incomplete)
