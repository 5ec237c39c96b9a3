"""Reference facts the proposal is measured against: Annex I elements and ESG 1.1-1.10.

Checks, forms and documents cite these, so a message can say which rule it comes from
and a reviewer can look the rule up.
"""

from __future__ import annotations

from dataclasses import dataclass

RECOMMENDATION = "EU Council Recommendation 2022, Annex I"
ESG = "ESG 2015"


@dataclass(frozen=True, slots=True)
class AnnexElement:
    """One element of Annex I and the schema paths of the proposal that supply it."""

    number: int
    part: int  # 1: mandatory, 2: optional
    name: str
    paths: tuple[str, ...]  # empty: supplied when the credential is issued, not by the proposal

    @property
    def reference(self) -> str:
        kind = "mandatory" if self.part == 1 else "optional"
        return f"{RECOMMENDATION}, {kind} element {self.number}: {self.name}"


ANNEX_I: tuple[AnnexElement, ...] = (
    AnnexElement(1, 1, "identification of the learner", ()),
    AnnexElement(2, 1, "title of the micro-credential", ("general.title",)),
    AnnexElement(3, 1, "country or region of the issuer", ("general.issuer_countries",)),
    AnnexElement(4, 1, "awarding body", ("general.awarding_institutions",)),
    AnnexElement(5, 1, "date of issuing", ()),
    AnnexElement(6, 1, "learning outcomes", ("certified.learning_outcomes",)),
    AnnexElement(
        7,
        1,
        "notional workload (ECTS credits)",
        ("certified.ects_credits", "certified.notional_hours"),
    ),
    AnnexElement(8, 1, "level of the learning experience (EQF)", ("certified.eqf_level",)),
    AnnexElement(9, 1, "type of assessment", ("certified.assessment_types",)),
    AnnexElement(10, 1, "form of participation", ("certified.modes",)),
    AnnexElement(11, 1, "type of quality assurance", ("certified.quality_assurance_types",)),
    AnnexElement(1, 2, "prerequisites needed to enrol", ("general.prerequisites",)),
    AnnexElement(2, 2, "supervision and identity verification", ("certified.supervision",)),
    AnnexElement(3, 2, "grade achieved", ("certified.grading_scheme",)),
    AnnexElement(4, 2, "integration and stackability options", ("certified.integration",)),
    AnnexElement(5, 2, "further information", ("certified.further_information",)),
)

#: The mandatory elements a proposal itself must supply (learner and issue date come later).
ANNEX_I_REQUIRED: tuple[AnnexElement, ...] = tuple(e for e in ANNEX_I if e.part == 1 and e.paths)


@dataclass(frozen=True, slots=True)
class EsgStandardInfo:
    """An ESG 2015 Part 1 standard: number, title and what a self-assessment should show."""

    number: str
    title: str
    focus: str

    @property
    def reference(self) -> str:
        return f"{ESG} standard {self.number}: {self.title}"


ESG_PART_1: tuple[EsgStandardInfo, ...] = (
    EsgStandardInfo(
        "1.1",
        "Policy for quality assurance",
        "How the micro-credential follows the institution's published quality policy.",
    ),
    EsgStandardInfo(
        "1.2",
        "Design and approval of programmes",
        "How it was designed and approved, and how its outcomes match its level.",
    ),
    EsgStandardInfo(
        "1.3",
        "Student-centred learning, teaching and assessment",
        "How learners take an active part and how assessment follows from that.",
    ),
    EsgStandardInfo(
        "1.4",
        "Student admission, progression, recognition and certification",
        "Which published rules govern admission, progress, recognition and the credential.",
    ),
    EsgStandardInfo(
        "1.5",
        "Teaching staff",
        "Why the teaching staff are competent and how they are chosen and supported.",
    ),
    EsgStandardInfo(
        "1.6",
        "Learning resources and student support",
        "Which resources and support learners get, and whether they are accessible.",
    ),
    EsgStandardInfo(
        "1.7",
        "Information management",
        "Which data are collected and used to run and improve the micro-credential.",
    ),
    EsgStandardInfo(
        "1.8",
        "Public information",
        "What is published about the offer, where, and how it is kept up to date.",
    ),
    EsgStandardInfo(
        "1.9",
        "On-going monitoring and periodic review of programmes",
        "How it is monitored and reviewed, and how results lead to improvements.",
    ),
    EsgStandardInfo(
        "1.10",
        "Cyclical external quality assurance",
        "How it falls under external quality assurance on a regular cycle.",
    ),
)

ESG_BY_NUMBER = {s.number: s for s in ESG_PART_1}

#: Labels of the 1-4 implementation scale used to rate each ESG standard.
RATING_SCALE: dict[int, str] = {
    1: "Not implemented",
    2: "Minimally implemented",
    3: "Partially implemented",
    4: "Fully implemented",
}
