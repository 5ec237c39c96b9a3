"""Exporting a committee meeting pack from the window: the proposals selected in the library
(Ctrl+click and Shift+click select several) go into one document.

The action "Export committee pack…" is in the library's context menu and in the Export
menu. The open proposal is saved first when it is one of them, so the pack shows exactly
what is stored; the proposals are read here and the pack is written by
:class:`~mcdesigner.ui.pack_dialog.PackDialog` in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from mcdesigner.operations import StoreError
from mcdesigner.operations.pack import read_pack

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings
    from mcdesigner.operations import Store
    from mcdesigner.ui.library import LibraryPanel
    from mcdesigner.ui.pack_dialog import PackDialog
    from mcdesigner.ui.session import EditSession
    from mcdesigner.ui.state import UiState


class PackHost(Protocol):
    """What the pack needs from the window: the store, the library and its selection, the
    open session, the user's check settings and a place for messages."""

    store: Store
    session: EditSession | None
    library: LibraryPanel
    ui_state: UiState

    @property
    def check_settings(self) -> CheckSettings: ...

    def library_in_front(self) -> bool: ...

    def show_library(self) -> None: ...

    def show_error(self, title: str, message: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class PackWiring(QObject):
    """The "Export committee pack…" action and the dialog it opens."""

    def __init__(
        self, window: PackHost, frame: QWidget, menu: QMenu, before: QAction | None = None
    ) -> None:
        """Put the action in the library's context menu and in ``menu`` (before ``before``)."""
        super().__init__(frame)
        self.window = window
        self.frame = frame
        self.dialog: PackDialog | None = None
        self.action = QAction(self.tr("Export committee &pack…"), frame)
        self.action.setObjectName("exportPack")
        self.action.setStatusTip(
            self.tr("Several proposals in one printable document, with an agenda")
        )
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        table = window.library.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.action)
        if before is not None:
            menu.insertAction(before, self.action)
        else:
            menu.addAction(self.action)

    def open_dialog(self) -> PackDialog | None:
        """Open the pack dialog for the proposals selected in the library.

        Without a selection (or in the trash) the library is shown with a hint how to
        select (None then).
        """
        from mcdesigner.ui.pack_dialog import PackDialog

        window = self.window
        library = window.library
        in_front = window.library_in_front() and not library.showing_trash
        ids = library.selected_ids() if in_front else []
        if not ids:
            window.show_library()
            window.statusBar().showMessage(
                self.tr(
                    "Select the proposals of the pack in the library (Ctrl+click or"
                    " Shift+click), then export the pack."
                ),
                10000,
            )
            return None
        session = window.session
        if session is not None and session.proposal_id in ids:
            session.close_merge()
            session.save_now()
        try:
            parts = read_pack(window.store, ids)
        except StoreError as error:
            window.show_error(self.tr("Could not read the proposals"), str(error))
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = PackDialog(
            parts,
            settings=window.check_settings,
            folder=window.ui_state.last_folder("documents"),
            parent=self.frame,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: PackDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
