"""Small modal dialogs of the main window: unsaved changes, writing through a link, about."""

from __future__ import annotations

import os
from pathlib import Path

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


def confirm_write_through_link(parent: QWidget | None, target: Path) -> bool:
    """Ask before writing onto a symbolic link, which replaces the file it points to."""
    try:
        points_to = os.readlink(target)
    except OSError:
        points_to = "?"
    answer = QMessageBox.question(
        parent,
        _tr("Write through a link"),
        _tr(
            "“{name}” is a symbolic link to {target}. Replace the file it points to? "
            "The link itself is kept."
        ).format(name=target.name, target=points_to),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


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
