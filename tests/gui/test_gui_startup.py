"""Start-up: the export libraries stay unloaded until the user exports; the store lock; the
translator; the preferences dialog; background operations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from mcdesigner.i18n import tr
from mcdesigner.settings import Preferences, load_preferences
from mcdesigner.storage import Store, StoreLocked
from mcdesigner.ui.ops import Op, running_ops
from mcdesigner.ui.preferences_dialog import PreferencesDialog, preferences_from_values

pytestmark = pytest.mark.gui

PROBE = textwrap.dedent(
    """
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from mcdesigner.app import application, open_main_window
    app = application()
    window = open_main_window(Path(sys.argv[1]), example_if_empty=True)
    window.show()
    app.processEvents()
    def heavy():
        return sorted(m for m in sys.modules if m.split(".")[0] in ("docx", "reportlab"))
    at_start = heavy()
    import docx  # what an export would load: proves the probe sees it
    print(json.dumps({"session": window.session is not None, "start": at_start,
                      "after_export_import": bool(heavy())}))
    window.close()
    """
)


def test_export_libraries_are_not_loaded_at_start_up(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=True,
    )
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["session"], "the window opened a proposal"
    assert report["start"] == []
    assert report["after_export_import"]


def test_a_second_window_on_the_same_database_is_refused(window: Any, db_path: Path) -> None:
    with pytest.raises(StoreLocked):
        Store.open(db_path, exclusive=True)


def test_the_window_and_the_core_read_one_catalog(
    qapp: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from mcdesigner import translations
    from mcdesigner.translations import Catalog, use_language
    from mcdesigner.ui.translation import install_translators

    catalog = Catalog("es", messages={"Preferences": "Preferencias"})
    monkeypatch.setitem(translations._catalogs, "es", catalog)
    use_language("es")
    install_translators(qapp)
    try:
        assert tr("Preferences") == "Preferencias"
        assert QPushButton().tr("Preferences") == "Preferencias"
        assert QCoreApplication.translate("Anything", "Preferences") == "Preferencias"
        # Texts the catalog lacks fall through to Qt's own translations, then English.
        assert QPushButton().tr("No such text anywhere") == "No such text anywhere"
    finally:
        use_language("en")
        install_translators(qapp)


def test_preferences_dialog_validates_and_saves(qtbot: Any, window: Any) -> None:
    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours_min.setValue(35)
    dialog.hours_max.setValue(28)
    dialog.accept()
    refused = dialog.result_preferences
    assert refused is None
    assert dialog.errors.isVisible()
    assert "must not exceed" in dialog.errors.text()
    dialog.hours_max.setValue(38)
    dialog.autosave.setValue(1500)
    dialog.user_name.setText("Ana Pérez")
    currency = dialog.currency.lineEdit()
    assert currency is not None
    currency.selectAll()
    qtbot.keyClicks(currency, "CHF")
    dialog.accept()
    saved = dialog.result_preferences
    assert saved is not None
    assert window.apply_preferences(saved)
    stored_prefs, problem = load_preferences()
    assert problem is None
    assert stored_prefs.user_name == "Ana Pérez"
    assert stored_prefs.default_currency == "CHF"
    assert window.session._debounce.interval() == 1500
    # new blank proposals use the default currency
    window.library_actions.new(False)
    assert window.session.proposal.general.currency == "CHF"


def test_preference_values_map_to_messages() -> None:
    prefs, problems = preferences_from_values(
        {**Preferences().model_dump(), "autosave_delay_ms": 50}
    )
    assert prefs is None
    assert problems and problems[0].startswith("Autosave delay:")


def test_operations_run_off_the_ui_thread(qtbot: Any, window: Any) -> None:
    ui_thread = threading.get_ident()
    results: list[Any] = []
    Op(window, lambda value: (value * 2, threading.get_ident()), value=21).success(
        results.append
    ).run()
    qtbot.waitUntil(lambda: bool(results) and running_ops() == 0)
    assert results[0][0] == 42 and results[0][1] != ui_thread
    errors: list[BaseException] = []

    def fail() -> None:
        raise OSError("disk gone")

    Op(window, fail).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "disk gone"


def test_the_library_names_proposal_files_like_the_exchange_format() -> None:
    from mcdesigner.exchange import PROPOSAL_SUFFIX
    from mcdesigner.ui import library_actions

    assert library_actions.PROPOSAL_SUFFIX == PROPOSAL_SUFFIX


def test_a_second_start_on_a_locked_database_says_so_and_quits(
    window: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from mcdesigner import app as app_module

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        shown.append(box.button(QMessageBox.StandardButton.Close).text())
        return int(QMessageBox.StandardButton.Close.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setenv("MCDESIGNER_DB", str(db_path))
    assert app_module.main([]) == 1
    assert "already running" in shown[0]
    assert shown[1] == "Quit"


def test_the_language_is_chosen_in_the_preferences_and_shows_from_the_next_start(
    qtbot: Any, window: Any
) -> None:
    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["As the system (English)", "English", "Español"]
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.language_note.isVisible()
    assert "next time it starts" in dialog.language_note.text()
    dialog.accept()
    saved = dialog.result_preferences
    assert saved is not None and saved.language == "es"
    assert window.apply_preferences(saved)
    stored, _problem = load_preferences()
    assert stored.language == "es"

    from mcdesigner.translations import choose_language

    assert choose_language(stored.language) == ("es", [])


def test_the_window_closes_itself_when_asked_and_keeps_the_first_start(db_path: Path) -> None:
    """MCDESIGNER_QUIT_AFTER closes the shown window the normal way: the process ends with
    status 0; a first start (the welcome page) stores nothing uninvited, and a proposal
    stored before is still there afterwards."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MCDESIGNER_QUIT_AFTER="0.2")
    command = [sys.executable, "-m", "mcdesigner", "--db", str(db_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    with Store.open(db_path) as store:
        assert store.list_proposals() == []
    stored = subprocess.run(
        [*command, "example"], capture_output=True, text=True, timeout=120, env=env
    )
    assert stored.returncode == 0, stored.stderr
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    with Store.open(db_path) as store:
        titles = [summary.title for summary in store.list_proposals()]
    assert titles == ["Towards INGENIUM Micro-credentials Framework"]
