"""Turn the tables of one form file into groups and fields, checked against the model.

Every path is resolved with :func:`mcdesigner.model.fieldpath.describe`, so a typo or a
renamed model field stops the application at start-up with the file and field named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from mcdesigner.fieldtypes import FieldType, UnknownFieldType, field_type, registered
from mcdesigner.formdefs.computed import COMPUTED_VALUES, ComputedDef, list_of
from mcdesigner.formdefs.conditions import Condition
from mcdesigner.formdefs.definitions import LAYOUTS, FieldDef, GroupDef, Layout
from mcdesigner.formdefs.document_layout import parse_document_columns
from mcdesigner.formdefs.feeds import FEED_LABELS
from mcdesigner.formdefs.tables import Table
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import FieldShape, PathError, describe, schema_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.translations import translated_schema_paths
from mcdesigner.model.vocabularies import get_vocabulary, vocabulary_ids

FIELD_KEYS = {
    "path", "label", "help", "required", "widget", "placeholder", "vocabulary",
    "choices", "feeds", "reference", "visible_if", "items_from", "type", "translated",
}  # fmt: skip
GROUP_KEYS = {
    "id", "title", "help", "path", "item_label", "layout", "min_items", "fields",
    "groups", "computed", "visible_if", "feeds", "reference", "title_field",
    "document_columns",
}  # fmt: skip
COMPUTED_KEYS = {"name", "label", "help"}
CONDITION_KEYS = {"path", "equals", "in", "not_empty"}


def _t(text: str) -> str:
    return tr(text, "forms")


@dataclass
class SectionContext:
    """What parsing one section needs to remember: its id and the group ids seen."""

    section_id: str
    group_ids: set[str] = field(default_factory=set)


def resolve(table: Table, path: str) -> FieldShape:
    """The model shape at ``path``; a located error when it names nothing."""
    if schema_path(path) != path:
        table.fail(_t("write list paths with empty brackets '[]', without item ids"), path)
    try:
        return describe(Proposal, path)
    except PathError:
        table.fail(_t("no such field in the proposal model"), path)


def _in_scope(path: str, scope: str | None) -> bool:
    """Whether ``path`` is a direct member of the list ``scope`` (or top level if None)."""
    if scope is None:
        return "[]" not in path
    prefix = scope + "[]."
    return path.startswith(prefix) and "[]" not in path[len(prefix) :]


def parse_group(table: Table, ctx: SectionContext, scope: str | None) -> GroupDef:
    """A group table: a plain block of fields or, with ``path``, a repeatable list."""
    table.check_keys(GROUP_KEYS, {"id", "title", "help"})
    group_id = table.text("id")
    named = Table(table.file, f"group '{group_id}'", table.data)
    if group_id in ctx.group_ids:
        named.fail(_t("the group id is used twice in this section"))
    ctx.group_ids.add(group_id)
    path = named.optional_text("path")
    if path is not None:
        shape = resolve(named, path)
        if shape.kind != "items":
            named.fail(_t("a repeatable group's path must be a list of items"), path)
        if not _in_scope(path, scope):
            named.fail(_t("a nested list must lie inside the list of its parent group"), path)
    inner_scope = path if path is not None else scope
    layout = named.text("layout", "cards" if path is not None else "form")
    if layout not in LAYOUTS:
        named.fail(_t("layout must be one of: {layouts}").format(layouts=", ".join(LAYOUTS)))
    if path is None and layout != "form":
        named.fail(
            _t("layout '{layout}' is for lists: add a 'path' or leave the layout out").format(
                layout=layout
            )
        )
    if path is not None and layout == "form":
        named.fail(_t("a list cannot use layout 'form': use table, cards or fixed"))
    for key in ("item_label", "min_items", "title_field", "document_columns"):
        if path is None and key in named.data:
            named.fail(_t("'{key}' is only for repeatable groups (with a path)").format(key=key))
    fields = tuple(
        parse_field(sub, ctx, group_id, inner_scope)
        for sub in named.tables("fields", f"group '{group_id}', field")
    )
    groups = tuple(
        parse_group(sub, ctx, inner_scope)
        for sub in named.tables("groups", f"group '{group_id}', nested group")
    )
    computed = tuple(
        parse_computed(sub, ctx.section_id, path) for sub in named.tables("computed", "computed")
    )
    if not fields and not groups:
        named.fail(_t("a group needs at least one field or nested group"))
    title_field = named.optional_text("title_field")
    if title_field is not None and title_field not in {f.path for f in fields}:
        named.fail(_t("title_field must be one of the group's own fields"), title_field)
    layout_value: Layout = layout
    return GroupDef(
        id=group_id,
        title=_t(named.text("title")),
        help=_t(named.text("help")),
        section_id=ctx.section_id,
        path=path,
        item_label=_t(named.text("item_label")) if path is not None else "",
        layout=layout_value,
        fields=fields,
        groups=groups,
        computed=computed,
        visible_if=parse_condition(named, inner_scope if path is None else scope),
        min_items=named.integer("min_items", 0),
        feeds=parse_feeds(named),
        reference=_t(named.text("reference", "")),
        title_field=title_field,
        document_columns=parse_document_columns(named, fields),
    )


def parse_field(table: Table, ctx: SectionContext, group_id: str, scope: str | None) -> FieldDef:
    """A field table bound to one model path."""
    path_value = table.data.get("path")
    located = Table(
        table.file, table.where, table.data, path_value if isinstance(path_value, str) else None
    )
    located.check_keys(FIELD_KEYS, {"path", "label", "help", "required"})
    path = located.text("path")
    shape = resolve(located, path)
    if shape.kind == "items":
        located.fail(_t("this is a list of items: declare a repeatable group with this path"))
    if shape.kind == "object":
        located.fail(_t("this value has parts: list each of its fields instead"))
    if not _in_scope(path, scope):
        where = f"'{scope}[].'" if scope else _t("the top level (no '[]')")
        located.fail(_t("the field must lie directly in {where}").format(where=where))
    shape = _declared_type(located, shape)
    kind = _type_of(located, shape)
    widget = located.optional_text("widget")
    if widget is not None and (problem := kind.hint_problem(widget)) is not None:
        located.fail(problem)
    translated = _translated(located, path)
    items_from = located.optional_text("items_from")
    if kind.item_references:
        if items_from is None:
            located.fail(
                _t("a list of item references needs 'items_from' (the list they point to)")
            )
        if resolve(located, items_from).kind != "items":
            located.fail(_t("'items_from' must name a list of items"), items_from)
    elif items_from is not None:
        located.fail(_t("'items_from' is only for lists of item references"))
    return FieldDef(
        path=path,
        label=_t(located.text("label")),
        help=_t(located.text("help")),
        required=located.flag("required"),
        shape=shape,
        section_id=ctx.section_id,
        group_id=group_id,
        reference=_t(located.text("reference", "")),
        widget=widget,
        placeholder=_t(located.text("placeholder", "", nonempty=False)),
        vocabulary=_vocabulary(located, shape),
        choices=_choices(located, shape),
        feeds=parse_feeds(located),
        visible_if=parse_condition(located, scope),
        items_from=items_from,
        translated=translated,
    )


def _translated(table: Table, path: str) -> bool:
    """Whether the field is written in every language; a ``translated`` key must agree."""
    in_model = schema_path(path) in translated_schema_paths(Proposal)
    if "translated" in table.data and table.flag("translated") != in_model:
        if in_model:
            table.fail(
                _t(
                    "the model writes this text in every language of the proposal: remove "
                    "'translated = false'"
                )
            )
        table.fail(_t("the model does not translate this value: remove 'translated'"))
    return in_model


def _type_of(table: Table, shape: FieldShape) -> FieldType:
    try:
        return field_type(shape.kind)
    except UnknownFieldType:
        table.fail(_t("no field type '{kind}' is registered").format(kind=shape.kind))


def _declared_type(table: Table, shape: FieldShape) -> FieldShape:
    """``shape`` as the form's ``type`` key presents it (a type refining the model's kind)."""
    name = table.optional_text("type")
    if name is None or name == shape.kind:
        return shape
    refining = sorted(t.name for t in registered() if t.refines == shape.kind)
    try:
        declared = field_type(name)
    except UnknownFieldType:
        declared = None
    if declared is None or declared.refines != shape.kind:
        table.fail(
            _t("type '{type}' cannot present a {kind} field (possible: {allowed})").format(
                type=name, kind=shape.kind, allowed=", ".join(refining) or "-"
            )
        )
    return replace(shape, kind=name)


def _vocabulary(table: Table, shape: FieldShape) -> str | None:
    override = table.optional_text("vocabulary")
    if override is None:
        return shape.vocabulary
    if override not in vocabulary_ids():
        table.fail(_t("there is no vocabulary '{id}'").format(id=override))
    try:
        get_vocabulary(override)
    except (KeyError, ValueError, OSError) as exc:
        table.fail(_t("the vocabulary '{id}' cannot be read: {exc}").format(id=override, exc=exc))
    if not _type_of(table, shape).vocabulary:
        table.fail(_t("a vocabulary only applies to text or concept fields"))
    if shape.vocabulary is not None and override != shape.vocabulary:
        table.fail(
            _t("the model only accepts terms of the vocabulary '{id}'").format(id=shape.vocabulary)
        )
    return override


def _choices(table: Table, shape: FieldShape) -> tuple[tuple[Any, str], ...]:
    declared = table.data.get("choices")
    if not _type_of(table, shape).choices:
        if declared is not None:
            table.fail(_t("choices are only for fields with a fixed set of values"))
        return ()
    if declared is None:
        table.fail(_t("missing key 'choices' (a label for each allowed value)"))
    if not isinstance(declared, dict) or not all(
        isinstance(v, str) and v.strip() for v in declared.values()
    ):
        table.fail(_t('choices must be a table of value = "label"'))
    expected = {str(value): value for value in shape.choices}
    if set(declared) != set(expected):
        missing = sorted(set(expected) - set(declared))
        extra = sorted(set(declared) - set(expected))
        table.fail(
            _t(
                "choices do not match the model's values "
                "(missing: {missing}; not in model: {extra})"
            ).format(missing=", ".join(missing) or "-", extra=", ".join(extra) or "-")
        )
    return tuple((value, _t(declared[key].strip())) for key, value in expected.items())


def parse_feeds(table: Table) -> tuple[str, ...]:
    """The ``feeds`` tags, each one known."""
    feeds = table.text_list("feeds")
    for tag in feeds:
        if tag not in FEED_LABELS:
            table.fail(
                _t("unknown feeds tag '{tag}' (known: {known})").format(
                    tag=tag, known=", ".join(FEED_LABELS)
                )
            )
    return feeds


def parse_computed(table: Table, section_id: str, scope: str | None) -> ComputedDef:
    """A computed read-only value, by a whitelisted name."""
    table.check_keys(COMPUTED_KEYS, COMPUTED_KEYS)
    name = table.text("name")
    if name not in COMPUTED_VALUES:
        table.fail(
            _t("unknown computed value '{name}' (known: {known})").format(
                name=name, known=", ".join(COMPUTED_VALUES)
            )
        )
    if list_of(name) != scope:
        table.fail(_t("computed value '{name}' does not belong here").format(name=name))
    return ComputedDef(
        name=name,
        label=_t(table.text("label")),
        help=_t(table.text("help")),
        kind=COMPUTED_VALUES[name][0],
        section_id=section_id,
    )


def parse_condition(owner: Table, scope: str | None) -> Condition | None:
    """The optional ``visible_if`` table of a field or group."""
    table = owner.sub("visible_if")
    if table is None:
        return None
    table.check_keys(CONDITION_KEYS, {"path"})
    path = table.text("path")
    try:
        shape = describe(Proposal, path) if schema_path(path) == path else None
    except PathError:
        shape = None
    if shape is None or shape.kind in {"items", "object"}:
        table.fail(
            _t("visible_if refers to '{path}', which is not a field of the proposal").format(
                path=path
            )
        )
    if "[]" in path:
        list_prefix = path[: path.rfind("[]")]
        if scope is None or not (scope == list_prefix or scope.startswith(list_prefix + "[].")):
            table.fail(
                _t("visible_if may only look at fields of the same list item or outside lists")
            )
    tests = [k for k in ("equals", "in", "not_empty") if k in table.data]
    if len(tests) != 1:
        table.fail(_t("visible_if needs exactly one of 'equals', 'in' or 'not_empty'"))
    if tests[0] == "not_empty":
        if table.data["not_empty"] is not True:
            table.fail(_t("write 'not_empty = true'"))
        return Condition(path, not_empty=True)
    if tests[0] == "in":
        values = table.data["in"]
        if not isinstance(values, list) or not values:
            table.fail(_t("'in' must be a non-empty list of values"))
        return Condition(path, in_=tuple(_condition_value(table, shape, v) for v in values))
    return Condition(path, equals=_condition_value(table, shape, table.data["equals"]))


def _condition_value(table: Table, shape: FieldShape, value: Any) -> Any:
    """Check that a condition compares with a value the field can actually hold."""
    kind = _type_of(table, shape)
    if kind.choices:
        for allowed in shape.choices:
            if str(allowed) == str(value):
                return allowed
        table.fail(
            _t("visible_if value {value!r} is not one of {allowed}").format(
                value=value, allowed=", ".join(str(c) for c in shape.choices)
            )
        )
    if (
        kind.vocabulary
        and not kind.is_list
        and shape.vocabulary
        and value not in get_vocabulary(shape.vocabulary)
    ):
        table.fail(
            _t("visible_if value {value!r} is not a term of the vocabulary").format(value=value)
        )
    types_ = kind.condition_values or None
    if types_ is not None and (
        not isinstance(value, types_) or (bool not in types_ and isinstance(value, bool))
    ):
        table.fail(
            _t("visible_if value {value!r} does not fit a {kind} field").format(
                value=value, kind=shape.kind
            )
        )
    return value
