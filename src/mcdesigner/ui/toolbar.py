"""The main toolbar: the most used actions, each with an icon and a short label that never
changes, so the buttons stay where they are while the author works.

The menus and tooltips keep the actions' full names (Undo and Redo name the step); the
toolbar shows one word under each icon. It fits a 1024 px wide window in English and
Spanish.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QMainWindow, QToolBar

from mcdesigner.ui.icons import action_icon

if TYPE_CHECKING:
    from mcdesigner.ui.actions import WindowActions

#: The toolbar's actions, in order (by their name in :class:`WindowActions`).
TOOLBAR_ACTIONS = (
    "show_library",
    "new_blank",
    "import_file",
    "save_now",
    "undo",
    "redo",
    "export_dialog",
    "reviewer_mode",
    "toggle_help",
    "toggle_issues",
    "toggle_comments",
)


def short_labels(frame: QMainWindow) -> dict[str, str]:
    """The one-word label of each toolbar action."""
    tr = frame.tr
    return {
        "show_library": tr("Library"),
        "new_blank": tr("New"),
        "import_file": tr("Import"),
        "save_now": tr("Save"),
        "undo": tr("Undo"),
        "redo": tr("Redo"),
        "export_dialog": tr("Export"),
        "reviewer_mode": tr("Review"),
        "toggle_help": tr("Guidance"),
        "toggle_issues": tr("Issues"),
        "toggle_comments": tr("Comments"),
    }


def build_toolbar(frame: QMainWindow, actions: WindowActions) -> QToolBar:
    """Add the main toolbar to ``frame`` and return it."""
    bar = QToolBar(frame.tr("Main"), frame)
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    labels = short_labels(frame)
    for name in TOOLBAR_ACTIONS:
        action = getattr(actions, name)
        action.setIconText(labels[name])
        action.setIcon(action_icon(name))
        bar.addAction(action)
    frame.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
