"""How complete a proposal is: required fields filled per section, and whether it is ready.

The sections are those of the form set the checks use, in its order.

Completion counts the Annex I mandatory elements and the fields the forms mark required
(each concrete path once; list-item fields count once per item). A section with nothing
required is complete. A proposal is *ready* when the checks report no error.
"""

from __future__ import annotations

from dataclasses import dataclass

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.engine import run_in_context
from mcdesigner.checks.issues import (
    CREDENTIAL_GROUP,
    SEVERITIES,
    CheckSettings,
    Issue,
    Severity,
    section_order,
)
from mcdesigner.model.proposal import Proposal


class SectionPercent(dict[str, float]):
    """Completion by section id; a section it does not list has nothing required: 100."""

    def __missing__(self, section: str) -> float:
        return 100.0


@dataclass(frozen=True)
class Readiness:
    """Completion per section and overall (0-100, one decimal), issue counts and the verdict."""

    section_percent: dict[str, float]
    overall_percent: float
    ready: bool
    counts: dict[Severity, int]
    credential_ready: bool = True  # no error about data copied onto the digital credential


@dataclass(frozen=True)
class CheckResult:
    """The issues of one run together with the readiness they lead to."""

    issues: list[Issue]
    readiness: Readiness


def _percent(filled: int, required: int) -> float:
    return 100.0 if required == 0 else round(100.0 * filled / required, 1)


def readiness_in_context(context: CheckContext, issues: list[Issue]) -> Readiness:
    """:func:`readiness` for an existing context."""
    scan = context.required
    # The forms' sections in their order, then any other the scan met (Annex I without forms).
    sections = section_order(context.forms)
    sections += tuple(s for s in scan.required if s not in sections)
    filled = {s: scan.filled.get(s, 0) for s in sections}
    required = {s: scan.required.get(s, 0) for s in sections}
    counts: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    for issue in issues:
        counts[issue.severity] += 1
    return Readiness(
        section_percent=SectionPercent({s: _percent(filled[s], required[s]) for s in sections}),
        overall_percent=_percent(sum(filled.values()), sum(required.values())),
        ready=counts["error"] == 0,
        counts=counts,
        credential_ready=not any(
            i.severity == "error" and i.group == CREDENTIAL_GROUP for i in issues
        ),
    )


def readiness(
    proposal: Proposal, issues: list[Issue] | None = None, settings: CheckSettings | None = None
) -> Readiness:
    """Completion and readiness of ``proposal``; runs the checks when ``issues`` is ``None``."""
    context = CheckContext(proposal, settings or CheckSettings())
    if issues is None:
        issues = run_in_context(context)
    return readiness_in_context(context, issues)


def check(proposal: Proposal, settings: CheckSettings | None = None) -> CheckResult:
    """Run the checks and compute readiness in one pass (what the editor and CLI call)."""
    context = CheckContext(proposal, settings or CheckSettings())
    issues = run_in_context(context)
    return CheckResult(issues, readiness_in_context(context, issues))
