"""Comparing two versions of a proposal side by side, and keeping named revisions.

The user picks two versions (saved revisions or the current version). Every changed,
added and removed field or list item is listed under its section with the old value on
the left and the new one on the right, coloured by kind (changed amber, added green,
removed red, reordered lists blue). Items are matched by id, so an edited learning
outcome shows as changed even when the list was reordered too.

A proposal written in several languages shows each changed translation as a row of its
own, the language named after the field ("Title (Spanish)"). The language filter shows
only the rows about texts in one language (all languages written in either version).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, default_forms, describe_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import language_in_text, language_label
from mcdesigner.operations import RevisionInfo, Store, StoreError
from mcdesigner.operations.proposals import keep_revision
from mcdesigner.review.compare import (
    Change,
    change_language,
    compare,
    labelled_in,
)
from mcdesigner.ui.review.common import CHANGE_COLOURS, ERROR_COLOUR, plain_label
from mcdesigner.ui.review.labels import format_value, order_text

#: Combo data of the "Current version" entry.
CURRENT = ""
#: Language filter data of "All languages".
ALL_LANGUAGES = ""
#: Table columns.
KIND_COLUMN, FIELD_COLUMN, OLD_COLUMN, NEW_COLUMN = range(4)


@dataclass(frozen=True)
class CompareRow:
    """One line of the comparison, as shown."""

    kind: str
    section: str
    label: str
    old: str
    new: str
    path: str
    #: The language of the text the row is about ("" when it is about no one language).
    language: str = ""


class CompareDialog(QDialog):
    """Side-by-side comparison of two versions of the proposal ``proposal_id``."""

    #: Emitted with the RevisionInfo of a revision kept through "Save revision…".
    revision_saved = Signal(object)

    def __init__(
        self,
        store: Store,
        proposal_id: str,
        parent: QWidget | None = None,
        *,
        current: Proposal | None = None,
        forms: FormSet | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare versions"))
        self.setObjectName("compareDialog")
        self._store = store
        self._proposal_id = proposal_id
        self._current = current
        self._forms = forms or default_forms()
        self._rows: list[CompareRow] = []
        self._shown: list[CompareRow] = []
        self._build()
        self._load_revisions()
        self.resize(980, 640)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        pick = QGridLayout()
        self.old_combo = QComboBox(self)
        self.old_combo.setAccessibleName(self.tr("Older version"))
        self.new_combo = QComboBox(self)
        self.new_combo.setAccessibleName(self.tr("Newer version"))
        old_label = QLabel(self.tr("&Old:"), self)
        old_label.setBuddy(self.old_combo)
        new_label = QLabel(self.tr("&New:"), self)
        new_label.setBuddy(self.new_combo)
        pick.addWidget(old_label, 0, 0)
        pick.addWidget(self.old_combo, 0, 1)
        pick.addWidget(new_label, 0, 2)
        pick.addWidget(self.new_combo, 0, 3)
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Show the differences in"))
        self.language_combo.setToolTip(self.tr("Show only the changes of texts in one language"))
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language_combo)
        pick.addWidget(language_label, 0, 4)
        pick.addWidget(self.language_combo, 0, 5)
        pick.setColumnStretch(1, 1)
        pick.setColumnStretch(3, 1)
        layout.addLayout(pick)
        self.old_combo.currentIndexChanged.connect(self.refresh)
        self.new_combo.currentIndexChanged.connect(self.refresh)
        self.language_combo.currentIndexChanged.connect(self._show_rows)

        legend = QHBoxLayout()
        for kind, text in self._kind_labels().items():
            swatch = QLabel(text, self)
            swatch.setStyleSheet(
                f"background: {CHANGE_COLOURS[kind]}; color: black; padding: 2px 8px;"
                " border-radius: 3px;"
            )
            legend.addWidget(swatch)
        legend.addStretch(1)
        self.summary_label = plain_label("", self, wrap=False)
        self.summary_label.setAccessibleName(self.tr("Summary of differences"))
        legend.addWidget(self.summary_label)
        layout.addLayout(legend)
        self.error_label = plain_label("", self)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Change"), self.tr("Field"), self.tr("Old"), self.tr("New")]
        )
        self.table.setAccessibleName(self.tr("Differences"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Row heights follow the column widths (the dialog and columns may be resized).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OLD_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NEW_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(FIELD_COLUMN, 230)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_revision_button = QPushButton(self.tr("Save revision…"), self)
        self.save_revision_button.setToolTip(
            self.tr("Keep the stored version under a name, to compare with it later")
        )
        self.buttons.addButton(self.save_revision_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_revision_button.clicked.connect(self.save_revision)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _kind_labels(self) -> dict[str, str]:
        return {
            "changed": self.tr("Changed"),
            "added": self.tr("Added"),
            "removed": self.tr("Removed"),
            "reordered": self.tr("Order changed"),
        }

    # ------------------------------------------------------------------ versions
    def _load_revisions(self, select_old: str | None = None) -> None:
        try:
            revisions = self._store.list_revisions(self._proposal_id)
        except StoreError as error:
            self._show_error(str(error))
            revisions = []
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(True)
            combo.clear()
            for info in revisions:
                combo.addItem(self._revision_text(info), info.id)
            combo.addItem(self.tr("Current version"), CURRENT)
            combo.blockSignals(False)
        if select_old is not None:
            old_index = self.old_combo.findData(select_old)
        else:
            old_index = max(self.old_combo.count() - 2, 0)  # the newest revision
        self.old_combo.setCurrentIndex(old_index)
        self.new_combo.setCurrentIndex(self.new_combo.count() - 1)
        self.refresh()

    def _revision_text(self, info: RevisionInfo) -> str:
        return f"{info.label} ({formatter().short_datetime(info.created_at)})"

    def _version(self, revision_id: str) -> Proposal:
        if revision_id == CURRENT:
            if self._current is not None:
                return self._current
            return self._store.get(self._proposal_id)
        return self._store.get_revision(revision_id)

    # ------------------------------------------------------------------ comparison
    def refresh(self) -> None:
        """Compare the two chosen versions and fill the table."""
        self.error_label.setVisible(False)
        old_id = self.old_combo.currentData()
        new_id = self.new_combo.currentData()
        if old_id is None or new_id is None:
            return
        try:
            old = self._version(str(old_id))
            new = self._version(str(new_id))
        except StoreError as error:
            self._show_error(str(error))
            self._rows = []
            self._show_rows()
            return
        self._rows = self._make_rows(old, new, compare(old, new, self._forms))
        self._fill_languages(old, new)
        self._show_rows()

    def _fill_languages(self, old: Proposal, new: Proposal) -> None:
        """Offer every language written in either version, keeping the one chosen."""
        chosen = self.language_combo.currentData()
        languages = list(dict.fromkeys((*old.languages.written, *new.languages.written)))
        combo = self.language_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All languages"), ALL_LANGUAGES)
        for language in languages:
            combo.addItem(language_label(language), language)
        index = combo.findData(chosen) if chosen else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def language(self) -> str:
        """The language the rows are filtered by ("" for all languages)."""
        return str(self.language_combo.currentData() or ALL_LANGUAGES)

    def set_language(self, language: str) -> None:
        """Show only the rows in ``language`` ("" for all); unknown languages show all."""
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))

    def _show_rows(self) -> None:
        language = self.language()
        self._shown = [r for r in self._rows if not language or r.language == language]
        self._fill_table()
        old_id = self.old_combo.currentData()
        if self.old_combo.count() == 1:
            self.summary_label.setText(
                self.tr("No saved revisions yet: use “Save revision…” to keep one.")
            )
        elif old_id == self.new_combo.currentData():
            self.summary_label.setText(self.tr("Both sides show the same version."))
        elif not self._shown and language:
            self.summary_label.setText(
                self.tr("No differences in {language}.").format(language=language_in_text(language))
            )
        elif not self._shown:
            self.summary_label.setText(self.tr("No differences."))
        else:
            counts = {
                kind: sum(1 for r in self._shown if r.kind == kind) for kind in CHANGE_COLOURS
            }
            labels = self._kind_labels()
            self.summary_label.setText(
                ", ".join(f"{labels[k].lower()}: {n}" for k, n in counts.items() if n)
            )

    def _make_rows(self, old: Proposal, new: Proposal, changes: list[Change]) -> list[CompareRow]:
        forms = self._forms
        keyed = []
        for position, change in enumerate(changes):
            root = old if change.kind == "removed" else new
            info = describe_path(forms, change.path, root)
            if change.kind == "reordered":
                old_text = order_text(forms, old, change.path, list(change.old))
                new_text = order_text(forms, new, change.path, list(change.new))
            else:
                old_text = (
                    ""
                    if change.kind == "added"
                    else format_value(forms, old, change.path, change.old)
                )
                new_text = (
                    ""
                    if change.kind == "removed"
                    else format_value(forms, new, change.path, change.new)
                )
            row = CompareRow(
                change.kind,
                info.section_title,
                labelled_in(info.label, change.language),
                old_text,
                new_text,
                change.path,
                change_language(change, old, new),
            )
            keyed.append(((info.sort_key, position), row))  # document order
        keyed.sort(key=lambda pair: pair[0])
        return [row for _, row in keyed]

    def rows(self) -> list[CompareRow]:
        """The differences listed (in the language chosen), in display order."""
        return list(self._shown)

    def _fill_table(self) -> None:
        labels = self._kind_labels()
        self.table.clearSpans()
        self.table.setRowCount(0)
        section = None
        header_font = QFont(self.table.font())
        header_font.setBold(True)
        for row in self._shown:
            if row.section != section:
                section = row.section
                index = self.table.rowCount()
                self.table.insertRow(index)
                cell = QTableWidgetItem(section)
                cell.setFont(header_font)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(index, 0, cell)
                self.table.setSpan(index, 0, 1, 4)
            index = self.table.rowCount()
            self.table.insertRow(index)
            brush = QBrush(QColor(CHANGE_COLOURS[row.kind]))
            texts = (labels[row.kind], row.label, row.old, row.new)
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setBackground(brush)
                cell.setForeground(QBrush(QColor("black")))
                cell.setToolTip(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                cell.setData(Qt.ItemDataRole.UserRole, row.path)
                self.table.setItem(index, column, cell)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    # ------------------------------------------------------------------ revisions
    def save_revision(self) -> RevisionInfo | None:
        """Ask for a name and keep the stored version as a revision."""
        default = self.tr("Revision of {moment}").format(
            moment=formatter().short_datetime(dt.datetime.now(dt.UTC))
        )
        label, ok = QInputDialog.getText(
            self,
            self.tr("Save revision"),
            self.tr("Name of the revision:"),
            QLineEdit.EchoMode.Normal,
            default,
        )
        label = label.strip()
        if not ok or not label:
            return None
        try:
            info = keep_revision(self._store, self._proposal_id, label[:200])
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Revision not saved"), str(error))
            return None
        old = self.old_combo.currentData()
        self._load_revisions(select_old=str(old) if old is not None else None)
        self.revision_saved.emit(info)
        return info
