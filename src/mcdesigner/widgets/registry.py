"""Which editor edits which field: the one its field type names for the form's hint.

Each :class:`~mcdesigner.fieldtypes.FieldType` names its widgets by import path
(``"mcdesigner.widgets.text_editors:LineEditor"``); this module imports the factory the
first time it is needed and calls it with the field. Nothing here switches on kinds: a
new field type brings its widget with it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import cast

from PySide6.QtWidgets import QWidget

from mcdesigner.fieldtypes import UnknownFieldType
from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.widgets.contract import FieldEditor

EditorFactory = Callable[[FieldDef, QWidget | None], FieldEditor]


class NoEditor(LookupError):
    """The field's type names no editor that can be imported."""


@cache
def resolve(reference: str) -> EditorFactory:
    """The factory named ``"package.module:name"``."""
    module_name, _, name = reference.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError) as error:
        raise NoEditor(f"the editor {reference!r} cannot be imported: {error}") from None
    return cast(EditorFactory, factory)


def editor_for(field: FieldDef, parent: QWidget | None = None) -> FieldEditor:
    """A new editor for ``field``, the one its type names for the form's widget hint."""
    try:
        widget = field.editor_widget
    except (UnknownFieldType, KeyError):
        raise NoEditor(
            f"no editor for {field.path!r} of kind {field.kind!r} and widget {field.widget!r}"
        ) from None
    return resolve(widget.editor)(field, parent)
