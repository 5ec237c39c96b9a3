"""Suggesting ESCO skills from the wording of a learning outcome, with the reason why.

The ranking is BM25F, the search-engine formula BM25 over a document with fields (k1 = 1.2,
b = 0.75). Each skill is a document with two fields: its labels (in English, Spanish and
French; a word of a preferred label counts :data:`PREFERRED_WEIGHT` times, of an
alternative label once) and its description. Each field's word counts are divided by the
field's length relative to the average, the label field is weighted :data:`LABEL_WEIGHT`
times the description, and the sum goes through BM25's saturation, times the word's
rarity in ESCO (its inverse document frequency). A skill scores the sum over the
outcome's words, times a small preference for the skills a micro-credential usually
develops (:data:`REUSE_PRIOR`: transversal and cross-sector skills).

Words are compared in their spelling-neutral, roughly stemmed form
(:func:`mcdesigner.esco.text.stem`); common words of English, Spanish and French ("the",
"and", "de", "los"...) and the words every outcome uses ("able", "demonstrate",
"competence"...) are left out. Each :class:`Suggestion` names the outcome's words that
brought it, most telling first, so the ranking can be explained to the author.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from mcdesigner.esco import prebuilt
from mcdesigner.esco.data import LANGUAGES, Catalog, Skill, catalog
from mcdesigner.esco.text import WORD, fold, spelling, stem, words

PREFERRED_WEIGHT = 2.0
LABEL_WEIGHT = 3.0
K1 = 1.2
B = 0.75
#: How much more likely a skill of each reuse level is for a micro-credential's outcome.
REUSE_PRIOR = {"transversal": 1.3, "cross-sector": 1.15}

_COMMON = """
a an and are as at be by for from in into is it its of on or the their this to with within
using use able will can across including include includes such other others which that
these those all any both each more most own same than through under upon via while who
whose how what when where whether well also e g i ie eg etc
demonstrate demonstrating show showing student students learner learners participant
participants course module programme program micro credential credentials competence
competences skill skills knowledge ability capable successfully completion end
el la los las un una unos unas y o u de del al en con por para que se su sus es son como
sobre entre sin lo le les mas muy ser estar haber este esta estos estas ese esa
le la les un une des et ou de du au aux en dans avec par pour que qui sur se son sa ses
est sont comme ce cette ces plus
"""
#: Words that say nothing about which skill an outcome develops.
STOP_WORDS = frozenset(stem(w) for w in words(_COMMON)) | frozenset(words(_COMMON))


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A skill suggested for an outcome, its score and the outcome's words that matched."""

    skill: Skill
    label: str  # the preferred label in the requested language (English when ESCO has none)
    score: float
    matched: tuple[str, ...]  # the outcome's words found in the skill, most telling first


#: Each folded word's term ("" for a word that does not count), worked out once.
_TERMS: dict[str, str] = {}


def _term(folded: str) -> str:
    neutral = spelling(folded)
    term = stem(neutral)
    if len(term) < 2 or term in STOP_WORDS or neutral in STOP_WORDS:
        return ""
    return term


def terms(text: str) -> list[str]:
    """The words of ``text`` that count for the suggestions, stemmed, in order."""
    known = _TERMS  # a plain dict: this runs for every label and description of the data
    found = []
    for word in WORD.findall(fold(text)):
        term = known.get(word)
        if term is None:
            term = known[word] = _term(word)
        if term:
            found.append(term)
    return found


#: For each term, the positions of the skills holding it and its weight in each.
Postings = dict[str, tuple[list[int], list[float]]]


