"""Exporting from the window: the export dialog for the open proposal, and printing.

Unsaved edits are saved first, so the export shows exactly what is stored. With the library
in front, the proposal selected there is exported. The dialog gets
the proposal's comment threads and rubric reviews (for the committee dossier) and the
rubric criterion titles. It builds documents off the UI thread and opens without blocking
the window. "Print…" creates the proposal PDF and opens the print dialog once it is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from mcdesigner.model.proposal import Proposal
from mcdesigner.operations import StoreError
from mcdesigner.operations.documents import criterion_titles

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings
    from mcdesigner.operations import Store
    from mcdesigner.ui.export import ExportDialog
    from mcdesigner.ui.session import EditSession
    from mcdesigner.ui.state import UiState


class ExportHost(Protocol):
    """What exporting needs from the window: the store, the open session, the library's
    selection, the user's check settings and a place for messages."""

    store: Store
    session: EditSession | None
    ui_state: UiState

    @property
    def check_settings(self) -> CheckSettings: ...

    def library_selection(self) -> str | None: ...

    def show_error(self, title: str, message: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class ExportWiring(QObject):
    """Opens the export dialog for the open proposal."""

    def __init__(self, window: ExportHost, frame: QWidget) -> None:
        super().__init__(frame)
        self.window = window
        self.frame = frame
        self.dialog: ExportDialog | None = None

    def open_dialog(
        self, document: str = "proposal", fmt: str | None = None
    ) -> ExportDialog | None:
        """Open the export dialog on ``document`` (and ``fmt``); None when nothing is open."""
        from mcdesigner.ui.export import ExportDialog

        window = self.window
        proposal = self._proposal_to_export()
        if proposal is None:
            return None
        try:
            annotations = window.store.list_annotations(proposal.id)
            reviews = window.store.list_reviews(proposal.id)
        except StoreError as error:
            window.show_error(self.tr("Could not read the comments and reviews"), str(error))
            annotations, reviews = [], []
        if self.dialog is not None:
            self.dialog.close()
        dialog = ExportDialog(
            proposal,
            annotations=annotations,
            reviews=reviews,
            parent=self.frame,
            initial_document=document,
            initial_format=fmt,
            criterion_titles=criterion_titles(),
            check_settings=window.check_settings,
            folders=window.ui_state,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _proposal_to_export(self) -> Proposal | None:
        """The proposal selected in the library (when it is in front), else the open one.

        The open proposal is saved first, so the export shows exactly what is stored.
        """
        window = self.window
        session = window.session
        selected = window.library_selection()
        if selected is not None and (session is None or selected != session.proposal_id):
            try:
                return window.store.get(selected)
            except StoreError as error:
                window.show_error(self.tr("Could not read the proposal"), str(error))
                return None
        if session is None:
            window.show_error(
                self.tr("Nothing to export"),
                self.tr("Open or select a proposal first, then export it."),
            )
            return None
        session.close_merge()
        if not session.save_now():
            window.statusBar().showMessage(
                self.tr("Your latest changes are not saved yet; the export shows them anyway."),
                8000,
            )
        return session.proposal

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def print_proposal(self) -> ExportDialog | None:
        """Create the proposal PDF and ask where to print it once it is ready."""
        dialog = self.open_dialog("proposal", "pdf")
        if dialog is None:
            return None
        dialog.start_export()
        job = dialog.job
        if job is not None:
            job.finished.connect(lambda _result, d=dialog: self._print_when_ready(d))
        return dialog

    def _print_when_ready(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog and dialog.state == "ready":
            dialog.print_document()
