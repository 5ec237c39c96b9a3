"""Controlled vocabularies: the ELM v3 concept schemes and the ISO code lists.

The ELM schemes (EQF, ISCED-F, modes, assessment types, ...) are read from
``resources/vocabularies/*.json``; countries, languages and currencies come from
pycountry. Model fields bound to a vocabulary carry a :class:`VocabularyRef` marker in
their annotation so that forms and exports can find the vocabulary from the field.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator

from mcdesigner.i18n import current_language, tr
from mcdesigner.paths import resources_dir

# Identifiers of the non-ELM code lists served from pycountry.
COUNTRY = "country"
LANGUAGE = "language"
CURRENCY = "currency"
#: The languages a proposal is written in, by ISO 639-1 code ("en", "es"): the keys of
#: language maps in credentials, drawn from the same list as :data:`LANGUAGE`.
CONTENT_LANGUAGE = "content-language"

#: Publications Office authority tables: used to turn codes into URIs for exports.
AUTHORITY_URIS = {
    COUNTRY: "http://publications.europa.eu/resource/authority/country",
    LANGUAGE: "http://publications.europa.eu/resource/authority/language",
    CURRENCY: "http://publications.europa.eu/resource/authority/currency",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One concept of a vocabulary: its stored value, English label and notation."""

    value: str
    label: str
    notation: str


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered list of terms with fast lookup by value."""

    id: str
    label: str
    scheme: str
    terms: tuple[Term, ...]
    by_value: dict[str, Term] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_value", {t.value: t for t in self.terms})

    def label_of(self, value: str) -> str:
        """The term's label, or the raw value when it is not in the vocabulary."""
        term = self.by_value.get(value)
        return term.label if term else value

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and value in self.by_value


def _vocabulary_text(text: str) -> str:
    return tr(text, "vocabulary")


def _sort_key(label: str) -> str:
    """Alphabetical order as readers expect it: accents and case do not count."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _elm_vocabulary(vocab_id: str, language: str) -> Vocabulary:
    path = resources_dir() / "vocabularies" / f"{vocab_id}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyError(f"unknown vocabulary {vocab_id!r} (no file {path})") from None
    terms = tuple(
        Term(entry["uri"], _vocabulary_text(entry["label"]), entry.get("notation", ""))
        for entry in data["terms"]
    )
    return Vocabulary(vocab_id, _vocabulary_text(data["label"]), data["scheme"], terms)


def _cldr_names(language: str, kind: str) -> dict[str, str]:
    """Names of territories, languages or currencies in ``language`` from CLDR (Babel).

    English keeps the ISO names of pycountry; other languages take CLDR's, with a
    capital first letter as they open a list entry.
    """
    if language == "en":
        return {}
    try:
        names: dict[str, str] = dict(getattr(Locale.parse(language), kind))
    except (UnknownLocaleError, ValueError):
        return {}
    return {code: name[:1].upper() + name[1:] for code, name in names.items()}


@cache
def _countries(language: str) -> Vocabulary:
    import pycountry

    names = _cldr_names(language, "territories")
    terms = sorted(
        (Term(c.alpha_3, names.get(c.alpha_2, c.name), c.alpha_2) for c in pycountry.countries),
        key=lambda t: _sort_key(t.label),
    )
    label = _vocabulary_text("Country")
    return Vocabulary(COUNTRY, label, AUTHORITY_URIS[COUNTRY], tuple(terms))


@cache
def _languages(language: str) -> Vocabulary:
    import pycountry

    names = _cldr_names(language, "languages")
    # Individual living languages that have a two-letter code: the ones people teach in.
    terms = sorted(
        (
            Term(lang.alpha_3.upper(), names.get(lang.alpha_2, lang.name), lang.alpha_2)
            for lang in pycountry.languages
            if hasattr(lang, "alpha_2")
        ),
        key=lambda t: _sort_key(t.label),
    )
    label = _vocabulary_text("Language")
    return Vocabulary(LANGUAGE, label, AUTHORITY_URIS[LANGUAGE], tuple(terms))


@cache
def _content_languages(language: str) -> Vocabulary:
    terms = tuple(
        Term(term.notation, term.label, term.notation) for term in _languages(language).terms
    )
    label = _vocabulary_text("Language")
    return Vocabulary(CONTENT_LANGUAGE, label, AUTHORITY_URIS[LANGUAGE], terms)


@cache
def _currencies(language: str) -> Vocabulary:
    import pycountry

    names = _cldr_names(language, "currencies")
    terms = sorted(
        (Term(c.alpha_3, names.get(c.alpha_3, c.name), c.alpha_3) for c in pycountry.currencies),
        key=lambda t: t.value,
    )
    label = _vocabulary_text("Currency")
    return Vocabulary(CURRENCY, label, AUTHORITY_URIS[CURRENCY], tuple(terms))


_CODE_LISTS = {
    COUNTRY: _countries,
    LANGUAGE: _languages,
    CONTENT_LANGUAGE: _content_languages,
    CURRENCY: _currencies,
}


def get_vocabulary(vocab_id: str) -> Vocabulary:
    """Return the vocabulary named ``vocab_id`` (raises ``KeyError`` if there is none)."""
    language = current_language()
    if vocab_id in _CODE_LISTS:
        return _CODE_LISTS[vocab_id](language)
    return _elm_vocabulary(vocab_id, language)


def language_label(code: str) -> str:
    """The name of the content language ``code`` as a list or a heading shows it, in the
    language in use ("Spanish", "Español")."""
    return get_vocabulary(CONTENT_LANGUAGE).label_of(code)


def language_in_text(code: str) -> str:
    """The name of the content language ``code`` as a sentence writes it, in the language in
    use: "Spanish" in English, "español" in Spanish (CLDR's own spelling; the vocabulary's
    labels are capitalised to open a list entry)."""
    language = current_language()
    if language != "en":
        try:
            name = Locale.parse(language).languages.get(code)
        except (UnknownLocaleError, ValueError):
            name = None
        if name:
            return str(name)
    return language_label(code)


def vocabulary_ids() -> list[str]:
    """Every vocabulary id the app knows."""
    files = sorted(p.stem for p in (resources_dir() / "vocabularies").glob("*.json"))
    return files + list(_CODE_LISTS)


@dataclass(frozen=True, slots=True)
class VocabularyRef:
    """Annotation marker: the field's value must be a term of vocabulary ``id``."""

    id: str


def in_vocabulary(vocab_id: str) -> Any:
    """Validator accepting only the terms of vocabulary ``vocab_id`` (loaded on first use)."""

    def check(value: str) -> str:
        vocab = get_vocabulary(vocab_id)
        if value not in vocab:
            raise ValueError(f"{value!r} is not a term of the vocabulary '{vocab.label}'")
        return value

    return AfterValidator(check)


def concept(vocab_id: str) -> Any:
    """Annotated ``str`` type restricted to the terms of vocabulary ``vocab_id``."""
    return Annotated[str, VocabularyRef(vocab_id), in_vocabulary(vocab_id)]