def weighted_postings(data: Catalog) -> Postings:
    """For each term, the skills holding it with its BM25F weight there (before
    saturation): label and description counts, each divided by its field's relative
    length, the label's times :data:`LABEL_WEIGHT`. This is the slow part of building the
    index (about a second); ``scripts/build_esco.py`` ships it ready-made
    (:mod:`mcdesigner.esco.prebuilt`)."""
    label_counts: list[dict[str, float]] = []
    description_counts: list[Counter[str]] = []
    for skill in data.skills:
        counts: dict[str, float] = {}
        for language in LANGUAGES:
            for term in terms(skill.labels.get(language, "")):
                counts[term] = counts.get(term, 0.0) + PREFERRED_WEIGHT
            for alternative in skill.alternatives.get(language, ()):
                for term in terms(alternative):
                    counts[term] = counts.get(term, 0.0) + 1.0
        label_counts.append(counts)
        description_counts.append(Counter(terms(skill.description)))
    total = max(len(data.skills), 1)
    label_average = sum(sum(c.values()) for c in label_counts) / total or 1.0
    description_average = sum(sum(c.values()) for c in description_counts) / total or 1.0
    postings: Postings = {}
    for position, (labels, description) in enumerate(
        zip(label_counts, description_counts, strict=True)
    ):
        label_norm = 1 - B + B * sum(labels.values()) / label_average
        description_norm = 1 - B + B * sum(description.values()) / description_average
        for term in sorted(labels.keys() | description.keys()):
            weight = (
                LABEL_WEIGHT * labels.get(term, 0.0) / label_norm
                + description.get(term, 0) / description_norm
            )
            positions, weights = postings.setdefault(term, ([], []))
            positions.append(position)
            weights.append(round(weight, 4))
    return postings


def encode_postings(postings: Postings) -> dict[str, list[list[Any]]]:
    """``postings`` as JSON data, terms sorted."""
    return {term: [positions, weights] for term, (positions, weights) in sorted(postings.items())}


def decode_postings(content: Any) -> Postings | None:
    """The postings of ready-made JSON data, or ``None`` when it is not well formed."""
    if not isinstance(content, dict):
        return None
    found: Postings = {}
    for term, pair in content.items():
        if not (isinstance(pair, list) and len(pair) == 2 and len(pair[0]) == len(pair[1])):
            return None
        found[term] = (pair[0], pair[1])
    return found


class SuggestionIndex:
    """BM25F statistics of every skill: the weight of each term in each skill holding it,
    and each term's rarity (inverse document frequency)."""

    def __init__(self, data: Catalog, postings: Postings | None = None) -> None:
        self.data = data
        self.postings = weighted_postings(data) if postings is None else postings
        total = max(len(data.skills), 1)
        self.idf = {
            term: math.log(1 + (total - len(found) + 0.5) / (len(found) + 0.5))
            for term, (found, _weights) in self.postings.items()
        }
        self.prior = [REUSE_PRIOR.get(skill.reuse_level, 1.0) for skill in data.skills]

    def suggest(self, text: str, language: str = "en", k: int = 5) -> list[Suggestion]:
        """The ``k`` skills that best match ``text``, best first (ties by address)."""
        query = dict.fromkeys(terms(text))  # each word once, in the text's order
        shown: dict[str, str] = {}  # each counted word as the outcome writes it
        for written in WORD.findall(text):
            for word in words(written):
                shown.setdefault(stem(word), written.lower())
        scores: dict[int, float] = {}
        parts: dict[int, list[tuple[float, str]]] = {}
        for term in query:
            found = self.postings.get(term)
            if not found:
                continue
            idf = self.idf[term]
            for position, weight in zip(*found, strict=True):
                part = idf * weight / (K1 + weight)
                scores[position] = scores.get(position, 0.0) + part
                parts.setdefault(position, []).append((part, shown.get(term, term)))
        prior = self.prior
        for position in scores:
            scores[position] *= prior[position]
        best = heapq.nsmallest(k, scores, key=lambda p: (-scores[p], self.data.skills[p].address))
        result = []
        for position in best:
            skill = self.data.skills[position]
            matched = tuple(word for _part, word in sorted(parts[position], reverse=True))
            result.append(Suggestion(skill, skill.label(language), scores[position], matched))
        return result


_lock = threading.Lock()
_index: SuggestionIndex | None = None


def suggestion_index() -> SuggestionIndex:
    """The suggestion index of the bundled data, read (or built) on the first call."""
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                shipped = prebuilt.read(prebuilt.SUGGESTIONS, prebuilt.bundled_fingerprint())
                _index = SuggestionIndex(catalog(), decode_postings(shipped))
    return _index
