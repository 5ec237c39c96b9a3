"""The proposal library: search and sort, new and duplicate, delete with undo and trash,
import and export of proposal files (nothing lost on a bad file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.gui_helpers import editor, stored, type_text
from mcdesigner.storage import Store
from mcdesigner.translations import use_language
from mcdesigner.ui.ops import running_ops
from mcdesigner.ui.translation import install_translators

pytestmark = pytest.mark.gui


def wait_ops(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: running_ops() == 0)


def titles(window: Any) -> list[str]:
    panel = window.library
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Confirm every question with Yes."""
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )


def test_new_blank_and_duplicate_then_search_and_sort(
    qtbot: Any, window: Any, db_path: Path
) -> None:
    example_id = window.session.proposal_id
    window.actions_.new_blank.trigger()
    blank_id = window.session.proposal_id
    assert blank_id != example_id
    assert window.session.proposal.general.title == ""
    title = editor(window, "general.title")
    title.line.setFocus()
    qtbot.keyClicks(title.line, "Zebra course")
    window.show_library()
    assert sorted(titles(window)) == sorted(
        ["Zebra course", "Towards INGENIUM Micro-credentials Framework"]
    )

    window.library.select(example_id)
    window.library.duplicate_button.click()
    assert len(titles(window)) == 3
    assert any(t.endswith("(copy)") for t in titles(window))

    # search filters as you type
    qtbot.keyClicks(window.library.search, "zeb")
    assert titles(window) == ["Zebra course"]
    window.library.search.clear()
    assert len(titles(window)) == 3
    # sort by title, both directions
    window.library.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert titles(window)[0].startswith("Towards")
    window.library.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert titles(window)[0] == "Zebra course"
    # Ctrl+F puts the cursor into the search box from anywhere
    window.open_proposal(example_id)
    window.actions_.find.trigger()
    assert window.central.currentWidget() is window.library
    qtbot.waitUntil(window.library.search.hasFocus)
    # completeness is recorded on save and shown in the list
    with Store.open(db_path) as store:
        assert store.summary(example_id).completeness is not None


def test_delete_asks_then_undo_and_trash_restore(
    qtbot: Any, window: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal_id = window.session.proposal_id
    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        asked.append(text)
        return (
            QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes
        )

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    window.show_library()
    window.library.select(proposal_id)
    window.library.delete_button.click()
    assert "trash" in asked[0]
    assert len(titles(window)) == 1, "cancelled: nothing deleted"

    window.library.table.setFocus()
    qtbot.waitUntil(window.library.table.hasFocus)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Delete)  # the Delete key asks the same
    assert len(asked) == 2
    assert titles(window) == []
    assert window.session is None, "the open proposal was closed before deleting it"
    assert window.library.undo_bar.isVisible()
    window.library.undo_button.click()
    assert len(titles(window)) == 1
    assert not window.library.undo_bar.isVisible()

    window.library.select(proposal_id)
    window.library.delete_button.click()
    window.library.trash_toggle.click()
    assert len(titles(window)) == 1
    assert window.library.restore_button.isVisible()
    window.library.select(proposal_id)
    window.library.restore_button.click()
    assert titles(window) == []
    window.library.trash_toggle.click()
    assert len(titles(window)) == 1
    with Store.open(db_path) as store:
        assert store.summary(proposal_id).deleted_at is None


def test_purge_removes_for_good(qtbot: Any, window: Any, db_path: Path, yes: None) -> None:
    proposal_id = window.session.proposal_id
    window.show_library()
    window.library.select(proposal_id)
    window.library.delete_button.click()
    window.library.trash_toggle.click()
    window.library.select(proposal_id)
    window.library.purge_button.click()
    assert titles(window) == []
    with Store.open(db_path) as store:
        assert not store.exists(proposal_id)


def test_export_then_import_a_proposal_file(
    qtbot: Any,
    window: Any,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    yes: None,
) -> None:
    proposal_id = window.session.proposal_id
    title = editor(window, "general.title")
    title.line.setFocus()
    title.line.selectAll()
    qtbot.keyClicks(title.line, "Exported title")
    target = tmp_path / "out" / "exported"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.actions_.export_file.trigger()  # saves the pending typing first
    wait_ops(qtbot)
    written = target.with_suffix(".mcproposal")
    assert written.exists()
    assert str(written) in [str(p) for p in window.ui_state.recent_files()]
    recent = window.menus["recent"].actions()
    assert recent and recent[0].text() == written.name

    # delete it for good, then import the file back
    window.show_library()
    window.library.select(proposal_id)
    window.library.delete_button.click()
    window.library.trash_toggle.click()
    window.library.select(proposal_id)
    window.library.purge_button.click()
    window.library.trash_toggle.click()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(written), ""))
    )
    window.library.import_button.click()
    wait_ops(qtbot)
    assert titles(window) == ["Exported title"]
    assert stored(db_path, proposal_id).general.title == "Exported title"


