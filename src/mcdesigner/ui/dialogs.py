"""Small modal dialogs of the main window: unsaved changes, keyboard shortcuts, about."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from mcdesigner import __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def ask_unsaved(parent: QWidget, doing: str, message: str, *, can_retry: bool) -> str:
    """Ask what to do about changes that are not stored: ``retry``, ``discard`` or ``cancel``.

    ``doing`` completes "Discard them and …" (e.g. "quit").
    """
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Changes not saved"), message, parent=parent)
    retry = (
        box.addButton(_tr("Try again"), QMessageBox.ButtonRole.AcceptRole) if can_retry else None
    )
    discard = box.addButton(
        _tr("Discard them and {doing}").format(doing=doing), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if retry is not None and clicked is retry:
        return "retry"
    return "discard" if clicked is discard else "cancel"


SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+N", "New proposal"),
    ("Ctrl+O", "Import a proposal file"),
    ("Ctrl+E", "Export to a proposal file"),
    ("Ctrl+S", "Save now (changes are also saved automatically)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Ctrl+F", "Search the proposal library"),
    ("Ctrl+L", "Show the proposal library"),
    ("Ctrl+PgUp / Ctrl+PgDown", "Previous / next section"),
    ("Alt+Up / Alt+Down", "Move the current list entry up / down"),
    ("Ctrl+Shift+D", "Duplicate the current list entry"),
    ("Ctrl+Shift+Delete", "Remove the current list entry"),
    ("F1", "Show or hide the guidance panel"),
)


def show_shortcuts(parent: QWidget) -> None:
    """List the keyboard shortcuts."""
    rows = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(_tr(text))}</td></tr>"
        for keys, text in SHORTCUTS
    )
    QMessageBox.information(
        parent, _tr("Keyboard shortcuts"), f"<table cellpadding='3'>{rows}</table>"
    )


def show_about(parent: QWidget) -> None:
    """Name, version and what the application does."""
    QMessageBox.about(
        parent,
        _tr("About MC Designer"),
        _tr(
            "MC Designer {version}\n\nDraft, check and review micro-credential proposals "
            "offline. Your proposals are stored on this computer only."
        ).format(version=__version__),
    )
