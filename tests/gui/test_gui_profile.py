"""The institution profile in the window: installed and removed from the Preferences,
named in the About box, its hours per ECTS credit reaching the checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mcdesigner.profiles import installed_profile
from mcdesigner.ui.dialogs import profile_line
from mcdesigner.ui.preferences_dialog import PreferencesDialog
from test_profiles import PROFILE_TOML, png

pytestmark = pytest.mark.gui


@pytest.fixture
def profile_folder(tmp_path: Path) -> Path:
    source = tmp_path / "uniovi"
    source.mkdir()
    text = PROFILE_TOML.split("[documents]")[0].replace("= 25\n", "= 26\n")
    (source / "profile.toml").write_text(text, encoding="utf-8")
    (source / "logo.png").write_bytes(png())
    return source


def test_a_profile_is_installed_and_removed_from_the_preferences(
    qtbot: Any, window: Any, profile_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(profile_folder / "profile.toml"), "")),
    )
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    assert dialog.profile_name.text() == "None"
    assert not dialog.remove_profile.isEnabled()
    assert profile_line() == "No institution profile is installed."
    hours: list[float] = []
    dialog.profile_changed.connect(lambda: window.checks.apply_preferences(window.preferences))
    dialog.profile_changed.connect(
        lambda: hours.append(window.checks.settings.hours_per_credit_min)
    )
    dialog.install_profile.click()
    assert installed_profile() is not None
    assert dialog.profile_name.text() == "Universidad de Oviedo"
    assert shown == ["The profile of Universidad de Oviedo is installed and in use."]
    assert not dialog.hours_min.isEnabled()
    assert "sets the hours per ECTS credit" in dialog.profile_note.text()
    assert hours == [26]  # the checks use the profile's hours at once
    assert profile_line() == "Institution profile: Universidad de Oviedo"
    dialog.remove_profile.click()
    assert installed_profile() is None
    assert dialog.profile_name.text() == "None"
    assert dialog.hours_min.isEnabled()
    assert hours[-1] == window.preferences.hours_per_credit_min


def test_a_faulty_profile_is_refused_with_its_reason(
    qtbot: Any, window: Any, profile_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (profile_folder / "logo.png").write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(profile_folder / "profile.toml"), "")),
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warnings.append(text))
    )
    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    dialog.install_profile.click()
    assert len(warnings) == 1 and "is not a PNG or JPEG picture" in warnings[0]
    assert installed_profile() is None
    assert dialog.profile_name.text() == "None"
