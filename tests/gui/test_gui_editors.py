"""Field editors on their own: the registry's choices and the one editor contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QDate, Qt

from gui.gui_helpers import press, type_text
from mcdesigner.examples import load_example
from mcdesigner.formdefs import default_forms
from mcdesigner.model.edits import Edit, apply_edit
from mcdesigner.model.fieldpath import get_value
from mcdesigner.widgets.choice_editors import BoolEditor, ChoiceEditor, RadioChoiceEditor
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.date_editor import DateEditor
from mcdesigner.widgets.list_editors import ChecklistEditor, PickListEditor, RefsEditor
from mcdesigner.widgets.number_editors import MoneyEditor, NumberEditor
from mcdesigner.widgets.registry import editor_for
from mcdesigner.widgets.section_page import SectionPage
from mcdesigner.widgets.text_editors import LineEditor, MultiLineEditor

pytestmark = pytest.mark.gui
FORMS = default_forms()
E = TypeVar("E", bound=FieldEditor)


@dataclass
class FakeIssue:
    severity: str
    message: str
    path: str = ""
    section: str = ""
    rule: str = "R1"
    reference: str = ""


def make(qtbot: Any, path: str, kind: type[E]) -> E:
    """The registry's editor for ``path``, shown; it must be a ``kind``."""
    field = FORMS.field(path)
    assert field is not None
    widget = editor_for(field)
    qtbot.addWidget(widget)
    widget.show()
    assert isinstance(widget, kind), f"{path}: {type(widget).__name__}"
    return widget


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("general.title", LineEditor),
        ("general.contact.email", LineEditor),
        ("general.description", MultiLineEditor),
        ("general.places", NumberEditor),
        ("certified.ects_credits", NumberEditor),
        ("general.fee", MoneyEditor),
        ("general.start_date", DateEditor),
        ("academic.activities[].taught", BoolEditor),
        ("general.currency", ChoiceEditor),
        ("self_assessment.entries[].rating", RadioChoiceEditor),
        ("certified.modes", ChecklistEditor),
        ("general.languages", PickListEditor),
        ("general.keywords", PickListEditor),
        ("academic.assessments[].outcome_ids", RefsEditor),
    ],
)
def test_registry_picks_the_editor_from_kind_and_hint(
    qtbot: Any, path: str, expected: type
) -> None:
    assert type(make(qtbot, path, FieldEditor)) is expected


def test_every_form_field_gets_an_editor_that_round_trips_the_example(qtbot: Any) -> None:
    proposal = load_example()
    for section in FORMS.sections:
        page = SectionPage(section, FORMS)
        qtbot.addWidget(page)
        calls: list[Edit] = []

        def record(
            edit: Edit, _description: str, _key: str | None, calls: list[Edit] = calls
        ) -> None:
            calls.append(edit)

        page.set_edit_handler(record)
        page.load(proposal)
        assert calls == [], "filling the page never counts as a change"
        for path, widget in page.editors().items():
            assert widget.value() == get_value(proposal, path), path


def test_set_value_never_emits_and_user_typing_does(qtbot: Any) -> None:
    title = make(qtbot, "general.title", LineEditor)
    seen: list[Any] = []
    title.value_changed.connect(seen.append)
    title.set_value("Given")
    assert seen == [] and title.value() == "Given"
    title.line.setFocus()
    title.line.end(False)
    type_text(title.line, " é")
    assert seen == ["Given ", "Given é"]


def test_issues_show_a_coloured_border_a_message_and_a_tooltip(qtbot: Any) -> None:
    title = make(qtbot, "general.title", LineEditor)
    title.set_issues([FakeIssue("warning", "Shorter titles read better.")])
    assert "#e08a00" in title._frame.styleSheet()
    assert title._message.isVisible()
    assert "Shorter titles" in title._message.text()
    assert "Shorter titles" in title.line.toolTip()
    title.set_issues([FakeIssue("warning", "w"), FakeIssue("error", "The title is missing.")])
    assert "#c62828" in title._frame.styleSheet()
    assert title.property("issueSeverity") == "error"
    title.set_issues([])
    assert title._frame.styleSheet() == ""
    assert not title._message.isVisible()


