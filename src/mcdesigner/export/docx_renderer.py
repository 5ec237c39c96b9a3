"""Draw an :class:`ExportContext` as a Word document with python-docx.

The document starts from ``templates/base.docx`` (styles, A4 page, header with logo and
placeholders, "Page x of y" footer with PAGE/NUMPAGES fields), so restyling the template
restyles every export. Headings use Word's own Heading 1-3 styles (navigation pane,
accessibility, table of contents); tables use the template's "MC Table" style, fixed
column widths (grid columns and cell widths, which LibreOffice also honours) and a
header row repeated on every page. Right-to-left paragraphs are marked as such and their
runs carry the complex-script font, so Word shapes Arabic itself. A document of several
parts (the committee pack) starts each part in a new Word section whose header, copied
from the template's, names the part.

Import this module only when rendering a Word file: it loads python-docx.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

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
from mcdesigner.export.docx_headers import (
    fill_placeholders,
    placeholder_values,
    start_part,
    template_header,
)
from mcdesigner.export.docx_properties import update_fields_on_open, write_properties
from mcdesigner.export.docx_tables import repeat_header, set_widths, shade
from mcdesigner.export.errors import ExportError
from mcdesigner.export.formatting import has_rtl, safe_text
from mcdesigner.i18n import tr
from mcdesigner.paths import templates_dir

TEMPLATE_FILE = "base.docx"
Progress = Callable[[int, str], None]

_PARAGRAPH_STYLES = {
    "body": "Normal",
    "lead": "MC Lead",
    "note": "MC Note",
    "muted": "MC Muted",
    "label": "MC Label",
    "legend": "MC Legend",
    "item": "MC Item",
}
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}
#: Height of the institution's logo in the page header.
LOGO_HEIGHT_CM = 0.8
_DEFAULT_FILLS = {"header": "DCE6F1", "totals": "F2F2F2", "credential": "FFF2CC", "label": "F7F9FC"}
_PPR_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_RPR_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def open_template(path: Path | None = None) -> Any:
    """The Word template with its sample body removed (header, footer, styles kept)."""
    file = path or templates_dir() / TEMPLATE_FILE
    try:
        document = Document(str(file))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ExportError(
            tr("The Word template {file} is missing or damaged ({error}).").format(
                file=file, error=error
            )
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _fills(document: Any) -> dict[str, str]:
    """Shading colours taken from the template's styles, so restyling carries over."""
    fills = dict(_DEFAULT_FILLS)
    styles = document.styles.element
    for kind, key in (("firstRow", "header"), ("lastRow", "totals"), ("firstCol", "label")):
        found = styles.xpath(
            f'w:style[w:name/@w:val="MC Table"]/w:tblStylePr[@w:type="{kind}"]/w:tcPr/w:shd/@w:fill'
        )
        if found:
            fills[key] = str(found[0])
    found = styles.xpath('w:style[w:name/@w:val="MC Credential Label"]/w:pPr/w:shd/@w:fill')
    if found:
        fills["credential"] = str(found[0])
    return fills


