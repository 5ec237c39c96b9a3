"""Upgrading proposal documents written by earlier versions of the model.

Stored proposals (in the database and in ``.mcproposal`` and ``.mcreview`` files) carry a
``schema_version``. :func:`upgrade_document` turns the JSON of any earlier version into the
current one before validation; a new model version adds one step to :data:`STEPS`. The steps
work on plain JSON data, so they never depend on today's model classes.

- **1 → 2**: a proposal is written in a main language and may have translations. Every text
  of a version 1 document is its main-language text; the main language is the first
  language of instruction the proposal declared (``general.languages``) when that language
  has a two-letter code, else English. There are no translations yet.
- **2 → 3**: new facts of the offer (whether places are limited, the maximum duration, the
  period, venue and city, the condition for the award, whether it is a partial
  qualification, an assessment component's own mode) and an ESCO skill's reuse level. Each
  has a default that says what a version 2 document said: a set number of places (the
  number, if any, as before), nothing stated about duration, period, venue or condition, a
  whole qualification, every component in the micro-credential's own form of
  participation, no reuse level. The document is kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mcdesigner.model.proposal import SCHEMA_VERSION
from mcdesigner.model.vocabularies import LANGUAGE, get_vocabulary

Document = dict[str, Any]
Step = Callable[[Document], Document]

#: The main language given to version 1 proposals that name no usable language.
DEFAULT_MAIN_LANGUAGE = "en"


class NewerDocument(ValueError):
    """A document written by a newer version of the application."""

    def __init__(self, version: int) -> None:
        super().__init__(f"document schema {version}")
        self.version = version


def _main_language_of_v1(data: Document) -> str:
    general = data.get("general")
    declared = general.get("languages") if isinstance(general, dict) else None
    if isinstance(declared, list):
        vocabulary = get_vocabulary(LANGUAGE)
        for code in declared:
            term = vocabulary.by_value.get(code) if isinstance(code, str) else None
            if term is not None and len(term.notation) == 2:
                return term.notation
    return DEFAULT_MAIN_LANGUAGE


def _v1_to_v2(data: Document) -> Document:
    upgraded = dict(data)
    upgraded.setdefault("languages", {"main": _main_language_of_v1(data)})
    upgraded.setdefault("translations", {})
    return upgraded


def _v2_to_v3(data: Document) -> Document:
    return dict(data)


#: ``{n: step}``: ``step`` turns a document of schema ``n`` into one of schema ``n + 1``.
STEPS: dict[int, Step] = {1: _v1_to_v2, 2: _v2_to_v3}


def document_version(data: Document) -> int:
    """The schema version a document declares (1 when it predates the field)."""
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"schema_version must be a whole number from 1, not {version!r}")
    return version


def upgrade_document(data: Document) -> Document:
    """``data`` upgraded to :data:`SCHEMA_VERSION` (``data`` itself when it is current).

    An older document is upgraded into a new dict; ``data`` is not changed.

    Raises :class:`NewerDocument` for a document of a later version, ``ValueError`` for a
    malformed version.
    """
    version = document_version(data)
    if version > SCHEMA_VERSION:
        raise NewerDocument(version)
    if version == SCHEMA_VERSION:
        return data
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
        data["schema_version"] = version
    return data
