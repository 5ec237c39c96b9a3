"""Edit operations: applying, undoing and redoing changes by field path."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mcdesigner.model import Proposal
from mcdesigner.model.edits import (
    InsertItem,
    MoveItem,
    RemoveItem,
    SetValue,
    apply_edit,
    duplicate_item,
)
from mcdesigner.model.fieldpath import PathError
from mcdesigner.model.proposal import EscoSkill, LearningOutcome

OUTCOMES = "certified.learning_outcomes"


def _with_outcomes(*texts: str) -> tuple[Proposal, list[LearningOutcome]]:
    proposal = Proposal()
    items = [LearningOutcome(text=t) for t in texts]
    for index, item in enumerate(items):
        apply_edit(proposal, InsertItem(OUTCOMES, index, item))
    return proposal, items


def _texts(proposal: Proposal) -> list[str]:
    return [o.text for o in proposal.certified.learning_outcomes]


def test_set_value_returns_its_inverse() -> None:
    proposal = Proposal()
    undo = apply_edit(proposal, SetValue("general.title", "Data literacy"))
    assert proposal.general.title == "Data literacy"
    redo = apply_edit(proposal, undo)
    assert proposal.general.title == ""
    apply_edit(proposal, redo)
    assert proposal.general.title == "Data literacy"


def test_set_value_inside_a_list_item_by_id() -> None:
    proposal, (first, second) = _with_outcomes("Apply A", "Analyse B")
    apply_edit(proposal, SetValue(f"{OUTCOMES}[{second.id}].text", "Evaluate B"))
    assert _texts(proposal) == ["Apply A", "Evaluate B"]


def test_invalid_value_leaves_the_proposal_unchanged() -> None:
    proposal = Proposal()
    apply_edit(proposal, SetValue("general.places", 30))
    with pytest.raises(ValidationError):
        apply_edit(proposal, SetValue("general.places", -1))
    assert proposal.general.places == 30


def test_insert_remove_and_undo_restore_the_same_position() -> None:
    proposal, (a, b, c) = _with_outcomes("Apply A", "Analyse B", "Create C")
    undo = apply_edit(proposal, RemoveItem(OUTCOMES, b.id))
    assert _texts(proposal) == ["Apply A", "Create C"]
    apply_edit(proposal, undo)
    assert _texts(proposal) == ["Apply A", "Analyse B", "Create C"]
    assert proposal.certified.learning_outcomes[1].id == b.id


def test_move_and_undo() -> None:
    proposal, (a, b, c) = _with_outcomes("Apply A", "Analyse B", "Create C")
    undo = apply_edit(proposal, MoveItem(OUTCOMES, c.id, 0))
    assert _texts(proposal) == ["Create C", "Apply A", "Analyse B"]
    apply_edit(proposal, undo)
    assert _texts(proposal) == ["Apply A", "Analyse B", "Create C"]


def test_insert_refuses_an_id_that_exists_anywhere() -> None:
    proposal, (a,) = _with_outcomes("Apply A")
    with pytest.raises(PathError):
        apply_edit(proposal, InsertItem(OUTCOMES, 1, a))
    assert len(proposal.certified.learning_outcomes) == 1


def test_duplicate_gives_fresh_ids_to_the_item_and_its_children() -> None:
    original = LearningOutcome(text="Apply A", esco_skills=[EscoSkill(label="work in teams")])
    copy = duplicate_item(original)
    assert copy.text == original.text
    assert copy.id != original.id
    assert copy.esco_skills[0].id != original.esco_skills[0].id
    assert copy.esco_skills[0].label == "work in teams"


def test_unknown_item_is_reported() -> None:
    proposal = Proposal()
    with pytest.raises(PathError):
        apply_edit(proposal, RemoveItem(OUTCOMES, "nope"))
