"""The languages a proposal is written in, and its texts in the further languages.

A proposal has a *main language*: every text field holds its text in that language, so
the editor, the checks and the documents read the fields as they always have. The texts
that describe the learning offer (those marked :data:`~mcdesigner.model.base.TRANSLATED`
in the model) may also be written in *further languages*. Those texts live beside the
fields, in ``Proposal.translations``: ``{language: {field path: text}}``, keyed by the
field path with item ids (``certified.learning_outcomes[3f9a0c1b2d4e].text``), so a
translation follows its learning outcome when the list is reordered, and comments keep
pointing at the field whatever the language.

Languages are ISO 639-1 codes (``"en"``, ``"es"``), the keys of the language maps of the
European Learning Model.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter

from mcdesigner.model.base import Strict, Translated
from mcdesigner.model.fieldpath import (
    PathError,
    describe,
    exists,
    get_value,
    parse_path,
    schema_path,
    set_value,
)
from mcdesigner.model.vocabularies import CONTENT_LANGUAGE, VocabularyRef, in_vocabulary

ContentLanguage = Annotated[str, VocabularyRef(CONTENT_LANGUAGE), in_vocabulary(CONTENT_LANGUAGE)]
_LANGUAGE: TypeAdapter[str] = TypeAdapter(ContentLanguage)

#: Most further languages a proposal may be written in.
MAX_LANGUAGES = 30
#: Most translated texts per language (far above any real proposal).
MAX_TRANSLATED_TEXTS = 20_000

#: ``{language: {field path: text}}``.
TranslationMap = dict[str, dict[str, str]]


class ProposalLanguages(Strict):
    """The main language of a proposal, its further languages and the credential's."""

    main: ContentLanguage = "en"
    further: list[ContentLanguage] = Field(default_factory=list, max_length=MAX_LANGUAGES)
    issued_in: list[ContentLanguage] = Field(default_factory=list, max_length=MAX_LANGUAGES)

    @property
    def written(self) -> tuple[str, ...]:
        """The main language first, then each further language once."""
        seen = [self.main]
        for language in self.further:
            if language not in seen:
                seen.append(language)
        return tuple(seen)

    @property
    def others(self) -> tuple[str, ...]:
        """The further languages, without the main one and without repeats."""
        return self.written[1:]

    @property
    def credential(self) -> tuple[str, ...]:
        """The languages the credential is issued in: those declared, else the main one."""
        declared = [lang for lang in self.written if lang in self.issued_in]
        return tuple(declared) if declared else (self.main,)


# ---------------------------------------------------------------------------
# Which fields are translated
# ---------------------------------------------------------------------------
def _is_translated(annotation: Any, metadata: list[Any]) -> bool:
    stack = [annotation, *metadata]
    while stack:
        current = stack.pop()
        if isinstance(current, Translated):
            return True
        if typing.get_origin(current) in (typing.Annotated, typing.Union, types.UnionType):
            stack.extend(typing.get_args(current))
    return False


def _walk(model: type[BaseModel], prefix: str, found: list[str]) -> None:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if _is_translated(info.annotation, list(info.metadata)):
            found.append(path)
            continue
        try:
            shape = describe(model, name)
        except PathError:
            continue
        if shape.kind == "items" and shape.item_model is not None:
            _walk(shape.item_model, f"{path}[].", found)
        elif shape.kind == "object" and shape.item_model is not None:
            _walk(shape.item_model, f"{path}.", found)


@cache
def translated_schema_paths(model: type[BaseModel]) -> tuple[str, ...]:
    """Schema paths of the texts of ``model`` that are written in every language, in order."""
    found: list[str] = []
    _walk(model, "", found)
    return tuple(found)


@cache
def _adapter(model: type[BaseModel], path: str) -> TypeAdapter[Any]:
    owner: type[BaseModel] = model
    *head, last = parse_path(path)
    for seg in head:
        shape = describe(owner, seg.name)
        assert shape.item_model is not None
        owner = shape.item_model
    info = owner.model_fields[last.name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata])  # type: ignore[arg-type]


def validate_translations(model: type[BaseModel], value: Any) -> TranslationMap:
    """Check and clean ``{language: {path: text}}``; empty texts are dropped."""
    if not isinstance(value, dict):
        raise ValueError("translations are a mapping from language to texts")
    allowed = set(translated_schema_paths(model))
    result: TranslationMap = {}
    for language, texts in value.items():
        language = _LANGUAGE.validate_python(language)
        if not isinstance(texts, dict):
            raise ValueError(f"the {language} translations are not a mapping from field to text")
        if len(texts) > MAX_TRANSLATED_TEXTS:
            raise ValueError(f"more than {MAX_TRANSLATED_TEXTS} {language} texts")
        cleaned: dict[str, str] = {}
        for path, text in texts.items():
            if not isinstance(path, str) or schema_path(path) not in allowed:
                raise ValueError(f"{path!r} is not a text that can be translated")
            parse_path(path)
            checked = _adapter(model, schema_path(path)).validate_python(text)
            if checked:
                cleaned[path] = checked
        if cleaned:
            result[language] = cleaned
    return result


