"""The proposal's workflow status: where it stands, where it may go next, and its history.

Each allowed next status is a button. Moving runs through
:func:`mcdesigner.operations.workflow.change_status`, which refuses to submit while the
checks report errors; the refusal is shown with a button that asks the window to open
the issues list. The history lists every step: when, who, from, to and the note.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.checks import CheckSettings
from mcdesigner.formatting import formatter
from mcdesigner.model.status import status_label
from mcdesigner.operations import StatusEvent, Store, StoreError
from mcdesigner.review.workflow import TransitionRefused, allowed_transitions
from mcdesigner.ui.review.common import ERROR_COLOUR, muted, plain_label

HISTORY_COLUMNS = 5


class StatusDialog(QDialog):
    """Change the status of the proposal ``proposal_id`` as ``actor`` and see its history.

    ``settings`` are the user's check settings (hours per ECTS credit, form set): the
    submit gate checks with them. Without them the built-in defaults apply.
    """

    #: Emitted with the new status after a successful change (reload the proposal then).
    status_changed = Signal(str)
    #: The user wants to see the check results that block submission.
    show_issues_requested = Signal()
    #: Submission was refused because of the checks' errors.
    submit_refused = Signal()

    def __init__(
        self,
        store: Store,
        proposal_id: str,
        actor: str,
        parent: QWidget | None = None,
        *,
        settings: CheckSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Proposal status"))
        self.setObjectName("statusDialog")
        self._store = store
        self._settings = settings if settings is not None else CheckSettings()
        self._proposal_id = proposal_id
        self._actor = actor.strip()
        self._status = ""
        self._buttons: dict[str, QPushButton] = {}
        self._build()
        self.refresh()
        self.resize(680, 480)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.status_label = plain_label("", self)
        big = QFont(self.status_label.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.status_label.setFont(big)
        self.status_label.setAccessibleName(self.tr("Current status"))
        layout.addWidget(self.status_label)

        self.moves_box = QGroupBox(self.tr("Change the status to"), self)
        moves = QVBoxLayout(self.moves_box)
        self.buttons_row = QHBoxLayout()
        self.buttons_row.addStretch(1)
        moves.addLayout(self.buttons_row)
        self.none_label = plain_label(self.tr("This is a final status: no further step."), self)
        moves.addWidget(self.none_label)
        note_row = QHBoxLayout()
        note_label = QLabel(self.tr("N&ote (optional):"), self.moves_box)
        self.note_edit = QLineEdit(self.moves_box)
        self.note_edit.setAccessibleName(self.tr("Note for the history"))
        self.note_edit.setPlaceholderText(self.tr("e.g. Sent to the committee of 12 May"))
        self.note_edit.setMaxLength(500)
        note_label.setBuddy(self.note_edit)
        note_row.addWidget(note_label)
        note_row.addWidget(self.note_edit, 1)
        moves.addLayout(note_row)
        layout.addWidget(self.moves_box)

        self.message_label = plain_label("", self)
        self.message_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message_label.setAccessibleName(self.tr("Why the status did not change"))
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)
        issues_row = QHBoxLayout()
        self.issues_button = QPushButton(self.tr("Show the issues"), self)
        self.issues_button.setVisible(False)
        self.issues_button.clicked.connect(self._show_issues)
        issues_row.addWidget(self.issues_button)
        issues_row.addStretch(1)
        layout.addLayout(issues_row)

        layout.addWidget(plain_label(self.tr("History"), self))
        self.history = QTableWidget(0, HISTORY_COLUMNS, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("From"), self.tr("To"), self.tr("Note")]
        )
        self.history.setAccessibleName(self.tr("Status history"))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        header = self.history.horizontalHeader()
        for column in range(HISTORY_COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HISTORY_COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)
        self.empty_history = plain_label(self.tr("No status changes yet."), self)
        muted(self.empty_history)
        layout.addWidget(self.empty_history)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    # ------------------------------------------------------------------ state
    def status(self) -> str:
        """The status shown (as stored)."""
        return self._status

    def transition_buttons(self) -> dict[str, QPushButton]:
        """The buttons of the allowed next statuses, by target status."""
        return dict(self._buttons)

    def message(self) -> str:
        """The refusal or error message shown ('' when none)."""
        return self.message_label.text() if self.message_label.isVisible() else ""

    def refresh(self) -> None:
        """Re-read the status and history from the store."""
        try:
            summary = self._store.summary(self._proposal_id)
            events = self._store.list_status_events(self._proposal_id)
        except StoreError as error:
            self._show_message(str(error), issues=False)
            return
        self._status = summary.status
        self.status_label.setText(
            self.tr("Current status: {status}").format(status=status_label(summary.status))
        )
        self._rebuild_buttons()
        self._fill_history(events)

    def _rebuild_buttons(self) -> None:
        for button in self._buttons.values():
            self.buttons_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = {}
        targets = allowed_transitions(self._status)
        for target in targets:
            button = QPushButton(status_label(target), self.moves_box)
            button.setAccessibleName(
                self.tr("Change the status to {status}").format(status=status_label(target))
            )
            button.clicked.connect(lambda _=False, t=target: self.move_to(t))
            self.buttons_row.insertWidget(self.buttons_row.count() - 1, button)
            button.show()  # at once, not after the next event loop pass
            self._buttons[target] = button
        self.none_label.setVisible(not targets)
        self.note_edit.setEnabled(bool(targets))

    def _fill_history(self, events: list[StatusEvent]) -> None:
        self.history.setRowCount(len(events))
        self.empty_history.setVisible(not events)
        for row, event in enumerate(reversed(events)):  # newest first
            values = (
                formatter().short_datetime(event.at),
                event.actor,
                status_label(event.from_status),
                status_label(event.to_status),
                event.note,
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.history.setItem(row, column, cell)
        self.history.resizeRowsToContents()

    def history_rows(self) -> list[tuple[str, ...]]:
        """The history as shown (newest first): when, who, from, to, note."""
        rows = []
        for row in range(self.history.rowCount()):
            cells = (self.history.item(row, c) for c in range(HISTORY_COLUMNS))
            rows.append(tuple(cell.text() if cell else "" for cell in cells))
        return rows

    # ------------------------------------------------------------------ actions
    def _show_message(self, text: str, *, issues: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        self.issues_button.setVisible(issues)

    def move_to(self, target: str) -> bool:
        """Change the status to ``target``; on refusal show why and keep the dialog open."""
        from mcdesigner.operations import workflow  # the checks load only when needed

        note = self.note_edit.text().strip()
        try:
            workflow.change_status(
                self._store,
                self._proposal_id,
                target,
                actor=self._actor,
                note=note,
                settings=self._settings,
            )
        except TransitionRefused as refusal:
            self._show_message(str(refusal), issues=target == "submitted")
            self.refresh()
            if target == "submitted":
                self.submit_refused.emit()
            return False
        except StoreError as error:
            self._show_message(str(error), issues=False)
            self.refresh()
            return False
        self._show_message("", issues=False)
        self.note_edit.clear()
        self.refresh()
        self.status_changed.emit(target)
        return True

    def _show_issues(self) -> None:
        self.show_issues_requested.emit()
        self.accept()
