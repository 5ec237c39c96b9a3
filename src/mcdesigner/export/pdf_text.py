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
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from mcdesigner.export.errors import ExportError
from mcdesigner.export.formatting import has_rtl, safe_text
from mcdesigner.export.pdf_wrap import WrappedText, needs_own_wrapping
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


def rtl_flowable(text: str, style: ParagraphStyle, regular_font: str) -> Flowable:
    """A paragraph holding right-to-left letters: shaped, wrapped, each line in display order.

    Words are wrapped in logical order using the widths of the shaped glyphs, then each
    line is reordered for display on its own, so a paragraph of several lines reads top to
    bottom in the right order. A text whose base direction is right to left is aligned
    right.
    """
    import arabic_reshaper
    from bidi import get_base_level, get_display

    rtl = get_base_level(text) == 1
    font = style.fontName
    if font != regular_font and "Oblique" in font:
        font = regular_font  # the oblique faces have no Arabic letters
    bidi_style = ParagraphStyle(
        f"{style.name}-bidi",
        parent=style,
        fontName=font,
        alignment=TA_RIGHT if rtl else style.alignment or TA_LEFT,
    )
    base = "R" if rtl else "L"

    def display(line: str) -> str:
        return str(get_display(line, base_dir=base))

    return WrappedText(arabic_reshaper.reshape(text), bidi_style, display=display)


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
            flowables.append(rtl_flowable(line, style, regular_font))
        elif needs_own_wrapping(line):
            if prefix:
                flowables.append(Paragraph(prefix, style))
                prefix = ""
            flowables.append(WrappedText(line, style))
        else:
            flowables.append(Paragraph(prefix + markup(line), style))
            prefix = ""
    if prefix:
        flowables.append(Paragraph(prefix, style))
    return flowables
