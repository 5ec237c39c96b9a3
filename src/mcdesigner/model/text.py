"""Text hygiene for every string in the model.

Proposals travel into Word (XML), PDF and JSON files. XML 1.0 cannot hold most C0
control characters, lone surrogates or the non-characters U+FFFE/U+FFFF, so they are
removed on the way in. Line endings are normalised to ``\\n``. Lengths are bounded so a
pasted novel or a malicious file cannot exhaust memory or the document renderers.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from mcdesigner.fieldtypes import LONGTEXT, TEXT

#: Longest single-line value (titles, names, labels).
SHORT_TEXT_MAX = 500
#: Longest multi-line value (descriptions, narratives).
LONG_TEXT_MAX = 50_000

# Everything XML 1.0 forbids, plus the C1 controls which render as garbage.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?|\u2028|\u2029|\x85")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Embeddings, overrides and isolates: in a title or a name they can make the text read
# differently from what it is (a file name "txt.exe" shown as "exe.txt").
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """Return ``value`` without characters that Word, XML or PDF cannot hold.

    Line breaks become ``\\n``, tabs stay, the text is NFC-normalised and trailing
    whitespace of the whole value is removed.
    """
    value = _LINE_BREAKS.sub("\n", value)
    value = _FORBIDDEN.sub("", value)
    value = unicodedata.normalize("NFC", value)
    return value.strip()


def drop_surrogates(value: object) -> object:
    """Remove lone surrogates from a string before it is validated.

    Pydantic refuses a string that holds them as a whole, so without this step a
    surrogate left by a broken clipboard or file would lose the user's entire text.
    """
    if isinstance(value, str):
        return _SURROGATES.sub("", value)
    return value


def clean_line(value: str) -> str:
    """Like :func:`clean_text` but folds line breaks and tabs into single spaces.

    Bidirectional embeddings, overrides and isolates are removed: a single line takes its
    direction from its letters (Arabic or Hebrew still read right to left).
    """
    value = _BIDI_CONTROLS.sub("", clean_text(value))
    return re.sub(r"[\n\t]+", " ", value).strip()


ShortText = Annotated[
    str,
    Field(max_length=SHORT_TEXT_MAX),
    TEXT,
    BeforeValidator(drop_surrogates),
    AfterValidator(clean_line),
]
"""A single line of text (title, name, label)."""

LongText = Annotated[
    str,
    Field(max_length=LONG_TEXT_MAX),
    LONGTEXT,
    BeforeValidator(drop_surrogates),
    AfterValidator(clean_text),
]
"""Multi-line prose (description, narrative)."""

#: Longest single statement (a learning outcome).
PARAGRAPH_MAX = 3_000

ParagraphText = Annotated[
    str,
    Field(max_length=PARAGRAPH_MAX),
    LONGTEXT,
    BeforeValidator(drop_surrogates),
    AfterValidator(clean_text),
]
"""One statement of at most a paragraph (a learning outcome)."""
