"""The choices a choice field offers, as (stored value, label shown) pairs."""

from __future__ import annotations

from functools import cache
from typing import Any

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.i18n import current_language
from mcdesigner.model.vocabularies import get_vocabulary


def term_options(vocab_id: str) -> tuple[tuple[str, str], ...]:
    """Every term of a vocabulary with a label that also shows a short code (``German (de)``).

    Short notations (country, language, ISCED-F codes) are shown so users can type them to
    search; long opaque notations are left out. Labels that occur twice get their code too.
    The labels are in the language in use.
    """
    return _term_options(vocab_id, current_language())


@cache
def _term_options(vocab_id: str, language: str) -> tuple[tuple[str, str], ...]:
    vocab = get_vocabulary(vocab_id)
    counts: dict[str, int] = {}
    for term in vocab.terms:
        counts[term.label] = counts.get(term.label, 0) + 1
    options = []
    for term in vocab.terms:
        short = term.notation and len(term.notation) <= 4 and term.notation != term.label
        if short or (counts[term.label] > 1 and term.notation):
            options.append((term.value, f"{term.label} ({term.notation})"))
        else:
            options.append((term.value, term.label))
    return tuple(options)


def field_options(field: FieldDef) -> list[tuple[Any, str]]:
    """The choices of ``field``: declared labels, else the vocabulary, else the raw values."""
    if field.choices:
        return list(field.choices)
    vocab_id = field.vocabulary or field.shape.vocabulary
    if vocab_id:
        return list(term_options(vocab_id))
    return [(value, str(value)) for value in field.shape.choices]


def label_for(options: list[tuple[Any, str]], value: Any) -> str:
    """The label of ``value`` among ``options`` (the raw value when it is unknown)."""
    for option, label in options:
        if option == value:
            return label
    return str(value)
