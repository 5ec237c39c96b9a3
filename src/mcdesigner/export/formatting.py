"""Text helpers for documents: placeholders, safe text, labels, shortening, slugs.

Numbers, amounts and dates are formatted by :mod:`mcdesigner.formatting`. Every string
passes :func:`safe_text` once more before it reaches a renderer, so a control character
that slipped past the model cannot break an export.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from mcdesigner.formdefs.labels import humanize as humanize
from mcdesigner.i18n import tr
from mcdesigner.model.text import clean_text

#: Shown in a table cell that has no value.
EMPTY_CELL = "—"

# Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and
# the Arabic presentation forms.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def not_provided() -> str:
    """Placeholder for a form field left empty."""
    return tr("Not provided")


def safe_text(value: str) -> str:
    """``value`` without characters XML or PDF cannot hold (a last guard before rendering)."""
    return clean_text(value)


def has_rtl(text: str) -> bool:
    """Whether ``text`` contains right-to-left letters (Arabic, Hebrew, ...)."""
    return _RTL.search(text) is not None


def join_labels(labels: Iterable[str], separator: str = "; ") -> str:
    """Non-empty labels joined for one cell."""
    return separator.join(label for label in labels if label)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;.") + "…"


def slug(text: str) -> str:
    """An ASCII identifier made from ``text`` (for anchors and bookmarks)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"
