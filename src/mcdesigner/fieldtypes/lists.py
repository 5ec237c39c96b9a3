"""List field types: several lines of text, and references to items of another list."""

from __future__ import annotations

from typing import Any

from mcdesigner.fieldtypes import editors
from mcdesigner.fieldtypes.base import DocumentLayout, FieldType, ValueContext


def _texts_text(value: Any, context: ValueContext) -> str:
    return context.join(str(v) for v in value)


def _references_text(value: Any, context: ValueContext) -> str:
    return context.join(context.reference(str(v)) for v in value)


TEXTS = FieldType(
    name="texts",
    description="list of short texts",
    widgets={"list": editors.PICK_LIST},
    text=_texts_text,
    document=DocumentLayout(width=1.8),
    vocabulary=True,
    is_list=True,
)

REFS = FieldType(
    name="refs",
    description="list of references to items",
    widgets={"checklist": editors.ITEM_CHECKLIST},
    text=_references_text,
    document=DocumentLayout(width=1.6),
    item_references=True,
    is_list=True,
)
