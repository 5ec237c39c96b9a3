"""The window's actions (with their shortcuts) and its menus.

Menus: File, Edit, View, Review, Export, Help. The actions call methods of the main
window, which delegates to its panels. Every action with a shortcut is added to the window
itself, so the shortcut works wherever the keyboard focus is; Help › Keyboard shortcuts
lists them from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

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
    toggle_issues: QAction
    toggle_comments: QAction
    export_dialog: QAction
    export_proposal_pdf: QAction
    export_self_assessment: QAction
    export_dossier: QAction
    export_elm: QAction
    export_ob3: QAction
    print_proposal: QAction
    reviewer_mode: QAction
    comment_field: QAction
    score: QAction
    compare: QAction
    status: QAction
    export_review: QAction
    import_review: QAction
    shortcuts: QAction
    about: QAction


def _set_keys(action: QAction, *keys: QKeySequence | str) -> None:
    action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
    text = action.text().replace("&", "").rstrip("…")
    action.setToolTip(f"{text} ({action.shortcut().toString()})")


def _action(window: MainWindow, text: str, slot: object, *keys: QKeySequence | str) -> QAction:
    action = QAction(text, window)
    if keys:
        _set_keys(action, *keys)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work wherever the focus is
    return action


def _dock_action(
    window: MainWindow, dock: QDockWidget, text: str, keys: str, focus: Callable[[], QWidget]
) -> QAction:
    """The dock's own show/hide action, with a menu text and a shortcut; showing the dock
    puts the keyboard focus into ``focus()``."""
    action = dock.toggleViewAction()
    action.setText(text)
    _set_keys(action, keys)
    action.triggered.connect(
        lambda shown: focus().setFocus(Qt.FocusReason.ShortcutFocusReason) if shown else None
    )
    window.addAction(action)
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
    exporting = window.exporting
    review = window.review
    reviewer_mode = QAction(tr("&Reviewer mode"), window)
    reviewer_mode.setCheckable(True)
    reviewer_mode.setChecked(review.reviewer_mode)
    reviewer_mode.toggled.connect(review.set_reviewer_mode)  # clicked or set by code alike
    window.addAction(reviewer_mode)
    reviewer_mode.setStatusTip(tr("Read the proposal without changing it; comment on any field"))
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
            window, tr("Proposal &file (.mcproposal)…"), window.export_current, "Ctrl+Shift+E"
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
        toggle_issues=_dock_action(
            window,
            window.checks.dock,
            tr("&Issues"),
            "Ctrl+Shift+I",
            lambda: window.checks.panel.view,
        ),
        toggle_comments=_dock_action(
            window,
            window.review.dock,
            tr("Co&mments"),
            "Ctrl+Shift+M",
            lambda: window.review.panel.tree,
        ),
        export_dialog=_action(
            window, tr("Expor&t…"), lambda: exporting.open_dialog("proposal"), "Ctrl+E"
        ),
        export_proposal_pdf=_action(
            window, tr("Pr&oposal (PDF)…"), lambda: exporting.open_dialog("proposal", "pdf")
        ),
        export_self_assessment=_action(
            window,
            tr("&Self-assessment report (PDF)…"),
            lambda: exporting.open_dialog("self-assessment", "pdf"),
        ),
        export_dossier=_action(
            window, tr("Committee &dossier (PDF)…"), lambda: exporting.open_dialog("dossier", "pdf")
        ),
        export_elm=_action(
            window, tr("Digital &credential (ELM)…"), lambda: exporting.open_dialog("elm")
        ),
        export_ob3=_action(window, tr("Open &Badges 3.0…"), lambda: exporting.open_dialog("ob3")),
        print_proposal=_action(window, tr("P&rint…"), exporting.print_proposal, "Ctrl+P"),
        reviewer_mode=reviewer_mode,
        comment_field=_action(
            window, tr("&Comment on this field…"), review.comment_on_focused, "Ctrl+Alt+M"
        ),
        score=_action(window, tr("&Score the proposal…"), review.score, "Ctrl+Shift+R"),
        compare=_action(window, tr("Com&pare versions…"), review.compare),
        status=_action(window, tr("S&tatus and history…"), review.status),
        export_review=_action(window, tr("E&xport my review…"), review.export_review),
        import_review=_action(window, tr("&Import review…"), review.import_review),
        shortcuts=_action(window, tr("&Keyboard shortcuts"), window.show_shortcuts),
        about=_action(window, tr("&About MC Designer"), window.show_about),
    )


def build_menus(window: MainWindow, actions: WindowActions) -> dict[str, QMenu]:
    """Fill the menu bar; returns the menus by name.

    Names: ``file``, ``recent``, ``edit``, ``view``, ``review``, ``export``, ``help``.
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
    file_menu.addAction(actions.export_dialog)
    file_menu.addAction(actions.print_proposal)
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
    view_menu.addAction(actions.toggle_issues)
    view_menu.addAction(actions.toggle_comments)

    review_menu = bar.addMenu(tr("&Review"))
    review_menu.setObjectName("reviewMenu")
    review_menu.addAction(actions.reviewer_mode)
    review_menu.addSeparator()
    review_menu.addAction(actions.comment_field)
    review_menu.addAction(actions.toggle_comments)
    review_menu.addSeparator()
    review_menu.addAction(actions.score)
    review_menu.addAction(actions.compare)
    review_menu.addAction(actions.status)
    review_menu.addSeparator()
    review_menu.addAction(actions.export_review)
    review_menu.addAction(actions.import_review)

    export_menu = bar.addMenu(tr("E&xport"))
    export_menu.setObjectName("exportMenu")
    export_menu.addAction(actions.export_dialog)
    export_menu.addSeparator()
    for quick in (
        actions.export_proposal_pdf,
        actions.export_self_assessment,
        actions.export_dossier,
        actions.export_elm,
        actions.export_ob3,
    ):
        export_menu.addAction(quick)
    export_menu.addSeparator()
    export_menu.addAction(actions.print_proposal)
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
        "review": review_menu,
        "export": export_menu,
        "help": help_menu,
    }
