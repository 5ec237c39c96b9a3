"""ESCO skills in the window: the picker on a skill's label, the suggestions under each
learning outcome, and the Issues panel's one-click link."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gui.gui_helpers import editor, press, type_text
from mcdesigner.model.edits import InsertItem
from mcdesigner.model.proposal import EscoSkill, Proposal
from mcdesigner.widgets.esco_picker import ADDRESS_ROLE, DESCRIPTION_ROLE, EscoLabelEditor
from mcdesigner.widgets.esco_suggestions import OutcomeTextEditor

WORK_IN_TEAMS = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
OUTCOMES = "certified.learning_outcomes"


def new_skill(qtbot: Any, window: Any) -> tuple[str, EscoLabelEditor]:
    """A new empty skill on the first outcome, and its label editor (focused)."""
    page = window.editor.show_section("certified")
    first = window.session.proposal.certified.learning_outcomes[0].id
    skills = page.list_widget(f"{OUTCOMES}[{first}].esco_skills")
    skills.add_button.click()
    item_path = f"{OUTCOMES}[{first}].esco_skills[{skills.order[-1]}]"
    label = editor(window, f"{item_path}.label")
    assert isinstance(label, EscoLabelEditor)
    qtbot.waitUntil(label.line.hasFocus)
    return item_path, label


def skill_at(window: Any, item_path: str) -> EscoSkill:
    item_id = item_path.rsplit("[", 1)[1].rstrip("]")
    proposal: Proposal = window.session.proposal
    for outcome in proposal.certified.learning_outcomes:
        for skill in outcome.esco_skills:
            if skill.id == item_id:
                return skill
    raise AssertionError(item_path)


def test_typing_lists_matching_skills_and_enter_links_the_first(qtbot: Any, window: Any) -> None:
    item_path, label = new_skill(qtbot, window)
    qtbot.keyClicks(label.line, "work in teams")
    popup = label.popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data(ADDRESS_ROLE) == WORK_IN_TEAMS
    typed = skill_at(window, item_path)
    assert typed.label == "work in teams" and typed.uri == ""

    press(popup, Qt.Key.Key_Return)
    linked = skill_at(window, item_path)
    assert linked.label == "work in teams"
    assert linked.uri == WORK_IN_TEAMS
    assert linked.skill_type == "http://data.europa.eu/snb/skill-type/skill"
    assert linked.reuse_level == "http://data.europa.eu/snb/skill-reuse-level/transversal"
    assert not popup.isVisible()

    window.session.undo_stack.undo()  # one step restores all four values
    restored = skill_at(window, item_path)
    assert (restored.label, restored.uri, restored.skill_type, restored.reuse_level) == (
        "work in teams",
        "",
        None,
        None,
    )
    assert label.line.text() == "work in teams"


def test_spanish_words_find_the_same_skill(qtbot: Any, window: Any) -> None:
    item_path, label = new_skill(qtbot, window)
    type_text(label.line, "trabajar en equipo")
    popup = label.popup
    qtbot.waitUntil(popup.isVisible)
    first = popup.model().index(0, 0)
    assert first.data(ADDRESS_ROLE) == WORK_IN_TEAMS
    assert first.data() == "work in teams"  # the proposal's language
    assert first.data(DESCRIPTION_ROLE).startswith("Found as “trabajar en equipo”")
    assert label.choose(0)
    linked = skill_at(window, item_path)
    assert linked.uri == WORK_IN_TEAMS
    assert linked.label == "work in teams"  # the proposal is written in English


def test_a_click_on_a_suggestion_adds_a_linked_skill(qtbot: Any, window: Any) -> None:
    window.editor.show_section("certified")
    outcome = window.session.proposal.certified.learning_outcomes[0]
    text = editor(window, f"{OUTCOMES}[{outcome.id}].text")
    assert isinstance(text, OutcomeTextEditor)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in text.row.buttons), timeout=3000)
    linked = {s.uri for s in outcome.esco_skills}
    suggested = [s.skill.address for s in text.row.suggestions]
    assert len(suggested) == 5 and not linked & set(suggested)
    before = len(outcome.esco_skills)

    text.row.buttons[0].click()
    outcome = window.session.proposal.certified.learning_outcomes[0]
    assert len(outcome.esco_skills) == before + 1
    added = outcome.esco_skills[-1]
    assert added.uri == suggested[0] and added.label and added.reuse_level
    # the added skill is no longer suggested once the row refreshes
    qtbot.waitUntil(lambda: suggested[0] not in {s.skill.address for s in text.row.suggestions})
    window.session.undo_stack.undo()
    assert len(window.session.proposal.certified.learning_outcomes[0].esco_skills) == before


def test_suggestions_follow_the_outcome_text_once_typing_pauses(
    qtbot: Any, window: Any, monkeypatch: Any
) -> None:
    from mcdesigner import esco

    window.editor.show_section("certified")
    outcome = window.session.proposal.certified.learning_outcomes[0]
    text = editor(window, f"{OUTCOMES}[{outcome.id}].text")
    qtbot.waitUntil(lambda: bool(text.row.suggestions), timeout=3000)
    asked: list[str] = []
    real = esco.suggest

    def counted(outcome_text: str, lang: str = "en", k: int = 5) -> Any:
        asked.append(outcome_text)
        return real(outcome_text, lang, k)

    monkeypatch.setattr(esco, "suggest", counted)
    text.box.setFocus()
    text.box.selectAll()
    typed = "Work in teams and communicate with colleagues"
    qtbot.keyClicks(text.box, typed)
    qtbot.waitUntil(
        lambda: WORK_IN_TEAMS in {s.skill.address for s in text.row.suggestions}, timeout=3000
    )
    assert asked[-1] == typed
    assert len(asked) < len(typed) // 4  # worked out when typing pauses, not on every key


def test_the_issues_panel_links_an_exact_esco_label(qtbot: Any, window: Any) -> None:
    outcome = window.session.proposal.certified.learning_outcomes[0]
    skill = EscoSkill(label="work in teams")
    window.session.apply(
        InsertItem(f"{OUTCOMES}[{outcome.id}].esco_skills", 0, skill), "Add ESCO skill"
    )
    panel = window.checks.panel
    path = f"{OUTCOMES}[{outcome.id}].esco_skills[{skill.id}].uri"
    qtbot.waitUntil(lambda: any(i.fix and i.path == path for i in panel.issues()), timeout=5000)
    assert panel.select_path(path)
    button = panel.fix_button
    qtbot.waitUntil(button.isVisible)
    assert "ESCO" in button.text()
    button.click()
    linked = skill_at(window, path.rsplit(".", 1)[0])
    assert linked.uri == WORK_IN_TEAMS
    assert linked.reuse_level == "http://data.europa.eu/snb/skill-reuse-level/transversal"
    window.session.undo_stack.undo()
    assert skill_at(window, path.rsplit(".", 1)[0]).uri == ""


def test_a_spanish_proposal_gets_the_spanish_label(qtbot: Any, window: Any) -> None:
    from mcdesigner.model.edits import SetValue

    assert window.session.apply(SetValue("languages.main", "es"), "Main language") is None
    item_path, label = new_skill(qtbot, window)
    qtbot.keyClicks(label.line, "work in teams")
    qtbot.waitUntil(label.popup.isVisible)
    assert label.popup.model().index(0, 0).data() == "trabajar en equipo"
    press(label.popup, Qt.Key.Key_Return)
    linked = skill_at(window, item_path)
    assert (linked.label, linked.uri) == ("trabajar en equipo", WORK_IN_TEAMS)


def test_the_picker_stays_plain_text_in_the_translations_view(qtbot: Any, window: Any) -> None:
    outcome = window.session.proposal.certified.learning_outcomes[0]
    skill = outcome.esco_skills[0]
    path = f"{OUTCOMES}[{outcome.id}].esco_skills[{skill.id}].label"
    assert window.go_to_translation("es", path)
    row = window.editor.translations.rows[path]
    assert isinstance(row.editor, EscoLabelEditor)
    row.editor.line.setFocus()
    row.editor.line.selectAll()
    qtbot.keyClicks(row.editor.line, "work in teams")
    assert not row.editor.popup.isVisible()
