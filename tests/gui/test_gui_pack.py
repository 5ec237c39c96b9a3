"""The committee pack from the window: several proposals selected in the library (Ctrl+click,
Shift+click), "Export committee pack…" in the context menu and the Export menu, the pack
written in the background with progress per proposal, and a cancel that leaves no file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mcdesigner.examples import load_example
from mcdesigner.storage import Store
from mcdesigner.ui.main_window import MainWindow
from test_export_pack import ROBOTS, WATER, made_proposal
from test_export_support import docx_headings

pytestmark = pytest.mark.gui


@pytest.fixture
def window(open_window: Callable[..., MainWindow], db_path: Path) -> MainWindow:
    """The window on a library of three proposals, the library in front."""
    with Store.open(db_path) as store:
        store.save(load_example())
        store.save(made_proposal(WATER, ects=3, eqf="6", coordinator="Ingrid Østergaard"))
        store.save(made_proposal(ROBOTS, ects=2, eqf="5", coordinator="Tomás Ruiz"))
    opened = open_window()
    opened.show_library()
    return opened


def click(qtbot: Any, window: MainWindow, row: int, modifier: Any = None) -> None:
    library = window.library
    rect = library.table.visualRect(library.proxy.index(row, 0))
    modifiers = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(library.table.viewport(), Qt.MouseButton.LeftButton, modifiers, rect.center())


def shown_titles(window: MainWindow) -> list[str]:
    proxy = window.library.proxy
    return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]


def test_ctrl_and_shift_click_select_several_proposals(qtbot: Any, window: MainWindow) -> None:
    library = window.library
    ids = library.ids()
    assert len(ids) == 3
    click(qtbot, window, 0)
    assert library.selected_ids() == [ids[0]]
    assert library.open_button.isEnabled()
    click(qtbot, window, 2, Qt.KeyboardModifier.ControlModifier)
    assert library.selected_ids() == [ids[0], ids[2]]
    # The buttons act on one proposal: with several selected they wait.
    assert not library.open_button.isEnabled()
    assert not library.delete_button.isEnabled()
    click(qtbot, window, 0)
    click(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    assert library.selected_ids() == ids
    window.refresh_library()
    assert library.selected_ids() == ids, "a refresh keeps the selection"


def test_the_action_is_in_the_context_menu_and_the_export_menu(window: MainWindow) -> None:
    action = window.packing.action
    table = window.library.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert action in table.actions()
    assert action in window.menus["export"].actions()
    assert action.text().replace("&", "") == "Export committee pack…"


def test_the_selected_proposals_become_one_pack_with_progress_per_proposal(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    click(qtbot, window, 0)
    click(qtbot, window, 2, Qt.KeyboardModifier.ShiftModifier)
    titles = shown_titles(window)
    dialog = window.packing.open_dialog()
    assert dialog is not None
    assert [dialog.order.item(row).text() for row in range(3)] == titles
    dialog.title_edit.setText("Academic Board")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
    dialog.file_edit.setText(str(tmp_path / "board pack"))
    messages: list[str] = []
    job = dialog.start()
    assert job is not None
    job.progress.connect(lambda _percent, message: messages.append(message))
    assert not dialog.export_button.isEnabled() and dialog.cancel_button.isVisibleTo(dialog)
    qtbot.waitUntil(lambda: job.state == "finished", timeout=60_000)
    target = tmp_path / "board pack.docx"
    assert dialog.written == target
    assert [text for level, text in docx_headings(target) if level == 1] == ["Agenda", *titles]
    for title in titles:
        assert any(title in message for message in messages), title
    assert str(target) in dialog.status.text()
    assert dialog.export_button.isEnabled()


def test_a_pack_cancelled_while_it_is_laid_out_leaves_no_file(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    click(qtbot, window, 0)
    click(qtbot, window, 1, Qt.KeyboardModifier.ControlModifier)
    dialog = window.packing.open_dialog()
    assert dialog is not None
    folder = tmp_path / "packs"
    folder.mkdir()
    earlier = folder / "pack.pdf"
    earlier.write_bytes(b"last month's pack")
    dialog.file_edit.setText(str(earlier))
    job = dialog.start()
    assert job is not None
    # Cancelled once the proposals are checked and the pages are being laid out.
    job.progress.connect(lambda percent, _message: dialog.cancel() if percent >= 30 else None)
    qtbot.waitUntil(lambda: job.state == "cancelled", timeout=60_000)
    assert job.wait(30)
    assert [p.name for p in folder.iterdir()] == ["pack.pdf"]
    assert earlier.read_bytes() == b"last month's pack"
    assert "no file was written" in dialog.status.text()
    assert dialog.written is None


def test_without_a_selection_the_library_says_how_to_select(qtbot: Any, window: MainWindow) -> None:
    proposal_id = window.library.ids()[0]
    assert window.open_proposal(proposal_id)
    assert not window.library_in_front()
    assert window.packing.open_dialog() is None
    assert window.library_in_front()
    assert "Ctrl+click" in window.statusBar().currentMessage()
