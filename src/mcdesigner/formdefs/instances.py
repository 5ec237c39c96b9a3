"""Expand a schema path (``rights[].title``) into the concrete paths of one proposal.

Checks and exports walk the form definitions, which use schema paths, and need one
concrete path per list item (``rights[3f9a].title``) to read values and to point
messages and comments at the right item.
"""

from __future__ import annotations

from pydantic import BaseModel

from mcdesigner.model.fieldpath import PathError, parse_path


def concrete_paths(root: BaseModel, path: str, within: str | None = None) -> list[str]:
    """Every concrete path ``path`` stands for in ``root``, in list order.

    ``[]`` expands to each item's id; brackets that already hold an id are kept, so a
    partly concrete path expands only the rest. With ``within`` (a concrete path such
    as ``certified.learning_outcomes[ab12]``) the expansion is limited to that item.
    Paths that do not fit the model give an empty list.
    """
    try:
        segments = parse_path(path)
        limits = parse_path(within) if within else []
    except PathError:
        return []
    found: list[tuple[str, object]] = [("", root)]
    for index, seg in enumerate(segments):
        limit = limits[index] if index < len(limits) and limits[index].name == seg.name else None
        wanted = limit.item if limit is not None and limit.item else seg.item
        expanded: list[tuple[str, object]] = []
        for prefix, node in found:
            if not isinstance(node, BaseModel) or seg.name not in type(node).model_fields:
                continue
            value = getattr(node, seg.name)
            base = f"{prefix}.{seg.name}" if prefix else seg.name
            if wanted is None:
                expanded.append((base, value))
            elif isinstance(value, list):
                for element in value:
                    item_id = getattr(element, "id", None)
                    if isinstance(item_id, str) and wanted in ("", item_id):
                        expanded.append((f"{base}[{item_id}]", element))
        found = expanded
    return [p for p, _ in found]
