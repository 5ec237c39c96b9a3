"""How a form lays out a list in the documents: which fields share a table column.

A repeatable group may name, under ``document_columns``, the fields that share each
column of its table in the Word and PDF documents (a name above its e-mail), so a wide
list still fits the page. Each entry must be one of the group's own fields, at most once;
fields not named get a column of their own after the named ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.formdefs.tables import Table
from mcdesigner.i18n import tr

KEY = "document_columns"


def parse_document_columns(table: Table, fields: Iterable[FieldDef]) -> tuple[tuple[str, ...], ...]:
    """The group's ``document_columns``: a list of columns, each a list of field paths."""
    value = table.data.get(KEY)
    if value is None:
        return ()
    if (
        not isinstance(value, list)
        or not value
        or not all(
            isinstance(column, list) and column and all(isinstance(p, str) for p in column)
            for column in value
        )
    ):
        table.fail(
            tr(
                "'document_columns' must be a list of columns, each a list of field paths",
                "forms",
            )
        )
    own = {f.path for f in fields}
    seen: set[str] = set()
    for column in value:
        for path in column:
            if path not in own:
                table.fail(
                    tr("document_columns may only name the group's own fields", "forms"), path
                )
            if path in seen:
                table.fail(tr("document_columns names this field twice", "forms"), path)
            seen.add(path)
    return tuple(tuple(column) for column in value)
