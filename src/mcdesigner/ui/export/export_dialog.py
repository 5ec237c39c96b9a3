"""The export dialog: create a document or credential in the background, look at it, then
save or print it.

The user picks what to export (proposal, self-assessment report, committee dossier, ELM
v3 or Open Badges 3.0 credential) and the format, then presses *Create*. The document is
built off the UI thread into a private temporary folder while a progress bar follows it.
A PDF is previewed page by page; a credential is shown as its JSON text. *Save as…*
copies the finished file to the chosen place (completely or not at all); *Print…* prints
the PDF pages (a Word document is printed through the PDF of the same content).

Errors (a document that cannot be built, a full disk, a folder without permission) are
shown in the dialog in plain words and never leave a partial file anywhere. Closing or
cancelling removes the temporary folder, even while a document is still being built.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QWidget,
)

from mcdesigner.i18n import current_language
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.ui.dialogs import confirm_write_through_link
from mcdesigner.ui.export.dialog_widgets import ExportDialogWidgets
from mcdesigner.ui.export.export_work import (
    CREDENTIALS,
    DOCUMENT_FORMATS,
    describe_failure,
    export_work,
    size_text,
)
from mcdesigner.ui.export.files import copy_atomically, suggested_filename, with_extension
from mcdesigner.ui.export.printing import PrintError, print_pdf
from mcdesigner.ui.jobs import BackgroundJob, Report, describe_error
from mcdesigner.ui.state import documents_folder

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings
    from mcdesigner.ui.state import FolderKind, UiState

log = logging.getLogger(__name__)

DialogState = Literal["idle", "running", "ready", "failed"]

#: Largest credential file shown in full in the preview.
_JSON_PREVIEW_LIMIT = 400_000


class ExportDialog(ExportDialogWidgets):
    """Choose, create, preview, save and print an export of one proposal."""

    #: A finished export was saved: the path it was saved to.
    saved = Signal(str)

    def document_language(self) -> str | None:
        """The language chosen for the document (None: the window's language)."""
        code = self._language_combo.currentData()
        return str(code) if code and code != current_language() else None

    def __init__(
        self,
        proposal: Proposal,
        *,
        annotations: Iterable[Annotation] = (),
        reviews: Iterable[Review] = (),
        parent: QWidget | None = None,
        initial_document: str = "proposal",
        initial_format: str | None = None,
        criterion_titles: Mapping[str, str] | None = None,
        check_settings: CheckSettings | None = None,
        folders: UiState | None = None,
    ) -> None:
        super().__init__(parent)
        self._folders = folders  # the last folder of documents and of credential data
        self.setObjectName("ExportDialog")
        self._proposal = proposal
        self._annotations = tuple(annotations)
        self._reviews = tuple(reviews)
        self._criterion_titles = dict(criterion_titles) if criterion_titles else None
        # The user's hours per ECTS credit and form set, for the dossier's checks.
        self._check_settings = check_settings
        self._state: DialogState = "idle"
        self._job: BackgroundJob | None = None
        self._temp_folder: Path | None = None
        self._output: Path | None = None
        self._output_key: tuple[str, ...] | None = None
        self._print_pdf: Path | None = None
        self._error = ""
        self._closing = False

        self.setWindowTitle(self.tr("Export – {title}").format(title=proposal.display_title))
        self.setSizeGripEnabled(True)
        self.resize(900, 760)
        self._build()
        self._connect()
        self.set_selection(initial_document, initial_format)

    # -- construction -----------------------------------------------------------
    def _connect(self) -> None:
        """Connect the widgets built by the base class to what they do."""
        self._create_button.clicked.connect(self.start_export)
        self._pdf_view.pageNavigator().currentPageChanged.connect(self._show_page_position)
        self._zoom_combo.currentIndexChanged.connect(self._zoom_changed)
        self._save_button.clicked.connect(self.save_as)
        self._print_button.clicked.connect(self.print_document)
        self._close_button.clicked.connect(self.reject)
        self._document_combo.currentIndexChanged.connect(self._document_changed)
        self._format_combo.currentIndexChanged.connect(self._selection_changed)
        self._language_combo.currentIndexChanged.connect(self._selection_changed)
        self._content_combo.currentIndexChanged.connect(self._selection_changed)

    # -- selection ---------------------------------------------------------------
    def document(self) -> str:
        """The chosen document: ``proposal``, ``self-assessment``, ``dossier``, ``elm``, ``ob3``."""
        return str(self._document_combo.itemData(self._document_combo.currentIndex()))

    def format(self) -> str:
        """The chosen format: ``pdf``, ``docx``, ``jsonld`` or ``json``."""
        return str(self._format_combo.itemData(self._format_combo.currentIndex()))

    def set_selection(self, document: str, fmt: str | None = None) -> None:
        """Choose ``document`` and ``fmt`` (its first format when ``None`` or not offered)."""
        if document not in DOCUMENT_FORMATS:
            raise ValueError(f"unknown document {document!r}")
        self._document_combo.setCurrentIndex(list(DOCUMENT_FORMATS).index(document))
        self._fill_formats(document)
        formats = DOCUMENT_FORMATS[document]
        if fmt in formats:
            self._format_combo.setCurrentIndex(formats.index(fmt))
        self._selection_changed()

    def _fill_formats(self, document: str) -> None:
        self._format_combo.blockSignals(True)
        self._format_combo.clear()
        for fmt in DOCUMENT_FORMATS[document]:
            self._format_combo.addItem(self._format_label(fmt), fmt)
        self._format_combo.setCurrentIndex(0)
        self._format_combo.setEnabled(len(DOCUMENT_FORMATS[document]) > 1)
        self._format_combo.blockSignals(False)

    def _document_changed(self) -> None:
        self._fill_formats(self.document())
        self._selection_changed()

    def _selection_changed(self) -> None:
        self._description.setText(self._describe(self.document()))
        if self._state == "running":
            return
        if self._output_key != self._selection_key():
            self._reset_output()
            self._set_state("idle")

    # -- state -------------------------------------------------------------------
    @property
    def state(self) -> DialogState:
        """``idle`` (nothing created), ``running``, ``ready`` (preview shown) or ``failed``."""
        return self._state

    @property
    def output_path(self) -> Path | None:
        """The finished file in the temporary folder (before it is saved), if any."""
        return self._output

    @property
    def temp_folder(self) -> Path | None:
        """The private folder exports are created in (removed when the dialog closes)."""
        return self._temp_folder

    @property
    def job(self) -> BackgroundJob | None:
        """The background job of the latest export or print preparation."""
        return self._job

    def error_text(self) -> str:
        """The error shown in the dialog (empty when there is none)."""
        return self._error

    def _set_state(self, state: DialogState) -> None:
        self._state = state
        running = state == "running"
        ready = state == "ready"
        self._document_combo.setEnabled(not running)
        self._format_combo.setEnabled(not running and len(DOCUMENT_FORMATS[self.document()]) > 1)
        self._create_button.setEnabled(not running)
        self._language_combo.setEnabled(not running)
        self._content_combo.setEnabled(not running and self.document() not in CREDENTIALS)
        self._save_button.setEnabled(ready)
        self._print_button.setEnabled(ready and self.format() in ("pdf", "docx"))
        self._close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        self._close_button.setToolTip(
            self.tr("Stop creating the document and close") if running else ""
        )
        self._progress.setVisible(running)
        self._zoom_combo.setVisible(ready and self.format() in ("pdf", "docx"))
        self._error_frame.setVisible(state == "failed")
        if ready:
            self._save_button.setDefault(True)
        else:
            self._create_button.setDefault(True)
        if state == "idle":
            self._status.setText("")
            self._pages_label.setText("")
            self._placeholder.setText(
                self.tr("Choose what to export, then press Create to see a preview.")
            )
            self._preview.setCurrentWidget(self._placeholder)

    def _show_error(self, message: str) -> None:
        self._error = message
        self._error_label.setText(message)
        self._set_state("failed")
        self._status.setText(self.tr("Nothing was saved."))
        self._placeholder.setText(self.tr("The document could not be created."))
        self._preview.setCurrentWidget(self._placeholder)

    def _clear_error(self) -> None:
        self._error = ""
        self._error_label.setText("")
        self._error_frame.setVisible(False)

    # -- creating ----------------------------------------------------------------
    def _ensure_temp_folder(self) -> Path:
        if self._temp_folder is None or not self._temp_folder.is_dir():
            self._temp_folder = Path(tempfile.mkdtemp(prefix="mcdesigner-export-"))
        return self._temp_folder

    def _reset_output(self) -> None:
        """Forget the created document and delete its temporary files."""
        self.pdf_document.close()
        for path in (self._output, self._print_pdf):
            if path is not None:
                path.unlink(missing_ok=True)
        self._output = None
        self._output_key = None
        self._print_pdf = None
        self._json_view.clear()

    def _file_name(self, document: str, fmt: str) -> str:
        extension = "jsonld" if fmt == "jsonld" else fmt
        return suggested_filename(
            self._proposal.display_title, self._short_document_label(document), extension
        )

    def start_export(self) -> None:
        """Create the chosen document in the background (the *Create* button)."""
        if self._state == "running":
            return
        self._reset_output()
        self._clear_error()
        document, fmt = self.document(), self.format()
        try:
            folder = self._ensure_temp_folder()
        except OSError as error:
            self._show_error(
                self.tr("No temporary folder could be created for the export: {reason}").format(
                    reason=describe_error(error)
                )
            )
            return
        target = folder / self._file_name(document, fmt)
        companion = folder / self._file_name(document, "pdf") if fmt == "docx" else None
        work = export_work(
            self._proposal.model_copy(deep=True),
            document,
            fmt,
            target,
            self._annotations,
            self._reviews,
            starting=self.tr("Building the credential"),
            companion_pdf=companion,
            criterion_titles=self._criterion_titles,
            settings=self._check_settings,
            language=self.document_language(),
            content_language=self.content_language(),
        )
        self._run(
            work, lambda result: self._export_finished(document, fmt, Path(result), companion)
        )
        self._status.setText(self.tr("Creating the document…"))

    def _run(self, work: Callable[[Report], Any], on_finished: Callable[[Any], None]) -> None:
        folder = self._temp_folder
        unexpected = self.tr("Unexpected problem: {error}")
        job = BackgroundJob(
            work,
            discard=(lambda: shutil.rmtree(folder, ignore_errors=True))
            if folder is not None
            else None,
            describe=lambda error: describe_failure(error, unexpected),
        )
        job.progress.connect(self._progress_reported)
        job.finished.connect(on_finished)
        job.failed.connect(self._job_failed)
        self._job = job
        self._progress.setValue(0)
        self._set_state("running")
        job.start()

    def _progress_reported(self, percent: int, message: str) -> None:
        self._progress.setValue(max(0, min(100, percent)))
        if message:
            self._status.setText(message)

    def _job_failed(self, message: str) -> None:
        if self._closing:
            return
        self._reset_output()
        self._show_error(message)

    def _export_finished(
        self, document: str, fmt: str, path: Path, companion: Path | None = None
    ) -> None:
        if self._closing:
            return
        if not path.is_file():
            self._show_error(self.tr("The document was not created. Please try again."))
            return
        self._output = path
        self._output_key = self._selection_key()
        self._print_pdf = companion
        self._progress.setValue(100)
        status = self.tr("Ready. Nothing is saved until you choose “Save as…”.")
        if fmt in ("pdf", "docx"):
            if not self._load_pdf(companion if companion is not None else path):
                return
            self._preview.setCurrentWidget(self._pdf_view)
            if fmt == "docx":
                status = self.tr(
                    "The Word document is ready ({size}). The preview shows the same content"
                    " as PDF; Word may break the pages slightly differently. Nothing is saved"
                    " until you choose “Save as…”."
                ).format(size=size_text(path.stat().st_size))
        else:
            self._show_json(path)
        self._set_state("ready")
        self._status.setText(status)

    def _load_pdf(self, path: Path) -> bool:
        self.pdf_document.close()
        error = self.pdf_document.load(str(path))
        if error != QPdfDocument.Error.None_ or self.pdf_document.pageCount() <= 0:
            self._show_error(self.tr("The PDF was created but cannot be shown in the preview."))
            return False
        self._pdf_view.pageNavigator().jump(0, self._pdf_view.pageNavigator().currentLocation())
        self._show_page_position(0)
        return True

    def _show_page_position(self, page: int) -> None:
        count = self.pdf_document.pageCount()
        if count > 0:
            self._pages_label.setText(
                self.tr("Page {page} of {count}").format(page=page + 1, count=count)
            )

    def _zoom_changed(self) -> None:
        zoom = str(self._zoom_combo.itemData(self._zoom_combo.currentIndex()))
        if zoom == "width":
            self._pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif zoom == "page":
            self._pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self._pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self._pdf_view.setZoomFactor(1.0)

    def _show_json(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            self._show_error(describe_error(error))
            return
        text = data[:_JSON_PREVIEW_LIMIT].decode("utf-8", errors="replace")
        if len(data) > _JSON_PREVIEW_LIMIT:
            text += "\n…"
        self._json_view.setPlainText(text)
        self._preview.setCurrentWidget(self._json_view)
        self._pages_label.setText(size_text(len(data)))

    # -- saving ------------------------------------------------------------------
    def folder_kind(self) -> FolderKind:
        """The kind of file being exported: a document or credential data."""
        return "credentials" if self.document() in CREDENTIALS else "documents"

    def suggested_path(self) -> Path:
        """Where *Save as…* proposes to save: the folder last used for this kind of file
        and a readable name."""
        kind = self.folder_kind()
        folder = Path(self._folders.last_folder(kind)) if self._folders else documents_folder()
        return folder / self._file_name(self.document(), self.format())

    def save_as(self) -> Path | None:
        """Ask for a file name and save the created document there (the *Save as…* button)."""
        if self._state != "ready" or self._output is None:
            return None
        fmt = self.format()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the export"), str(self.suggested_path()), self._file_filter(fmt)
        )
        if not chosen:
            return None
        extension = "jsonld" if fmt == "jsonld" and not chosen.lower().endswith(".json") else fmt
        target = with_extension(Path(chosen), extension)
        return self.save_to(target)

    def save_to(self, target: Path) -> Path | None:
        """Copy the created document to ``target`` atomically; shows any error in the dialog."""
        if self._output is None:
            return None
        through_link = Path(target).is_symlink()
        if through_link and not confirm_write_through_link(self, Path(target)):
            self._status.setText(self.tr("Nothing was saved."))
            return None
        try:
            copy_atomically(self._output, Path(target), through_link=through_link)
        except OSError as error:
            self._error = self.tr("Could not save {path}: {reason}").format(
                path=target, reason=describe_error(error)
            )
            self._error_label.setText(self._error)
            self._error_frame.setVisible(True)
            self._status.setText(self.tr("Nothing was saved."))
            return None
        self._clear_error()
        if self._folders is not None:
            self._folders.set_last_folder(self.folder_kind(), Path(target).parent)
        self._status.setText(self.tr("Saved to {path}").format(path=target))
        self.saved.emit(str(target))
        return Path(target)

    # -- printing ----------------------------------------------------------------
    def print_document(self) -> None:
        """Show the print dialog and print (the *Print…* button).

        A Word export is printed through the PDF of the same content made with it.
        """
        if self._state != "ready" or self.format() not in ("pdf", "docx"):
            return
        self._ask_and_print()

    def _ask_and_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._file_name(self.document(), "pdf"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(1, self.pdf_document.pageCount()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the PDF of the created document on ``printer``; returns the pages printed.

        For a Word export the PDF must have been prepared by :meth:`print_document`.
        Problems are shown in the dialog and 0 is returned.
        """
        try:
            printed = print_pdf(
                self.pdf_document, printer, doc_name=self._file_name(self.document(), "pdf")
            )
        except PrintError as error:
            self._error = str(error)
            self._error_label.setText(self._error)
            self._error_frame.setVisible(True)
            return 0
        self._status.setText(self.tr("Sent {count} pages to the printer.").format(count=printed))
        return printed

    # -- closing -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self._closing = False
        super().showEvent(event)

    def done(self, result: int) -> None:
        """Close the dialog, stopping a running export and removing temporary files."""
        self._closing = True
        self.pdf_document.close()
        job, folder = self._job, self._temp_folder
        if job is not None and job.is_running:
            job.cancel()  # the job removes the temporary folder when it stops
        elif folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        super().done(result)
