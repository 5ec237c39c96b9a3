"""Shared test set-up: Qt runs offscreen, every test gets a private data folder."""

from __future__ import annotations

import os
import tempfile

# Without a display Qt aborts the whole process; this must happen before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "XDG_RUNTIME_DIR" not in os.environ:
    _runtime = tempfile.mkdtemp(prefix="mcd-runtime-")
    os.chmod(_runtime, 0o700)
    os.environ["XDG_RUNTIME_DIR"] = _runtime

from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesigner.storage import Store


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the user's data and config folders at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("MCDESIGNER_NO_NETWORK", "1")


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, whatever the machine's language, and ends in it."""
    from mcdesigner.translations import ENVIRONMENT_VARIABLE, use_language

    for name in (ENVIRONMENT_VARIABLE, "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh database location inside the test's temporary folder."""
    return tmp_path / "proposals.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An open, empty library in the test's temporary folder (a test module may override it)."""
    with Store.open(db_path) as opened:
        yield opened
