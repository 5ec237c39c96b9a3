"""Field paths in words: the one way every screen, report and document names a field.

``certified.learning_outcomes[lo3].esco_skills[x1].uri`` reads as
"Learning outcome 3 › ESCO skill 2 › ESCO address":

- each list item is named by its list's ``item_label`` and its 1-based position in the
  proposal ("Learning outcome 3"); items of fixed lists (the ESG standards of the
  self-assessment) by their heading, :meth:`GroupDef.item_title`;
- an item that cannot be found (deleted, or no proposal given) by the ``item_label`` alone;
- then the label of the field, or the title of the list, the path points at; a path
  naming a whole item ends with the item's name;
- a one-segment path that is no field or list of the forms but a section ("general")
  reads as the section's title; any other unknown name in a readable form
  ("deficit_funding" -> "Deficit funding"); a malformed path is shown as it is.

:func:`describe_path` also gives the section, whether the path exists in the proposal and
a key that sorts paths in the order the forms show them. Pure: no Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from mcdesigner.formdefs.definitions import FieldDef, FormSet, GroupDef
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import PathError, parse_path

#: Joins the parts of a label (list item, nested item, field).
LABEL_SEPARATOR = " › "
#: Sort position of anything the forms or the proposal do not know (after everything else).
UNKNOWN_POSITION = 1_000_000


@dataclass(frozen=True, slots=True)
class PathInfo:
    """What a field path names in one proposal, in words, and where it is shown.

    ``sort_key`` is the section's order, then for each list on the way the list's place
    on the form and the item's position in the proposal, then the field's place.
    """

    label: str
    section_id: str
    section_title: str
    exists: bool
    sort_key: tuple[int, ...]


def humanize(name: str) -> str:
    """``deficit_funding`` -> ``Deficit funding`` (for names the forms do not label)."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def element_label(forms: FormSet, path: str) -> str:
    """The field's label, or the list's title, at ``path`` (concrete or schema); ``""``
    when the forms show nothing there."""
    element = forms.element(path)
    if isinstance(element, FieldDef):
        return element.label
    if isinstance(element, GroupDef):
        return element.title
    return ""


def item_noun(group: GroupDef | None, fallback: str) -> str:
    """What one item of a list is called ("Learning outcome"): the list's ``item_label``."""
    if group is None:
        return fallback
    return group.item_label or group.title or fallback


def item_name(group: GroupDef | None, item: Any, index: int, fallback: str = "") -> str:
    """How one list item at 0-based ``index`` is named: "Learning outcome 2", or the
    heading of an item of a fixed list ("ESG 1.3 ..."). ``fallback`` names the items of
    a list the forms do not show."""
    if group is not None and group.layout == "fixed":
        return group.item_title(item, index)
    return f"{item_noun(group, fallback)} {index + 1}"


_ORDER_CACHE: dict[int, tuple[FormSet, dict[str, int]]] = {}


def display_order(forms: FormSet) -> dict[str, int]:
    """Place of every field and list on the forms, by schema path (a list: where it starts).

    Sections in their order, then the fields and lists of each group as they are shown.
    """
    cached = _ORDER_CACHE.get(id(forms))
    if cached is not None and cached[0] is forms:
        return cached[1]
    order: dict[str, int] = {}

    def visit(group: GroupDef) -> None:
        if group.path is not None:
            order.setdefault(group.path, len(order))
        for member in group.fields:
            order.setdefault(member.path, len(order))
        for inner in group.groups:
            visit(inner)

    for section in sorted(forms.sections, key=lambda s: s.order):
        for group in section.groups:
            visit(group)
    _ORDER_CACHE[id(forms)] = (forms, order)
    return order


def find_item(items: Any, item_id: str) -> tuple[int, Item] | None:
    """Position and item with id ``item_id`` in the list ``items`` (None if absent)."""
    if not isinstance(items, list):
        return None
    for index, element in enumerate(items):
        if isinstance(element, Item) and element.id == item_id:
            return index, element
    return None


def _has_section(forms: FormSet, section_id: str) -> bool:
    return any(s.id == section_id for s in forms.sections)


def _last_name(forms: FormSet, schema: str, name: str, only_segment: bool) -> str:
    label = element_label(forms, schema)
    if label:
        return label
    if only_segment and _has_section(forms, name):
        return forms.section(name).title
    return humanize(name)


def describe_path(forms: FormSet, path: str, proposal: BaseModel | None = None) -> PathInfo:
    """Label, section, existence and document position of ``path`` in ``proposal``.

    ``exists`` is false when the path names nothing in ``proposal`` (a deleted list item,
    a misspelt name) or no proposal is given; the label then still names what the forms
    know ("Learning outcome › Outcome").
    """
    section = forms.section_of(path)
    section_id = section.id if section is not None else path.split(".", 1)[0]
    section_title = section.title if section is not None else humanize(section_id)
    section_order = section.order if section is not None else UNKNOWN_POSITION
    try:
        segments = parse_path(path)
    except PathError:
        return PathInfo(path, section_id, section_title, False, (section_order, UNKNOWN_POSITION))
    order = display_order(forms)
    parts: list[str] = []
    key: list[int] = [section_order]
    node: Any = proposal
    exists = proposal is not None
    schema = ""
    for index, segment in enumerate(segments):
        schema = f"{schema}.{segment.name}" if schema else segment.name
        value: Any = None
        if isinstance(node, BaseModel) and segment.name in type(node).model_fields:
            value = getattr(node, segment.name)
        else:
            exists = False
        if segment.item is not None:
            group = forms.group_for_list(schema)
            fallback = humanize(segment.name)
            key.append(order.get(schema, UNKNOWN_POSITION))
            found = find_item(value, segment.item) if exists else None
            if found is None:
                exists = False
                parts.append(item_noun(group, fallback))
                key.append(UNKNOWN_POSITION)
                node = None
            else:
                position, item = found
                parts.append(item_name(group, item, position, fallback))
                key.append(position)
                node = item
            schema += "[]"
        else:
            if index == len(segments) - 1:
                parts.append(_last_name(forms, schema, segment.name, len(segments) == 1))
                key.append(order.get(schema, UNKNOWN_POSITION))
            node = value
    return PathInfo(LABEL_SEPARATOR.join(parts), section_id, section_title, exists, tuple(key))


def path_label(forms: FormSet, path: str, proposal: BaseModel | None = None) -> str:
    """The name a user reads for ``path``: "Learning outcome 3 › ESCO skill 2 › ESCO address".

    ``proposal`` gives the items' positions; without it items are named by their label only.
    """
    return describe_path(forms, path, proposal).label
