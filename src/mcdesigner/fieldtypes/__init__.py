"""Field types: the one home of each kind of value a proposal holds.

A type (:class:`FieldType`) declares how a value is parsed from what the user typed and
validated, which widget edits it, how it reads as text, how two values compare, and how
it is laid out in documents. The model marks its annotations with a type, the forms
validate widget hints against it, and the editor, the checks, the documents, the compare
view and the command line all ask it. Pure code, below the model: it imports only the
formatter and the translation hook.

Built-in types::

    text, longtext, email, link, int, float, percent, money, date,
    bool, choice, concept, concepts, texts, refs

A new type is one module and one :func:`register` call (CONTRIBUTING.md, "Adding a field
type").
"""

from __future__ import annotations

from mcdesigner.fieldtypes.base import Align, DocumentLayout, FieldType, ValueContext, Widget
from mcdesigner.fieldtypes.choices import BOOL, CHOICE, CONCEPT, CONCEPTS
from mcdesigner.fieldtypes.dates import DATE
from mcdesigner.fieldtypes.lists import REFS, TEXTS
from mcdesigner.fieldtypes.numbers import FLOAT, INT, MONEY, PERCENT
from mcdesigner.fieldtypes.registry import (
    UnknownFieldType,
    field_type,
    is_registered,
    register,
    registered,
    unregister,
)
from mcdesigner.fieldtypes.text import EMAIL, LINK, LONGTEXT, TEXT, check_email, check_url

BUILT_IN: tuple[FieldType, ...] = (
    TEXT, LONGTEXT, EMAIL, LINK, INT, FLOAT, PERCENT, MONEY, DATE,
    BOOL, CHOICE, CONCEPT, CONCEPTS, TEXTS, REFS,
)  # fmt: skip
for _type in BUILT_IN:
    register(_type)

__all__ = [
    "BOOL",
    "BUILT_IN",
    "CHOICE",
    "CONCEPT",
    "CONCEPTS",
    "DATE",
    "EMAIL",
    "FLOAT",
    "INT",
    "LINK",
    "LONGTEXT",
    "MONEY",
    "PERCENT",
    "REFS",
    "TEXT",
    "TEXTS",
    "Align",
    "DocumentLayout",
    "FieldType",
    "UnknownFieldType",
    "ValueContext",
    "Widget",
    "check_email",
    "check_url",
    "field_type",
    "is_registered",
    "register",
    "registered",
    "unregister",
]
