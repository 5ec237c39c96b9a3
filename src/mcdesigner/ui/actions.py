"""The window's actions (with their shortcuts) and its menus.

Menus: File, Edit, View, Export (a home for later exporters), Help. The actions call
methods of the main window, which delegates to its panels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from mcdesigner.ui.main_window import MainWindow


@dataclass
class WindowActions:
    """Every action of the main window, by purpose."""

    new_blank: QAction
    new_example: QAction
    import_file: QAction
    export_file: QAction
    save_now: QAction
    show_library: QAction
    preferences: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    previous_section: QAction
    next_section: QAction
    toggle_help: QAction
    shortcuts: QAction
    about: QAction


def _action(window: MainWindow, text: str, slot: object, *keys: QKeySequence | str) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString()})")
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work wherever the focus is
    return action


def create_actions(window: MainWindow) -> WindowActions:
    """Create the actions; undo and redo follow the open proposal's history."""
    tr = window.tr
    key = QKeySequence.StandardKey
    undo = window.undo_group.createUndoAction(window, tr("&Undo"))
    undo.setShortcuts([QKeySequence(key.Undo)])
    redo = window.undo_group.createRedoAction(window, tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.addAction(undo)
    window.addAction(redo)
    return WindowActions(
        new_blank=_action(
            window, tr("&New proposal"), lambda: window.library_actions.new(False), "Ctrl+N"
        ),
        new_example=_action(
            window, tr("New from the &example"), lambda: window.library_actions.new(True)
        ),
        import_file=_action(
            window,
            tr("&Import proposal file…"),
            lambda: window.library_actions.import_file(),
            "Ctrl+O",
        ),
        export_file=_action(
            window, tr("Proposal &file (.mcproposal)…"), window.export_current, "Ctrl+E"
        ),
        save_now=_action(window, tr("&Save now"), window.save_now, "Ctrl+S"),
        show_library=_action(window, tr("Proposal &library"), window.show_library, "Ctrl+L"),
        preferences=_action(window, tr("&Preferences…"), window.edit_preferences, "Ctrl+,"),
        quit=_action(window, tr("&Quit"), window.close, "Ctrl+Q"),
        undo=undo,
        redo=redo,
        find=_action(window, tr("&Find proposal…"), window.find_proposal, "Ctrl+F"),
        previous_section=_action(
            window, tr("&Previous section"), lambda: window.editor.step_section(-1), "Ctrl+PgUp"
        ),
        next_section=_action(
            window, tr("&Next section"), lambda: window.editor.step_section(+1), "Ctrl+PgDown"
        ),
        toggle_help=_action(window, tr("&Guidance panel"), window.toggle_help, "F1"),
        shortcuts=_action(window, tr("&Keyboard shortcuts"), window.show_shortcuts),
        about=_action(window, tr("&About MC Designer"), window.show_about),
    )


def build_menus(window: MainWindow, actions: WindowActions) -> dict[str, QMenu]:
    """Fill the menu bar; returns the menus by name.

    Names: ``file``, ``recent``, ``edit``, ``view``, ``export``, ``help``.
    """
    tr = window.tr
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(actions.new_blank)
    file_menu.addAction(actions.new_example)
    file_menu.addAction(actions.import_file)
    recent = file_menu.addMenu(tr("Recent &files"))
    recent.setObjectName("recentFilesMenu")
    file_menu.addSeparator()
    file_menu.addAction(actions.save_now)
    file_menu.addAction(actions.show_library)
    file_menu.addSeparator()
    file_menu.addAction(actions.preferences)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu(tr("&Edit"))
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)

    view_menu = bar.addMenu(tr("&View"))
    view_menu.addAction(actions.show_library)
    view_menu.addAction(actions.previous_section)
    view_menu.addAction(actions.next_section)
    view_menu.addSeparator()
    view_menu.addAction(actions.toggle_help)

    export_menu = bar.addMenu(tr("E&xport"))
    export_menu.setObjectName("exportMenu")
    export_menu.addAction(actions.export_file)

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(actions.toggle_help)
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)
    return {
        "file": file_menu,
        "recent": recent,
        "edit": edit_menu,
        "view": view_menu,
        "export": export_menu,
        "help": help_menu,
    }
