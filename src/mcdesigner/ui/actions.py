"""The window's actions (with their shortcuts) and its menus.

Menus: File, Edit, View, Review, Export, Help. The actions call methods of the main
window, which delegates to its panels. Every action with a shortcut is added to the window
itself, so the shortcut works wherever the keyboard focus is; Help › Keyboard shortcuts
lists them from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QMenu, QMenuBar, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoGroup

    from mcdesigner.ui.checks_wiring import ChecksWiring
    from mcdesigner.ui.editor_area import EditorArea
    from mcdesigner.ui.export_wiring import ExportWiring
    from mcdesigner.ui.library_actions import LibraryActions
    from mcdesigner.ui.review_wiring import ReviewWiring
    from mcdesigner.ui.text_actions import TextActions


class ActionsHost(Protocol):
    """What the actions trigger: the window's parts and its own commands."""

    undo_group: QUndoGroup
    editor: EditorArea
    checks: ChecksWiring
    review: ReviewWiring
    exporting: ExportWiring
    library_actions: LibraryActions

    def save_now(self) -> None: ...

    def show_library(self) -> None: ...

    def find_proposal(self) -> None: ...

    def export_current(self) -> None: ...

    def edit_preferences(self) -> None: ...

    def toggle_help(self) -> None: ...

    def show_translations(self) -> bool: ...

    def check_now(self) -> None: ...

    def show_shortcuts(self) -> QDialog: ...

    def show_about(self) -> None: ...


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
    show_translations: QAction
    toggle_help: QAction
    toggle_issues: QAction
    toggle_comments: QAction
    check_now: QAction
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


def _action(frame: QWidget, text: str, slot: object, *keys: QKeySequence | str) -> QAction:
    action = QAction(text, frame)
    if keys:
        _set_keys(action, *keys)
    action.triggered.connect(slot)
    frame.addAction(action)  # shortcuts work wherever the focus is
    return action


def _dock_action(
    frame: QWidget, dock: QDockWidget, text: str, keys: str, focus: Callable[[], QWidget]
) -> QAction:
    """The dock's own show/hide action, with a menu text and a shortcut; showing the dock
    puts the keyboard focus into ``focus()``."""
    action = dock.toggleViewAction()
    action.setText(text)
    _set_keys(action, keys)
    action.triggered.connect(
        lambda shown: focus().setFocus(Qt.FocusReason.ShortcutFocusReason) if shown else None
    )
    frame.addAction(action)
    return action


def create_actions(window: ActionsHost, frame: QMainWindow) -> WindowActions:
    """Create the actions (owned by ``frame``); undo and redo follow the open proposal's
    history."""
    return WindowActions(
        **_file_actions(window, frame),
        **_edit_actions(window, frame),
        **_view_actions(window, frame),
        **_export_actions(window, frame),
        **_review_actions(window, frame),
    )


def _file_actions(window: ActionsHost, frame: QMainWindow) -> dict[str, QAction]:
    tr = frame.tr
    library = window.library_actions
    return {
        "new_blank": _action(frame, tr("&New proposal"), lambda: library.new(False), "Ctrl+N"),
        "new_example": _action(frame, tr("New from the &example"), lambda: library.new(True)),
        "import_file": _action(
            frame, tr("&Import proposal file…"), lambda: library.import_file(), "Ctrl+O"
        ),
        "export_file": _action(
            frame, tr("Proposal &file (.mcproposal)…"), window.export_current, "Ctrl+Shift+E"
        ),
        "save_now": _action(frame, tr("&Save now"), window.save_now, "Ctrl+S"),
        "preferences": _action(frame, tr("&Preferences…"), window.edit_preferences, "Ctrl+,"),
        "quit": _action(frame, tr("&Quit"), frame.close, "Ctrl+Q"),
    }


