"""What a digital credential needs that the proposal does not yet say.

The European Digital Credential shapes (EDC generic profile) and the Qualification
constraints (LOQ) require certain properties; EU Council Recommendation 2022, Annex I
lists the mandatory elements. Each requirement the proposal cannot fill is reported as a
:class:`CredentialGap` naming the field to complete. Nothing is ever invented to fill it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Organisation, Proposal

ELM = "European Learning Model v3"


@dataclass(frozen=True, slots=True)
class CredentialGap:
    """A value the credential needs and the proposal lacks.

    ``path`` is the model field path to complete, ``element`` what the credential uses it
    for, ``message`` a plain-English explanation and ``reference`` the ELM property.
    """

    path: str
    element: str
    message: str
    reference: str


def _gap(path: str, element: str, message: str, prop: str) -> CredentialGap:
    return CredentialGap(path, tr(element), message, f"{ELM}: {prop}")


def missing_for_credential(proposal: Proposal) -> list[CredentialGap]:
    """Every field the digital credential needs but ``proposal`` leaves empty, in form order."""
    gaps: list[CredentialGap] = []
    gaps += _general_gaps(proposal)
    gaps += _certified_gaps(proposal)
    gaps += _rights_gaps(proposal)
    gaps += _academic_gaps(proposal)
    return gaps


def _general_gaps(proposal: Proposal) -> list[CredentialGap]:
    general = proposal.general
    gaps: list[CredentialGap] = []
    if not general.title:
        gaps.append(
            _gap(
                "general.title",
                "title",
                tr("The credential shows the title of the micro-credential: enter a title."),
                "Qualification.title",
            )
        )
    if not general.description:
        gaps.append(
            _gap(
                "general.description",
                "description",
                tr("The credential describes the micro-credential: enter a description."),
                "Qualification.description",
            )
        )
    if not general.fields_of_education:
        gaps.append(
            _gap(
                "general.fields_of_education",
                "thematic area (ISCED-F)",
                tr("The credential needs at least one ISCED-F field of education."),
                "Qualification.thematicArea",
            )
        )
    if not general.languages:
        gaps.append(
            _gap(
                "general.languages",
                "language",
                tr("The credential needs the language(s) of instruction."),
                "Qualification.language",
            )
        )
    gaps += _awarding_body_gaps(proposal)
    return gaps


def awarding_country(proposal: Proposal, org: Organisation) -> str | None:
    """The country of an awarding body: its own, else the first country of the issuer."""
    if org.country:
        return org.country
    return proposal.general.issuer_countries[0] if proposal.general.issuer_countries else None


def _awarding_body_gaps(proposal: Proposal) -> list[CredentialGap]:
    bodies = proposal.general.awarding_institutions
    if not bodies:
        return [
            _gap(
                "general.awarding_institutions",
                "awarding body",
                tr(
                    "The credential names the awarding body and issuer: "
                    "add the awarding institution."
                ),
                "AwardingProcess.awardingBody",
            )
        ]
    gaps: list[CredentialGap] = []
    for org in bodies:
        base = f"general.awarding_institutions[{org.id}]"
        if not org.name:
            gaps.append(
                _gap(
                    f"{base}.name",
                    "awarding body legal name",
                    tr("An awarding institution has no name; the credential needs its legal name."),
                    "Organisation.legalName",
                )
            )
        if awarding_country(proposal, org) is None:
            gaps.append(
                _gap(
                    f"{base}.country",
                    "country of the awarding body",
                    tr("The credential needs the country of {name}: choose its country.").format(
                        name=org.name or tr("the awarding institution")
                    ),
                    "Organisation.location.address.countryCode",
                )
            )
    return gaps


def _certified_gaps(proposal: Proposal) -> list[CredentialGap]:
    certified = proposal.certified
    gaps: list[CredentialGap] = []
    if not certified.learning_outcomes:
        gaps.append(
            _gap(
                "certified.learning_outcomes",
                "learning outcomes",
                tr("The credential lists the learning outcomes: add at least one."),
                "Qualification.learningOutcome",
            )
        )
    for outcome in certified.learning_outcomes:
        if not outcome.text:
            gaps.append(
                _gap(
                    f"certified.learning_outcomes[{outcome.id}].text",
                    "learning outcome text",
                    tr("A learning outcome is empty; write what the learner can do."),
                    "LearningOutcome.title",
                )
            )
    if certified.ects_credits is None and certified.notional_hours is None:
        gaps.append(
            _gap(
                "certified.ects_credits",
                "credit points or volume of learning",
                tr("The credential states the workload: enter the ECTS credits or the hours."),
                "Qualification.creditPoint",
            )
        )
    if certified.eqf_level is None:
        gaps.append(
            _gap(
                "certified.eqf_level",
                "EQF level",
                tr("The credential states the level: choose the EQF level."),
                "Qualification.eqfLevel",
            )
        )
    if not certified.assessment_types:
        gaps.append(
            _gap(
                "certified.assessment_types",
                "type of assessment",
                tr("The credential states how learners are assessed: choose the assessment types."),
                "LearningAssessmentSpecification.dcType",
            )
        )
    if not certified.modes:
        gaps.append(
            _gap(
                "certified.modes",
                "form of participation",
                tr("The credential states the form of participation: choose online, blended..."),
                "Qualification.mode",
            )
        )
    if not certified.quality_assurance_types:
        gaps.append(
            _gap(
                "certified.quality_assurance_types",
                "type of quality assurance",
                tr("The credential states the type of quality assurance: choose at least one."),
                "Accreditation.dcType",
            )
        )
    elif not proposal.quality.responsible_body:
        gaps.append(
            _gap(
                "quality.responsible_body",
                "accrediting agent",
                tr(
                    "The credential names who assures the quality: "
                    "enter the body responsible for quality assurance."
                ),
                "Accreditation.accreditingAgent",
            )
        )
    return gaps


def _rights_gaps(proposal: Proposal) -> list[CredentialGap]:
    gaps: list[CredentialGap] = []
    for right in proposal.rights:
        base = f"rights[{right.id}]"
        if not right.title:
            gaps.append(
                _gap(
                    f"{base}.title",
                    "entitlement title",
                    tr("A right has no title; the credential shows each right by its title."),
                    "LearningEntitlementSpecification.title",
                )
            )
        if right.entitlement_type is None:
            gaps.append(
                _gap(
                    f"{base}.entitlement_type",
                    "entitlement type",
                    tr("Choose the type of the right “{title}”.").format(
                        title=right.title or tr("untitled")
                    ),
                    "LearningEntitlementSpecification.dcType",
                )
            )
        if right.status is None:
            gaps.append(
                _gap(
                    f"{base}.status",
                    "entitlement status",
                    tr("Choose whether the right “{title}” is actual or prospective.").format(
                        title=right.title or tr("untitled")
                    ),
                    "LearningEntitlementSpecification.entitlementStatus",
                )
            )
    return gaps


def _academic_gaps(proposal: Proposal) -> list[CredentialGap]:
    gaps: list[CredentialGap] = []
    for activity in proposal.academic.activities:
        if not activity.title and activity.activity_type is None:
            gaps.append(
                _gap(
                    f"academic.activities[{activity.id}].title",
                    "learning activity title",
                    tr("A learning activity has neither a title nor a type; give it a title."),
                    "LearningActivitySpecification.title",
                )
            )
    for assessment in proposal.academic.assessments:
        if not assessment.title and assessment.method is None:
            gaps.append(
                _gap(
                    f"academic.assessments[{assessment.id}].title",
                    "assessment title",
                    tr("An assessment has neither a title nor a method; give it a title."),
                    "LearningAssessmentSpecification.title",
                )
            )
    return gaps
