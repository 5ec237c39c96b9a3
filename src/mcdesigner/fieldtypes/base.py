"""What a field type declares: parsing and validation, widget, text, comparison and layout.

A :class:`FieldType` is the one home of everything the application knows about a kind of
value (text, amount of money, date, choice from a vocabulary...). The model marks an
annotation with the type (the type object itself sits in the ``Annotated`` metadata), the
forms check their widget hints against it, the editor asks it for its widget, the checks
run its validation, and the documents, the compare view and the command line print values
with its text function. Pure code: the widget is named by its import path and resolved
by the Qt layer, so this package never imports Qt.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from mcdesigner.formatting import Formatter
from mcdesigner.i18n import tr

Align = Literal["left", "right"]


class ValueContext(Protocol):
    """What a type needs from its caller to write a value as text.

    The documents, the compare view and the command line each provide one: the
    formatter of the user's locale, the proposal's currency, how a choice or a vocabulary
    term of this field is labelled, how a reference to a list item is named, and how the
    entries of a list are joined.
    """

    @property
    def formatter(self) -> Formatter: ...

    @property
    def currency(self) -> str: ...

    def label(self, value: Any) -> str:
        """The form's label of a choice, a vocabulary term, or a yes/no value."""
        ...

    def reference(self, item_id: str) -> str:
        """The name of the list item ``item_id`` points to (``Learning outcome 2``)."""
        ...

    def join(self, entries: Iterable[str]) -> str:
        """The entries of a list value as one text."""
        ...


@dataclass(frozen=True, slots=True)
class Widget:
    """One way of editing the type in the window.

    ``editor`` is ``"package.module:name"`` of a factory taking ``(field, parent)`` and
    returning a field editor; ``full_width`` puts the editor under an item's row, across
    the whole width, in table-like lists (long texts, lists of terms).
    """

    editor: str
    full_width: bool = False


@dataclass(frozen=True, slots=True)
class DocumentLayout:
    """How a value of the type is laid out in a document table column."""

    width: float = 1.5  # relative width of the column
    align: Align = "left"
    paragraph: bool = False  # prose that wraps over several lines (shares less space)


def _plain_text(value: Any, context: ValueContext) -> str:
    return str(value)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class FieldType:
    """A kind of value, declared once.

    ``name`` is the kind as forms, messages and :class:`~mcdesigner.model.fieldpath.FieldShape`
    name it. ``widgets`` maps each widget hint a form may give to its :class:`Widget`; the
    first entry is the default, so writing it in a form changes nothing and is refused.
    ``parse`` turns what the user typed into a value (``ValueError`` with a message to
    show); ``validate`` is the value's own check (``ValueError`` with a message), run by
    the model on assignment and by the checks; ``equal`` says whether two values are the
    same for the compare view. ``refines`` names the kind of model value a form may
    present as this type (``type = "phone"`` on a text field).
    """

    name: str
    description: str
    widgets: Mapping[str, Widget]
    text: Callable[[Any, ValueContext], str] = _plain_text
    parse: Callable[[str, Formatter], Any] | None = None
    validate: Callable[[Any], Any] | None = None
    equal: Callable[[Any, Any], bool] = operator.eq
    document: DocumentLayout = field(default_factory=DocumentLayout)
    column_stretch: int = 1  # share of the width of its column in the editor's item tables
    min_cell_width: int = 90  # narrowest useful editor in a table cell (pixels)
    placeholder: str = ""  # grey example in an empty box when the form gives none (English)
    integer: bool = False  # whole numbers only: the editor refuses a decimal separator
    condition_values: tuple[type, ...] = ()  # what a visible_if may compare it with
    refines: str | None = None
    vocabulary: bool = False  # a form may name a vocabulary of terms for it
    choices: bool = False  # a form must label each of its allowed values
    item_references: bool = False  # ids of items of another list ('items_from')
    is_list: bool = False

    def __post_init__(self) -> None:
        if not self.widgets:
            raise ValueError(f"field type {self.name!r} offers no widget")

    def __repr__(self) -> str:
        return f"FieldType({self.name!r})"

    @property
    def default_hint(self) -> str:
        """The widget hint used when a form gives none."""
        return next(iter(self.widgets))

    def widget(self, hint: str | None) -> Widget:
        """The widget for ``hint`` (the default one for ``None``)."""
        return self.widgets[hint if hint is not None else self.default_hint]

    def hint_problem(self, hint: str) -> str | None:
        """Why a form may not give ``hint`` for a field of this type (None: it may)."""
        if hint not in self.widgets:
            return tr(
                "widget '{widget}' is not allowed for a {kind} field (allowed: {allowed})",
                "forms",
            ).format(widget=hint, kind=self.name, allowed=", ".join(self.widgets))
        if hint == self.default_hint:
            return tr(
                "widget '{widget}' is what a {kind} field shows anyway: remove the line",
                "forms",
            ).format(widget=hint, kind=self.name)
        return None

    def problem(self, value: Any) -> str | None:
        """The type's complaint about ``value`` (None when it is fine or empty)."""
        if self.validate is None or value in (None, "", []):
            return None
        try:
            self.validate(value)
        except ValueError as error:
            return str(error)
        return None
