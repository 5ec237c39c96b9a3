"""Readable names and values for field paths, as reviewers see them instead of raw paths.

``certified.learning_outcomes[3f9a0c1b2d4e].text`` becomes "Learning outcome 2 – Outcome"
(the item's current position and the field label from the forms), in the section
"Certified academic data". Values are shown as people read them: vocabulary URIs as their
labels, choices as their labels, money with the currency, id lists as item names.

Pure functions (no Qt), used by the annotations panel and the compare dialog.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from mcdesigner.formdefs import FieldDef, FormSet, GroupDef
from mcdesigner.i18n import tr
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import FieldShape, PathError, describe, parse_path, schema_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import get_vocabulary

#: Separator between the parts of a label ("Learning outcome 2 – Outcome").
LABEL_SEPARATOR = " – "
#: Sort position given to anything the forms or the proposal do not know.
_UNKNOWN = 1_000_000
#: Longest text shown for one field inside an item summary.
_SUMMARY_TEXT_LIMIT = 300


@dataclass(frozen=True, slots=True)
class PathInfo:
    """What a field path names in one proposal, in words."""

    label: str
    section_id: str
    section_title: str
    exists: bool
    sort_key: tuple[int, ...]


def humanize(name: str) -> str:
    """``deficit_funding`` -> ``Deficit funding`` (for names the forms do not label)."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------
_ORDER_CACHE: dict[int, tuple[FormSet, dict[str, int]]] = {}


def _element_order(forms: FormSet) -> dict[str, int]:
    """Display position of every field and list of the forms (by schema path)."""
    cached = _ORDER_CACHE.get(id(forms))
    if cached is not None and cached[0] is forms:
        return cached[1]
    order: dict[str, int] = {}

    def visit(group: GroupDef) -> None:
        if group.path is not None:
            order.setdefault(group.path, len(order))
        for member in group.fields:
            order.setdefault(member.path, len(order))
        for sub in group.groups:
            visit(sub)

    for section in forms.sections:
        for group in section.groups:
            visit(group)
    _ORDER_CACHE[id(forms)] = (forms, order)
    return order


def _find_item(items: Any, item_id: str) -> tuple[int, Item] | None:
    if not isinstance(items, list):
        return None
    for index, element in enumerate(items):
        if isinstance(element, Item) and element.id == item_id:
            return index, element
    return None


def item_name(group: GroupDef | None, item: Item, index: int, fallback: str) -> str:
    """How one list item is named in labels: "Learning outcome 2" or "ESG 1.3 ..."."""
    if group is not None and group.layout == "fixed":
        return group.item_title(item, index)
    base = group.item_label if group is not None and group.item_label else fallback
    return f"{base} {index + 1}"


def item_title(group: GroupDef | None, item: Item, index: int, fallback: str) -> str:
    """The item's own heading (its title text when it has one), for lists and tooltips."""
    if group is None:
        return f"{fallback} {index + 1}"
    return group.item_title(item, index)


def _field_label(forms: FormSet, schema: str, name: str) -> str:
    element = forms.element(schema)
    if isinstance(element, FieldDef):
        return element.label
    if isinstance(element, GroupDef):
        return element.title
    return humanize(name)


def describe_path(forms: FormSet, proposal: BaseModel, path: str) -> PathInfo:
    """Label, section and document position of ``path`` in ``proposal``.

    ``exists`` is false when the path names nothing in ``proposal`` (for example a deleted
    list item); the label then still names what the forms know ("Learning outcome").
    """
    section = forms.section_of(path)
    section_id = section.id if section is not None else path.split(".", 1)[0]
    section_title = section.title if section is not None else humanize(section_id)
    section_order = section.order if section is not None else _UNKNOWN
    try:
        segments = parse_path(path)
    except PathError:
        return PathInfo(path, section_id, section_title, False, (section_order, _UNKNOWN))
    order = _element_order(forms)
    parts: list[str] = []
    key: list[int] = [section_order]
    node: Any = proposal
    exists = True
    schema = ""
    for index, segment in enumerate(segments):
        schema = f"{schema}.{segment.name}" if schema else segment.name
        last = index == len(segments) - 1
        value: Any = None
        if isinstance(node, BaseModel) and segment.name in type(node).model_fields:
            value = getattr(node, segment.name)
        else:
            exists = False
        if segment.item is not None:
            group = forms.group_for_list(schema)
            fallback = humanize(segment.name)
            key.append(order.get(schema, _UNKNOWN))
            found = _find_item(value, segment.item) if exists else None
            if found is None:
                exists = False
                parts.append(group.item_label if group and group.item_label else fallback)
                key.append(_UNKNOWN)
                node = None
            else:
                position, item = found
                parts.append(item_name(group, item, position, fallback))
                key.append(position)
                node = item
            schema += "[]"
        else:
            if last:
                parts.append(_field_label(forms, schema, segment.name))
                key.append(order.get(schema, _UNKNOWN))
            node = value
    return PathInfo(LABEL_SEPARATOR.join(parts), section_id, section_title, exists, tuple(key))


def path_label(forms: FormSet, proposal: BaseModel, path: str) -> str:
    """A readable name for ``path``: "Learning outcome 2 – Outcome", "Contact e-mail"."""
    return describe_path(forms, proposal, path).label


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
def empty_text() -> str:
    """What an empty value reads as."""
    return tr("(empty)")


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def format_number(value: float | int | Decimal) -> str:
    """``2.0`` -> ``2``, ``2.50`` -> ``2.5``."""
    if isinstance(value, bool):
        return str(value)
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def format_money(value: Decimal | float | int, currency: str) -> str:
    """``1234.5`` and ``EUR`` -> ``1,234.50 EUR``."""
    amount = f"{Decimal(str(value)):,.2f}"
    return f"{amount} {currency}".strip()


def format_date(value: dt.date) -> str:
    """Dates as ISO 8601 (``2026-09-01``): unambiguous in every country."""
    return value.isoformat()


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
        found = _find_item(items, str(ref))
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
        return format_money(value, currency)
    if isinstance(value, Decimal | int | float):
        return format_number(value)
    if isinstance(value, dt.date):
        return format_date(value)
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
                found = _find_item(node, segment.item)
                node = found[1] if found else None
        items = node
    except (PathError, AttributeError):
        items = None
    fallback = group.item_label if group and group.item_label else tr("Item")
    lines = []
    for number, item_id in enumerate(ids, start=1):
        found = _find_item(items, item_id)
        title = item_title(group, found[1], found[0], fallback) if found else item_id
        lines.append(f"{number}. {title}")
    return "\n".join(lines)
