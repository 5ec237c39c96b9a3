"""A complete, consistent proposal for the check tests, and the proof that it is clean.

Each rule test starts from :func:`complete_proposal`, breaks exactly one thing and
asserts the issue that follows, so a test fails only for the rule it is about.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from mcdesigner.checks import CheckSettings, Issue, check, run
from mcdesigner.model.proposal import (
    AcademicDescription,
    Assessment,
    CertifiedData,
    Contact,
    ContentUnit,
    EscoSkill,
    EsgEntry,
    ExpenditureLine,
    FinancialStatement,
    GeneralInformation,
    Indicator,
    LearningActivity,
    LearningOutcome,
    MonitoringEvent,
    Organisation,
    Proposal,
    QualityAssurance,
    RevenueLine,
    Right,
    SelfAssessment,
    StaffMember,
)

EQF = "http://data.europa.eu/snb/eqf/{}"
ASSESSMENT_TYPE = "http://data.europa.eu/snb/assessment/795dac4096"  # project work
MODE = "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"  # online
QA_TYPE = "http://data.europa.eu/snb/accreditation/820101cba6"  # programme QA
ENTITLEMENT = "http://data.europa.eu/snb/entitlement/64aad92881"  # learning opportunity
STATUS = "http://data.europa.eu/snb/entitlement-status/5b8d6b34fb"  # prospective
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def esco_skill(label: str, address: str, level: str) -> EscoSkill:
    """A skill linked to ESCO as the ESCO data gives it."""
    return EscoSkill(
        label=label,
        uri=f"http://data.europa.eu/esco/skill/{address}",
        skill_type="http://data.europa.eu/snb/skill-type/skill",
        reuse_level=f"http://data.europa.eu/snb/skill-reuse-level/{level}",
    )


def complete_proposal() -> Proposal:
    """A 1-ECTS, EQF 6 proposal that fills every required field and passes every rule."""
    outcomes = [
        LearningOutcome(
            id="lo-analyse",
            text="Analyse the regulations that apply to a course.",
            esco_skills=[
                esco_skill(
                    "ensure ongoing compliance with regulations",
                    "1c7c161d-1c78-4098-b28d-147857d44699",
                    "cross-sector",
                )
            ],
        ),
        LearningOutcome(
            id="lo-design",
            text="Design the structure of a joint micro-credential.",
            esco_skills=[
                esco_skill(
                    "develop curriculum", "7ee872de-db39-4ae3-8e19-75d1a2cdf697", "cross-sector"
                )
            ],
        ),
        LearningOutcome(
            id="lo-evaluate",
            text="Evaluate a draft proposal against a rubric.",
            esco_skills=[
                esco_skill("review drafts", "c290c45c-b8da-4517-be4a-b16fdce26cb2", "cross-sector"),
            ],
        ),
    ]
    return Proposal(
        id="complete",
        general=GeneralInformation(
            title="Designing joint micro-credentials",
            description="A short course for university staff.",
            rationale="Staff need to design joint micro-credentials.",
            awarding_institutions=[Organisation(id="org-1", name="University", country="ESP")],
            issuer_countries=["ESP"],
            fields_of_education=["http://data.europa.eu/snb/isced-f/0111"],  # education science
            target_group_description="Academic and administrative staff.",
            languages=["ENG"],
            start_date=dt.date(2026, 5, 10),
            end_date=dt.date(2026, 6, 30),
            application_deadline=dt.date(2026, 5, 1),
            places=50,
            max_places_per_institution=5,
            fee=Decimal("100.00"),
            contact=Contact(name="Office", email="office@example.org"),
        ),
        certified=CertifiedData(
            learning_outcomes=outcomes,
            ects_credits=1,
            notional_hours=25,
            eqf_level=EQF.format(6),
            assessment_types=[ASSESSMENT_TYPE],
            modes=[MODE],
            quality_assurance_types=[QA_TYPE],
        ),
        rights=[
            Right(
                id="right-1",
                title="Admission to the follow-up course",
                entitlement_type=ENTITLEMENT,
                status=STATUS,
                description="Holders may enrol in the advanced course.",
            )
        ],
        academic=AcademicDescription(
            content_units=[ContentUnit(id="unit-1", title="European framework", hours=5)],
            activities=[
                LearningActivity(id="act-lectures", title="Lectures", hours=14, taught=True),
                LearningActivity(id="act-project", title="Group project", hours=11),
            ],
            assessments=[
                Assessment(
                    id="as-quiz",
                    title="Quizzes",
                    method=ASSESSMENT_TYPE,
                    weight=40,
                    criteria="Correct answers.",
                    outcome_ids=["lo-analyse"],
                ),
                Assessment(
                    id="as-project",
                    title="Group proposal",
                    method=ASSESSMENT_TYPE,
                    weight=60,
                    criteria="Rubric.",
                    outcome_ids=["lo-design", "lo-evaluate"],
                ),
            ],
            methodology="Online lectures and a group project.",
        ),
        staff=[
            StaffMember(
                id="staff-coord",
                name="Ana García",
                institution="University",
                email="ana@example.org",
                affiliation="internal",
                role="coordinator",
                hours=6,
            ),
            StaffMember(
                id="staff-teacher",
                name="Ben Jones",
                institution="University",
                email="ben@example.org",
                affiliation="external",
                role="teacher",
                hours=8,
            ),
        ],
        financial=FinancialStatement(
            revenues=[
                RevenueLine(
                    id="rev-fees",
                    description="Fees",
                    category="tuition_fees",
                    units=50,
                    unit_cost=Decimal("100.00"),
                )
            ],
            expenditures=[
                ExpenditureLine(
                    id="exp-teaching",
                    description="Teaching",
                    category="teaching_staff",
                    units=14,
                    unit_cost=Decimal("200.00"),
                )
            ],
        ),
        quality=QualityAssurance(
            responsible_body="Quality committee",
            indicators=[
                Indicator(
                    id="ind-completion",
                    name="Completion rate",
                    target="80 %",
                    data_source="Learning platform",
                    frequency="per_edition",
                )
            ],
            satisfaction_surveys="A survey at the end of each edition.",
            calendar=[MonitoringEvent(id="cal-1", date=dt.date(2026, 7, 15), activity="Review")],
            improvement_plan="The committee reviews the results every year.",
        ),
        self_assessment=SelfAssessment(
            entries=[
                EsgEntry(id=f"esg-1.{n}", standard=f"1.{n}", rating=3, evidence="Procedure.")
                for n in range(1, 11)
            ]
        ),
    )


def issues_of(proposal: Proposal, rule: str, settings: CheckSettings | None = None) -> list[Issue]:
    """The issues ``rule`` raises for ``proposal`` (after the usual merging)."""
    return [i for i in run(proposal, settings) if i.rule == rule]


def only_issue(proposal: Proposal, rule: str, settings: CheckSettings | None = None) -> Issue:
    """The single issue ``rule`` raises for ``proposal``."""
    found = issues_of(proposal, rule, settings)
    assert len(found) == 1, found
    return found[0]


def test_the_complete_proposal_raises_nothing_and_is_ready() -> None:
    result = check(complete_proposal())

    assert result.issues == []
    assert result.readiness.ready
    assert result.readiness.overall_percent == 100.0
    assert set(result.readiness.section_percent.values()) == {100.0}


def test_the_complete_proposal_is_checked_against_the_bundled_forms() -> None:
    proposal = complete_proposal()
    proposal.general.description = ""

    issue = only_issue(proposal, "required.missing")

    assert issue.path == "general.description"
    assert issue.severity == "error"
