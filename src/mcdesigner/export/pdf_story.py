"""The PDF's content: each export block becomes reportlab flowables.

:class:`StoryBuilder` turns headings (with their bookmark anchors), paragraphs, lists,
field lists, tables, the title block, the cover and the table of contents into
flowables, keeps headings with the text that follows them, and lets only very tall table
rows split across pages.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Table as RLTable
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
    RunningHeader,
    Table,
    TableOfContents,
    Title,
)
from mcdesigner.export.errors import ExportError
from mcdesigner.export.pdf_layout import PdfLayout
from mcdesigner.export.pdf_page import HeaderMark
from mcdesigner.export.pdf_styles import PdfStyles
from mcdesigner.export.pdf_text import FontFamily, markup, text_flowables


class StoryBuilder:
    """Turns blocks into reportlab flowables."""

    def __init__(self, layout: PdfLayout, fonts: FontFamily, frame_width: float) -> None:
        self.layout = layout
        self.fonts = fonts
        self.styles = PdfStyles(layout, fonts)
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
        if isinstance(block, RunningHeader):
            return [RLPageBreak(), HeaderMark(block.title, block.status)]
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
            # The first pass lays the contents out with their real lines (page numbers
            # unknown yet), so a long table of contents does not shift every page after it
            # between passes and cost a pass more.
            for entry in block.entries:
                toc.addEntry(
                    entry.level - 1, markup(entry.text.replace("\n", " ")), 0, entry.anchor
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