def test_import_of_an_existing_proposal_as_copy_or_replace(
    qtbot: Any, window: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal_id = window.session.proposal_id
    file = tmp_path / "mine.mcproposal"
    window.library_actions.export_file(proposal_id, file)
    wait_ops(qtbot)
    choices = iter(["copy", "replace"])
    monkeypatch.setattr(
        type(window.library_actions), "ask_existing", lambda self, message: next(choices)
    )
    window.library_actions.import_file(file)
    wait_ops(qtbot)
    window.show_library()
    assert len(titles(window)) == 2, "imported as a copy with a new id"
    # replacing while the proposal is open: the editor shows the file's content
    window.open_proposal(proposal_id)
    title = editor(window, "general.title")
    title.line.setFocus()
    title.line.selectAll()
    qtbot.keyClicks(title.line, "Changed after export")
    window.library_actions.import_file(file)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: window.session.proposal.general.title.startswith("Towards"))
    assert title.line.text().startswith("Towards")
    assert stored(db_path, proposal_id).general.title.startswith("Towards")


def test_a_bad_file_gives_a_clear_message_and_changes_nothing(
    qtbot: Any, window: Any, db_path: Path, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    bad = tmp_path / "broken.mcproposal"
    bad.write_bytes(b"this is not a zip file")
    window.library_actions.import_file(bad)
    wait_ops(qtbot)
    assert dialogs and dialogs[-1][0] == "critical"
    assert "broken.mcproposal" in dialogs[-1][1]
    with Store.open(db_path) as store:
        assert len(store.list_proposals(include_deleted=True)) == 1


def test_export_to_an_unwritable_place_reports_and_keeps_the_proposal(
    qtbot: Any, window: Any, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    target = tmp_path / "missing-folder" / "x.mcproposal"
    window.library_actions.export_file(window.session.proposal_id, target)
    wait_ops(qtbot)
    assert dialogs and dialogs[-1][0] == "critical"
    assert "x.mcproposal" in dialogs[-1][1]
    assert window.session is not None


def test_search_finds_words_in_any_text_and_says_when_nothing_matches(
    qtbot: Any, window: Any
) -> None:
    """ "ESCO" is only in the example's texts, "educación" only in its Spanish translation."""
    window.actions_.new_blank.trigger()
    window.show_library()
    panel = window.library
    assert len(titles(window)) == 2
    assert "ESCO" not in titles(window)[0] + titles(window)[1]
    type_text(panel.search, "ESCO")
    assert titles(window) == ["Towards INGENIUM Micro-credentials Framework"]
    assert not panel.no_matches.isVisibleTo(panel)
    panel.search.clear()
    type_text(panel.search, "MICROCREDENCIALES conjuntas")
    assert titles(window) == ["Towards INGENIUM Micro-credentials Framework"]
    panel.search.clear()
    type_text(panel.search, "xylophone")
    assert titles(window) == []
    assert panel.no_matches.isVisibleTo(panel)
    assert panel.no_matches.text() == "No proposal matches “xylophone”."
    panel.search.clear()
    assert len(titles(window)) == 2
    assert not panel.no_matches.isVisibleTo(panel)


@pytest.fixture
def spanish(qapp: Any) -> Iterator[None]:
    use_language("es")
    install_translators(qapp)
    yield
    use_language("en")
    install_translators(qapp)


def test_search_in_spanish_ignores_accents_and_speaks_spanish(
    qtbot: Any, spanish: None, open_window: Any
) -> None:
    window = open_window()
    window.show_library()
    panel = window.library
    assert panel.search.placeholderText() == "Buscar en títulos y textos (Ctrl+F)"
    type_text(panel.search, "formación")
    found = titles(window)
    panel.search.clear()
    type_text(panel.search, "formacion")
    assert titles(window) == found != []
    panel.search.clear()
    type_text(panel.search, "ñandú")
    assert panel.no_matches.text() == "Ninguna propuesta coincide con «ñandú»."


def test_exporting_onto_a_link_asks_and_keeps_the_file_when_declined(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "shared.mcproposal"
    real.write_bytes(b"someone else's file")
    link = tmp_path / "link.mcproposal"
    link.symlink_to(real)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    assert window.library_actions.export_file(window.session.proposal_id, link) is None
    wait_ops(qtbot)
    assert real.read_bytes() == b"someone else's file"
    window.library_actions.export_file(window.session.proposal_id, link)
    wait_ops(qtbot)
    assert link.is_symlink() and real.read_bytes().startswith(b"PK")