def test_numbers_accept_comma_and_reject_text(qtbot: Any) -> None:
    credits = make(qtbot, "certified.ects_credits", NumberEditor)
    seen: list[Any] = []
    credits.value_changed.connect(seen.append)
    qtbot.keyClicks(credits.line, "2,5")
    assert seen[-1] == 2.5
    credits.line.clear()
    qtbot.keyClicks(credits.line, "x")  # the validator refuses letters
    assert credits.line.text() == ""
    fee = make(qtbot, "general.fee", MoneyEditor)
    fee.update_context(load_example())
    qtbot.keyClicks(fee.line, "99.9")
    assert fee.value() == Decimal("99.9")
    assert fee.unit.text() == "EUR"


def test_numbers_show_group_separators_and_refuse_a_misplaced_one(qtbot: Any) -> None:
    hours = make(qtbot, "certified.notional_hours", NumberEditor)
    hours.set_value(1200.0)
    assert hours.line.text() == "1,200"
    hours.set_value(12.125)
    assert hours.line.text() == "12.125"
    fee = make(qtbot, "general.fee", MoneyEditor)
    fee.set_value(Decimal("1250.5"))
    assert fee.line.text() == "1,250.50"
    places = make(qtbot, "general.places", NumberEditor)
    seen: list[Any] = []
    places.value_changed.connect(seen.append)
    qtbot.keyClicks(places.line, "1,200")
    assert seen[-1] == 1200 and places.input_error() is None
    places.line.clear()
    seen.clear()
    qtbot.keyClicks(places.line, "150,50")
    assert 15050 not in seen and places.value() is None
    assert "separator in the wrong place" in (places.input_error() or "")


def test_numbers_follow_the_language_in_use(qtbot: Any) -> None:
    from mcdesigner.translations import use_language

    use_language("es")
    credits = make(qtbot, "certified.ects_credits", NumberEditor)
    seen: list[Any] = []
    credits.value_changed.connect(seen.append)
    qtbot.keyClicks(credits.line, "150,50")
    assert seen[-1] == 150.5
    credits.set_value(1234.5)
    assert credits.line.text() == "1.234,5"

    places = make(qtbot, "general.places", NumberEditor)
    qtbot.keyClicks(places.line, "150,50")
    # A whole-number field never turns "150,50" into 15050: it says what is wrong.
    assert places.value() is None
    assert "1.200" in (places.input_error() or "")


