"""The composed window: live checks, the Issues dock, export, reviewing, read-only, shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from gui.gui_helpers import editor, press, stored, type_text
from mcdesigner.model.review import Annotation, Comment
from mcdesigner.storage import Store
from mcdesigner.ui.checks.issue_delegate import PATH_ROLE
from mcdesigner.ui.export import ExportDialog
from mcdesigner.ui.field_guards import is_locked
from mcdesigner.ui.review import StatusDialog

pytestmark = pytest.mark.gui

LO3 = "certified.learning_outcomes[lo3]"
LO3_TEXT = f"{LO3}.text"
VAGUE = "outcome.vague-verb"
REVIEWER = "Ana García"
FIX = "Select the digital tools and administrative resources that support each step of design."


def _has_rule(issues: list[Any], rule: str, path: str) -> bool:
    return any(i.rule == rule and i.path == path for i in issues)


def _focus_inside(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def _wait_checked(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: bool(window.checks.panel.visible_issues()))


def _as_reviewer(window: Any) -> None:
    assert window.apply_preferences(window.preferences.model_copy(update={"user_name": REVIEWER}))


# ---------------------------------------------------------------------- checks
def test_activating_an_issue_focuses_its_field_and_fixing_it_clears_it(
    qtbot: Any, window: Any
) -> None:
    panel = window.checks.panel
    assert window.checks.dock.isVisible()
    _wait_checked(qtbot, window)
    assert _has_rule(panel.visible_issues(), VAGUE, LO3_TEXT)

    # Start elsewhere, then go to the issue from the keyboard.
    window.show_section("general")
    assert panel.select_path(LO3_TEXT)
    assert panel.view.currentIndex().data(PATH_ROLE) == LO3_TEXT
    panel.view.setFocus()
    press(panel.view, Qt.Key.Key_Return)
    assert window.editor.current_section() == "certified"
    outcome = window.editor.current_page().editor(LO3_TEXT)
    assert outcome is not None
    qtbot.waitUntil(lambda: _focus_inside(outcome))
    # The issue is shown inline too.
    assert _has_rule(outcome.issues(), VAGUE, LO3_TEXT)
    assert outcome.property("issueSeverity") == "warning"

    outcome.box.selectAll()
    type_text(outcome.box, FIX)
    qtbot.waitUntil(lambda: not _has_rule(panel.issues(), VAGUE, LO3_TEXT))
    assert not any(i.rule == VAGUE for i in outcome.issues())
    assert outcome.property("issueSeverity") == ""
    assert window.session.proposal.certified.learning_outcomes[2].text == FIX


def test_the_issues_list_follows_the_section_shown(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QPoint

    _wait_checked(qtbot, window)
    view = window.checks.panel.view
    window.show_section("staff")
    qtbot.waitUntil(lambda: view.indexAt(QPoint(4, 4)).data(PATH_ROLE) == "staff")
    # Going to an issue from the list keeps the list where it is.
    assert window.checks.panel.select_path(LO3_TEXT)
    press(view, Qt.Key.Key_Return)
    assert window.editor.current_section() == "certified"
    assert view.visualRect(view.currentIndex()).intersects(view.viewport().rect())


def test_clicking_an_issue_opens_its_field(qtbot: Any, window: Any) -> None:
    _wait_checked(qtbot, window)
    view = window.checks.panel.view
    window.show_section("general")
    assert window.checks.panel.select_path(LO3_TEXT)
    rect = view.visualRect(view.currentIndex())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.current_section() == "certified"
    outcome = window.editor.current_page().editor(LO3_TEXT)
    qtbot.waitUntil(lambda: _focus_inside(outcome))


def test_list_item_issues_and_advice_are_shown_inline(qtbot: Any, window: Any) -> None:
    _wait_checked(qtbot, window)
    esco = f"{LO3}.esco_skills[lo3-esco2].uri"
    assert window.go_to_path(esco)
    field = window.editor.current_page().editor(esco)
    qtbot.waitUntil(lambda: _focus_inside(field))
    assert field.property("issueSeverity") == "error"
    # Advice from the checks is shown as advice, not as an error.
    several = window.editor.current_page().editor("certified.learning_outcomes[lo1].text")
    assert [i.severity for i in several.issues()] == ["advice"]
    assert several.property("issueSeverity") == "advice"


def test_navigator_badges_follow_the_filled_fields(qtbot: Any, window: Any) -> None:
    _wait_checked(qtbot, window)
    navigator = window.editor.navigator
    before = navigator.badge("general")
    assert before.startswith("General information  (") and "%" in before
    row = navigator.section_ids().index("general")
    assert "required fields are filled in" in navigator.item(row).toolTip()

    contact = editor(window, "general.contact.name")
    contact.line.setFocus()
    type_text(contact.line, "Marta Rossi")
    qtbot.waitUntil(lambda: navigator.badge("general") != before)
    assert navigator.badge("rights") == "Rights attached to the credential  (✓)"


def test_completeness_is_stored_with_the_autosave(qtbot: Any, window: Any, db_path: Path) -> None:
    contact = editor(window, "general.contact.name")
    type_text(contact.line, "Marta Rossi")
    window.save_now()
    readiness = window.checks.readiness()
    assert readiness is not None
    with Store.open(db_path) as other:
        summary = other.summary(window.session.proposal_id)
    assert summary.completeness == pytest.approx(readiness.overall_percent)


def test_preferences_reach_the_checker(qtbot: Any, window: Any) -> None:
    prefs = window.preferences.model_copy(
        update={"hours_per_credit_min": 20.0, "hours_per_credit_max": 22.0}
    )
    assert window.apply_preferences(prefs)
    assert window.checks.checker.settings.hours_per_credit_min == 20.0
    assert window.checks.checker.settings.hours_per_credit_max == 22.0


# ---------------------------------------------------------------------- export
def test_export_opens_on_the_current_proposal_after_saving(
    qtbot: Any, window: Any, db_path: Path
) -> None:
    title = editor(window, "general.title")
    title.line.setFocus()
    title.line.selectAll()
    type_text(title.line, "Research data stewardship")
    assert window.session.dirty

    window.actions_.export_dialog.trigger()
    dialog = window.exporting.dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not window.session.dirty, "unsaved edits are saved before exporting"
    assert stored(db_path, window.session.proposal_id).general.title == "Research data stewardship"
    assert "Research data stewardship" in dialog.windowTitle()
    assert (dialog.document(), dialog.format()) == ("proposal", "pdf")
    assert window.actions_.export_dialog.shortcut().toString() == "Ctrl+E"

    window.actions_.export_dossier.trigger()
    dossier = window.exporting.dialog
    assert dossier is not dialog
    assert (dossier.document(), dossier.format()) == ("dossier", "pdf")
    assert dossier._criterion_titles, "the dossier names the rubric criteria"
    window.actions_.export_ob3.trigger()
    assert window.exporting.dialog.document() == "ob3"
    window.exporting.dialog.reject()
    assert window.exporting.dialog is None


def test_export_from_the_library_takes_the_selected_proposal(qtbot: Any, window: Any) -> None:
    other_id = window.library_actions.new(from_example=False)
    assert other_id is not None and window.session.proposal_id == other_id
    example_id = next(s.id for s in window.store.list_proposals() if s.id != other_id)
    window.show_library()
    assert window.library.select(example_id)
    window.actions_.export_dialog.trigger()
    dialog = window.exporting.dialog
    assert dialog is not None and "Towards INGENIUM" in dialog.windowTitle()
    dialog.reject()


def test_print_creates_the_proposal_pdf_and_opens_the_print_dialog(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[str] = []
    monkeypatch.setattr(
        ExportDialog, "print_document", lambda self: printed.append(str(self.output_path))
    )
    window.actions_.print_proposal.trigger()
    dialog = window.exporting.dialog
    assert dialog is not None and dialog.state == "running", "built off the UI thread"
    qtbot.waitUntil(lambda: bool(printed), timeout=30_000)
    assert dialog.state == "ready" and printed[0].endswith(".pdf")
    dialog.reject()


# ---------------------------------------------------------------------- reviewing
def test_reviewer_mode_locks_fields_and_a_comment_creates_a_thread(
    qtbot: Any, window: Any, db_path: Path
) -> None:
    _as_reviewer(window)
    outcome = editor(window, LO3_TEXT)
    original = outcome.box.toPlainText()
    window.actions_.reviewer_mode.trigger()
    assert window.review.reviewer_mode
    banner = window.editor.read_only_banner
    assert banner.isVisible() and banner.text().startswith("Read-only: reviewer mode")
    assert is_locked(outcome.box)
    assert not window.actions_.undo.isEnabled()
    assert "read-only" in window.status_button.text()

    # Still focusable, but typing changes nothing.
    outcome.box.setFocus()
    qtbot.waitUntil(outcome.box.hasFocus)
    type_text(outcome.box, "xyz")
    assert outcome.box.toPlainText() == original
    assert window.session.proposal.certified.learning_outcomes[2].text == original
    assert window.editor.focused_path == LO3_TEXT

    window.actions_.comment_field.trigger()
    panel = window.review.panel
    assert window.review.dock.isVisible()
    assert panel.thread_view.draft_path() == LO3_TEXT
    reply = panel.thread_view.reply_edit
    qtbot.waitUntil(reply.hasFocus)
    type_text(reply, "Which tools? Name them so the outcome can be assessed.")
    press(reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with Store.open(db_path) as other:
        threads = other.list_annotations(window.session.proposal_id)
    assert [(t.path, t.status, t.comments[0].author) for t in threads] == [
        (LO3_TEXT, "open", REVIEWER)
    ]
    assert panel.thread_item(threads[0].id) is not None
    markers = [i for i in outcome.issues() if i.severity == "info"]
    assert [m.message for m in markers] == ["● 1 open comment thread"]

    qtbot.mouseClick(panel.thread_view.resolve_button, Qt.MouseButton.LeftButton)
    with Store.open(db_path) as other:
        assert other.list_annotations(window.session.proposal_id)[0].status == "resolved"
    markers = [i for i in outcome.issues() if i.severity == "info"]
    assert [m.message for m in markers] == ["✓ 1 resolved comment thread"]

    window.actions_.reviewer_mode.trigger()
    assert not banner.isVisible() and not is_locked(outcome.box)
    assert window.actions_.undo.isEnabled() or window.session.undo_stack.count() == 0


def test_a_field_menu_offers_a_comment_on_the_field_or_the_item(qtbot: Any, window: Any) -> None:
    _as_reviewer(window)
    outcome = editor(window, LO3_TEXT)
    menu = window.editor.comment_menu.menu_for(outcome.box.viewport())
    assert menu is not None
    entries = [a.text() for a in menu.actions()]
    assert "Add comment…" in entries and any("Copy" in e for e in entries), entries
    next(a for a in menu.actions() if a.text() == "Add comment…").trigger()
    assert window.review.panel.thread_view.draft_path() == LO3_TEXT

    page = window.editor.current_page()
    card = page.list_widget("certified.learning_outcomes").view_widget("lo3")
    item_menu = window.editor.comment_menu.menu_for(card)
    next(a for a in item_menu.actions() if a.text() == "Add comment…").trigger()
    assert window.review.panel.thread_view.draft_path() == LO3


def test_navigating_from_a_thread_opens_its_field(qtbot: Any, window: Any) -> None:
    window.store.save_annotation(
        Annotation(
            proposal_id=window.session.proposal_id,
            path="general.title",
            comments=[Comment(author=REVIEWER, body="Shorter, please.")],
        )
    )
    window.review.after_import()
    window.review.show_comments()
    panel = window.review.panel
    thread = panel.annotations()[0]
    window.show_section("quality")
    panel.thread_item(thread.id).setSelected(True)
    panel.tree.itemActivated.emit(panel.thread_item(thread.id), 0)
    assert window.editor.current_section() == "general"
    title = window.editor.current_page().editor("general.title")
    qtbot.waitUntil(lambda: _focus_inside(title))
    assert [m.message for m in title.issues() if m.severity == "info"] == [
        "● 1 open comment thread"
    ]


def test_importing_a_review_refreshes_the_comments_and_markers(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mcdesigner.ui.review as review_ui

    def fake_import(parent: Any, store: Store, **_options: Any) -> object:
        store.save_annotation(
            Annotation(
                proposal_id=window.session.proposal_id,
                path=LO3_TEXT,
                comments=[Comment(author="Jan Novák", body="Use an observable verb.")],
            )
        )
        return object()

    monkeypatch.setattr(review_ui, "import_review_interactive", fake_import)
    window.actions_.import_review.trigger()
    assert [a.path for a in window.review.panel.annotations()] == [LO3_TEXT]
    outcome = editor(window, LO3_TEXT)
    assert any(i.severity == "info" for i in outcome.issues())


def test_status_dialog_opens_and_a_submitted_proposal_is_read_only(qtbot: Any, window: Any) -> None:
    _as_reviewer(window)
    assert "(Draft)" in window.windowTitle()
    assert window.status_button.text() == "Status: Draft"
    window.actions_.status.trigger()
    dialog = window.review.dialog
    assert isinstance(dialog, StatusDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.status() == "draft"
    # Submitting is refused while errors remain; the dialog offers to show them.
    assert not dialog.move_to("submitted")
    window.checks.dock.hide()
    qtbot.mouseClick(dialog.issues_button, Qt.MouseButton.LeftButton)
    assert window.checks.dock.isVisible()

    # The status changed (as after a successful step): the window follows the stored proposal.
    stored_proposal = window.store.get(window.session.proposal_id)
    stored_proposal.status = "submitted"
    window.store.save(stored_proposal, expected_hash=window.store.get_hash(stored_proposal.id))
    window.actions_.status.trigger()
    window.review.dialog.status_changed.emit("submitted")
    assert window.session.proposal.status == "submitted"
    assert "(Submitted)" in window.windowTitle()
    banner = window.editor.read_only_banner
    assert banner.isVisible()
    assert banner.text().startswith("Read-only: submitted proposals cannot be edited")
    assert is_locked(editor(window, "general.title").line)
    window.review.dialog.reject()


def test_rubric_and_compare_dialogs_open_from_the_review_menu(qtbot: Any, window: Any) -> None:
    _as_reviewer(window)
    review_menu = [a.text() for a in window.menus["review"].actions() if a.text()]
    assert review_menu[:2] == ["&Reviewer mode", "&Comment on this field…"]
    window.actions_.score.trigger()
    assert window.review.dialog.objectName() == "rubricDialog"
    window.review.dialog.reject()
    window.actions_.compare.trigger()
    assert window.review.dialog.objectName() == "compareDialog"
    window.review.dialog.reject()


def test_reviewer_mode_is_remembered(qtbot: Any, open_window: Any) -> None:
    window = open_window()
    window.actions_.reviewer_mode.trigger()
    window.close()
    again = open_window()
    assert again.actions_.reviewer_mode.isChecked()
    assert again.editor.read_only and again.editor.read_only_banner.isVisible()


# ---------------------------------------------------------------------- keyboard
def test_dock_shortcuts_show_the_docks_and_focus_their_lists(qtbot: Any, window: Any) -> None:
    window.checks.dock.hide()
    window.actions_.toggle_issues.trigger()
    assert window.checks.dock.isVisible()
    qtbot.waitUntil(window.checks.panel.view.hasFocus)
    window.actions_.toggle_comments.trigger()
    assert window.review.dock.isVisible()
    qtbot.waitUntil(window.review.panel.tree.hasFocus)


def test_every_shortcut_is_listed_and_unique(qtbot: Any, window: Any) -> None:
    dialog = window.show_shortcuts()
    rows = dialog.rows()
    listed = {(action, keys) for _menu, action, keys in rows}
    seen: dict[str, str] = {}
    for action in window.actions():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is used by {seen[text]} and {action.text()}"
            seen[text] = action.text()
    for keys, name in seen.items():
        assert any(keys in k and name.replace("&", "") == a for a, k in listed), (keys, name)
    for expected in ("Ctrl+E", "Ctrl+P", "Ctrl+Shift+I", "Ctrl+Shift+M", "Ctrl+Alt+M"):
        assert expected in seen
    dialog.reject()


def test_menu_entries_have_distinct_access_keys(window: Any) -> None:
    from PySide6.QtWidgets import QMenu

    for name, menu in window.menus.items():
        if name == "recent":
            continue
        keys: dict[str, str] = {}
        for action in menu.actions():
            text = action.text()
            if action.isSeparator() or "&" not in text:
                continue
            key = text[text.index("&") + 1].lower()
            assert key not in keys, f"{name}: {text!r} and {keys[key]!r} share Alt+{key}"
            keys[key] = text
        assert isinstance(menu, QMenu)
