"""The list of every rule, in the order they run; documentation and the UI list it too."""

from __future__ import annotations

from mcdesigner.checks import credential_readiness
from mcdesigner.checks.rule import Rule
from mcdesigner.checks.rules import (
    assessment,
    budget,
    dates,
    esco,
    field_types,
    outcomes,
    quality,
    required,
    rights,
    self_assessment,
    staff,
    translations,
    workload,
)

RULES: tuple[Rule, ...] = (
    *required.RULES,
    *dates.RULES,
    *workload.RULES,
    *outcomes.RULES,
    *esco.RULES,
    *translations.RULES,
    *assessment.RULES,
    *rights.RULES,
    *staff.RULES,
    *budget.RULES,
    *quality.RULES,
    *self_assessment.RULES,
    *credential_readiness.RULES,
    *field_types.RULES,
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
if len(RULES_BY_ID) != len(RULES):  # pragma: no cover - guards against copy-paste mistakes
    raise RuntimeError("two rules share an id")


def rule_by_id(rule_id: str) -> Rule:
    """The rule named ``rule_id`` (``KeyError`` when there is none)."""
    return RULES_BY_ID[rule_id]
