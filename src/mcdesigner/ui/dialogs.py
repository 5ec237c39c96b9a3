"""Small modal dialogs of the main window: unsaved changes, writing through a link,
about (with the profile in use and the data sources)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from mcdesigner import __version__
from mcdesigner.esco import VERSION as ESCO_VERSION


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


def profile_line() -> str:
    """Which institution profile is in use, for the About box."""
    from mcdesigner.operations.profiles import ProfileError, current_profile

    try:
        installed = current_profile()
    except ProfileError as error:
        return str(error)
    if installed is None:
        return _tr("No institution profile is installed.")
    return _tr("Institution profile: {institution}").format(institution=installed.name)


def about_text() -> str:
    """What the About box says: name, version, what the application does, the institution
    profile in use, and the sources of the data it ships (ESCO, with its version and
    licence)."""
    return (
        _tr(
            "MC Designer {version}\n\nDraft, check and review micro-credential proposals "
            "offline. Your proposals are stored on this computer only."
        ).format(version=__version__)
        + "\n\n"
        + profile_line()
        + "\n\n"
        + _tr(
            "ESCO skills: ESCO {esco_version}, European Skills, Competences, Qualifications and"
            " Occupations, published by the European Commission (© European Union,"
            " https://esco.ec.europa.eu). Reused with attribution, as the Commission's reuse"
            " policy allows (Decision 2011/833/EU); only the columns needed are kept."
        ).format(esco_version=ESCO_VERSION)
    )


def show_about(parent: QWidget) -> None:
    """Name, version, what the application does and where its data comes from."""
    QMessageBox.about(parent, _tr("About MC Designer"), about_text())
