"""Readable values for field paths, as reviewers see them instead of raw data.

Values are shown as people read them: vocabulary URIs as their labels, choices as their
labels, numbers, money and dates as documents print them (:mod:`mcdesigner.formatting`),
id lists as item names. The paths themselves are named by
:func:`mcdesigner.formdefs.describe_path` ("Learning outcome 2 › Outcome").

Pure functions (no Qt), used by the annotations panel and the compare dialog.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FieldDef, FormSet, GroupDef, element_label, item_name, item_noun
from mcdesigner.formdefs.labels import find_item, humanize
from mcdesigner.i18n import tr
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import FieldShape, PathError, describe, parse_path, schema_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import get_vocabulary

#: Longest text shown for one field inside an item summary.
_SUMMARY_TEXT_LIMIT = 300


def item_title(group: GroupDef | None, item: Item, index: int, fallback: str) -> str:
    """The item's own heading (its title text when it has one), for lists and tooltips."""
    if group is None:
        return f"{fallback} {index + 1}"
    return group.item_title(item, index)


def _field_label(forms: FormSet, schema: str, name: str) -> str:
    return element_label(forms, schema) or humanize(name)


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def empty_text() -> str:
    """What an empty value reads as."""
    return tr("(empty)")


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _shape(field: FieldDef | None, path: str) -> FieldShape | None:
    if field is not None:
        return field.shape
    try:
        return describe(Proposal, schema_path(path))
    except PathError:
        return None


def _concept_label(field: FieldDef | None, shape: FieldShape, value: Any) -> str:
    if field is not None:
        return field.choice_label(value)
    if shape.vocabulary is not None and isinstance(value, str):
        try:
            return get_vocabulary(shape.vocabulary).label_of(value)
        except KeyError:
            return value
    return humanize(str(value))


def _ref_names(forms: FormSet, root: BaseModel, list_path: str | None, ids: list[Any]) -> str:
    items: Any = None
    if list_path is not None and "[" not in list_path:
        node: Any = root
        for name in list_path.split("."):
            node = getattr(node, name, None) if isinstance(node, BaseModel) else None
        items = node
    group = forms.group_for_list(list_path) if list_path else None
    names = []
    for ref in ids:
        found = find_item(items, str(ref))
        if found is None:
            names.append(str(ref))
        else:
            position, item = found
            names.append(item_name(group, item, position, tr("Item")))
    return "; ".join(names)


def format_value(forms: FormSet, root: BaseModel, path: str, value: Any) -> str:
    """``value`` found at ``path`` of ``root`` as readable text (never raw URIs or ids)."""
    if _is_empty(value):
        return empty_text()
    if isinstance(value, Item):
        return item_summary(forms, root, path, value)
    if isinstance(value, BaseModel):
        return _model_summary(forms, root, path, value)
    field = forms.field(path)
    shape = _shape(field, path)
    kind = shape.kind if shape is not None else "text"
    if isinstance(value, bool) or kind == "bool":
        return field.choice_label(value) if field else (tr("Yes") if value else tr("No"))
    if kind == "money" and isinstance(value, Decimal | int | float):
        currency = getattr(getattr(root, "general", None), "currency", "") or ""
        return formatter().money(value, currency)
    if isinstance(value, Decimal | int | float):
        return formatter().number(value)
    if isinstance(value, dt.date):
        return formatter().date(value)
    if shape is not None and kind in ("choice", "concept"):
        return _concept_label(field, shape, value)
    if isinstance(value, list):
        if shape is not None and kind == "concepts":
            return "; ".join(_concept_label(field, shape, v) for v in value)
        if kind == "refs":
            return _ref_names(forms, root, field.items_from if field else None, value)
        return "; ".join(str(v) for v in value)
    return str(value)


def _shorten(text: str, limit: int = _SUMMARY_TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _model_summary(forms: FormSet, root: BaseModel, path: str, model: BaseModel) -> str:
    lines = []
    for name in type(model).model_fields:
        if name == "id":
            continue
        value = getattr(model, name)
        if _is_empty(value):
            continue
        sub = f"{path}.{name}"
        if isinstance(value, list) and value and isinstance(value[0], Item):
            lines.append(f"{_field_label(forms, schema_path(sub), name)}: {len(value)}")
            continue
        text = _shorten(format_value(forms, root, sub, value))
        lines.append(f"{_field_label(forms, schema_path(sub), name)}: {text}")
    return "\n".join(lines) if lines else empty_text()


def item_summary(forms: FormSet, root: BaseModel, path: str, item: Item) -> str:
    """Every filled-in field of a list item, one "Label: value" line each."""
    return _model_summary(forms, root, path, item)


def order_text(forms: FormSet, root: BaseModel, list_path: str, ids: list[str]) -> str:
    """A list's order as numbered item titles, for showing a reordered list."""
    group = forms.group_for_list(list_path)
    items: Any = None
    try:
        node: Any = root
        for segment in parse_path(list_path):
            node = getattr(node, segment.name)
            if segment.item is not None:
                found = find_item(node, segment.item)
                node = found[1] if found else None
        items = node
    except (PathError, AttributeError):
        items = None
    fallback = item_noun(group, tr("Item"))
    lines = []
    for number, item_id in enumerate(ids, start=1):
        found = find_item(items, item_id)
        title = item_title(group, found[1], found[0], fallback) if found else item_id
        lines.append(f"{number}. {title}")
    return "\n".join(lines)
