"""Comparing two versions of a proposal, field by field, list items matched by id.

The result is a flat list of changes with field paths, so the compare view can show and
highlight them side by side and a changed learning outcome stays the same outcome even
when the list was reordered.

A proposal written in several languages is compared in each of them: a text changed,
added or removed in a further language is a change of its own, carrying the language
(``Change.language``), right after the change of the same field in the main language.
Main-language changes carry no language, as before.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from mcdesigner.fieldtypes import field_type, is_registered
from mcdesigner.formdefs import FormSet
from mcdesigner.i18n import tr
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import PathError, describe, schema_path
from mcdesigner.model.translations import ProposalLanguages, translated_paths, translation
from mcdesigner.model.vocabularies import language_in_text

Equality = Callable[[Any, Any], bool]

ChangeKind = Literal["changed", "added", "removed", "reordered"]


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new version."""

    kind: ChangeKind
    path: str  # concrete field path (items by id) in the version where it exists
    old: Any = None
    new: Any = None
    #: The further language of a changed translation; "" for the field itself.
    language: str = ""


def compare(old: BaseModel, new: BaseModel, forms: FormSet | None = None) -> list[Change]:
    """Every difference from ``old`` to ``new``, in document order.

    Two values are the same when their field type says so (a type may, say, ignore the
    spaces in a phone number); ``forms`` gives the types the forms present fields as.
    Translations are compared text by text in every language either version has.
    """
    changes: list[Change] = []
    comparer = _Comparer(type(new), forms, changes)
    if _languages(old) is not None and _languages(new) is not None:
        comparer.texts = _Texts(old, new)
    comparer.models(old, new, "")
    return changes


def change_language(change: Change, old: BaseModel, new: BaseModel) -> str:
    """The language of the text ``change`` is about, "" when it is about no one language.

    A translation is in its language; a change of a translated text itself, and an added
    or removed list item holding such texts, is in the main language of its version;
    numbers, dates, list order and the languages themselves are in none.
    """
    if change.language:
        return change.language
    root = old if change.kind == "removed" else new
    languages = _languages(root)
    if languages is None or change.kind == "reordered":
        return ""
    below = change.path + "."
    for path in translated_paths(root):
        if path == change.path or path.startswith(below):
            return languages.main
    return ""


def labelled_in(label: str, language: str) -> str:
    """``label`` naming ``language`` too ("Title (Spanish)"); as it is for no language."""
    if not language:
        return label
    return tr("{field} ({language})").format(field=label, language=language_in_text(language))


def _languages(root: BaseModel) -> ProposalLanguages | None:
    languages = getattr(root, "languages", None)
    if isinstance(languages, ProposalLanguages) and hasattr(root, "translations"):
        return languages
    return None


class _Texts:
    """The translatable texts of both versions, to compare them language by language."""

    def __init__(self, old: BaseModel, new: BaseModel) -> None:
        self.old, self.new = old, new
        self.old_paths = list(translated_paths(old))
        self.new_paths = list(translated_paths(new))
        self.common = set(self.old_paths) & set(self.new_paths)
        old_lang, new_lang = _languages(old), _languages(new)
        assert old_lang is not None and new_lang is not None
        self.old_main, self.new_main = old_lang.main, new_lang.main
        found: list[str] = []
        for language in (
            *new_lang.written,
            *old_lang.written,
            *sorted({*getattr(old, "translations", {}), *getattr(new, "translations", {})}),
        ):
            if language not in found:
                found.append(language)
        both_main = old_lang.main if old_lang.main == new_lang.main else None
        #: Every language to compare, the main one (compared as the field) left out.
        self.languages = [language for language in found if language != both_main]

    def under(self, item_path: str, removed: bool) -> list[str]:
        """The translatable paths inside the list item at ``item_path`` of one version."""
        below = item_path + "."
        return [p for p in (self.old_paths if removed else self.new_paths) if p.startswith(below)]


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


@cache
def _model_equality(model: type[BaseModel], schema: str) -> Equality:
    try:
        kind = describe(model, schema).kind
    except PathError:
        return operator.eq
    return field_type(kind).equal if is_registered(kind) else operator.eq


@dataclass(slots=True)
class _Comparer:
    model: type[BaseModel]
    forms: FormSet | None
    out: list[Change]
    texts: _Texts | None = None

    def equal(self, path: str, a: Any, b: Any) -> bool:
        schema = schema_path(path)
        field = self.forms.field(schema) if self.forms is not None else None
        same = field.type.equal if field is not None else _model_equality(self.model, schema)
        return bool(same(a, b))

    def models(self, old: BaseModel, new: BaseModel, prefix: str) -> None:
        texts = self.texts
        for name in type(new).model_fields:
            path = _join(prefix, name)
            if texts is not None and path == "translations":
                continue  # compared text by text, beside each field
            a, b = getattr(old, name), getattr(new, name)
            if isinstance(b, BaseModel) and isinstance(a, BaseModel):
                self.models(a, b, path)
            elif _is_item_list(a) or _is_item_list(b):
                self.items(a, b, path)
            else:
                if not self.equal(path, a, b):
                    self.out.append(Change("changed", path, a, b))
                if texts is not None and path in texts.common:
                    self.translations(texts, path, old_side=True, new_side=True)

    def translations(
        self, texts: _Texts, path: str, *, old_side: bool, new_side: bool, skip: str = ""
    ) -> None:
        """The changes of the text at ``path`` in each further language (but ``skip``)."""
        for language in texts.languages:
            if language == skip:
                continue
            a = translation(texts.old, language, path) if old_side else ""
            b = translation(texts.new, language, path) if new_side else ""
            if a and not b:
                self.out.append(Change("removed", path, a, None, language))
            elif b and not a:
                self.out.append(Change("added", path, None, b, language))
            elif a and b and not self.equal(path, a, b):
                self.out.append(Change("changed", path, a, b, language))

    def item_texts(self, item_path: str, *, removed: bool) -> None:
        """The translations inside an added or removed list item, as added or removed."""
        texts = self.texts
        if texts is None:
            return
        main = texts.old_main if removed else texts.new_main  # shown with the item itself
        for path in texts.under(item_path, removed):
            self.translations(texts, path, old_side=removed, new_side=not removed, skip=main)

    def items(self, old: list[Item], new: list[Item], path: str) -> None:
        out = self.out
        old_by_id = {item.id: item for item in old}
        new_by_id = {item.id: item for item in new}
        for item in old:
            if item.id not in new_by_id:
                out.append(Change("removed", f"{path}[{item.id}]", item, None))
                self.item_texts(f"{path}[{item.id}]", removed=True)
        for item in new:
            before = old_by_id.get(item.id)
            item_path = f"{path}[{item.id}]"
            if before is None:
                out.append(Change("added", item_path, None, item))
                self.item_texts(item_path, removed=False)
            else:
                self.models(before, item, item_path)
        common_old = [i.id for i in old if i.id in new_by_id]
        common_new = [i.id for i in new if i.id in old_by_id]
        if common_old != common_new:
            out.append(Change("reordered", path, common_old, common_new))


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], Item)
