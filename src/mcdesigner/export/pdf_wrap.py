"""Line breaking whose cost stays proportional to the text, for long and unbreakable texts.

reportlab breaks a word wider than the line one character at a time, measuring each
character again on every layout pass, and a table cell is laid out again for every page
it is split over; a 50,000-letter word in a proposal field then took over a minute.
:func:`break_lines` breaks a text once per width with cached character widths: at spaces,
and inside a word too wide for a line at any character, without a hyphen (such a word
has no syllables to hyphenate). :class:`WrappedText` is the flowable that draws such a
text: it keeps its broken lines for the width it was given and splits between lines
without breaking them again.

Import this module only when rendering a PDF: it loads reportlab.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

#: A word longer than this many characters is laid out by :class:`WrappedText`.
LONG_WORD = 80
#: So is a paragraph longer than this many characters.
LONG_PARAGRAPH = 2_000

#: One broken line: its text and what separated it from the next one ("" inside a word).
Line = tuple[str, str]


#: How many word widths one font size remembers (prose repeats its words).
_WORDS_KEPT = 20_000


class _Widths:
    """Widths of characters and words of one font at one size, measured once each."""

    def __init__(self, font: str, size: float) -> None:
        self._font = font
        self._size = size
        self._known: dict[str, float] = {}
        self._words: dict[str, float] = {}

    def char(self, character: str) -> float:
        width = self._known.get(character)
        if width is None:
            width = pdfmetrics.stringWidth(character, self._font, self._size)
            self._known[character] = width
        return width

    def word(self, word: str) -> float:
        width = self._words.get(word)
        if width is None:
            width = sum(self.each(word))
            if len(word) <= LONG_WORD:
                if len(self._words) >= _WORDS_KEPT:
                    self._words.clear()
                self._words[word] = width
        return width

    def each(self, word: str) -> list[float]:
        """The width of every character of ``word``, in order."""
        known = self._known
        try:
            return list(map(known.__getitem__, word))
        except KeyError:
            for character in set(word):
                self.char(character)
            return list(map(known.__getitem__, word))


@lru_cache(maxsize=64)
def _widths(font: str, size: float) -> _Widths:
    return _Widths(font, size)


def needs_own_wrapping(text: str) -> bool:
    """Whether reportlab's own line breaking would be slow for ``text`` (one paragraph)."""
    if len(text) > LONG_PARAGRAPH:
        return True
    return any(len(word) > LONG_WORD for word in text.split())


def break_lines(text: str, font: str, size: float, width: float) -> list[Line]:
    """``text`` broken into lines no wider than ``width`` (a line holds one character at least).

    Words are kept whole where they fit; a word wider than a line starts on a line of its
    own and is cut between characters.
    """
    widths = _widths(font, size)
    space = widths.char(" ")
    lines: list[Line] = []
    words: list[str] = []
    used = 0.0
    for word in text.split():
        needed = widths.word(word)
        if words and used + space + needed <= width:
            words.append(word)
            used += space + needed
            continue
        if words:
            lines.append((" ".join(words), " "))
            words, used = [], 0.0
        if needed <= width:
            words, used = [word], needed
            continue
        # The running total of the widths says where each line of the word ends.
        ends = list(accumulate(widths.each(word), initial=0.0))
        start = 0
        while True:
            end = max(bisect_right(ends, ends[start] + width) - 1, start + 1)
            if end >= len(word):
                break
            lines.append((word[start:end], ""))
            start = end
        words, used = [word[start:]], ends[-1] - ends[start]
    if words:
        lines.append((" ".join(words), ""))
    return lines


class WrappedText(Flowable):  # type: ignore[misc]
    """Plain text in one paragraph style, broken by :func:`break_lines`, drawn line by line.

    The lines are kept for the last width offered; a split hands the lines that do not fit
    to a new flowable as they are, so a text split over many pages is broken once.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        lines: Sequence[Line] | None = None,
        display: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        #: Turns a line (logical order) into what is drawn (display order, for bidi text).
        self.display = display
        # The broken lines for each width offered; a part made by a split starts with the
        # lines of the width it was split at, and its text is made from them when needed.
        self._by_width: dict[float, list[Line]] = {}
        self._given = list(lines) if lines is not None else None
        self._drawn: list[Line] = []
        self._wrapped_at: float | None = None

    def _usable(self, avail_width: float) -> float:
        return max(float(avail_width - self.style.leftIndent - self.style.rightIndent), 1.0)

    def lines(self, avail_width: float) -> list[Line]:
        """The broken lines for ``avail_width`` (computed once per width)."""
        return self._lines_for(self._usable(avail_width))

    def _lines_for(self, usable: float) -> list[Line]:
        lines = self._by_width.get(usable)
        if lines is None:
            if self._given is not None and not self.text:
                self.text = "".join(line + separator for line, separator in self._given)
            style = self.style
            lines = break_lines(self.text, style.fontName, style.fontSize, usable)
            self._by_width[usable] = lines
        self._drawn = lines
        return lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._wrapped_at = self._usable(avail_width)
        count = len(self._lines_for(self._wrapped_at))
        self.width = avail_width
        self.height = count * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        # A table asks to split a cell at the column's width but draws the parts inside
        # its padding: split at the width the text was last laid out at when narrower,
        # so the first part is no taller than the room it was cut for.
        usable = self._usable(avail_width)
        if self._wrapped_at is not None:
            usable = min(usable, self._wrapped_at)
        lines = self._lines_for(usable)
        fitting = int((avail_height + 1e-6) // self.style.leading)
        if fitting >= len(lines):
            # Asked to split although it all fits (rounding in table rows): keep the last
            # line back, as callers expect two parts or none.
            fitting = len(lines) - 1
        if fitting <= 0:
            return []
        parts = []
        for piece in (lines[:fitting], lines[fitting:]):
            part = WrappedText("", self.style, lines=piece, display=self.display)
            part._by_width[usable] = piece
            parts.append(part)
        return parts

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        ascent = pdfmetrics.getAscent(style.fontName, style.fontSize)
        y = self.height - ascent
        left = style.leftIndent
        right = self.width - style.rightIndent
        for logical, _separator in self._drawn:
            line = self.display(logical) if self.display is not None else logical
            if style.alignment == TA_RIGHT:
                canvas.drawRightString(right, y, line)
            elif style.alignment == TA_CENTER:
                canvas.drawCentredString((left + right) / 2, y, line)
            else:
                canvas.drawString(left, y, line)
            y -= style.leading

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.style.spaceAfter)
