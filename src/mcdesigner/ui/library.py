"""The proposal library: every local proposal with title, status, last change and completeness.

While the library holds no proposal it shows the welcome page
(:class:`~mcdesigner.ui.welcome.WelcomePage`) with the ways to begin. The panel only shows
and filters; what its buttons ask for (open, new, duplicate, delete,
restore, import, export) is carried out by :class:`~mcdesigner.ui.library_actions.LibraryActions`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formatting import formatter
from mcdesigner.model.status import status_label
from mcdesigner.operations import ProposalSummary
from mcdesigner.ui.welcome import WelcomePage

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("title", "status", "updated", "complete")

#: Finds the ids of the proposals whose texts match what was typed (``True``: in the trash);
#: None when the search could not be made (the list then filters titles and status only).
Searcher = Callable[[str, bool], "set[str] | None"]


class LibraryFilter(QSortFilterProxyModel):
    """Shows the rows whose title or status contains the search, or whose texts match it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.typed = ""
        self.matched: set[str] = set()

    def search(self, typed: str, matched: set[str]) -> None:
        """Filter by ``typed``; ``matched`` are the ids whose full texts match it."""
        self.beginFilterChange()
        self.typed, self.matched = typed.strip().casefold(), matched
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.typed:
            return True
        model = self.sourceModel()
        if model.index(source_row, 0, source_parent).data(ID_ROLE) in self.matched:
            return True
        return any(
            self.typed in str(model.index(source_row, column, source_parent).data()).casefold()
            for column in (0, 1)
        )


