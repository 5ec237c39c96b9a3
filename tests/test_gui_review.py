"""Reviewing in the window: comment threads, rubric scores, version compare, status, files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTableWidget,
    QWidget,
)

from mcdesigner.formdefs import default_forms, path_label
from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.edits import MoveItem, RemoveItem, SetValue, apply_edit
from mcdesigner.model.proposal import ExpenditureLine, LearningOutcome, RevenueLine
from mcdesigner.storage import Store
from mcdesigner.ui.review import (
    AnnotationsPanel,
    CompareDialog,
    RubricDialog,
    StatusDialog,
    annotation_counts,
    annotation_markers,
    counts_under,
    export_review_interactive,
    format_value,
    import_review_interactive,
    is_read_only,
    marker_issues,
    marker_text,
)
from mcdesigner.ui.review.annotations_panel import ORPHANED_GROUP
from mcdesigner.ui.review.common import CHANGE_COLOURS

REVIEWER = "Ana García"


# ---------------------------------------------------------------------- helpers
def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events carrying the characters (safe for any Unicode)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a table cell, empty where the cell has no item."""
    item = table.item(row, column)
    return item.text() if item is not None else ""


def click(qtbot: Any, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _proposal() -> Proposal:
    proposal = Proposal()
    proposal.general.title = "Research data stewardship"
    proposal.certified.learning_outcomes = [
        LearningOutcome(text="Apply the FAIR principles to a research dataset"),
        LearningOutcome(text="Write a data management plan for a funded project"),
        LearningOutcome(text="Choose a trusted repository for long-term preservation"),
    ]
    proposal.financial.revenues = [
        RevenueLine(description="Tuition fees", units=20, unit_cost=Decimal("150"))
    ]
    proposal.financial.expenditures = [
        ExpenditureLine(description="Teaching hours", units=30, unit_cost=Decimal("60")),
        ExpenditureLine(description="Travel of guest lecturer", units=1, unit_cost=Decimal("400")),
    ]
    return proposal


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "proposals.sqlite3") as opened:
        yield opened


@pytest.fixture
def proposal(store: Store) -> Proposal:
    proposal = _proposal()
    store.save(proposal)
    return proposal


def _outcome_path(proposal: Proposal, index: int, field: str = "") -> str:
    item = proposal.certified.learning_outcomes[index]
    path = f"certified.learning_outcomes[{item.id}]"
    return f"{path}.{field}" if field else path


def _panel(
    qtbot: Any, store: Store, proposal: Proposal, reviewer: str = REVIEWER
) -> AnnotationsPanel:
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    panel.set_context(store, proposal, reviewer)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _save_edit(store: Store, proposal: Proposal, *edits: Any) -> None:
    expected = store.get_hash(proposal.id)
    for edit in edits:
        apply_edit(proposal, edit)
    store.save(proposal, expected_hash=expected)


# ---------------------------------------------------------------------- pure helpers
def test_labels_name_items_by_position_and_form_labels(proposal: Proposal) -> None:
    forms = default_forms()
    assert path_label(forms, _outcome_path(proposal, 1, "text"), proposal) == (
        "Learning outcome 2 › Outcome"
    )
    assert path_label(forms, _outcome_path(proposal, 2), proposal) == "Learning outcome 3"
    line = proposal.financial.expenditures[1]
    assert path_label(forms, f"financial.expenditures[{line.id}].unit_cost", proposal) == (
        "Expenditure line 2 › Cost per unit"
    )
    assert path_label(forms, "self_assessment.entries[esg-1.3].rating", proposal).startswith(
        "ESG 1.3 "
    )


def test_values_read_as_labels_not_codes(proposal: Proposal) -> None:
    forms = default_forms()
    proposal.certified.eqf_level = "http://data.europa.eu/snb/eqf/6"
    proposal.general.languages = ["ENG", "SPA"]
    proposal.general.start_date = dt.date(2026, 9, 1)
    proposal.general.fee = Decimal("1250.5")
    proposal.certified.ects_credits = 2.0
    second = proposal.certified.learning_outcomes[1]

    def shown(path: str, value: Any) -> str:
        return format_value(forms, proposal, path, value)

    assert shown("certified.eqf_level", proposal.certified.eqf_level) == "Level 6"
    assert shown("general.languages", proposal.general.languages) == "English; Spanish"
    assert shown("general.start_date", proposal.general.start_date) == "1 September 2026"
    assert shown("general.fee", proposal.general.fee) == "1,250.50 EUR"
    assert shown("certified.ects_credits", 2.0) == "2"
    assert shown("certified.notional_hours", 1200.0) == "1,200"
    assert shown("general.description", "") == "(empty)"
    assert shown("academic.assessments[x].outcome_ids", [second.id]) == "Learning outcome 2"
    line = proposal.financial.expenditures[0]
    assert shown(f"financial.expenditures[{line.id}].category", "teaching_staff") == (
        "Teaching staff"
    )