def _edit_actions(window: ActionsHost, frame: QMainWindow) -> dict[str, QAction]:
    tr = frame.tr
    undo = window.undo_group.createUndoAction(frame, tr("&Undo"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = window.undo_group.createRedoAction(frame, tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    # The toolbar says only "Undo"/"Redo"; the menu and the tooltip name the step.
    undo.setIconText(tr("Undo"))
    redo.setIconText(tr("Redo"))
    frame.addAction(undo)
    frame.addAction(redo)
    return {
        "undo": undo,
        "redo": redo,
        "find": _action(frame, tr("&Find proposal…"), window.find_proposal, "Ctrl+F"),
    }


def _view_actions(window: ActionsHost, frame: QMainWindow) -> dict[str, QAction]:
    tr = frame.tr
    editor = window.editor
    return {
        "show_library": _action(frame, tr("Proposal &library"), window.show_library, "Ctrl+L"),
        "previous_section": _action(
            frame, tr("&Previous section"), lambda: editor.step_section(-1), "Ctrl+PgUp"
        ),
        "next_section": _action(
            frame, tr("&Next section"), lambda: editor.step_section(+1), "Ctrl+PgDown"
        ),
        "show_translations": _action(
            frame, tr("&Translations"), window.show_translations, "Ctrl+Shift+T"
        ),
        "toggle_help": _action(frame, tr("&Guidance panel"), window.toggle_help, "F1"),
        "toggle_issues": _dock_action(
            frame,
            window.checks.dock,
            tr("&Issues"),
            "Ctrl+Shift+I",
            lambda: window.checks.panel.view,
        ),
        "toggle_comments": _dock_action(
            frame,
            window.review.dock,
            tr("Co&mments"),
            "Ctrl+Shift+M",
            lambda: window.review.panel.tree,
        ),
        "check_now": _action(frame, tr("&Check now"), window.check_now, "F7"),
        "shortcuts": _action(frame, tr("&Keyboard shortcuts"), window.show_shortcuts),
        "about": _action(frame, tr("&About MC Designer"), window.show_about),
    }


def _export_actions(window: ActionsHost, frame: QMainWindow) -> dict[str, QAction]:
    tr = frame.tr
    exporting = window.exporting
    return {
        "export_dialog": _action(
            frame, tr("Expor&t…"), lambda: exporting.open_dialog("proposal"), "Ctrl+E"
        ),
        "export_proposal_pdf": _action(
            frame, tr("Pr&oposal (PDF)…"), lambda: exporting.open_dialog("proposal", "pdf")
        ),
        "export_self_assessment": _action(
            frame,
            tr("&Self-assessment report (PDF)…"),
            lambda: exporting.open_dialog("self-assessment", "pdf"),
        ),
        "export_dossier": _action(
            frame, tr("Committee &dossier (PDF)…"), lambda: exporting.open_dialog("dossier", "pdf")
        ),
        "export_elm": _action(
            frame, tr("Digital &credential (ELM)…"), lambda: exporting.open_dialog("elm")
        ),
        "export_ob3": _action(frame, tr("Open &Badges 3.0…"), lambda: exporting.open_dialog("ob3")),
        "print_proposal": _action(frame, tr("P&rint…"), exporting.print_proposal, "Ctrl+P"),
    }


def _review_actions(window: ActionsHost, frame: QMainWindow) -> dict[str, QAction]:
    tr = frame.tr
    review = window.review
    reviewer_mode = QAction(tr("&Reviewer mode"), frame)
    reviewer_mode.setCheckable(True)
    reviewer_mode.setChecked(review.reviewer_mode)
    reviewer_mode.toggled.connect(review.set_reviewer_mode)  # clicked or set by code alike
    frame.addAction(reviewer_mode)
    reviewer_mode.setStatusTip(tr("Read the proposal without changing it; comment on any field"))
    return {
        "reviewer_mode": reviewer_mode,
        "comment_field": _action(
            frame, tr("&Comment on this field…"), review.comment_on_focused, "Ctrl+Alt+M"
        ),
        "score": _action(frame, tr("&Score the proposal…"), review.score, "Ctrl+Shift+R"),
        "compare": _action(frame, tr("Com&pare versions…"), review.compare),
        "status": _action(frame, tr("S&tatus and history…"), review.status),
        "export_review": _action(frame, tr("E&xport my review…"), review.export_review),
        "import_review": _action(frame, tr("&Import review…"), review.import_review),
    }


def build_menus(
    frame: QMainWindow, actions: WindowActions, text: TextActions | None = None
) -> dict[str, QMenu]:
    """Fill the menu bar; returns the menus by name. ``text`` are Edit's Cut, Copy, Paste
    and Select All.

    Names: ``file``, ``recent``, ``edit``, ``view``, ``review``, ``export``, ``help``.
    """
    tr = frame.tr
    bar = frame.menuBar()
    file_menu, recent = _file_menu(bar, actions, tr)
    clipboard: list[QAction | None] = (
        [text.cut, text.copy, text.paste, None, text.select_all, None] if text else []
    )
    edit_menu = _menu(
        bar, tr("&Edit"), [actions.undo, actions.redo, None, *clipboard, actions.find]
    )
    view_menu = _menu(
        bar,
        tr("&View"),
        [
            actions.show_library,
            actions.previous_section,
            actions.next_section,
            actions.show_translations,
            None,
            actions.toggle_help,
            actions.toggle_issues,
            actions.check_now,
            actions.toggle_comments,
        ],
    )
    review_menu = _menu(
        bar,
        tr("&Review"),
        [
            actions.reviewer_mode,
            None,
            actions.comment_field,
            actions.toggle_comments,
            None,
            actions.score,
            actions.compare,
            actions.status,
            None,
            actions.export_review,
            actions.import_review,
        ],
    )
    review_menu.setObjectName("reviewMenu")
    export_menu = _menu(
        bar,
        tr("E&xport"),
        [
            actions.export_dialog,
            None,
            actions.export_proposal_pdf,
            actions.export_self_assessment,
            actions.export_dossier,
            actions.export_elm,
            actions.export_ob3,
            None,
            actions.print_proposal,
            actions.export_file,
        ],
    )
    export_menu.setObjectName("exportMenu")
    help_menu = _menu(bar, tr("&Help"), [actions.toggle_help, actions.shortcuts, actions.about])
    return {
        "file": file_menu,
        "recent": recent,
        "edit": edit_menu,
        "view": view_menu,
        "review": review_menu,
        "export": export_menu,
        "help": help_menu,
    }


def _menu(bar: QMenuBar, title: str, items: list[QAction | None]) -> QMenu:
    """A menu of ``items`` (None is a separator)."""
    menu = bar.addMenu(title)
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
    return menu


def _file_menu(
    bar: QMenuBar, actions: WindowActions, tr: Callable[[str], str]
) -> tuple[QMenu, QMenu]:
    """The File menu and its Recent files submenu."""
    file_menu = _menu(bar, tr("&File"), [actions.new_blank, actions.new_example])
    file_menu.addAction(actions.import_file)
    recent = file_menu.addMenu(tr("Recent &files"))
    recent.setObjectName("recentFilesMenu")
    for item in (None, actions.save_now, actions.show_library, None, actions.export_dialog):
        file_menu.addSeparator() if item is None else file_menu.addAction(item)
    for item in (actions.print_proposal, None, actions.preferences, None, actions.quit):
        file_menu.addSeparator() if item is None else file_menu.addAction(item)
    return file_menu, recent
