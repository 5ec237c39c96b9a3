"""Strict JSON reading for untrusted files, and the matching writer.

Python's ``json`` module silently keeps the last of two duplicate keys, accepts ``NaN``
and ``Infinity``, and recurses once per nesting level. :func:`load_json_strict` refuses
all of that, caps the input size and nesting depth before parsing, strips a UTF-8 byte
order mark and rejects text that is not UTF-8 or holds unpaired surrogates (which later
break the database and document exports).
"""

from __future__ import annotations

import json
import re
from typing import Any

from mcdesigner.exchange.errors import ExchangeError, shown
from mcdesigner.i18n import tr

#: Largest JSON document read from a file, in bytes.
MAX_JSON_BYTES = 16 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted.
MAX_JSON_DEPTH = 64

_BOM = b"\xef\xbb\xbf"
# A JSON string literal (an unterminated one runs to the end of the text), or one bracket
# outside strings. The closing quote is optional so that a stray quote is consumed once:
# requiring it made every unmatched quote rescan the rest of the text (quadratic time).
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Rejected(Exception):
    """Raised inside the parser hooks; turned into an :class:`ExchangeError`."""


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Rejected(
                tr("the key “{key}” appears twice in one object").format(key=shown(key))
            )
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise _Rejected(tr("it contains {literal}, which is not a number").format(literal=name))


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` in ``text``, ignoring brackets inside strings."""
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def _check_strings(value: Any) -> None:
    """Reject unpaired surrogates anywhere in ``value`` (keys and string values)."""
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, str):
            if _SURROGATE.search(current):
                raise _Rejected(tr("it contains a broken character (an unpaired surrogate)"))
        elif isinstance(current, dict):
            pending.extend(current.keys())
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)


def load_json_strict(
    data: bytes,
    *,
    what: str,
    max_bytes: int = MAX_JSON_BYTES,
    max_depth: int = MAX_JSON_DEPTH,
) -> Any:
    """Parse ``data`` as JSON, refusing anything ambiguous or abusive.

    ``what`` names the document in messages (e.g. ``"proposal.json"``). Raises
    :class:`ExchangeError` when the data is larger than ``max_bytes``, nested deeper than
    ``max_depth``, not UTF-8, not JSON, or holds duplicate keys, ``NaN``/``Infinity``,
    over-long integers or unpaired surrogates.
    """
    if len(data) > max_bytes:
        raise ExchangeError(
            tr("{what} is too large ({size} bytes; at most {limit} are accepted)").format(
                what=what, size=len(data), limit=max_bytes
            )
        )
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExchangeError(tr("{what} is not UTF-8 text").format(what=what)) from None
    if nesting_depth(text) > max_depth:
        raise ExchangeError(
            tr("{what} is nested more than {limit} levels deep").format(what=what, limit=max_depth)
        )
    try:
        value = json.loads(
            text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant
        )
        _check_strings(value)
    except _Rejected as problem:
        raise ExchangeError(
            tr("{what} is not acceptable: {problem}").format(what=what, problem=problem)
        ) from None
    except json.JSONDecodeError as problem:
        raise ExchangeError(
            tr("{what} is not valid JSON ({problem} at line {line}, column {column})").format(
                what=what, problem=problem.msg, line=problem.lineno, column=problem.colno
            )
        ) from None
    except (ValueError, RecursionError):
        # Integers longer than Python's digit limit, or nesting the pre-scan missed.
        raise ExchangeError(
            tr("{what} holds a number or a structure too large to read").format(what=what)
        ) from None
    return value


def dump_json(value: Any) -> bytes:
    """``value`` as indented UTF-8 JSON, the form every exchange file member is written in.

    Raises :class:`ExchangeError` for content that could not be read back (unpaired
    surrogates, NaN or infinity).
    """
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        raise ExchangeError(
            tr("the content holds a broken character (an unpaired surrogate)")
        ) from None
    except ValueError:
        raise ExchangeError(tr("the content holds a value that is not a number")) from None
