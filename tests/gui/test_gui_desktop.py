"""Desktop conventions: toolbar icons with short fixed labels that fit a small screen."""

from __future__ import annotations

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
