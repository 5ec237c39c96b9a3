"""Addresses of values inside a proposal, and what kind of value lives there.

A *field path* names one value: ``general.title``,
``certified.learning_outcomes[3f9a0c1b2d4e].text`` (a field of the list item with that
id) or ``certified.learning_outcomes[3f9a0c1b2d4e]`` (the item itself). Paths are used by
forms, checks, annotations and diffs, so a comment on a learning outcome keeps pointing
at it when the list is reordered.

Looking a value up costs one step per segment: each list keeps an index of its items by
id (:func:`find_item`), rebuilt when the list has changed, so reaching an item of a list
of 400 budget lines does not walk the list.

A *schema path* is the same without item ids (``certified.learning_outcomes[].text``);
:func:`describe` tells which kind of value a schema path holds, read from the pydantic
annotations, so forms and widgets never hard-code the model.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from mcdesigner.fieldtypes import FieldType
from mcdesigner.model.base import Item
from mcdesigner.model.vocabularies import VocabularyRef

_SEGMENT = re.compile(r"^([a-z_][a-z0-9_]*)(?:\[([A-Za-z0-9_.-]*)\])?$")
# A dot separates segments only outside brackets: item ids may contain dots ("esg-1.3").
_SEPARATOR = re.compile(r"\.(?![^\[]*\])")

#: Kinds of value: a registered field type's name (see :mod:`mcdesigner.fieldtypes`), or
#: ``"items"`` (a list of items), ``"object"`` (a value with fields of its own) and
#: ``"translations"`` (the texts in further languages, see :mod:`mcdesigner.model.translations`).
FieldKind = str


class PathError(ValueError):
    """A path that does not name anything in the model or the proposal."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One step of a path: a field name, and an item id when the field is a list."""

    name: str
    item: str | None = None  # None: no brackets; "": schema brackets "[]"


def parse_path(path: str) -> list[Segment]:
    """Split ``path`` into segments; raise :class:`PathError` when it is malformed."""
    return list(_parsed(path))


@functools.lru_cache(maxsize=8192)
def _parsed(path: str) -> tuple[Segment, ...]:
    # Editors look their paths up on every refresh: parse each path once.
    if not path:
        raise PathError("empty path")
    segments = []
    for part in _SEPARATOR.split(path):
        match = _SEGMENT.match(part)
        if not match:
            raise PathError(f"malformed path {path!r} at {part!r}")
        segments.append(Segment(match.group(1), match.group(2)))
    return tuple(segments)


def schema_path(path: str) -> str:
    """``a.b[xyz].c`` -> ``a.b[].c``: the path with item ids removed."""
    return re.sub(r"\[[^\]]*\]", "[]", path)


def parent_item_path(path: str) -> str | None:
    """The path of the innermost list item that contains ``path``, if any."""
    idx = path.rfind("]")
    return path[: idx + 1] if idx >= 0 else None


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------
#: id(list) -> (the list, position of each item id). The list is held so its id cannot be
#: reused by another list while the entry lives; the whole cache is dropped when it grows
#: past the limit (plain dict operations, so a checker thread may read it too).
_INDEXES: dict[int, tuple[list[Any], dict[str, int]]] = {}
_MAX_INDEXES = 512


