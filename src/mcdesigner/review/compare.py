"""Comparing two versions of a proposal, field by field, list items matched by id.

The result is a flat list of changes with field paths, so the compare view can show and
highlight them side by side and a changed learning outcome stays the same outcome even
when the list was reordered.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from mcdesigner.fieldtypes import field_type, is_registered
from mcdesigner.formdefs import FormSet
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import PathError, describe, schema_path

Equality = Callable[[Any, Any], bool]

ChangeKind = Literal["changed", "added", "removed", "reordered"]


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new version."""

    kind: ChangeKind
    path: str  # concrete field path (items by id) in the version where it exists
    old: Any = None
    new: Any = None


def compare(old: BaseModel, new: BaseModel, forms: FormSet | None = None) -> list[Change]:
    """Every difference from ``old`` to ``new``, in document order.

    Two values are the same when their field type says so (a type may, say, ignore the
    spaces in a phone number); ``forms`` gives the types the forms present fields as.
    """
    changes: list[Change] = []
    _Comparer(type(new), forms, changes).models(old, new, "")
    return changes


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


@cache
def _model_equality(model: type[BaseModel], schema: str) -> Equality:
    try:
        kind = describe(model, schema).kind
    except PathError:
        return operator.eq
    return field_type(kind).equal if is_registered(kind) else operator.eq


@dataclass(slots=True)
class _Comparer:
    model: type[BaseModel]
    forms: FormSet | None
    out: list[Change]

    def equal(self, path: str, a: Any, b: Any) -> bool:
        schema = schema_path(path)
        field = self.forms.field(schema) if self.forms is not None else None
        same = field.type.equal if field is not None else _model_equality(self.model, schema)
        return bool(same(a, b))

    def models(self, old: BaseModel, new: BaseModel, prefix: str) -> None:
        for name in type(new).model_fields:
            path = _join(prefix, name)
            a, b = getattr(old, name), getattr(new, name)
            if isinstance(b, BaseModel) and isinstance(a, BaseModel):
                self.models(a, b, path)
            elif _is_item_list(a) or _is_item_list(b):
                self.items(a, b, path)
            elif not self.equal(path, a, b):
                self.out.append(Change("changed", path, a, b))

    def items(self, old: list[Item], new: list[Item], path: str) -> None:
        out = self.out
        old_by_id = {item.id: item for item in old}
        new_by_id = {item.id: item for item in new}
        for item in old:
            if item.id not in new_by_id:
                out.append(Change("removed", f"{path}[{item.id}]", item, None))
        for item in new:
            before = old_by_id.get(item.id)
            item_path = f"{path}[{item.id}]"
            if before is None:
                out.append(Change("added", item_path, None, item))
            else:
                self.models(before, item, item_path)
        common_old = [i.id for i in old if i.id in new_by_id]
        common_new = [i.id for i in new if i.id in old_by_id]
        if common_old != common_new:
            out.append(Change("reordered", path, common_old, common_new))


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], Item)
