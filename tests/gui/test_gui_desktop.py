"""Desktop conventions: toolbar icons with short fixed labels that fit a small screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gui.gui_helpers import editor, type_text

pytestmark = pytest.mark.gui


def _button_places(window: Any) -> list[tuple[str, int, int]]:
    bar = window.toolbar
    return [
        (action.iconText(), bar.widgetForAction(action).x(), bar.widgetForAction(action).width())
        for action in bar.actions()
    ]


def test_toolbar_buttons_have_icons_and_one_word_labels(window: Any) -> None:
    actions = window.toolbar.actions()
    assert len(actions) == 11
    for action in actions:
        assert not action.icon().isNull(), action.text()
        label = action.iconText()
        assert label and " " not in label and "&" not in label, label
    labels = [a.iconText() for a in actions]
    assert labels[:6] == ["Library", "New", "Import", "Save", "Undo", "Redo"]
    # The menus keep the full names.
    assert window.actions_.import_file.text() == "&Import proposal file…"


def test_toolbar_fits_a_1024_pixel_window(qtbot: Any, window: Any) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    bar = window.toolbar
    assert bar.sizeHint().width() <= 1024 - 24
    # Every button is on the bar itself, none hidden in the overflow menu.
    for action in bar.actions():
        button = bar.widgetForAction(action)
        assert button.isVisible(), action.iconText()
        assert button.geometry().right() < bar.width(), action.iconText()


def test_toolbar_buttons_stay_put_while_editing(qtbot: Any, window: Any) -> None:
    window.resize(1024, 700)
    before = _button_places(window)
    title = editor(window, "general.title")
    title.line.setFocus()
    type_text(title.line, " – a much longer title for the undo step")
    window.editor.current_page().editor("general.description").setFocus()
    qtbot.waitUntil(lambda: window.actions_.undo.isEnabled())
    assert "Edit" in window.actions_.undo.text()  # the menu names the step
    assert _button_places(window) == before


# ---------------------------------------------------------------------- Edit › Cut, Copy, Paste
def _edit_menu_texts(window: Any) -> list[str]:
    return [a.text() for a in window.menus["edit"].actions() if not a.isSeparator()]


def test_edit_menu_offers_cut_copy_paste_and_select_all_with_standard_keys(window: Any) -> None:
    from PySide6.QtGui import QKeySequence

    texts = _edit_menu_texts(window)
    for text in ("Cu&t", "&Copy", "&Paste", "Select &All"):
        assert text in texts
    actions = window.text_actions.actions
    assert actions.copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert actions.paste.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    assert actions.cut.shortcut() == QKeySequence(QKeySequence.StandardKey.Cut)
    assert actions.select_all.shortcut() == QKeySequence(QKeySequence.StandardKey.SelectAll)


def test_cut_and_paste_act_on_the_focused_field_as_an_edit(qtbot: Any, window: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    actions = window.text_actions.actions
    QGuiApplication.clipboard().clear()
    title = editor(window, "general.title")
    title.line.setFocus()
    qtbot.waitUntil(title.line.hasFocus)
    title.line.deselect()
    window.text_actions.update()
    assert not actions.cut.isEnabled() and not actions.copy.isEnabled()
    assert not actions.paste.isEnabled(), "nothing on the clipboard"
    assert actions.select_all.isEnabled()

    actions.select_all.trigger()
    assert title.line.selectedText() == title.line.text()
    assert actions.cut.isEnabled() and actions.copy.isEnabled()
    original = title.line.text()
    actions.cut.trigger()
    assert QGuiApplication.clipboard().text() == original
    assert title.line.text() == ""
    assert window.session.proposal.general.title == ""
    assert actions.paste.isEnabled() and not actions.select_all.isEnabled()
    actions.paste.trigger()
    actions.paste.trigger()
    assert title.line.text() == original * 2
    assert window.session.proposal.general.title == original * 2
    # Undo takes the pasted text back like typed text.
    window.actions_.undo.trigger()
    assert window.session.proposal.general.title != original * 2


def test_copy_works_in_multi_line_fields_and_paste_is_off_when_read_only(
    qtbot: Any, window: Any
) -> None:
    from PySide6.QtGui import QGuiApplication

    actions = window.text_actions.actions
    description = editor(window, "general.description")
    box = description.focusProxy()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    assert actions.copy.isEnabled()
    actions.copy.trigger()
    assert QGuiApplication.clipboard().text() == box.toPlainText()
    assert actions.paste.isEnabled()

    window.actions_.reviewer_mode.setChecked(True)
    box.setFocus()
    window.text_actions.update()
    assert actions.copy.isEnabled(), "reading is still allowed"
    assert not actions.cut.isEnabled() and not actions.paste.isEnabled()


def test_clipboard_actions_are_off_outside_text_fields(qtbot: Any, window: Any) -> None:
    actions = window.text_actions.actions
    window.show_library()
    qtbot.waitUntil(window.library.table.hasFocus)
    assert not any(
        a.isEnabled() for a in (actions.cut, actions.copy, actions.paste, actions.select_all)
    )
    # The search box is a text field like any other.
    window.library.search.setFocus()
    qtbot.waitUntil(window.library.search.hasFocus)
    type_text(window.library.search, "zz")
    assert actions.select_all.isEnabled()


def test_editable_drop_down_lists_are_text_fields(qtbot: Any) -> None:
    from PySide6.QtWidgets import QComboBox, QLabel

    from mcdesigner.ui.text_actions import text_target

    combo = QComboBox()
    qtbot.addWidget(combo)
    assert text_target(combo) is None
    combo.setEditable(True)
    assert text_target(combo) is combo.lineEdit()
    assert text_target(QLabel()) is None


# ---------------------------------------------------------------------- file dialogs
def test_each_kind_of_file_remembers_its_own_folder(tmp_path: Path) -> None:
    from mcdesigner.ui.state import UiState

    ini = tmp_path / "state.ini"
    proposals, reviews = tmp_path / "proposals", tmp_path / "reviews"
    proposals.mkdir()
    reviews.mkdir()
    state = UiState(ini)
    home = str(Path.home())
    assert state.last_folder("proposals") == home
    assert state.last_folder("reviews") == home
    state.set_last_folder("proposals", proposals)
    state.set_last_folder("reviews", reviews)
    again = UiState(ini)  # the next start
    assert again.last_folder("proposals") == str(proposals)
    assert again.last_folder("reviews") == str(reviews)
    assert again.last_folder("documents") not in (str(proposals), str(reviews))
    # A folder that was removed since is not offered.
    reviews.rmdir()
    assert UiState(ini).last_folder("reviews") == home


def _dialog_start(monkeypatch: pytest.MonkeyPatch, name: str, answer: Path | None) -> list[str]:
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def dialog(_parent: Any, _caption: str, start: str, *_a: Any, **_k: Any) -> tuple[str, str]:
        asked.append(start)
        return (str(answer) if answer else "", "")

    monkeypatch.setattr(QFileDialog, name, staticmethod(dialog))
    return asked


def test_proposal_and_review_dialogs_open_where_that_kind_was_used_last(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mcdesigner.ui.ops import running_ops

    outbox = tmp_path / "outbox"
    outbox.mkdir()
    proposal_id = window.session.proposal_id
    asked = _dialog_start(monkeypatch, "getSaveFileName", outbox / "sent.mcproposal")
    window.actions_.export_file.trigger()
    qtbot.waitUntil(lambda: running_ops() == 0)
    assert (outbox / "sent.mcproposal").exists()
    assert Path(asked[0]).parent == Path.home()

    # Importing a proposal file starts in the folder just used for one.
    asked = _dialog_start(monkeypatch, "getOpenFileName", None)
    window.library_actions.import_file()
    assert asked == [str(outbox)]
    # A review file is another kind: its dialog does not follow.
    window.review.import_review()
    assert asked[1] == str(Path.home())

    inbox = tmp_path / "reviews"
    inbox.mkdir()
    asked = _dialog_start(monkeypatch, "getOpenFileName", inbox / "missing.mcreview")
    window.review.import_review()  # the file is refused; the folder was still chosen
    window.review.import_review()
    assert asked == [str(Path.home()), str(inbox)]
    asked = _dialog_start(monkeypatch, "getSaveFileName", None)
    window.library_actions.export_file(proposal_id)
    assert Path(asked[0]).parent == outbox


def test_documents_and_credential_data_remember_their_folders_apart(
    qtbot: Any, tmp_path: Path
) -> None:
    from mcdesigner.examples import load_example
    from mcdesigner.ui.export import ExportDialog
    from mcdesigner.ui.state import UiState

    state = UiState(tmp_path / "state.ini")
    credentials = tmp_path / "credentials"
    credentials.mkdir()

    def dialog(document: str) -> Any:
        made = ExportDialog(load_example(), initial_document=document, folders=state)
        qtbot.addWidget(made)
        return made

    elm = dialog("elm")
    before = dialog("proposal").suggested_path().parent
    elm.start_export()
    qtbot.waitUntil(lambda: elm.state != "running", timeout=30_000)
    assert elm.state == "ready", elm.error_text()
    assert elm.save_to(credentials / "credential.jsonld") is not None
    assert dialog("ob3").suggested_path().parent == credentials
    assert dialog("proposal").suggested_path().parent == before != credentials
    elm.reject()
    if elm.job is not None:
        assert elm.job.wait(10)


# ---------------------------------------------------------------------- first start
def test_a_first_start_shows_the_welcome_page_and_opens_nothing(
    qtbot: Any, open_window: Any, db_path: Path
) -> None:
    from mcdesigner.storage import Store

    window = open_window(example=False)
    assert window.session is None, "the example is not opened uninvited"
    assert window.library_in_front()
    welcome = window.library.welcome
    assert window.library.welcome_shown() and welcome.isVisible()
    buttons = (welcome.blank_button, welcome.example_button, welcome.import_button)
    assert [b.text() for b in buttons] == [
        "New blank proposal",
        "New from the example",
        "Import a proposal file…",
    ]
    for button in buttons:
        assert button.description().endswith("."), "one sentence each"
        assert button.isVisible()
    qtbot.waitUntil(welcome.blank_button.hasFocus)
    assert not window.checks.panel.check_button.isEnabled(), "nothing to check"
    with Store.open(db_path) as store:
        assert store.list_proposals(include_deleted=True) == []


def test_the_welcome_page_starts_from_the_example_or_a_blank_proposal(
    qtbot: Any, open_window: Any
) -> None:
    window = open_window(example=False)
    window.library.welcome.example_button.click()
    assert window.session is not None
    assert window.session.proposal.general.title.startswith("Towards INGENIUM")
    window.show_library()
    assert not window.library.welcome_shown()
    assert window.library.table.isVisible()


def test_the_welcome_page_can_create_a_blank_proposal_or_import_a_file(
    qtbot: Any, open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(example=False)
    asked = _dialog_start(monkeypatch, "getOpenFileName", None)
    window.library.welcome.import_button.click()
    assert len(asked) == 1, "the import asks for a file"
    assert window.library.welcome_shown(), "nothing was imported"
    window.library.welcome.blank_button.click()
    assert window.session is not None
    assert window.session.proposal.general.title == ""


def test_the_welcome_page_comes_back_when_the_library_is_empty_again(
    qtbot: Any, open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(example=False)
    window.library.welcome.blank_button.click()
    proposal_id = window.session.proposal_id
    window.close()
    again = open_window(example=False)
    assert again.session is not None and again.session.proposal_id == proposal_id
    monkeypatch.setattr(again.library_actions, "confirm_delete", lambda _title: True)
    assert again.library_actions.delete(proposal_id)
    assert again.library.welcome_shown()
    again.library.trash_toggle.setChecked(True)
    assert not again.library.welcome_shown(), "the trash lists the deleted proposal"


# ---------------------------------------------------------------------- a calm new proposal
def _new_blank(qtbot: Any, open_window: Any) -> Any:
    window = open_window(example=False)
    window.library.welcome.blank_button.click()
    qtbot.waitUntil(lambda: bool(window.checks.issues()))
    return window


def _red_fields(page: Any) -> list[str]:
    return [
        path for path, field in page.editors().items() if field.property("issueSeverity") == "error"
    ]


def _errors_about(window: Any, path: str) -> list[Any]:
    return [i for i in window.checks.issues() if i.path == path and i.severity == "error"]


def test_a_new_blank_proposal_is_not_covered_in_red(qtbot: Any, open_window: Any) -> None:
    window = _new_blank(qtbot, open_window)
    page = window.editor.current_page()
    assert page.section.id == "general"
    # The checks found the missing values and the Issues dock lists them all …
    assert _errors_about(window, "general.title")
    listed = {(i.path, i.rule) for i in window.checks.panel.visible_issues()}
    assert listed == {(i.path, i.rule) for i in window.checks.issues()}
    # … but no field is red before the author has been there, and required ones are marked.
    assert _red_fields(page) == []
    assert not page.banner.isVisible()
    title_label = page._labels[page.editor("general.title")]
    assert "*" in title_label.text()
    for section_id in window.editor.navigator.section_ids():
        shown = window.editor.show_section(section_id)
        assert _red_fields(shown) == [], section_id


def test_an_error_shows_only_once_the_author_has_left_the_field(
    qtbot: Any, open_window: Any
) -> None:
    window = _new_blank(qtbot, open_window)
    title = editor(window, "general.title")
    title.line.setFocus()
    qtbot.waitUntil(title.line.hasFocus)
    type_text(title.line, "Data")
    title.line.clear()  # typed, then deleted again: the title is missing
    title.emit_value()
    window.checks.checker.run_now()
    assert _errors_about(window, "general.title")
    assert title.property("issueSeverity") == "", "no red while the author is in the field"
    description = editor(window, "general.description")
    description.setFocus()
    qtbot.waitUntil(lambda: title.property("issueSeverity") == "error")
    assert title._message.isVisible()
    # The field the author moved on to stays calm until they leave it in turn.
    assert _errors_about(window, "general.description")
    assert description.property("issueSeverity") == ""
    # Fixing the field clears its message as usual.
    title.line.setFocus()
    type_text(title.line, "Data stewardship")
    window.checks.checker.run_now()
    assert title.property("issueSeverity") == ""


def test_check_now_shows_every_error_beside_its_field(qtbot: Any, open_window: Any) -> None:
    window = _new_blank(qtbot, open_window)
    assert window.checks.panel.check_button.isEnabled()
    page = window.editor.current_page()
    listed = len(window.checks.issues())
    window.actions_.check_now.trigger()
    assert "general.title" in _red_fields(page)
    assert "general.description" in _red_fields(page)
    assert len(window.checks.issues()) == listed, "the checks themselves are unchanged"
    assert window.checks.dock.isVisible()
    # The Issues dock's own button does the same, for sections shown later too.
    staff = window.editor.show_section("staff")
    window.checks.panel.check_button.click()
    assert window.editor.inline_check_issues() == window.checks.issues()
    assert staff.isVisible()


def test_a_refused_submission_shows_the_errors_beside_the_fields(
    qtbot: Any, open_window: Any
) -> None:
    window = _new_blank(qtbot, open_window)
    assert window.apply_preferences(window.preferences.model_copy(update={"user_name": "Ana"}))
    page = window.editor.current_page()
    assert _red_fields(page) == []
    window.actions_.status.trigger()
    dialog = window.review.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.move_to("submitted")
    assert "general.title" in _red_fields(page)
    dialog.reject()


def test_a_written_proposal_shows_its_problems_at_once(window: Any, qtbot: Any) -> None:
    """The example has been written: what is wrong in its texts is shown on opening, while
    the fields it leaves empty wait like those of a new proposal."""
    qtbot.waitUntil(lambda: bool(window.checks.issues()))
    lo3 = "certified.learning_outcomes[lo3].text"
    outcome = editor(window, lo3)
    assert outcome.property("issueSeverity") == "warning"
    contact = editor(window, "general.contact.name")
    assert _errors_about(window, "general.contact.name")
    assert contact.property("issueSeverity") == ""


def test_new_list_items_stay_calm_until_their_fields_are_left(qtbot: Any, open_window: Any) -> None:
    window = _new_blank(qtbot, open_window)
    page = window.editor.show_section("academic")
    activities = page.list_widget("academic.activities")
    assert activities is not None and activities.add_button is not None
    activities.add_button.click()
    window.checks.checker.run_now()
    item = activities.order[0]
    hours = f"academic.activities[{item}].hours"
    assert _errors_about(window, hours)
    field = page.editor(hours)
    assert field is not None and field.property("issueSeverity") == ""
    field.setFocus()
    qtbot.waitUntil(field.focusProxy().hasFocus)
    page.editor(f"academic.activities[{item}].title").setFocus()
    qtbot.waitUntil(lambda: field.property("issueSeverity") == "error")
