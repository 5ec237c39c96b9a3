"""How a rule is declared: its metadata, and the findings its check function returns.

A rule is a small pure function from a :class:`~mcdesigner.checks.context.CheckContext`
to :class:`Finding` objects, wrapped by the :func:`rule` decorator with a stable id, a
title, the section it mainly concerns, its usual severity and the standard it comes from.
The engine turns findings into :class:`~mcdesigner.checks.issues.Issue` records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mcdesigner.checks.issues import CREDENTIAL_GROUP, Fix, Issue, Severity, section_showing
from mcdesigner.formdefs import FormSet
from mcdesigner.i18n import tr
from mcdesigner.model.standards import ANNEX_I

if TYPE_CHECKING:
    from mcdesigner.checks.context import CheckContext


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check function reports; the rule adds its id and default reference."""

    severity: Severity
    path: str
    message: str
    reference: str = ""
    group: str = ""
    language: str = ""  # the language of the text found wanting, "" for the field itself
    fix: Fix | None = None  # a change that resolves it, when there is one


CheckFunction = Callable[["CheckContext"], Iterable[Finding]]

# Schema paths whose values go onto the digital credential besides the sections marked so.
_CREDENTIAL_PATHS = frozenset(path for element in ANNEX_I for path in element.paths)


def credential_group(path: str, section: str, forms: FormSet | None) -> str:
    """``"credential"`` when the value at ``path`` is copied onto the digital credential.

    That is a value of a section the forms mark ``on_credential`` (``section`` is the id
    of the section showing ``path``) or an Annex I mandatory element.
    """
    on_credential = forms is not None and section in forms.credential_sections
    if on_credential or path.split("[", 1)[0] in _CREDENTIAL_PATHS:
        return CREDENTIAL_GROUP
    return ""


@dataclass(frozen=True)
class Rule:
    """A registered check with the facts the documentation and the UI list."""

    id: str
    title: str
    section: str
    severity: Severity
    reference: str
    check: CheckFunction
    reports_missing: bool = False  # its findings say that a value is empty

    @property
    def display_title(self) -> str:
        """The title in the user's language."""
        return tr(self.title)

    def evaluate(self, context: CheckContext) -> list[Issue]:
        """Run the check and turn its findings into issues, placed as the forms place them."""
        forms = context.forms
        issues = []
        for finding in self.check(context):
            section = section_showing(finding.path, forms)
            issues.append(
                Issue(
                    severity=finding.severity,
                    section=section,
                    path=finding.path,
                    rule=self.id,
                    message=finding.message,
                    reference=tr(finding.reference or self.reference),
                    group=finding.group or credential_group(finding.path, section, forms),
                    language=finding.language,
                    fix=finding.fix,
                )
            )
        return issues


def rule(
    rule_id: str,
    *,
    title: str,
    section: str,
    severity: Severity,
    reference: str,
    reports_missing: bool = False,
) -> Callable[[CheckFunction], Rule]:
    """Declare the decorated check function as the rule ``rule_id``."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(rule_id, title, section, severity, reference, check, reports_missing)

    return wrap
