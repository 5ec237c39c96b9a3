"""The bundled ESCO skills pillar: read once, on first use, from ``resources/esco/``.

``resources/esco/skills.json.gz`` is built by ``scripts/build_esco.py`` from the ESCO CSV
download (its source, version and licence are in ``resources/esco/SOURCE.md``). Nothing is
read until a search, a suggestion, an exact match or an address lookup needs it; then the
whole file (about 2 MB compressed) is read into :class:`Skill` records, which takes a few
tens of milliseconds.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcdesigner.i18n import N_, tr
from mcdesigner.paths import resources_dir

#: Every ESCO skill address starts with this.
SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
#: The languages the bundled data has labels in (English first: it always has them).
LANGUAGES: tuple[str, ...] = ("en", "es", "fr")
#: ESCO's skill types, as its data writes them.
SKILL = "skill/competence"
KNOWLEDGE = "knowledge"
_SKILL_TYPES = {"s": SKILL, "k": KNOWLEDGE, "sk": f"{SKILL} {KNOWLEDGE}"}
#: The version of the bundled ESCO data (the About box names it without reading the data).
VERSION = "v1.0 series"
#: Where the bundled data lives.
RESOURCE: Path = resources_dir() / "esco" / "skills.json.gz"
_FORMAT = 1
#: The European Learning Model's concepts for ESCO's skill types and reuse levels.
SKILL_TYPE_CONCEPTS = {
    SKILL: "http://data.europa.eu/snb/skill-type/skill",
    KNOWLEDGE: "http://data.europa.eu/snb/skill-type/knowledge",
}
REUSE_LEVEL_PREFIX = "http://data.europa.eu/snb/skill-reuse-level/"
#: ESCO's skill types and reuse levels in words (translated when shown).
_WORDS = {
    SKILL: N_("skill or competence"),
    KNOWLEDGE: N_("knowledge"),
    f"{SKILL} {KNOWLEDGE}": N_("skill or competence, and knowledge"),
    "transversal": N_("transversal"),
    "cross-sector": N_("cross-sector"),
    "sector-specific": N_("sector-specific"),
    "occupation-specific": N_("occupation-specific"),
}


class EscoDataError(Exception):
    """The bundled ESCO data is missing or damaged (the installation is broken)."""


@dataclass(frozen=True, slots=True)
class Skill:
    """One ESCO skill or competence (or skill group) as the bundled data holds it."""

    address: str
    skill_type: str  # "skill/competence", "knowledge", both, or "" for a skill group
    reuse_level: str  # "transversal", "cross-sector", "sector-specific", "occupation-specific"
    labels: Mapping[str, str]  # preferred label by language code
    alternatives: Mapping[str, tuple[str, ...]]  # alternative labels by language code
    description: str  # in English
    group: bool = False  # a skill group, not a skill or competence

    def label(self, language: str) -> str:
        """The preferred label in ``language`` when ESCO has one, else the English one."""
        return self.labels.get(language) or self.labels.get("en", "")

    @property
    def skill_type_concept(self) -> str | None:
        """The ELM skill-type concept of the skill (``None`` for both types or a group)."""
        return SKILL_TYPE_CONCEPTS.get(self.skill_type)

    @property
    def reuse_level_concept(self) -> str | None:
        """The ELM skill-reuse-level concept of the skill (``None`` for a group)."""
        return REUSE_LEVEL_PREFIX + self.reuse_level if self.reuse_level else None

    @property
    def kind_text(self) -> str:
        """Skill type and reuse level in words ("skill or competence, transversal"), or
        "skill group"."""
        if self.group:
            return tr("skill group")
        parts = [tr(_WORDS.get(v, v)) for v in (self.skill_type, self.reuse_level) if v]
        return ", ".join(parts)

    def description_start(self, length: int = 120) -> str:
        """The description cut at a word boundary to at most ``length`` characters."""
        text = self.description
        if len(text) <= length:
            return text
        cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:.")
        return cut + "…"


@dataclass(frozen=True)
class Catalog:
    """Every bundled skill, in address order, and the data's version."""

    version: str
    skills: tuple[Skill, ...]  # the skills and competences (no groups)
    groups: tuple[Skill, ...]
    by_address: Mapping[str, Skill]  # skills and groups


def _skill(row: list[Any]) -> Skill:
    labels: dict[str, str] = {}
    alternatives: dict[str, tuple[str, ...]] = {}
    for index, language in enumerate(LANGUAGES):
        preferred, others = row[3 + 2 * index], row[4 + 2 * index]
        if preferred:
            labels[language] = preferred
        if others:
            alternatives[language] = tuple(others)
    return Skill(
        address=SKILL_PREFIX + row[0],
        skill_type=_SKILL_TYPES[row[1]],
        reuse_level=row[2],
        labels=labels,
        alternatives=alternatives,
        description=row[3 + 2 * len(LANGUAGES)],
    )


def _group(row: list[Any]) -> Skill:
    return Skill(
        address=SKILL_PREFIX + row[0],
        skill_type="",
        reuse_level="",
        labels={"en": row[1]},
        alternatives={"en": tuple(row[2])} if row[2] else {},
        description=row[3],
        group=True,
    )


def read_catalog(path: Path = RESOURCE) -> Catalog:
    """The ESCO data in ``path``; raises :class:`EscoDataError` when it cannot be read."""
    try:
        content = json.loads(gzip.decompress(path.read_bytes()))
        if content.get("format") != _FORMAT:
            raise ValueError(f"format {content.get('format')!r}, expected {_FORMAT}")
        skills = tuple(_skill(row) for row in content["skills"])
        groups = tuple(_group(row) for row in content["groups"])
        version = str(content["version"])
    except (OSError, ValueError, KeyError, IndexError, TypeError, EOFError) as exc:
        raise EscoDataError(f"the ESCO data in {path} cannot be read: {exc}") from exc
    by_address = {s.address: s for s in (*skills, *groups)}
    return Catalog(version, skills, groups, by_address)


_lock = threading.Lock()
_catalog: Catalog | None = None


def catalog() -> Catalog:
    """The bundled ESCO data, read on the first call (safe to call from any thread)."""
    global _catalog
    if _catalog is None:
        with _lock:
            if _catalog is None:
                _catalog = read_catalog()
    return _catalog
