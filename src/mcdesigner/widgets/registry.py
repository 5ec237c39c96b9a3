"""Which editor class edits which field: chosen from the value's kind and the form's hint.

The registry maps ``(kind, hint)`` to a factory; ``hint`` None is the default for a kind.
A form may ask for a different widget (``widget = "radio"``); an unknown hint falls back to
the kind's default. New editors register themselves with :func:`register`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.widgets.choice_editors import BoolEditor, ChoiceEditor, RadioChoiceEditor
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.date_editor import DateEditor
from mcdesigner.widgets.list_editors import ChecklistEditor, PickListEditor, RefsEditor
from mcdesigner.widgets.number_editors import MoneyEditor, NumberEditor
from mcdesigner.widgets.options import field_options
from mcdesigner.widgets.text_editors import LineEditor, MultiLineEditor

EditorFactory = Callable[[FieldDef, QWidget | None], FieldEditor]

#: Vocabularies up to this size are shown as check lists when several terms may be chosen.
CHECKLIST_LIMIT = 16

_REGISTRY: dict[tuple[str, str | None], EditorFactory] = {}


def register(kind: str, hint: str | None = None) -> Callable[[EditorFactory], EditorFactory]:
    """Decorator registering ``factory`` for fields of ``kind`` (and optional widget ``hint``)."""

    def decorate(factory: EditorFactory) -> EditorFactory:
        _REGISTRY[(kind, hint)] = factory
        return factory

    return decorate


def _concepts(field: FieldDef, parent: QWidget | None) -> FieldEditor:
    if field.widget == "checklist" or (
        field.widget is None and len(field_options(field)) <= CHECKLIST_LIMIT
    ):
        return ChecklistEditor(field, parent)
    return PickListEditor(field, parent)


def _longtext(field: FieldDef, parent: QWidget | None) -> FieldEditor:
    if field.widget == "line":
        return LineEditor(field, parent)
    return MultiLineEditor(field, parent)


for _kind in ("text", "email", "link"):
    register(_kind)(LineEditor)
register("longtext")(_longtext)
for _kind in ("int", "float"):
    register(_kind)(NumberEditor)
register("money")(MoneyEditor)
register("date")(DateEditor)
register("bool")(BoolEditor)
for _kind in ("choice", "concept"):
    register(_kind)(ChoiceEditor)
    register(_kind, "radio")(RadioChoiceEditor)
    register(_kind, "rating")(RadioChoiceEditor)
register("concepts")(_concepts)
register("texts")(PickListEditor)
register("refs")(RefsEditor)


class NoEditor(LookupError):
    """No editor is registered for a field's kind."""


def editor_for(field: FieldDef, parent: QWidget | None = None) -> FieldEditor:
    """A new editor for ``field``, picked by its kind and widget hint."""
    factory = _REGISTRY.get((field.kind, field.widget)) or _REGISTRY.get((field.kind, None))
    if factory is None:
        raise NoEditor(f"no editor for {field.path!r} of kind {field.kind!r}")
    return factory(field, parent)
