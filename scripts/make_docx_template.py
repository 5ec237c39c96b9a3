"""Generate ``templates/base.docx``, the Word template every exported document starts from.

The template carries the styles (fonts, heading colours, the "MC Table" table style,
paragraph styles prefixed "MC"), A4 page set-up, and the header and footer with the
placeholders ``{logo}`` (the institution profile's logo; nothing without a profile),
``{title}``, ``{status}``, ``{document}`` and ``{date}``. An institution can open the
generated file in Word, restyle it and hand it out in its profile
(``[documents] word_template``); exports pick the changes up.

Run: ``python scripts/make_docx_template.py`` (writes templates/base.docx).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

ROOT = Path(__file__).resolve().parent.parent
BODY_FONT = "Calibri"
COMPLEX_FONT = "Arial"  # Arabic, Hebrew... (complex scripts); Word shapes them itself
TEXT = RGBColor(0x1F, 0x23, 0x28)
MUTED = RGBColor(0x6A, 0x73, 0x7D)
HEADING = RGBColor(0x1F, 0x4E, 0x79)
ACCENT = RGBColor(0x2E, 0x75, 0xB6)
HEADER_FILL = "DCE6F1"
TOTALS_FILL = "F2F2F2"
CREDENTIAL_FILL = "FFF2CC"
LABEL_FILL = "F7F9FC"
GRID = "A6A6A6"


def _fonts(element: object, name: str) -> None:
    """Set every script slot of an rPr to ``name`` (complex scripts to the CS font)."""
    r_pr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.get_or_add_rFonts()
    # Theme fonts take precedence over named fonts in Word: drop them so ours apply.
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)
    fonts.set(qn("w:cs"), COMPLEX_FONT)


def _shading(p_pr: object, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    p_pr.insert_element_before(  # type: ignore[attr-defined]
        shd,
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:bidi",
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:outlineLvl",
        "w:rPr",
    )


def _paragraph_style(
    doc: object,
    name: str,
    *,
    base: str = "Normal",
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: RGBColor | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool = False,
    fill: str | None = None,
) -> ParagraphStyle:
    styles = doc.styles  # type: ignore[attr-defined]
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles[base] if name != base else None
    style.quick_style = True
    font = style.font
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if colour is not None:
        font.color.rgb = colour
    fmt = style.paragraph_format
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_next:
        fmt.keep_with_next = True
    if fill is not None:
        _shading(style.element.get_or_add_pPr(), fill)
    return style  # type: ignore[no-any-return]


def _border(parent: object, tag: str, colour: str, size: int = 4) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "single")
    element.set(qn("w:sz"), str(size))
    element.set(qn("w:space"), "0")
    element.set(qn("w:color"), colour)
    parent.append(element)  # type: ignore[attr-defined]


def _table_style(doc: object) -> None:
    """The "MC Table" style: grid borders, cell margins, bold shaded header and totals rows."""
    style = doc.styles.add_style("MC Table", WD_STYLE_TYPE.TABLE)  # type: ignore[attr-defined]
    style.base_style = doc.styles["Table Grid"]  # type: ignore[attr-defined]
    style.font.size = Pt(9)
    element = style.element
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _border(borders, f"w:{side}", GRID)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("top", 40), ("left", 80), ("bottom", 40), ("right", 80)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(width))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)
    element.append(tbl_pr)
    for kind, fill in (
        ("firstRow", HEADER_FILL),
        ("lastRow", TOTALS_FILL),
        ("firstCol", LABEL_FILL),
    ):
        conditional = OxmlElement("w:tblStylePr")
        conditional.set(qn("w:type"), kind)
        r_pr = OxmlElement("w:rPr")
        r_pr.append(OxmlElement("w:b"))
        conditional.append(r_pr)
        tc_pr = OxmlElement("w:tcPr")
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tc_pr.append(shd)
        conditional.append(tc_pr)
        element.append(conditional)


def _field(paragraph: object, instruction: str, cached: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # type: ignore[attr-defined]


def _complex_script_twins(doc: object) -> None:
    """Give every style's size, bold and italic to complex scripts too (szCs, bCs, iCs).

    Word sizes and emphasises Arabic or Hebrew text with these separate properties; without
    them a right-to-left heading would print at body size.
    """
    for r_pr in doc.styles.element.iter(qn("w:rPr")):  # type: ignore[attr-defined]
        for plain, twin in (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs")):
            source = r_pr.find(qn(plain))
            if source is None:
                continue
            old = r_pr.find(qn(twin))
            if old is not None:
                r_pr.remove(old)
            copy = OxmlElement(twin)
            for key, value in source.attrib.items():
                copy.set(key, value)
            source.addnext(copy)


def build() -> object:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.2)
    section.left_margin = section.right_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    text_width = section.page_width - section.left_margin - section.right_margin

    normal = _paragraph_style(doc, "Normal", size=10, colour=TEXT, after=4)
    normal.paragraph_format.line_spacing = 1.1
    _fonts(normal.element, BODY_FONT)
    for level, size, before in ((1, 16, 16), (2, 13, 12), (3, 11, 9)):
        style = _paragraph_style(
            doc,
            f"Heading {level}",
            size=size,
            bold=True,
            colour=HEADING,
            before=before,
            after=4,
            keep_next=True,
        )
        style.font.italic = False
        _fonts(style.element, BODY_FONT)
    title = _paragraph_style(doc, "Title", size=24, bold=True, colour=HEADING, after=2)
    _fonts(title.element, BODY_FONT)
    subtitle = _paragraph_style(doc, "Subtitle", size=13, italic=False, colour=ACCENT, after=4)
    _fonts(subtitle.element, BODY_FONT)
    _paragraph_style(doc, "MC Meta", size=9, colour=MUTED, after=10)
    _paragraph_style(doc, "MC Lead", size=11)
    _paragraph_style(doc, "MC Note", italic=True, colour=MUTED)
    _paragraph_style(doc, "MC Muted", italic=True, colour=MUTED)
    _paragraph_style(doc, "MC Legend", size=8.5, colour=MUTED, after=8)
    _paragraph_style(doc, "MC Label", bold=True, before=6, after=2, keep_next=True)
    _paragraph_style(doc, "MC Item", bold=True, colour=HEADING, before=8, after=3, keep_next=True)
    _paragraph_style(doc, "MC Table Text", size=9, after=1)
    _paragraph_style(doc, "MC Table Header", base="MC Table Text", bold=True)
    _paragraph_style(doc, "MC Table Muted", base="MC Table Text", italic=True, colour=MUTED)
    _paragraph_style(doc, "MC Credential Label", base="MC Table Header", fill=CREDENTIAL_FILL)
    _paragraph_style(doc, "MC Cover Title", base="Title", size=30, after=12)
    _paragraph_style(doc, "MC Cover Subtitle", base="Subtitle", size=14, before=160)
    _paragraph_style(doc, "MC Contents Title", base="Heading 1", keep_next=True)
    _paragraph_style(doc, "TOC 1", bold=True, before=6, after=2)
    toc2 = _paragraph_style(doc, "TOC 2", after=1)
    toc2.paragraph_format.left_indent = Cm(0.6)
    _paragraph_style(doc, "MC Header", size=8, colour=MUTED, after=0)
    _paragraph_style(doc, "MC Footer", size=8, colour=MUTED, after=0)
    _table_style(doc)
    _complex_script_twins(doc)

    header = section.header.paragraphs[0]
    header.style = doc.styles["MC Header"]
    header.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run("{logo}")  # the institution profile's logo, or nothing
    header.add_run("  ")
    header.add_run("{title}")
    header.add_run("\t")
    header.add_run("{document}")
    header.add_run(" · ")
    header.add_run("{status}")

    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["MC Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("{date}")
    footer.add_run("\t")
    footer.add_run("Page")
    footer.add_run(" ")
    _field(footer, " PAGE ", "1")
    footer.add_run(" ")
    footer.add_run("of")
    footer.add_run(" ")
    _field(footer, " NUMPAGES ", "1")

    # A short sample so people restyling the template see every style; exports remove it.
    doc.add_paragraph("Sample proposal title", style="Title")
    doc.add_paragraph("Micro-credential proposal", style="Subtitle")
    doc.add_paragraph("Status: Draft · Exported on 10 May 2026", style="MC Meta")
    doc.add_paragraph("Heading 1: a section", style="Heading 1")
    doc.add_paragraph("Heading 2: a group of fields", style="Heading 2")
    doc.add_paragraph("Body text of a narrative answer.", style="Normal")
    doc.add_paragraph(
        "◆ marks information that goes onto the digital credential.", style="MC Legend"
    )
    table = doc.add_table(rows=3, cols=2)
    table.style = doc.styles["MC Table"]
    for row, (label, value) in enumerate(
        (("Column", "Header"), ("Label", "Value"), ("Total", "0"))
    ):
        table.cell(row, 0).paragraphs[0].text = label
        table.cell(row, 1).paragraphs[0].text = value
    doc.core_properties.title = "MC Designer document template"
    doc.core_properties.author = ""
    return doc


def main() -> int:
    target = ROOT / "templates" / "base.docx"
    document = build()
    document.save(str(target))  # type: ignore[attr-defined]
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
