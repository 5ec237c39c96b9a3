"""What the export dialog offers and the work it runs in the background (no widgets here):
writing a document or credential, describing a failure, showing a file size."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mcdesigner.formatting import formatter
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.operations import documents as operations_documents
from mcdesigner.operations.documents import in_document_language
from mcdesigner.ui.jobs import Report, describe_error

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings

log = logging.getLogger(__name__)

DocumentChoice = Literal["proposal", "self-assessment", "dossier", "elm", "ob3"]
FormatChoice = Literal["pdf", "docx", "jsonld", "json"]

#: What can be exported, in menu order, with the formats each one offers (first: default).
DOCUMENT_FORMATS: dict[str, tuple[str, ...]] = {
    "proposal": ("pdf", "docx"),
    "self-assessment": ("pdf", "docx"),
    "dossier": ("pdf", "docx"),
    "elm": ("jsonld",),
    "ob3": ("json",),
}
CREDENTIALS = frozenset({"elm", "ob3"})


def export_work(
    proposal: Proposal,
    document: str,
    fmt: str,
    target: Path,
    annotations: tuple[Annotation, ...],
    reviews: tuple[Review, ...],
    *,
    starting: str = "",
    companion_pdf: Path | None = None,
    criterion_titles: Mapping[str, str] | None = None,
    settings: CheckSettings | None = None,
    language: str | None = None,
    content_language: str | None = None,
) -> Callable[[Report], Path]:
    """The function a background job runs to write ``document`` as ``fmt`` to ``target``.

    With ``companion_pdf``, the same document is also written there as PDF (for the
    preview and printing of a Word export); ``language`` is the document's language,
    ``content_language`` that of the proposal's texts (None: the main language).
    """

    def work(report: Report) -> Path:
        with in_document_language(language, settings) as document_settings:
            titles = operations_documents.criterion_titles() if language else criterion_titles
            return write(report, document_settings, titles)

    def write(
        report: Report,
        settings: CheckSettings | None,
        criterion_titles: Mapping[str, str] | None,
    ) -> Path:
        try:
            if document in CREDENTIALS:
                import mcdesigner.credential as credential

                report(10, starting)
                credential.export_credential(
                    proposal, "elm" if document == "elm" else "ob3", target
                )
                report(100, "")
            else:
                import mcdesigner.export as exporting

                jobs = [(fmt, target)]
                if companion_pdf is not None:
                    jobs.append(("pdf", companion_pdf))
                share = 100 / len(jobs)
                for number, (kind, out) in enumerate(jobs):

                    def scaled(percent: int, message: str, start: float = number * share) -> None:
                        report(round(start + percent * share / 100), message)

                    exporting.export_document(
                        proposal,
                        document=document,  # type: ignore[arg-type]
                        fmt=kind,  # type: ignore[arg-type]
                        out=out,
                        annotations=annotations,
                        reviews=reviews,
                        progress=scaled,
                        criterion_titles=criterion_titles,
                        settings=settings,
                        content_language=content_language,
                    )
        except BaseException:
            # The exporters never leave a partial file; make sure of it for every failure.
            target.unlink(missing_ok=True)
            if companion_pdf is not None:
                companion_pdf.unlink(missing_ok=True)
            raise
        return target

    return work


def describe_failure(error: BaseException, unexpected: str) -> str:
    """The message shown for an exception raised while exporting."""
    from mcdesigner.credential import CredentialError
    from mcdesigner.export import ExportError

    if isinstance(error, ExportError | CredentialError):
        return str(error)
    if isinstance(error, OSError):
        return describe_error(error)
    log.error("unexpected export failure", exc_info=error)
    return unexpected.format(error=str(error) or type(error).__name__)


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{formatter().number(size / 1024, decimals=0)} KB"
    return f"{formatter().number(size / (1024 * 1024), decimals=1)} MB"