# ---------------------------------------------------------------------------
# Reading texts in a language
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LanguageText:
    """A text in one language; ``fallback`` when the main language had to stand in."""

    text: str
    language: str
    fallback: bool = False


def _languages_of(proposal: BaseModel) -> ProposalLanguages:
    languages = proposal.__dict__["languages"]
    assert isinstance(languages, ProposalLanguages)
    return languages


def _translations_of(proposal: BaseModel) -> TranslationMap:
    translations: TranslationMap = proposal.__dict__["translations"]
    return translations


def translation(proposal: BaseModel, language: str, path: str) -> str:
    """The stored translation of the text at ``path`` into ``language`` ("" if none)."""
    if language == _languages_of(proposal).main:
        value = get_value(proposal, path)
        return value if isinstance(value, str) else ""
    return _translations_of(proposal).get(language, {}).get(path, "")


def text_in(proposal: BaseModel, language: str, path: str) -> LanguageText:
    """The text at ``path`` in ``language``, falling back to the main language (marked)."""
    main = _languages_of(proposal).main
    value = get_value(proposal, path)
    main_text = value if isinstance(value, str) else ""
    if language == main:
        return LanguageText(main_text, main)
    translated = _translations_of(proposal).get(language, {}).get(path, "")
    if translated:
        return LanguageText(translated, language)
    return LanguageText(main_text, main, fallback=bool(main_text))


def language_map(proposal: BaseModel, path: str) -> dict[str, str]:
    """``{language: text}`` of the text at ``path`` in every written language that has it."""
    found: dict[str, str] = {}
    for language in _languages_of(proposal).written:
        text = translation(proposal, language, path)
        if text:
            found[language] = text
    return found


def translated_paths(proposal: BaseModel) -> Iterator[str]:
    """The field paths (with item ids) of every translatable text of ``proposal``, in order."""
    for schema in translated_schema_paths(type(proposal)):
        yield from _expand(proposal, parse_path(schema), "")


def _expand(node: Any, segments: list[Any], prefix: str) -> Iterator[str]:
    seg, *rest = segments
    value = getattr(node, seg.name)
    if seg.item is None:
        path = f"{prefix}{seg.name}"
        if rest:
            yield from _expand(value, rest, f"{path}.")
        else:
            yield path
        return
    for element in value:
        path = f"{prefix}{seg.name}[{element.id}]"
        if rest:
            yield from _expand(element, rest, f"{path}.")
        else:  # pragma: no cover - a translated field is a text, not a list of items
            yield path


def set_translation(proposal: BaseModel, language: str, path: str, text: str) -> str:
    """Write the text at ``path`` in ``language`` in place and return the previous text.

    The main language writes the field itself. Only the one text is validated (cleaned as
    its field is), so typing a translation costs the same in a small and a huge proposal.
    An empty text removes the translation. Raises ``ValueError`` (``PathError`` for a path
    that names no translatable text) and leaves the proposal unchanged.
    """
    model = type(proposal)
    schema = schema_path(path)
    if schema not in translated_schema_paths(model):
        raise PathError(f"{path!r} is not a text that can be translated")
    previous = get_value(proposal, path)  # raises PathError when the item is gone
    if language == _languages_of(proposal).main:
        set_value(proposal, path, text)
        return previous if isinstance(previous, str) else ""
    language = _LANGUAGE.validate_python(language)
    cleaned = _adapter(model, schema).validate_python(text)
    translations = _translations_of(proposal)
    texts = translations.get(language, {})
    old = texts.get(path, "")
    if cleaned:
        if len(texts) >= MAX_TRANSLATED_TEXTS and path not in texts:
            raise ValueError(f"more than {MAX_TRANSLATED_TEXTS} {language} texts")
        translations.setdefault(language, texts)[path] = cleaned
    elif path in texts:
        del texts[path]
        if not texts:
            del translations[language]
    return old


def kept_translations(proposal: BaseModel) -> TranslationMap:
    """The translations of texts the proposal still has (what is stored and sent).

    Removing a list item leaves its translations in memory, so undoing the removal brings
    them back; they are not written, so a deleted text never travels in a file.
    """
    kept: TranslationMap = {}
    for language, texts in _translations_of(proposal).items():
        present = {path: text for path, text in texts.items() if exists(proposal, path)}
        if present:
            kept[language] = present
    return kept
