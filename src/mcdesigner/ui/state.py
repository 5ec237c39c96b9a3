"""Window state kept between runs: geometry, docks, splitters, the open proposal and section,
recently used proposal files and the last folder of each kind of file dialog.

This is UI state, not preferences, so it lives in ``QSettings`` (an INI file next to the
preferences file). Every write is synced to disk at once: after a crash the next start
must find the proposal and section the user was in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow, QSplitter

from mcdesigner.settings import preferences_path

MAX_RECENT_FILES = 8

#: The kinds of file whose dialogs each remember their own last folder: proposal files,
#: review files, exported documents (PDF, Word) and credential data (ELM, Open Badges).
FolderKind = Literal["proposals", "reviews", "documents", "credentials"]


def state_path() -> Path:
    """Where the window state is stored (beside the preferences file)."""
    return preferences_path().with_name("window-state.ini")


def documents_folder() -> Path:
    """The user's Documents folder (the home folder when there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


class UiState:
    """Typed access to the stored window state; the only code that reads or writes
    ``QSettings`` keys."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # ------------------------------------------------------------------ window
    def save_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        """Remember the window's geometry, docks and splitter positions."""
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState())
        for name, splitter in splitters.items():
            self._settings.setValue(f"splitters/{name}", splitter.saveState())
        self._settings.sync()

    def restore_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
        """Restore what :meth:`save_window` stored; False when nothing was stored."""
        geometry = self._settings.value("window/geometry")
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        window.restoreGeometry(geometry)
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        for name, splitter in splitters.items():
            value = self._settings.value(f"splitters/{name}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        return True

    # ------------------------------------------------------------------ where the user was
    @property
    def last_proposal_id(self) -> str | None:
        value = self._settings.value("session/proposal")
        return str(value) if value else None

    @property
    def last_section(self) -> str | None:
        value = self._settings.value("session/section")
        return str(value) if value else None

    def remember_position(self, proposal_id: str | None, section_id: str | None) -> None:
        """Remember the open proposal and section (written to disk immediately)."""
        self._settings.setValue("session/proposal", proposal_id or "")
        self._settings.setValue("session/section", section_id or "")
        self._settings.sync()

    # ------------------------------------------------------------------ reviewer mode
    @property
    def reviewer_mode(self) -> bool:
        """Whether the window opens in reviewer mode (read-only, comments allowed)."""
        return str(self._settings.value("review/reviewer_mode", False)).lower() in ("true", "1")

    @reviewer_mode.setter
    def reviewer_mode(self, on: bool) -> None:
        self._settings.setValue("review/reviewer_mode", on)
        self._settings.sync()

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[Path]:
        """Proposal files imported or exported recently, newest first."""
        value = self._settings.value("recent/files", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(str(v)) for v in items if v]

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` at the top of the recent files."""
        paths = [str(path)] + [str(p) for p in self.recent_files() if p != path]
        self._settings.setValue("recent/files", paths[:MAX_RECENT_FILES])
        self._settings.sync()

    def forget_recent_file(self, path: Path) -> None:
        """Drop ``path`` from the recent files (it no longer exists)."""
        paths = [str(p) for p in self.recent_files() if p != path]
        self._settings.setValue("recent/files", paths)
        self._settings.sync()

    # ------------------------------------------------------------------ file dialogs
    def last_folder(self, kind: FolderKind) -> str:
        """The folder a file dialog for ``kind`` of file opens in: the one used last for
        that kind, or a sensible default (documents go to the Documents folder)."""
        value = self._settings.value(f"folders/{kind}")
        if not value and kind == "proposals":
            value = self._settings.value("recent/folder")  # kept by earlier versions
        if value and Path(str(value)).is_dir():
            return str(value)
        if kind in ("documents", "credentials"):
            return str(documents_folder())
        return str(Path.home())

    def set_last_folder(self, kind: FolderKind, folder: Path) -> None:
        """Remember ``folder`` as the last one used for ``kind`` of file."""
        self._settings.setValue(f"folders/{kind}", str(folder))
        self._settings.sync()
