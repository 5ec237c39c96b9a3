"""The ESCO skills pillar, offline: search, suggestions, exact labels and addresses (pure).

The European Commission's ESCO classification (13,485 skills and competences, with labels
in English, Spanish and French) ships with the application in ``resources/esco/``; nothing
is read until one of these functions needs it, and nothing ever goes to the network.

- :func:`search` finds skills by the words typed, in any order, ignoring capitals, accents
  and British or US spelling; it answers in about a millisecond once the index is built,
  so a completer can call it on every keystroke.
- :func:`suggest` ranks the skills matching the wording of a learning outcome (BM25 over
  labels and descriptions, see :mod:`mcdesigner.esco.suggestions`), each with the words that
  brought it.
- :func:`exact_match` gives the skills having a label exactly (in either spelling).
- :func:`lookup` gives the skill or skill group at an ESCO address.
- :func:`warm_up` builds everything ahead, for a background thread at start-up.
"""

from __future__ import annotations

from mcdesigner.esco.data import (
    KNOWLEDGE,
    LANGUAGES,
    SKILL,
    SKILL_PREFIX,
    VERSION,
    Catalog,
    EscoDataError,
    Skill,
    catalog,
)
from mcdesigner.esco.label_index import SearchHit, label_index
from mcdesigner.esco.suggestions import Suggestion, suggestion_index

__all__ = [
    "KNOWLEDGE",
    "LANGUAGES",
    "SKILL",
    "SKILL_PREFIX",
    "VERSION",
    "Catalog",
    "EscoDataError",
    "SearchHit",
    "Skill",
    "Suggestion",
    "catalog",
    "exact_match",
    "is_esco_address",
    "lookup",
    "search",
    "suggest",
    "version",
    "warm_up",
]


def search(text: str, lang: str = "en", limit: int = 20) -> list[SearchHit]:
    """The skills whose preferred or alternative labels (in English, Spanish or French)
    hold every word of ``text``, best first; labels are shown in ``lang`` when ESCO has
    them. An empty text finds nothing."""
    return label_index().search(text, lang, limit)


def suggest(outcome_text: str, lang: str = "en", k: int = 5) -> list[Suggestion]:
    """The ``k`` skills that best match the wording of a learning outcome, best first."""
    return suggestion_index().suggest(outcome_text, lang, k)


def exact_match(label: str) -> list[Skill]:
    """The skills with ``label`` as a preferred or alternative label, in any bundled
    language, capitals, accents, spaces and British or US spelling aside; skills whose
    preferred label it is come first. Empty when no skill has that label."""
    return label_index().exact(label)


def lookup(address: str) -> Skill | None:
    """The skill (or skill group) at the ESCO ``address``, or ``None`` when the bundled
    data does not have it."""
    return catalog().by_address.get(address.strip())


def is_esco_address(address: str) -> bool:
    """Whether ``address`` is an ESCO skill address (whether or not the data knows it)."""
    return address.strip().startswith(SKILL_PREFIX)


def version() -> str:
    """The version of the bundled ESCO data ("v1.0 series")."""
    return catalog().version


def warm_up() -> None:
    """Read the data and build the search and suggestion indexes now (about two seconds)."""
    label_index()
    suggestion_index()
