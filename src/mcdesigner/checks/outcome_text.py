"""Reading the opening of a learning outcome: labels, prefixes, adverbs and main verbs.

``"LO3. Students will be able to critically analyse and compare ..."`` is read as: label
``LO3.`` and prefix ``Students will be able to`` skipped, adverb ``critically`` skipped,
main verbs ``analyse`` and ``compare``. A verb may be written in its "-ing" form
("Developing digital content" opens with ``develop``). Vague openings ("Know", "Be aware
of", "Gain an understanding of", "Knowledge of") are recognised as such. The result is
cached per text, so re-checking an unchanged outcome costs a dictionary look-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mcdesigner.checks.bloom import VERB_LEVELS, normalise_spelling
from mcdesigner.checks.vague import (
    COPULAS,
    MAX_WORDS_BEFORE_NOUN,
    NOUN_INTRODUCERS,
    VAGUE_NOUNS,
    VAGUE_STATES,
    VAGUE_VERBS,
)

# "LO1.", "LO 1:", "ILO2 -", "1.", "1.2", "(3)", "a)", "- ", "• "
_LABEL = re.compile(
    r"^\s*(?:[-–—•·*▪►]\s*)?"
    r"(?:\(?(?:(?:learning\s+)?outcome|i?lo|clo|plo|ra|lr)?\s*\d+(?:\.\d+)*\s*(?:[.):\-–—]\s*|\s+)"
    r"|\(?[a-h]\)\s*)?",
    re.IGNORECASE,
)
# Phrases that frame the outcome without being part of it; removed repeatedly.
_PREFIXES = (
    re.compile(
        r"^(?:on|upon|after|by|at)\s+(?:the\s+)?(?:successful\s+)?(?:completion|end|conclusion)"
        r"\b[^,:;]{0,120}[,:;]\s*",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:the\s+)?(?:successful\s+)?(?:students?|learners?|participants?|graduates?"
        r"|trainees?|candidates?|attendees?|you)\s+"
        r"(?:(?:will|shall|should|must|can|could|may|are|is|would)\b[\s:,\-–]+)*"
        r"(?:(?:be\s+)?(?:able|expected|prepared|ready)\s+to\b[\s:,\-–]*"
        r"|be\s+(?:capable|competent)\s+(?:of|in)\b[\s:,\-–]*)?",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:(?:will|should|shall|can|must)\s+)?(?:be\s+)?(?:able|expected)\s+to\b[\s:,\-–]*",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:the\s+|an?\s+)?ability\s+to\b[\s:,\-–]*", re.IGNORECASE),
    re.compile(r"^(?:will|can|should|shall)\b[\s:,\-–]+", re.IGNORECASE),
    re.compile(r"^to\s+", re.IGNORECASE),
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|[,/;&]")
_SEPARATORS = frozenset({",", "/", "&", "and", "or"})
_ARTICLES = frozenset({"a", "an", "the", "some", "basic", "sound", "good", "solid", "broad"})
_MAX_ADVERBS = 3
#: Only the opening of an outcome is read; verbs further on are objects or context.
_READ_CHARS = 300


@dataclass(frozen=True, slots=True)
class OutcomeAnalysis:
    """How a learning outcome opens."""

    first_word: str  # first word after labels, prefixes and adverbs ("" for an empty text)
    verbs: tuple[str, ...]  # observable verbs of the opening chain, base form, in order
    vague: str  # the vague verb or phrase found in the opening chain, "" when there is none
    vague_level: int  # Bloom level the vague wording most likely stands for (0 when none)
    # The Bloom levels each verb can express, in the order of ``verbs``; left empty, they
    # are looked up in the English lists.
    levels: tuple[frozenset[int], ...] = ()

    def _verb_levels(self) -> tuple[frozenset[int], ...]:
        return self.levels or tuple(VERB_LEVELS[v] for v in self.verbs)

    @property
    def top_level(self) -> int | None:
        """The highest Bloom level the opening verbs can express."""
        if not self.verbs:
            return None
        return max(max(levels) for levels in self._verb_levels())

    @property
    def floor_level(self) -> int | None:
        """The lowest Bloom level the opening verbs can express."""
        if not self.verbs:
            return None
        return min(min(levels) for levels in self._verb_levels())


def strip_framing(text: str) -> str:
    """``text`` without a leading label ("LO1.") and framing ("Students will be able to")."""
    text = _LABEL.sub("", text[:_READ_CHARS], count=1)
    for _ in range(4):
        before = text
        for prefix in _PREFIXES:
            text = prefix.sub("", text, count=1)
        if text == before:
            break
    return text


#: Shortest "-ing" form read as a verb ("using"); shorter words ("thing") are left alone.
_MIN_ING_LENGTH = 5


def _base_forms(word: str) -> tuple[str, ...]:
    """Candidate base forms of a verb as written (``analyses`` -> ``analyse``,
    ``developing`` -> ``develop``, ``analysing`` -> ``analyse``, ``planning`` -> ``plan``)."""
    forms = [word]
    if word.endswith("ing") and len(word) >= _MIN_ING_LENGTH:
        stem = word[:-3]
        forms += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(normalise_spelling(f) for f in forms)


def action_verb(word: str) -> str | None:
    """The base form of ``word`` when it is an observable action verb."""
    for form in _base_forms(word):
        if form in VERB_LEVELS:
            return form
    return None


def vague_verb(word: str) -> str | None:
    """The base form of ``word`` when it is a vague verb ("knows" -> "know")."""
    if word in ("is", "are", "am", "being"):
        return "be"
    if word in ("has", "having"):
        return "have"
    for form in _base_forms(word):
        if form in VAGUE_VERBS:
            return form
    return None


def _helper_verb(word: str) -> str:
    """The base form of ``word`` when it introduces a vague noun or state ("gaining" ->
    "gain"), else ``word``."""
    for form in _base_forms(word):
        if form in NOUN_INTRODUCERS or form in COPULAS:
            return form
    return word


def _is_adverb(tokens: list[str], index: int) -> bool:
    word = tokens[index] if index < len(tokens) else ""
    return word.endswith("ly") and action_verb(word) is None


def _skip_adverbs(tokens: list[str], index: int) -> int:
    """Skip up to three adverbs ("critically", "critically and independently")."""
    skipped = 0
    while skipped < _MAX_ADVERBS and _is_adverb(tokens, index):
        index += 1
        skipped += 1
        # "critically and independently": a separator between two adverbs
        if index < len(tokens) and tokens[index] in _SEPARATORS and _is_adverb(tokens, index + 1):
            index += 1
    return index


def _vague_phrase(tokens: list[str], index: int) -> tuple[str, int, int] | None:
    """A vague opening at ``index``: (phrase, Bloom level, tokens used)."""
    word = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    if word in VAGUE_NOUNS:
        return word, VAGUE_NOUNS[word], 1
    base = vague_verb(word) or action_verb(word) or _helper_verb(word)
    if base in COPULAS and following in VAGUE_STATES:
        words = [word, following]
        if index + 2 < len(tokens) and tokens[index + 2] in ("of", "with", "to"):
            words.append(tokens[index + 2])
        return " ".join(words), VAGUE_STATES[following], len(words)
    if base == "get" and following == "to" and tokens[index + 2 : index + 3] == ["know"]:
        return "get to know", VAGUE_VERBS["know"], 3
    if base in NOUN_INTRODUCERS:
        for offset in range(1, MAX_WORDS_BEFORE_NOUN + 2):
            if index + offset >= len(tokens):
                break
            candidate = tokens[index + offset]
            if candidate in VAGUE_NOUNS:
                phrase = " ".join(tokens[index : index + offset + 1])
                return phrase, VAGUE_NOUNS[candidate], offset + 1
            if offset > 1 and candidate not in _ARTICLES and candidate.endswith("ly"):
                continue
            if candidate in _SEPARATORS or action_verb(candidate) is not None:
                break
    vague = vague_verb(word)
    if vague is not None:
        return word, VAGUE_VERBS[vague], 1
    return None


@lru_cache(maxsize=8192)
def analyse_outcome(text: str) -> OutcomeAnalysis:
    """Read the opening of a learning outcome (see the module docstring)."""
    tokens = _TOKEN.findall(strip_framing(text).lower())
    index = _skip_adverbs(tokens, 0)
    while index < len(tokens) and tokens[index] in _SEPARATORS:
        index += 1
    if index >= len(tokens):
        return OutcomeAnalysis("", (), "", 0)
    first_word = tokens[index]
    verbs: list[str] = []
    vague = ""
    vague_level = 0
    while index < len(tokens):
        found = _vague_phrase(tokens, index)
        if found is not None:
            phrase, level, used = found
            if not vague:
                vague, vague_level = phrase, level
            index += used
        else:
            verb = action_verb(tokens[index])
            if verb is None:
                break
            if verb not in verbs:
                verbs.append(verb)
            index += 1
        # Another verb follows only after "and", "or", a comma or a slash.
        next_index = index
        while next_index < len(tokens) and tokens[next_index] in _SEPARATORS:
            next_index += 1
        if next_index == index or next_index >= len(tokens):
            break
        next_index = _skip_adverbs(tokens, next_index)
        if next_index >= len(tokens):
            break
        candidate = tokens[next_index]
        if action_verb(candidate) is None and _vague_phrase(tokens, next_index) is None:
            break
        index = next_index
    levels = tuple(VERB_LEVELS[verb] for verb in verbs)
    return OutcomeAnalysis(first_word, tuple(verbs), vague, vague_level, levels)
