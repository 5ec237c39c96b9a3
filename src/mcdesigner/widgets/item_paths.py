"""Turning the schema paths of form definitions into the concrete paths of one proposal.

Forms name values by schema path (``certified.learning_outcomes[].text``); an editor on
screen edits one concrete value (``certified.learning_outcomes[3f9a0c1b2d4e].text``).
"""

from __future__ import annotations


def item_path(list_path: str, item_id: str) -> str:
    """The concrete path of the item ``item_id`` in the list at ``list_path``."""
    return f"{list_path}[{item_id}]"


def path_in_item(schema: str, group_schema: str, item: str) -> str:
    """A field's concrete path inside the concrete ``item`` of the list ``group_schema``.

    ``path_in_item("a.b[].c[].d", "a.b[].c", "a.b[x].c[y]")`` gives ``a.b[x].c[y].d``.
    """
    prefix = group_schema + "[]"
    if not schema.startswith(prefix):
        raise ValueError(f"{schema!r} is not inside the list {group_schema!r}")
    return item + schema[len(prefix) :]


def concrete_list_path(
    group_schema: str, parent_group_schema: str | None, parent_item: str | None
) -> str:
    """The concrete path of a (possibly nested) list, given its parent item's concrete path."""
    if parent_group_schema is None or parent_item is None:
        return group_schema
    return path_in_item(group_schema, parent_group_schema, parent_item)
