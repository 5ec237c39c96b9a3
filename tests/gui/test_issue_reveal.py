"""Which check results the editor shows beside their fields (the rules, without widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from mcdesigner.examples import load_example
from mcdesigner.model.edits import InsertItem, RemoveItem, SetValue
from mcdesigner.model.proposal import LearningActivity
from mcdesigner.operations.proposals import blank_proposal
from mcdesigner.ui.issue_reveal import IssueReveal, enclosing_paths, is_blank


@dataclass
class Found:
    path: str
    severity: str = "error"
    message: str = "Fill it in."


def test_enclosing_paths_go_outwards_and_keep_dotted_item_ids_whole() -> None:
    assert list(enclosing_paths("self_assessment.entries[esg-1.3].evidence")) == [
        "self_assessment.entries[esg-1.3].evidence",
        "self_assessment.entries[esg-1.3]",
        "self_assessment.entries",
        "self_assessment",
    ]
    assert list(enclosing_paths("general")) == ["general"]


def test_blank_values() -> None:
    assert is_blank(None) and is_blank("  ") and is_blank([]) and is_blank({})
    assert not is_blank("x") and not is_blank(0) and not is_blank(False)
    proposal = blank_proposal(currency="EUR", language="en")
    assert is_blank(proposal.general.contact)
    assert not is_blank(load_example().general.contact)


def test_empty_fields_wait_and_written_ones_show() -> None:
    reveal = IssueReveal()
    example = load_example()
    reveal.start(example)
    assert not reveal.is_shown("general.contact.name"), "empty in the example"
    assert reveal.is_shown("certified.learning_outcomes[lo3].text"), "written in the example"
    assert reveal.is_shown(""), "about the whole proposal"
    assert reveal.is_shown("no.such.path")


def test_leaving_a_field_shows_it_and_what_contains_it_and_it_stays_shown() -> None:
    reveal = IssueReveal()
    proposal = blank_proposal(currency="EUR", language="en")
    reveal.start(proposal)
    item = LearningActivity(id="a1")
    insert = InsertItem("academic.activities", 0, item)
    insert.apply(proposal)
    reveal.edited(insert)
    hours = "academic.activities[a1].hours"
    issues = [Found(hours), Found("academic.activities"), Found("general.title")]
    assert reveal.shown(issues) == []
    reveal.left(hours)
    assert [i.path for i in reveal.shown(issues)] == [hours, "academic.activities"]
    # Typing in it again does not hide it.
    reveal.edited(SetValue(hours, 3))
    assert reveal.is_shown(hours)
    # Asking for everything shows the rest.
    reveal.reveal(i.path for i in issues)
    assert reveal.shown(issues) == issues
    # Reopening the proposal starts calm again; a reload keeps what was shown.
    reveal.start(proposal, keep_revealed=True)
    assert reveal.is_shown("general.title")
    reveal.start(proposal)
    assert not reveal.is_shown("general.title")


def test_a_written_field_being_edited_waits_until_it_is_left() -> None:
    reveal = IssueReveal()
    proposal = blank_proposal(currency="EUR", language="en")
    reveal.start(proposal)
    edit = SetValue("general.title", "Data")
    edit.apply(proposal)
    reveal.edited(edit)
    assert not reveal.is_shown("general.title")
    # Removing an item is not typing: the list's own results are not held back.
    example = load_example()
    reveal.start(example)
    removal = RemoveItem("academic.activities", example.academic.activities[0].id)
    reveal.edited(removal)
    assert reveal.is_shown("academic.activities")
