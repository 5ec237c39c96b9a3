"""The micro-credential as an ELM ``Qualification``: certified data, activities and rights.

Everything the proposal certifies (Annex I data) becomes a property of the Qualification
with the official vocabulary concepts; learning activities and assessments become
specifications; each right becomes a ``LearningEntitlementSpecification``. Values that
the profile can only hold as controlled concepts (a national level that is not a
Qualification Dataset Register URI, skills without an ESCO link, jurisdictions given as
countries) travel as notes, never as made-up URIs.
"""

from __future__ import annotations

import datetime as dt

from mcdesigner.credential.elm_parts import (
    Scope,
    accrediting_agent,
    awarding_bodies,
    date_time,
    organisation,
)
from mcdesigner.credential.vocab import (
    ECTS_URI,
    ESCO_SKILL_PREFIX,
    ESCO_SKILLS_SCHEME,
    NQF_PREFIX,
    NQF_SCHEME,
    JsonDict,
    compact,
    concept,
    country_concept,
    hours_duration,
    label,
    lang_map,
    language_concept,
    number_text,
    vocabulary_concept,
)
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import EscoSkill, LearningOutcome, Right
from mcdesigner.model.vocabularies import COUNTRY

OUTCOMES = "certified.learning_outcomes"
ACTIVITIES = "academic.activities"
ASSESSMENTS = "academic.assessments"
ESCO_PREFIX = "http://data.europa.eu/esco/"
#: Schemes of the other skill frameworks whose addresses are recognised (DigComp).
OTHER_SKILL_SCHEMES = {"http://data.europa.eu/snb/dcf/": "http://data.europa.eu/snb/dcf/25831c2"}
ESCO_OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
ESCO_OCCUPATIONS_SCHEME = "http://data.europa.eu/esco/concept-scheme/occupations"


def qualification(scope: Scope) -> JsonDict:
    """The ``Qualification`` that specifies what the credential certifies."""
    general = scope.proposal.general
    certified = scope.proposal.certified
    return compact(
        {
            "id": qualification_id(scope),
            "type": "Qualification",
            "title": scope.field("general.title"),
            "description": scope.field("general.description"),
            "dcType": _concept_or_none("learning-opportunity", general.opportunity_type),
            "learningOutcome": [_outcome(scope, o) for o in certified.learning_outcomes if o.text],
            "creditPoint": _credit_points(scope),
            "volumeOfLearning": (
                hours_duration(certified.notional_hours)
                if certified.notional_hours is not None
                else None
            ),
            "eqfLevel": _concept_or_none("eqf", certified.eqf_level),
            "nqfLevel": _nqf_level(certified.national_level, certified.national_level_uri),
            "thematicArea": [vocabulary_concept("isced-f", v) for v in general.fields_of_education],
            "language": [language_concept(code) for code in general.languages],
            "mode": [vocabulary_concept("learning-assessment", v) for v in certified.modes],
            "learningSetting": _concept_or_none("learning-setting", general.learning_setting),
            "targetGroup": [vocabulary_concept("target-group", v) for v in general.target_groups],
            "entryRequirement": scope.field_note("entry-requirement", "general.prerequisites"),
            "maximumDuration": general.maximum_duration.iso,
            "isPartialQualification": True if certified.partial_qualification else None,
            "additionalNote": _qualification_notes(scope),
            "influencedBy": _activities(scope),
            "provenBy": _assessment_list(scope),
            "entitlesTo": [_entitlement(scope, r) for r in scope.proposal.rights if r.title],
            "accreditation": _accreditations(scope),
            "awardingOpportunity": _awarding_opportunities(scope),
        }
    )


def qualification_id(scope: Scope) -> str:
    return scope.id("qualification")


def _concept_or_none(vocab_id: str, value: str | None) -> JsonDict | None:
    return vocabulary_concept(vocab_id, value) if value else None


def _nqf_level(national_level: str, uri: str) -> JsonDict | None:
    """The national level as a concept of the qualifications register, when it has one."""
    if uri.startswith(NQF_PREFIX):
        label = "" if national_level.startswith(NQF_PREFIX) else national_level
        return concept(uri, NQF_SCHEME, label)
    if national_level.startswith(NQF_PREFIX):
        return concept(national_level, NQF_SCHEME)
    return None


