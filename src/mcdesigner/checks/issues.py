"""What a check reports: severities, sections, the :class:`Issue` record and check settings.

An issue names the exact field it is about (a field path, see
:mod:`mcdesigner.model.fieldpath`), the rule that raised it, a plain-language message
saying how to fix it and the standard the rule comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mcdesigner.formdefs import FormSet

Severity = Literal["error", "warning", "advice"]

#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advice")
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}

#: Section ids in the order of the proposal form; each is a top-level field of the proposal.
SECTIONS: tuple[str, ...] = (
    "general",
    "certified",
    "rights",
    "academic",
    "staff",
    "financial",
    "quality",
    "self_assessment",
)
SECTION_RANK: dict[str, int] = {s: i for i, s in enumerate(SECTIONS)}

#: Group of issues about data that is copied onto the digital credential.
CREDENTIAL_GROUP = "credential"


def section_of(path: str) -> str:
    """The section id a field path belongs to (its first segment without item id)."""
    head = path.split(".", 1)[0]
    return head.split("[", 1)[0]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a proposal, pointing at the field that needs attention."""

    severity: Severity
    section: str
    path: str
    rule: str
    message: str
    reference: str
    group: str = ""


@dataclass(frozen=True)
class CheckSettings:
    """Tunable parts of the checks.

    ``hours_per_credit_min``/``max``: the range of student hours one ECTS credit stands
    for (the ECTS Users' Guide gives 25-30; some countries use other values).
    ``forms``: the form definitions whose required fields are checked; ``None`` uses the
    bundled forms.
    """

    hours_per_credit_min: float = 25
    hours_per_credit_max: float = 30
    forms: FormSet | None = None
