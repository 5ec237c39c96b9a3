"""What the library's buttons do: new, duplicate, delete and restore, import and export files.

Slow file work runs through :class:`~mcdesigner.ui.ops.Op`; the store is only changed once a
file has been read and checked completely, so a bad file never leaves anything behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStatusBar, QWidget

from mcdesigner.checks import CheckSettings
from mcdesigner.examples import ExampleError, new_from_example
from mcdesigner.i18n import current_language
from mcdesigner.model.proposal import Proposal
from mcdesigner.operations import ProposalExists, Store, StoreError
from mcdesigner.operations.proposals import blank_proposal, create_proposal, duplicate_proposal
from mcdesigner.operations.trash import (
    delete_for_good,
    library_list,
    move_to_trash,
    restore_from_trash,
    search_library,
)
from mcdesigner.settings import Preferences
from mcdesigner.ui.dialogs import confirm_write_through_link
from mcdesigner.ui.ops import Op

if TYPE_CHECKING:
    from mcdesigner.ui.library import LibraryPanel
    from mcdesigner.ui.session import EditSession
    from mcdesigner.ui.state import UiState

#: Proposal files carry this suffix (kept here so the file module loads only when used).
PROPOSAL_SUFFIX = ".mcproposal"


class LibraryHost(Protocol):
    """What the library's actions need from the window."""

    store: Store
    session: EditSession | None
    preferences: Preferences
    ui_state: UiState
    library: LibraryPanel

    @property
    def check_settings(self) -> CheckSettings: ...

    def open_proposal(self, proposal_id: str, section_id: str | None = None) -> bool: ...

    def close_proposal(self) -> bool: ...

    def refresh_recent_files(self) -> None: ...

    def show_error(self, title: str, message: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class LibraryActions(QObject):
    """Carries out the library's requests against the store, with dialogs where needed."""

    def __init__(self, window: LibraryHost, frame: QWidget) -> None:
        super().__init__(frame)
        self.window = window
        self.frame = frame  # the parent of dialogs
        self.last_deleted: str | None = None
        self.last_op: Op | None = None
        panel = window.library
        panel.open_requested.connect(window.open_proposal)
        panel.new_requested.connect(self.new)
        panel.duplicate_requested.connect(self.duplicate)
        panel.delete_requested.connect(self.delete)
        panel.restore_requested.connect(self.restore)
        panel.purge_requested.connect(self.purge)
        panel.import_requested.connect(self.import_file)
        panel.export_requested.connect(self.export_file)
        panel.undo_delete_requested.connect(self.undo_delete)
        panel.trash_changed.connect(lambda _on: self.refresh())
        panel.searcher = self.search

    @property
    def store(self) -> Store:
        return self.window.store

    @property
    def settings(self) -> CheckSettings:
        """The user's check settings, for the completeness recorded with each proposal."""
        return self.window.check_settings

    def refresh(self) -> None:
        """Reload the list from the store."""
        panel = self.window.library
        try:
            summaries = library_list(self.store, trash=panel.showing_trash)
        except StoreError as error:
            self._error(self.tr("Could not list the proposals"), str(error))
            return
        panel.set_proposals(summaries)

    def search(self, typed: str, trash: bool) -> set[str] | None:
        """The ids of the proposals whose texts match ``typed``; None if the store failed
        (the list then matches titles and status only, and the status bar says why)."""
        try:
            return search_library(self.store, typed, trash=trash)
        except StoreError as error:
            self.window.statusBar().showMessage(
                self.tr("The full-text search is not available: {reason}").format(
                    reason=str(error)
                ),
                8000,
            )
            return None

    # ------------------------------------------------------------------ creating
    def new(self, from_example: bool = False) -> str | None:
        """Create a proposal (blank or a copy of the example), store it and open it."""
        if from_example:
            try:
                proposal = new_from_example()
            except ExampleError as error:
                self._error(self.tr("Could not load the example"), str(error))
                return None
        else:
            proposal = blank_proposal(
                currency=self.window.preferences.default_currency,
                language=current_language(),
            )
        return self._store_and_open(proposal)

    def duplicate(self, proposal_id: str) -> str | None:
        """Store a copy (fresh ids, status draft) of the proposal and select it."""
        if self.window.session is not None and self.window.session.proposal_id == proposal_id:
            self.window.session.save_now()
        try:
            copy = duplicate_proposal(self.store, proposal_id, self.tr("(copy)"), self.settings)
        except StoreError as error:
            self._error(self.tr("Could not duplicate the proposal"), str(error))
            return None
        self.refresh()
        self.window.library.select(copy.id)
        self.window.statusBar().showMessage(
            self.tr("Duplicated as “{title}”.").format(title=copy.display_title), 5000
        )
        return copy.id

    def _store_and_open(self, proposal: Proposal) -> str | None:
        try:
            create_proposal(self.store, proposal, self.settings)
        except StoreError as error:
            self._error(self.tr("Could not create the proposal"), str(error))
            return None
        self.refresh()
        self.window.open_proposal(proposal.id)
        return proposal.id

    # ------------------------------------------------------------------ deleting
    def confirm_delete(self, title: str) -> bool:
        """Ask before moving a proposal to the trash."""
        answer = QMessageBox.question(
            self.frame,
            self.tr("Delete proposal"),
            self.tr("Move “{title}” to the trash? You can restore it from the trash later.").format(
                title=title
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self, proposal_id: str) -> bool:
        """Move the proposal to the trash after confirmation; offers an undo."""
        try:
            title = self.store.summary(proposal_id).title or self.tr("Untitled proposal")
        except StoreError as error:
            self._error(self.tr("Could not delete the proposal"), str(error))
            return False
        if not self.confirm_delete(title):
            return False
        session = self.window.session
        is_open = session is not None and session.proposal_id == proposal_id
        if is_open and not self.window.close_proposal():
            return False
        try:
            move_to_trash(self.store, proposal_id)
        except StoreError as error:
            self._error(self.tr("Could not delete the proposal"), str(error))
            return False
        self.last_deleted = proposal_id
        self.refresh()
        self.window.library.show_undo(
            self.tr("“{title}” was moved to the trash.").format(title=title)
        )
        return True

    def undo_delete(self) -> None:
        """Bring back the proposal deleted last."""
        if self.last_deleted is not None:
            self.restore(self.last_deleted)
        self.last_deleted = None
        self.window.library.show_undo("")

    def restore(self, proposal_id: str) -> None:
        """Bring a proposal back from the trash."""
        try:
            restore_from_trash(self.store, proposal_id)
        except StoreError as error:
            self._error(self.tr("Could not restore the proposal"), str(error))
            return
        if self.last_deleted == proposal_id:
            self.last_deleted = None
            self.window.library.show_undo("")
        self.refresh()
        self.window.statusBar().showMessage(self.tr("Restored from the trash."), 5000)

    def purge(self, proposal_id: str) -> None:
        """Remove a proposal from the trash for good, after confirmation."""
        answer = QMessageBox.question(
            self.frame,
            self.tr("Delete for good"),
            self.tr(
                "Delete this proposal with its revisions, comments and reviews for good? "
                "This cannot be undone."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_for_good(self.store, proposal_id)
        except StoreError as error:
            self._error(self.tr("Could not delete the proposal"), str(error))
            return
        self.refresh()

    # ------------------------------------------------------------------ files
    def _file_filter(self) -> str:
        return self.tr("Proposal files (*{suffix});;All files (*)").format(suffix=PROPOSAL_SUFFIX)

    def import_file(self, path: Path | None = None) -> Op | None:
        """Ask for a proposal file (unless given) and import it in the background."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.frame,
                self.tr("Import a proposal file"),
                self.window.ui_state.last_folder("proposals"),
                self._file_filter(),
            )
            if not chosen:
                return None
            path = Path(chosen)
        return self._run_import(path, replace=False)

    def _run_import(self, path: Path, *, replace: bool) -> Op:
        from mcdesigner.operations.files import import_proposal_file

        op = Op(
            self.frame,
            import_proposal_file,
            label=self.tr("Importing {name}…").format(name=path.name),
            store=self.store,
            path=path,
            settings=self.settings,
            replace=replace,
        )
        op.success(lambda report: self._imported(path, report.proposal_id, report.title))
        op.failure(lambda error: self._import_failed(path, error))
        self.last_op = op
        return op.run()

    def _imported(self, path: Path, proposal_id: str, title: str) -> None:
        self.window.ui_state.add_recent_file(path)
        self.window.ui_state.set_last_folder("proposals", path.parent)
        self.window.refresh_recent_files()
        self.refresh()
        self.window.library.select(proposal_id)
        self.window.statusBar().showMessage(
            self.tr("Imported “{title}” from {name}.").format(title=title, name=path.name), 8000
        )

    def _import_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, ProposalExists):
            choice = self.ask_existing(str(error))
            if choice == "replace":
                if self.window.session is not None:
                    self.window.session.save_now()
                self._run_import(path, replace=True).success(
                    lambda report: self._after_replace(path, report)
                )
            elif choice == "copy":
                self._import_copy(path)
            return
        if isinstance(error, FileNotFoundError | OSError) and not path.exists():
            self.window.ui_state.forget_recent_file(path)
            self.window.refresh_recent_files()
        self._error(self.tr("Could not import {name}").format(name=path.name), str(error))

    def _after_replace(self, path: Path, report: object) -> None:
        proposal_id = getattr(report, "proposal_id", "")
        self._imported(path, proposal_id, getattr(report, "title", ""))
        session = self.window.session
        if session is not None and session.proposal_id == proposal_id:
            session.reload()

    def ask_existing(self, message: str) -> str:
        """Ask what to do with a file whose proposal is already stored: replace, copy or cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Proposal already stored"),
            message,
            parent=self.frame,
        )
        replace = box.addButton(
            self.tr("Replace the stored one"), QMessageBox.ButtonRole.DestructiveRole
        )
        copy = box.addButton(self.tr("Import as a copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "replace" if clicked is replace else "copy" if clicked is copy else "cancel"

    def _import_copy(self, path: Path) -> None:
        from mcdesigner.operations.files import read_proposal_copy

        def store_copy(proposal: Proposal) -> None:
            try:
                create_proposal(self.store, proposal, self.settings)
            except StoreError as error:
                self._error(self.tr("Could not import {name}").format(name=path.name), str(error))
                return
            self._imported(path, proposal.id, proposal.display_title)

        op = Op(
            self.frame,
            read_proposal_copy,
            label=self.tr("Importing {name}…").format(name=path.name),
            path=path,
        )
        op.success(store_copy).failure(lambda error: self._import_failed(path, error))
        self.last_op = op
        op.run()

    def export_file(self, proposal_id: str, path: Path | None = None) -> Op | None:
        """Ask where to write the proposal file (unless given) and write it in the background."""
        from mcdesigner.exchange import proposal_file_name
        from mcdesigner.operations.files import export_proposal_file

        session = self.window.session
        if session is not None and session.proposal_id == proposal_id and not session.save_now():
            self._error(
                self.tr("Could not export"),
                self.tr("The latest changes are not saved yet: {message}").format(
                    message=session.message
                ),
            )
            return None
        if path is None:
            try:
                suggested = proposal_file_name(self.store.get(proposal_id))
            except StoreError as error:
                self._error(self.tr("Could not export"), str(error))
                return None
            chosen, _ = QFileDialog.getSaveFileName(
                self.frame,
                self.tr("Export the proposal to a file"),
                str(Path(self.window.ui_state.last_folder("proposals")) / suggested),
                self._file_filter(),
            )
            if not chosen:
                return None
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(PROPOSAL_SUFFIX)
        through_link = path.is_symlink()
        if through_link and not confirm_write_through_link(self.frame, path):
            return None
        op = Op(
            self.frame,
            export_proposal_file,
            label=self.tr("Writing {name}…").format(name=path.name),
            store=self.store,
            proposal_id=proposal_id,
            out=path,
            through_link=through_link,
        )
        op.success(lambda _result: self._exported(path))
        op.failure(
            lambda error: self._error(
                self.tr("Could not export to {name}").format(name=path.name), str(error)
            )
        )
        self.last_op = op
        return op.run()

    def _exported(self, path: Path) -> None:
        self.window.ui_state.add_recent_file(path)
        self.window.ui_state.set_last_folder("proposals", path.parent)
        self.window.refresh_recent_files()
        self.window.statusBar().showMessage(self.tr("Exported to {path}.").format(path=path), 8000)

    # ------------------------------------------------------------------ messages
    def _error(self, title: str, message: str) -> None:
        self.window.show_error(title, message)
