"""Verbs and phrases that describe a state of mind rather than an observable action.

Outcomes such as "Know the tools" or "Be aware of the rules" cannot be observed or
assessed directly; guides on writing learning outcomes ask for an observable verb
instead. Each entry records the Bloom level the writer most likely meant, so better
verbs can be suggested when the EQF level of the proposal is not known.
"""

from __future__ import annotations

from mcdesigner.checks.bloom import ANALYSE, EVALUATE, REMEMBER, UNDERSTAND

#: Single vague verbs (base form) -> the Bloom level they usually stand for.
VAGUE_VERBS: dict[str, int] = {
    "know": REMEMBER,
    "understand": UNDERSTAND,
    "comprehend": UNDERSTAND,
    "grasp": UNDERSTAND,
    "appreciate": EVALUATE,
    "learn": UNDERSTAND,
    "study": ANALYSE,
    "realise": UNDERSTAND,
    "familiarise": UNDERSTAND,
    "cover": UNDERSTAND,
    "internalise": UNDERSTAND,
    "acknowledge": UNDERSTAND,
    "be": UNDERSTAND,
    "become": UNDERSTAND,
    "have": UNDERSTAND,
    "possess": UNDERSTAND,
}

#: Nouns that make an outcome vague when it starts with them ("Knowledge of ...") or when a
#: verb merely introduces them ("gain an understanding of", "demonstrate knowledge of").
VAGUE_NOUNS: dict[str, int] = {
    "knowledge": REMEMBER,
    "understanding": UNDERSTAND,
    "awareness": REMEMBER,
    "familiarity": UNDERSTAND,
    "appreciation": EVALUATE,
    "insight": ANALYSE,
    "insights": ANALYSE,
    "comprehension": UNDERSTAND,
    "acquaintance": REMEMBER,
    "exposure": REMEMBER,
}

#: Verbs that only introduce a vague noun: "gain knowledge of", "develop an understanding".
NOUN_INTRODUCERS: frozenset[str] = frozenset(
    {
        "gain",
        "acquire",
        "have",
        "develop",
        "demonstrate",
        "show",
        "possess",
        "build",
        "deepen",
        "broaden",
        "obtain",
        "get",
        "achieve",
        "display",
        "attain",
        "raise",
        "expand",
        "strengthen",
    }
)

#: After "be", "become" or "get": adjectives that describe a state of mind.
VAGUE_STATES: dict[str, int] = {
    "aware": REMEMBER,
    "familiar": UNDERSTAND,
    "acquainted": REMEMBER,
    "conversant": UNDERSTAND,
    "exposed": REMEMBER,
    "introduced": REMEMBER,
    "knowledgeable": REMEMBER,
    "sensitised": UNDERSTAND,
    "sensitized": UNDERSTAND,
    "informed": REMEMBER,
}

#: Verbs that take one of :data:`VAGUE_STATES`.
COPULAS: frozenset[str] = frozenset({"be", "become", "get", "feel", "remain"})

#: Words allowed between an introducing verb and its vague noun ("a", "sound", "critical").
MAX_WORDS_BEFORE_NOUN = 3
