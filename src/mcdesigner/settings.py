"""User preferences: a small validated JSON file in the user's config folder.

Preferences are what a user chooses once (hours per ECTS credit, default currency, their
name as author and reviewer). Window geometry and the last open proposal are UI state and
live in QSettings instead. A missing, unreadable or invalid file never stops the app: the
defaults apply and the problem is reported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mcdesigner.atomicfile import atomic_write_bytes
from mcdesigner.i18n import tr
from mcdesigner.model.terms import Currency
from mcdesigner.model.text import ShortText


class Preferences(BaseModel):
    """Everything a user can set in the Preferences dialog."""

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False, validate_assignment=True)

    hours_per_credit_min: float = Field(25.0, ge=10, le=40)
    hours_per_credit_max: float = Field(30.0, ge=10, le=40)
    default_currency: Currency = "EUR"
    user_name: ShortText = ""
    autosave_delay_ms: int = Field(750, ge=200, le=10_000)
    language: str = Field("", pattern=r"^([a-z]{2,3})?$")  # "" follows the system

    @model_validator(mode="after")
    def _ordered_range(self) -> Preferences:
        if self.hours_per_credit_min > self.hours_per_credit_max:
            raise ValueError(tr("the lowest hours per credit must not exceed the highest"))
        return self


def preferences_path() -> Path:
    """Where preferences are stored (``MCDESIGNER_CONFIG`` overrides the folder)."""
    folder = os.environ.get("MCDESIGNER_CONFIG") or platformdirs.user_config_dir(
        "mcdesigner", appauthor=False
    )
    return Path(folder) / "preferences.json"


#: A preferences file is a few hundred bytes; anything much larger is not one.
MAX_PREFERENCES_BYTES = 1024 * 1024


def load_preferences(path: Path | None = None) -> tuple[Preferences, str | None]:
    """Read preferences; returns the defaults and a message when the file is unusable."""
    path = path or preferences_path()
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PREFERENCES_BYTES + 1)
    except FileNotFoundError:
        return Preferences(), None
    except OSError as exc:
        return Preferences(), tr(
            "Could not read your preferences ({error}); using defaults."
        ).format(error=exc.strerror or exc)
    try:
        if len(raw) > MAX_PREFERENCES_BYTES:
            raise ValueError("too large")
        # Not UTF-8, not JSON, too deeply nested: all mean a damaged file.
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return Preferences.model_validate(data), None
    except (ValueError, RecursionError, ValidationError):
        return Preferences(), tr(
            "Your preferences file {path} is damaged; "
            "the defaults are used until you save new ones."
        ).format(path=path)


def save_preferences(prefs: Preferences, path: Path | None = None) -> None:
    """Write preferences atomically (a crash never leaves a half-written file)."""
    path = path or preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = prefs.model_dump_json(indent=2).encode("utf-8")
    atomic_write_bytes(path, data, through_link=True)  # a linked preferences file stays linked