def test_markers_count_threads_per_path_and_inside_items(proposal: Proposal) -> None:
    item = _outcome_path(proposal, 0)
    notes = [
        Annotation(proposal_id=proposal.id, path=f"{item}.text"),
        Annotation(proposal_id=proposal.id, path=f"{item}.text", status="resolved"),
        Annotation(proposal_id=proposal.id, path=item),
        Annotation(proposal_id=proposal.id, path="general.title"),
    ]
    counts = annotation_counts(notes)
    assert counts[f"{item}.text"] == (1, 1)
    assert counts_under(counts, item) == (2, 1)
    assert counts_under(counts, "general.title") == (1, 0)
    assert counts_under(counts, "general") == (1, 0)
    assert counts_under(counts, "general.tit") == (0, 0)
    assert marker_text(2, 1) == "●2 ✓1"
    assert marker_text(0, 0) == ""
    (marker,) = marker_issues(counts, f"{item}.text")
    assert (marker.path, marker.severity) == (f"{item}.text", "info")
    assert "1 open" in marker.message and "1 resolved" in marker.message
    assert marker_issues(counts, "general.description") == []

    gone = Annotation(proposal_id=proposal.id, path="certified.learning_outcomes[gone].text")
    markers = annotation_markers([*notes, gone], proposal)
    assert sorted(m.path for m in markers) == sorted(["general.title", item, f"{item}.text"])


@pytest.mark.parametrize(
    ("status", "reviewer_mode", "read_only"),
    [
        ("draft", False, False),
        ("changes_requested", False, False),
        ("submitted", False, True),
        ("in_review", False, True),
        ("draft", True, True),
    ],
)
def test_read_only_rule(status: str, reviewer_mode: bool, read_only: bool) -> None:
    assert is_read_only(status, reviewer_mode) is read_only


