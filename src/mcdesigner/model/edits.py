"""Edits: the small, invertible changes a user makes to a proposal.

Every change in the editor is one of these operations. Each knows how to apply itself to
a proposal and returns the operation that undoes it, so undo/redo is plain data and can
be tested without any user interface. Operations address values by field path (see
:mod:`mcdesigner.model.fieldpath`) and list items by id, never by widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from mcdesigner.model.base import Item, new_id
from mcdesigner.model.fieldpath import PathError, get_value, set_value
from mcdesigner.model.proposal import iter_items
from mcdesigner.model.translations import set_translation


@dataclass(frozen=True)
class SetValue:
    """Replace the value at ``path``."""

    path: str
    value: Any

    def apply(self, root: BaseModel) -> SetValue:
        old = get_value(root, self.path)
        if isinstance(old, list):
            old = list(old)
        set_value(root, self.path, self.value)
        return SetValue(self.path, old)

    @property
    def touched(self) -> str:
        return self.path


def _items(root: BaseModel, list_path: str) -> list[Any]:
    items = get_value(root, list_path)
    if not isinstance(items, list):
        raise PathError(f"{list_path!r} is not a list")
    return items


def _reassign(root: BaseModel, list_path: str, items: list[Any]) -> None:
    # Assigning a new list re-runs validation of the owning model (ids, limits).
    set_value(root, list_path, items)


@dataclass(frozen=True)
class InsertItem:
    """Insert ``item`` into the list at ``list_path`` at ``index`` (clamped)."""

    list_path: str
    index: int
    item: Item

    def apply(self, root: BaseModel) -> RemoveItem:
        items = list(_items(root, self.list_path))
        taken = {element.id for element in iter_items(root)}  # type: ignore[arg-type]
        incoming = [self.item, *iter_items(self.item)]
        clash = next((i.id for i in incoming if i.id in taken), None)
        if clash is not None:
            raise PathError(f"an item with id {clash!r} already exists")
        index = max(0, min(self.index, len(items)))
        items.insert(index, self.item.model_copy(deep=True))
        _reassign(root, self.list_path, items)
        return RemoveItem(self.list_path, self.item.id)

    @property
    def touched(self) -> str:
        return self.list_path


@dataclass(frozen=True)
class RemoveItem:
    """Remove the item with ``item_id`` from the list at ``list_path``."""

    list_path: str
    item_id: str

    def apply(self, root: BaseModel) -> InsertItem:
        items = list(_items(root, self.list_path))
        for index, element in enumerate(items):
            if element.id == self.item_id:
                removed = items.pop(index)
                _reassign(root, self.list_path, items)
                return InsertItem(self.list_path, index, removed)
        raise PathError(f"no item {self.item_id!r} in {self.list_path!r}")

    @property
    def touched(self) -> str:
        return self.list_path


@dataclass(frozen=True)
class MoveItem:
    """Move the item with ``item_id`` to position ``to_index`` of its list."""

    list_path: str
    item_id: str
    to_index: int

    def apply(self, root: BaseModel) -> MoveItem:
        items = list(_items(root, self.list_path))
        for index, element in enumerate(items):
            if element.id == self.item_id:
                moved = items.pop(index)
                target = max(0, min(self.to_index, len(items)))
                items.insert(target, moved)
                _reassign(root, self.list_path, items)
                return MoveItem(self.list_path, self.item_id, index)
        raise PathError(f"no item {self.item_id!r} in {self.list_path!r}")

    @property
    def touched(self) -> str:
        return self.list_path


@dataclass(frozen=True)
class SetTranslation:
    """Replace the text at ``path`` in ``language`` ("" removes the translation).

    For the main language this is the field itself (as :class:`SetValue`).
    """

    language: str
    path: str
    value: str

    def apply(self, root: BaseModel) -> SetTranslation:
        old = set_translation(root, self.language, self.path, self.value)
        return SetTranslation(self.language, self.path, old)

    @property
    def touched(self) -> str:
        return self.path


@dataclass(frozen=True)
class SetValues:
    """Replace several values at once: one change to undo (filling a whole linked skill).

    Either every value is set or, when one is refused, none is.
    """

    values: tuple[SetValue, ...]

    def apply(self, root: BaseModel) -> SetValues:
        inverses: list[SetValue] = []
        try:
            for edit in self.values:
                inverses.append(edit.apply(root))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(root)
            raise
        return SetValues(tuple(reversed(inverses)))

    @property
    def touched(self) -> str:
        return self.values[0].path if self.values else ""


Edit = SetValue | SetValues | InsertItem | RemoveItem | MoveItem | SetTranslation


_Item = TypeVar("_Item", bound=Item)


def duplicate_item(item: _Item) -> _Item:
    """A deep copy of ``item`` where it and every nested item get fresh ids."""
    data = item.model_dump()
    _fresh_ids(data)
    return type(item).model_validate(data)


def _fresh_ids(data: Any) -> None:
    if isinstance(data, dict):
        if "id" in data and isinstance(data["id"], str):
            data["id"] = new_id()
        for value in data.values():
            _fresh_ids(value)
    elif isinstance(data, list):
        for value in data:
            _fresh_ids(value)


def apply_edit(root: BaseModel, edit: Edit) -> Edit:
    """Apply ``edit`` to ``root`` in place and return its inverse.

    On a validation error the proposal is left exactly as it was.
    """
    return edit.apply(root)
