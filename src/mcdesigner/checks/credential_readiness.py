"""Credential readiness: what the digital credential needs that the proposal does not say.

The certified data and the rights are transferred to a European Digital Credential (ELM
v3). Its profile (EDC generic shapes), the Qualification constraints (LOQ) and the EU
Council Recommendation 2022, Annex I decide which values the credential cannot do
without. :func:`credential_gaps` lists each one the proposal leaves empty as a
:class:`CredentialGap`; the rule ``credential.missing`` reports the same gaps as issues of
the ``credential`` group, and the credential export lists them before it writes a file.
Nothing is ever invented to fill a gap.

Severity: ``error`` for what the EDC profile or Annex I requires (the credential would be
rejected or incomplete), ``warning`` for what only the Qualification constraints ask for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.issues import CREDENTIAL_GROUP, Severity
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.checks.values import is_filled
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Organisation, Proposal, Right

ELM = "European Learning Model v3"


@dataclass(frozen=True, slots=True)
class CredentialGap:
    """A value the credential needs and the proposal lacks.

    ``path`` is the model field path to complete, ``element`` what the credential uses it
    for, ``message`` a plain-language explanation, ``reference`` the ELM property that
    holds the value and ``severity`` how badly the credential misses it.
    """

    path: str
    element: str
    message: str
    reference: str
    severity: Severity = "error"


def _gap(
    path: str, element: str, message: str, prop: str, severity: Severity = "error"
) -> CredentialGap:
    return CredentialGap(path, tr(element), message, f"{tr(ELM)}: {prop}", severity)


def awarding_country(proposal: Proposal, org: Organisation) -> str | None:
    """The country of an awarding body: its own, else the first country of the issuer."""
    if org.country:
        return org.country
    countries = proposal.general.issuer_countries
    return countries[0] if countries else None


def credential_gaps(proposal: Proposal) -> list[CredentialGap]:
    """Every value the digital credential needs but ``proposal`` leaves empty, in form order."""
    return [
        *_general_gaps(proposal),
        *_awarding_body_gaps(proposal),
        *_certified_gaps(proposal),
        *_rights_gaps(proposal),
        *_academic_gaps(proposal),
    ]


def _general_gaps(proposal: Proposal) -> Iterator[CredentialGap]:
    general = proposal.general
    if not general.title.strip():
        yield _gap(
            "general.title",
            "title",
            tr("The credential shows the title of the micro-credential: enter a title."),
            "Qualification.title",
        )
    if not general.description.strip():
        yield _gap(
            "general.description",
            "description",
            tr("The credential describes the micro-credential: enter a description."),
            "Qualification.description",
            "warning",
        )
    if not general.fields_of_education:
        yield _gap(
            "general.fields_of_education",
            "thematic area (ISCED-F)",
            tr(
                "Choose at least one ISCED-F field of education: the credential states the"
                " thematic area of the qualification."
            ),
            "Qualification.thematicArea",
            "warning",
        )
    if not general.languages:
        yield _gap(
            "general.languages",
            "language",
            tr("Choose the languages of instruction: the credential states them."),
            "Qualification.language",
            "warning",
        )


def _awarding_body_gaps(proposal: Proposal) -> Iterator[CredentialGap]:
    bodies = [org for org in proposal.general.awarding_institutions if is_filled(org)]
    if not bodies:
        yield _gap(
            "general.awarding_institutions",
            "awarding body",
            tr(
                "Add the awarding institution: the credential names it as awarding body and issuer."
            ),
            "AwardingProcess.awardingBody",
        )
        return
    for number, org in enumerate(bodies, 1):
        base = f"general.awarding_institutions[{org.id}]"
        if not org.name.strip():
            yield _gap(
                f"{base}.name",
                "legal name of the awarding body",
                tr(
                    "Awarding institution {number} has no name; the credential needs its"
                    " legal name."
                ).format(number=number),
                "Organisation.legalName",
            )
        if awarding_country(proposal, org) is None:
            yield _gap(
                f"{base}.country",
                "country of the awarding body",
                tr(
                    "Choose the country of {name}: the credential gives the country of every"
                    " awarding body."
                ).format(name=org.name or tr("awarding institution {n}").format(n=number)),
                "Organisation.location.address.countryCode",
            )


def _certified_gaps(proposal: Proposal) -> Iterator[CredentialGap]:
    certified = proposal.certified
    if not any(o.text.strip() for o in certified.learning_outcomes):
        yield _gap(
            "certified.learning_outcomes",
            "learning outcomes",
            tr("Add at least one learning outcome: the credential lists them."),
            "Qualification.learningOutcome",
        )
    for number, outcome in enumerate(certified.learning_outcomes, 1):
        if not outcome.text.strip() and is_filled(outcome):
            yield _gap(
                f"certified.learning_outcomes[{outcome.id}].text",
                "learning outcome",
                tr(
                    "Learning outcome {number} has skills but no text; write what the learner"
                    " can do."
                ).format(number=number),
                "LearningOutcome.title",
            )
    if certified.ects_credits is None and certified.notional_hours is None:
        yield _gap(
            "certified.ects_credits",
            "credit points or volume of learning",
            tr("Enter the ECTS credits or the hours of workload: the credential states them."),
            "Qualification.creditPoint",
        )
    if certified.eqf_level is None:
        yield _gap(
            "certified.eqf_level",
            "EQF level",
            tr("Choose the EQF level: the credential states the level of the qualification."),
            "Qualification.eqfLevel",
        )
    if not certified.assessment_types:
        yield _gap(
            "certified.assessment_types",
            "type of assessment",
            tr("Choose the types of assessment: the credential states how learners are assessed."),
            "LearningAssessmentSpecification.dcType",
        )
    if not certified.modes:
        yield _gap(
            "certified.modes",
            "form of participation",
            tr(
                "Choose the form of participation (online, blended, on site...): the credential"
                " states it."
            ),
            "Qualification.mode",
        )
    if not certified.quality_assurance_types:
        yield _gap(
            "certified.quality_assurance_types",
            "type of quality assurance",
            tr("Choose the type of quality assurance: the credential states it."),
            "Accreditation.dcType",
        )
    elif not proposal.quality.responsible_body.strip():
        yield _gap(
            "quality.responsible_body",
            "accrediting agent",
            tr(
                "Name the body responsible for quality assurance: the credential names who"
                " assures the quality."
            ),
            "Accreditation.accreditingAgent",
        )


def _right_name(right: Right, number: int) -> str:
    return f"“{right.title}”" if right.title else tr("number {number}").format(number=number)


def _rights_gaps(proposal: Proposal) -> Iterator[CredentialGap]:
    for number, right in enumerate(proposal.rights, 1):
        if not is_filled(right):
            continue
        base = f"rights[{right.id}]"
        name = _right_name(right, number)
        if not right.title.strip():
            yield _gap(
                f"{base}.title",
                "title of the right",
                tr(
                    "Right {name} has no title; the credential shows each right by its title."
                ).format(name=name),
                "LearningEntitlementSpecification.title",
            )
        if right.entitlement_type is None:
            yield _gap(
                f"{base}.entitlement_type",
                "entitlement type",
                tr("Choose the type of right {name}: the credential states it.").format(name=name),
                "LearningEntitlementSpecification.dcType",
            )
        if right.status is None:
            yield _gap(
                f"{base}.status",
                "entitlement status",
                tr(
                    "Choose whether right {name} is actual or prospective: the credential"
                    " states it."
                ).format(name=name),
                "LearningEntitlementSpecification.entitlementStatus",
            )


def _academic_gaps(proposal: Proposal) -> Iterator[CredentialGap]:
    for number, activity in enumerate(proposal.academic.activities, 1):
        if is_filled(activity) and not activity.title.strip() and activity.activity_type is None:
            yield _gap(
                f"academic.activities[{activity.id}].title",
                "title of the learning activity",
                tr(
                    "Learning activity {number} has neither a title nor a type; the credential"
                    " lists each activity by its title."
                ).format(number=number),
                "LearningActivitySpecification.title",
            )
    for number, assessment in enumerate(proposal.academic.assessments, 1):
        if is_filled(assessment) and not assessment.title.strip() and assessment.method is None:
            yield _gap(
                f"academic.assessments[{assessment.id}].title",
                "title of the assessment",
                tr(
                    "Assessment {number} has neither a title nor a method; the credential"
                    " lists each assessment by its title."
                ).format(number=number),
                "LearningAssessmentSpecification.title",
            )


@rule(
    "credential.missing",
    title="The digital credential has the data it needs",
    section="any",
    severity="error",
    reference=f"{ELM}: European Digital Credential profile and Qualification constraints",
    reports_missing=True,
)
def credential_missing(context: CheckContext) -> Iterator[Finding]:
    """Each value the ELM credential requires is present (see :func:`credential_gaps`)."""
    for gap in credential_gaps(context.proposal):
        yield Finding(gap.severity, gap.path, gap.message, gap.reference, CREDENTIAL_GROUP)


RULES: tuple[Rule, ...] = (credential_missing,)
