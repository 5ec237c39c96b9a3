"""Reading typed numbers and dates back, strictly: a separator is never dropped silently.

The :class:`~mcdesigner.formatting.Formatter` passes in its locale's symbols; the messages
of the :class:`ValueError`\\ s raised here are meant to be shown to the person typing.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from mcdesigner.i18n import tr

_MINUS = ("-", "\u2212")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = re.compile(r"(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})")


def _not_a_number(text: str, example: str) -> ValueError:
    return ValueError(
        tr("“{text}” is not a number. Enter digits, for example {example}.").format(
            text=text, example=example
        )
    )


def _valid_grouping(integer_part: str, marks: str) -> bool:
    """Whether every separator in ``integer_part`` is followed by exactly three digits."""
    groups = re.split("[" + re.escape(marks) + "]", integer_part)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _split_decimal(body: str, decimal_mark: str, group_mark: str, integer: bool) -> str | None:
    """The mark that separates the decimals in ``body`` (None when it has none)."""
    marks = {ch for ch in body if not ch.isdigit() and ch != " "}
    if not marks:
        return None
    if len(marks) == 2:
        return decimal_mark if marks == {decimal_mark, group_mark} else ""
    (mark,) = marks
    if mark == decimal_mark:
        return mark
    if mark == group_mark and _valid_grouping(body, mark + " "):
        return None
    if mark in ".," and body.count(mark) == 1 and not integer:
        return mark  # the other common decimal mark ("2,5" typed in English)
    return ""


def parse_number_text(
    text: str, *, decimal_mark: str, group_mark: str, integer: bool, example: str
) -> Decimal:
    """``text`` as a number, with the given locale symbols; raises :class:`ValueError`."""
    shown = text.strip()
    body = re.sub(r"\s", " ", shown)
    if group_mark.isspace():
        group_mark = " "
    negative = body.startswith(_MINUS)
    if negative:
        body = body[1:].lstrip()
    allowed = set("0123456789 ") | {decimal_mark, group_mark, ".", ","}
    if not body or any(ch not in allowed for ch in body) or not any(c.isdigit() for c in body):
        raise _not_a_number(shown, example)
    mark = _split_decimal(body, decimal_mark, group_mark, integer)
    whole, _, fraction = body.partition(mark) if mark else (body, "", "")
    whole, fraction = whole.strip(), fraction.strip()
    if (mark and body.count(mark) > 1) or (fraction and not fraction.isdigit()):
        raise _not_a_number(shown, example)
    separators = {ch for ch in whole if not ch.isdigit()}
    misplaced = bool(separators) and (
        not separators <= {group_mark, " "} or not _valid_grouping(whole, group_mark + " ")
    )
    if mark == "" or misplaced:
        raise ValueError(
            tr("“{text}” has a separator in the wrong place; for example {example}.").format(
                text=shown, example=example
            )
        )
    if integer and mark:
        raise ValueError(
            tr("Enter a whole number, without decimals, for example {example}.").format(
                example=example
            )
        )
    digits = re.sub(r"\D", "", whole) or "0"
    number = Decimal(f"{digits}.{fraction}" if fraction else digits)
    return -number if negative else number


def parse_date_text(text: str, *, order: str, example: str) -> dt.date:
    """``text`` as ISO 8601 or as a numeric date with fields in ``order`` (``"dmy"``)."""
    shown = text.strip()
    iso = _ISO.fullmatch(shown)
    local = None if iso else _NUMERIC_DATE.fullmatch(shown)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if local:
            fields = dict(zip(order, (int(local[1]), int(local[2]), int(local[3])), strict=True))
            year = fields["y"] + 2000 if fields["y"] < 100 else fields["y"]
            return dt.date(year, fields["m"], fields["d"])
    except ValueError:
        pass
    if example == "2026-09-01":
        message = tr("“{text}” is not a date. Enter it as {example}.")
    else:
        message = tr("“{text}” is not a date. Enter it as {example} or 2026-09-01.")
    raise ValueError(message.format(text=shown, example=example))
