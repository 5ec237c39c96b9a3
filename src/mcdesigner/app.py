"""The composition root: start Qt, open the proposal store, load the forms, show the window.

``main()`` is what ``mcdesigner`` (without a command) runs. :func:`open_main_window` builds
the same window without running the event loop, for tests and scripts. With
``MCDESIGNER_QUIT_AFTER=SECONDS`` in the environment the window closes itself, the normal
way, that many seconds after it is shown (``0``: once it is idle), so a smoke test or a
start-up measurement can run an installed copy unattended.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from mcdesigner.formdefs import FormDefinitionError, default_forms
from mcdesigner.operations import StoreError, StoreLocked
from mcdesigner.operations.library import open_library
from mcdesigner.paths import resources_dir
from mcdesigner.settings import load_preferences
from mcdesigner.translations import choose_language, use_language
from mcdesigner.ui.main_window import MainWindow
from mcdesigner.ui.state import UiState
from mcdesigner.ui.translation import install_translators

APP_NAME = "MC Designer"
#: The window's and the desktop's icon for the application.
ICON_PATH = resources_dir() / "icons" / "mcdesigner.png"
#: Seconds after which the shown window closes itself (unset: it stays open).
QUIT_AFTER_ENV = "MCDESIGNER_QUIT_AFTER"


#: What went wrong choosing the language at start (shown in the status bar).
language_problems: list[str] = []


def start_language(app: QCoreApplication) -> str:
    """Choose the language (Preferences, ``MCDESIGNER_LANG``, the system), use it for the
    core and install the window's translators; returns the language's code."""
    prefs, _problem = load_preferences()
    language, problems = choose_language(prefs.language)
    problems += use_language(language)
    language_problems[:] = problems
    install_translators(app)
    return language


def _quiet_messages(kind: QtMsgType, _context: object, message: str) -> None:
    # The offscreen and some X11 platforms warn about a feature they lack; nothing to fix.
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def application(argv: list[str] | None = None) -> QApplication:
    """The running ``QApplication`` (created on first call, in the chosen language)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        qInstallMessageHandler(_quiet_messages)
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
        start_language(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("mcdesigner")
    app.setDesktopFileName("mcdesigner")
    if app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    return app


def close_after_delay(window: MainWindow) -> None:
    """Close ``window`` as :data:`QUIT_AFTER_ENV` asks, if it is set to a number of seconds."""
    try:
        seconds = float(os.environ.get(QUIT_AFTER_ENV, ""))
    except ValueError:
        return
    QTimer.singleShot(max(0, round(seconds * 1000)), window.close)


def open_main_window(
    db_path: Path | None = None, *, start: bool = True, example_if_empty: bool = False
) -> MainWindow:
    """Open the store exclusively and build the main window (raises ``StoreError``).

    The window owns the store: closing the window closes it and releases the lock. With
    ``start`` it opens where the user left off; on an empty library it shows the welcome
    page, or (``example_if_empty``, for scripts and tests) opens a copy of the example.
    """
    application()
    prefs, _problem = load_preferences()
    forms = default_forms()
    store = open_library(db_path)
    try:
        window = MainWindow(store, forms, prefs, UiState(), owns_store=True)
    except BaseException:
        store.close()
        raise
    if start:
        window.start(example_if_empty=example_if_empty)
    return window


def main(argv: list[str] | None = None) -> int:
    """Run the desktop application; returns the exit status."""
    app = application(argv)
    prefs, prefs_problem = load_preferences()
    try:
        forms = default_forms()
    except FormDefinitionError as error:
        QMessageBox.critical(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "app", "The form definitions are broken, so the editor cannot start:\n{error}"
            ).format(error=error),
        )
        return 1
    try:
        store = open_library()
    except StoreLocked as error:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            APP_NAME,
            QCoreApplication.translate(
                "app",
                "MC Designer is already running with this proposal database, in another window. "
                "Switch to that window; only one window can edit the proposals at a time.",
            ),
        )
        box.setDetailedText(str(error))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.button(QMessageBox.StandardButton.Close).setText(
            QCoreApplication.translate("app", "Quit")
        )
        box.exec()
        return 1
    except StoreError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = MainWindow(store, forms, prefs, UiState(), owns_store=True)
    window.show()
    window.start()
    close_after_delay(window)
    notes = [p for p in (prefs_problem, *language_problems) if p]
    if notes:
        window.statusBar().showMessage("  ".join(notes), 15000)
    status = app.exec()
    if not store.closed:
        store.close()
    return int(status)


if __name__ == "__main__":
    raise SystemExit(main())
