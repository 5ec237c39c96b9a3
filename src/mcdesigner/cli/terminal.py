"""Text made safe for a terminal: nothing the command line prints can control it.

Proposal ids, titles, labels and file names come from received files and from other
people. Printed raw, an escape sequence in one of them could recolour the terminal, set
its window title (OSC), move the cursor or hide the text after it; a line break could
forge a line of output; a direction override could show a name reversed. Every printed
text goes through :func:`for_terminal` (its own line breaks and tabs kept); every value
put into a line of output goes through :func:`one_line` (line breaks escaped too).

Escapes are written as ``\\n``, ``\\r``, ``\\t`` and ``\\uXXXX``, so JSON output stays
valid JSON and decodes to the original text.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, direction embeddings, overrides and isolates, and the lone
# surrogates Python uses for the bytes of a file name that is not valid UTF-8.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return _NAMED.get(character) or f"\\u{ord(character):04x}"


def for_terminal(text: str) -> str:
    """``text`` with every character that could control a terminal escaped."""
    return _UNSAFE_IN_TEXT.sub(_escape, text)


def one_line(value: object) -> str:
    """``value`` as text for one line of output: line breaks and tabs escaped as well."""
    return _UNSAFE_IN_LINE.sub(_escape, str(value))
