"""The issues panel and the live checker, driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mcdesigner import checks
from mcdesigner.checks import Issue, Readiness
from mcdesigner.examples import load_example
from mcdesigner.formdefs import default_forms
from mcdesigner.model.fieldpath import set_value
from mcdesigner.model.proposal import LearningOutcome, Proposal
from mcdesigner.ui.checks.issue_delegate import COUNTS_ROLE, KIND_ROLE, PATH_ROLE, SECTION_ROLE
from mcdesigner.ui.checks.issues_panel import IssuesPanel
from mcdesigner.ui.checks.live_checker import LiveChecker

pytestmark = pytest.mark.gui


def _issue(path: str, severity: str = "error") -> Issue:
    section = path.split(".")[0].split("[")[0]
    return Issue(severity, section, path, "test.rule", f"Fix {path}", "A standard")  # type: ignore[arg-type]


def _readiness(issues: list[Issue], percent: float = 72.0) -> Readiness:
    counts = {s: sum(i.severity == s for i in issues) for s in ("error", "warning", "advice")}
    return Readiness({}, percent, counts["error"] == 0, counts)  # type: ignore[arg-type]


def _proposal() -> Proposal:
    proposal = Proposal()
    proposal.certified.learning_outcomes = [
        LearningOutcome(id=f"lo{n}", text=f"Outcome {n}") for n in (1, 2, 3)
    ]
    return proposal


ISSUES = [
    _issue("general.title"),
    _issue("general.description", "warning"),
    _issue("general.rationale", "advice"),
    _issue("certified.learning_outcomes[lo3].text", "warning"),
    _issue("certified.eqf_level"),
    _issue("self_assessment.entries[esg-1.1].rating"),
    _issue("self_assessment.entries[esg-1.2].rating"),
]


@pytest.fixture
def panel(qtbot: QtBot) -> IssuesPanel:
    widget = IssuesPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.set_issues(ISSUES, _readiness(ISSUES), _proposal())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _sections(panel: IssuesPanel) -> list[tuple[str, dict[str, int], list[str]]]:
    model = panel.view.model()
    found = []
    for row in range(model.rowCount()):
        header = model.index(row, 0)
        assert header.data(KIND_ROLE) == "section"
        children = [
            model.index(r, 0, header).data(PATH_ROLE) for r in range(model.rowCount(header))
        ]
        found.append((header.data(SECTION_ROLE), header.data(COUNTS_ROLE), children))
    return found


def test_issues_are_grouped_by_section_with_counts(panel: IssuesPanel) -> None:
    titles = {s.id: s.title for s in default_forms().sections}
    sections = _sections(panel)
    assert [s[0] for s in sections] == [
        titles["general"],
        titles["certified"],
        titles["self_assessment"],
    ]
    assert sections[0][1] == {"error": 1, "warning": 1, "advice": 1}
    assert sections[1][1] == {"error": 1, "warning": 1, "advice": 0}
    assert sections[2][1] == {"error": 2, "warning": 0, "advice": 0}
    assert sections[1][2] == ["certified.learning_outcomes[lo3].text", "certified.eqf_level"]
    header = panel.view.model().index(0, 0)
    assert "1 error" in header.data(Qt.ItemDataRole.DisplayRole)
    summary = panel.summary_text()
    assert "4 errors, 2 warnings, 1 piece of advice" in summary
    assert "72% complete" in summary and "not ready to submit" in summary


def test_summary_says_ready_when_there_are_no_errors(panel: IssuesPanel) -> None:
    only_advice = [_issue("general.rationale", "advice")]
    panel.set_issues(only_advice, _readiness(only_advice, 100.0))
    assert panel.summary_text().startswith("Ready to submit")
    panel.set_issues([], _readiness([], 100.0))
    assert panel.summary_text().startswith("Ready to submit")
    assert panel.visible_issues() == []


def test_severity_buttons_filter_the_list(panel: IssuesPanel, qtbot: QtBot) -> None:
    errors_button = panel._filter_buttons["error"]
    assert errors_button.text() == "4 errors"
    qtbot.mouseClick(errors_button, Qt.MouseButton.LeftButton)
    assert panel.severity_filter() == {"warning", "advice"}
    assert {i.severity for i in panel.visible_issues()} == {"warning", "advice"}
    sections = _sections(panel)
    assert len(sections) == 2  # the self-assessment had errors only
    assert sections[0][1]["error"] == 1  # headers still count what is hidden
    panel.set_severity_filter({"advice"})
    assert [i.path for i in panel.visible_issues()] == ["general.rationale"]
    assert not panel._filter_buttons["warning"].isChecked()
    panel.set_severity_filter(set())
    assert panel.visible_issues() == []


def test_enter_on_a_list_item_issue_asks_for_its_exact_path(
    panel: IssuesPanel, qtbot: QtBot
) -> None:
    path = "certified.learning_outcomes[lo3].text"
    assert panel.select_path(path)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.navigate_requested, timeout=1000) as signal:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert signal.args == [path]


def test_double_click_on_an_issue_asks_for_its_path(panel: IssuesPanel, qtbot: QtBot) -> None:
    path = "self_assessment.entries[esg-1.2].rating"
    assert panel.select_path(path)
    index = panel.view.currentIndex()
    centre = panel.view.visualRect(index).center()
    viewport = panel.view.viewport()
    with qtbot.waitSignal(panel.navigate_requested, timeout=1000) as signal:
        # A real double click is a click followed by a double-click event.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == [path]


def test_a_section_header_does_not_navigate(panel: IssuesPanel, qtbot: QtBot) -> None:
    emitted: list[str] = []
    panel.navigate_requested.connect(emitted.append)
    panel.view.setCurrentIndex(panel.view.model().index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert emitted == []


def test_list_items_are_numbered_and_selection_survives_updates(panel: IssuesPanel) -> None:
    path = "certified.learning_outcomes[lo3].text"
    panel.select_path(path)
    assert (
        panel.view.currentIndex()
        .data(Qt.ItemDataRole.DisplayRole)
        .startswith("Warning: Learning outcome 3")
    )
    panel.set_issues([*ISSUES, _issue("general.keywords", "advice")], _readiness(ISSUES))
    assert panel.view.currentIndex().data(PATH_ROLE) == path


def test_ctrl_c_copies_the_current_issue(panel: IssuesPanel, qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    panel.select_path("general.description")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "Fix general.description" in copied and "A standard" in copied


def test_the_panel_is_keyboard_reachable(panel: IssuesPanel) -> None:
    assert panel.focusProxy() is panel.view
    assert panel.view.accessibleName()
    for button in panel._filter_buttons.values():
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.accessibleName()


def test_live_checker_runs_after_the_pause_and_clears_fixed_issues(qtbot: QtBot) -> None:
    proposal = load_example()
    checker = LiveChecker(delay_ms=20)
    with qtbot.waitSignal(checker.checked, timeout=2000) as first:
        checker.schedule(proposal)
        assert checker.pending
    issues, readiness = first.args
    assert any(i.path == "general.contact.name" for i in issues)
    assert readiness.counts["error"] == sum(i.severity == "error" for i in issues)

    set_value(proposal, "general.contact.name", "Ana García")
    with qtbot.waitSignal(checker.checked, timeout=2000) as second:
        checker.schedule(proposal)
    fixed, _ = second.args
    assert not any(i.path == "general.contact.name" for i in fixed)
    assert len(fixed) == len(issues) - 1


def test_live_checker_coalesces_a_burst_of_edits(qtbot: QtBot) -> None:
    proposal = load_example()
    checker = LiveChecker(delay_ms=30)
    runs: list[int] = []
    checker.checked.connect(lambda issues, readiness: runs.append(len(issues)))
    for _ in range(5):
        checker.schedule(proposal)
    qtbot.waitUntil(lambda: bool(runs), timeout=2000)
    assert not checker.pending
    assert len(runs) == 1


def test_live_checker_uses_the_hours_per_credit_from_preferences(qtbot: QtBot) -> None:
    from mcdesigner.settings import Preferences

    checker = LiveChecker()
    with qtbot.waitSignal(checker.checked, timeout=1000):
        checker.run_now(load_example())
    with qtbot.waitSignal(checker.checked, timeout=1000):
        checker.set_preferences(Preferences(hours_per_credit_min=20, hours_per_credit_max=22))
    assert checker.settings.hours_per_credit_min == 20
    assert checker.settings.hours_per_credit_max == 22


def test_panel_shows_what_the_live_checker_found(qtbot: QtBot) -> None:
    proposal = load_example()
    panel = IssuesPanel()
    qtbot.addWidget(panel)
    checker = LiveChecker(delay_ms=0)
    checker.checked.connect(lambda issues, readiness: panel.set_issues(issues, readiness, proposal))
    issues = checker.run_now(proposal)
    assert sorted(map(repr, panel.visible_issues())) == sorted(map(repr, issues))
    expected = checks.readiness(proposal, issues)
    assert f"{int(expected.overall_percent)}% complete" in panel.summary_text()


def test_an_issue_with_a_fix_offers_it_and_so_do_the_other_issues_on_its_field(
    qtbot: QtBot,
) -> None:
    from dataclasses import replace

    from mcdesigner.checks.issues import Fix
    from mcdesigner.model.edits import SetValue

    path = "certified.learning_outcomes[lo1].esco_skills[s1].uri"
    fix = Fix("Link “work in teams” to ESCO", SetValue(path, "http://example.org/skill"))
    issues = [
        _issue(path),
        replace(_issue(path, "advice"), fix=fix),
        _issue("general.title"),
    ]
    widget = IssuesPanel()
    qtbot.addWidget(widget)
    widget.set_issues(issues, _readiness(issues), _proposal())
    widget.show()
    qtbot.waitExposed(widget)
    requested: list[Fix] = []
    widget.fix_requested.connect(requested.append)

    assert widget.select_path("general.title")
    assert not widget.fix_button.isVisible()
    assert widget.select_path(path)  # the error without a fix of its own comes first
    assert widget.fix_button.isVisible()
    assert widget.fix_button.text() == "Link “work in teams” to ESCO"
    widget.fix_button.click()
    assert requested == [fix]
