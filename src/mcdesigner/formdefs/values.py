"""The one value formatter: any field's value as the text a user reads.

Documents, the compare view and the command line all write values through
:func:`value_text`, which hands the value to the field's type
(:mod:`mcdesigner.fieldtypes`) with a context saying how this caller names list items
and joins list entries. Numbers, amounts and dates follow the formatter's locale; choices
and vocabulary terms read as their labels, never as raw URIs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mcdesigner.fieldtypes import field_type
from mcdesigner.formatting import Formatter, formatter
from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.formdefs.labels import humanize
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import FieldShape, PathError, describe, schema_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import get_vocabulary

#: Names the item an id points to, given the list the ids point into (or None).
ReferenceNamer = Callable[[str | None, str], str]


def _plain_reference(list_path: str | None, item_id: str) -> str:
    return item_id


def is_empty_value(value: Any) -> bool:
    """Whether ``value`` shows as nothing (None, empty text, empty list)."""
    return value is None or value == "" or value == []


def guessed_shape(value: Any) -> FieldShape:
    """The shape of a value no model path describes, so that it still reads well."""
    if isinstance(value, bool):
        return FieldShape("bool")
    if isinstance(value, int | float | Decimal):
        return FieldShape("float")
    if isinstance(value, dt.date):
        return FieldShape("date")
    return FieldShape("texts" if isinstance(value, list) else "text")


def shape_at(schema: str, field: FieldDef | None = None) -> FieldShape | None:
    """The shape of the value at ``schema``: the form's when it has a field there."""
    if field is not None:
        return field.shape
    try:
        return describe(Proposal, schema_path(schema))
    except PathError:
        return None


@dataclass(frozen=True, slots=True)
class TextContext:
    """A :class:`~mcdesigner.fieldtypes.ValueContext` for one field of one proposal."""

    shape: FieldShape
    formatter: Formatter
    field: FieldDef | None = None
    currency: str = ""
    references: ReferenceNamer = _plain_reference
    separator: str = "; "

    def label(self, value: Any) -> str:
        if self.field is not None:
            return self.field.choice_label(value)
        if isinstance(value, bool):
            return tr("Yes", "forms") if value else tr("No", "forms")
        if self.shape.vocabulary is not None and isinstance(value, str):
            try:
                return get_vocabulary(self.shape.vocabulary).label_of(value)
            except KeyError:
                return value
        return humanize(str(value))

    def reference(self, item_id: str) -> str:
        list_path = self.field.items_from if self.field is not None else None
        return self.references(list_path, item_id)

    def join(self, entries: Iterable[str]) -> str:
        return self.separator.join(entry for entry in entries if entry)


def value_text(
    shape: FieldShape,
    value: Any,
    *,
    field: FieldDef | None = None,
    fmt: Formatter | None = None,
    currency: str = "",
    references: ReferenceNamer = _plain_reference,
    separator: str = "; ",
) -> str:
    """``value`` of a field of ``shape`` as text; empty when there is nothing to show.

    ``field`` (the form's definition, when the value has one) gives choice labels and the
    list that item references point into; ``references`` names a referenced item;
    ``separator`` joins the entries of a list.
    """
    if is_empty_value(value):
        return ""
    context = TextContext(
        shape=field.shape if field is not None else shape,
        field=field,
        formatter=fmt or formatter(),
        currency=currency,
        references=references,
        separator=separator,
    )
    return field_type(context.shape.kind).text(value, context)


def field_text(field: FieldDef, value: Any, **options: Any) -> str:
    """:func:`value_text` for a field the forms define."""
    return value_text(field.shape, value, field=field, **options)
