"""Number field types: whole numbers, decimal numbers, percentages and amounts of money."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mcdesigner.fieldtypes import editors
from mcdesigner.fieldtypes.base import DocumentLayout, FieldType, ValueContext
from mcdesigner.formatting import Formatter

_NUMBER_LAYOUT = DocumentLayout(width=0.9, align="right")


def _number_text(value: Any, context: ValueContext) -> str:
    return context.formatter.number(value)


def _percent_text(value: Any, context: ValueContext) -> str:
    return context.formatter.percent(value)


def _money_text(value: Any, context: ValueContext) -> str:
    return context.formatter.money(Decimal(value), context.currency)


def _parse_whole(text: str, fmt: Formatter) -> int | None:
    return int(fmt.parse_number(text, integer=True)) if text.strip() else None


def _parse_decimal(text: str, fmt: Formatter) -> float | None:
    return float(fmt.parse_number(text)) if text.strip() else None


def _parse_money(text: str, fmt: Formatter) -> Decimal | None:
    return fmt.parse_number(text) if text.strip() else None


INT = FieldType(
    name="int",
    description="whole number",
    widgets={"spin": editors.NUMBER},
    text=_number_text,
    parse=_parse_whole,
    document=_NUMBER_LAYOUT,
    min_cell_width=56,
    integer=True,
    condition_values=(int,),
)

FLOAT = FieldType(
    name="float",
    description="number",
    widgets={"spin": editors.NUMBER},
    text=_number_text,
    parse=_parse_decimal,
    document=_NUMBER_LAYOUT,
    min_cell_width=56,
    condition_values=(int, float),
)

PERCENT = FieldType(
    name="percent",
    description="percentage",
    widgets={"spin": editors.NUMBER},
    text=_percent_text,
    parse=_parse_decimal,
    document=_NUMBER_LAYOUT,
    min_cell_width=56,
    condition_values=(int, float),
)

MONEY = FieldType(
    name="money",
    description="amount of money",
    widgets={"money": editors.MONEY},
    text=_money_text,
    parse=_parse_money,
    document=DocumentLayout(width=1.3, align="right"),
    column_stretch=3,
    min_cell_width=110,
    condition_values=(int, float),
)
