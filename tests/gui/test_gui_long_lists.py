"""Long lists in the real window: items are built when needed, edits touch only what they change."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from gui.gui_helpers import press, type_text
from mcdesigner.model.proposal import ExpenditureLine, LearningOutcome, Proposal
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.item_lists import EAGER_ITEMS
from mcdesigner.widgets.page_lists import placeholders_in_view

pytestmark = pytest.mark.gui

LINES = 120
OUTCOMES = 40


def _long_proposal() -> Proposal:
    proposal = Proposal()
    proposal.general.title = "Long lists"
    proposal.certified.learning_outcomes = [
        LearningOutcome(id=f"lo{n}", text=f"Analyse case {n} of the regulatory framework.")
        for n in range(OUTCOMES)
    ]
    proposal.financial.expenditures = [
        ExpenditureLine(
            id=f"e{n}",
            description=f"Cost {n}",
            category="materials" if n % 2 else None,  # every other line lacks its category
            units=2,
            unit_cost=Decimal("10.00"),
        )
        for n in range(LINES)
    ]
    return proposal


def _opened(open_window: Any, section: str) -> Any:
    window = open_window()
    window.resize(1280, 860)
    proposal = _long_proposal()
    window.store.save(proposal)
    assert window.open_proposal(proposal.id, section)
    QApplication.processEvents()
    return window


def _focus_inside(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def _line(n: int, field: str = "description") -> str:
    return f"financial.expenditures[e{n}].{field}"


def test_a_long_list_builds_only_the_items_in_view(qtbot: Any, open_window: Any) -> None:
    window = _opened(open_window, "financial")
    page = window.editor.current_page()
    lst = page.list_widget("financial.expenditures")
    built = [item_id for item_id, view in lst.views.items() if view.built]
    assert 0 < len(built) < 40, "only the lines near the top are built"
    assert built == lst.order[: len(built)]
    assert _line(LINES - 1) not in page.editors()
    # Every line is listed, the unbuilt ones by their title.
    assert len(lst.views) == LINES
    line_id, line = lst.unbuilt()[-1]
    assert line_id == f"e{LINES - 1}"
    assert line.text() == f"Cost {LINES - 1}"


def test_scrolling_builds_the_items_that_come_into_view(qtbot: Any, open_window: Any) -> None:
    window = _opened(open_window, "financial")
    page = window.editor.current_page()
    lst = page.list_widget("financial.expenditures")
    bar = page.verticalScrollBar()

    def at_the_end() -> bool:
        bar.setValue(bar.maximum())  # as a user dragging the scroll bar down
        return bool(lst.views[f"e{LINES - 1}"].built)

    qtbot.waitUntil(at_the_end)
    assert page.editor(_line(LINES - 1)) is not None
    assert not lst.views[f"e{LINES // 2}"].built, "lines scrolled past are not all built"


def test_going_to_a_field_of_an_unbuilt_item_builds_and_focuses_it(
    qtbot: Any, open_window: Any
) -> None:
    window = _opened(open_window, "general")
    path = _line(100)
    assert window.go_to_path(path)
    editor = window.editor.current_page().editor(path)
    assert editor is not None
    qtbot.waitUntil(lambda: _focus_inside(editor))
    assert editor.value() == "Cost 100"


def test_an_item_built_late_shows_its_issues(qtbot: Any, open_window: Any) -> None:
    window = _opened(open_window, "financial")
    qtbot.waitUntil(lambda: bool(window.checks.panel.visible_issues()))
    path = _line(100, "category")
    issues = [i for i in window.checks.panel.issues() if i.path == path]
    assert issues, "the line without a category has an issue"
    panel = window.checks.panel
    assert panel.select_path(path)
    panel.view.setFocus()
    press(panel.view, Qt.Key.Key_Return)
    editor = window.editor.current_page().editor(path)
    assert editor is not None
    qtbot.waitUntil(lambda: _focus_inside(editor))
    assert [i.message for i in editor.issues()] == [i.message for i in issues]
    assert editor.property("issueSeverity") != ""


def test_tab_goes_on_into_items_not_built_yet(qtbot: Any, open_window: Any) -> None:
    window = _opened(open_window, "certified")
    page = window.editor.current_page()
    lst = page.list_widget("certified.learning_outcomes")
    first_unbuilt, _line_widget = lst.unbuilt()[0]
    position = lst.order.index(first_unbuilt)
    before = lst.order[position - 1]
    # The last field of the item before, then Tab until the cursor leaves that item.
    view = lst.views[before]
    assert page.focus_path(f"certified.learning_outcomes[{before}].text")
    for _ in range(40):
        focus = QApplication.focusWidget()
        assert focus is not None
        if not view.widgets()[0].isAncestorOf(focus):
            break
        press(focus, Qt.Key.Key_Tab)
    target = page.editor(f"certified.learning_outcomes[{first_unbuilt}].text")
    assert lst.views[first_unbuilt].built
    assert target is not None
    assert _focus_inside(target), "Tab reached the first field of the next item"


def test_typing_in_one_outcome_refills_no_other_editor(
    qtbot: Any, open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _opened(open_window, "certified")
    page = window.editor.current_page()
    path = "certified.learning_outcomes[lo1].text"
    editor = page.editor(path)
    assert editor is not None and len(page.editors()) > 5
    editor.box.setFocus()
    filled: list[str] = []
    original = FieldEditor.set_value

    def spy(self: FieldEditor, value: Any) -> None:
        filled.append(self.path)
        original(self, value)

    monkeypatch.setattr(FieldEditor, "set_value", spy)
    type_text(editor.box, "Then design a plan. ")
    QApplication.processEvents()
    assert window.session.proposal.certified.learning_outcomes[1].text.startswith("Then design")
    assert [p for p in filled if p != path] == []
    # The item's heading follows the text (the other headings are left alone).
    assert "a plan." in lst_title(page, "lo1")


def lst_title(page: Any, item_id: str) -> str:
    view = page.list_widget("certified.learning_outcomes").views[item_id]
    return str(view.title.text())


def test_check_results_touch_only_the_editors_whose_issues_changed(
    qtbot: Any, open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _opened(open_window, "financial")
    qtbot.waitUntil(lambda: bool(window.checks.panel.visible_issues()))
    page = window.editor.current_page()
    bar = page.verticalScrollBar()

    def all_built_in_view() -> bool:
        top, height = bar.value(), page.viewport().height()
        return not placeholders_in_view(page.all_lists(), page.content, top, height)

    qtbot.waitUntil(all_built_in_view)
    window.check_now(show_dock=False)  # every result beside its field, empty fields too
    QApplication.processEvents()
    touched: list[str] = []
    original = FieldEditor.set_issues

    def spy(self: FieldEditor, issues: Any) -> None:
        touched.append(self.path)
        original(self, issues)

    monkeypatch.setattr(FieldEditor, "set_issues", spy)
    window.checks.checker.run_now(window.session.proposal)
    QApplication.processEvents()
    assert touched == [], "the same results again change nothing"
    editor = page.editor(_line(2, "category"))
    assert editor is not None and editor.issues()
    editor.set_value("materials")
    editor.emit_value()
    window.checks.checker.run_now(window.session.proposal)
    QApplication.processEvents()
    assert touched == [_line(2, "category")]
    assert editor.issues() == []


def test_short_lists_are_built_at_once(qtbot: Any, open_window: Any) -> None:
    window = open_window()  # the example: every list is short
    page = window.editor.show_section("certified")
    for lst in page.all_lists():
        assert len(lst.order) <= EAGER_ITEMS
        assert all(view.built for view in lst.views.values())
