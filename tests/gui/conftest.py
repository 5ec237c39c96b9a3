"""Fixtures for the editor's GUI tests: a real main window on a private database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from mcdesigner.app import application, open_main_window
from mcdesigner.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record message boxes instead of showing them (a modal box would hang the test).

    Questions about unsaved changes are answered with "discard" unless a test says otherwise.
    """
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self, *a, **k: "discard")
    shown: list[tuple[str, str]] = []

    def record(kind: str) -> Any:
        def box(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Ok

        return box

    for kind in ("critical", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown


@pytest.fixture
def dialogs(_no_blocking_dialogs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Message boxes the code under test tried to show: (kind, "title: text")."""
    return _no_blocking_dialogs


@pytest.fixture
def open_window(qtbot: Any, db_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """A factory opening the real main window on ``db_path`` (closed at the end).

    On an empty library the window opens a copy of the example, which most tests work on;
    ``example=False`` starts as a first start does (the welcome page).
    """
    application()
    windows: list[MainWindow] = []

    def factory(*, show: bool = True, example: bool = True) -> MainWindow:
        window = open_main_window(db_path, example_if_empty=example)
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()
        if not window.store.closed:
            window.store.close()


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    """The main window on a fresh database: it opened a copy of the example proposal."""
    return open_window()
