"""Running the rules: one pass over the registry, duplicate removal and a stable order.

:func:`run` never raises because of what a proposal contains: a rule that fails
unexpectedly is reported as an advice issue naming the check, and the other rules still
run. Issues come out grouped by section (in form order), errors before warnings before
advice, and otherwise in rule and list order, so the same proposal always gives the same
list.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.issues import SEVERITY_RANK, CheckSettings, Issue, section_order
from mcdesigner.checks.registry import RULES
from mcdesigner.checks.rule import Rule
from mcdesigner.formdefs import FormSet
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal

log = logging.getLogger(__name__)

#: Rule id of the issue that stands in for a check that could not run.
RULE_FAILED = "checks.rule-failed"
_MISSING_RULES = frozenset(r.id for r in RULES if r.reports_missing)
# Which report of a missing value is kept: Annex I first, then the specific rule, then the form,
# then the digital credential's needs.
_PREFERENCE = {"annex.missing": 0, "required.missing": 2, "credential.missing": 3}


def run(proposal: Proposal, settings: CheckSettings | None = None) -> list[Issue]:
    """Every issue of ``proposal``, deduplicated and in a deterministic order."""
    return run_in_context(CheckContext(proposal, settings or CheckSettings()))


def run_in_context(context: CheckContext) -> list[Issue]:
    """:func:`run` for an existing context (shares its computed values with the caller)."""
    issues: list[Issue] = []
    for rule in RULES:
        issues.extend(_evaluate(rule, context))
    return order(merge_missing(issues), context.forms)


def _evaluate(rule: Rule, context: CheckContext) -> list[Issue]:
    try:
        return rule.evaluate(context)
    except Exception as error:  # a faulty rule must not hide the other results
        log.exception("check %s failed", rule.id)
        sections = section_order(context.forms)
        section = rule.section if rule.section in sections or not sections else sections[0]
        message = tr(
            "The check “{title}” could not be completed ({error}). The other checks ran normally."
        ).format(title=rule.display_title, error=type(error).__name__)
        return [Issue("advice", section, section, RULE_FAILED, message, rule.reference)]


def merge_missing(issues: list[Issue]) -> list[Issue]:
    """Report each empty field once.

    When several rules say that the same path is empty, the Annex I report is kept (else
    the more specific rule's, else the form's) with the most serious severity among them.
    """
    kept: list[Issue] = []
    position: dict[str, int] = {}
    for issue in issues:
        if issue.rule not in _MISSING_RULES:
            kept.append(issue)
            continue
        index = position.get(issue.path)
        if index is None:
            position[issue.path] = len(kept)
            kept.append(issue)
            continue
        current = kept[index]
        preferred = issue if _preference(issue) < _preference(current) else current
        severity = min(issue.severity, current.severity, key=SEVERITY_RANK.__getitem__)
        kept[index] = replace(preferred, severity=severity)
    return kept


def _preference(issue: Issue) -> int:
    return _PREFERENCE.get(issue.rule, 1)


def order(issues: list[Issue], forms: FormSet | None) -> list[Issue]:
    """Issues by section (in the order of ``forms``), then severity; ties keep their rule and
    list order. Sections the forms do not know come last."""
    rank = {section: index for index, section in enumerate(section_order(forms))}
    return sorted(issues, key=lambda i: (rank.get(i.section, len(rank)), SEVERITY_RANK[i.severity]))
