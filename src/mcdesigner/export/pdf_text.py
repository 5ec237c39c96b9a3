"""User text for reportlab: escaped mini-markup, embedded Unicode fonts, right-to-left text.

Rules this module enforces for every string that reaches a PDF:

* user text is escaped before it meets reportlab's Paragraph markup, so ``<b>``,
  ``&amp;``, ``<img src=...>`` or ``javascript:`` links are printed literally and never
  interpreted (no images pulled from disk, no links, no parse errors);
* the text passes :func:`safe_text` once more (control characters removed);
* fonts are TrueType files shipped in ``resources/fonts`` and embedded, so Romanian,
  Polish, Greek, Cyrillic and Arabic letters render everywhere;
* Arabic is shaped (contextual letter forms, ``arabic-reshaper``) and laid out right to
  left line by line (Unicode bidi algorithm, ``python-bidi``), because reportlab draws
  glyphs in logical order without shaping.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from mcdesigner.export.errors import ExportError
from mcdesigner.export.formatting import has_rtl, safe_text
from mcdesigner.i18n import tr
from mcdesigner.paths import resources_dir


@dataclass(frozen=True, slots=True)
class FontFamily:
    """Registered reportlab font names of the four faces."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def register_fonts(files: dict[str, str]) -> FontFamily:
    """Register the TrueType faces named in ``files`` (file names in resources/fonts)."""
    folder = resources_dir() / "fonts"
    names: dict[str, str] = {}
    for face in ("regular", "bold", "italic", "bold_italic"):
        path = folder / files[face]
        name = f"MC-{Path(files[face]).stem}"
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as error:  # reportlab raises TTFError, IOError, ...
                raise ExportError(
                    tr("The font {file} cannot be used: {error}").format(file=path, error=error)
                ) from None
        names[face] = name
    family = FontFamily(names["regular"], names["bold"], names["italic"], names["bold_italic"])
    pdfmetrics.registerFontFamily(
        family.regular,
        normal=family.regular,
        bold=family.bold,
        italic=family.italic,
        boldItalic=family.bold_italic,
    )
    return family


def markup(text: str) -> str:
    """``text`` escaped for Paragraph markup (``<`` ``>`` ``&`` become entities)."""
    return escape(safe_text(text))


def visual_lines(text: str, font: str, size: float, width: float) -> tuple[list[str], bool]:
    """Shape and wrap ``text`` to ``width``; return lines in display order and RTL-ness.

    Words are wrapped in logical order using the widths of the shaped glyphs, then each
    line is reordered for display on its own, so a paragraph of several lines reads top to
    bottom in the right order.
    """
    import arabic_reshaper
    from bidi import get_base_level, get_display

    shaped = arabic_reshaper.reshape(text)
    rtl = get_base_level(text) == 1
    lines: list[str] = []
    current = ""
    for word in shaped.split():
        candidate = f"{current} {word}" if current else word
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
        while pdfmetrics.stringWidth(current, font, size) > width and len(current) > 1:
            cut = _fit(current, font, size, width)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return [get_display(line, base_dir="R" if rtl else "L") for line in lines], rtl


def _fit(text: str, font: str, size: float, width: float) -> int:
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class BidiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph with right-to-left text, shaped and wrapped line by line.

    On each wrap the text is laid out for the width offered, as a plain Paragraph of
    pre-broken display lines, which then splits across pages and table rows like any
    other paragraph.
    """

    def __init__(self, text: str, style: ParagraphStyle, regular_font: str) -> None:
        super().__init__()
        self.text = text
        font = style.fontName
        if font != regular_font and "Oblique" in font:
            font = regular_font  # the oblique faces have no Arabic letters
        self.style = ParagraphStyle(f"{style.name}-bidi", parent=style, fontName=font)
        self._inner: Paragraph | None = None

    def _layout(self, width: float) -> Paragraph:
        usable = width - self.style.leftIndent - self.style.rightIndent - 0.5
        lines, rtl = visual_lines(self.text, self.style.fontName, self.style.fontSize, usable)
        style = ParagraphStyle(
            f"{self.style.name}-lines",
            parent=self.style,
            alignment=TA_RIGHT if rtl else self.style.alignment or TA_LEFT,
        )
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._inner = self._layout(avail_width)
        width, height = self._inner.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = self._layout(avail_width).split(avail_width, avail_height)
        return parts

    def draw(self) -> None:
        if self._inner is not None:
            self._inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)


def text_flowables(
    text: str, style: ParagraphStyle, regular_font: str, prefix: str = ""
) -> list[Flowable]:
    """One flowable per line of ``text`` (blank lines dropped).

    ``prefix`` is trusted markup put before the first line (e.g. a bold marker).
    """
    flowables: list[Flowable] = []
    for line in safe_text(text).split("\n"):
        if not line.strip():
            continue
        if has_rtl(line):
            if prefix:
                flowables.append(Paragraph(prefix, style))
                prefix = ""
            flowables.append(BidiParagraph(line, style, regular_font))
        else:
            flowables.append(Paragraph(prefix + markup(line), style))
            prefix = ""
    if prefix:
        flowables.append(Paragraph(prefix, style))
    return flowables
