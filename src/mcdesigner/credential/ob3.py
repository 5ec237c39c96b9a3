"""A proposal as an Open Badges 3.0 ``Achievement`` (the definition a badge is issued for).

The same certified data as the ELM export, in the 1EdTech vocabulary: ECTS credits go to
``creditsAvailable``, the ISCED-F fields to ``fieldOfStudy``, ESCO skills and the EQF level
to ``alignment``, and the learning outcomes, workload, assessment and rights to the
Markdown ``criteria.narrative``. Skills without an ESCO link are named in the narrative,
since an alignment needs a target URL. Every text the author typed goes into the narrative
escaped (:func:`markdown_text`): where a badge is shown, typed HTML, links, images or
emphasis read as the letters typed, never as markup.

An Open Badge holds one language: the texts are the proposal's main-language texts, the
JSON-LD context sets that language as ``@language`` and ``inLanguage`` names it. The
narrative's headings are written in that language too where the interface has it.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager, nullcontext

from mcdesigner.credential.gaps import awarding_country
from mcdesigner.credential.vocab import (
    ESCO_SKILL_PREFIX,
    JsonDict,
    compact,
    country_alpha2,
    label,
    number_text,
    stable_uuid,
)
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Organisation, Proposal
from mcdesigner.model.vocabularies import COUNTRY, LANGUAGE
from mcdesigner.translations import available_languages, language_scope

#: JSON-LD contexts of an Open Badges 3.0 document.
OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
_EQF_FRAMEWORK = "European Qualifications Framework"


def written_in(language: str) -> AbstractContextManager[None]:
    """Headings in ``language`` when the interface has it, else in the current language."""
    return language_scope(language) if language in available_languages() else nullcontext()


def to_ob3(proposal: Proposal) -> JsonDict:
    """The Open Badges 3.0 ``Achievement`` describing ``proposal``'s micro-credential."""
    general = proposal.general
    certified = proposal.certified
    main = proposal.languages.main
    bodies = [org for org in general.awarding_institutions if org.name]
    with written_in(main):
        narrative = criteria_narrative(proposal)
    return compact(
        {
            "@context": [*OB3_CONTEXT, {"@language": main}],
            "id": f"urn:uuid:{stable_uuid(proposal, 'ob3-achievement')}",
            "type": ["Achievement"],
            "achievementType": "MicroCredential",
            "name": general.title or None,
            "description": general.description or None,
            "criteria": {"narrative": narrative},
            "creditsAvailable": (
                float(certified.ects_credits) if certified.ects_credits is not None else None
            ),
            "fieldOfStudy": (
                ", ".join(label("isced-f", v) for v in general.fields_of_education) or None
            ),
            "alignment": _alignments(proposal),
            "inLanguage": main,
            "tag": list(general.keywords),
            "creator": _profile(proposal, bodies[0]) if bodies else None,
        }
    )


def _profile(proposal: Proposal, org: Organisation) -> JsonDict:
    country = awarding_country(proposal, org)
    address = None
    if country:
        address = compact(
            {
                "type": ["Address"],
                "addressCountry": label(COUNTRY, country),
                "addressCountryCode": country_alpha2(country),
            }
        )
    return compact(
        {
            "id": f"urn:uuid:{stable_uuid(proposal, 'ob3-profile', org.id)}",
            "type": ["Profile"],
            "name": org.name,
            "url": org.website or None,
            "address": address,
        }
    )


def _alignments(proposal: Proposal) -> list[JsonDict]:
    result: list[JsonDict] = []
    seen: set[str] = set()
    for outcome in proposal.certified.learning_outcomes:
        for skill in outcome.esco_skills:
            if not skill.uri.startswith(ESCO_SKILL_PREFIX) or skill.uri in seen:
                continue
            seen.add(skill.uri)
            result.append(
                {
                    "type": ["Alignment"],
                    "targetName": skill.label or skill.uri,
                    "targetUrl": skill.uri,
                    "targetFramework": "ESCO",
                    "targetType": "ceasn:Competency",
                }
            )
    level = proposal.certified.eqf_level
    if level:
        result.append(
            {
                "type": ["Alignment"],
                "targetName": f"EQF {label('eqf', level)}",
                "targetUrl": level,
                "targetCode": level.rsplit("/", 1)[-1],
                "targetFramework": _EQF_FRAMEWORK,
            }
        )
    return result


