"""Assessment: every outcome is assessed, links point at real outcomes, weights total 100 %."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import ECTS_OUTCOMES_ASSESSED, esg
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr, tr_n

ASSESSMENTS = "academic.assessments"
#: Weights are percentages; sums closer to 100 than this are rounding.
WEIGHT_TOLERANCE = 0.05
STUDENT_CENTRED = esg("1.3")


def _label(title: str, number: int) -> str:
    return f"“{title}”" if title else tr("number {number}").format(number=number)


@rule(
    "outcome.not-assessed",
    title="Every learning outcome is assessed",
    section="certified",
    severity="warning",
    reference=ECTS_OUTCOMES_ASSESSED,
)
def not_assessed(context: CheckContext) -> Iterator[Finding]:
    """Each outcome with text is linked to at least one assessment."""
    if not context.outcomes:
        return
    assessments = context.proposal.academic.assessments
    if not assessments:
        yield Finding(
            "warning",
            ASSESSMENTS,
            tr(
                "No assessment is described, so none of the {count} learning outcomes is"
                " assessed. Add the assessments and link each outcome to at least one."
            ).format(count=len(context.outcomes)),
        )
        return
    assessed = {outcome_id for a in assessments for outcome_id in a.outcome_ids}
    for number, outcome, _ in context.outcomes:
        if outcome.id not in assessed:
            yield Finding(
                "warning",
                f"certified.learning_outcomes[{outcome.id}]",
                tr(
                    "Learning outcome {number} is not assessed by any assessment. Link it to"
                    " the assessment that shows learners have achieved it."
                ).format(number=number),
            )


@rule(
    "assessment.unknown-outcome",
    title="Assessments link to existing outcomes",
    section="academic",
    severity="warning",
    reference=ECTS_OUTCOMES_ASSESSED,
)
def unknown_outcome(context: CheckContext) -> Iterator[Finding]:
    """Outcome links of assessments point at outcomes that still exist."""
    known = {outcome.id for outcome in context.proposal.certified.learning_outcomes}
    for number, assessment in enumerate(context.proposal.academic.assessments, 1):
        missing = [i for i in assessment.outcome_ids if i not in known]
        if missing:
            yield Finding(
                "warning",
                f"{ASSESSMENTS}[{assessment.id}].outcome_ids",
                tr_n(
                    "Assessment {label} is linked to {count} learning outcome that no"
                    " longer exists. Remove that link or link the current outcomes.",
                    "Assessment {label} is linked to {count} learning outcomes that no"
                    " longer exist. Remove those links or link the current outcomes.",
                    len(missing),
                ).format(label=_label(assessment.title, number), count=len(missing)),
            )


@rule(
    "assessment.weights-total",
    title="Assessment weights total 100 %",
    section="academic",
    severity="error",
    reference=STUDENT_CENTRED,
)
def weights_total(context: CheckContext) -> Iterator[Finding]:
    """When weights are given they add up to 100 %."""
    weights = [a.weight for a in context.proposal.academic.assessments if a.weight is not None]
    if not weights:
        return
    total = sum(weights)
    if abs(total - 100) > WEIGHT_TOLERANCE:
        yield Finding(
            "error",
            ASSESSMENTS,
            tr(
                "The assessment weights add up to {total} %, not 100 %. Adjust the weights so"
                " that the final grade is fully defined."
            ).format(total=formatter().number(total)),
        )


@rule(
    "assessment.weight-missing",
    title="Each assessment has a weight",
    section="academic",
    severity="warning",
    reference=STUDENT_CENTRED,
    reports_missing=True,
)
def weight_missing(context: CheckContext) -> Iterator[Finding]:
    """With more than one assessment, each states its weight in the final grade."""
    assessments = context.proposal.academic.assessments
    if len(assessments) < 2:
        return
    for number, assessment in enumerate(assessments, 1):
        if assessment.weight is None:
            yield Finding(
                "warning",
                f"{ASSESSMENTS}[{assessment.id}].weight",
                tr(
                    "Assessment {label} has no weight. With several assessments, give each"
                    " one's share of the final grade in per cent."
                ).format(label=_label(assessment.title, number)),
            )


RULES: tuple[Rule, ...] = (not_assessed, unknown_outcome, weights_total, weight_missing)
