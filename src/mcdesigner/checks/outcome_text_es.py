"""Reading the opening of a learning outcome written in Spanish.

``"RA3. Al finalizar el curso, el estudiante será capaz de analizar y comparar ..."`` is
read as: label ``RA3.`` and framing ``Al finalizar el curso, el estudiante será capaz de``
skipped, main verbs ``analizar`` and ``comparar``. Verbs are recognised in the infinitive
and the usual forms of an outcome ("analiza", "analizarán", "analizando", "analizarlos"),
with or without accents (:mod:`mcdesigner.checks.bloom_es`). Adverbs in "-mente" and
"de forma/manera/modo ..." before a verb are skipped; "podrá" or "sabrá" before a verb
only frame it. Vague openings ("Conocer", "Comprender", "Familiarizarse con", "Ser
consciente de", "Tomar conciencia de", "Adquirir conocimientos de", "Conocimiento de")
are recognised as such. The result has the shape of the English reading
(:class:`~mcdesigner.checks.outcome_text.OutcomeAnalysis`), verbs as infinitives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mcdesigner.checks.bloom_es import (
    COPULAS,
    FORMS,
    HELPER_FORMS,
    MODALS,
    NOUN_INTRODUCERS,
    PREPOSITIONS,
    VAGUE_FORMS,
    VAGUE_NOUNS,
    VAGUE_STATES,
    VAGUE_VERBS,
    VERB_LEVELS,
    fold,
    lemma,
)
from mcdesigner.checks.outcome_text import OutcomeAnalysis

# "RA1.", "RA 1:", "Resultado de aprendizaje 2 -", "1.", "1.2", "(3)", "a)", "- ", "• "
_LABEL = re.compile(
    r"^\s*(?:[-–—•·*▪►]\s*)?"
    r"(?:\(?(?:resultados?(?:\s+de\s+aprendizaje)?|ra|rda|lo)?\s*\d+(?:\.\d+)*"
    r"\s*(?:[.):\-–—º°]\s*|\s+)"
    r"|\(?[a-h]\)\s*)?",
)
_SUBJECT = (
    r"(?:(?:el|la|los|las|cada)\s+)?"
    r"(?:estudiantes?|estudiantado|alumn[oa]s?|alumnado|participantes?|egresad[oa]s?"
    r"|discentes?|aprendices|personas?\s+(?:participantes?|egresadas?)|usted)"
)
_BE_ABLE = r"(?:(?:ser|sera|seran|es|son|sea|sean)\s+)?(?:capaz|capaces)\s+de\b"
_END = r"[\s:,\-–]*"
# Framing removed repeatedly; matched on the text folded to lower case without accents.
_PREFIXES = (
    # "Al finalizar el curso, ...", "Una vez superada la microcredencial, ...", "Tras ..."
    re.compile(
        r"^(?:al|tras|despues\s+de|una\s+vez|a\s+la\s+(?:finalizacion|conclusion))\s"
        r"[^,:;]{0,120}[,:;]\s*"
    ),
    # "el estudiante será capaz de", "los participantes podrán", "el alumnado:"
    re.compile(
        rf"^{_SUBJECT}\b(?:\s+(?:sera|seran|es|son|estara|estaran|debe|deben|debera"
        rf"|deberan|podra|podran|puede|pueden)\b)*(?:\s+{_BE_ABLE})?{_END}"
    ),
    re.compile(rf"^{_BE_ABLE}{_END}"),
    re.compile(rf"^(?:(?:estar|estara|estaran)\s+)?en\s+condiciones\s+de\b{_END}"),
    re.compile(rf"^(?:la\s+|una\s+)?(?:capacidad|habilidad|aptitud)\s+(?:de|para)\b{_END}"),
    re.compile(rf"^que\s+(?:{_SUBJECT}\s+)?(?:sea|sean)\s+(?:capaz|capaces)\s+de\b{_END}"),
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|[,/;&]")
_SEPARATORS = frozenset({",", "/", "&", "y", "e", "o", "u"})
_MANNER = frozenset({"forma", "manera", "modo"})
_MAX_ADVERBS = 3
_MAX_WORDS_BEFORE_NOUN = 3
_READ_CHARS = 300


def _fold_in_place(text: str) -> str:
    """``text`` in lower case without accents, one character for each one of ``text``."""
    return "".join(fold(char)[:1] or char for char in text.lower())


def strip_framing(text: str) -> str:
    """``text`` without a leading label ("RA1.") and framing ("El estudiante será capaz de")."""
    text = text[:_READ_CHARS]
    start = _LABEL.match(_fold_in_place(text))
    if start is not None:
        text = text[start.end() :]
    for _ in range(4):
        before = text
        for prefix in _PREFIXES:
            found = prefix.match(_fold_in_place(text))
            if found is not None and found.end():
                text = text[found.end() :]
        if text == before:
            break
    return text


def action_verb(word: str) -> str | None:
    """The infinitive of ``word`` when it is an observable action verb."""
    return lemma(word, FORMS)


def vague_verb(word: str) -> str | None:
    """The infinitive of ``word`` when it is a vague verb ("conocerán" -> "conocer")."""
    return lemma(word, VAGUE_FORMS)


def _is_adverb(tokens: list[str], index: int) -> bool:
    word = tokens[index] if index < len(tokens) else ""
    return fold(word).endswith("mente") and action_verb(word) is None


def _skip_adverbs(tokens: list[str], index: int) -> int:
    """Skip adverbs ("críticamente y ...") and "de forma autónoma"-style phrases."""
    skipped = 0
    while skipped < _MAX_ADVERBS and index < len(tokens):
        if _is_adverb(tokens, index):
            index += 1
        elif (
            tokens[index] == "de"
            and tokens[index + 1 : index + 2]
            and (tokens[index + 1] in _MANNER)
        ):
            index += 3  # "de forma crítica"
        else:
            break
        skipped += 1
        if index < len(tokens) and tokens[index] in _SEPARATORS and _is_adverb(tokens, index + 1):
            index += 1
    return index


def _is_verb(tokens: list[str], index: int) -> bool:
    word = tokens[index]
    return action_verb(word) is not None or vague_verb(word) is not None


def _skip_framing_words(tokens: list[str], index: int) -> int:
    """Skip "se" and "podrá"/"sabrá" when a verb follows ("se familiarizará", "sabrá aplicar")."""
    for _ in range(2):
        if index + 1 >= len(tokens) or not _is_verb(tokens, index + 1):
            break
        word = tokens[index]
        if word == "se" or lemma(word, HELPER_FORMS) in MODALS:
            index += 1
    return index


def _with_preposition(tokens: list[str], start: int, end: int) -> tuple[str, int]:
    """The words ``tokens[start:end]`` plus a following "de"/"con"; (phrase, tokens used)."""
    if end < len(tokens) and tokens[end] in PREPOSITIONS:
        end += 1
    return " ".join(tokens[start:end]), end - start


def _vague_phrase(tokens: list[str], index: int) -> tuple[str, int, int] | None:
    """A vague opening at ``index``: (phrase, Bloom level, tokens used)."""
    word = tokens[index]
    folded = fold(word)
    following = fold(tokens[index + 1]) if index + 1 < len(tokens) else ""
    if folded in VAGUE_NOUNS:
        phrase, used = _with_preposition(tokens, index, index + 1)
        return phrase, VAGUE_NOUNS[folded], used
    helper = lemma(word, HELPER_FORMS)
    if helper in COPULAS and following in VAGUE_STATES:
        phrase, used = _with_preposition(tokens, index, index + 2)
        return phrase, VAGUE_STATES[following], used
    if helper in NOUN_INTRODUCERS:
        for offset in range(1, _MAX_WORDS_BEFORE_NOUN + 2):
            if index + offset >= len(tokens):
                break
            candidate = fold(tokens[index + offset])
            if candidate in VAGUE_NOUNS:
                phrase, used = _with_preposition(tokens, index, index + offset + 1)
                return phrase, VAGUE_NOUNS[candidate], used
            if candidate in _SEPARATORS or action_verb(candidate) is not None:
                break
    vague = vague_verb(word)
    if vague is not None:
        if vague == "familiarizar":
            phrase, used = _with_preposition(tokens, index, index + 1)
            return phrase, VAGUE_VERBS[vague], used
        return word, VAGUE_VERBS[vague], 1
    return None


@lru_cache(maxsize=8192)
def analyse_outcome(text: str) -> OutcomeAnalysis:
    """Read the opening of a Spanish learning outcome (see the module docstring)."""
    tokens = _TOKEN.findall(strip_framing(text).lower())
    index = _skip_adverbs(tokens, 0)
    while index < len(tokens) and tokens[index] in _SEPARATORS:
        index += 1
    index = _skip_framing_words(tokens, index)
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
        # Another verb follows only after "y", "o", a comma or a slash.
        next_index = index
        while next_index < len(tokens) and tokens[next_index] in _SEPARATORS:
            next_index += 1
        if next_index == index or next_index >= len(tokens):
            break
        next_index = _skip_framing_words(tokens, _skip_adverbs(tokens, next_index))
        if next_index >= len(tokens):
            break
        if action_verb(tokens[next_index]) is None and _vague_phrase(tokens, next_index) is None:
            break
        index = next_index
    levels = tuple(VERB_LEVELS[verb] for verb in verbs)
    return OutcomeAnalysis(first_word, tuple(verbs), vague, vague_level, levels)
