"""The Translations view in the real window: rows, typing, undo, autosave, checks, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from gui.gui_helpers import press, stored, type_text
from mcdesigner.model.edits import InsertItem, SetTranslation, SetValue
from mcdesigner.model.proposal import LearningOutcome
from mcdesigner.ui.main_window import MainWindow
from mcdesigner.ui.translation_rows import TranslationRow
from mcdesigner.ui.translations_view import TranslationsView

pytestmark = pytest.mark.gui


def _outcome_path(window: MainWindow, index: int) -> str:
    assert window.session is not None
    outcome = window.session.proposal.certified.learning_outcomes[index]
    return f"certified.learning_outcomes[{outcome.id}].text"


def _box(row: TranslationRow) -> QLineEdit | QPlainTextEdit:
    """The text box the user types in."""
    boxes: list[QLineEdit | QPlainTextEdit] = [*row.editor.findChildren(QPlainTextEdit)]
    boxes += row.editor.findChildren(QLineEdit)
    assert boxes, row.path
    return boxes[0]


def _text(box: QWidget) -> str:
    if isinstance(box, QPlainTextEdit):
        return box.toPlainText()
    assert isinstance(box, QLineEdit)
    return box.text()


def _clear(window: MainWindow, path: str) -> None:
    """Remove the Spanish text of ``path`` (as if it was never translated)."""
    assert window.session is not None
    assert window.session.apply(SetTranslation("es", path, ""), "Translate", None) is None


@pytest.fixture
def window(open_window: Any) -> MainWindow:
    """The window on a first start: the bundled example (English, also in Spanish)."""
    opened: MainWindow = open_window()
    assert opened.session is not None
    assert opened.session.proposal.languages.others == ("es",)
    return opened


def _view(window: MainWindow) -> TranslationsView:
    assert window.show_translations()
    view = window.editor.translations
    assert window.editor.translations_in_front()
    return view


def test_the_navigator_and_the_view_menu_open_the_translations(window: MainWindow) -> None:
    navigator = window.editor.navigator
    titles = [navigator.item(row).text() for row in range(navigator.count())]
    assert titles[-1] == "Translations"
    assert "Translations" not in navigator.section_ids()
    navigator.select_view("translations")
    assert window.editor.translations_in_front()
    assert window.editor.current_section() is None
    navigator.select("general")
    assert not window.editor.translations_in_front()
    window.actions_.show_translations.trigger()
    assert window.editor.translations_in_front()
    assert window.actions_.show_translations in window.menus["view"].actions()
    assert window.actions_.show_translations.shortcut().toString() == "Ctrl+Shift+T"
    assert "Translations" in window.help_panel.browser.toPlainText()


def test_each_text_shows_its_main_text_beside_its_translation(window: MainWindow) -> None:
    view = _view(window)
    assert window.session is not None
    proposal = window.session.proposal
    assert view.language_box.currentText() == "Spanish"
    assert view.current_language() == "es"
    title = view.rows["general.title"]
    assert title.label.text() == "Title"
    assert title.main.text() == proposal.general.title
    assert title.editor.value() == proposal.translations["es"]["general.title"]
    outcome = view.rows[_outcome_path(window, 0)]
    assert outcome.label.text() == "Learning outcome 1 › Outcome"
    assert outcome.main.text() == proposal.certified.learning_outcomes[0].text
    # Sections in the forms' order: general information before the certified data.
    paths = list(view.rows)
    assert paths.index("general.title") < paths.index(_outcome_path(window, 0))
    done, total = view.counts()
    translated = proposal.translations["es"]
    assert total == sum(1 for path in view.rows if view.rows[path].has_main_text)
    assert done == sum(
        1 for path in view.rows if translated.get(path) and view.rows[path].has_main_text
    )
    assert view.count_label.text() == f"{done} of {total} texts translated"


def test_an_untranslated_text_is_marked_and_counted(window: MainWindow) -> None:
    view = _view(window)
    path = _outcome_path(window, 1)
    done, total = view.counts()
    assert not view.rows[path].mark.isVisibleTo(view)
    _clear(window, path)
    row = view.rows[path]
    assert row.mark.isVisibleTo(view)
    assert row.mark.text() == "Not translated yet"
    assert view.counts() == (done - 1, total)
    assert view.count_label.text() == f"{done - 1} of {total} texts translated"
    view.only_missing.setChecked(True)
    shown = [p for p, r in view.rows.items() if r.editor.isVisibleTo(view)]
    assert shown == [path]
    view.only_missing.setChecked(False)
    assert view.rows["general.title"].editor.isVisibleTo(view)


def test_typing_a_translation_is_stored_undone_and_redone(
    qtbot: Any, window: MainWindow, db_path: Path
) -> None:
    path = _outcome_path(window, 1)
    view = _view(window)
    _clear(window, path)
    assert window.session is not None
    window.session.close_merge()
    row = view.rows[path]
    content, rows_before = view.content, dict(view.rows)
    box = _box(row)
    box.setFocus()
    type_text(box, "Diseñar la estructura de una microcredencial conjunta")
    proposal = window.session.proposal
    assert (
        proposal.translations["es"][path] == "Diseñar la estructura de una microcredencial conjunta"
    )
    assert not row.mark.isVisibleTo(view)
    # Typing touched its own row only: the rows are the same widgets.
    assert view.content is content and view.rows == rows_before
    qtbot.waitUntil(lambda: window.session is not None and not window.session.dirty, timeout=5000)
    assert stored(db_path, proposal.id).translations["es"][path].startswith("Diseñar la")
    # One undo step for the whole typing; undo brings the view back to the empty text.
    window.editor.show_section("general")
    window.actions_.undo.trigger()
    assert path not in proposal.translations.get("es", {})
    assert window.editor.translations_in_front()
    assert _text(_box(view.rows[path])) == ""
    assert view.rows[path].mark.isVisibleTo(view)
    window.actions_.redo.trigger()
    assert _text(_box(view.rows[path])).startswith("Diseñar la estructura")


def test_undo_in_a_translation_goes_through_the_window_history(window: MainWindow) -> None:
    path = "general.title"
    view = _view(window)
    assert window.session is not None
    before = window.session.proposal.translations["es"][path]
    box = _box(view.rows[path])
    box.setFocus()
    press(box, Qt.Key.Key_End)
    type_text(box, " (2027)")
    assert window.session.proposal.translations["es"][path] == before + " (2027)"
    window.actions_.undo.trigger()
    assert window.session.proposal.translations["es"][path] == before
    assert _text(box) == before


def test_pasting_a_translation_is_one_edit(window: MainWindow) -> None:
    path = _outcome_path(window, 2)
    view = _view(window)
    _clear(window, path)
    box = _box(view.rows[path])
    assert isinstance(box, QPlainTextEdit)
    box.setFocus()
    box.insertPlainText("Conocer las herramientas digitales\u0007 disponibles")
    assert window.session is not None
    text = window.session.proposal.translations["es"][path]
    assert text.startswith("Conocer las herramientas digitales")
    assert "\u0007" not in text  # control characters do not get into the proposal


def test_an_issue_about_a_translation_opens_its_row(qtbot: Any, window: MainWindow) -> None:
    path = _outcome_path(window, 1)
    _clear(window, path)
    qtbot.waitUntil(lambda: not window.checks.checker.pending, timeout=5000)
    issue = next(i for i in window.checks.issues() if i.path == path and i.language == "es")
    assert issue.rule == "translation.missing"
    window.editor.show_section("general")
    panel = window.checks.panel
    assert panel.select_path(path)
    panel.open_issue(panel.view.currentIndex())
    view = window.editor.translations
    assert window.editor.translations_in_front()
    assert view.focused_row() is view.rows[path]
    # The row shows the check's message beside its editor.
    assert any(i.rule == "translation.missing" for i in view.rows[path].editor.issues())


def test_a_main_language_issue_opens_the_field_itself(window: MainWindow) -> None:
    _view(window)
    assert window.go_to_translation("en", "general.title")
    assert not window.editor.translations_in_front()
    assert window.editor.current_section() == "general"


def test_a_new_outcome_gets_a_row_and_a_changed_main_text_shows(window: MainWindow) -> None:
    view = _view(window)
    assert window.session is not None
    count = len(view.rows)
    outcome = LearningOutcome(text="Evaluate the quality of a micro-credential")
    edit = InsertItem("certified.learning_outcomes", 99, outcome)
    assert window.session.apply(edit, "Add", None) is None
    new_path = f"certified.learning_outcomes[{outcome.id}].text"
    assert len(view.rows) == count + 1
    assert view.rows[new_path].main.text() == "Evaluate the quality of a micro-credential"
    assert view.rows[new_path].mark.isVisibleTo(view)
    assert window.session.apply(SetValue("general.title", "New title"), "Edit", None) is None
    assert view.rows["general.title"].main.text() == "New title"


def test_a_proposal_in_one_language_explains_how_to_add_one(window: MainWindow) -> None:
    assert window.session is not None
    assert window.session.apply(SetValue("languages.further", []), "Edit", None) is None
    assert window.session.apply(SetValue("languages.issued_in", []), "Edit", None) is None
    view = _view(window)
    assert view.rows == {}
    assert "written only in English" in view.intro.text()
    assert view.choose_languages.isVisibleTo(view)
    view.choose_languages.click()
    assert window.editor.current_section() == "general"


def test_reviewer_mode_locks_the_translations(window: MainWindow) -> None:
    view = _view(window)
    window.actions_.reviewer_mode.trigger()
    assert window.editor.read_only
    box = _box(view.rows["general.title"])
    assert box.isReadOnly()
    assert view.language_box.isEnabled()
    window.actions_.reviewer_mode.trigger()
    assert not _box(view.rows["general.title"]).isReadOnly()
