"""Draw an :class:`ExportContext` as an A4 PDF with reportlab platypus.

Headings become PDF bookmarks (the outline pane) and feed the table of contents; every
page carries a header (proposal title, document, status) and a "Page x of y" footer,
the total known from a previous layout pass. Tables repeat their header row on each
page and split inside rows, so a 20,000-character cell flows across pages instead of
failing. Layout settings come from ``templates/pdf_layout.toml``.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents as RLTableOfContents

from mcdesigner.export.blocks import (
    CREDENTIAL_MARK,
    BulletList,
    Cover,
    ExportContext,
    FieldList,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
    Title,
)
from mcdesigner.export.errors import ExportError
from mcdesigner.export.formatting import has_rtl
from mcdesigner.export.pdf_layout import PdfLayout, load_layout
from mcdesigner.export.pdf_text import FontFamily, markup, register_fonts, text_flowables
from mcdesigner.i18n import tr

Progress = Callable[[int, str], None]
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


class _PageTotal(Flowable):  # type: ignore[misc]
    """Invisible marker that makes multiBuild repeat until the page total is stable."""

    def __init__(self) -> None:
        super().__init__()
        self.doc: _Document | None = None
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


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Page templates, header/footer drawing, bookmarks and contents entries."""

    def __init__(
        self,
        filename: str,
        context: ExportContext,
        layout: PdfLayout,
        fonts: FontFamily,
        total: _PageTotal,
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
            subject=context.document_title,
            author="",
            creator="MC Designer",
            keywords=list(context.keywords),
            lang="en",
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
        self._last_level = 0
        frame = Frame(left, bottom, A4[0] - left - right, A4[1] - top - bottom, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    # -- page decoration ------------------------------------------------------
    def _fill(self, pattern: str, page: int) -> str:
        pages = str(self.total.used) if self.total.used is not None else "…"
        return (
            tr(pattern)
            .replace("{title}", self.context.proposal_title)
            .replace("{status}", self.context.status)
            .replace("{document}", self.context.document_title)
            .replace("{date}", self.context.generated)
            .replace("{page}", str(page))
            .replace("{pages}", pages)
        )

    def _decorate(self, canvas: Any, doc: Any) -> None:
        layout = self.layout
        width, height = A4
        top, right, bottom, left = (m * mm for m in layout.margins)
        page = int(doc.page)
        canvas.saveState()
        if not (self.has_cover and page == 1):
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
        canvas.setFont(self.fonts.regular, layout.sizes["footer"])
        canvas.setFillColor(colors.HexColor(layout.colours["muted"]))
        y = bottom - 9 * mm
        canvas.drawString(left, y, _plain(self._fill(layout.footer_left, page)))
        canvas.drawRightString(width - right, y, _plain(self._fill(layout.footer_right, page)))
        canvas.restoreState()

    # -- bookmarks and contents -----------------------------------------------
    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802
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


class _Styles:
    """Paragraph styles built from the layout settings."""

    def __init__(self, layout: PdfLayout, fonts: FontFamily) -> None:
        s, c = layout.sizes, layout.colours
        text, muted, heading = (colors.HexColor(c[k]) for k in ("text", "muted", "heading"))
        self.layout = layout
        base = ParagraphStyle(
            "body",
            fontName=fonts.regular,
            fontSize=s["body"],
            leading=s["body"] * 1.38,
            textColor=text,
            spaceAfter=4,
        )
        self.body = base
        self.lead = ParagraphStyle(
            "lead", parent=base, fontSize=s["body"] + 1, leading=(s["body"] + 1) * 1.4
        )
        self.note = ParagraphStyle("note", parent=base, textColor=muted, fontName=fonts.italic)
        self.muted = ParagraphStyle("muted", parent=base, textColor=muted, fontName=fonts.italic)
        self.label = ParagraphStyle(
            "label", parent=base, fontName=fonts.bold, spaceBefore=6, spaceAfter=2
        )
        self.legend = ParagraphStyle(
            "legend",
            parent=base,
            fontSize=s["small"],
            leading=s["small"] * 1.4,
            textColor=muted,
            spaceAfter=8,
        )
        self.item = ParagraphStyle(
            "item",
            parent=base,
            fontName=fonts.bold,
            textColor=heading,
            spaceBefore=8,
            spaceAfter=3,
        )
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=fonts.bold,
            fontSize=s["title"],
            leading=s["title"] * 1.2,
            textColor=heading,
            spaceAfter=4,
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=s["subtitle"],
            leading=s["subtitle"] * 1.3,
            textColor=colors.HexColor(c["accent"]),
            spaceAfter=4,
        )
        self.meta = ParagraphStyle("meta", parent=base, textColor=muted, fontSize=s["small"] + 0.5)
        self.cover_title = ParagraphStyle(
            "cover_title",
            parent=self.title,
            fontSize=s["cover_title"],
            leading=s["cover_title"] * 1.18,
            spaceAfter=10,
        )
        self.headings = {
            level: ParagraphStyle(
                f"h{level}",
                parent=base,
                fontName=fonts.bold,
                textColor=heading,
                fontSize=size,
                leading=size * 1.25,
                spaceBefore=space_before,
                spaceAfter=size * 0.45,
            )
            for level, size, space_before in (
                (1, s["heading1"], 14),
                (2, s["heading2"], 11),
                (3, s["heading3"], 8),
            )
        }
        cell = ParagraphStyle(
            "cell", parent=base, fontSize=s["table"], leading=s["table"] * 1.3, spaceAfter=1.5
        )
        self.cell = {
            a: ParagraphStyle(f"cell-{a}", parent=cell, alignment=v) for a, v in _ALIGN.items()
        }
        self.cell_bold = {
            a: ParagraphStyle(
                f"cell-bold-{a}",
                parent=cell,
                fontName=fonts.bold,
                textColor=colors.HexColor(c["table_header_text"]),
                alignment=v,
            )
            for a, v in _ALIGN.items()
        }
        self.cell_muted = ParagraphStyle(
            "cell-muted", parent=cell, textColor=muted, fontName=fonts.italic
        )
        self.toc_levels = [
            ParagraphStyle(
                "toc1",
                parent=base,
                fontName=fonts.bold,
                fontSize=s["body"] + 0.5,
                leading=(s["body"] + 0.5) * 1.5,
                spaceBefore=5,
            ),
            ParagraphStyle(
                "toc2", parent=base, leftIndent=12, leading=s["body"] * 1.35, spaceAfter=0
            ),
        ]

    def heading(self, level: int) -> ParagraphStyle:
        return self.headings[min(level, 3)]

    def paragraph(self, style: str) -> ParagraphStyle:
        found: ParagraphStyle = getattr(self, style, self.body)
        return found


class _StoryBuilder:
    """Turns blocks into reportlab flowables."""

    def __init__(self, layout: PdfLayout, fonts: FontFamily, frame_width: float) -> None:
        self.layout = layout
        self.fonts = fonts
        self.styles = _Styles(layout, fonts)
        self.width = frame_width
        c = layout.colours
        self.grid = colors.HexColor(c["table_grid"])
        self.header_fill = colors.HexColor(c["table_header_fill"])
        self.totals_fill = colors.HexColor(c["totals_fill"])
        self.credential_fill = colors.HexColor(c["credential_fill"])
        self.label_fill = colors.HexColor(c["label_fill"])
        self.rule = colors.HexColor(c["rule"])

    def text(self, text: str, style: ParagraphStyle, prefix: str = "") -> list[Flowable]:
        return text_flowables(text, style, self.fonts.regular, prefix)

    def build(self, context: ExportContext) -> list[Flowable]:
        story: list[Flowable] = []
        blocks = context.blocks
        for index, block in enumerate(blocks):
            previous = blocks[index - 1] if index else None
            if isinstance(block, Heading) and not isinstance(previous, Heading):
                # Room for this run of headings and a few lines, else start a new page.
                run = 0
                while index + run < len(blocks) and isinstance(blocks[index + run], Heading):
                    run += 1
                story.append(CondPageBreak((28 + 12 * run) * mm))
            elif isinstance(block, Paragraph) and block.style in ("label", "item"):
                story.append(CondPageBreak(22 * mm))
            story.extend(self.block(block))
        return story

    def block(self, block: Any) -> list[Flowable]:
        st = self.styles
        if isinstance(block, Heading):
            flowables = self.text(block.text, st.heading(block.level))
            first = flowables[0]
            first.mc_heading = (block.level, block.text.replace("\n", " "), block.anchor)
            result: list[Flowable] = list(flowables)
            if block.level == 1:
                result.append(
                    HRFlowable(width="100%", thickness=0.6, color=self.rule, spaceAfter=6)
                )
            return result
        if isinstance(block, Paragraph):
            return self.text(block.text, st.paragraph(block.style))
        if isinstance(block, BulletList):
            bullet = ParagraphStyle("bullet", parent=st.body, leftIndent=12, bulletIndent=2)
            return [f for item in block.items for f in self.text(item, bullet, "•&nbsp;&nbsp;")]
        if isinstance(block, FieldList):
            return [self.field_list(block)]
        if isinstance(block, Table):
            return [self.table(block)]
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        if isinstance(block, Title):
            return [
                *self.text(block.title, st.title),
                *self.text(block.subtitle, st.subtitle),
                *self.text(block.meta, st.meta),
                HRFlowable(width="100%", thickness=1, color=self.rule, spaceBefore=2, spaceAfter=8),
            ]
        if isinstance(block, Cover):
            return self.cover(block)
        if isinstance(block, TableOfContents):
            toc = RLTableOfContents(
                levelStyles=st.toc_levels,
                dotsMinLevel=0,
                tableStyle=[
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ],
            )
            return [*self.text(block.title, st.heading(1)), Spacer(1, 4), toc]
        raise ExportError(f"unknown block {type(block).__name__}")  # pragma: no cover

    def cover(self, block: Cover) -> list[Flowable]:
        st = self.styles
        facts = self.field_list(FieldList(block.facts))
        return [
            Spacer(1, 55 * mm),
            *self.text(block.subtitle, st.subtitle),
            HRFlowable(width="100%", thickness=1.5, color=self.rule, spaceBefore=2, spaceAfter=10),
            *self.text(block.title, st.cover_title),
            Spacer(1, 12 * mm),
            facts,
            RLPageBreak(),
        ]

    def field_list(self, block: FieldList) -> RLTable:
        st = self.styles
        rows = []
        texts: list[tuple[str, ...]] = []
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, self.grid),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), self.label_fill),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for index, row in enumerate(block.rows):
            prefix = f"{CREDENTIAL_MARK}&nbsp;" if row.on_credential else ""
            label = self.text(row.label, st.cell_bold["left"], prefix)
            style = st.cell_muted if row.missing else st.cell["left"]
            rows.append([label, self.text(row.value, style)])
            texts.append((row.label, row.value))
            if row.on_credential:
                commands.append(("BACKGROUND", (0, index), (0, index), self.credential_fill))
        widths = [0.32 * self.width, 0.68 * self.width]
        split = self._needs_row_split(texts, widths)
        return self._table(rows, widths, commands, repeat=0, split_in_row=split)

    def table(self, block: Table) -> RLTable:
        st = self.styles
        data: list[list[list[Flowable]]] = []
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, self.grid),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        if block.header:
            header = []
            for index, column in enumerate(block.columns):
                prefix = f"{CREDENTIAL_MARK}&nbsp;" if block.on_credential(index) else ""
                header.append(self.text(column, st.cell_bold[block.alignment(index)], prefix))
            data.append(header)
            commands.append(("BACKGROUND", (0, 0), (-1, 0), self.header_fill))
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, self.grid))
        for row in block.rows:
            data.append(
                [self.text(cell, st.cell[block.alignment(i)]) for i, cell in enumerate(row)]
            )
        if block.totals_row is not None:
            data.append(
                [
                    self.text(cell, st.cell_bold[block.alignment(i)])
                    for i, cell in enumerate(block.totals_row)
                ]
            )
            commands.append(("BACKGROUND", (0, -1), (-1, -1), self.totals_fill))
            commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, self.grid))
        widths = [w * self.width for w in block.widths]
        split = self._needs_row_split(list(block.rows), widths)
        repeat = 1 if block.header else 0
        return self._table(data, widths, commands, repeat=repeat, split_in_row=split)

    def _needs_row_split(self, rows: list[tuple[str, ...]], widths: list[float]) -> bool:
        """Whether a row may be taller than half a page (then rows split across pages).

        Rows that are not split move whole to the next page, which reads better; only
        rows with a lot of text are allowed to break inside.
        """
        size = self.layout.sizes["table"]
        limit = 0.5 * (A4[1] - (self.layout.margins[0] + self.layout.margins[2]) * mm)
        for row in rows:
            for text, width in zip(row, widths, strict=False):
                per_line = max((width - 8) / (0.55 * size), 1)
                lines = sum(len(part) / per_line + 1 for part in text.split("\n"))
                if lines * size * 1.3 > limit:
                    return True
        return False

    @staticmethod
    def _table(
        data: list[Any],
        widths: list[float],
        commands: list[tuple[Any, ...]],
        repeat: int,
        split_in_row: bool,
    ) -> RLTable:
        table = RLTable(
            data,
            colWidths=widths,
            repeatRows=repeat,
            splitInRow=1 if split_in_row else 0,
            style=commands,
            hAlign="LEFT",
            spaceBefore=2,
            spaceAfter=8,
        )
        return table


def render_pdf(
    context: ExportContext,
    out: Path,
    layout: PdfLayout | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``context`` as a PDF file at ``out`` (the caller makes the write atomic)."""
    layout = layout or load_layout()
    fonts = register_fonts(layout.fonts)
    total = _PageTotal()
    doc = _Document(str(out), context, layout, fonts, total)
    total.doc = doc
    story: list[Flowable] = [total, *_StoryBuilder(layout, fonts, doc.width).build(context)]
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
