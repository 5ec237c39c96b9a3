"""Small helpers shared by the rules: when a value counts as filled, and word lists.

Numbers, amounts and dates in messages are formatted by :mod:`mcdesigner.formatting`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel


def is_filled(value: Any) -> bool:
    """Whether ``value`` counts as an answer.

    Empty text (or only spaces), ``None`` and empty lists are not; numbers (including 0),
    dates and booleans are. A list counts when one of its entries counts; a list item or
    sub-form counts when any of its fields other than the id and yes/no switches does.
    """
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool | int | float | Decimal | dt.date):
        return True
    if isinstance(value, list | tuple):
        return any(is_filled(element) for element in value)
    if isinstance(value, BaseModel):
        return _model_filled(value)
    return True


def _model_filled(model: BaseModel) -> bool:
    for name in type(model).model_fields:
        if name == "id":
            continue
        value = getattr(model, name)
        if isinstance(value, bool):
            continue
        if is_filled(value):
            return True
    return False


def fmt_list(words: list[str] | tuple[str, ...]) -> str:
    """Words joined by commas for a message (``apply, use, analyse``)."""
    return ", ".join(words)
