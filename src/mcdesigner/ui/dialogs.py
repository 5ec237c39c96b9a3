"""Small modal dialogs of the main window: unsaved changes, about."""

from __future__ import annotations

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


def show_about(parent: QWidget) -> None:
    """Name, version, what the application does, and the institution profile in use."""
    QMessageBox.about(
        parent,
        _tr("About MC Designer"),
        _tr(
            "MC Designer {version}\n\nDraft, check and review micro-credential proposals "
            "offline. Your proposals are stored on this computer only."
        ).format(version=__version__)
        + "\n\n"
        + profile_line(),
    )
