"""The editor lets the author state "No limit" on places and a duration as number and unit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QRadioButton

from mcdesigner.examples import load_example
from mcdesigner.formdefs import default_forms
from mcdesigner.model.edits import Edit, apply_edit
from mcdesigner.widgets.section_page import SectionPage

pytestmark = pytest.mark.gui


def _radio(editor: Any, text: str) -> QRadioButton:
    found: list[QRadioButton] = [b for b in editor.findChildren(QRadioButton) if b.text() == text]
    assert len(found) == 1, text
    return found[0]


def test_choosing_no_limit_hides_the_number_of_places_and_a_duration_takes_its_unit(
    qtbot: Any,
) -> None:
    forms = default_forms()
    proposal = load_example()
    proposal.general.places = None
    page = SectionPage(forms.section("general"), forms)
    qtbot.addWidget(page)

    def handle(edit: Edit, _description: str, _merge: str | None) -> str | None:
        apply_edit(proposal, edit)
        page.refresh(proposal, source=getattr(edit, "path", None))
        return None

    page.set_edit_handler(handle)
    page.load(proposal)
    page.show()
    qtbot.waitExposed(page)
    limit = page.editor("general.places_limit")
    places = page.editor("general.places")
    unit = page.editor("general.maximum_duration.unit")
    assert limit is not None and places is not None and unit is not None
    assert places.isVisibleTo(page), "places are limited by default: the number is asked"

    _radio(limit, "No limit").click()
    assert proposal.general.places_limit == "unlimited"
    assert not places.isVisibleTo(page)

    _radio(unit, "Months").click()
    assert proposal.general.maximum_duration.unit == "months"

    _radio(limit, "A set number of places").click()
    assert page.editor("general.places_limit") is limit
    assert limit.value() == "limited"
    assert places.isVisibleTo(page)
