"""Edit operations: applying, undoing and redoing changes by field path."""

from __future__ import annotations

import pytest
from pydantic import Field, ValidationError

from mcdesigner.model import Proposal
from mcdesigner.model.base import Item
from mcdesigner.model.edits import (
    Edit,
    InsertItem,
    MoveItem,
    RemoveItem,
    SetValue,
    apply_edit,
    duplicate_item,
)
from mcdesigner.model.fieldpath import PathError
from mcdesigner.model.proposal import Assessment, Contact, EscoSkill, LearningOutcome, Right

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


def test_every_edit_and_its_inverse_name_the_field_they_change() -> None:
    proposal, (a, b) = _with_outcomes("Apply A", "Analyse B")
    text_path = f"{OUTCOMES}[{a.id}].text"
    edits: list[Edit] = [
        SetValue(text_path, "Apply A well"),
        InsertItem(OUTCOMES, 2, LearningOutcome(text="Create C")),
        MoveItem(OUTCOMES, b.id, 0),
        RemoveItem(OUTCOMES, a.id),
    ]
    expected = [text_path, OUTCOMES, OUTCOMES, OUTCOMES]

    inverses = [apply_edit(proposal, edit) for edit in edits]

    assert [edit.touched for edit in edits] == expected
    assert [inverse.touched for inverse in inverses] == expected


def _outcome_with_skill() -> LearningOutcome:
    skill = EscoSkill(label="work in teams", uri="http://data.europa.eu/esco/skill/teams")
    return LearningOutcome(text="Apply A", esco_skills=[skill])


def test_later_edits_do_not_change_the_item_an_insert_brings_back() -> None:
    proposal = Proposal()
    item = _outcome_with_skill()
    insert = InsertItem(OUTCOMES, 0, item)
    remove = apply_edit(proposal, insert)
    inserted = proposal.certified.learning_outcomes[0]
    skill_id = inserted.esco_skills[0].id
    apply_edit(proposal, SetValue(f"{OUTCOMES}[{item.id}].esco_skills[{skill_id}].label", "lead"))
    item.esco_skills[0].uri = "http://data.europa.eu/esco/skill/other"  # the caller's object

    assert proposal.certified.learning_outcomes[0].esco_skills[0].uri.endswith("/teams")
    apply_edit(proposal, remove)  # undo the insert
    apply_edit(proposal, insert)  # redo it

    redone = proposal.certified.learning_outcomes[0]
    assert redone.esco_skills[0].label == "work in teams"
    assert item.esco_skills[0].label == "work in teams"  # what the undo stack holds


def test_undoing_a_removal_brings_back_the_item_as_it_was_removed() -> None:
    proposal = Proposal()
    apply_edit(proposal, InsertItem(OUTCOMES, 0, _outcome_with_skill()))
    outcome = proposal.certified.learning_outcomes[0]
    skill_path = f"{OUTCOMES}[{outcome.id}].esco_skills[{outcome.esco_skills[0].id}].label"
    restore = apply_edit(proposal, RemoveItem(OUTCOMES, outcome.id))
    apply_edit(proposal, restore)  # undo the removal
    apply_edit(proposal, SetValue(skill_path, "lead"))  # then edit the restored item

    apply_edit(proposal, RemoveItem(OUTCOMES, outcome.id))
    apply_edit(proposal, restore)  # the same undo step again

    assert proposal.certified.learning_outcomes[0].esco_skills[0].label == "work in teams"


def test_duplicating_an_item_with_plain_lists_copies_them_independently() -> None:
    original = Right(title="Admission", limit_jurisdictions=["ESP", "PRT"])
    copy = duplicate_item(original)

    copy.limit_jurisdictions.append("FRA")

    assert copy.id != original.id
    assert copy.title == "Admission"
    assert original.limit_jurisdictions == ["ESP", "PRT"]
    assert copy.limit_jurisdictions == ["ESP", "PRT", "FRA"]


def test_duplicating_keeps_references_to_other_items() -> None:
    original = Assessment(title="Quiz", weight=40, outcome_ids=["lo-1", "lo-2"])
    copy = duplicate_item(original)

    assert copy.id != original.id
    assert copy.outcome_ids == ["lo-1", "lo-2"]
    assert copy.outcome_ids is not original.outcome_ids


class _Office(Item):
    """A list item holding a nested model without an id (only for these tests)."""

    name: str = ""
    contact: Contact = Field(default_factory=Contact)
    skills: list[EscoSkill] = Field(default_factory=list)


def test_duplicating_an_item_with_a_nested_model_without_an_id() -> None:
    original = _Office(
        name="Registry",
        contact=Contact(name="Ana", email="ana@example.org"),
        skills=[EscoSkill(label="a"), EscoSkill(label="b")],
    )
    copy = duplicate_item(original)
    copy.contact.name = "Ben"
    copy.skills[0].label = "changed"

    assert original.contact.name == "Ana"
    assert original.skills[0].label == "a"
    assert copy.contact.email == "ana@example.org"
    assert copy.id != original.id
    fresh = {s.id for s in copy.skills}
    assert len(fresh) == 2
    assert fresh.isdisjoint({s.id for s in original.skills})
