"""The "Export committee pack" dialog: the proposals in agenda order, the committee's title,
the meeting date, the format, the language and the file; then the pack is written in the
background with progress per proposal, and can be cancelled.

The work itself is :func:`mcdesigner.operations.pack.export_pack`; a cancelled or failed
pack leaves no file behind (a file that was already at the target stays as it was).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.i18n import current_language
from mcdesigner.translations import available_languages, language_name
from mcdesigner.ui.export.export_work import describe_failure
from mcdesigner.ui.export.files import safe_file_stem, with_extension
from mcdesigner.ui.jobs import BackgroundJob, Report

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings
    from mcdesigner.export.pack import PackProposal

_INDEX_ROLE = Qt.ItemDataRole.UserRole


class PackDialog(QDialog):
    """Asks how to write the pack of ``parts`` and writes it in the background."""

    def __init__(
        self,
        parts: list[PackProposal],
        *,
        settings: CheckSettings,
        folder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("packDialog")
        self.setWindowTitle(self.tr("Export committee pack"))
        self.parts = parts
        self.settings = settings
        self.folder = folder
        self.job: BackgroundJob | None = None
        self.written: Path | None = None
        self._build()
        self._set_running(False)
        self.resize(620, 520)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Proposals, in agenda order (drag to reorder):"), self))
        self.order = QListWidget(self)
        self.order.setObjectName("packOrder")
        self.order.setAccessibleName(self.tr("Proposals in agenda order"))
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for index, part in enumerate(self.parts):
            item = QListWidgetItem(part.proposal.display_title, self.order)
            item.setData(_INDEX_ROLE, index)
        column.addWidget(self.order, 1)
        column.addLayout(self._build_form())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.status = QLabel(self)
        self.status.setObjectName("packStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("&Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        column.addLayout(buttons)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.title_edit = QLineEdit(self.tr("Committee meeting"), self)
        self.title_edit.setObjectName("packTitle")
        form.addRow(self.tr("&Title:"), self.title_edit)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("packDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Meeting &date:"), self.date_edit)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("packFormat")
        self.format_combo.addItem(self.tr("PDF"), "pdf")
        self.format_combo.addItem(self.tr("Word (.docx)"), "docx")
        self.format_combo.currentIndexChanged.connect(lambda _i: self._fix_extension())
        form.addRow(self.tr("&Format:"), self.format_combo)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("packLanguage")
        for code in available_languages():
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(current_language()), 0)
        )
        form.addRow(self.tr("&Language:"), self.language_combo)
        file_row = QHBoxLayout()
        stem = safe_file_stem(self.title_edit.text(), "pack")
        self.file_edit = QLineEdit(str(Path(self.folder or Path.home()) / f"{stem}.pdf"), self)
        self.file_edit.setObjectName("packFile")
        choose = QPushButton(self.tr("C&hoose…"), self)
        choose.clicked.connect(self.choose_file)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        file_label = QLabel(self.tr("F&ile:"), self)
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        return form

    # ------------------------------------------------------------------ choices
    def fmt(self) -> str:
        """``pdf`` or ``docx``."""
        return str(self.format_combo.currentData())

    def target(self) -> Path:
        """The file to write, with the format's extension."""
        return with_extension(Path(self.file_edit.text().strip()), self.fmt())

    def ordered_parts(self) -> list[PackProposal]:
        """The proposals in the order the list shows."""
        return [
            self.parts[int(self.order.item(row).data(_INDEX_ROLE))]
            for row in range(self.order.count())
        ]

    def document_language(self) -> str | None:
        code = self.language_combo.currentData()
        return str(code) if code and code != current_language() else None

    def meeting_date(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def _fix_extension(self) -> None:
        text = self.file_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in (".pdf", ".docx"):
                path = path.with_suffix("")
            self.file_edit.setText(str(with_extension(path, self.fmt())))

    def choose_file(self) -> None:
        fmt = self.fmt()
        pattern = (
            self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("Word documents (*.docx)")
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export committee pack"), self.file_edit.text(), pattern
        )
        if chosen:
            self.file_edit.setText(str(with_extension(Path(chosen), fmt)))

    # ------------------------------------------------------------------ the work
    def start(self) -> BackgroundJob | None:
        """Write the pack in the background (None when the file name is missing)."""
        if self.job is not None and self.job.is_running:
            return self.job
        if not self.file_edit.text().strip():
            self.status.setText(self.tr("Choose the file to write."))
            return None
        from mcdesigner.operations.pack import export_pack

        target, parts, fmt = self.target(), self.ordered_parts(), self.fmt()
        title, date, language = (
            self.title_edit.text(),
            self.meeting_date(),
            self.document_language(),
        )
        settings, done = self.settings, threading.Event()

        def work(report: Report) -> Path:
            written = export_pack(
                parts,
                title=title,
                meeting_date=date,
                fmt=fmt,  # type: ignore[arg-type]
                out=target,
                settings=settings,
                language=language,
                progress=report,
            )
            done.set()
            return written

        def discard() -> None:  # only a pack this job wrote; never a file that was there
            if done.is_set():
                target.unlink(missing_ok=True)

        unexpected = self.tr("The pack could not be written: {error}")
        job = BackgroundJob(
            work, discard=discard, describe=lambda error: describe_failure(error, unexpected)
        )
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job, self.written = job, None
        self.progress.setValue(0)
        self.status.setText(self.tr("Preparing the pack…"))
        self._set_running(True)
        return job.start()

    def cancel(self) -> None:
        """Stop the pack being written (nothing is left), or close the dialog when idle."""
        if self.job is not None and self.job.is_running:
            self.job.cancel()
        else:
            self.reject()

    def _progress(self, percent: int, message: str) -> None:
        self.progress.setValue(percent)
        if message:
            self.status.setText(message)

    def _finished(self, path: Path) -> None:
        self.written = path
        self.progress.setValue(100)
        self.status.setText(self.tr("Wrote {path}.").format(path=path))
        self._set_running(False)

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self._set_running(False)

    def _cancelled(self) -> None:
        self.progress.setValue(0)
        self.status.setText(self.tr("Cancelled: no file was written."))
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for widget in (self.order, self.title_edit, self.date_edit, self.format_combo):
            widget.setEnabled(not running)
        self.language_combo.setEnabled(not running)
        self.file_edit.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.close_button.setVisible(not running)

    def reject(self) -> None:
        if self.job is not None and self.job.is_running:
            self.job.cancel()
        super().reject()
