"""The frozen objects a form file loads into: sections, groups, fields and the whole set.

Everything here is immutable and pure (no Qt, no I/O); :mod:`mcdesigner.formdefs.loader`
builds these objects from the TOML files and checks them against the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from mcdesigner.fieldtypes import FieldType, Widget, field_type
from mcdesigner.formatting import formatter
from mcdesigner.formdefs.computed import ComputedDef
from mcdesigner.formdefs.conditions import Condition
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import FieldShape, parse_path, schema_path
from mcdesigner.model.standards import ESG_BY_NUMBER
from mcdesigner.model.vocabularies import get_vocabulary

Layout = Literal["form", "table", "cards", "fixed"]
LAYOUTS: tuple[Layout, ...] = ("form", "table", "cards", "fixed")


@dataclass(frozen=True, slots=True)
class FieldDef:
    """One editable value of the proposal as the form presents it.

    ``required`` applies while the field is visible: a hidden field (its ``visible_if``
    or a group's does not hold) is never missing. Texts are already translated.
    """

    path: str
    label: str
    help: str
    required: bool
    shape: FieldShape
    section_id: str
    group_id: str
    reference: str = ""
    widget: str | None = None
    placeholder: str = ""
    vocabulary: str | None = None
    choices: tuple[tuple[Any, str], ...] = ()
    feeds: tuple[str, ...] = ()
    visible_if: Condition | None = None
    items_from: str | None = None  # for id lists: the list schema path the ids point into
    #: Written in every language of the proposal (see :mod:`mcdesigner.model.translations`).
    translated: bool = False

    @property
    def on_credential(self) -> bool:
        """Whether the value is copied onto the digital credential."""
        return "credential" in self.feeds

    @property
    def kind(self) -> str:
        """Shortcut for ``shape.kind``: the name of the field's type."""
        return self.shape.kind

    @property
    def type(self) -> FieldType:
        """The field's :class:`~mcdesigner.fieldtypes.FieldType`."""
        return field_type(self.shape.kind)

    def parse(self, text: str) -> Any:
        """What the user typed as the field's value; ``ValueError`` with a message to show.

        Numbers and dates are read in the user's locale; other text is kept as typed.
        """
        parse = self.type.parse
        return text if parse is None else parse(text, formatter())

    @property
    def editor_widget(self) -> Widget:
        """How the window edits the field: its type's widget for the form's hint."""
        return self.type.widget(self.widget)

    def choice_label(self, value: Any) -> str:
        """Human text for ``value``: the declared choice label, vocabulary label, yes/no..."""
        if value is None:
            return ""
        for choice, label in self.choices:
            if choice == value:
                return label
        if self.vocabulary is not None and isinstance(value, str):
            try:
                return get_vocabulary(self.vocabulary).label_of(value)
            except KeyError:
                return value
        if isinstance(value, bool):
            return tr("Yes", "forms") if value else tr("No", "forms")
        return str(value)


@dataclass(frozen=True, slots=True)
class GroupDef:
    """A titled block of fields; with ``path`` set, a repeatable list of items."""

    id: str
    title: str
    help: str
    section_id: str
    path: str | None = None
    item_label: str = ""
    layout: Layout = "form"
    fields: tuple[FieldDef, ...] = ()
    groups: tuple[GroupDef, ...] = ()
    computed: tuple[ComputedDef, ...] = ()
    visible_if: Condition | None = None
    min_items: int = 0
    feeds: tuple[str, ...] = ()
    reference: str = ""
    title_field: str | None = None  # item field whose value names an item in lists
    #: How a table of the list is laid out in documents: the schema paths of the fields
    #: sharing each column, in column order (fields not named get a column of their own).
    document_columns: tuple[tuple[str, ...], ...] = ()

    @property
    def repeatable(self) -> bool:
        """True for a list of items (add/remove unless the layout is ``fixed``)."""
        return self.path is not None

    @property
    def required(self) -> bool:
        """A repeatable group that needs at least one item."""
        return self.min_items > 0

    @property
    def on_credential(self) -> bool:
        """Whether the list's items are copied onto the digital credential."""
        return "credential" in self.feeds

    def all_fields(self) -> Iterator[FieldDef]:
        """This group's fields, then those of nested groups, in display order."""
        yield from self.fields
        for group in self.groups:
            yield from group.all_fields()

    def all_groups(self) -> Iterator[GroupDef]:
        """This group and every group nested in it."""
        yield self
        for group in self.groups:
            yield from group.all_groups()

    def item_title(self, item: Any, index: int) -> str:
        """Heading of one item: ESG standard title, the ``title_field`` value or "Label n"."""
        standard = getattr(item, "standard", None)
        if isinstance(standard, str) and standard in ESG_BY_NUMBER:
            info = ESG_BY_NUMBER[standard]
            return f"{tr('ESG', 'forms')} {info.number} {tr(info.title, 'forms')}"
        if self.title_field is not None:
            value = getattr(item, self.title_field.rsplit(".", 1)[-1], None)
            if isinstance(value, str) and value.strip():
                first_line = value.strip().splitlines()[0]
                return first_line if len(first_line) <= 80 else first_line[:79] + "…"
        return f"{self.item_label} {index + 1}"


@dataclass(frozen=True, slots=True)
class SectionDef:
    """One form page: a section of the proposal.

    ``on_credential``: everything in the section is copied onto the digital credential,
    so the checks count its problems as problems of the credential's data.
    """

    id: str
    title: str
    help: str
    order: int
    version: int
    source: Path
    groups: tuple[GroupDef, ...] = ()
    computed: tuple[ComputedDef, ...] = ()
    on_credential: bool = False

    def fields(self) -> Iterator[FieldDef]:
        """Every field of the section, nested groups included, in display order."""
        for group in self.groups:
            yield from group.all_fields()

    def all_groups(self) -> Iterator[GroupDef]:
        """Every group of the section, nested ones included."""
        for group in self.groups:
            yield from group.all_groups()


@dataclass(frozen=True)
class FormSet:
    """All sections, with lookups by field, list and section."""

    sections: tuple[SectionDef, ...]
    _fields: dict[str, FieldDef] = field(init=False, repr=False, compare=False)
    _groups: dict[str, GroupDef] = field(init=False, repr=False, compare=False)
    _by_id: dict[str, SectionDef] = field(init=False, repr=False, compare=False)
    _parents: dict[str, tuple[GroupDef, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.sections})
        parents: dict[str, tuple[GroupDef, ...]] = {}
        for section in self.sections:
            for group in section.groups:
                _record_parents(group, (), parents)
        object.__setattr__(self, "_parents", parents)
        object.__setattr__(self, "_fields", {f.path: f for f in self.fields()})
        groups = {g.path: g for s in self.sections for g in s.all_groups() if g.path}
        object.__setattr__(self, "_groups", groups)

    def section(self, section_id: str) -> SectionDef:
        """The section with ``section_id`` (``KeyError`` if there is none)."""
        return self._by_id[section_id]

    @property
    def section_ids(self) -> tuple[str, ...]:
        """The id of every section, in form order (the forms' ``order``)."""
        return tuple(s.id for s in self.sections)

    @property
    def credential_sections(self) -> frozenset[str]:
        """The ids of the sections copied onto the digital credential as a whole."""
        return frozenset(s.id for s in self.sections if s.on_credential)

    def field(self, path: str) -> FieldDef | None:
        """The field at a schema path (``a.b[].c``) or concrete path (``a.b[3f9a].c``)."""
        return self._fields.get(schema_path(path))

    def fields(self) -> Iterator[FieldDef]:
        """Every field of every section, in display order."""
        for section in self.sections:
            yield from section.fields()

    def groups(self) -> Iterator[GroupDef]:
        """Every group of every section, nested ones included, in display order."""
        for section in self.sections:
            yield from section.all_groups()

    def required_fields(self) -> list[FieldDef]:
        """The fields a complete proposal must fill in, in display order."""
        return [f for f in self.fields() if f.required]

    def required_groups(self) -> list[GroupDef]:
        """The lists a complete proposal must have items in (``min_items`` > 0)."""
        return [g for g in self.groups() if g.required]

    def group_for_list(self, path: str) -> GroupDef | None:
        """The repeatable group of a list (``a.b``, ``a.b[]``, ``a.b[id]`` all work)."""
        key = schema_path(path)
        if key.endswith("[]"):
            key = key[:-2]
        return self._groups.get(key)

    def element(self, path: str) -> FieldDef | GroupDef | None:
        """The field at ``path`` or, when ``path`` names a list or item, its group."""
        return self.field(path) or self.group_for_list(path)

    def computed(self, name: str) -> ComputedDef | None:
        """The computed value declared under ``name`` in any section or group."""
        for section in self.sections:
            for value in section.computed:
                if value.name == name:
                    return value
            for group in section.all_groups():
                for value in group.computed:
                    if value.name == name:
                        return value
        return None

    def enclosing_groups(self, path: str) -> tuple[GroupDef, ...]:
        """The groups around a field or list, outermost first (empty if unknown)."""
        element = self.element(path)
        if element is None:
            return ()
        return self._parents.get(_parent_key(element), ())

    def visibility_conditions(self, element: FieldDef | GroupDef) -> tuple[Condition, ...]:
        """Every ``visible_if`` that must hold for ``element`` to be shown.

        Those of the enclosing groups come first (outermost first), the element's own last;
        empty when the element is always shown.
        """
        found = [g.visible_if for g in self._parents.get(_parent_key(element), ())]
        found.append(element.visible_if)
        return tuple(c for c in found if c is not None)

    def is_visible(
        self, proposal: BaseModel, path: str, element: FieldDef | GroupDef | None = None
    ) -> bool:
        """Whether the field, list or group at concrete ``path`` is shown for ``proposal``.

        The element's own ``visible_if`` and that of every enclosing group (nested groups
        included) must hold; conditions inside list items are evaluated for the items
        named in ``path``. A plain group has no model path of its own: pass it as
        ``element``, with ``path`` the concrete path of the item it lies in ("" at the top
        level). Unknown paths are not shown.
        """
        if element is None:
            element = self.element(path)
            if element is None:
                return False
        return all(c.holds(proposal, path) for c in self.visibility_conditions(element))

    def section_of(self, path: str) -> SectionDef | None:
        """The section showing ``path`` (a field, list, item, or anything inside them)."""
        try:
            segments = parse_path(schema_path(path))
        except ValueError:
            return None
        names = [s.name + ("[]" if s.item is not None else "") for s in segments]
        for end in range(len(names), 0, -1):
            prefix = ".".join(names[:end])
            element = self.element(prefix)
            if element is not None:
                return self._by_id[element.section_id]
        return self._by_id.get(segments[0].name)


def _parent_key(element: FieldDef | GroupDef) -> str:
    """How :attr:`FormSet._parents` names a field, a list or a plain group."""
    if isinstance(element, FieldDef):
        return element.path
    if element.path is not None:
        return f"group:{element.path}"
    return f"plain:{element.section_id}:{element.id}"


def _record_parents(
    group: GroupDef, outer: tuple[GroupDef, ...], parents: dict[str, tuple[GroupDef, ...]]
) -> None:
    """Remember, for each group and field below ``group``, the groups around it."""
    parents[_parent_key(group)] = outer
    inside = (*outer, group)
    for member in group.fields:
        parents[member.path] = inside
    for sub in group.groups:
        _record_parents(sub, inside, parents)
