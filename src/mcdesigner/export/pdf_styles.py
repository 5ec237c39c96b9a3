"""The PDF's paragraph styles, built once from the layout settings.

:class:`PdfStyles` holds one reportlab ``ParagraphStyle`` per kind of text: running text
and its variants (lead, note, label, legend, item), titles and the cover, the three
heading levels, table cells by alignment and the contents levels. Sizes and colours come
from ``templates/pdf_layout.toml``; fonts from the embedded font family.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from mcdesigner.export.pdf_layout import PdfLayout
from mcdesigner.export.pdf_text import FontFamily

ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


@dataclass(frozen=True, slots=True)
class _Inputs:
    """What every style is made from: sizes, fonts and the text colours."""

    sizes: dict[str, float]
    fonts: FontFamily
    text: colors.Color
    muted: colors.Color
    heading: colors.Color


class PdfStyles:
    """Paragraph styles built from the layout settings."""

    def __init__(self, layout: PdfLayout, fonts: FontFamily) -> None:
        c = layout.colours
        text, muted, heading = (colors.HexColor(c[k]) for k in ("text", "muted", "heading"))
        self.layout = layout
        inputs = _Inputs(layout.sizes, fonts, text, muted, heading)
        self.body = _body_style(inputs)
        self._add_text_styles(inputs)
        self._add_title_styles(inputs, colors.HexColor(c["accent"]))
        self.headings = _heading_styles(self.body, inputs)
        self._add_cell_styles(inputs, colors.HexColor(c["table_header_text"]))
        self.toc_levels = _contents_styles(self.body, inputs)

    def _add_text_styles(self, inputs: _Inputs) -> None:
        """Running text that is not plain body text: lead, note, label, legend, item."""
        s, fonts, base = inputs.sizes, inputs.fonts, self.body
        self.lead = ParagraphStyle(
            "lead", parent=base, fontSize=s["body"] + 1, leading=(s["body"] + 1) * 1.4
        )
        self.note = ParagraphStyle(
            "note", parent=base, textColor=inputs.muted, fontName=fonts.italic
        )
        self.muted = ParagraphStyle(
            "muted", parent=base, textColor=inputs.muted, fontName=fonts.italic
        )
        self.label = ParagraphStyle(
            "label", parent=base, fontName=fonts.bold, spaceBefore=6, spaceAfter=2
        )
        self.legend = ParagraphStyle(
            "legend",
            parent=base,
            fontSize=s["small"],
            leading=s["small"] * 1.4,
            textColor=inputs.muted,
            spaceAfter=8,
        )
        self.item = ParagraphStyle(
            "item",
            parent=base,
            fontName=fonts.bold,
            textColor=inputs.heading,
            spaceBefore=8,
            spaceAfter=3,
        )

    def _add_title_styles(self, inputs: _Inputs, accent: colors.Color) -> None:
        """The document title block and the cover: title, subtitle, meta line."""
        s, base = inputs.sizes, self.body
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontName=inputs.fonts.bold,
            fontSize=s["title"],
            leading=s["title"] * 1.2,
            textColor=inputs.heading,
            spaceAfter=4,
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=s["subtitle"],
            leading=s["subtitle"] * 1.3,
            textColor=accent,
            spaceAfter=4,
        )
        self.meta = ParagraphStyle(
            "meta", parent=base, textColor=inputs.muted, fontSize=s["small"] + 0.5
        )
        self.cover_title = ParagraphStyle(
            "cover_title",
            parent=self.title,
            fontSize=s["cover_title"],
            leading=s["cover_title"] * 1.18,
            spaceAfter=10,
        )

    def _add_cell_styles(self, inputs: _Inputs, header_text: colors.Color) -> None:
        """Table cells by alignment: plain, bold (headers, totals, labels) and muted."""
        s, fonts = inputs.sizes, inputs.fonts
        cell = ParagraphStyle(
            "cell", parent=self.body, fontSize=s["table"], leading=s["table"] * 1.3, spaceAfter=1.5
        )
        self.cell = {
            a: ParagraphStyle(f"cell-{a}", parent=cell, alignment=v) for a, v in ALIGN.items()
        }
        self.cell_bold = {
            a: ParagraphStyle(
                f"cell-bold-{a}",
                parent=cell,
                fontName=fonts.bold,
                textColor=header_text,
                alignment=v,
            )
            for a, v in ALIGN.items()
        }
        self.cell_muted = ParagraphStyle(
            "cell-muted", parent=cell, textColor=inputs.muted, fontName=fonts.italic
        )

    def heading(self, level: int) -> ParagraphStyle:
        return self.headings[min(level, 3)]

    def paragraph(self, style: str) -> ParagraphStyle:
        found: ParagraphStyle = getattr(self, style, self.body)
        return found


def _body_style(inputs: _Inputs) -> ParagraphStyle:
    """Running text, the parent of every other style."""
    size = inputs.sizes["body"]
    return ParagraphStyle(
        "body",
        fontName=inputs.fonts.regular,
        fontSize=size,
        leading=size * 1.38,
        textColor=inputs.text,
        spaceAfter=4,
    )


def _heading_styles(base: ParagraphStyle, inputs: _Inputs) -> dict[int, ParagraphStyle]:
    """Headings of levels 1 to 3 (deeper levels use level 3)."""
    s = inputs.sizes
    return {
        level: ParagraphStyle(
            f"h{level}",
            parent=base,
            fontName=inputs.fonts.bold,
            textColor=inputs.heading,
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


def _contents_styles(base: ParagraphStyle, inputs: _Inputs) -> list[ParagraphStyle]:
    """The table of contents: sections in bold, their subsections indented."""
    size = inputs.sizes["body"]
    return [
        ParagraphStyle(
            "toc1",
            parent=base,
            fontName=inputs.fonts.bold,
            fontSize=size + 0.5,
            leading=(size + 0.5) * 1.5,
            spaceBefore=5,
        ),
        ParagraphStyle("toc2", parent=base, leftIndent=12, leading=size * 1.35, spaceAfter=0),
    ]
