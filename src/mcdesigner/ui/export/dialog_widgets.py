"""The widgets of the export dialog and the texts it shows; what they do is in
:mod:`mcdesigner.ui.export.export_dialog`."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
)

from mcdesigner.i18n import current_language
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import language_label
from mcdesigner.translations import available_languages, language_name
from mcdesigner.ui.export.export_work import CREDENTIALS, DOCUMENT_FORMATS

log = logging.getLogger(__name__)


class ExportDialogWidgets(QDialog):
    """The export dialog's controls, preview and buttons, laid out; no behaviour."""

    _proposal: Proposal

    def _build(self) -> None:
        choices = self._build_choices()
        self._description = QLabel(self)
        self._description.setWordWrap(True)
        self._description.setAccessibleName(self.tr("About this export"))
        progress_row = self._build_progress()
        self._build_error()
        self._build_preview()
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self._description)
        layout.addLayout(progress_row)
        layout.addWidget(self._error_frame)
        layout.addWidget(self._preview, 1)
        layout.addLayout(buttons)

    def _build_choices(self) -> QHBoxLayout:
        """What to export, in which format, and the Create button."""
        self._document_combo = QComboBox(self)
        self._document_combo.setAccessibleName(self.tr("Document to export"))
        for key in DOCUMENT_FORMATS:
            self._document_combo.addItem(self._document_label(key), key)
        self._format_combo = QComboBox(self)
        self._format_combo.setAccessibleName(self.tr("File format"))
        document_label = QLabel(self.tr("&Document:"), self)
        document_label.setBuddy(self._document_combo)
        format_label = QLabel(self.tr("&Format:"), self)
        format_label.setBuddy(self._format_combo)
        self._language_combo = QComboBox(self)
        self._language_combo.setObjectName("documentLanguage")
        self._language_combo.setAccessibleName(self.tr("Language of the document"))
        self._language_combo.setToolTip(
            self.tr("The document's language; the window keeps its own.")
        )
        for code in available_languages():
            self._language_combo.addItem(language_name(code), code)
        self._language_combo.setCurrentIndex(
            max(self._language_combo.findData(current_language()), 0)
        )
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self._language_combo)
        content_label = self._build_content_language()
        self._create_button = QPushButton(self.tr("&Create"), self)
        self._create_button.setToolTip(self.tr("Create the document and show a preview"))
        self._create_button.setDefault(True)

        choices = QHBoxLayout()
        choices.addWidget(document_label)
        choices.addWidget(self._document_combo, 2)
        choices.addSpacing(12)
        choices.addWidget(format_label)
        choices.addWidget(self._format_combo, 1)
        choices.addSpacing(12)
        choices.addWidget(language_label)
        choices.addWidget(self._language_combo)
        choices.addSpacing(12)
        choices.addWidget(content_label)
        choices.addWidget(self._content_combo)
        choices.addSpacing(12)
        choices.addWidget(self._create_button)
        return choices

    def _build_content_language(self) -> QLabel:
        """The chooser of the language of the proposal's texts (shown for several languages)."""
        self._content_combo = QComboBox(self)
        self._content_combo.setObjectName("contentLanguage")
        self._content_combo.setAccessibleName(self.tr("Language of the proposal's texts"))
        self._content_combo.setToolTip(
            self.tr(
                "The language the proposal's texts are shown in; a text not yet translated"
                " is shown in the main language, marked."
            )
        )
        languages = self._proposal.languages.written
        for code in languages:
            self._content_combo.addItem(language_label(code), code)
        label = QLabel(self.tr("Con&tent language:"), self)
        label.setBuddy(self._content_combo)
        label.setVisible(len(languages) > 1)
        self._content_combo.setVisible(len(languages) > 1)
        self._content_combo.currentIndexChanged.connect(self._content_language_changed)
        return label

    def content_language(self) -> str | None:
        """The language chosen for the proposal's texts (None: the main language)."""
        code = self._content_combo.currentData()
        return str(code) if code and code != self._proposal.languages.main else None

    def _content_language_changed(self) -> None:
        """The labels follow the content language when the interface speaks it."""
        index = self._language_combo.findData(self._content_combo.currentData())
        if index >= 0:
            self._language_combo.setCurrentIndex(index)

    def _selection_key(self) -> tuple[str, ...]:
        """What the created document depends on: document, format and both languages."""
        return tuple(
            str(combo.currentData())
            for combo in (
                self._document_combo,
                self._format_combo,
                self._language_combo,
                self._content_combo,
            )
        )

    def _build_progress(self) -> QHBoxLayout:
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 100)
        self._progress.setAccessibleName(self.tr("Export progress"))
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._status.setAccessibleName(self.tr("Export status"))
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self._progress, 1)
        progress_row.addWidget(self._status, 2)
        return progress_row

    def _build_error(self) -> None:
        """The red frame that says why an export failed."""
        self._error_frame = QFrame(self)
        self._error_frame.setObjectName("ExportError")
        self._error_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self._error_frame.setStyleSheet(
            "QFrame#ExportError { background: #fdecea; border: 1px solid #c62828;"
            " border-radius: 4px; }"
            " QFrame#ExportError QLabel { color: #7f1d1d; background: transparent; border: 0; }"
        )
        error_icon = QLabel(self._error_frame)
        error_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(24, 24)
        )
        self._error_label = QLabel(self._error_frame)
        self._error_label.setWordWrap(True)
        self._error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error_label.setAccessibleName(self.tr("Export error"))
        error_layout = QHBoxLayout(self._error_frame)
        error_layout.addWidget(error_icon, 0, Qt.AlignmentFlag.AlignTop)
        error_layout.addWidget(self._error_label, 1)

    def _build_preview(self) -> None:
        """A placeholder, the PDF pages or the credential's JSON text."""
        self._placeholder = QLabel(self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setFrameShape(QFrame.Shape.StyledPanel)
        self.pdf_document = QPdfDocument(self)
        self._pdf_view = QPdfView(self)
        self._pdf_view.setDocument(self.pdf_document)
        self._pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self._pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._pdf_view.setPageSpacing(12)
        self._pdf_view.setAccessibleName(self.tr("Preview of the document"))
        self._json_view = QPlainTextEdit(self)
        self._json_view.setReadOnly(True)
        self._json_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._json_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._json_view.setAccessibleName(self.tr("Content of the credential file"))
        self._preview = QStackedWidget(self)
        for page in (self._placeholder, self._pdf_view, self._json_view):
            self._preview.addWidget(page)
        self._preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _build_buttons(self) -> QHBoxLayout:
        """Zoom, page position, Save as, Print and Close."""
        self._pages_label = QLabel(self)
        self._zoom_combo = QComboBox(self)
        self._zoom_combo.setAccessibleName(self.tr("Zoom"))
        self._zoom_combo.setToolTip(self.tr("How large the pages are shown"))
        for text, zoom in (
            (self.tr("Fit width"), "width"),
            (self.tr("Whole page"), "page"),
            (self.tr("Actual size"), "100"),
        ):
            self._zoom_combo.addItem(text, zoom)
        self._save_button = QPushButton(self.tr("&Save as…"), self)
        self._save_button.setShortcut(QKeySequence.StandardKey.Save)
        self._print_button = QPushButton(self.tr("&Print…"), self)
        self._print_button.setShortcut(QKeySequence.StandardKey.Print)
        self._close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self._zoom_combo)
        buttons.addWidget(self._pages_label, 1)
        buttons.addWidget(self._save_button)
        buttons.addWidget(self._print_button)
        buttons.addWidget(self._close_button)
        return buttons

    # -- labels -----------------------------------------------------------------
    def _document_label(self, key: str) -> str:
        return {
            "proposal": self.tr("Proposal"),
            "self-assessment": self.tr("Self-assessment report"),
            "dossier": self.tr("Committee dossier"),
            "elm": self.tr("Digital credential (ELM v3, JSON-LD)"),
            "ob3": self.tr("Open Badge (Open Badges 3.0, JSON)"),
        }[key]

    def _short_document_label(self, key: str) -> str:
        return {
            "proposal": self.tr("Proposal"),
            "self-assessment": self.tr("Self-assessment report"),
            "dossier": self.tr("Committee dossier"),
            "elm": self.tr("Credential ELM"),
            "ob3": self.tr("Open Badge"),
        }[key]

    def _format_label(self, fmt: str) -> str:
        return {
            "pdf": self.tr("PDF"),
            "docx": self.tr("Word (.docx)"),
            "jsonld": self.tr("JSON-LD (.jsonld)"),
            "json": self.tr("JSON (.json)"),
        }[fmt]

    def _file_filter(self, fmt: str) -> str:
        return {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "docx": self.tr("Word documents (*.docx)"),
            "jsonld": self.tr("JSON-LD files (*.jsonld *.json)"),
            "json": self.tr("JSON files (*.json)"),
        }[fmt]

    def _describe(self, key: str) -> str:
        texts = {
            "proposal": self.tr(
                "The complete proposal with every section, for colleagues and the committee."
            ),
            "self-assessment": self.tr(
                "The self-assessment against ESG 2015 Part 1 (standards 1.1–1.10) on its own."
            ),
            "dossier": self.tr(
                "The proposal with the completeness check, reviewers' comments and reviews,"
                " for the committee meeting."
            ),
            "elm": self.tr(
                "The certified data as a European Learning Model v3 credential template,"
                " for the European Digital Credentials issuing tools."
            ),
            "ob3": self.tr("The certified data as an Open Badges 3.0 achievement credential."),
        }
        text = texts[key]
        if key in CREDENTIALS:
            gaps = self._credential_gaps()
            if gaps:
                text += " " + self.tr(
                    "Still missing for the credential: {fields}. The file is written without them."
                ).format(fields=", ".join(gaps[:4]) + (" …" if len(gaps) > 4 else ""))
        return text

    def _credential_gaps(self) -> list[str]:
        from mcdesigner.credential import missing_for_credential

        try:
            return [gap.element for gap in missing_for_credential(self._proposal)]
        except Exception:  # the note is a convenience; the export reports real problems
            log.warning("could not list the credential gaps", exc_info=True)
            return []
