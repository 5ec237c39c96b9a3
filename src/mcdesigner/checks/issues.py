"""What a check reports: severities, sections, the :class:`Issue` record and check settings.

An issue names the exact field it is about (a field path, see
:mod:`mcdesigner.model.fieldpath`), the rule that raised it, a plain-language message
saying how to fix it and the standard the rule comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mcdesigner.formdefs import FormSet
from mcdesigner.model.edits import Edit

Severity = Literal["error", "warning", "advice"]

#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advice")
SEVERITY_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}

#: Group of issues about data that is copied onto the digital credential.
CREDENTIAL_GROUP = "credential"


def section_of(path: str) -> str:
    """The first name of a field path without item id (the model's part holding it)."""
    head = path.split(".", 1)[0]
    return head.split("[", 1)[0]


def section_order(forms: FormSet | None) -> tuple[str, ...]:
    """The section ids in the order of the forms (empty without forms)."""
    return forms.section_ids if forms is not None else ()


def section_showing(path: str, forms: FormSet | None) -> str:
    """The id of the section whose form shows ``path``.

    Without forms, or for a path no form shows, the path's first name (:func:`section_of`).
    """
    section = forms.section_of(path) if forms is not None and path else None
    return section.id if section is not None else section_of(path)


@dataclass(frozen=True, slots=True)
class Fix:
    """A change that resolves an issue, for the window to offer as one click (one undo step).

    ``description`` says what applying it does, in the user's language.
    """

    description: str
    edit: Edit


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
    # The proposal language of the text the issue is about (ISO 639-1); "" when the issue
    # concerns the field itself (its main-language text or a value that has no language).
    language: str = ""
    fix: Fix | None = None  # a change that resolves the issue, when there is one


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
