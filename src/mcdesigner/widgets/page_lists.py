"""What a section page does with its lists and check results, kept apart from the page.

- :func:`apply_editor_issues` gives check results to the editors whose results changed;
- :func:`show_list_messages` puts the issues about a list and its items under the list;
- :func:`placeholders_in_view` finds the items of long lists that are near the visible part
  of the page and still wait to be built;
- :func:`within`, :func:`related` and :func:`enclosing_items` read paths (a field inside an
  item inside a list); :func:`condition_paths` names the values a page's visibility reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFormLayout, QWidget

from mcdesigner.formdefs.definitions import FieldDef, FormSet, GroupDef, SectionDef
from mcdesigner.model.fieldpath import schema_path
from mcdesigner.widgets.contract import FieldEditor, issue_colour, worst_severity
from mcdesigner.widgets.item_lists import ItemListWidget


def within(path: str, other: str) -> bool:
    """Whether ``path`` is ``other`` or lies inside it (a field of it, an item of it)."""
    return path == other or path.startswith((other + ".", other + "["))


def related(path: str, other: str) -> bool:
    """Whether one of the two paths lies inside the other (or they are the same)."""
    return within(path, other) or within(other, path)


def enclosing_items(path: str) -> Iterator[tuple[str, str]]:
    """(list path, item id) of every item ``path`` lies in, outermost first.

    ``a.b[x].c[y].d`` gives ``("a.b", "x")`` then ``("a.b[x].c", "y")``.
    """
    end = path.find("]")
    while end >= 0:
        start = path.rfind("[", 0, end)
        yield path[:start], path[start + 1 : end]
        end = path.find("]", end + 1)


def condition_paths(section: SectionDef, forms: FormSet) -> tuple[str, ...]:
    """The schema paths that some ``visible_if`` of the section's fields and groups reads."""
    elements: list[FieldDef | GroupDef] = [*section.fields(), *section.all_groups()]
    found = {
        schema_path(condition.path)
        for element in elements
        for condition in forms.visibility_conditions(element)
    }
    return tuple(sorted(found))


def show_editor(editor: FieldEditor, label: QWidget | None, visible: bool) -> None:
    """Show or hide an editor with its label (its whole row in a form)."""
    layout = getattr(editor, "form_layout", None)
    if isinstance(layout, QFormLayout):
        layout.setRowVisible(editor, visible)
        return
    editor.setVisible(visible)
    if label is not None:
        label.setVisible(visible)


def apply_editor_issues(
    editors: Mapping[str, FieldEditor],
    previous: Mapping[str, list[Any]],
    current: Mapping[str, list[Any]],
) -> None:
    """Give each editor its new results, touching only those whose results changed."""
    for path in previous.keys() | current.keys():
        editor = editors.get(path)
        if editor is not None and previous.get(path) != current.get(path):
            editor.set_issues(current.get(path, []))


def show_list_messages(lists: Iterable[ItemListWidget], by_path: dict[str, list[Any]]) -> None:
    """Show the issues about each list and its items under it (taken out of ``by_path``).

    A list's message holds its own and its items' issues, coloured by the worst.
    """
    for lst in lists:
        about = by_path.pop(lst.list_path, [])
        texts = [str(i.message) for i in about]
        for index, item_id in enumerate(lst.order, start=1):
            for issue in by_path.pop(f"{lst.list_path}[{item_id}]", []):
                about.append(issue)
                texts.append(f"{lst.group.item_label} {index}: {issue.message}")
        lst.set_message("\n".join(texts), issue_colour(worst_severity(about) or "error"))


def placeholders_in_view(
    lists: Iterable[ItemListWidget], content: QWidget, top: int, height: int
) -> list[tuple[ItemListWidget, str]]:
    """Unbuilt items within an eighth of a screen of the visible part (``top``, ``height``) of
    ``content``, in page order; one per list until the list knows how tall its items are."""
    low, high = top - height // 8, top + height + height // 8
    wanted: list[tuple[ItemListWidget, str]] = []
    for lst in lists:
        for item_id, line in lst.unbuilt():
            if not line.isVisibleTo(content):
                break  # the whole list is hidden
            y = line.mapTo(content, QPoint(0, 0)).y()
            if y > high:
                break  # items are in order: the rest lie further down
            if y + line.height() >= low:
                wanted.append((lst, item_id))
                if not lst.calibrated:
                    break  # measure one built item before judging the others' height
    return wanted
