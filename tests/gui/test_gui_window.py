"""The real window: first start, typing into every kind of field, autosave, reopening."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui.gui_helpers import editor, press, stored, type_text

pytestmark = pytest.mark.gui


def wait_saved(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.save_indicator.text() == "Saved" and not window.session.dirty)


def test_first_start_opens_a_copy_of_the_example(window: Any, db_path: Path) -> None:
    assert window.session is not None
    assert window.session.proposal.general.title.startswith("Towards INGENIUM")
    assert window.central.currentWidget() is window.editor_page
    assert window.save_indicator.text() == "Saved"
    assert stored(db_path, window.session.proposal_id).general.title.startswith("Towards")
    assert "Towards INGENIUM" in window.windowTitle()


def test_typing_unicode_into_a_line_is_saved_and_reopened(
    qtbot: Any, open_window: Any, db_path: Path
) -> None:
    window = open_window()
    title = editor(window, "general.title")
    title.line.selectAll()
    type_text(title.line, "Évaluer l’€ — Łódź")
    assert window.save_indicator.text() == "Unsaved changes"
    wait_saved(qtbot, window)
    proposal_id = window.session.proposal_id
    assert stored(db_path, proposal_id).general.title == "Évaluer l’€ — Łódź"
    window.close()

    again = open_window()
    assert again.session.proposal_id == proposal_id
    assert editor(again, "general.title").line.text() == "Évaluer l’€ — Łódź"


def test_every_kind_of_field_reaches_the_store(qtbot: Any, window: Any, db_path: Path) -> None:
    # multi-line text
    description = editor(window, "general.description")
    description.box.setFocus()
    description.box.selectAll()
    type_text(description.box, "Zeile eins")
    press(description.box, Qt.Key.Key_Return)
    type_text(description.box, "ligne deux")
    # whole number
    places = editor(window, "general.places")
    places.line.selectAll()
    qtbot.keyClicks(places.line, "42")
    # money with the proposal's currency shown beside it
    fee = editor(window, "general.fee")
    qtbot.keyClicks(fee.line, "120,50")
    assert fee.unit.text() == "EUR"
    # date
    deadline = editor(window, "general.application_deadline")
    qtbot.keyClicks(deadline.line, "2026-04-01")
    # single choice from a long vocabulary, by typing part of a label
    currency = editor(window, "general.currency")
    line = currency.combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Swiss Franc")
    press(line, Qt.Key.Key_Return)
    # several values from a long vocabulary (languages), typed
    languages = editor(window, "general.languages")
    qtbot.keyClicks(languages.entry, "Spanish")
    press(languages.entry, Qt.Key.Key_Return)
    # keywords (free texts)
    keywords = editor(window, "general.keywords")
    qtbot.keyClicks(keywords.entry, "quality, ELM")
    press(keywords.entry, Qt.Key.Key_Return)
    # check list from a short vocabulary
    groups = editor(window, "general.target_groups")
    groups.boxes[0][1].click()
    # radio buttons
    setting = editor(window, "general.learning_setting")
    setting.buttons[-1].click()
    # e-mail and link
    email = editor(window, "general.contact.email")
    email.line.selectAll()
    qtbot.keyClicks(email.line, "office@example.org")
    link = editor(window, "general.registration_link")
    link.line.selectAll()
    qtbot.keyClicks(link.line, "https://example.org/apply")
    # yes/no inside a table row
    activity_id = window.session.proposal.academic.activities[1].id
    taught = editor(window, f"academic.activities[{activity_id}].taught")
    was = taught.check.isChecked()
    taught.check.click()

    wait_saved(qtbot, window)
    saved = stored(db_path, window.session.proposal_id)
    general = saved.general
    assert general.description == "Zeile eins\nligne deux"
    assert general.places == 42
    assert general.fee == Decimal("120.50")
    assert general.application_deadline == dt.date(2026, 4, 1)
    assert general.currency == "CHF"
    assert "SPA" in general.languages
    assert general.keywords[-2:] == ["quality", "ELM"]
    assert groups.boxes[0][0] in general.target_groups
    assert general.learning_setting == setting._values[-1]
    assert general.contact.email == "office@example.org"
    assert general.registration_link == "https://example.org/apply"
    assert saved.academic.activities[1].taught is (not was)
    assert fee.unit.text() == "CHF"  # the money field follows the currency


def test_invalid_input_is_kept_with_a_message_and_nothing_stored(
    qtbot: Any, window: Any, db_path: Path
) -> None:
    email = editor(window, "general.contact.email")
    before = window.session.proposal.general.contact.email
    email.line.setFocus()
    email.line.selectAll()
    qtbot.keyClicks(email.line, "not-an-address")
    assert "not an e-mail address" in (email.input_error() or "")
    assert email._message.isVisible()
    assert email.line.text() == "not-an-address"
    assert window.session.proposal.general.contact.email == before
    # leaving the field keeps the text and the message (nothing typed is lost)
    editor(window, "general.title").line.setFocus()
    assert email.line.text() == "not-an-address"
    assert window.editor.input_errors()
    email.line.setFocus()
    qtbot.keyClicks(email.line, "@example.org")
    assert email.input_error() is None
    wait_saved(qtbot, window)
    assert stored(db_path, window.session.proposal_id).general.contact.email == (
        "not-an-address@example.org"
    )


def test_visibility_follows_conditions_live(qtbot: Any, window: Any) -> None:
    integration = editor(window, "certified.integration")
    stacking = editor(window, "certified.stackability")
    page = window.editor.current_page()
    integration.buttons[integration._values.index("standalone")].click()
    assert not stacking.isVisibleTo(page)
    integration.buttons[integration._values.index("stackable")].click()
    assert stacking.isVisibleTo(page)


def test_help_panel_follows_the_focused_field(qtbot: Any, window: Any) -> None:
    eqf = editor(window, "certified.eqf_level")
    eqf.setFocus()
    qtbot.waitUntil(lambda: window.help_panel.field is eqf.field)
    text = window.help_panel.browser.toPlainText()
    assert "EQF level" in text
    assert "Required" in text
    assert "goes onto the digital credential" in text
    assert "Annex I" in text


def test_fields_are_described_for_assistive_technology(window: Any) -> None:
    for section_id in window.editor.navigator.section_ids():
        page = window.editor.show_section(section_id)
        for found in page.editors().values():
            proxy = found.focusProxy()
            assert proxy is not None, found.path
            assert proxy.accessibleName().startswith(found.field.label), found.path
            if found.field.help:
                assert found.field.help.strip()[:20] in proxy.toolTip(), found.path


def test_tab_moves_through_the_fields_in_order(qtbot: Any, window: Any) -> None:
    title = editor(window, "general.title")
    description = editor(window, "general.description")
    title.line.setFocus()
    qtbot.waitUntil(title.line.hasFocus)
    press(title.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(description.box.hasFocus)


def test_section_shortcuts_and_position_are_remembered(qtbot: Any, open_window: Any) -> None:
    window = open_window()
    assert window.editor.current_section() == "general"
    window.actions_.next_section.trigger()
    assert window.editor.current_section() == "certified"
    window.actions_.next_section.trigger()
    window.actions_.previous_section.trigger()
    assert window.editor.current_section() == "certified"
    window.close()
    again = open_window()
    assert again.editor.current_section() == "certified"


def test_extension_points_badges_panels_and_export_menu(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QDockWidget, QLabel

    window.editor.navigator.set_badge("certified", "3 issues")
    titles = [
        window.editor.navigator.item(i).text() for i in range(window.editor.navigator.count())
    ]
    assert "Certified academic data  (3 issues)" in titles
    window.editor.navigator.set_badge("certified", "")
    assert window.editor.navigator.item(1).text() == "Certified academic data"

    dock = QDockWidget("Issues", window)
    dock.setObjectName("issuesPanel")
    dock.setWidget(QLabel("none"))
    window.add_panel(dock)
    assert dock.toggleViewAction() in window.menus["view"].actions()
    assert window.menus["export"].objectName() == "exportMenu"
    assert window.actions_.export_file in window.menus["export"].actions()

    seen: list[str] = []
    window.session.saved.connect(seen.append)
    title = editor(window, "general.title")
    title.line.setFocus()
    qtbot.keyClicks(title.line, "x")
    window.save_now()
    assert seen == [window.session.content_hash]
    assert window.editor.focus_path(
        f"certified.learning_outcomes[{window.session.proposal.certified.learning_outcomes[1].id}].text"
    )
    assert window.editor.current_section() == "certified"


def test_window_geometry_and_guidance_panel_are_remembered(qtbot: Any, open_window: Any) -> None:
    window = open_window()
    window.resize(760, 560)  # within the offscreen screen (800 x 600)
    window.toggle_help()
    assert not window.help_panel.isVisible()
    window.editor.splitter.setSizes([300, 700])
    sizes = window.editor.splitter.sizes()
    window.close()
    again = open_window()
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert not again.help_panel.isVisible()
    assert again.editor.splitter.sizes()[0] == sizes[0]
    again.actions_.toggle_help.trigger()
    assert again.help_panel.isVisible()


def test_tab_visits_an_items_fields_before_its_buttons(qtbot: Any, window: Any) -> None:
    page = window.editor.show_section("academic")
    units = page.list_widget("academic.content_units")
    first = units.order[0]
    hours = page.editor(f"academic.content_units[{first}].hours")
    hours.line.setFocus()
    qtbot.waitUntil(hours.line.hasFocus)
    press(hours.line, Qt.Key.Key_Tab)
    buttons = units.views[first].buttons
    qtbot.waitUntil(lambda: buttons.isAncestorOf(window.focusWidget() or window))
    assert units.add_button.text() == "Add content unit"
    esco = window.editor.show_section("certified").list_widget(
        f"certified.learning_outcomes[{window.session.proposal.certified.learning_outcomes[0].id}].esco_skills"
    )
    assert esco.add_button.text() == "Add ESCO skill"


def test_about_box_shows_the_app_icon_name_and_version(window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication, QMessageBox

    from mcdesigner import __version__
    from mcdesigner.app import ICON_PATH

    assert not QApplication.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()
    seen: dict[str, Any] = {}

    def read_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen["text"] = widget.text()
                seen["icon"] = widget.iconPixmap().toImage()
                widget.accept()

    QTimer.singleShot(200, read_and_close)
    window.show_about()
    assert f"MC Designer {__version__}" in seen["text"]
    shown: QImage = seen["icon"]
    assert not shown.isNull()
    app_icon = QImage(str(ICON_PATH)).scaled(shown.size())
    # The pixel at the centre of the seal is the icon's yellow, not a standard box icon.
    point = (shown.width() * 168 // 256, shown.height() * 150 // 256)
    got, expected = shown.pixelColor(*point), app_icon.pixelColor(*point)
    assert abs(got.red() - expected.red()) < 40, (got.name(), expected.name())
    assert abs(got.green() - expected.green()) < 40, (got.name(), expected.name())
    assert abs(got.blue() - expected.blue()) < 60, (got.name(), expected.name())
