"""Conditional visibility: a field or group shows only while another value satisfies a test.

A condition names a schema path (``certified.integration``) and one test: ``equals`` a
value, is ``in_`` a set of values, or is ``not_empty``. Inside list items the path may
contain ``[]``; it then means "the same item as the field being shown", and the item
ids are taken from the concrete path of that field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from mcdesigner.model.fieldpath import Segment, parse_path


def is_empty(value: Any) -> bool:
    """Whether ``value`` counts as "not filled in" (None, blank text, empty list)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | dict):
        return len(value) == 0
    return False


@dataclass(frozen=True, slots=True)
class Condition:
    """Show something only while the value at ``path`` passes exactly one test."""

    path: str
    equals: Any = None
    in_: tuple[Any, ...] | None = None
    not_empty: bool = False

    def test(self, value: Any) -> bool:
        """Apply this condition's test to one value."""
        if self.not_empty:
            return not is_empty(value)
        if self.in_ is not None:
            return value in self.in_
        return bool(value == self.equals)

    def holds(self, proposal: BaseModel, item_path_prefix: str | None = None) -> bool:
        """Evaluate against ``proposal``.

        ``item_path_prefix`` is the concrete path of the field (or item) being shown, e.g.
        ``rights[3f9a].limit_occupation``; its item ids fill the ``[]`` of this condition's
        path. Brackets left open are tried over every item: the condition holds when it
        holds for one of them. A value that no longer exists counts as empty.
        """
        concrete = _fill_ids(parse_path(self.path), item_path_prefix)
        values = _values(proposal, concrete)
        if not values:
            return self.test(None)
        return any(self.test(value) for value in values)

    def describe(self) -> str:
        """A short English rendering for logs and error messages."""
        if self.not_empty:
            return f"{self.path} is filled in"
        if self.in_ is not None:
            return f"{self.path} is one of {list(self.in_)!r}"
        return f"{self.path} == {self.equals!r}"


def _fill_ids(segments: list[Segment], prefix: str | None) -> list[Segment]:
    if not prefix:
        return segments
    known = parse_path(prefix)
    filled: list[Segment] = []
    matching = True
    for index, seg in enumerate(segments):
        other = known[index] if index < len(known) else None
        matching = matching and other is not None and other.name == seg.name
        if matching and seg.item == "" and other is not None and other.item:
            filled.append(Segment(seg.name, other.item))
        else:
            filled.append(seg)
    return filled


def _values(root: BaseModel, segments: list[Segment]) -> list[Any]:
    """Every value the (possibly open) path reaches; empty when nothing matches."""
    nodes: list[Any] = [root]
    for seg in segments:
        next_nodes: list[Any] = []
        for node in nodes:
            if not isinstance(node, BaseModel) or seg.name not in type(node).model_fields:
                continue
            value = getattr(node, seg.name)
            if seg.item is None:
                next_nodes.append(value)
            elif isinstance(value, list):
                if seg.item == "":
                    next_nodes.extend(value)
                else:
                    next_nodes.extend(v for v in value if getattr(v, "id", None) == seg.item)
        nodes = next_nodes
    return nodes