# ---------------------------------------------------------------------- panel and thread
@pytest.mark.gui
def test_comment_on_a_learning_outcome_then_reply_and_resolve(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    panel = _panel(qtbot, store, proposal)
    path = _outcome_path(proposal, 1)
    view = panel.thread_view
    panel.add_annotation(path)
    assert view.title_label.text() == "Learning outcome 2"
    assert not view.send_button.isEnabled()  # nothing typed yet

    type_text(view.reply_edit, "Préciser le verbe : « écrire » ou « évaluer » ?")
    with qtbot.waitSignal(panel.annotations_changed):
        click(qtbot, view.send_button)

    (note,) = store.list_annotations(proposal.id)
    assert note.path == path
    assert note.label == "Learning outcome 2"
    assert note.status == "open"
    assert note.revision_hash == store.get_hash(proposal.id)
    assert [(c.author, c.body) for c in note.comments] == [
        (REVIEWER, "Préciser le verbe : « écrire » ou « évaluer » ?")
    ]
    item = panel.thread_item(note.id)
    assert item is not None
    assert item.text(0).startswith("Learning outcome 2\nUnresolved · 1 comment · Ana García, ")
    assert panel.group_of(note.id) == "certified"

    # A reply sent with Ctrl+Enter.
    qtbot.keyClicks(view.reply_edit, "Second thought: keep it.")
    qtbot.keyClick(view.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(store.list_annotations(proposal.id)[0].comments) == 2)
    assert view.reply_edit.toPlainText() == ""

    before = store.list_annotations(proposal.id)[0].updated
    with qtbot.waitSignal(panel.annotations_changed):
        click(qtbot, view.resolve_button)
    (note,) = store.list_annotations(proposal.id)
    assert note.status == "resolved"
    assert note.updated >= before
    assert [c.body for c in note.comments][1] == "Second thought: keep it."
    assert view.resolve_button.text() == "Reopen"
    assert "Resolved" in panel.thread_item(note.id).text(0)  # type: ignore[union-attr]

    panel.set_filter("open")
    assert panel.thread_item(note.id) is None
    panel.set_filter("resolved")
    assert panel.thread_item(note.id) is not None


@pytest.mark.gui
def test_a_reply_after_a_review_import_keeps_the_reviewers_comment(
    qtbot: Any, store: Store, proposal: Proposal, tmp_path: Path
) -> None:
    panel = _panel(qtbot, store, proposal)
    view = panel.thread_view
    panel.add_annotation(_outcome_path(proposal, 0))
    type_text(view.reply_edit, "Is the verb observable?")
    with qtbot.waitSignal(panel.annotations_changed):
        click(qtbot, view.send_button)
    (shown,) = store.list_annotations(proposal.id)

    # A reviewer's file, merged from the command line while the window shows the thread.
    from mcdesigner.exchange import ReviewBundle, write_review_file
    from mcdesigner.operations.reviews import import_review

    theirs = shown.model_copy(deep=True)
    theirs.comments.append(Comment(author="Ben Ortiz", body="Yes: “apply” is observable."))
    review = tmp_path / "ben.mcreview"
    write_review_file(
        review,
        ReviewBundle(
            proposal_id=proposal.id,
            revision_hash=store.get_hash(proposal.id),
            annotations=(theirs,),
            reviewer="Ben Ortiz",
        ),
    )
    import_review(store, review)

    type_text(view.reply_edit, "Thanks, resolved then.")
    with qtbot.waitSignal(panel.annotations_changed):
        click(qtbot, view.send_button)
    (stored,) = store.list_annotations(proposal.id)
    # Comments written in the same second may come in either order.
    assert sorted(c.body for c in stored.comments) == [
        "Is the verb observable?",
        "Thanks, resolved then.",
        "Yes: “apply” is observable.",
    ]
    assert [card.comment.body for card in view.comment_cards()] == [c.body for c in stored.comments]


@pytest.mark.gui
def test_comment_text_and_author_are_shown_literally(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    note = Annotation(
        proposal_id=proposal.id,
        path="general.title",
        comments=[Comment(author="<i>Bo</i>", body="<b>bold</b> & co")],
    )
    store.save_annotation(note)
    panel = _panel(qtbot, store, proposal)
    assert panel.select_annotation(note.id)
    (card,) = panel.thread_view.comment_cards()
    assert card.body_label.text() == "<b>bold</b> & co"
    assert card.body_label.textFormat() == Qt.TextFormat.PlainText
    assert card.author_label.text() == "<i>Bo</i>"
    assert card.author_label.textFormat() == Qt.TextFormat.PlainText
    # Someone else's comment cannot be edited or deleted.
    assert card.edit_button is None and card.delete_button is None


@pytest.mark.gui
def test_edit_and_delete_own_comments(
    qtbot: Any, store: Store, proposal: Proposal, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = Annotation(
        proposal_id=proposal.id,
        path="general.title",
        comments=[
            Comment(author=REVIEWER, body="Too long"),
            Comment(author=REVIEWER, body="Maybe shorten it"),
        ],
    )
    store.save_annotation(note)
    panel = _panel(qtbot, store, proposal)
    panel.select_annotation(note.id)
    view = panel.thread_view
    first, second = view.comment_cards()
    assert first.edit_button is not None
    click(qtbot, first.edit_button)
    assert view.reply_edit.toPlainText() == "Too long"
    assert view.send_button.text() == "Save changes"
    view.reply_edit.selectAll()
    qtbot.keyClicks(view.reply_edit, "Too long for the credential")
    click(qtbot, view.send_button)
    stored = store.list_annotations(proposal.id)[0].comments[0]
    assert stored.body == "Too long for the credential"
    assert stored.edited is not None

    asked: list[str] = []

    def answer(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    second = view.comment_cards()[1]
    assert second.delete_button is not None
    click(qtbot, second.delete_button)
    assert [c.body for c in store.list_annotations(proposal.id)[0].comments] == [
        "Too long for the credential"
    ]
    (last,) = view.comment_cards()
    assert last.delete_button is not None
    click(qtbot, last.delete_button)
    assert "whole thread" in asked[-1]
    assert store.list_annotations(proposal.id) == []
    assert panel.thread_item(note.id) is None


@pytest.mark.gui
def test_tab_walks_through_the_thread_to_the_reply_box(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    note = Annotation(
        proposal_id=proposal.id,
        path="general.title",
        comments=[Comment(author="Bo", body="Shorter?"), Comment(author=REVIEWER, body="Yes")],
    )
    store.save_annotation(note)
    panel = _panel(qtbot, store, proposal)
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.select_annotation(note.id)
    view = panel.thread_view
    first, second = view.comment_cards()
    expected = [first.body_label, second.body_label, second.edit_button, second.delete_button]
    view.resolve_button.setFocus()
    for widget in [*expected, view.reply_edit]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


@pytest.mark.gui
def test_deleting_the_item_moves_its_thread_to_orphaned_comments(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    panel = _panel(qtbot, store, proposal)
    path = _outcome_path(proposal, 2, "text")
    panel.add_annotation(path)
    qtbot.keyClicks(panel.thread_view.reply_edit, "Which repositories count as trusted?")
    click(qtbot, panel.thread_view.send_button)
    (note,) = store.list_annotations(proposal.id)
    assert note.label == "Learning outcome 3 › Outcome"

    removed = proposal.certified.learning_outcomes[2].id
    _save_edit(store, proposal, RemoveItem("certified.learning_outcomes", removed))
    panel.refresh()

    assert panel.group_of(note.id) == ORPHANED_GROUP
    assert panel.group_titles()[-1] == "Orphaned comments"
    item = panel.thread_item(note.id)
    assert item is not None
    assert item.text(0).startswith("Learning outcome 3 › Outcome\n")
    assert panel.select_annotation(note.id)
    assert panel.thread_view.orphan_label.isVisible()
    assert not panel.thread_view.goto_button.isEnabled()


@pytest.mark.gui
def test_activating_a_thread_asks_to_show_its_field(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    path = _outcome_path(proposal, 0, "text")
    note = Annotation(
        proposal_id=proposal.id, path=path, comments=[Comment(author="Bo", body="Vague verb")]
    )
    store.save_annotation(note)
    panel = _panel(qtbot, store, proposal)
    panel.tree.setFocus()
    assert panel.select_annotation(note.id)
    with qtbot.waitSignal(panel.navigate_requested) as signal:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert signal.args == [path]
    with qtbot.waitSignal(panel.navigate_requested) as signal:
        click(qtbot, panel.thread_view.goto_button)
    assert signal.args == [path]


# ---------------------------------------------------------------------- rubric
@pytest.mark.gui
def test_rubric_scores_and_recommendation_are_saved_and_reloaded(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    dialog = RubricDialog(store, proposal.id, REVIEWER, rubric_id="peer-review")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = {row.criterion.id: row for row in dialog.criterion_rows()}
    assert set(rows) == {"alignment", "creativity", "technical-accuracy"}
    assert "Still unscored (3 of 3)" in dialog.progress_label.text()

    rows["alignment"].score.setCurrentIndex(rows["alignment"].score.findData(3))
    rows["creativity"].score.setCurrentIndex(rows["creativity"].score.findData(4))
    assert [row.score.currentText() for row in dialog.criterion_rows()][:2] == [
        "3 – Good",
        "4 – Excellent",
    ]
    type_text(rows["alignment"].comment, "Outcomes match the EQF level; ECTS are coherent.")
    dialog.recommendation_combo.setCurrentIndex(
        dialog.recommendation_combo.findData("approve_with_changes")
    )
    qtbot.keyClicks(dialog.summary_edit, "Good design; clarify the assessment weights.")
    assert dialog.progress_label.text().startswith("Still unscored (1 of 3): Technical accuracy.")

    with qtbot.waitSignal(dialog.review_saved):
        click(qtbot, dialog.save_button)
    (review,) = store.list_reviews(proposal.id)
    assert review.reviewer == REVIEWER
    assert review.rubric_id == "peer-review"
    assert review.revision_hash == store.get_hash(proposal.id)
    assert review.recommendation == "approve_with_changes"
    assert review.summary == "Good design; clarify the assessment weights."
    scores = {s.criterion_id: (s.score, s.comment) for s in review.scores}
    assert scores == {
        "alignment": (3, "Outcomes match the EQF level; ECTS are coherent."),
        "creativity": (4, ""),
    }

    again = RubricDialog(store, proposal.id, REVIEWER)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.rubric() is not None and again.rubric().id == "peer-review"  # type: ignore[union-attr]
    reloaded = {row.criterion.id: row.score.currentData() for row in again.criterion_rows()}
    assert reloaded == {"alignment": 3, "creativity": 4, "technical-accuracy": None}
    assert again.recommendation_combo.currentData() == "approve_with_changes"
    # Saving again updates the same review instead of adding one.
    again.criterion_rows()[2].score.setCurrentIndex(2)
    click(qtbot, again.save_button)
    (updated,) = store.list_reviews(proposal.id)
    assert updated.id == review.id
    assert {s.criterion_id: s.score for s in updated.scores}["technical-accuracy"] == 2


@pytest.mark.gui
def test_switching_rubrics_keeps_the_work_on_each(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    dialog = RubricDialog(store, proposal.id, REVIEWER, rubric_id="peer-review")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.criterion_rows()[0].score.setCurrentIndex(4)  # alignment: 4
    dialog.rubric_combo.setCurrentIndex(dialog.rubric_combo.findData("qa-checklist"))
    assert dialog.rubric().id == "qa-checklist"  # type: ignore[union-attr]
    assert len(dialog.criterion_rows()) == 19
    assert all(row.score.currentData() is None for row in dialog.criterion_rows())
    dialog.criterion_rows()[1].score.setCurrentIndex(2)  # credential design: 2
    dialog.rubric_combo.setCurrentIndex(dialog.rubric_combo.findData("peer-review"))
    assert dialog.criterion_rows()[0].score.currentData() == 4
    click(qtbot, dialog.save_button)
    stored = {
        r.rubric_id: {s.criterion_id: s.score for s in r.scores}
        for r in store.list_reviews(proposal.id)
    }
    assert stored == {"peer-review": {"alignment": 4}, "qa-checklist": {"credential-design": 2}}


@pytest.mark.gui
def test_a_reviewer_without_a_name_is_told_to_set_it(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    dialog = RubricDialog(store, proposal.id, "  ")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name_hint.isVisible()
    assert not dialog.save_button.isEnabled()
    panel = _panel(qtbot, store, proposal, reviewer="")
    panel.add_annotation("general.title")
    assert panel.thread_view.name_hint.isVisible()
    assert not panel.thread_view.reply_edit.isEnabled()


# ---------------------------------------------------------------------- compare
@pytest.mark.gui
def test_compare_lists_changed_outcome_removed_line_and_reorder(
    qtbot: Any, store: Store, proposal: Proposal, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_revision(proposal.id, "Sent to reviewers", kind="manual")
    first = proposal.certified.learning_outcomes[0]
    travel = proposal.financial.expenditures[1]
    _save_edit(
        store,
        proposal,
        SetValue(
            f"certified.learning_outcomes[{first.id}].text",
            "Apply the FAIR principles to a dataset of their own field",
        ),
        RemoveItem("financial.expenditures", travel.id),
        MoveItem("certified.learning_outcomes", first.id, 2),
    )
    dialog = CompareDialog(store, proposal.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    by_kind = {row.kind: row for row in rows}
    assert set(by_kind) == {"changed", "removed", "reordered"}

    changed = by_kind["changed"]
    assert changed.label == "Learning outcome 3 › Outcome"
    assert changed.section == "Certified academic data"
    assert changed.old == "Apply the FAIR principles to a research dataset"
    assert changed.new == "Apply the FAIR principles to a dataset of their own field"

    removed = by_kind["removed"]
    assert removed.label == "Expenditure line 2"
    assert removed.section == "Financial statement"
    assert "Description: Travel of guest lecturer" in removed.old
    assert "400.00 EUR" in removed.old
    assert removed.new == ""

    reordered = by_kind["reordered"]
    assert reordered.label == "Learning outcomes"
    assert reordered.old.startswith("1. Apply the FAIR principles to a research dataset")
    assert reordered.new.startswith("1. Write a data management plan")
    assert reordered.new.splitlines()[2] == (
        "3. Apply the FAIR principles to a dataset of their own field"
    )

    # The table shows the same rows, coloured by kind, under section headings.
    texts = [
        [cell_text(dialog.table, r, c) for c in range(4)] for r in range(dialog.table.rowCount())
    ]
    assert ["Certified academic data", "", "", ""] in texts
    removed_row = next(r for r, t in enumerate(texts) if t[0] == "Removed")
    colour = dialog.table.item(removed_row, 2).background().color()  # type: ignore[union-attr]
    assert colour == QColor(CHANGE_COLOURS["removed"])

    monkeypatch.setattr(
        QInputDialog, "getText", lambda *args, **kwargs: ("After first review", True)
    )
    with qtbot.waitSignal(dialog.revision_saved):
        click(qtbot, dialog.save_revision_button)
    labels = [(r.label, r.kind) for r in store.list_revisions(proposal.id)]
    assert labels == [("Sent to reviewers", "manual"), ("After first review", "manual")]
    assert dialog.old_combo.count() == 3  # two revisions and the current version


# ---------------------------------------------------------------------- status
@pytest.mark.gui
def test_submitting_a_proposal_with_errors_is_refused_with_the_reason(
    qtbot: Any, store: Store
) -> None:
    blank = Proposal()
    store.save(blank)
    dialog = StatusDialog(store, blank.id, REVIEWER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.status_label.text() == "Current status: Draft"
    assert list(dialog.transition_buttons()) == ["submitted"]
    click(qtbot, dialog.transition_buttons()["submitted"])
    assert "cannot be submitted while the checks report" in dialog.message()
    assert store.get(blank.id).status == "draft"
    assert store.list_status_events(blank.id) == []
    with qtbot.waitSignal(dialog.show_issues_requested):
        click(qtbot, dialog.issues_button)


@pytest.mark.gui
def test_allowed_transitions_are_recorded_in_the_history(
    qtbot: Any, store: Store, proposal: Proposal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mcdesigner.operations.workflow as workflow

    monkeypatch.setattr(workflow, "run", lambda *args, **kwargs: [])
    dialog = StatusDialog(store, proposal.id, REVIEWER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.note_edit, "First round")
    with qtbot.waitSignal(dialog.status_changed) as signal:
        click(qtbot, dialog.transition_buttons()["submitted"])
    assert signal.args == ["submitted"]
    assert dialog.status_label.text() == "Current status: Submitted"
    assert set(dialog.transition_buttons()) == {"in_review", "draft"}
    click(qtbot, dialog.transition_buttons()["in_review"])
    assert store.get(proposal.id).status == "in_review"
    history = dialog.history_rows()
    assert [row[1:] for row in history] == [
        (REVIEWER, "Submitted", "In review", ""),
        (REVIEWER, "Draft", "Submitted", "First round"),
    ]
    assert [r.kind for r in store.list_revisions(proposal.id)] == ["submit"]


# ---------------------------------------------------------------------- files
@pytest.mark.gui
def test_review_files_round_trip_through_the_file_dialogs(
    qtbot: Any, tmp_path: Path, store: Store, proposal: Proposal, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, text, *a: shown.append(("info", title, text))
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *a: shown.append(("warning", title, text))
    )
    with Store.open(tmp_path / "reviewer.sqlite3") as reviewer_store:
        reviewer_store.save(proposal.model_copy(deep=True))
        reviewer_store.save_annotation(
            Annotation(
                proposal_id=proposal.id,
                path=_outcome_path(proposal, 0, "text"),
                comments=[Comment(author=REVIEWER, body="Name the dataset type")],
            )
        )
        reviewer_store.save_review(
            Review(proposal_id=proposal.id, reviewer=REVIEWER, rubric_id="peer-review")
        )
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ana-review"), "")
        )
        written = export_review_interactive(None, reviewer_store, proposal.id, REVIEWER)
    assert written == tmp_path / "ana-review.mcreview"
    assert written.exists()
    assert (
        shown[-1][0] == "info" and "It holds 1 comment thread and 1 rubric review." in shown[-1][2]
    )

    # The author changed the proposal since: the review is of an older revision.
    _save_edit(store, proposal, SetValue("general.title", "Research data stewardship II"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), ""))
    report = import_review_interactive(None, store)
    assert report is not None and (report.added, report.older_revision) == (2, True)
    kind, _title, text = shown[-1]
    assert kind == "info"
    assert "Added: 2. Updated: 0. Already present: 0." in text
    assert "older revision" in text
    assert import_review_interactive(None, store) is not None
    assert "Added: 0. Updated: 0. Already present: 2." in shown[-1][2]

    broken = tmp_path / "broken.mcreview"
    broken.write_bytes(b"not a zip file at all")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    before = store.list_annotations(proposal.id)
    assert import_review_interactive(None, store) is None
    assert shown[-1][0] == "warning" and "Nothing was changed" in shown[-1][2]
    assert store.list_annotations(proposal.id) == before

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    count = len(shown)
    assert import_review_interactive(None, store) is None
    assert len(shown) == count  # cancelling says nothing and changes nothing
