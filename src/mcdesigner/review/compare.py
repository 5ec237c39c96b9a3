"""Comparing two versions of a proposal, field by field, list items matched by id.

The result is a flat list of changes with field paths, so the compare view can show and
highlight them side by side and a changed learning outcome stays the same outcome even
when the list was reordered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from mcdesigner.model.base import Item

ChangeKind = Literal["changed", "added", "removed", "reordered"]


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new version."""

    kind: ChangeKind
    path: str  # concrete field path (items by id) in the version where it exists
    old: Any = None
    new: Any = None


def compare(old: BaseModel, new: BaseModel) -> list[Change]:
    """Every difference from ``old`` to ``new``, in document order."""
    changes: list[Change] = []
    _compare_models(old, new, "", changes)
    return changes


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _compare_models(old: BaseModel, new: BaseModel, prefix: str, out: list[Change]) -> None:
    for name in type(new).model_fields:
        path = _join(prefix, name)
        a, b = getattr(old, name), getattr(new, name)
        if isinstance(b, BaseModel) and isinstance(a, BaseModel):
            _compare_models(a, b, path, out)
        elif _is_item_list(a) or _is_item_list(b):
            _compare_items(a, b, path, out)
        elif a != b:
            out.append(Change("changed", path, a, b))


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], Item)


def _compare_items(old: list[Item], new: list[Item], path: str, out: list[Change]) -> None:
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
            _compare_models(before, item, item_path, out)
    common_old = [i.id for i in old if i.id in new_by_id]
    common_new = [i.id for i in new if i.id in old_by_id]
    if common_old != common_new:
        out.append(Change("reordered", path, common_old, common_new))
