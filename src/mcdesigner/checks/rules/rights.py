"""Rights attached to the credential: each declared right has an entitlement type and status."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import ELM_ENTITLEMENT
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.checks.values import fmt_list
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Right
from mcdesigner.model.vocabularies import get_vocabulary


def _declared(context: CheckContext) -> Iterator[tuple[int, Right]]:
    for number, right in enumerate(context.proposal.rights, 1):
        if right.title.strip() or right.description.strip():
            yield number, right


def _name(right: Right, number: int) -> str:
    if right.title:
        return f"“{right.title}”"
    return tr("number {number}").format(number=number)


def _choices(vocabulary_id: str) -> str:
    return fmt_list([tr(term.label) for term in get_vocabulary(vocabulary_id).terms])


@rule(
    "rights.type",
    title="Each right has an entitlement type",
    section="rights",
    severity="error",
    reference=ELM_ENTITLEMENT,
    reports_missing=True,
)
def entitlement_type(context: CheckContext) -> Iterator[Finding]:
    """A declared right says what it entitles to (learning opportunity, membership, ...)."""
    for number, right in _declared(context):
        if right.entitlement_type is None:
            yield Finding(
                "error",
                f"rights[{right.id}].entitlement_type",
                tr(
                    "Choose the type of entitlement of right {name} ({choices}); it is copied"
                    " onto the digital credential."
                ).format(name=_name(right, number), choices=_choices("entitlement")),
            )


@rule(
    "rights.status",
    title="Each right has an entitlement status",
    section="rights",
    severity="error",
    reference=ELM_ENTITLEMENT,
    reports_missing=True,
)
def entitlement_status(context: CheckContext) -> Iterator[Finding]:
    """A declared right says whether it is actual or prospective."""
    for number, right in _declared(context):
        if right.status is None:
            yield Finding(
                "error",
                f"rights[{right.id}].status",
                tr(
                    "Choose the status of right {name} ({choices}); it is copied onto the"
                    " digital credential."
                ).format(name=_name(right, number), choices=_choices("entitlement-status")),
            )


RULES: tuple[Rule, ...] = (entitlement_type, entitlement_status)
