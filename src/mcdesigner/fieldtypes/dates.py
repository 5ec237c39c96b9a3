"""The date field type."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mcdesigner.fieldtypes import editors
from mcdesigner.fieldtypes.base import DocumentLayout, FieldType, ValueContext
from mcdesigner.formatting import Formatter


def _date_text(value: Any, context: ValueContext) -> str:
    return context.formatter.date(value) if isinstance(value, dt.date) else str(value)


def _parse_date(text: str, fmt: Formatter) -> dt.date | None:
    return fmt.parse_date(text) if text.strip() else None


DATE = FieldType(
    name="date",
    description="date",
    widgets={"date": editors.DATE},
    text=_date_text,
    parse=_parse_date,
    document=DocumentLayout(width=1.3),
    column_stretch=3,
    min_cell_width=190,
    condition_values=(dt.date,),
)
