"""Choice field types: yes or no, one of fixed values, one or several vocabulary terms."""

from __future__ import annotations

from typing import Any

from mcdesigner.fieldtypes import editors
from mcdesigner.fieldtypes.base import DocumentLayout, FieldType, ValueContext


def _label_text(value: Any, context: ValueContext) -> str:
    return context.label(value)


def _labels_text(value: Any, context: ValueContext) -> str:
    return context.join(context.label(v) for v in value)


BOOL = FieldType(
    name="bool",
    description="yes or no",
    widgets={"checkbox": editors.CHECKBOX},
    text=_label_text,
    document=DocumentLayout(width=0.9),
    min_cell_width=48,
    condition_values=(bool,),
)

CHOICE = FieldType(
    name="choice",
    description="choice of fixed values",
    widgets={"combo": editors.COMBO, "radio": editors.RADIO, "rating": editors.RADIO},
    text=_label_text,
    document=DocumentLayout(width=1.3),
    column_stretch=3,
    min_cell_width=110,
    choices=True,
)

CONCEPT = FieldType(
    name="concept",
    description="term of a vocabulary",
    widgets={"combo": editors.COMBO, "radio": editors.RADIO, "search": editors.COMBO},
    text=_label_text,
    document=DocumentLayout(width=1.6),
    column_stretch=3,
    vocabulary=True,
)

CONCEPTS = FieldType(
    name="concepts",
    description="list of vocabulary terms",
    widgets={"auto": editors.TERMS, "checklist": editors.CHECKLIST, "search": editors.PICK_LIST},
    text=_labels_text,
    document=DocumentLayout(width=2.0),
    vocabulary=True,
    is_list=True,
)
