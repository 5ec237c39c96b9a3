"""The export dialog's content language: the proposal's languages to choose from, the main
one first; the labels follow the choice; a one-language proposal shows no chooser."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesigner.examples import load_example
from mcdesigner.model.proposal import Proposal
from mcdesigner.ui.export.export_dialog import ExportDialog
from test_export_support import pdf_text, squash

pytestmark = pytest.mark.gui

EXPORT_TIMEOUT_MS = 30_000


def _dialog(qtbot: QtBot, proposal: Proposal, document: str = "proposal") -> ExportDialog:
    dialog = ExportDialog(proposal, initial_document=document, initial_format="pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _state(dialog: ExportDialog) -> tuple[str, Path | None]:
    """The dialog's state and created file (read afresh, for the type checker too)."""
    return dialog.state, dialog.output_path


def _close(dialog: ExportDialog) -> None:
    dialog.reject()
    if dialog.job is not None:
        assert dialog.job.wait(10)


def test_the_chooser_lists_the_proposal_languages_and_writes_the_spanish_texts(
    qtbot: QtBot,
) -> None:
    proposal = load_example()
    dialog = _dialog(qtbot, proposal)
    combo = dialog._content_combo
    assert combo.isVisible() and combo.isEnabled()
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["English", "Spanish"]  # CLDR names, the main language first
    assert combo.currentData() == "en" and dialog.content_language() is None

    combo.setCurrentIndex(combo.findData("es"))
    assert dialog.content_language() == "es"
    assert dialog._language_combo.currentData() == "es"  # the labels follow
    dialog.start_export()
    assert not combo.isEnabled()  # while the document is written
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=EXPORT_TIMEOUT_MS)
    assert dialog.state == "ready", dialog.error_text()
    assert dialog.output_path is not None
    text = squash(pdf_text(dialog.output_path))
    assert squash(proposal.translations["es"]["general.title"]) in text
    assert squash(proposal.general.title) not in text
    assert squash("Propuesta de microcredencial") in text

    combo.setCurrentIndex(combo.findData("en"))  # another choice discards the document
    assert _state(dialog) == ("idle", None)
    _close(dialog)


def test_credentials_and_one_language_proposals_have_no_content_language(
    qtbot: QtBot,
) -> None:
    dialog = _dialog(qtbot, load_example(), document="elm")
    assert not dialog._content_combo.isEnabled()  # a credential holds every language
    dialog.set_selection("dossier", "pdf")
    assert dialog._content_combo.isEnabled()
    _close(dialog)

    single = load_example()
    single.languages.further = []
    single.languages.issued_in = []
    dialog = _dialog(qtbot, single)
    assert not dialog._content_combo.isVisible()
    assert dialog.content_language() is None
    _close(dialog)