class _Writer:
    """Appends blocks to a python-docx document."""

    def __init__(self, document: Any, context: ExportContext) -> None:
        self.doc = document
        self.context = context
        self.fills = _fills(document)
        section = document.sections[0]
        self.text_width = int(section.page_width - section.left_margin - section.right_margin)
        self.has_contents = False
        self.complex_font = self._complex_font()
        self._bookmark_id = 0
        self.bookmarks: dict[str, str] = {}
        style_names = {s.name for s in document.styles}
        self._styles = style_names
        self._style_ids: dict[str, str] = {}
        # The body's last child; new sections keep it last (it becomes the last section's).
        self._body_end = document.element.body.get_or_add_sectPr()
        self._template_header = template_header(document)
        self._parts = 0

    def _complex_font(self) -> str:
        found = self.doc.styles.element.xpath(
            'w:style[w:name/@w:val="Normal"]/w:rPr/w:rFonts/@w:cs'
        )
        return str(found[0]) if found else "Arial"

    def style(self, name: str, fallback: str = "Normal") -> str:
        return name if name in self._styles else fallback

    def paragraph(self, container: Any, style: str) -> Any:
        """A new paragraph in ``container`` with paragraph style ``style`` (by name)."""
        paragraph = self.body_paragraph() if container is self.doc else container.add_paragraph()
        self.set_style(paragraph, style)
        return paragraph

    def set_style(self, paragraph: Any, style: str) -> None:
        # Looking styles up by name through python-docx scans every style each time;
        # resolve each name to its id once and set the id directly.
        if style not in self._style_ids:
            name = self.style(style)
            self._style_ids[style] = self.doc.styles[name].style_id
        paragraph._p.style = self._style_ids[style]

    def body_paragraph(self) -> Any:
        """A new paragraph at the end of the document body.

        Placed right before the body's closing section properties, which python-docx
        would look for among all the body's children for every paragraph and table; a
        long document (the committee pack) would spend most of its time on that search.
        """
        element = OxmlElement("w:p")
        self._body_end.addprevious(element)
        return DocxParagraph(element, self.doc._body)

    def body_table(self, columns: int) -> Any:
        """A new table with ``columns`` columns and no rows at the end of the document body."""
        element = CT_Tbl.new_tbl(0, columns, Emu(self.text_width))
        self._body_end.addprevious(element)
        return DocxTable(element, self.doc._body)

    def _table_style_id(self) -> str:
        if "MC Table" not in self._style_ids:
            self._style_ids["MC Table"] = self.doc.styles["MC Table"].style_id
        return self._style_ids["MC Table"]

    # -- text -----------------------------------------------------------------
    def add_text(self, container: Any, text: str, style: str, prefix: str = "") -> Any:
        """Paragraph(s) for ``text`` in ``container`` (document or cell); returns the first."""
        lines = safe_text(text).split("\n") or [""]
        first = None
        for index, line in enumerate(lines):
            paragraph = self.paragraph(container, style)
            if index == 0 and prefix:
                paragraph.add_run(prefix)
            self.add_run(paragraph, line)
            first = first or paragraph
        return first

    def add_run(self, paragraph: Any, text: str) -> Any:
        run = paragraph.add_run(text)
        if has_rtl(text):
            self._mark_rtl(paragraph, run, text)
        return run

    def _mark_rtl(self, paragraph: Any, run: Any, text: str, whole_paragraph: bool = True) -> None:
        from bidi import get_base_level

        r_pr = run._r.get_or_add_rPr()
        r_pr.get_or_add_rFonts().set(qn("w:cs"), self.complex_font)
        if r_pr.find(qn("w:rtl")) is None:
            r_pr.insert_element_before(OxmlElement("w:rtl"), *_RPR_AFTER_RTL)
        if whole_paragraph and get_base_level(text) == 1:
            p_pr = paragraph._p.get_or_add_pPr()
            if p_pr.find(qn("w:bidi")) is None:
                p_pr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)

    def cell_text(
        self, cell: Any, text: str, style: str, align: str = "left", prefix: str = ""
    ) -> None:
        lines = safe_text(text).split("\n")
        first = cell.paragraphs[0]
        self.set_style(first, style)
        if align != "left":
            first.alignment = _ALIGN.get(align)
        if prefix:
            first.add_run(prefix)
        self.add_run(first, lines[0])
        for line in lines[1:]:
            paragraph = self.paragraph(cell, style)
            if align != "left":
                paragraph.alignment = _ALIGN.get(align)
            self.add_run(paragraph, line)

    # -- blocks ---------------------------------------------------------------
    def block(self, block: Any) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.add_text(self.doc, block.text, _PARAGRAPH_STYLES.get(block.style, "Normal"))
        elif isinstance(block, BulletList):
            for item in block.items:
                self.add_text(self.doc, item, "List Bullet")
        elif isinstance(block, FieldList):
            self.field_list(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, PageBreak):
            self.body_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Title):
            self.add_text(self.doc, block.title, "Title")
            self.add_text(self.doc, block.subtitle, "Subtitle")
            self.add_text(self.doc, block.meta, "MC Meta")
        elif isinstance(block, Cover):
            self.add_text(self.doc, block.subtitle, "MC Cover Subtitle")
            self.add_text(self.doc, block.title, "MC Cover Title")
            self.field_list(FieldList(block.facts))
            self.body_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, TableOfContents):
            self.contents(block)
        elif isinstance(block, RunningHeader):
            self.running_header(block)
        else:  # pragma: no cover - every block type is handled above
            raise ExportError(f"unknown block {type(block).__name__}")

    def heading(self, block: Heading) -> None:
        level = min(block.level, 3)
        paragraph = self.add_text(self.doc, block.text.replace("\n", " "), f"Heading {level}")
        name = self.bookmark_name(block.anchor)
        self._bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark_id))
        p_pr = paragraph._p.pPr
        if p_pr is not None:
            p_pr.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(end)

    def bookmark_name(self, anchor: str) -> str:
        """Word bookmark names are short identifiers; hidden ones start with ``_``."""
        if anchor not in self.bookmarks:
            self.bookmarks[anchor] = f"_Toc_mc{len(self.bookmarks) + 1:05d}"
        return self.bookmarks[anchor]

    def contents(self, block: TableOfContents) -> None:
        """A Word TOC field whose stored result lists the headings as links.

        The document asks Word to update its fields when it is opened, so Word shows the
        list with its page numbers at once; other programs show the stored links.
        """
        self.add_text(self.doc, block.title, "MC Contents Title")
        entries = list(block.entries)
        if not entries:
            return
        self.has_contents = True
        paragraphs = []
        for entry in entries:
            paragraph = self.paragraph(self.doc, f"TOC {min(entry.level, 2)}")
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), self.bookmark_name(entry.anchor))
            link.set(qn("w:history"), "1")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.set(qn("xml:space"), "preserve")
            text.text = safe_text(entry.text)
            run.append(text)
            link.append(run)
            paragraph._p.append(link)
            paragraphs.append(paragraph)
        first, last = paragraphs[0]._p, paragraphs[-1]._p
        begin = _field_run("begin")
        instruction = OxmlElement("w:r")
        instr_text = OxmlElement("w:instrText")
        instr_text.set(qn("xml:space"), "preserve")
        instr_text.text = f' TOC \\o "1-{block.depth}" \\h \\z \\u '
        instruction.append(instr_text)
        p_pr = first.pPr
        anchor = p_pr if p_pr is not None else None
        for element in (begin, instruction, _field_run("separate")):
            if anchor is not None:
                anchor.addnext(element)
            else:
                first.insert(0, element)
            anchor = element
        last.append(_field_run("end"))

    def field_list(self, block: FieldList) -> None:
        table = self.body_table(2)
        self._style_table(table, header=False)
        widths = [int(self.text_width * 0.32), self.text_width - int(self.text_width * 0.32)]
        for row in block.rows:
            cells = table.add_row().cells
            prefix = f"{CREDENTIAL_MARK} " if row.on_credential else ""
            self.cell_text(cells[0], row.label, "MC Table Header", prefix=prefix)
            shade(cells[0], self.fills["credential"] if row.on_credential else self.fills["label"])
            self.cell_text(
                cells[1], row.value, "MC Table Muted" if row.missing else "MC Table Text"
            )
        set_widths(table, widths)
        self.paragraph(self.doc, "MC Table Text")

    def table(self, block: Table) -> None:
        columns = len(block.columns)
        table = self.body_table(columns)
        self._style_table(table, header=block.header)
        if block.header:
            row = table.add_row()
            repeat_header(row)
            for index, (cell, text) in enumerate(zip(row.cells, block.columns, strict=True)):
                prefix = f"{CREDENTIAL_MARK} " if block.on_credential(index) else ""
                self.cell_text(cell, text, "MC Table Header", block.alignment(index), prefix)
                shade(cell, self.fills["header"])
        for values in block.rows:
            cells = table.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
                self.cell_text(cell, text, "MC Table Text", block.alignment(index))
        if block.totals_row is not None:
            cells = table.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, block.totals_row, strict=True)):
                self.cell_text(cell, text, "MC Table Header", block.alignment(index))
                shade(cell, self.fills["totals"])
        widths = [int(self.text_width * w) for w in block.widths]
        set_widths(table, widths)
        self.paragraph(self.doc, "MC Table Text")

    def _style_table(self, table: Any, header: bool) -> None:
        if "MC Table" in self._styles:
            # Set by id: python-docx compares every style with the default on each set.
            table._tbl.tblPr.style = self._table_style_id()
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        if look is None:
            look = OxmlElement("w:tblLook")
            table._tbl.tblPr.append(look)
        look.set(qn("w:firstRow"), "1" if header else "0")
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:lastRow"), "0")
        look.set(qn("w:noVBand"), "1")
        look.set(qn("w:noHBand"), "1")
        look.set(qn("w:val"), "0420" if header else "0600")

    # -- header and footer --------------------------------------------------------
    def running_header(self, block: RunningHeader) -> None:
        """A new section, on a new page, with a header of its own naming the part."""
        self._parts += 1
        values = self._values(block.title, block.status or self.context.status)
        start_part(self.doc, self._template_header, self._parts, values, self)

    def fill_placeholders(self) -> None:
        fill_placeholders(
            self.doc, self._values(self.context.proposal_title, self.context.status), self
        )

    def _values(self, title: str, status: str) -> dict[str, str]:
        return placeholder_values(
            title, status, self.context.document_title, self.context.generated
        )

    def place_logo(self, run: Any) -> None:
        """The institution's logo where the template says ``{logo}`` (nothing without one)."""
        run.text = ""
        logo = self.context.letterhead.logo
        if logo is not None:
            run.add_picture(str(logo), height=Cm(LOGO_HEIGHT_CM))

    def mark_rtl(self, paragraph: Any, run: Any, text: str) -> None:
        """Mark a run of header or footer text as right to left."""
        self._mark_rtl(paragraph, run, text, whole_paragraph=False)


def _field_run(kind: str) -> Any:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def render_docx(
    context: ExportContext,
    out: Path,
    template: Path | None = None,
    progress: Progress | None = None,
) -> None:
    """Write ``context`` as a Word file at ``out`` (the caller makes the write atomic)."""
    document = open_template(template)
    writer = _Writer(document, context)
    total = max(len(context.blocks), 1)
    for index, block in enumerate(context.blocks):
        writer.block(block)
        if progress is not None and index % 25 == 0:
            progress(30 + int(55 * index / total), tr("Writing the Word document"))
    writer.fill_placeholders()
    if writer.has_contents:
        update_fields_on_open(document)
    write_properties(document, context)
    # In memory: on a full disk python-docx's open archive would print a traceback later.
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(buffer.getbuffer())
