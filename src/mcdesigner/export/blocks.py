"""The renderer-neutral document tree that both the Word and the PDF renderer draw.

An :class:`ExportContext` holds a flat sequence of blocks whose text is final: dates,
amounts, vocabulary labels and placeholders for empty values are already formatted, so
the two renderers only decide *how* things look, never *what* they say. That is why a
Word file and a PDF of the same proposal always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: Marks a field whose value is copied onto the digital credential.
CREDENTIAL_MARK = "◆"

ParagraphStyle = Literal["body", "lead", "note", "muted", "label", "legend", "item"]
Align = Literal["left", "right", "center"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered or plain heading; ``level`` 1 is a chapter. ``anchor`` is unique per document."""

    level: int
    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; line breaks in ``text`` start new paragraphs."""

    text: str
    style: ParagraphStyle = "body"


@dataclass(frozen=True, slots=True)
class BulletList:
    """A plain bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One labelled value of a form; ``missing`` when the value is a placeholder."""

    label: str
    value: str
    on_credential: bool = False
    missing: bool = False


@dataclass(frozen=True, slots=True)
class FieldList:
    """Label/value pairs laid out as a two-column table."""

    rows: tuple[FieldRow, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A data table. ``widths`` are fractions of the text width and add up to 1.

    ``credential_columns`` flags columns whose values go onto the credential; ``align``
    gives each column's alignment (numbers are right-aligned).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    header: bool = True
    totals_row: tuple[str, ...] | None = None
    align: tuple[Align, ...] = ()
    credential_columns: tuple[bool, ...] = ()

    def alignment(self, column: int) -> Align:
        """Alignment of ``column`` (left unless set)."""
        return self.align[column] if column < len(self.align) else "left"

    def on_credential(self, column: int) -> bool:
        """Whether ``column`` holds values that go onto the credential."""
        return column < len(self.credential_columns) and self.credential_columns[column]


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of a table of contents, pointing at a heading's anchor."""

    level: int
    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class TableOfContents:
    """A table of contents listing the headings down to ``depth``."""

    title: str
    entries: tuple[TocEntry, ...]
    depth: int = 2


@dataclass(frozen=True, slots=True)
class Cover:
    """A title page: big title, subtitle and a few labelled facts."""

    title: str
    subtitle: str
    facts: tuple[FieldRow, ...]


@dataclass(frozen=True, slots=True)
class Title:
    """The title block at the top of a document without a cover page."""

    title: str
    subtitle: str
    meta: str


@dataclass(frozen=True, slots=True)
class RunningHeader:
    """Start a new page from which on the running header shows ``title`` (and ``status``,
    when given) in place of the document's own title and status.

    A document made of several parts (the committee pack: one dossier per proposal) opens
    each part with one, so every page names the proposal it belongs to.
    """

    title: str
    status: str = ""


Block = (
    Heading
    | Paragraph
    | BulletList
    | FieldList
    | Table
    | PageBreak
    | TableOfContents
    | Cover
    | Title
    | RunningHeader
)

DocumentKind = Literal["proposal", "self-assessment", "dossier"]
#: What an :class:`ExportContext` holds: one document of one proposal, or a committee pack.
ContextKind = Literal[DocumentKind, "pack"]


@dataclass(frozen=True, slots=True)
class Letterhead:
    """Who a document comes from: the institution's profile and the user exporting it.

    ``logo`` goes into the page header (no picture without one); ``word_template`` and
    ``pdf_layout`` replace the bundled ones; ``author`` and ``institution`` are written in
    the document's properties.
    """

    institution: str = ""
    author: str = ""
    logo: Path | None = None
    word_template: Path | None = None
    pdf_layout: Path | None = None


@dataclass(frozen=True, slots=True)
class ExportContext:
    """Everything a renderer needs: metadata for headers and the list of blocks.

    ``language`` is the language of the proposal's texts (ISO 639-1), the document's
    language in its metadata.
    """

    document: ContextKind
    document_title: str
    proposal_title: str
    status: str
    generated: str
    blocks: tuple[Block, ...]
    keywords: tuple[str, ...] = field(default=())
    language: str = "en"
    letterhead: Letterhead = field(default=Letterhead())

    def headings(self) -> list[Heading]:
        """Every heading of the document, in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]
