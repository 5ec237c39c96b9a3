"""Item lookups by id stay right while lists change, and do not walk long lists."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from mcdesigner.model.edits import InsertItem, MoveItem, RemoveItem, SetValue, apply_edit
from mcdesigner.model.fieldpath import PathError, find_item, get_value
from mcdesigner.model.proposal import ExpenditureLine, Proposal


def _proposal(lines: int) -> Proposal:
    proposal = Proposal()
    proposal.financial.expenditures = [
        ExpenditureLine(id=f"e{n}", description=f"Cost {n}", units=1, unit_cost=Decimal(n))
        for n in range(lines)
    ]
    return proposal


def test_items_are_found_after_inserting_moving_and_removing() -> None:
    proposal = _proposal(5)
    assert get_value(proposal, "financial.expenditures[e3].description") == "Cost 3"
    apply_edit(proposal, InsertItem("financial.expenditures", 0, ExpenditureLine(id="new")))
    assert get_value(proposal, "financial.expenditures[e3].description") == "Cost 3"
    assert get_value(proposal, "financial.expenditures[new]").id == "new"
    apply_edit(proposal, MoveItem("financial.expenditures", "e3", 0))
    apply_edit(proposal, SetValue("financial.expenditures[e3].description", "Moved"))
    assert get_value(proposal, "financial.expenditures[e3].description") == "Moved"
    assert proposal.financial.expenditures[0].description == "Moved"
    apply_edit(proposal, RemoveItem("financial.expenditures", "e3"))
    with pytest.raises(PathError):
        get_value(proposal, "financial.expenditures[e3].description")
    assert get_value(proposal, "financial.expenditures[e4].description") == "Cost 4"


def test_a_list_changed_in_place_is_looked_up_afresh() -> None:
    items = [ExpenditureLine(id="a"), ExpenditureLine(id="b")]
    assert find_item(items, "b") is items[1]
    items.reverse()
    items.append(ExpenditureLine(id="c"))
    assert find_item(items, "b") is items[0]
    assert find_item(items, "c") is items[2]
    assert find_item(items, "zzz") is None


def test_looking_up_every_line_of_a_long_list_takes_about_as_long_per_line_as_a_short_one() -> None:
    def per_line(lines: int) -> float:
        proposal = _proposal(lines)
        paths = [f"financial.expenditures[e{n}].unit_cost" for n in range(lines)]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for path in paths:
                get_value(proposal, path)
            best = min(best, time.perf_counter() - start)
        return best / lines

    # Linear lookups would make each of 2,000 lines about 100 times dearer than each of 20.
    assert per_line(2000) < 5 * per_line(20)
