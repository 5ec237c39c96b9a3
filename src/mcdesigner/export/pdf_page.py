"""The PDF's pages: A4 template, header and footer, bookmarks and contents entries.

:class:`PdfDocument` draws the header (logo, proposal title, document, status) and the
"Page x of y" footer on every page except the cover, turns headings into PDF bookmarks
and feeds the table of contents. Pages are decorated once their content is laid out, so
a :class:`HeaderMark` on a page (a part of the document beginning) already names the new
part in that page's header. :class:`PageTotal` makes reportlab lay the document out
again until the page total printed in the footers is the real one.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from mcdesigner.export.blocks import Cover, ExportContext, TableOfContents
from mcdesigner.export.formatting import has_rtl
from mcdesigner.export.pdf_layout import PdfLayout
from mcdesigner.export.pdf_text import FontFamily, markup
from mcdesigner.i18n import tr


class PageTotal(Flowable):  # type: ignore[misc]
    """Invisible marker that makes multiBuild repeat until the page total is stable."""

    def __init__(self) -> None:
        super().__init__()
        self.doc: PdfDocument | None = None
        self.used: int | None = None  # total printed in footers during this pass
        self.counted: int | None = None  # pages the last pass produced

    def isIndexing(self) -> bool:  # noqa: N802
        return True

    def isSatisfied(self) -> bool:  # noqa: N802
        return self.used is not None and self.used == self.counted

    def beforeBuild(self) -> None:  # noqa: N802
        self.used = self.counted

    def afterBuild(self) -> None:  # noqa: N802
        if self.doc is not None:
            self.counted = self.doc.page

    def notify(self, kind: str, stuff: Any) -> None:
        return None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class HeaderMark(Flowable):  # type: ignore[misc]
    """Invisible marker: from its page on, the header shows ``title`` and ``status``."""

    def __init__(self, title: str, status: str) -> None:
        super().__init__()
        self.mc_running_header = (title, status)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class PdfDocument(BaseDocTemplate):  # type: ignore[misc]
    """Page templates, header/footer drawing, bookmarks and contents entries."""

    def __init__(
        self,
        filename: str,
        context: ExportContext,
        layout: PdfLayout,
        fonts: FontFamily,
        total: PageTotal,
    ) -> None:
        top, right, bottom, left = (m * mm for m in layout.margins)
        super().__init__(
            filename,
            pagesize=A4,
            topMargin=top,
            bottomMargin=bottom,
            leftMargin=left,
            rightMargin=right,
            title=context.proposal_title,
            subject=" · ".join(
                part for part in (context.document_title, context.letterhead.institution) if part
            ),
            author=context.letterhead.author,
            creator="MC Designer",
            keywords=list(context.keywords),
            lang=context.language,
        )
        self.context = context
        self.layout = layout
        self.fonts = fonts
        self.total = total
        self.has_cover = any(isinstance(b, Cover) for b in context.blocks)
        self.toc_anchors = {
            e.anchor for b in context.blocks if isinstance(b, TableOfContents) for e in b.entries
        }
        self.current_section = ""
        self.header_title = context.proposal_title
        self.header_status = context.status
        self._last_level = 0
        frame = Frame(left, bottom, A4[0] - left - right, A4[1] - top - bottom, id="body")
        template = PageTemplate(id="page", frames=[frame], onPageEnd=self._decorate)
        self.addPageTemplates([template])

    # -- page decoration ------------------------------------------------------
    def _fill(self, pattern: str, page: int) -> str:
        pages = str(self.total.used) if self.total.used is not None else "…"
        return (
            tr(pattern)
            .replace("{title}", self.header_title)
            .replace("{status}", self.header_status)
            .replace("{document}", self.context.document_title)
            .replace("{date}", self.context.generated)
            .replace("{page}", str(page))
            .replace("{pages}", pages)
        )

    def _decorate(self, canvas: Any, doc: Any) -> None:
        page = int(doc.page)
        canvas.saveState()
        if not (self.has_cover and page == 1):
            self._draw_header(canvas, page)
        self._draw_footer(canvas, page)
        canvas.restoreState()

    def _draw_header(self, canvas: Any, page: int) -> None:
        layout = self.layout
        width, height = A4
        top, right, _bottom, left = (m * mm for m in layout.margins)
        y = height - top + 5 * mm
        x = left
        if layout.logo is not None:
            logo_h = layout.logo_height * mm
            canvas.drawImage(
                str(layout.logo),
                x,
                y - 1.5 * mm,
                height=logo_h,
                width=logo_h * 3,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            x += logo_h * 3 + 3 * mm
        canvas.setFont(self.fonts.regular, layout.sizes["header"])
        canvas.setFillColor(colors.HexColor(layout.colours["muted"]))
        _draw_clipped(canvas, x, y, self._fill(layout.header_left, page), width * 0.55 - x)
        canvas.drawRightString(width - right, y, _plain(self._fill(layout.header_right, page)))
        canvas.setStrokeColor(colors.HexColor(layout.colours["rule"]))
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 2 * mm, width - right, y - 2 * mm)

    def _draw_footer(self, canvas: Any, page: int) -> None:
        layout = self.layout
        width = A4[0]
        _top, right, bottom, left = (m * mm for m in layout.margins)
        canvas.setFont(self.fonts.regular, layout.sizes["footer"])
        canvas.setFillColor(colors.HexColor(layout.colours["muted"]))
        y = bottom - 9 * mm
        canvas.drawString(left, y, _plain(self._fill(layout.footer_left, page)))
        canvas.drawRightString(width - right, y, _plain(self._fill(layout.footer_right, page)))

    # -- bookmarks and contents -----------------------------------------------
    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802
        running = getattr(flowable, "mc_running_header", None)
        if running is not None:
            self.header_title, self.header_status = running
            return
        heading = getattr(flowable, "mc_heading", None)
        if heading is None:
            return
        level, text, anchor = heading
        if level == 1:
            self.current_section = text
        outline_level = min(level - 1, self._last_level)
        self._last_level = outline_level + 1
        self.canv.bookmarkPage(anchor)
        self.canv.addOutlineEntry(text, anchor, level=outline_level, closed=outline_level >= 1)
        if anchor in self.toc_anchors:
            # The contents table reads entries as Paragraph markup: escape the user's text.
            self.notify("TOCEntry", (level - 1, markup(text), self.page, anchor))

    def beforeDocument(self) -> None:  # noqa: N802
        self._last_level = 0
        self.current_section = ""
        self.header_title = self.context.proposal_title
        self.header_status = self.context.status


def _plain(text: str) -> str:
    """Header/footer text drawn directly: shaped for display when it is right to left."""
    if not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def _draw_clipped(canvas: Any, x: float, y: float, text: str, width: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font, size = canvas._fontname, canvas._fontsize
    text = _plain(text)
    if stringWidth(text, font, size) > width:
        while text and stringWidth(text + "…", font, size) > width:
            text = text[:-1]
        text += "…"
    canvas.drawString(x, y, text)
