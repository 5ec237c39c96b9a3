"""Preferences: defaults, round trip, damaged files and invalid values."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from mcdesigner.settings import Preferences, load_preferences, save_preferences


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    prefs, problem = load_preferences(tmp_path / "none.json")
    assert prefs == Preferences()
    assert problem is None
    assert (prefs.hours_per_credit_min, prefs.hours_per_credit_max) == (25.0, 30.0)


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "preferences.json"
    prefs = Preferences(user_name="Łucja Nowak", default_currency="PLN", hours_per_credit_min=20)
    save_preferences(prefs, path)
    loaded, problem = load_preferences(path)
    assert problem is None
    assert loaded == prefs
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".preferences-")]


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"hours_per_credit_min": "NaN"}'])
def test_damaged_file_falls_back_to_defaults_with_a_message(tmp_path: Path, content: str) -> None:
    path = tmp_path / "preferences.json"
    path.write_text(content, encoding="utf-8")
    prefs, problem = load_preferences(path)
    assert prefs == Preferences()
    assert problem is not None and "damaged" in problem


def test_invalid_values_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Preferences(hours_per_credit_min=32, hours_per_credit_max=28)
    with pytest.raises(ValidationError):
        Preferences(default_currency="XXX-not-a-currency")
    with pytest.raises(ValidationError):
        Preferences(autosave_delay_ms=5)
