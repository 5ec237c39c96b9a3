"""When a field's check results are shown beside it: a calm editor for a new proposal.

The Issues dock always lists everything the checks found. Beside the fields, though, a
new blank proposal should not be covered in red before the author has typed anything,
and a message should not appear under a field while the author is still typing its first
words. So a field's results are shown beside it once

- the author has left the field (or a field inside the list item or group it belongs to),
- or the field already held something when the proposal was opened (its problems are
  about what was written, not about what is still to come),
- or the author asked for them: *Check now*, a refused submission, or going to an issue
  from the Issues dock.

Once shown, a field's results stay shown for as long as the proposal is open, so nothing
disappears while the author corrects it. Results without a field (about the whole
proposal) are always shown. The checks themselves are unchanged; this only filters what
the editor shows inline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from mcdesigner.model.edits import Edit, InsertItem, MoveItem, RemoveItem
from mcdesigner.model.fieldpath import PathError, get_value


def enclosing_paths(path: str) -> Iterator[str]:
    """``path`` and every path that contains it, innermost first:
    ``a.b[x].c`` gives ``a.b[x].c``, ``a.b[x]``, ``a.b``, ``a``."""
    yield path
    depth = 0
    for index in range(len(path) - 1, 0, -1):
        char = path[index]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                yield path[:index]
        elif char == "." and depth == 0:
            yield path[:index]


def is_blank(value: Any) -> bool:
    """Whether ``value`` holds nothing the author wrote (empty text, list, unset value)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | dict):
        return not value
    if isinstance(value, BaseModel):
        return all(
            is_blank(getattr(value, name)) for name in type(value).model_fields if name != "id"
        )
    return False


class IssueReveal:
    """Remembers, for the open proposal, which fields' results may be shown beside them."""

    def __init__(self) -> None:
        self._proposal: BaseModel | None = None
        self._revealed: set[str] = set()
        self._edited: set[str] = set()  # values changed since the proposal was opened
        self._edited_lists: set[str] = set()  # lists whose items were added or removed
        self._blank: set[str] = set()  # values found empty and not edited since

    def start(self, proposal: BaseModel | None, *, keep_revealed: bool = False) -> None:
        """Follow ``proposal`` (just opened, or reloaded when ``keep_revealed``)."""
        self._proposal = proposal
        if not keep_revealed:
            self._revealed = set()
        self._edited = set()
        self._edited_lists = set()
        self._blank = set()

    def edited(self, edit: Edit) -> None:
        """The author changed something: its results wait until the author leaves it."""
        if isinstance(edit, InsertItem):
            self._edited.add(f"{edit.list_path}[{edit.item.id}]")
            self._edited_lists.add(edit.list_path)
        elif not isinstance(edit, RemoveItem | MoveItem):
            self._edited.add(edit.touched)

    def left(self, path: str) -> None:
        """The author left the field at ``path``: show its results, and those of the
        list items, lists and groups that contain it."""
        self._revealed.update(enclosing_paths(path))

    def reveal(self, paths: Iterable[str]) -> None:
        """Show the results about ``paths`` from now on."""
        self._revealed.update(paths)

    def is_shown(self, path: str) -> bool:
        """Whether the results about ``path`` are shown beside its field."""
        if not path or path in self._revealed:
            return True
        if path in self._blank or path in self._edited_lists:
            return False
        if any(p in self._edited for p in enclosing_paths(path)):
            return False
        if self._proposal is None:
            return True
        try:
            value = get_value(self._proposal, path)
        except (PathError, LookupError, AttributeError, TypeError, ValueError):
            return True  # not a value of the proposal: nothing to wait for
        if is_blank(value):
            self._blank.add(path)
            return False
        self._revealed.add(path)
        return True

    def shown(self, issues: Iterable[Any]) -> list[Any]:
        """The ``issues`` to show beside their fields."""
        return [i for i in issues if self.is_shown(str(getattr(i, "path", "") or ""))]