def test_dates_follow_the_language_in_use(qtbot: Any) -> None:
    from mcdesigner.translations import use_language

    use_language("es")
    start = make(qtbot, "general.start_date", DateEditor)
    assert start.line.placeholderText() == "01/09/2026"
    seen: list[Any] = []
    start.value_changed.connect(seen.append)
    qtbot.keyClicks(start.line, "01/02/2027")
    assert seen[-1] == dt.date(2027, 2, 1)
    # the calendar opens on the field's month
    start._prepare_calendar()
    assert (start.calendar.yearShown(), start.calendar.monthShown()) == (2027, 2)
    start.line.selectAll()
    press(start.line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(start.line, "31/02/2027")
    start.line.editingFinished.emit()
    error = start.input_error() or ""
    assert "31/02/2027" in error and "01/09/2026" in error and "2026-09-01" in error
    assert error.startswith("«31/02/2027» no es una fecha")


def test_dates_are_typed_or_cleared(qtbot: Any) -> None:
    start = make(qtbot, "general.start_date", DateEditor)
    seen: list[Any] = []
    start.value_changed.connect(seen.append)
    qtbot.keyClicks(start.line, "2026-09-0")
    assert seen == []
    qtbot.keyClicks(start.line, "1")
    assert seen == [dt.date(2026, 9, 1)]
    start.line.selectAll()
    press(start.line, Qt.Key.Key_Backspace)
    assert seen[-1] is None
    qtbot.keyClicks(start.line, "2026-02-30")
    start.line.editingFinished.emit()
    assert start.input_error() == "“2026-02-30” is not a date. Enter it as 2026-09-01."
    # or picked from the calendar
    start.pick.click()
    start.calendar.clicked.emit(QDate(2027, 1, 15))
    assert seen[-1] == dt.date(2027, 1, 15)
    assert start.line.text() == "2027-01-15"
    assert start.input_error() is None


def test_long_vocabularies_filter_as_you_type(qtbot: Any) -> None:
    currency = make(qtbot, "general.currency", ChoiceEditor)
    assert currency.searchable
    completer = currency.combo.completer()
    assert completer is not None
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    line = currency.combo.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "ranc")
    assert completer.completionCount() >= 3  # CHF, XAF, XOF ... all francs
    languages = make(qtbot, "general.languages", PickListEditor)
    seen: list[Any] = []
    languages.value_changed.connect(seen.append)
    languages.entry.setFocus()
    qtbot.keyClicks(languages.entry, "catal")
    press(languages.entry, Qt.Key.Key_Return)
    assert seen[-1] == ["CAT"]
    languages.list.setCurrentRow(0)
    press(languages.list, Qt.Key.Key_Delete)
    assert seen[-1] == []
    qtbot.keyClicks(languages.entry, "zzzz")
    press(languages.entry, Qt.Key.Key_Return)
    assert "matches no single term" in (languages.input_error() or "")


def test_keywords_are_added_and_edited(qtbot: Any) -> None:
    keywords = make(qtbot, "general.keywords", PickListEditor)
    seen: list[Any] = []
    keywords.value_changed.connect(seen.append)
    qtbot.keyClicks(keywords.entry, "data; ethics")
    press(keywords.entry, Qt.Key.Key_Return)
    assert seen[-1] == ["data", "ethics"]
    keywords.list.item(0).setText("open data")
    assert seen[-1] == ["open data", "ethics"]


def test_outcome_picker_keeps_links_to_unknown_items(qtbot: Any) -> None:
    picker = make(qtbot, "academic.assessments[].outcome_ids", RefsEditor)
    proposal = load_example()
    picker.update_context(proposal)
    first = proposal.certified.learning_outcomes[0].id
    picker.set_value([first, "gone-item"])
    assert picker.boxes[0][1].isChecked()
    picker.boxes[1][1].click()
    assert set(picker.value()) == {first, proposal.certified.learning_outcomes[1].id, "gone-item"}


def test_page_shows_issues_and_focuses_paths(qtbot: Any) -> None:
    proposal = load_example()
    page = SectionPage(FORMS.section("certified"), FORMS)
    qtbot.addWidget(page)

    def handler(edit: Edit, _description: str, _key: str | None) -> None:
        apply_edit(proposal, edit)

    page.set_edit_handler(handler)
    page.load(proposal)
    page.show()
    outcome = proposal.certified.learning_outcomes[2]
    text_path = f"certified.learning_outcomes[{outcome.id}].text"
    page.show_issues(
        [
            FakeIssue("error", "Use an action verb.", text_path),
            FakeIssue("error", "Add at least one outcome.", "certified.learning_outcomes"),
            FakeIssue("warning", "Something general.", ""),
        ]
    )
    text_editor = page.editor(text_path)
    assert isinstance(text_editor, MultiLineEditor)
    outcomes = page.list_widget("certified.learning_outcomes")
    assert outcomes is not None
    credits = page.editor("certified.ects_credits")
    assert credits is not None
    assert "action verb" in text_editor._message.text()
    assert "at least one" in outcomes.message.text()
    assert "Something general" in page.banner.text()
    assert page.focus_path(text_path)
    qtbot.waitUntil(text_editor.box.hasFocus)
    item_path = f"certified.learning_outcomes[{outcome.id}]"
    credits.setFocus()
    assert page.focus_path(item_path)
    qtbot.waitUntil(text_editor.box.hasFocus)
    assert not page.focus_path("general.title")
