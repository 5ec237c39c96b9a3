"""The compare dialog with a proposal written in several languages: rows and filter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QTableWidget

from mcdesigner.model import Proposal
from mcdesigner.model.edits import SetTranslation, SetValue, apply_edit
from mcdesigner.model.proposal import LearningOutcome
from mcdesigner.storage import Store
from mcdesigner.translations import use_language
from mcdesigner.ui.review import CompareDialog
from mcdesigner.ui.translation import install_translators


@pytest.fixture
def proposal(store: Store) -> Proposal:
    proposal = Proposal()
    proposal.languages.main = "en"
    proposal.languages.further = ["es", "fr"]
    proposal.general.title = "Research data stewardship"
    proposal.certified.learning_outcomes = [
        LearningOutcome(text="Apply the FAIR principles to a research dataset"),
    ]
    apply_edit(proposal, SetTranslation("es", "general.title", "Gestión de datos"))
    store.save(proposal)
    store.add_revision(proposal.id, "Sent to reviewers", kind="manual")
    return proposal


def _save(store: Store, proposal: Proposal, *edits: Any) -> None:
    expected = store.get_hash(proposal.id)
    for edit in edits:
        apply_edit(proposal, edit)
    store.save(proposal, expected_hash=expected)


def _dialog(qtbot: Any, store: Store, proposal: Proposal) -> CompareDialog:
    dialog = CompareDialog(store, proposal.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _table(table: QTableWidget) -> list[list[str]]:
    return [
        [(table.item(r, c).text() if table.item(r, c) else "") for c in range(4)]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def _outcome(proposal: Proposal) -> str:
    return f"certified.learning_outcomes[{proposal.certified.learning_outcomes[0].id}].text"


@pytest.mark.gui
def test_a_changed_spanish_title_is_one_row_naming_spanish(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    _save(store, proposal, SetTranslation("es", "general.title", "Gestión de datos abiertos"))
    dialog = _dialog(qtbot, store, proposal)
    (row,) = dialog.rows()
    assert (row.kind, row.label, row.old, row.new, row.language) == (
        "changed",
        "Title (Spanish)",
        "Gestión de datos",
        "Gestión de datos abiertos",
        "es",
    )
    assert ["Changed", "Title (Spanish)", "Gestión de datos", "Gestión de datos abiertos"] in (
        _table(dialog.table)
    )
    assert dialog.summary_label.text() == "changed: 1"


@pytest.mark.gui
def test_the_language_filter_shows_only_that_languages_rows(
    qtbot: Any, store: Store, proposal: Proposal
) -> None:
    _save(
        store,
        proposal,
        SetValue("general.title", "Stewardship of research data"),
        SetTranslation("es", "general.title", "Gestión de datos abiertos"),
        SetTranslation("fr", _outcome(proposal), "Appliquer les principes FAIR"),
        SetValue("languages.issued_in", ["en", "es"]),
    )
    dialog = _dialog(qtbot, store, proposal)
    combo = dialog.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All languages",
        "English",
        "Spanish",
        "French",
    ]
    assert [(r.kind, r.label) for r in dialog.rows()] == [
        ("changed", "Title"),
        ("changed", "Title (Spanish)"),
        ("changed", "Credential issued in"),
        ("added", "Learning outcome 1 › Outcome (French)"),
    ]

    combo.setCurrentIndex(combo.findText("Spanish"))
    assert [(r.kind, r.label) for r in dialog.rows()] == [("changed", "Title (Spanish)")]
    texts = _table(dialog.table)
    assert [t[1] for t in texts if t[0] == "Changed"] == ["Title (Spanish)"]
    assert dialog.summary_label.text() == "changed: 1"

    combo.setCurrentIndex(combo.findText("French"))
    (added,) = dialog.rows()
    assert (added.label, added.old, added.new) == (
        "Learning outcome 1 › Outcome (French)",
        "",
        "Appliquer les principes FAIR",
    )
    assert [
        "Added",
        "Learning outcome 1 › Outcome (French)",
        "",
        "Appliquer les principes FAIR",
    ] in (_table(dialog.table))

    combo.setCurrentIndex(combo.findText("English"))  # the main language: the fields themselves
    assert [r.label for r in dialog.rows()] == ["Title"]

    # The language chosen stays when another version is picked; all rows come back with "All".
    dialog.old_combo.setCurrentIndex(dialog.old_combo.count() - 1)
    assert dialog.language() == "en"
    assert dialog.summary_label.text() == "Both sides show the same version."
    dialog.old_combo.setCurrentIndex(0)
    dialog.set_language("")
    assert len(dialog.rows()) == 4


@pytest.mark.gui
def test_a_language_without_changes_says_so(qtbot: Any, store: Store, proposal: Proposal) -> None:
    _save(store, proposal, SetTranslation("es", "general.title", "Gestión de datos abiertos"))
    dialog = _dialog(qtbot, store, proposal)
    dialog.set_language("fr")
    assert dialog.rows() == []
    assert dialog.table.rowCount() == 0
    assert dialog.summary_label.text() == "No differences in French."


@pytest.mark.gui
def test_in_spanish_the_rows_and_filter_speak_spanish(
    qtbot: Any, qapp: Any, store: Store, proposal: Proposal
) -> None:
    use_language("es")
    install_translators(qapp)
    try:
        _spanish_rows(qtbot, store, proposal)
    finally:
        use_language("en")
        install_translators(qapp)


def _spanish_rows(qtbot: Any, store: Store, proposal: Proposal) -> None:
    _save(store, proposal, SetTranslation("es", "general.title", "Gestión de datos abiertos"))
    dialog = _dialog(qtbot, store, proposal)
    assert dialog.language_combo.itemText(0) == "Todos los idiomas"
    (row,) = dialog.rows()
    assert row.label == "Título (español)"
    dialog.set_language("fr")
    assert dialog.summary_label.text() == "No hay diferencias en francés."