def _credit_points(scope: Scope) -> list[JsonDict]:
    credits = scope.proposal.certified.ects_credits
    if credits is None:
        return []
    return [
        {
            "id": scope.id("creditPoint", "ects"),
            "type": "CreditPoint",
            "framework": vocabulary_concept("education-credit", ECTS_URI),
            "point": number_text(credits),
        }
    ]


def _qualification_notes(scope: Scope) -> list[JsonDict]:
    general = scope.proposal.general
    certified = scope.proposal.certified
    national = ""
    in_register = certified.national_level_uri.startswith(NQF_PREFIX)
    text = certified.national_level
    if text and not text.startswith(NQF_PREFIX) and not in_register:
        level = f"{text} ({certified.national_level_uri})" if certified.national_level_uri else text
        national = tr("National qualifications framework level: {level}").format(level=level)
    target = ""
    if general.target_group_description:
        target = tr("Target group: {text}").format(text=general.target_group_description)
    integration = ""
    if certified.integration is not None:
        kind = tr("stand-alone") if certified.integration == "standalone" else tr("stackable")
        integration = tr("Integration: {kind}.").format(kind=kind)
    if certified.stackability:
        integration = f"{integration} {certified.stackability}".strip()
    notes = scope.notes(
        ("national-level", national),
        ("target-group", target),
        ("integration", integration),
    )
    further = scope.field_note("further-information", "certified.further_information")
    return [*notes, further] if further is not None else notes


def _shared(values: list[str | None]) -> str | None:
    """The one value all the known ``values`` agree on, else ``None``."""
    known = {v for v in values if v}
    return known.pop() if len(known) == 1 else None


def _framework_skill(skill: EscoSkill) -> JsonDict:
    """A skill of another framework as a concept (in its scheme when the scheme is known)."""
    scheme = next(
        (s for prefix, s in OTHER_SKILL_SCHEMES.items() if skill.uri.startswith(prefix)), ""
    )
    return compact(
        {
            "id": skill.uri,
            "type": "Concept",
            "inScheme": {"id": scheme, "type": "ConceptScheme"} if scheme else None,
            "prefLabel": lang_map(skill.label, "en"),
        }
    )


def _outcome(scope: Scope, outcome: LearningOutcome) -> JsonDict:
    """The outcome with its skills: ESCO skills as ``relatedESCOSkill``, skills of other
    frameworks as ``relatedSkill``, the others named in a note. ELM gives an outcome one
    skill type and one reuse level: the outcome's own type, else the one its linked skills
    share; the reuse level its linked skills share."""
    linked = [s for s in outcome.esco_skills if s.uri.startswith(ESCO_SKILL_PREFIX)]
    others = [s for s in outcome.esco_skills if s.uri and not s.uri.startswith(ESCO_PREFIX)]
    linked_ids = {s.id for s in (*linked, *others)}
    unlinked = [
        s.label or s.uri
        for s in outcome.esco_skills
        if s.id not in linked_ids and (s.label or s.uri)
    ]
    note = ""
    if unlinked:
        note = tr("Related skills: {skills}").format(skills="; ".join(unlinked))
    known = [*linked, *others]
    skill_type = outcome.skill_type or _shared([s.skill_type for s in known])
    return compact(
        {
            "id": scope.id("learningOutcome", outcome.id),
            "type": "LearningOutcome",
            "title": scope.field(f"{OUTCOMES}[{outcome.id}].text"),
            "dcType": _concept_or_none("skill-type", skill_type),
            "reusabilityLevel": _concept_or_none(
                "skill-reuse-level", _shared([s.reuse_level for s in known])
            ),
            "relatedSkill": [_framework_skill(s) for s in others],
            "relatedESCOSkill": [concept(s.uri, ESCO_SKILLS_SCHEME, s.label) for s in linked],
            "additionalNote": scope.notes((f"skills-{outcome.id}", note)),
        }
    )


def _dates_text(start: dt.date | None, end: dt.date | None) -> str:
    """When an activity takes place, with dates in ISO 8601 (the same in every language)."""
    if start is not None and end is not None:
        return tr("From {start} to {end}.").format(start=start.isoformat(), end=end.isoformat())
    if start is not None:
        return tr("From {start}.").format(start=start.isoformat())
    if end is not None:
        return tr("Until {end}.").format(end=end.isoformat())
    return ""