class LibraryPanel(QWidget):
    """List, search and sort proposals; the Trash view lists deleted ones."""

    open_requested = Signal(str)
    new_requested = Signal(bool)  # True: from the example
    duplicate_requested = Signal(str)
    delete_requested = Signal(str)
    restore_requested = Signal(str)
    purge_requested = Signal(str)
    import_requested = Signal()
    export_requested = Signal(str)
    undo_delete_requested = Signal()
    trash_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.showing_trash = False
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Status"), self.tr("Last change"), self.tr("Complete")]
        )
        self.searcher: Searcher | None = None
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._build()
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._update_buttons()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        heading = QLabel(f"<h2>{self.tr('Your proposals')}</h2>", self)
        heading.setObjectName("libraryTitle")
        column.addWidget(heading)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("Search titles and texts (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search proposals"))
        self.search.setToolTip(
            self.tr(
                "Finds the proposals that contain every word you type, in any of their "
                "texts and languages; capitals and accents do not matter."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._apply_search())
        top.addWidget(self.search, 1)
        self.trash_toggle = QPushButton(self.tr("Trash"), self)
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setToolTip(self.tr("Show deleted proposals, to restore them"))
        self.trash_toggle.toggled.connect(self._on_trash_toggled)
        top.addWidget(self.trash_toggle)
        column.addLayout(top)

        self._build_table()
        self.welcome = WelcomePage(self)
        self.welcome.new_requested.connect(self.new_requested)
        self.welcome.import_requested.connect(self.import_requested)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.welcome)
        column.addWidget(self.pages, 1)
        self.no_matches = QLabel(self)
        self.no_matches.setObjectName("libraryNoMatches")
        self.no_matches.setWordWrap(True)
        self.no_matches.setVisible(False)
        column.addWidget(self.no_matches)

        self.undo_bar = QWidget(self)
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_text = QLabel(self.undo_bar)
        undo_row.addWidget(self.undo_text, 1)
        self.undo_button = QPushButton(self.tr("Undo delete"), self.undo_bar)
        self.undo_button.clicked.connect(self.undo_delete_requested)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.setVisible(False)
        column.addWidget(self.undo_bar)

        buttons = self._build_buttons()
        column.addLayout(buttons)

    def _build_table(self) -> None:
        """The table of proposals: sortable, several rows may be selected (Ctrl+click,
        Shift+click; the buttons act on one), Delete asks to delete it."""
        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(self.tr("Proposals"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for index in (1, 2, 3):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.table.activated.connect(lambda _index: self._open_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_key)

    def _build_buttons(self) -> QHBoxLayout:
        """The row of buttons under the table."""
        buttons = QHBoxLayout()
        self.open_button = self._button(self.tr("Open"), buttons, self._open_current)
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.new_button)
        self.new_blank_action = menu.addAction(self.tr("Blank proposal"))
        self.new_blank_action.triggered.connect(lambda: self.new_requested.emit(False))
        self.new_example_action = menu.addAction(self.tr("Copy of the example proposal"))
        self.new_example_action.triggered.connect(lambda: self.new_requested.emit(True))
        self.new_button.setMenu(menu)
        self.new_button.clicked.connect(lambda: self.new_requested.emit(False))
        buttons.addWidget(self.new_button)
        self.duplicate_button = self._button(
            self.tr("Duplicate"), buttons, lambda: self._emit_selected(self.duplicate_requested)
        )
        self.delete_button = self._button(
            self.tr("Delete…"), buttons, lambda: self._emit_selected(self.delete_requested)
        )
        self.restore_button = self._button(
            self.tr("Restore"), buttons, lambda: self._emit_selected(self.restore_requested)
        )
        self.purge_button = self._button(
            self.tr("Delete for good…"), buttons, lambda: self._emit_selected(self.purge_requested)
        )
        buttons.addStretch(1)
        self.import_button = self._button(self.tr("Import…"), buttons, self.import_requested.emit)
        self.export_button = self._button(
            self.tr("Export…"), buttons, lambda: self._emit_selected(self.export_requested)
        )
        return buttons

    def _button(self, text: str, row: QHBoxLayout, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # ------------------------------------------------------------------ content
    def set_proposals(self, summaries: Sequence[ProposalSummary]) -> None:
        """Show ``summaries`` (the caller passes live or deleted ones to match the view)."""
        selected = self.selected_ids()
        self.model.removeRows(0, self.model.rowCount())
        for summary in summaries:
            self.model.appendRow(self._row(summary))
        self._apply_search()
        if selected:
            self.select_ids(selected)
        self._update_buttons()
        self._show_welcome_if_empty()

    def welcome_shown(self) -> bool:
        """Whether the welcome page is shown (the library holds no proposal)."""
        return self.pages.currentWidget() is self.welcome

    def _show_welcome_if_empty(self) -> None:
        empty = self.model.rowCount() == 0 and not self.showing_trash
        self.pages.setCurrentWidget(self.welcome if empty else self.table)

    def focus_list(self) -> None:
        """Put the keyboard focus on the list (or on the first choice of the welcome page)."""
        target = self.welcome if self.welcome_shown() else self.table
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_search(self) -> None:
        """Filter the list by the search box, and say so when nothing matches."""
        typed = self.search.text()
        matched: set[str] | None = set()
        if typed.strip() and self.searcher is not None:
            matched = self.searcher(typed, self.showing_trash)
        self.proxy.search(typed, matched or set())
        nothing = bool(typed.strip()) and self.proxy.rowCount() == 0
        if nothing:
            where = (
                self.tr("No proposal in the trash matches “{text}”.")
                if self.showing_trash
                else self.tr("No proposal matches “{text}”.")
            )
            self.no_matches.setText(where.format(text=typed.strip()))
        self.no_matches.setVisible(nothing)
        self._update_buttons()

    def _row(self, summary: ProposalSummary) -> list[QStandardItem]:
        title = QStandardItem(summary.title or self.tr("Untitled proposal"))
        title.setData(summary.id, ID_ROLE)
        title.setData((summary.title or "").casefold(), SORT_ROLE)
        title.setToolTip(summary.title)
        status = QStandardItem(status_label(summary.status))
        status.setData(status.text().casefold(), SORT_ROLE)
        moment = (
            summary.deleted_at if self.showing_trash and summary.deleted_at else summary.updated_at
        )
        updated = QStandardItem(formatter().short_datetime(moment))
        updated.setData(moment.timestamp(), SORT_ROLE)
        percent = summary.completeness
        # Rounded down like the Issues dock and the badges: never 100 % while something is missing.
        complete = QStandardItem(
            "–" if percent is None else formatter().percent(math.floor(percent))
        )
        complete.setData(-1.0 if percent is None else float(percent), SORT_ROLE)
        complete.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return [title, status, updated, complete]

    def ids(self) -> list[str]:
        """Proposal ids in the order shown (after filtering and sorting)."""
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in range(self.proxy.rowCount())]

    def selected_id(self) -> str | None:
        """The selected proposal when exactly one is selected, else None."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if len(rows) == 1 else None

    def selected_ids(self) -> list[str]:
        """Every selected proposal, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [index.data(ID_ROLE) for index in rows]

    def select_ids(self, proposal_ids: Sequence[str]) -> None:
        """Select the rows of ``proposal_ids`` that are shown (and nothing else)."""
        wanted = set(proposal_ids)
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in wanted:
                selection.select(index, flags)

    def select(self, proposal_id: str) -> bool:
        """Select the row of ``proposal_id`` if it is shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == proposal_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def focus_search(self) -> None:
        """Put the cursor into the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_undo(self, text: str) -> None:
        """Offer to undo the delete just made (empty text hides the offer)."""
        self.undo_text.setText(text)
        self.undo_bar.setVisible(bool(text))

    # ------------------------------------------------------------------ state
    def _on_trash_toggled(self, on: bool) -> None:
        self.showing_trash = on
        self.model.setHorizontalHeaderItem(
            2, QStandardItem(self.tr("Deleted") if on else self.tr("Last change"))
        )
        self._update_buttons()
        self.trash_changed.emit(on)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        live = not self.showing_trash
        for button in (
            self.open_button,
            self.duplicate_button,
            self.delete_button,
            self.export_button,
        ):
            button.setVisible(live)
            button.setEnabled(has)
        self.new_button.setVisible(live)
        self.import_button.setVisible(live)
        self.restore_button.setVisible(not live)
        self.purge_button.setVisible(not live)
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def _delete_key(self) -> None:
        signal = self.purge_requested if self.showing_trash else self.delete_requested
        self._emit_selected(signal)

    def _open_current(self) -> None:
        if self.showing_trash:
            return
        self._emit_selected(self.open_requested)

    def _emit_selected(self, signal: object) -> None:
        proposal_id = self.selected_id()
        if proposal_id is not None:
            signal.emit(proposal_id)  # type: ignore[attr-defined]