def _index_of(items: list[Any]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for position, element in enumerate(items):
        if isinstance(element, Item):
            positions.setdefault(element.id, position)
    if len(_INDEXES) >= _MAX_INDEXES:
        _INDEXES.clear()
    _INDEXES[id(items)] = (items, positions)
    return positions


def find_item(items: list[Any], item_id: str) -> Item | None:
    """The item with ``item_id`` in ``items`` (None if there is none).

    The positions of a list's items are remembered; an answer is always checked against
    the list itself, and the positions are rebuilt when it does not match (the list has
    changed since).
    """
    entry = _INDEXES.get(id(items))
    if entry is not None and entry[0] is items:
        positions, fresh = entry[1], False
    else:
        positions, fresh = _index_of(items), True
    while True:
        position = positions.get(item_id)
        if position is not None and position < len(items):
            element = items[position]
            if isinstance(element, Item) and element.id == item_id:
                return element
        if fresh:
            return None
        positions, fresh = _index_of(items), True


def _find_item(items: list[Any], item_id: str, path: str) -> Item:
    found = find_item(items, item_id)
    if found is None:
        raise PathError(f"no item {item_id!r} in {path!r}")
    return found


def get_value(root: BaseModel, path: str) -> Any:
    """The value at ``path`` in ``root``."""
    node: Any = root
    for seg in _parsed(path):
        if not isinstance(node, BaseModel) or seg.name not in type(node).model_fields:
            raise PathError(f"{path!r}: no field {seg.name!r}")
        node = getattr(node, seg.name)
        if seg.item is not None:
            if not isinstance(node, list):
                raise PathError(f"{path!r}: {seg.name!r} is not a list")
            node = _find_item(node, seg.item, path)
    return node


def exists(root: BaseModel, path: str) -> bool:
    """Whether ``path`` still names something in ``root`` (items may have been deleted)."""
    try:
        get_value(root, path)
    except PathError:
        return False
    return True


def set_value(root: BaseModel, path: str, value: Any) -> None:
    """Assign ``value`` at ``path`` in place; pydantic validates the assignment."""
    segments = parse_path(path)
    *head, last = segments
    if last.item is not None:
        raise PathError(f"{path!r}: cannot replace a whole list item")
    owner: Any = root
    if head:
        owner = get_value(root, ".".join(_fmt(s) for s in head))
    if not isinstance(owner, BaseModel) or last.name not in type(owner).model_fields:
        raise PathError(f"{path!r}: no field {last.name!r}")
    setattr(owner, last.name, value)


def _fmt(seg: Segment) -> str:
    return seg.name if seg.item is None else f"{seg.name}[{seg.item}]"


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldShape:
    """What kind of value a schema path holds, derived from the model annotations."""

    kind: FieldKind
    vocabulary: str | None = None
    choices: tuple[Any, ...] = ()
    item_model: type[BaseModel] | None = None
    nullable: bool = False
    minimum: float | None = None
    maximum: float | None = None


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def _metadata(tp: Any) -> tuple[Any, list[Any]]:
    if get_origin(tp) is typing.Annotated:
        base, *meta = get_args(tp)
        inner, more = _metadata(base)
        return inner, [*meta, *more]
    return tp, []


def _declared_type(meta: list[Any]) -> FieldType | None:
    """The field type the annotation is marked with, if any (the innermost mark wins)."""
    marks = [m for m in meta if isinstance(m, FieldType)]
    return marks[0] if marks else None


def _bounds(meta: list[Any]) -> tuple[float | None, float | None]:
    lo = hi = None
    for m in meta:
        for attr in ("ge", "gt"):
            if getattr(m, attr, None) is not None:
                lo = float(getattr(m, attr))
        for attr in ("le", "lt"):
            if getattr(m, attr, None) is not None:
                hi = float(getattr(m, attr))
        for sub in getattr(m, "metadata", []) or []:
            s_lo, s_hi = _bounds([sub])
            lo = s_lo if s_lo is not None else lo
            hi = s_hi if s_hi is not None else hi
    return lo, hi


def shape_of(annotation: Any, field_meta: list[Any] | None = None) -> FieldShape:
    """The :class:`FieldShape` of one annotation (with the field's own metadata)."""
    tp, nullable = _unwrap_optional(annotation)
    base, meta = _metadata(tp)
    meta = [*(field_meta or []), *meta]
    lo, hi = _bounds(meta)
    vocab = next((m.id for m in meta if isinstance(m, VocabularyRef)), None)
    if vocab is not None:
        return FieldShape("concept", vocabulary=vocab, nullable=nullable)
    if get_origin(base) is list:
        (elem,) = get_args(base)
        elem_base, elem_meta = _metadata(elem)
        elem_vocab = next((m.id for m in elem_meta if isinstance(m, VocabularyRef)), None)
        if elem_vocab is not None:
            return FieldShape("concepts", vocabulary=elem_vocab)
        if isinstance(elem_base, type) and issubclass(elem_base, Item):
            return FieldShape("items", item_model=elem_base)
        if elem_base is str and _declared_type(elem_meta) is not None:
            return FieldShape("texts")
        if elem_base is str:
            return FieldShape("refs")
        raise PathError(f"unsupported list element type {elem!r}")
    if get_origin(base) is dict:
        return FieldShape("translations")
    if get_origin(base) is Literal:
        return FieldShape("choice", choices=tuple(get_args(base)), nullable=nullable)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return FieldShape("object", item_model=base, nullable=nullable)
    declared = _declared_type(meta)
    if declared is not None:
        return FieldShape(declared.name, nullable=nullable, minimum=lo, maximum=hi)
    if base is bool:
        return FieldShape("bool", nullable=nullable)
    if base is int:
        return FieldShape("int", nullable=nullable, minimum=lo, maximum=hi)
    if base is float:
        return FieldShape("float", nullable=nullable, minimum=lo, maximum=hi)
    if base is Decimal:
        return FieldShape("money", nullable=nullable, minimum=lo, maximum=hi)
    if base is dt.date:
        return FieldShape("date", nullable=nullable)
    if base is str:
        return FieldShape("text")
    raise PathError(f"unsupported annotation {annotation!r}")


def describe(model: type[BaseModel], path: str) -> FieldShape:
    """The shape of the value at schema path ``path`` of ``model``.

    Item ids in brackets are ignored, so ``describe(Proposal, "rights[].title")`` and
    ``describe(Proposal, "rights[x].title")`` give the same answer.
    """
    current: type[BaseModel] = model
    segments = parse_path(path)
    for index, seg in enumerate(segments):
        info = current.model_fields.get(seg.name)
        if info is None:
            raise PathError(f"{path!r}: {current.__name__} has no field {seg.name!r}")
        shape = shape_of(info.annotation, list(info.metadata))
        last = index == len(segments) - 1
        if seg.item is not None:
            if shape.kind != "items":
                raise PathError(f"{path!r}: {seg.name!r} is not a list of items")
            if last:
                return shape
            assert shape.item_model is not None
            current = shape.item_model
            continue
        if last:
            return shape
        if shape.kind == "object" and shape.item_model is not None:
            current = shape.item_model
        else:
            raise PathError(f"{path!r}: {seg.name!r} has no fields below it")
    raise PathError(f"{path!r}: empty")  # pragma: no cover - parse_path rejects empty paths
