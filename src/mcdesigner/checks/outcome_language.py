"""The rules of each language a learning outcome can be read in, chosen by language code.

A language's rules are data: the reader of an outcome's opening, the observable verbs per
Bloom level (suggestions are taken from them) and the source of the lists. English and
Spanish have rules; a text in any other language ("fr") is not read, so the verb rules
say nothing about it rather than flag every word as unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mcdesigner.checks import bloom, bloom_es, outcome_text, outcome_text_es
from mcdesigner.checks.outcome_text import OutcomeAnalysis


@dataclass(frozen=True)
class OutcomeLanguage:
    """How outcomes written in one language are read, and which verbs they are offered."""

    code: str  # ISO 639-1
    analyse: Callable[[str], OutcomeAnalysis]
    level_verbs: Mapping[int, tuple[str, ...]]  # Bloom level -> verbs, suggested first

    def suggested_verbs(self, levels: tuple[int, ...], per_level: int = 2) -> tuple[str, ...]:
        """A few typical verbs for each of ``levels``, without repeats, in level order."""
        chosen: list[str] = []
        for level in levels:
            taken = 0
            for verb in self.level_verbs[level]:
                if taken == per_level:
                    break
                if verb not in chosen:
                    chosen.append(verb)
                    taken += 1
        return tuple(chosen)


ENGLISH = OutcomeLanguage("en", outcome_text.analyse_outcome, bloom.LEVEL_VERBS)
SPANISH = OutcomeLanguage("es", outcome_text_es.analyse_outcome, bloom_es.LEVEL_VERBS)

#: Language code -> its rules.
OUTCOME_LANGUAGES: dict[str, OutcomeLanguage] = {ENGLISH.code: ENGLISH, SPANISH.code: SPANISH}


def outcome_language(code: str) -> OutcomeLanguage | None:
    """The rules for outcomes written in ``code``, or ``None`` when it has none."""
    return OUTCOME_LANGUAGES.get(code)