def _activities(scope: Scope) -> list[JsonDict]:
    languages = [language_concept(code) for code in scope.proposal.general.languages]
    result = []
    for activity in scope.proposal.academic.activities:
        kind = activity.activity_type
        title = activity.title or (label("learning-activity", kind) if kind else "")
        if not title:
            continue
        contact = activity.taught and activity.hours is not None
        dates = _dates_text(activity.start_date, activity.end_date)
        result.append(
            compact(
                {
                    "id": scope.id("learningActivitySpec", activity.id),
                    "type": "LearningActivitySpecification",
                    "title": scope.field(f"{ACTIVITIES}[{activity.id}].title", title),
                    "description": scope.field(f"{ACTIVITIES}[{activity.id}].description"),
                    "dcType": _concept_or_none("learning-activity", kind),
                    "volumeOfLearning": (
                        hours_duration(activity.hours) if activity.hours is not None else None
                    ),
                    "contactHour": number_text(activity.hours or 0) if contact else None,
                    "language": languages,
                    "additionalNote": scope.notes((f"dates-{activity.id}", dates)),
                }
            )
        )
    return result


def assessment_spec(scope: Scope) -> JsonDict | None:
    """How learners are assessed: one specification, with one part per component or type.

    The profile allows one type per specification, so several assessment types become
    parts; assessment components of the academic description are parts in their own right.
    """
    proposal = scope.proposal
    certified = proposal.certified
    parts: list[JsonDict] = []
    used: set[str] = set()
    for component in proposal.academic.assessments:
        method = component.method
        title = component.title or (label("assessment", method) if method else "")
        if not title:
            continue
        if method:
            used.add(method)
        weight = ""
        if component.weight is not None:
            weight = tr("Weight: {weight} % of the final result.").format(
                weight=number_text(component.weight)
            )
        parts.append(
            compact(
                {
                    "id": scope.id("learningAssessmentSpec", component.id),
                    "type": "LearningAssessmentSpecification",
                    "title": scope.field(f"{ASSESSMENTS}[{component.id}].title", title),
                    "description": scope.field(f"{ASSESSMENTS}[{component.id}].criteria"),
                    "dcType": _concept_or_none("assessment", method),
                    "mode": _modes(component.mode, certified.modes),
                    "additionalNote": scope.notes((f"weight-{component.id}", weight)),
                }
            )
        )
    type_parts = [
        {
            "id": scope.id("learningAssessmentSpec", f"type {kind}"),
            "type": "LearningAssessmentSpecification",
            "title": scope.text(label("assessment", kind)),
            "dcType": vocabulary_concept("assessment", kind),
        }
        for kind in certified.assessment_types
        if kind not in used
    ]
    if len(parts) == 1 and not type_parts:
        # One component is the whole assessment: it is specified under its own title and mode.
        return compact(
            {
                **parts[0],
                "gradingScheme": _grading_scheme(scope),
                "language": [language_concept(code) for code in proposal.general.languages],
            }
        )
    single_type = None
    if not parts and len(type_parts) == 1:
        single_type = type_parts.pop()["dcType"]
    parts += type_parts
    nothing_to_say = not parts and single_type is None and not certified.grading_scheme
    if nothing_to_say and certified.supervision is None:
        return None
    title = proposal.general.title
    heading = tr("Assessment: {title}").format(title=title) if title else tr("Assessment")
    return compact(
        {
            "id": scope.id("learningAssessmentSpec"),
            "type": "LearningAssessmentSpecification",
            "title": scope.text(heading),
            "dcType": single_type,
            "gradingScheme": _grading_scheme(scope),
            "language": [language_concept(code) for code in proposal.general.languages],
            "mode": [vocabulary_concept("learning-assessment", v) for v in certified.modes],
            "hasPart": parts,
        }
    )


def _modes(own: str | None, course: list[str]) -> list[JsonDict]:
    """An assessment's own mode, else the micro-credential's forms of participation."""
    return [vocabulary_concept("learning-assessment", v) for v in ([own] if own else course)]


