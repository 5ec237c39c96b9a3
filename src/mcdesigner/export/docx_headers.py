"""The Word document's headers and footers: placeholders filled in, and one header per part.

The template's header and footer hold placeholders (``{logo}``: the institution profile's
logo or nothing, ``{title}``, ``{status}``, ``{document}``, ``{date}``) and the words
"Page" and "of" around the PAGE and NUMPAGES fields; they are filled in the document's
language. A document of several parts (the committee pack) starts each part in a new
section whose header is a copy of the template's naming the part; footers stay shared, so
"Page x of y" counts the whole document.

Import this module only when rendering a Word file: it loads python-docx.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any, Protocol

from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from mcdesigner.export.formatting import has_rtl
from mcdesigner.i18n import tr

#: The run of the template's header that the institution's logo replaces.
LOGO_PLACEHOLDER = "{logo}"


class RtlMarker(Protocol):
    """Marks a run of text as right to left and places the logo (the Word writer does)."""

    def mark_rtl(self, paragraph: Any, run: Any, text: str) -> None: ...

    def place_logo(self, run: Any) -> None: ...


def placeholder_values(title: str, status: str, document: str, date: str) -> dict[str, str]:
    """What each placeholder of the template's header and footer stands for."""
    return {"{title}": title, "{status}": status, "{document}": document, "{date}": date}


def fill_placeholders(document: Any, values: dict[str, str], marker: RtlMarker) -> None:
    """Fill the placeholders of every header and footer a section defines itself.

    A linked one shows a previous section's, which is filled there (reading it through
    the later section would search the whole document for every one).
    """
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            if not part.is_linked_to_previous:
                fill_part(part, values, marker)


def template_header(document: Any) -> Any:
    """The header part of the template's (first) section; read it before any part starts."""
    return document.sections[0].header.part


def start_part(
    document: Any, template: Any, number: int, values: dict[str, str], marker: RtlMarker
) -> None:
    """A new section on a new page whose header is a copy of ``template`` (a header part,
    see :func:`template_header`) filled with ``values``; ``number`` counts the parts."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    header = section.header
    header.is_linked_to_previous = False
    copy_header(template, header, number)
    fill_part(header, values, marker)


def fill_part(part: Any, values: dict[str, str], marker: RtlMarker) -> None:
    """Replace the placeholders of one header or footer (and translate "Page" and "of")."""
    words = {"Page": tr("Page"), "of": tr("of")}
    for paragraph in _all_paragraphs(part):
        for run in paragraph.runs:
            if run.text == LOGO_PLACEHOLDER:
                marker.place_logo(run)
                continue
            text = run.text
            for key, value in values.items():
                text = text.replace(key, value)
            if text.strip() in words:
                text = text.replace(text.strip(), words[text.strip()])
            if text != run.text:
                run.text = text
                if has_rtl(text):
                    marker.mark_rtl(paragraph, run, text)


def copy_header(source: Any, target: Any, number: int) -> None:
    """Make the header ``target`` a copy of the header part ``source`` (its images related
    to its own part); ``number`` keeps the copied drawings' ids apart from other headers'.
    """
    element = target._element
    for child in list(element):
        element.remove(child)
    for child in source.element:
        copied = deepcopy(child)
        for blip in copied.iter(qn("a:blip")):
            old = blip.get(qn("r:embed"))
            if old:
                image = source.related_parts[old]
                blip.set(qn("r:embed"), target.part.relate_to(image, RELATIONSHIP_TYPE.IMAGE))
        for index, drawing in enumerate(copied.iter(qn("wp:docPr"))):
            drawing.set("id", str(1000 * number + index))
        element.append(copied)


def _all_paragraphs(part: Any) -> list[Any]:
    paragraphs = list(part.paragraphs)
    for table in part.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return paragraphs
