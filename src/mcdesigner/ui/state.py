"""Window state kept between runs: geometry, docks, splitters, the open proposal and section,
and recently used proposal files.

This is UI state, not preferences, so it lives in ``QSettings`` (an INI file next to the
preferences file). Every write is synced to disk at once: after a crash the next start
must find the proposal and section the user was in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from mcdesigner.settings import preferences_path

MAX_RECENT_FILES = 8


def state_path() -> Path:
    """Where the window state is stored (beside the preferences file)."""
    return preferences_path().with_name("window-state.ini")


class UiState:
    """Typed access to the stored window state."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # ------------------------------------------------------------------ window
    def save_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        """Remember the window's geometry, docks and splitter positions."""
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/state", window.saveState())
        for name, splitter in splitters.items():
            self.settings.setValue(f"splitters/{name}", splitter.saveState())
        self.settings.sync()

    def restore_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
        """Restore what :meth:`save_window` stored; False when nothing was stored."""
        geometry = self.settings.value("window/geometry")
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        window.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        for name, splitter in splitters.items():
            value = self.settings.value(f"splitters/{name}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        return True

    # ------------------------------------------------------------------ where the user was
    @property
    def last_proposal_id(self) -> str | None:
        value = self.settings.value("session/proposal")
        return str(value) if value else None

    @property
    def last_section(self) -> str | None:
        value = self.settings.value("session/section")
        return str(value) if value else None

    def remember_position(self, proposal_id: str | None, section_id: str | None) -> None:
        """Remember the open proposal and section (written to disk immediately)."""
        self.settings.setValue("session/proposal", proposal_id or "")
        self.settings.setValue("session/section", section_id or "")
        self.settings.sync()

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[Path]:
        """Proposal files imported or exported recently, newest first."""
        value = self.settings.value("recent/files", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(str(v)) for v in items if v]

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` at the top of the recent files."""
        paths = [str(path)] + [str(p) for p in self.recent_files() if p != path]
        self.settings.setValue("recent/files", paths[:MAX_RECENT_FILES])
        self.settings.sync()

    def forget_recent_file(self, path: Path) -> None:
        """Drop ``path`` from the recent files (it no longer exists)."""
        paths = [str(p) for p in self.recent_files() if p != path]
        self.settings.setValue("recent/files", paths)
        self.settings.sync()

    @property
    def last_folder(self) -> str:
        value = self.settings.value("recent/folder")
        return str(value) if value else str(Path.home())

    def set_last_folder(self, folder: Path) -> None:
        self.settings.setValue("recent/folder", str(folder))
        self.settings.sync()
