"""Self-assessment against ESG 2015 Part 1: every standard rated, evidenced and acted on."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import esg
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.i18n import tr
from mcdesigner.model.standards import ESG, RATING_SCALE

ESG_PART_1 = f"{ESG} Part 1: Standards for internal quality assurance"
#: Ratings at or below this call for improvement actions.
LOW_RATING = 2


def _path(entry_id: str, field: str) -> str:
    return f"self_assessment.entries[{entry_id}].{field}"


@rule(
    "esg.rating-missing",
    title="Every ESG standard is rated",
    section="self_assessment",
    severity="error",
    reference=ESG_PART_1,
    reports_missing=True,
)
def rating_missing(context: CheckContext) -> Iterator[Finding]:
    """Each of ESG 1.1-1.10 has a rating on the 1-4 implementation scale."""
    for entry in context.proposal.self_assessment.entries:
        if entry.rating is None:
            yield Finding(
                "error",
                _path(entry.id, "rating"),
                tr(
                    "Rate how far ESG standard {standard} is implemented (1 = not implemented"
                    " ... 4 = fully implemented)."
                ).format(standard=entry.standard),
                reference=esg(entry.standard),
            )


@rule(
    "esg.evidence-missing",
    title="Every ESG rating has evidence",
    section="self_assessment",
    severity="warning",
    reference=ESG_PART_1,
    reports_missing=True,
)
def evidence_missing(context: CheckContext) -> Iterator[Finding]:
    """Each standard names the evidence its rating rests on."""
    for entry in context.proposal.self_assessment.entries:
        if not entry.evidence.strip():
            yield Finding(
                "warning",
                _path(entry.id, "evidence"),
                tr(
                    "Give the evidence for ESG standard {standard} (documents, procedures or"
                    " indicators) so reviewers can verify the rating."
                ).format(standard=entry.standard),
                reference=esg(entry.standard),
            )


@rule(
    "esg.low-rating-actions",
    title="Low ESG ratings come with improvement actions",
    section="self_assessment",
    severity="warning",
    reference=ESG_PART_1,
    reports_missing=True,
)
def low_rating_actions(context: CheckContext) -> Iterator[Finding]:
    """A rating of 1 or 2 is followed by the actions planned to improve it."""
    for entry in context.proposal.self_assessment.entries:
        if entry.rating is not None and entry.rating <= LOW_RATING and not entry.actions.strip():
            yield Finding(
                "warning",
                _path(entry.id, "actions"),
                tr(
                    "ESG standard {standard} is rated {rating} (“{label}”) but no improvement"
                    " actions are given. Describe what will be done, by whom and by when."
                ).format(
                    standard=entry.standard,
                    rating=entry.rating,
                    label=tr(RATING_SCALE[entry.rating]),
                ),
                reference=esg(entry.standard),
            )


RULES: tuple[Rule, ...] = (rating_missing, evidence_missing, low_rating_actions)
