"""How ESCO labels and typed words are compared: one spelling-neutral form for each word.

Labels and queries go through the same steps, so whatever the steps merge is merged on
both sides alike:

1. capitals and accents are dropped ("Formación" and "formacion" are one word);
2. anything that is not a letter or a digit separates words, so runs of spaces, hyphens
   and apostrophes count as one break;
3. British and US spellings of a word get one form: -ise/-ize (and -yse/-yze),
   -our/-or, -re/-er, -ll-/-l- and -ogue/-og ("organisational" and "organizational",
   "behaviour" and "behavior", "centre" and "center", "modelling" and "modeling",
   "catalogue" and "catalog").

:func:`words` gives the forms of a text in order; :func:`phrase` the whole text as one
comparable string (exact-label matching); :func:`stem` is the rougher form the outcome
suggestions use, so "collaborating" and "collaborate" count as one word there.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: A word: a run of letters and digits.
WORD = re.compile(r"[^\W_]+")
_IZE = re.compile(r"(?<=\w)([iy])z(e|ed|es|ing|ation|ations|ational|er|ers|able)$")
_OUR = re.compile(r"^(\w{2,})our(s|ed|ing|ite|ites|able|ably|ful|less|ist|ists|er|ers|)$")
_RE = re.compile(r"^(\w+[bt])re(s|d)?$")
_OGUE = re.compile(r"ogue(s?)$")
#: Words ending in -our whose -or form is another word or none ("flour" is not "flor").
_OUR_KEPT = frozenset(
    {"flour", "scour", "detour", "contour", "devour", "amour", "velour", "paramour"}
)


class _Folded(dict[int, str]):
    """Each character's folded form, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code).replace("œ", "oe"))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLDED = _Folded()


def fold(text: str) -> str:
    """``text`` in lower case without accents (``ß`` as ``ss``, ``œ`` as ``oe``)."""
    lowered = text.casefold()
    return lowered if lowered.isascii() else lowered.translate(_FOLDED)


@lru_cache(maxsize=65536)
def spelling(word: str) -> str:
    """The spelling-neutral form of one folded word ("organisational" → "organisational",
    "organizational" → "organisational", "center" → "center", "centre" → "center")."""
    word = word.replace("ll", "l")
    word = _OGUE.sub(r"og\1", word)
    word = _IZE.sub(r"\1s\2", word)
    if word not in _OUR_KEPT:
        word = _OUR.sub(r"\1or\2", word)
    if word.endswith("red") and len(word) > 4 and word[-4] in "bt":
        return word[:-3] + "ered"  # "centred" → "centered"
    return _RE.sub(lambda m: f"{m.group(1)}er{'s' if m.group(2) == 's' else ''}", word)


_NEUTRAL: dict[str, str] = {}


def words(text: str) -> list[str]:
    """The spelling-neutral words of ``text``, in order."""
    known = _NEUTRAL  # a plain dict: this runs for every label of the data
    found = WORD.findall(fold(text))
    for index, word in enumerate(found):
        neutral = known.get(word)
        if neutral is None:
            neutral = known[word] = spelling(word)
        found[index] = neutral
    return found


def phrase(text: str) -> str:
    """``text`` as one comparable string: its words joined by single spaces."""
    return " ".join(words(text))


#: Suffixes :func:`stem` removes, longest first, with what replaces them.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("atively", "at"),
    ("ational", "at"),
    ("atives", "at"),
    ("ative", "at"),
    ("atory", "at"),
    ("ations", "at"),
    ("ation", "at"),
    ("ating", "at"),
    ("ated", "at"),
    ("ates", "at"),
    ("ities", ""),
    ("ively", "iv"),
    ("ically", "ic"),
    ("ical", "ic"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ive", "iv"),
    ("ity", ""),
    ("ate", "at"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough stem of a spelling-neutral word: common English endings removed, a stem of
    at least three letters kept ("collaborating", "collaborate" → "collaborat")."""
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word
