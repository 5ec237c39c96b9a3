"""Repeatable groups in the real window: add, remove, duplicate, reorder; undo and redo;
computed totals that follow the lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui.gui_helpers import editor, press, stored, type_text

pytestmark = pytest.mark.gui


def outcome_ids(window: Any) -> list[str]:
    return [o.id for o in window.session.proposal.certified.learning_outcomes]


def outcomes_list(window: Any) -> Any:
    page = window.editor.show_section("certified")
    found = page.list_widget("certified.learning_outcomes")
    assert found is not None
    return found


def test_add_an_item_focuses_it_and_typing_fills_it(qtbot: Any, window: Any, db_path: Path) -> None:
    outcomes = outcomes_list(window)
    before = outcome_ids(window)
    outcomes.add_button.click()
    after = outcome_ids(window)
    assert len(after) == len(before) + 1
    new_id = after[-1]
    text = editor(window, f"certified.learning_outcomes[{new_id}].text")
    qtbot.waitUntil(text.box.hasFocus)
    type_text(text.box, "Évaluer des preuves")
    qtbot.waitUntil(lambda: not window.session.dirty)
    saved = stored(db_path, window.session.proposal_id)
    assert saved.certified.learning_outcomes[-1].text == "Évaluer des preuves"
    # the card's title follows the text
    assert "Évaluer des preuves" in outcomes.views[new_id].title.text()


def test_remove_duplicate_and_move_with_buttons(qtbot: Any, window: Any) -> None:
    outcomes = outcomes_list(window)
    first, second, *_ = outcome_ids(window)
    outcomes.views[first].buttons.down.click()
    assert outcome_ids(window)[:2] == [second, first]
    outcomes.views[first].buttons.up.click()
    assert outcome_ids(window)[:2] == [first, second]

    count = len(outcome_ids(window))
    outcomes.views[first].buttons.duplicate.click()
    ids = outcome_ids(window)
    assert len(ids) == count + 1
    copy = window.session.proposal.certified.learning_outcomes[1]
    original = window.session.proposal.certified.learning_outcomes[0]
    assert copy.id not in (first, second)
    assert copy.text == original.text
    assert [s.id for s in copy.esco_skills] != [s.id for s in original.esco_skills]
    assert [s.label for s in copy.esco_skills] == [s.label for s in original.esco_skills]

    outcomes.views[copy.id].buttons.remove.click()
    assert outcome_ids(window) == ids[:1] + ids[2:]
    assert copy.id not in outcomes.views


def test_keyboard_reorders_duplicates_and_removes(qtbot: Any, window: Any) -> None:
    outcomes_list(window)
    first, second, *_ = outcome_ids(window)
    text = editor(window, f"certified.learning_outcomes[{first}].text")
    text.box.setFocus()
    qtbot.waitUntil(text.box.hasFocus)
    qtbot.keyClick(text.box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert outcome_ids(window)[:2] == [second, first]
    assert text.box.hasFocus(), "the moved item keeps the keyboard focus"
    qtbot.keyClick(text.box, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert outcome_ids(window)[:2] == [first, second]

    count = len(outcome_ids(window))
    qtbot.keyClick(
        text.box,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(outcome_ids(window)) == count + 1
    copy_id = outcome_ids(window)[1]
    copy_text = editor(window, f"certified.learning_outcomes[{copy_id}].text")
    qtbot.waitUntil(copy_text.box.hasFocus)
    qtbot.keyClick(
        copy_text.box,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(outcome_ids(window)) == count
    assert copy_id not in outcome_ids(window)


def test_nested_table_rows_inside_a_card(qtbot: Any, window: Any) -> None:
    outcomes_list(window)
    first = outcome_ids(window)[0]
    page = window.editor.current_page()
    skills = page.list_widget(f"certified.learning_outcomes[{first}].esco_skills")
    before = len(skills.order)
    assert before >= 1
    skills.add_button.click()
    skill_id = skills.order[-1]
    label = editor(window, f"certified.learning_outcomes[{first}].esco_skills[{skill_id}].label")
    qtbot.waitUntil(label.line.hasFocus)
    qtbot.keyClicks(label.line, "apply quality standards")
    outcome = window.session.proposal.certified.learning_outcomes[0]
    assert len(outcome.esco_skills) == before + 1
    assert outcome.esco_skills[-1].label == "apply quality standards"
    # Alt+Up moves the skill inside its outcome, not the outcome itself
    outcomes_before = outcome_ids(window)
    qtbot.keyClick(label.line, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    outcome = window.session.proposal.certified.learning_outcomes[0]
    assert outcome.esco_skills[-2].id == skill_id
    assert outcome_ids(window) == outcomes_before
    assert label.line.hasFocus()


def test_undo_merges_typing_and_redo_restores(qtbot: Any, window: Any) -> None:
    title = editor(window, "general.title")
    original = title.line.text()
    title.line.setFocus()
    title.line.end(False)
    qtbot.keyClicks(title.line, " plus")
    assert window.session.proposal.general.title == original + " plus"
    assert window.session.undo_stack.count() == 1, "typing in one field is one undo step"
    # leaving the field closes the step; more typing is a second step
    editor(window, "general.rationale").box.setFocus()
    title.line.setFocus()
    title.line.end(False)
    qtbot.keyClicks(title.line, " two")
    assert window.session.undo_stack.count() == 2

    qtbot.keyClick(title.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.proposal.general.title == original + " plus"
    assert title.line.text() == original + " plus"
    window.actions_.undo.trigger()
    assert window.session.proposal.general.title == original
    assert title.line.text() == original
    qtbot.keyClick(
        title.line,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert title.line.text() == original + " plus"
    window.actions_.redo.trigger()
    assert window.session.proposal.general.title == original + " plus two"


def test_undo_brings_back_a_removed_item_on_its_page(
    qtbot: Any, window: Any, db_path: Path
) -> None:
    outcomes = outcomes_list(window)
    ids = outcome_ids(window)
    removed = window.session.proposal.certified.learning_outcomes[1].model_copy(deep=True)
    outcomes.views[ids[1]].buttons.remove.click()
    window.editor.show_section("general")
    window.actions_.undo.trigger()
    assert window.editor.current_section() == "certified"
    assert outcome_ids(window) == ids
    assert window.session.proposal.certified.learning_outcomes[1] == removed
    qtbot.waitUntil(lambda: not window.session.dirty)
    assert [
        o.id for o in stored(db_path, window.session.proposal_id).certified.learning_outcomes
    ] == ids


def test_undo_and_redo_take_the_author_to_the_changed_field(qtbot: Any, window: Any) -> None:
    outcomes_list(window)
    second = outcome_ids(window)[1]
    path = f"certified.learning_outcomes[{second}].text"
    text = editor(window, path)
    text.box.setFocus()
    qtbot.keyClicks(text.box, " more")
    edited = window.session.proposal.certified.learning_outcomes[1].text
    editor(window, "general.title").line.setFocus()
    assert window.editor.current_section() == "general"

    window.actions_.undo.trigger()

    assert window.editor.current_section() == "certified"
    qtbot.waitUntil(editor(window, path).box.hasFocus)
    window.editor.show_section("general")
    window.actions_.redo.trigger()
    assert window.editor.current_section() == "certified"
    qtbot.waitUntil(editor(window, path).box.hasFocus)
    assert editor(window, path).box.toPlainText() == edited


def test_computed_totals_follow_the_budget_lines(qtbot: Any, window: Any) -> None:
    page = window.editor.show_section("financial")
    revenues = page.list_widget("financial.revenues")
    expenditures = page.list_widget("financial.expenditures")
    totals = {label.definition.name: label for label in page.computed}
    revenues.add_button.click()
    line_id = revenues.order[-1]
    units = editor(window, f"financial.revenues[{line_id}].units")
    cost = editor(window, f"financial.revenues[{line_id}].unit_cost")
    qtbot.keyClicks(units.line, "20")
    qtbot.keyClicks(cost.line, "150")
    row = revenues.views[line_id]
    assert row.computed[0].text() == "3,000.00 EUR"
    assert totals["financial.total_revenue"].text() == "3,000.00 EUR"
    expenditures.add_button.click()
    cost_id = expenditures.order[-1]
    qtbot.keyClicks(editor(window, f"financial.expenditures[{cost_id}].units").line, "1")
    qtbot.keyClicks(editor(window, f"financial.expenditures[{cost_id}].unit_cost").line, "3500")
    assert totals["financial.total_expenditure"].text() == "3,500.00 EUR"
    assert totals["financial.balance"].text() == "-500.00 EUR"
    window.actions_.undo.trigger()
    assert totals["financial.balance"].text() == "3,000.00 EUR"


def test_activity_hours_update_live(qtbot: Any, window: Any) -> None:
    page = window.editor.show_section("academic")
    totals = {label.definition.name: label for label in page.computed}
    before = window.session.proposal.academic.activity_hours
    activities = page.list_widget("academic.activities")
    activities.add_button.click()
    new_id = activities.order[-1]
    qtbot.keyClicks(editor(window, f"academic.activities[{new_id}].hours").line, "6")
    assert totals["academic.activity_hours"].text() == f"{before + 6:g} h"
    editor(window, f"academic.activities[{new_id}].taught").check.click()
    taught = window.session.proposal.academic.teaching_hours
    assert totals["academic.teaching_hours"].text() == f"{taught:g} h"


def test_assessment_outcome_picker_shows_outcome_texts(qtbot: Any, window: Any) -> None:
    assessment = window.session.proposal.academic.assessments[0]
    picker = editor(window, f"academic.assessments[{assessment.id}].outcome_ids")
    outcomes = window.session.proposal.certified.learning_outcomes
    assert len(picker.boxes) == len(outcomes)
    assert picker.boxes[0][1].text().startswith("1. " + outcomes[0].text[:20])
    target_value, target_box = picker.boxes[1]
    was = target_value in assessment.outcome_ids
    target_box.click()
    assert (target_value in window.session.proposal.academic.assessments[0].outcome_ids) is (
        not was
    )


def test_the_ten_esg_entries_are_fixed(window: Any) -> None:
    page = window.editor.show_section("self_assessment")
    entries = page.list_widget("self_assessment.entries")
    assert entries.add_button is None
    assert len(entries.order) == 10
    first = entries.views[entries.order[0]]
    assert first.buttons is None
    assert "1.1" in first.title.text()
    rating = page.editor(f"self_assessment.entries[{entries.order[0]}].rating")
    rating.buttons[-1].click()
    assert window.session.proposal.self_assessment.entries[0].rating == 4
    press(rating.buttons[-1], Qt.Key.Key_Space)


def test_items_move_by_drag_and_drop(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    from mcdesigner.widgets.item_drag import drop_target, item_mime

    assert drop_target(["a", "b", "c"], [10, 30, 50], "a", 40) == 1
    assert drop_target(["a", "b", "c"], [10, 30, 50], "c", 5) == 0
    assert drop_target(["a", "b", "c"], [10, 30, 50], "b", 60) == 2

    outcomes = outcomes_list(window)
    qtbot.waitUntil(lambda: outcomes.views[outcomes.order[-1]].frame.height() > 0)
    first, second, third, *_ = outcome_ids(window)
    below_third = outcomes.views[third].frame
    y = below_third.mapTo(outcomes, below_third.rect().bottomLeft()).y() - 2
    grip = outcomes.views[first].buttons.grip
    assert grip.list_path == "certified.learning_outcomes"
    data = item_mime(grip.list_path, grip.item_id)  # kept alive: the event only points to it
    drop = QDropEvent(
        QPointF(20, y),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    outcomes.dropEvent(drop)
    assert outcome_ids(window)[:3] == [second, third, first]
    # an item of another list is not accepted
    other = item_mime("academic.activities", first)
    foreign = QDropEvent(
        QPointF(20, y),
        Qt.DropAction.MoveAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    outcomes.dropEvent(foreign)
    assert outcome_ids(window)[:3] == [second, third, first]
    window.actions_.undo.trigger()
    assert outcome_ids(window)[:3] == [first, second, third]
