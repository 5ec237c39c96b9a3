"""Completeness and consistency checks of a proposal (pure: no Qt, no I/O).

``run(proposal)`` returns the :class:`Issue` list, each naming the exact field path, a
stable rule id, a plain-language message and the standard behind the rule;
``readiness(proposal)`` tells how complete each section is and whether the proposal is
ready (no errors). ``RULES`` lists every rule for documentation and the UI.
"""

from __future__ import annotations

from mcdesigner.checks.engine import RULE_FAILED, run
from mcdesigner.checks.issues import SEVERITIES, CheckSettings, Issue, Severity
from mcdesigner.checks.readiness import CheckResult, Readiness, check, readiness
from mcdesigner.checks.registry import RULES, rule_by_id
from mcdesigner.checks.report import (
    exit_status,
    filter_issues,
    format_json,
    format_rules,
    format_text,
    parse_severity,
    section_title,
)
from mcdesigner.checks.rule import Rule

__all__ = [
    "RULES",
    "RULE_FAILED",
    "SEVERITIES",
    "CheckResult",
    "CheckSettings",
    "Issue",
    "Readiness",
    "Rule",
    "Severity",
    "check",
    "exit_status",
    "filter_issues",
    "format_json",
    "format_rules",
    "format_text",
    "parse_severity",
    "readiness",
    "rule_by_id",
    "run",
    "section_title",
]
