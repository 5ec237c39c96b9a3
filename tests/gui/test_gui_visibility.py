"""The editor hides and shows fields as the forms' visibility rules say, nested groups included."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gui.gui_helpers import type_text
from mcdesigner.examples import load_example
from mcdesigner.formdefs import FormSet, load_forms
from mcdesigner.model.edits import Edit, apply_edit
from mcdesigner.model.proposal import EscoSkill
from mcdesigner.paths import forms_dir
from mcdesigner.widgets.section_page import SectionPage

pytestmark = pytest.mark.gui

#: The ESCO skills of a learning outcome show only once the outcome has been written.
CONDITION = (
    'id = "esco"\nvisible_if = { path = "certified.learning_outcomes[].text", not_empty = true }\n'
)


def conditional_forms(folder: Path) -> FormSet:
    copy = folder / "forms"
    shutil.copytree(forms_dir(), copy)
    certified = copy / "certified.toml"
    text = certified.read_text(encoding="utf-8")
    assert text.count('id = "esco"\n') == 1
    certified.write_text(text.replace('id = "esco"\n', CONDITION), encoding="utf-8")
    return load_forms(copy)


def test_a_field_in_a_nested_group_follows_the_groups_condition(qtbot: Any, tmp_path: Path) -> None:
    forms = conditional_forms(tmp_path)
    proposal = load_example()
    outcome = proposal.certified.learning_outcomes[0]
    outcome.text = ""
    outcome.esco_skills = [EscoSkill(id="sk1", label="apply quality standards")]
    page = SectionPage(forms.section("certified"), forms)
    qtbot.addWidget(page)

    def handle(edit: Edit, _description: str, _merge: str | None) -> str | None:
        apply_edit(proposal, edit)
        page.refresh(proposal, source=getattr(edit, "path", None))
        return None

    page.set_edit_handler(handle)
    page.load(proposal)
    page.show()
    qtbot.waitExposed(page)
    item = f"certified.learning_outcomes[{outcome.id}]"
    skill = page.editor(f"{item}.esco_skills[sk1].label")
    text = page.editor(f"{item}.text")
    assert skill is not None and text is not None
    other = proposal.certified.learning_outcomes[1]
    other_skill = page.editor(
        f"certified.learning_outcomes[{other.id}].esco_skills[{other.esco_skills[0].id}].label"
    )
    assert other_skill is not None

    assert not skill.isVisibleTo(page), "the outcome has no text: its ESCO skills are hidden"
    assert other_skill.isVisibleTo(page), "another outcome's skills do not depend on it"
    assert text.isVisibleTo(page)

    target = text.focusProxy() or text
    target.setFocus()
    type_text(target, "Apply quality standards")

    assert outcome.text == "Apply quality standards"
    assert skill.isVisibleTo(page), "the outcome has text now: its ESCO skills show"
    assert skill.value() == "apply quality standards"