def _grading_scheme(scope: Scope) -> JsonDict | None:
    if not scope.proposal.certified.grading_scheme:
        return None
    return {
        "id": scope.id("gradingScheme"),
        "type": "GradingScheme",
        "title": scope.text(tr("Grading scheme")),
        "description": scope.field("certified.grading_scheme"),
    }


def _assessment_list(scope: Scope) -> list[JsonDict]:
    spec = assessment_spec(scope)
    return [spec] if spec else []


def _entitlement(scope: Scope, right: Right) -> JsonDict:
    countries = ", ".join(label(COUNTRY, code) for code in right.limit_jurisdictions)
    occupation_uri = right.limit_occupation.startswith(ESCO_OCCUPATION_PREFIX)
    notes = scope.notes(
        (
            f"limit-organisation-{right.id}",
            tr("Limited to: {organisation}").format(organisation=right.limit_organisation)
            if right.limit_organisation
            else "",
        ),
        (
            f"limit-jurisdiction-{right.id}",
            tr("Valid in: {countries}").format(countries=countries) if countries else "",
        ),
        (
            f"limit-occupation-{right.id}",
            tr("Limited to the occupation: {occupation}").format(occupation=right.limit_occupation)
            if right.limit_occupation and not occupation_uri
            else "",
        ),
    )
    return compact(
        {
            "id": scope.id("learningEntitlementSpec", right.id),
            "type": "LearningEntitlementSpecification",
            "title": scope.field(f"rights[{right.id}].title"),
            "description": scope.field(f"rights[{right.id}].description"),
            "dcType": _concept_or_none("entitlement", right.entitlement_type),
            "entitlementStatus": _concept_or_none("entitlement-status", right.status),
            "limitOccupation": (
                [concept(right.limit_occupation, ESCO_OCCUPATIONS_SCHEME)] if occupation_uri else []
            ),
            "additionalNote": notes,
        }
    )


def _accreditations(scope: Scope) -> list[JsonDict]:
    certified = scope.proposal.certified
    bodies = awarding_bodies(scope.proposal)
    first = bodies[0] if bodies else None
    agent = accrediting_agent(scope, first)
    holder = organisation(scope, first) if first else None
    return [
        compact(
            {
                "id": scope.id("accreditation", kind),
                "type": "Accreditation",
                "dcType": vocabulary_concept("accreditation", kind),
                "title": scope.text(label("accreditation", kind)),
                "description": scope.field("certified.quality_assurance_description"),
                "organisation": holder,
                "accreditingAgent": agent,
            }
        )
        for kind in certified.quality_assurance_types
    ]


def _awarding_opportunities(scope: Scope) -> list[JsonDict]:
    bodies = awarding_bodies(scope.proposal)
    if not bodies:
        return []
    general = scope.proposal.general
    period = None
    if general.start_date or general.end_date or general.period:
        period = compact(
            {
                "id": scope.id("period", "edition"),
                "type": "PeriodOfTime",
                "prefLabel": scope.field("general.period"),
                "startDate": date_time(general.start_date) if general.start_date else None,
                "endDate": date_time(general.end_date) if general.end_date else None,
            }
        )
    return [
        compact(
            {
                "id": scope.id("awardingOpportunity"),
                "type": "AwardingOpportunity",
                "awardingBody": [organisation(scope, org) for org in bodies],
                "temporal": period,
                "location": _venue(scope),
                "learningAchievementSpecification": qualification_id(scope),
            }
        )
    ]


def _venue(scope: Scope) -> JsonDict | None:
    """Where the edition takes place: the venue's name, and the city as its address."""
    general = scope.proposal.general
    if not general.venue and not general.city:
        return None
    countries = [org.country for org in awarding_bodies(scope.proposal) if org.country]
    countries += general.issuer_countries
    country = countries[0] if countries else None
    address = None
    if country:
        address = compact(
            {
                "id": scope.id("address", "venue"),
                "type": "Address",
                "countryCode": country_concept(country),
                "fullAddress": scope.note("venue-address", general.city),
            }
        )
    return compact(
        {
            "id": scope.id("location", "venue"),
            "type": "Location",
            "geographicName": scope.field("general.venue") or scope.text(general.city),
            "address": address,
        }
    )
