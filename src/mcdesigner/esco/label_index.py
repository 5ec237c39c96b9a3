"""Finding ESCO skills by the words of their labels, fast enough for every keystroke.

Every preferred and alternative label of every skill, in English, Spanish and French, is one
*entry*. A query matches an entry when each of its words starts a word of the entry, in any
order ("teams work" finds "work in teams"; "organis pol" finds "apply system organizational
policies"). Words are compared in their spelling-neutral form (:mod:`mcdesigner.esco.text`).

Matches are ranked, best first, by:

1. the whole label equal to the query;
2. the label starting with the query's words in their order;
3. every query word being a whole word of the label (not just its start);
4. a preferred label before an alternative one;
5. a label in the requested language before one in another language;
6. the shorter label (fewer words the query did not ask for).

Each skill appears once, with its best entry. The index keeps the entries in that static
order (preferred first, then shorter), so when a very short query matches tens of thousands
of entries only the best-placed ones are ranked, and a search stays within a few
milliseconds.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, islice

from mcdesigner.esco import prebuilt
from mcdesigner.esco.data import LANGUAGES, Catalog, Skill, catalog
from mcdesigner.esco.text import phrase, words

#: At most this many matching entries are ranked for one query (the best-placed first).
RANKED_AT_MOST = 600


@dataclass(frozen=True, slots=True)
class Entry:
    """One label of one skill, as the index holds it."""

    skill: int  # position in Catalog.skills
    language: str
    preferred: bool
    label: str  # as ESCO writes it
    words: tuple[str, ...]
    phrase: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One skill found, with the label to show and the label that matched."""

    skill: Skill
    label: str  # the preferred label in the requested language (English when ESCO has none)
    matched: str  # the label the query matched (preferred or alternative, any language)
    matched_language: str
    exact: bool  # the whole matched label is the query


def labels_of(data: Catalog) -> list[tuple[bool, int, str, str]]:
    """(preferred, skill position, language, label) of every label, in data order."""
    raw: list[tuple[bool, int, str, str]] = []
    for position, skill in enumerate(data.skills):
        for language in LANGUAGES:
            preferred = skill.labels.get(language)
            if preferred:
                raw.append((True, position, language, preferred))
            raw.extend((False, position, language, a) for a in skill.alternatives.get(language, ()))
    return raw


def label_phrases(data: Catalog) -> list[str]:
    """The comparable form (:func:`~mcdesigner.esco.text.phrase`) of every label, in data
    order: the part of the index ``scripts/build_esco.py`` ships ready-made."""
    return [phrase(item[3]) for item in labels_of(data)]


