"""The main window: a thin frame composing the library, the editor, the guidance, Issues and
Comments docks and the menus, and owning the edit session of the open proposal.

The checks (:attr:`MainWindow.checks`), reviewing (:attr:`MainWindow.review`) and exporting
(:attr:`MainWindow.exporting`) are wired in their own modules; the window hands them the
open session and routes "go to this field" requests (:meth:`MainWindow.go_to_path`).

Extension points: :meth:`MainWindow.add_panel` docks more panels, ``menus["export"]`` takes
more exporters, ``editor`` offers ``focus_path``/``show_issues``, ``editor.navigator`` offers
``set_badge``, and :attr:`session` (when a proposal is open) signals ``proposal_changed``
and ``saved``. :attr:`session_opened` tells when another proposal is opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.checks import CheckSettings
from mcdesigner.formdefs.definitions import FormSet
from mcdesigner.model.status import status_label
from mcdesigner.operations import Store, StoreError
from mcdesigner.operations.proposals import open_proposal
from mcdesigner.settings import Preferences, save_preferences
from mcdesigner.ui.actions import build_menus, create_actions
from mcdesigner.ui.checks_wiring import ChecksWiring
from mcdesigner.ui.dialogs import ask_unsaved, show_about
from mcdesigner.ui.editor_area import EditorArea
from mcdesigner.ui.export_wiring import ExportWiring
from mcdesigner.ui.help_panel import HelpPanel
from mcdesigner.ui.library import LibraryPanel
from mcdesigner.ui.library_actions import LibraryActions
from mcdesigner.ui.pack_wiring import PackWiring
from mcdesigner.ui.problem_banner import ProblemBanner
from mcdesigner.ui.review_wiring import ReviewWiring
from mcdesigner.ui.save_indicator import SaveIndicator
from mcdesigner.ui.session import CONFLICT, FAILED, EditSession
from mcdesigner.ui.state import UiState
from mcdesigner.ui.text_actions import TextActionsController
from mcdesigner.ui.toolbar import build_toolbar


class MainWindow(QMainWindow):
    """The application window."""

    #: A proposal was opened in the editor (carries its EditSession).
    session_opened = Signal(object)

    def __init__(
        self,
        store: Store,
        forms: FormSet,
        preferences: Preferences,
        ui_state: UiState,
        *,
        owns_store: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store
        self.forms = forms
        self.preferences = preferences
        self.ui_state = ui_state
        self.owns_store = owns_store
        self.session: EditSession | None = None
        self.undo_group = QUndoGroup(self)
        self.setWindowTitle(self.tr("MC Designer"))

        self.library = LibraryPanel(self)
        self.editor = EditorArea(forms, self)
        self.banner = ProblemBanner(self)
        editor_page = QWidget(self)
        column = QVBoxLayout(editor_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.editor, 1)
        self.editor_page = editor_page
        self.central = QStackedWidget(self)
        self.central.addWidget(self.library)
        self.central.addWidget(editor_page)
        self.setCentralWidget(self.central)

        self.help_panel = HelpPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.help_panel)
        self.checks = ChecksWiring(self, self)
        self.review = ReviewWiring(self, self)
        self.exporting = ExportWiring(self, self)
        self.splitDockWidget(self.help_panel, self.checks.dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.checks.dock, self.review.dock)
        self.checks.dock.raise_()
        self.status_button = QToolButton(self)
        self.status_button.setObjectName("statusButton")
        self.status_button.setAutoRaise(True)
        self.status_button.setToolTip(self.tr("Workflow status: click to see or change it"))
        self.status_button.clicked.connect(self.review.status)
        self.status_button.setVisible(False)
        self.statusBar().addPermanentWidget(self.status_button)
        self.save_indicator = SaveIndicator(self)
        self.statusBar().addPermanentWidget(self.save_indicator)

        self.library_actions = LibraryActions(self, self)
        self.actions_ = create_actions(self, self)
        self.text_actions = TextActionsController(self)
        self.menus = build_menus(self, self.actions_, self.text_actions.actions)
        self.packing = PackWiring(self, self, self.menus["export"], self.actions_.export_elm)
        self.toolbar = build_toolbar(self, self.actions_)
        self.refresh_recent_files()

        self.editor.field_focused.connect(lambda field, _path: self.help_panel.show_field(field))
        self.editor.edit_refused.connect(lambda reason: self.statusBar().showMessage(reason, 8000))
        self.review.read_only_changed.connect(lambda _locked: self._update_title())
        self.editor.section_changed.connect(self._on_section_changed)
        self.editor.translations_shown.connect(lambda _l: self.help_panel.show_translations_help())
        self.banner.reload_requested.connect(self._reload)
        self.banner.copy_requested.connect(self._keep_mine)
        self.banner.retry_requested.connect(self.save_now)
        self.resize(1280, 860)
        # Wide enough for the issue filters; the issues get more height than the guidance.
        docks: list[QDockWidget] = [self.help_panel, self.checks.dock]
        self.resizeDocks(docks, [390, 390], Qt.Orientation.Horizontal)
        self.resizeDocks(docks, [300, 460], Qt.Orientation.Vertical)
        self.ui_state.restore_window(self, {"editor": self.editor.splitter})

    # ------------------------------------------------------------------ start-up
    def start(self, *, example_if_empty: bool = False) -> None:
        """Open where the user left off; on a first start (an empty library) show the
        library's welcome page, or open a copy of the example if ``example_if_empty``
        (for scripts and tests that need a proposal to work on)."""
        try:
            everything = self.store.list_proposals(include_deleted=True)
        except StoreError as error:
            self.show_error(self.tr("Could not read your proposals"), str(error))
            self.show_library()
            return
        first_start = not everything
        if first_start and example_if_empty and self.library_actions.new(from_example=True):
            return
        last = self.ui_state.last_proposal_id
        live = {s.id for s in everything if s.deleted_at is None}
        if last in live and self.open_proposal(last, self.ui_state.last_section):
            return
        self.show_library()

    # ------------------------------------------------------------------ proposals
    def open_proposal(self, proposal_id: str, section_id: str | None = None) -> bool:
        """Open a stored proposal in the editor (at ``section_id`` or the first section)."""
        if self.session is not None and self.session.proposal_id == proposal_id:
            self._show_editor(section_id)
            return True
        if not self.close_proposal():
            return False
        try:
            opened = open_proposal(self.store, proposal_id)
        except StoreError as error:
            self.show_error(self.tr("Could not open the proposal"), str(error))
            return False
        session = EditSession(
            self.store,
            opened.proposal,
            opened.content_hash,
            autosave_delay_ms=self.preferences.autosave_delay_ms,
            after_save=self.checks.record_completeness,
            parent=self,
        )
        session.save_state_changed.connect(self._on_save_state)
        session.saved.connect(lambda _hash: self._update_title())
        session.proposal_changed.connect(lambda _p: self._on_proposal_replaced())
        self.session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        self.editor.set_session(session)
        self._on_save_state(session.state, session.message)
        self._show_editor(section_id)
        self._update_title()
        self.session_opened.emit(session)
        return True

    def show_section(self, section_id: str) -> bool:
        """Show the editor at ``section_id`` (False when no proposal is open)."""
        if self.session is None:
            return False
        self._show_editor(section_id)
        return True

    def _show_editor(self, section_id: str | None) -> None:
        ids = self.editor.navigator.section_ids()
        if section_id not in ids:
            section_id = self.editor.current_section() or ids[0]
        self.central.setCurrentWidget(self.editor_page)
        self.editor.show_section(section_id)
        self._remember()

    def close_proposal(self) -> bool:
        """Save and close the open proposal; False if the user chose to keep it open."""
        session = self.session
        if session is None:
            return True
        if not self._settle_unsaved(self.tr("close the proposal")):
            return False
        session.shutdown()
        self.editor.set_session(None)
        self.undo_group.removeStack(session.undo_stack)
        session.deleteLater()
        self.session = None
        self.checks.session_closed()
        self.review.session_closed()
        self.banner.clear_problem()
        self.save_indicator.show_state("", "")
        self._update_title()
        return True

    def _settle_unsaved(self, doing: str) -> bool:
        """Save now; if that fails or typed values could not be stored, ask the user."""
        session = self.session
        if session is None:
            return True
        while True:
            stored = session.save_now()
            invalid = self.editor.input_errors()
            if stored and not invalid:
                return True
            lines = []
            if not stored:
                lines.append(
                    self.tr("Your latest changes could not be saved: {message}").format(
                        message=session.message or self.tr("unknown problem")
                    )
                )
            if invalid:
                lines.append(self.tr("Some typed values are not valid and were not stored:"))
                lines.extend(f"• {message}" for message in invalid.values())
            choice = self.ask_unsaved(doing, "\n".join(lines), can_retry=not stored)
            if choice == "retry":
                continue
            return choice == "discard"

    def ask_unsaved(self, doing: str, message: str, *, can_retry: bool) -> str:
        """Ask what to do about changes that are not stored: retry, discard or cancel."""
        return ask_unsaved(self, doing, message, can_retry=can_retry)

    # ------------------------------------------------------------------ save state and conflicts
    def _on_save_state(self, state: str, message: str) -> None:
        self.save_indicator.show_state(state, message)
        if state == FAILED:
            self.banner.show_failure(message)
        elif state == CONFLICT:
            self.banner.show_conflict(message)
        else:
            self.banner.clear_problem()

    def _reload(self) -> None:
        if self.session is not None:
            try:
                self.session.reload()
            except StoreError as error:
                self.show_error(self.tr("Could not reload the proposal"), str(error))

    def _keep_mine(self) -> None:
        if self.session is None:
            return
        try:
            copy = self.session.keep_mine_as_copy(self.tr("(my version)"))
        except StoreError as error:
            self.show_error(self.tr("Could not store your version"), str(error))
            return
        self.library_actions.refresh()
        self.statusBar().showMessage(
            self.tr("Your version was saved as “{title}”.").format(title=copy.display_title), 8000
        )
        self._remember()

    def _on_proposal_replaced(self) -> None:
        self._update_title()
        self._remember()

    def show_translations(self) -> bool:
        """Show the Translations view of the open proposal (False when none is open)."""
        if self.session is None:
            return False
        if self.central.currentWidget() is not self.editor_page:
            self.central.setCurrentWidget(self.editor_page)
        self.editor.show_translations()
        return True

    def go_to_translation(self, language: str, path: str) -> bool:
        """Focus the text at ``path`` in ``language`` in the Translations view (the field
        itself for the main language)."""
        if self.session is None:
            return False
        if language not in self.session.proposal.languages.others:
            return self.go_to_path(path)
        if self.central.currentWidget() is not self.editor_page:
            self.central.setCurrentWidget(self.editor_page)
        return self.editor.focus_translation(language, path)

    def go_to_path(self, path: str) -> bool:
        """Show the editor at the field (or list item) ``path`` and give it the focus."""
        if self.session is None:
            return False
        section = self.forms.section_of(path)
        if section is None:
            return False
        if self.central.currentWidget() is not self.editor_page:
            self._show_editor(section.id)
        return self.editor.focus_path(path)

    # ------------------------------------------------------------------ actions
    def save_now(self) -> None:
        """Save the open proposal now (Ctrl+S)."""
        if self.session is not None:
            self.session.close_merge()
            if self.session.save_now():
                self.statusBar().showMessage(self.tr("Saved."), 3000)

    def show_library(self) -> None:
        """Show the proposal library (the open proposal is saved first)."""
        if self.session is not None:
            self.session.save_now()
        self.library_actions.refresh()
        if self.session is not None:
            self.library.select(self.session.proposal_id)
        self.central.setCurrentWidget(self.library)
        self.help_panel.show_library_help()
        self.library.focus_list()

    def find_proposal(self) -> None:
        """Show the library with the cursor in its search box (Ctrl+F)."""
        self.show_library()
        self.library.focus_search()

    def library_in_front(self) -> bool:
        """Whether the library (rather than the editor) is shown."""
        return self.central.currentWidget() is self.library

    def export_current(self) -> None:
        """Export the open proposal, or the one selected in the library, to a proposal file."""
        if self.central.currentWidget() is self.library:
            proposal_id = self.library.selected_id()
        else:
            proposal_id = self.session.proposal_id if self.session else None
        if proposal_id is None:
            self.show_error(
                self.tr("Nothing to export"), self.tr("Open or select a proposal first.")
            )
            return
        self.library_actions.export_file(proposal_id)

    def library_selection(self) -> str | None:
        """The proposal selected in the library when the library is in front, else None."""
        return self.library.selected_id() if self.library_in_front() else None

    @property
    def check_settings(self) -> CheckSettings:
        """The checks' settings from the user's preferences."""
        return self.checks.settings

    def show_issues(self) -> None:
        """Show the Issues dock, and every issue beside its field too."""
        self.check_now()

    def check_now(self, *, show_dock: bool = True) -> None:
        """Check the open proposal now and show every issue beside its field (F7)."""
        if self.session is not None:
            self.checks.check_now(show_dock=show_dock)
        elif show_dock:
            self.checks.show_dock()

    def refresh_library(self) -> None:
        """Reload the library's list from the store."""
        self.library_actions.refresh()

    def toggle_help(self) -> None:
        """Show or hide the guidance panel (F1)."""
        self.help_panel.setVisible(not self.help_panel.isVisible())

    def edit_preferences(self) -> None:
        """Open the Preferences dialog and apply what the user saved."""
        from mcdesigner.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        dialog.profile_changed.connect(lambda: self.checks.apply_preferences(self.preferences))
        if dialog.exec() and dialog.result_preferences is not None:
            self.apply_preferences(dialog.result_preferences)

    def apply_preferences(self, prefs: Preferences) -> bool:
        """Store and use new preferences; False (with a message) if they could not be stored."""
        try:
            save_preferences(prefs)
        except OSError as error:
            self.show_error(self.tr("Could not save your preferences"), str(error))
            return False
        self.preferences = prefs
        if self.session is not None:
            self.session.set_autosave_delay(prefs.autosave_delay_ms)
        self.checks.apply_preferences(prefs)
        self.review.apply_preferences()
        return True

    def refresh_recent_files(self) -> None:
        """Rebuild the File › Recent files menu."""
        menu = self.menus["recent"]
        menu.clear()
        files = self.ui_state.recent_files()
        for path in files:
            action = QAction(path.name, menu)
            action.setToolTip(str(path))
            action.setStatusTip(self.tr("Import {path}").format(path=path))
            action.triggered.connect(
                lambda _checked=False, p=path: self.library_actions.import_file(p)
            )
            menu.addAction(action)
        menu.setEnabled(bool(files))

    def show_shortcuts(self) -> QDialog:
        """List the keyboard shortcuts (read from the menus)."""
        from mcdesigner.ui.shortcuts_dialog import ShortcutsDialog

        menus = [self.menus[name] for name in ("file", "edit", "view", "review", "export", "help")]
        dialog = ShortcutsDialog(menus, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        """Name, version and what the application does."""
        show_about(self)

    def show_error(self, title: str, message: str) -> None:
        """Tell the user something went wrong (nothing was lost)."""
        QMessageBox.critical(self, title, message)

    def add_panel(
        self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea
    ) -> None:
        """Dock another panel (issues, annotations, …) and list it in the View menu."""
        self.addDockWidget(area, dock)
        self.menus["view"].addAction(dock.toggleViewAction())

    # ------------------------------------------------------------------ bookkeeping
    def _on_section_changed(self, section_id: str) -> None:
        self.help_panel.show_section(self.forms.section(section_id))
        self._remember()

    def _remember(self) -> None:
        if self.session is not None:
            self.ui_state.remember_position(self.session.proposal_id, self.editor.current_section())

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(self.tr("MC Designer"))
            self.status_button.setVisible(False)
            return
        proposal = self.session.proposal
        status = status_label(proposal.status)
        self.setWindowTitle(
            self.tr("{title} ({status}) – MC Designer").format(
                title=proposal.display_title, status=status
            )
        )
        text = self.tr("Status: {status}").format(status=status)
        if self.editor.read_only:
            text += " · " + self.tr("read-only")
        self.status_button.setText(text)
        self.status_button.setAccessibleName(text)
        self.status_button.setVisible(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store.closed:
            event.accept()
            return
        if self.session is not None:
            if not self._settle_unsaved(self.tr("quit")):
                event.ignore()
                return
            self._remember()
            self.session.shutdown()
        self.ui_state.save_window(self, {"editor": self.editor.splitter})
        if self.owns_store:
            self.store.close()
        event.accept()
