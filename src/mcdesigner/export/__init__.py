"""Word and PDF documents: the proposal, the self-assessment report, the committee dossier.

One renderer-neutral :class:`ExportContext` is built from the proposal
(:func:`build_context`) and drawn by two renderers (python-docx and reportlab), so a Word
file and a PDF of the same proposal never disagree. The renderers' libraries are only
imported when a document is written, which keeps the application's start fast.

    export_document(proposal, document="dossier", fmt="pdf", out=Path("dossier.pdf"))

Files are written to a temporary file in the target folder and renamed into place, so a
failed export never leaves a half-written document behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mcdesigner.atomicfile import UnsafeTarget, checked_target
from mcdesigner.atomicfile import atomic_path as atomic_write
from mcdesigner.export.blocks import DocumentKind, ExportContext, Letterhead
from mcdesigner.export.content_language import checked_content_language
from mcdesigner.export.context import DOCUMENTS, build_context, document_title
from mcdesigner.export.errors import ExportError
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings, Issue, Readiness
    from mcdesigner.export.pdf_layout import PdfLayout

Format = Literal["docx", "pdf"]
FORMATS: tuple[Format, ...] = ("docx", "pdf")
Progress = Callable[[int, str], None]

__all__ = [
    "DOCUMENTS",
    "FORMATS",
    "DocumentKind",
    "ExportContext",
    "ExportError",
    "Format",
    "Letterhead",
    "Progress",
    "atomic_write",
    "build_context",
    "default_filename",
    "document_title",
    "export_document",
]


def default_filename(proposal: Proposal, document: DocumentKind, fmt: Format) -> str:
    """A file name suggestion such as ``Towards-INGENIUM-dossier.pdf``."""
    from mcdesigner.export.formatting import slug

    stem = slug(proposal.general.title)[:60].strip("-") or "proposal"
    return f"{stem}-{document}.{fmt}"


def export_document(
    proposal: Proposal,
    *,
    document: DocumentKind,
    fmt: Format,
    out: Path,
    annotations: Iterable[Annotation] = (),
    reviews: Iterable[Review] = (),
    progress: Progress | None = None,
    criterion_titles: Mapping[str, str] | None = None,
    settings: CheckSettings | None = None,
    content_language: str | None = None,
    letterhead: Letterhead | None = None,
    through_link: bool = False,
) -> Path:
    """Write ``document`` of ``proposal`` as ``fmt`` to ``out`` and return ``out``.

    ``letterhead`` (the institution profile and the author) gives the header's logo, the
    templates and the document properties; without one, the bundled templates and no logo.

    The proposal's texts are shown in ``content_language`` (None: the proposal's main
    language), one of the languages it is written in; a text without a translation shows
    its main-language text, marked. The labels follow the language in use.

    For the dossier the completeness checks run here, with ``settings`` (the user's hours
    per ECTS credit and the form set; pass them: ``None`` means the built-in defaults); the
    document follows the same form set (its sections, their order and labels).
    ``progress(percent, message)`` is called as the work advances (for a progress bar).
    Raises :class:`ExportError` with a message for the user when the document cannot be
    written; nothing is left at ``out`` in that case (an existing file there is kept as it
    was). ``out`` must be a regular file or a new name; a symbolic link is written through
    (the file it points to replaced) only when ``through_link`` is true.
    """
    out = _checked_target(document, fmt, out, through_link=through_link)
    language = checked_content_language(proposal, content_language)
    report = progress or (lambda _percent, _message: None)
    report(0, tr("Preparing the document"))
    issues, readiness = _dossier_checks(proposal, document, settings, report)
    report(20, tr("Assembling the content"))
    context = build_context(
        proposal,
        document=document,
        issues=issues,
        readiness=readiness,
        annotations=annotations,
        reviews=reviews,
        forms=settings.forms if settings is not None else None,
        criterion_titles=criterion_titles,
        content_language=language,
    )
    if letterhead is not None:
        context = replace(context, letterhead=letterhead)
    report(30, tr("Laying out the document"))
    _write(context, fmt, out, report)
    report(100, tr("Done"))
    return out


def _checked_target(document: DocumentKind, fmt: Format, out: Path, *, through_link: bool) -> Path:
    """The path to write for ``out``, once the document, the format, the target and the folder
    are known to be valid (a symbolic link followed when ``through_link``)."""
    if document not in DOCUMENTS:
        raise ExportError(
            tr("Unknown document “{document}” (expected one of: {known}).").format(
                document=document, known=", ".join(DOCUMENTS)
            )
        )
    return checked_output(fmt, out, through_link=through_link)


def checked_output(fmt: str, out: Path, *, through_link: bool = False) -> Path:
    """``out`` as a path, once the format and the target are known to be valid: a new name
    or a regular file in an existing folder (a symbolic link followed when
    ``through_link``); raises :class:`ExportError` saying what is wrong."""
    if fmt not in FORMATS:
        raise ExportError(tr("Unknown format “{fmt}” (expected docx or pdf).").format(fmt=fmt))
    out = Path(out)
    if out.is_dir():
        raise ExportError(tr("{path} is a folder; choose a file name.").format(path=out))
    try:
        out = checked_target(out, through_link=through_link)
    except UnsafeTarget as refused:
        raise ExportError(
            tr("Cannot write {path}: {reason}. Nothing was written; choose a file name.").format(
                path=out, reason=refused.strerror
            )
        ) from None
    if not out.parent.is_dir():
        raise ExportError(tr("The folder {folder} does not exist.").format(folder=out.parent))
    return out


def _dossier_checks(
    proposal: Proposal,
    document: DocumentKind,
    settings: CheckSettings | None,
    report: Progress,
) -> tuple[list[Issue] | None, Readiness | None]:
    """The issues and readiness the dossier shows (none for the other documents)."""
    if document != "dossier":
        return None, None
    report(5, tr("Checking the proposal"))
    from mcdesigner.checks import readiness as compute_readiness
    from mcdesigner.checks import run

    issues = run(proposal, settings)
    return issues, compute_readiness(proposal, issues, settings)


def _layout(context: ExportContext) -> PdfLayout:
    """The PDF layout of the letterhead (or the bundled one), with its logo."""
    from mcdesigner.export.pdf_layout import load_layout

    letterhead = context.letterhead
    layout = load_layout(letterhead.pdf_layout)
    if letterhead.logo is not None and layout.logo is None:
        layout = replace(layout, logo=letterhead.logo)
    return layout


def _write(context: ExportContext, fmt: Format, out: Path, report: Progress) -> None:
    """Render ``context`` into ``out`` atomically; any failure becomes an :class:`ExportError`."""
    try:
        with atomic_write(out) as temporary:
            if fmt == "pdf":
                from mcdesigner.export.pdf_renderer import render_pdf

                render_pdf(context, temporary, layout=_layout(context), progress=report)
            else:
                from mcdesigner.export.docx_renderer import render_docx

                template = context.letterhead.word_template
                render_docx(context, temporary, template=template, progress=report)
            report(95, tr("Saving"))
    except ExportError:
        raise
    except PermissionError:
        raise ExportError(
            tr("Cannot write to {path}: permission denied. Choose another folder.").format(path=out)
        ) from None
    except OSError as error:
        raise ExportError(
            tr("Cannot write {path}: {error}").format(path=out, error=error.strerror or error)
        ) from None
    except Exception as error:  # a renderer failure must reach the user as a message
        raise ExportError(
            tr("The {fmt} document could not be created: {error}").format(
                fmt=fmt.upper(), error=error
            )
        ) from error
