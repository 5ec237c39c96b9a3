"""Learning outcomes: observable verbs, one action each, a sensible number, the right level."""

from __future__ import annotations

import math
from collections.abc import Iterator

from mcdesigner.checks.bloom import ANALYSE, APPLY, CREATE, EVALUATE, LEVEL_NAMES, suggested_verbs
from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.references import (
    BLOOM_EQF,
    ECTS_OUTCOMES,
    ECTS_OUTCOMES_CONCISE,
    ECTS_OUTCOMES_WORKLOAD,
)
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.checks.values import fmt_list
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr

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


def suggestions_for(eqf: int | None, vague_level: int) -> tuple[str, ...]:
    """Observable verbs to suggest: suited to the EQF level, else to the vague verb's meaning."""
    if eqf is not None:
        levels = EQF_SUGGESTED_LEVELS[eqf]
    else:
        first = min(max(vague_level, 1), 4)
        levels = (first, first + 1, first + 2)
    return suggested_verbs(levels)


def _item(outcome_id: str) -> str:
    return f"{OUTCOMES}[{outcome_id}]"


@rule(
    "outcome.vague-verb",
    title="Learning outcomes avoid vague verbs",
    section="certified",
    severity="warning",
    reference=ECTS_OUTCOMES,
)
def vague_verb(context: CheckContext) -> Iterator[Finding]:
    """Outcomes do not rest on verbs such as know, understand or be aware of."""
    for number, outcome, reading in context.outcomes:
        if not reading.vague:
            continue
        verbs = fmt_list(suggestions_for(context.eqf, reading.vague_level))
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
        yield Finding("warning", f"{_item(outcome.id)}.text", message)


@rule(
    "outcome.no-verb",
    title="Learning outcomes start with an action verb",
    section="certified",
    severity="warning",
    reference=ECTS_OUTCOMES,
)
def no_verb(context: CheckContext) -> Iterator[Finding]:
    """Each outcome opens with an observable verb (after labels and "be able to")."""
    for number, outcome, reading in context.outcomes:
        if reading.verbs or reading.vague:
            continue
        verbs = fmt_list(suggestions_for(context.eqf, 2))
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
        yield Finding("warning", f"{_item(outcome.id)}.text", message)


@rule(
    "outcome.several-verbs",
    title="One main verb per learning outcome",
    section="certified",
    severity="advice",
    reference=ECTS_OUTCOMES_CONCISE,
)
def several_verbs(context: CheckContext) -> Iterator[Finding]:
    """Advice when an outcome opens with verbs joined by "and", "or" or commas."""
    for number, outcome, reading in context.outcomes:
        if len(reading.verbs) < 2:
            continue
        yield Finding(
            "advice",
            f"{_item(outcome.id)}.text",
            tr(
                "Learning outcome {number} combines several actions ({verbs}). Each action"
                " has to be assessed; split the outcome unless the actions are always"
                " assessed together."
            ).format(number=number, verbs=fmt_list(reading.verbs)),
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
    reference=BLOOM_EQF,
)
def level_fit(context: CheckContext) -> Iterator[Finding]:
    """The highest Bloom level of the outcomes is plausible for the declared EQF level."""
    eqf = context.eqf
    readings = [reading for _, _, reading in context.outcomes if reading.verbs]
    if eqf is None or not readings:
        return
    top = max(reading.top_level or 0 for reading in readings)
    expected = EQF_MINIMUM_TOP_LEVEL.get(eqf)
    if expected is not None and top < expected:
        yield Finding(
            "warning",
            OUTCOMES,
            tr(
                "The learning outcomes reach at most the Bloom level “{reached}”, but EQF"
                " level {eqf} expects at least “{expected}”. Add or rewrite outcomes with"
                " verbs such as {verbs}, or check the EQF level."
            ).format(
                reached=tr(LEVEL_NAMES[top]),
                eqf=eqf,
                expected=tr(LEVEL_NAMES[expected]),
                verbs=fmt_list(suggested_verbs((expected, min(expected + 1, CREATE)))),
            ),
        )
    if eqf <= EQF_CREATE_ONLY_LIMIT and all(r.floor_level == CREATE for r in readings):
        verbs = sorted({verb for reading in readings for verb in reading.verbs})
        yield Finding(
            "advice",
            OUTCOMES,
            tr(
                "Every learning outcome uses create-level verbs ({verbs}), which is unusual"
                " for EQF level {eqf}. Check the EQF level, or phrase the outcomes at the"
                " level learners will actually reach."
            ).format(verbs=fmt_list(verbs), eqf=eqf),
        )


RULES: tuple[Rule, ...] = (vague_verb, no_verb, several_verbs, outcome_count, level_fit)
