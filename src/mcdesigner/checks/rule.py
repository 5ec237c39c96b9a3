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

from mcdesigner.checks.issues import CREDENTIAL_GROUP, Issue, Severity, section_of
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


CheckFunction = Callable[["CheckContext"], Iterable[Finding]]

# Schema paths whose values go onto the digital credential besides the certified data.
_CREDENTIAL_PATHS = frozenset(path for element in ANNEX_I for path in element.paths)
_CREDENTIAL_SECTIONS = frozenset({"certified", "rights"})


def credential_group(path: str) -> str:
    """``"credential"`` when the value at ``path`` is copied onto the digital credential."""
    if section_of(path) in _CREDENTIAL_SECTIONS or path.split("[", 1)[0] in _CREDENTIAL_PATHS:
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
        """Run the check and turn its findings into issues."""
        return [
            Issue(
                severity=finding.severity,
                section=section_of(finding.path),
                path=finding.path,
                rule=self.id,
                message=finding.message,
                reference=finding.reference or self.reference,
                group=finding.group or credential_group(finding.path),
            )
            for finding in self.check(context)
        ]


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