class LabelIndex:
    """Every label entry and, for each word, the entries holding it (sorted for prefixes)."""

    def __init__(self, data: Catalog, phrases: list[str] | None = None) -> None:
        raw = labels_of(data)
        if phrases is None or len(phrases) != len(raw):
            phrases = [phrase(item[3]) for item in raw]
        found = [tuple(p.split()) for p in phrases]
        order = sorted(
            (n for n in range(len(raw)) if found[n]),
            key=lambda n: (not raw[n][0], len(found[n]), raw[n][1]),
        )
        self.data = data
        # The entries in index order, as parallel lists (65,000 objects would take longer).
        self._labels = [raw[n] for n in order]
        self._words = [found[n] for n in order]
        self._phrases = [phrases[n] for n in order]
        # " word word ...": a query word starts some word when " " + it is in there.
        self._spaced = [" " + p for p in self._phrases]
        postings: dict[str, list[int]] = {}
        self.by_phrase: dict[str, list[int]] = {}
        for number, entry_words in enumerate(self._words):
            for word in set(entry_words):
                posting = postings.get(word)
                if posting is None:
                    postings[word] = [number]
                else:
                    posting.append(number)
        for number, entry_phrase in enumerate(self._phrases):
            self.by_phrase.setdefault(entry_phrase, []).append(number)
        self.vocabulary: list[str] = sorted(postings)
        self.postings: list[list[int]] = [postings[w] for w in self.vocabulary]
        self._sizes = [0, *accumulate(len(p) for p in self.postings)]

    def __len__(self) -> int:
        return len(self._labels)

    def entry(self, number: int) -> Entry:
        """The entry at position ``number`` of the index order."""
        preferred, skill, language, label = self._labels[number]
        return Entry(skill, language, preferred, label, self._words[number], self._phrases[number])

    def _range(self, prefix: str) -> tuple[int, int]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\uffff", lo=start)
        return start, end

    def _matching(self, query: list[str], at_most: int = RANKED_AT_MOST) -> list[int]:
        """The first ``at_most`` entries (in index order) in which every query word starts
        some word.

        The entries of the rarest query word are collected from its postings, or, when
        that word is a short prefix covering a large share of all entries (a first letter
        typed), by reading the entries in index order until enough are found: the answer
        is the same, and it comes in a millisecond rather than tens.
        """
        ranges = {w: self._range(w) for w in set(query)}
        seed = min(ranges, key=lambda w: self._sizes[ranges[w][1]] - self._sizes[ranges[w][0]])
        start, end = ranges[seed]
        total = self._sizes[end] - self._sizes[start]
        spaced = self._spaced
        others = [" " + w for w in set(query) if w != seed]
        if total and at_most * len(spaced) < total * total // 4:
            first = " " + seed
            hits: Iterator[int] = (n for n, entry in enumerate(spaced) if first in entry)
            if others:
                hits = (n for n in hits if all(w in spaced[n] for w in others))
            return list(islice(hits, at_most))
        if end - start == 1:
            candidates = self.postings[start]
        else:
            candidates = sorted(set().union(*self.postings[start:end]))
        if others:
            candidates = [n for n in candidates if all(w in spaced[n] for w in others)]
        return candidates[:at_most]

    def search(self, text: str, language: str = "en", limit: int = 20) -> list[SearchHit]:
        """The skills whose labels match ``text``, best first (see the module's ranking)."""
        query = words(text)
        if not query or limit <= 0:
            return []
        query_phrase = " ".join(query)
        matching = self._matching(query)
        exact = set(self.by_phrase.get(query_phrase, ()))
        pool = set(matching) | exact
        whole = set(query)
        labels, entry_words, entry_phrases = self._labels, self._words, self._phrases

        def rank(number: int) -> tuple[int, int, int, int, int, int, int]:
            found = entry_words[number]
            return (
                0 if number in exact else 1,
                0 if entry_phrases[number].startswith(query_phrase) else 1,
                0 if whole.issubset(found) else 1,
                0 if labels[number][0] else 1,
                0 if labels[number][2] == language else 1,
                len(found),
                number,
            )

        hits: list[SearchHit] = []
        seen: set[int] = set()
        for number in sorted(pool, key=rank):
            entry = self.entry(number)
            if entry.skill in seen:
                continue
            seen.add(entry.skill)
            skill = self.data.skills[entry.skill]
            hits.append(
                SearchHit(
                    skill=skill,
                    label=skill.label(language),
                    matched=entry.label,
                    matched_language=entry.language,
                    exact=number in exact,
                )
            )
            if len(hits) == limit:
                break
        return hits

    def exact(self, label: str) -> list[Skill]:
        """The skills having ``label`` as a preferred or alternative label, in any of the
        bundled languages and either spelling; preferred-label matches first."""
        found: list[Skill] = []
        for number in self.by_phrase.get(phrase(label), ()):
            skill = self.data.skills[self._labels[number][1]]
            if skill not in found:
                found.append(skill)
        return found


_lock = threading.Lock()
_index: LabelIndex | None = None


def label_index() -> LabelIndex:
    """The index of the bundled data, built on the first call (about half a second)."""
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                shipped = prebuilt.read(prebuilt.LABELS, prebuilt.bundled_fingerprint())
                phrases = shipped if isinstance(shipped, list) else None
                _index = LabelIndex(catalog(), phrases)
    return _index
