"""Learning outcomes: observable verbs, one action each, a sensible number, the right level.

The verb rules read each outcome's text in every language it is written in, each with the
rules of its own language (:mod:`mcdesigner.checks.outcome_language`); a finding about a
translation names its language and carries its code. A language without verb lists is
not read.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from mcdesigner.checks.bloom import ANALYSE, APPLY, CREATE, EVALUATE, LEVEL_NAMES
from mcdesigner.checks.context import CheckContext, OutcomeText
from mcdesigner.checks.outcome_language import ENGLISH, OutcomeLanguage
from mcdesigner.checks.references import (
    BLOOM_EQF_VERBS,
    ECTS_OUTCOMES_CONCISE_VERBS,
    ECTS_OUTCOMES_VERBS,
    ECTS_OUTCOMES_WORKLOAD,
)
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.checks.values import fmt_list
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.model.vocabularies import language_in_text

OUTCOMES = "certified.learning_outcomes"

#: Bloom levels whose verbs are suggested for each EQF level.
EQF_SUGGESTED_LEVELS: dict[int, tuple[int, ...]] = {
    1: (1, 2, 3),
    2: (1, 2, 3),
    3: (2, 3, 4),
    4: (2, 3, 4),
    5: (3, 4, 5),
    6: (3, 4, 5),
    7: (4, 5, 6),
    8: (4, 5, 6),
}
#: The highest Bloom level reached by the outcomes should be at least this for the EQF level.
EQF_MINIMUM_TOP_LEVEL: dict[int, int] = {5: APPLY, 6: ANALYSE, 7: EVALUATE, 8: EVALUATE}
#: At EQF levels up to this one, outcomes that are all at the create level are unusual.
EQF_CREATE_ONLY_LIMIT = 4
#: Outcome count: advice above ``per credit × ECTS + base`` outcomes ...
OUTCOMES_PER_CREDIT = 3
OUTCOMES_BASE = 3
#: ... and below two outcomes from this many credits on.
CREDITS_FOR_TWO_OUTCOMES = 3


def suggestions_for(
    eqf: int | None, vague_level: int, rules: OutcomeLanguage = ENGLISH
) -> tuple[str, ...]:
    """Observable verbs to suggest, from the lists of the text's language ``rules``: suited
    to the EQF level, else to the vague verb's meaning."""
    if eqf is not None:
        levels = EQF_SUGGESTED_LEVELS[eqf]
    else:
        first = min(max(vague_level, 1), 4)
        levels = (first, first + 1, first + 2)
    return rules.suggested_verbs(levels)


def _numbered(text: OutcomeText) -> str:
    """How a message names the outcome: "3", or "3 (Spanish)" for a translation."""
    if not text.translation:
        return str(text.number)
    return tr("{number} ({language})").format(
        number=text.number, language=language_in_text(text.language)
    )


@rule(
    "outcome.vague-verb",
    title="Learning outcomes avoid vague verbs",
    section="certified",
    severity="warning",
    reference=ECTS_OUTCOMES_VERBS,
)
def vague_verb(context: CheckContext) -> Iterator[Finding]:
    """Outcomes do not rest on verbs such as know, understand or be aware of."""
    for text in context.outcome_texts:
        reading, number = text.reading, _numbered(text)
        if not reading.vague:
            continue
        verbs = fmt_list(suggestions_for(context.eqf, reading.vague_level, text.rules))
        if context.eqf is not None:
            message = tr(
                "Learning outcome {number} uses “{phrase}”, which describes a state of mind"
                " that cannot be observed or assessed. Use an observable verb suited to EQF"
                " level {eqf}, for example: {verbs}."
            ).format(number=number, phrase=reading.vague, eqf=context.eqf, verbs=verbs)
        else:
            message = tr(
                "Learning outcome {number} uses “{phrase}”, which describes a state of mind"
                " that cannot be observed or assessed. Use an observable verb, for example:"
                " {verbs}."
            ).format(number=number, phrase=reading.vague, verbs=verbs)
        yield Finding("warning", text.path, message, language=text.finding_language)


@rule(
    "outcome.no-verb",
    title="Learning outcomes start with an action verb",
    section="certified",
    severity="warning",
    reference=ECTS_OUTCOMES_VERBS,
)
def no_verb(context: CheckContext) -> Iterator[Finding]:
    """Each outcome opens with an observable verb (after labels and "be able to")."""
    for text in context.outcome_texts:
        reading, number = text.reading, _numbered(text)
        if reading.verbs or reading.vague:
            continue
        verbs = fmt_list(suggestions_for(context.eqf, 2, text.rules))
        if reading.first_word:
            message = tr(
                "Learning outcome {number} starts with “{word}”, which is not a recognised"
                " action verb. Start with a verb saying what learners will be able to do,"
                " for example: {verbs}."
            ).format(number=number, word=reading.first_word, verbs=verbs)
        else:
            message = tr(
                "Learning outcome {number} has no words to read. Start it with a verb saying"
                " what learners will be able to do, for example: {verbs}."
            ).format(number=number, verbs=verbs)
        yield Finding("warning", text.path, message, language=text.finding_language)


