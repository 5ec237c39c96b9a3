"""Readable values for field paths, as reviewers see them instead of raw data.

Values are shown as people read them: vocabulary URIs as their labels, choices as their
labels, numbers, money and dates as documents print them (:mod:`mcdesigner.formatting`),
id lists as item names. The paths themselves are named by
:func:`mcdesigner.formdefs.describe_path` ("Learning outcome 2 › Outcome").

Pure functions (no Qt), used by the annotations panel and the compare dialog.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from mcdesigner.formdefs import FormSet, GroupDef, element_label, item_name, item_noun
from mcdesigner.formdefs.labels import find_item, humanize
from mcdesigner.formdefs.values import guessed_shape, shape_at, value_text
from mcdesigner.i18n import tr
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import PathError, parse_path, schema_path

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


def _list_items(root: BaseModel, list_path: str | None) -> Any:
    if list_path is None or "[" in list_path:
        return None
    node: Any = root
    for name in list_path.split("."):
        node = getattr(node, name, None) if isinstance(node, BaseModel) else None
    return node


def _ref_name(forms: FormSet, root: BaseModel, list_path: str | None, ref: str) -> str:
    found = find_item(_list_items(root, list_path), ref)
    if found is None:
        return ref
    group = forms.group_for_list(list_path) if list_path else None
    position, item = found
    return item_name(group, item, position, tr("Item"))


def format_value(forms: FormSet, root: BaseModel, path: str, value: Any) -> str:
    """``value`` found at ``path`` of ``root`` as readable text (never raw URIs or ids)."""
    if _is_empty(value):
        return empty_text()
    if isinstance(value, Item):
        return item_summary(forms, root, path, value)
    if isinstance(value, BaseModel):
        return _model_summary(forms, root, path, value)
    field = forms.field(path)
    shape = shape_at(path, field) or guessed_shape(value)
    currency = getattr(getattr(root, "general", None), "currency", "") or ""
    text = value_text(
        shape,
        value,
        field=field,
        currency=currency,
        references=lambda list_path, ref: _ref_name(forms, root, list_path, ref),
    )
    return text or empty_text()


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