#: Characters that mean something to a Markdown reader anywhere in a line (emphasis, code,
#: links and images, HTML and entities, tables, strikethrough).
_INLINE_MARKUP = frozenset("\\`*_[]<>&!|~{}#")
#: A line opening with one of these, or with "12." / "12)", would start a block.
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that reads as exactly that text: every character a renderer
    would take for markup is backslash-escaped (so typed HTML, links, images or emphasis
    stay letters), and continuation lines are indented so a multi-line text stays inside
    the list item it belongs to."""
    escaped = "".join(f"\\{char}" if char in _INLINE_MARKUP else char for char in text)
    lines = [
        _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", line)
        for line in escaped.split("\n")
    ]
    return "\n   ".join(line.strip() for line in lines)


def criteria_narrative(proposal: Proposal) -> str:
    """What a learner has to show to earn the credential, as Markdown."""
    certified = proposal.certified
    lines: list[str] = []
    outcomes = [o for o in certified.learning_outcomes if o.text]
    if outcomes:
        lines += [f"## {tr('Learning outcomes')}", ""]
        lines.append(tr("Learners who earn this micro-credential are able to:"))
        lines.append("")
        for number, outcome in enumerate(outcomes, start=1):
            lines.append(f"{number}. {markdown_text(outcome.text)}")
            skills = [s.label or s.uri for s in outcome.esco_skills if s.label or s.uri]
            if skills:
                named = "; ".join(markdown_text(skill) for skill in skills)
                lines.append(f"   - {tr('Skills')}: {named}")
        lines.append("")
    lines += _workload_lines(proposal)
    lines += _assessment_lines(proposal)
    lines += _rights_lines(proposal)
    languages = [label(LANGUAGE, code) for code in proposal.general.languages]
    if languages:
        lines += [f"{tr('Language of instruction')}: {', '.join(languages)}", ""]
    return "\n".join(lines).strip() or tr("Completion of the micro-credential.")


def _workload_lines(proposal: Proposal) -> list[str]:
    certified = proposal.certified
    parts = []
    if certified.ects_credits is not None:
        parts.append(tr("{credits} ECTS").format(credits=number_text(certified.ects_credits)))
    if certified.notional_hours is not None:
        parts.append(tr("{hours} hours").format(hours=number_text(certified.notional_hours)))
    if certified.eqf_level:
        parts.append(f"EQF {label('eqf', certified.eqf_level)}")
    if not parts:
        return []
    return [f"{tr('Workload and level')}: {', '.join(parts)}", ""]


def _assessment_lines(proposal: Proposal) -> list[str]:
    certified = proposal.certified
    lines: list[str] = []
    for kind in certified.assessment_types:
        lines.append(f"- {label('assessment', kind)}")
    for component in proposal.academic.assessments:
        if component.title:
            weight = f" ({number_text(component.weight)} %)" if component.weight is not None else ""
            lines.append(f"- {markdown_text(component.title)}{weight}")
    if certified.supervision:
        lines.append(f"- {label('supervision-verification', certified.supervision)}")
    if certified.grading_scheme:
        lines.append(f"- {tr('Grading')}: {markdown_text(certified.grading_scheme)}")
    if not lines:
        return []
    return [f"## {tr('Assessment')}", "", *lines, ""]


def _rights_lines(proposal: Proposal) -> list[str]:
    lines = []
    for right in proposal.rights:
        if not right.title:
            continue
        details = [markdown_text(right.title)]
        if right.entitlement_type:
            details.append(label("entitlement", right.entitlement_type))
        if right.status:
            details.append(label("entitlement-status", right.status))
        if right.limit_jurisdictions:
            details.append(", ".join(label(COUNTRY, c) for c in right.limit_jurisdictions))
        lines.append("- " + " — ".join(details))
        if right.description:
            lines.append(f"  {markdown_text(right.description)}")
    if not lines:
        return []
    return [f"## {tr('Rights of the holder')}", "", *lines, ""]
