"""ESCO skills of the learning outcomes, read against the bundled ESCO data.

An address the data does not know is a warning (it may come from a newer ESCO version),
never an error; a label that is none of the labels ESCO gives the skill at its address is
advice; a skill without an address whose label is exactly one ESCO skill's label gets an
issue carrying the fix that links it (address, skill type and reuse level in one edit);
and each outcome whose skills are not all linked yet gets the ESCO skills its wording
suggests. Addresses of other frameworks
(DigComp, for example) are not ESCO's to judge and are left alone. Labels are compared
with capitals, accents, spaces and British or US spelling aside.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import mcdesigner.esco as esco
from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.issues import Fix
from mcdesigner.checks.references import ESCO_SKILLS, ESCO_SUGGESTIONS
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.checks.values import fmt_list
from mcdesigner.esco.links import link_edit, linkable
from mcdesigner.esco.text import phrase
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import EscoSkill, LearningOutcome

OUTCOMES = "certified.learning_outcomes"
ESCO_PREFIX = "http://data.europa.eu/esco/"
#: How many suggestions the advice names for each outcome.
SUGGESTED = 5


def _skills(context: CheckContext) -> Iterator[tuple[int, int, LearningOutcome, EscoSkill, str]]:
    """(outcome number, skill number, outcome, skill, path of the skill item) of each skill."""
    for o, outcome in enumerate(context.proposal.certified.learning_outcomes, start=1):
        for n, skill in enumerate(outcome.esco_skills, start=1):
            yield o, n, outcome, skill, f"{OUTCOMES}[{outcome.id}].esco_skills[{skill.id}]"


@rule(
    "esco.unknown-address",
    title="ESCO addresses are in the ESCO data",
    section="certified",
    severity="warning",
    reference=ESCO_SKILLS,
)
def unknown_address(context: CheckContext) -> Iterator[Finding]:
    """An ESCO address that the bundled ESCO data does not hold."""
    for o, n, _outcome, skill, path in _skills(context):
        address = skill.uri.strip()
        if address.startswith(ESCO_PREFIX) and esco.lookup(address) is None:
            message = tr(
                "The address of ESCO skill {number} of learning outcome {outcome}, {address},"
                " is not a skill of ESCO {version}. Check it on the ESCO portal: it may be"
                " mistyped, or come from a newer ESCO version."
            ).format(number=n, outcome=o, address=address, version=esco.version())
            yield Finding("warning", f"{path}.uri", message)


@rule(
    "esco.label-differs",
    title="Skill labels are ESCO's labels of their addresses",
    section="certified",
    severity="advice",
    reference=ESCO_SKILLS,
)
def label_differs(context: CheckContext) -> Iterator[Finding]:
    """A label that is none of the labels ESCO gives the skill at its address."""
    language = context.proposal.languages.main
    for o, n, _outcome, skill, path in _skills(context):
        found = esco.lookup(skill.uri) if skill.uri and skill.label.strip() else None
        if found is None:
            continue
        labels = [*found.labels.values(), *(a for v in found.alternatives.values() for a in v)]
        if phrase(skill.label) in {phrase(label) for label in labels}:
            continue
        message = tr(
            "ESCO skill {number} of learning outcome {outcome} is labelled “{label}”, but"
            " ESCO calls the skill at its address “{esco}”. Use ESCO's label, or check the"
            " address."
        ).format(number=n, outcome=o, label=skill.label, esco=found.label(language))
        yield Finding("advice", f"{path}.label", message)


@rule(
    "esco.exact-label",
    title="Skills named exactly as in ESCO are linked to it",
    section="certified",
    severity="advice",
    reference=ESCO_SKILLS,
)
def exact_label(context: CheckContext) -> Iterator[Finding]:
    """A skill without an address whose label is exactly one ESCO skill's label."""
    for o, n, _outcome, skill, path in _skills(context):
        found = linkable(skill)
        if found is None:
            continue
        message = tr(
            "ESCO skill {number} of learning outcome {outcome}, “{label}”, is the ESCO skill"
            " {address} ({kind}). Link it to fill in its address, skill type and reuse level."
        ).format(
            number=n, outcome=o, label=skill.label, address=found.address, kind=found.kind_text
        )
        fix = Fix(tr("Link “{label}” to ESCO").format(label=skill.label), link_edit(path, found))
        yield Finding("advice", f"{path}.uri", message, fix=fix)


@lru_cache(maxsize=1024)
def _suggested(text: str, language: str) -> tuple[esco.Suggestion, ...]:
    """The suggestions for one outcome text (kept: the checks re-run on every keystroke)."""
    return tuple(esco.suggest(text, language, SUGGESTED))


@rule(
    "esco.suggestions",
    title="ESCO skills matching each outcome",
    section="certified",
    severity="advice",
    reference=ESCO_SUGGESTIONS,
)
def suggestions(context: CheckContext) -> Iterator[Finding]:
    """The ESCO skills the wording suggests for each outcome whose skills are not all
    linked yet (it links none, or one has no address); those it links are left out."""
    language = context.proposal.languages.main
    for o, outcome in enumerate(context.proposal.certified.learning_outcomes, start=1):
        skills = outcome.esco_skills
        done = any(s.uri for s in skills) and all(s.uri for s in skills)
        if done or not outcome.text.strip():
            continue
        linked = {s.uri for s in outcome.esco_skills}
        found = [s for s in _suggested(outcome.text, language) if s.skill.address not in linked]
        if not found:
            continue
        named = fmt_list(
            [
                tr("“{label}” ({words})").format(label=s.label, words=", ".join(s.matched[:3]))
                for s in found
            ]
        )
        message = tr(
            "These ESCO skills match learning outcome {number}: {skills}. Link the ones it"
            " develops."
        ).format(number=o, skills=named)
        yield Finding("advice", f"{OUTCOMES}[{outcome.id}].esco_skills", message)


RULES: tuple[Rule, ...] = (unknown_address, label_differs, exact_label, suggestions)
