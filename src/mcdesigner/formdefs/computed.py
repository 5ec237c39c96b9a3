"""Read-only values computed from the proposal (totals, balance) that forms may show.

Form files refer to them by name; only the names in :data:`COMPUTED_VALUES` exist, each
mapped to a property of the model. Values inside list items (a budget line's amount)
are evaluated for the item named by a concrete path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from mcdesigner.model.fieldpath import PathError, get_value
from mcdesigner.model.proposal import Proposal

ComputedKind = Literal["hours", "money"]
Getter = Callable[[Proposal, str | None], float | Decimal | None]


def _item_amount(proposal: Proposal, item_path: str | None) -> Decimal | None:
    if item_path is None:
        return None
    try:
        line = get_value(proposal, item_path)
    except PathError:
        return None
    amount = getattr(line, "amount", None)
    return amount if isinstance(amount, Decimal) else None


#: name -> (kind, getter(proposal, concrete item path or None)).
COMPUTED_VALUES: dict[str, tuple[ComputedKind, Getter]] = {
    "academic.activity_hours": ("hours", lambda p, _: p.academic.activity_hours),
    "academic.teaching_hours": ("hours", lambda p, _: p.academic.teaching_hours),
    "financial.total_revenue": ("money", lambda p, _: p.financial.total_revenue),
    "financial.total_expenditure": ("money", lambda p, _: p.financial.total_expenditure),
    "financial.balance": ("money", lambda p, _: p.financial.balance),
    "financial.revenues[].amount": ("money", _item_amount),
    "financial.expenditures[].amount": ("money", _item_amount),
}


def list_of(name: str) -> str | None:
    """The list schema path a per-item computed value belongs to (None for totals)."""
    return name.rsplit("[]", 1)[0] if "[]" in name else None


@dataclass(frozen=True, slots=True)
class ComputedDef:
    """A read-only value shown in a section (or in each item of a repeatable group)."""

    name: str
    label: str
    help: str
    kind: ComputedKind
    section_id: str = ""

    def value(self, proposal: Proposal, item_path: str | None = None) -> float | Decimal | None:
        """The current value; per-item values need the concrete ``item_path`` of the item."""
        _, getter = COMPUTED_VALUES[self.name]
        return getter(proposal, item_path)

    @property
    def per_item(self) -> bool:
        """True for values computed for each list item (a budget line's amount)."""
        return "[]" in self.name
