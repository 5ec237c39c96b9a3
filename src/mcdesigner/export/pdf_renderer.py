"""Draw an :class:`ExportContext` as an A4 PDF with reportlab platypus.

Headings become PDF bookmarks (the outline pane) and feed the table of contents; every
page carries a header (proposal title, document, status) and a "Page x of y" footer,
the total known from a previous layout pass. Tables repeat their header row on each
page and split inside rows, so a 20,000-character cell flows across pages instead of
failing. Layout settings come from ``templates/pdf_layout.toml``.

The work is shared out: :mod:`~mcdesigner.export.pdf_page` draws the pages (header,
footer, bookmarks, page total), :mod:`~mcdesigner.export.pdf_story` turns the blocks
into flowables with the styles of :mod:`~mcdesigner.export.pdf_styles`, and
:mod:`~mcdesigner.export.pdf_text` makes user text safe; this module runs the layout.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from mcdesigner.export.blocks import ExportContext
from mcdesigner.export.errors import ExportError
from mcdesigner.export.pdf_layout import PdfLayout, load_layout
from mcdesigner.export.pdf_page import PageTotal, PdfDocument
from mcdesigner.export.pdf_story import StoryBuilder
from mcdesigner.export.pdf_text import register_fonts
from mcdesigner.i18n import tr

Progress = Callable[[int, str], None]


def render_pdf(
    context: ExportContext,
    out: Path,
    layout: PdfLayout | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``context`` as a PDF file at ``out`` (the caller makes the write atomic)."""
    layout = layout or load_layout()
    fonts = register_fonts(layout.fonts)
    total = PageTotal()
    doc = PdfDocument(str(out), context, layout, fonts, total)
    total.doc = doc
    story: list[Flowable] = [total, *StoryBuilder(layout, fonts, doc.width).build(context)]
    if progress is not None:
        doc.setProgressCallBack(_pass_reporter(progress))
    try:
        doc.multiBuild(story, maxPasses=6)
    except LayoutError as error:
        section = doc.current_section or tr("the beginning of the document")
        raise ExportError(
            tr(
                "The PDF could not be laid out near “{section}”: an element does not fit on "
                "a page ({error})."
            ).format(section=section, error=error)
        ) from error


def _pass_reporter(progress: Progress) -> Callable[[str, int], None]:
    def report(kind: str, value: int) -> None:
        if kind == "PASS":
            progress(min(40 + 20 * value, 85), tr("Laying out pages (pass {n})").format(n=value))

    return report