@rule(
    "outcome.several-verbs",
    title="One main verb per learning outcome",
    section="certified",
    severity="advice",
    reference=ECTS_OUTCOMES_CONCISE_VERBS,
)
def several_verbs(context: CheckContext) -> Iterator[Finding]:
    """Advice when an outcome opens with verbs joined by "and", "or" or commas.

    Splitting an outcome splits it in every language, so a translation is advised only
    when the main-language text reads as one action.
    """
    advised: set[int] = set()
    for text in context.outcome_texts:
        if len(text.reading.verbs) < 2 or text.number in advised:
            continue
        if not text.translation:
            advised.add(text.number)
        yield Finding(
            "advice",
            text.path,
            tr(
                "Learning outcome {number} combines several actions ({verbs}). Each action"
                " has to be assessed; split the outcome unless the actions are always"
                " assessed together."
            ).format(number=_numbered(text), verbs=fmt_list(text.reading.verbs)),
            language=text.finding_language,
        )


@rule(
    "outcome.count",
    title="Number of learning outcomes fits the credits",
    section="certified",
    severity="advice",
    reference=ECTS_OUTCOMES_WORKLOAD,
)
def outcome_count(context: CheckContext) -> Iterator[Finding]:
    """Advice above 3 outcomes per credit + 3, or a single outcome from 3 credits on."""
    ects = context.proposal.certified.ects_credits
    count = len(context.outcomes)
    if ects is None or ects <= 0 or count == 0:
        return
    most = math.floor(OUTCOMES_PER_CREDIT * ects + OUTCOMES_BASE)
    if count > most:
        yield Finding(
            "advice",
            OUTCOMES,
            tr(
                "There are {count} learning outcomes for {ects} ECTS credits; more than {most}"
                " are hard to teach and assess in that workload. Merge related outcomes."
            ).format(count=count, ects=formatter().number(ects), most=most),
        )
    elif count == 1 and ects >= CREDITS_FOR_TWO_OUTCOMES:
        yield Finding(
            "advice",
            OUTCOMES,
            tr(
                "There is a single learning outcome for {ects} ECTS credits. Describe the main"
                " things learners will be able to do in two or more outcomes."
            ).format(ects=formatter().number(ects)),
        )


@rule(
    "outcome.level-fit",
    title="Learning outcomes fit the EQF level",
    section="certified",
    severity="warning",
    reference=BLOOM_EQF_VERBS,
)
def level_fit(context: CheckContext) -> Iterator[Finding]:
    """The highest Bloom level of the outcomes is plausible for the declared EQF level.

    The outcomes are read in each language they are written in; a translation is reported
    only where it reads otherwise than the main-language texts.
    """
    eqf = context.eqf
    if eqf is None:
        return
    by_language: dict[str, list[OutcomeText]] = {}
    for text in context.outcome_texts:
        if text.reading.verbs:
            by_language.setdefault(text.language, []).append(text)
    reported: set[str] = set()
    for texts in by_language.values():
        for kind, finding in _level_findings(eqf, texts):
            if kind not in reported:
                yield finding
            if not texts[0].translation:
                reported.add(kind)


def _level_findings(eqf: int, texts: list[OutcomeText]) -> Iterator[tuple[str, Finding]]:
    """("low"/"create-only", finding) for the outcome texts of one language."""
    first = texts[0]
    language = language_in_text(first.language) if first.translation else ""
    top = max(text.reading.top_level or 0 for text in texts)
    expected = EQF_MINIMUM_TOP_LEVEL.get(eqf)
    if expected is not None and top < expected:
        values = {
            "reached": tr(LEVEL_NAMES[top]),
            "eqf": eqf,
            "expected": tr(LEVEL_NAMES[expected]),
            "verbs": fmt_list(first.rules.suggested_verbs((expected, min(expected + 1, CREATE)))),
        }
        if language:
            message = tr(
                "The {language} texts of the learning outcomes reach at most the Bloom level"
                " “{reached}”, but EQF level {eqf} expects at least “{expected}”. Rewrite"
                " them with verbs such as {verbs}."
            ).format(language=language, **values)
        else:
            message = tr(
                "The learning outcomes reach at most the Bloom level “{reached}”, but EQF"
                " level {eqf} expects at least “{expected}”. Add or rewrite outcomes with"
                " verbs such as {verbs}, or check the EQF level."
            ).format(**values)
        yield "low", Finding("warning", OUTCOMES, message, language=first.finding_language)
    if eqf <= EQF_CREATE_ONLY_LIMIT and all(t.reading.floor_level == CREATE for t in texts):
        verbs = fmt_list(sorted({verb for text in texts for verb in text.reading.verbs}))
        if language:
            message = tr(
                "Every learning outcome in {language} uses create-level verbs ({verbs}),"
                " which is unusual for EQF level {eqf}. Phrase the outcomes at the level"
                " learners will actually reach."
            ).format(language=language, verbs=verbs, eqf=eqf)
        else:
            message = tr(
                "Every learning outcome uses create-level verbs ({verbs}), which is unusual"
                " for EQF level {eqf}. Check the EQF level, or phrase the outcomes at the"
                " level learners will actually reach."
            ).format(verbs=verbs, eqf=eqf)
        yield "create-only", Finding("advice", OUTCOMES, message, language=first.finding_language)


RULES: tuple[Rule, ...] = (vague_verb, no_verb, several_verbs, outcome_count, level_fit)
