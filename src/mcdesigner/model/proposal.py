"""The typed model of a micro-credential proposal: the single source of truth.

Sections follow the application structure of a micro-credential proposal:
general information, certified academic data (the EU Council Recommendation 2022,
Annex I elements that go onto the digital credential), rights attached to the
credential, academic description, staff, financial statement, internal quality
assurance (IQAS) data and a self-assessment report against ESG 2015 Part 1.

Text is cleaned on the way in (see :mod:`mcdesigner.model.text`); vocabulary fields
hold ELM concept URIs or ISO codes (see :mod:`mcdesigner.model.vocabularies`).
"""

from __future__ import annotations

import datetime as dt
import typing
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Literal

from pydantic import (
    Field,
    ValidationError,
    field_serializer,
    field_validator,
    model_validator,
)

from mcdesigner.model.base import (
    MAX_ITEMS,
    TRANSLATED,
    Count,
    Credits,
    Email,
    Hours,
    Item,
    ItemId,
    Link,
    Money,
    Percent,
    Strict,
    Units,
    new_proposal_id,
)
from mcdesigner.model.base import (
    iter_items as iter_items,
)
from mcdesigner.model.durations import Duration as Duration
from mcdesigner.model.terms import (
    ActivityType,
    AssessmentType,
    Country,
    Currency,
    EntitlementStatus,
    EntitlementType,
    EqfLevel,
    IscedField,
    Language,
    LearningSetting,
    Mode,
    OpportunityType,
    QualityAssuranceType,
    Schedule,
    SkillReuseLevel,
    SkillType,
    Supervision,
    TargetGroup,
)
from mcdesigner.model.text import LongText, ParagraphText, ShortText
from mcdesigner.model.translations import (
    ProposalLanguages,
    TranslationMap,
    kept_translations,
    validate_translations,
)

#: Version of the stored JSON document; bump it with a migration in storage.
SCHEMA_VERSION = 3

ProposalStatus = Literal[
    "draft", "submitted", "in_review", "changes_requested", "approved", "rejected"
]


# ---------------------------------------------------------------------------
# General information
# ---------------------------------------------------------------------------
class Organisation(Item):
    """An institution taking part in the micro-credential."""

    name: ShortText = ""
    country: Country | None = None
    website: Link = ""


class Contact(Strict):
    """Who answers questions about the micro-credential."""

    name: ShortText = ""
    email: Email = ""
    phone: ShortText = ""


PlacesLimit = Literal["limited", "unlimited"]


class GeneralInformation(Strict):
    """Core facts about the learning offer, for the credential, assessment and publicity."""

    title: Annotated[ShortText, TRANSLATED] = ""
    description: Annotated[LongText, TRANSLATED] = ""
    rationale: Annotated[LongText, TRANSLATED] = ""
    awarding_institutions: list[Organisation] = Field(default_factory=list, max_length=MAX_ITEMS)
    partner_institutions: list[Organisation] = Field(default_factory=list, max_length=MAX_ITEMS)
    issuer_countries: list[Country] = Field(default_factory=list, max_length=300)
    issuer_region: ShortText = ""
    fields_of_education: list[IscedField] = Field(default_factory=list, max_length=50)
    keywords: list[ShortText] = Field(default_factory=list, max_length=200)
    target_groups: list[TargetGroup] = Field(default_factory=list, max_length=50)
    target_group_description: Annotated[LongText, TRANSLATED] = ""
    opportunity_type: OpportunityType | None = None
    learning_setting: LearningSetting | None = None
    learning_schedule: Schedule | None = None
    languages: list[Language] = Field(default_factory=list, max_length=50)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    application_deadline: dt.date | None = None
    maximum_duration: Duration = Field(default_factory=Duration)
    period: Annotated[ShortText, TRANSLATED] = ""
    venue: Annotated[ShortText, TRANSLATED] = ""
    city: ShortText = ""
    places_limit: PlacesLimit = "limited"
    places: Count | None = None
    max_places_per_institution: Count | None = None
    fee: Money | None = None
    currency: Currency = "EUR"
    prerequisites: Annotated[LongText, TRANSLATED] = ""
    learning_material_formats: ShortText = ""
    registration_link: Link = ""
    contact: Contact = Field(default_factory=Contact)


# ---------------------------------------------------------------------------
# Certified academic data (Annex I)
# ---------------------------------------------------------------------------
class EscoSkill(Item):
    """A link from a learning outcome to an ESCO skill or competence.

    ``uri`` is the skill's ESCO address (``http://data.europa.eu/esco/skill/...``), or the
    address of a skill in another framework (DigComp, for example); the skill type and the
    reuse level are ESCO's for that skill.
    """

    label: Annotated[ShortText, TRANSLATED] = ""
    uri: Link = ""
    skill_type: SkillType | None = None
    reuse_level: SkillReuseLevel | None = None


class LearningOutcome(Item):
    """One intended learning outcome: what a learner can do after completion."""

    text: Annotated[ParagraphText, TRANSLATED] = ""
    skill_type: SkillType | None = None
    esco_skills: list[EscoSkill] = Field(default_factory=list, max_length=100)


Integration = Literal["standalone", "stackable"]


class CertifiedData(Strict):
    """Annex I elements that are copied onto the digital credential."""

    learning_outcomes: list[LearningOutcome] = Field(default_factory=list, max_length=MAX_ITEMS)
    ects_credits: Credits | None = None
    notional_hours: Hours | None = None
    eqf_level: EqfLevel | None = None
    national_level: ShortText = ""
    national_level_uri: Link = ""
    assessment_types: list[AssessmentType] = Field(default_factory=list, max_length=20)
    modes: list[Mode] = Field(default_factory=list, max_length=10)
    quality_assurance_types: list[QualityAssuranceType] = Field(default_factory=list, max_length=10)
    quality_assurance_description: Annotated[LongText, TRANSLATED] = ""
    supervision: Supervision | None = None
    grading_scheme: Annotated[LongText, TRANSLATED] = ""
    award_condition: Annotated[LongText, TRANSLATED] = ""
    partial_qualification: bool = False
    integration: Integration | None = None
    stackability: Annotated[LongText, TRANSLATED] = ""
    further_information: Annotated[LongText, TRANSLATED] = ""


# ---------------------------------------------------------------------------
# Rights attached to the credential
# ---------------------------------------------------------------------------
class Right(Item):
    """An entitlement that holding the credential confers (admission, membership, ...)."""

    title: Annotated[ShortText, TRANSLATED] = ""
    entitlement_type: EntitlementType | None = None
    status: EntitlementStatus | None = None
    description: Annotated[LongText, TRANSLATED] = ""
    limit_organisation: ShortText = ""
    limit_jurisdictions: list[Country] = Field(default_factory=list, max_length=300)
    limit_occupation: ShortText = ""


# ---------------------------------------------------------------------------
# Academic description
# ---------------------------------------------------------------------------
class ContentUnit(Item):
    """A unit of the syllabus."""

    title: Annotated[ShortText, TRANSLATED] = ""
    description: Annotated[LongText, TRANSLATED] = ""
    hours: Hours | None = None


class LearningActivity(Item):
    """Something learners do, with the student workload it takes."""

    title: Annotated[ShortText, TRANSLATED] = ""
    activity_type: ActivityType | None = None
    description: Annotated[LongText, TRANSLATED] = ""
    hours: Hours | None = None
    taught: bool = Field(False, description="Delivered by teaching staff (contact hours).")
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class Assessment(Item):
    """An assessment component, its weight and the outcomes it evidences."""

    title: Annotated[ShortText, TRANSLATED] = ""
    method: AssessmentType | None = None
    mode: Mode | None = None
    weight: Percent | None = None
    criteria: Annotated[LongText, TRANSLATED] = ""
    outcome_ids: list[ItemId] = Field(default_factory=list, max_length=MAX_ITEMS)


class AcademicDescription(Strict):
    """Contents, activities, assessment and how the teaching is organised."""

    content_units: list[ContentUnit] = Field(default_factory=list, max_length=MAX_ITEMS)
    activities: list[LearningActivity] = Field(default_factory=list, max_length=MAX_ITEMS)
    assessments: list[Assessment] = Field(default_factory=list, max_length=MAX_ITEMS)
    methodology: LongText = ""
    resources: LongText = ""
    accessibility: LongText = ""

    @property
    def activity_hours(self) -> float:
        """Total student workload of all activities."""
        return sum((a.hours or 0.0 for a in self.activities), 0.0)

    @property
    def teaching_hours(self) -> float:
        """Hours of activities delivered by teaching staff."""
        return sum((a.hours or 0.0 for a in self.activities if a.taught), 0.0)


# ---------------------------------------------------------------------------
# Teaching and support staff
# ---------------------------------------------------------------------------
StaffRole = Literal["coordinator", "teacher", "tutor", "support", "administrative"]
Affiliation = Literal["internal", "external"]


class StaffMember(Item):
    """A person teaching or supporting the micro-credential."""

    name: ShortText = ""
    institution: ShortText = ""
    email: Email = ""
    affiliation: Affiliation | None = None
    category: ShortText = ""
    role: StaffRole | None = None
    responsibilities: LongText = ""
    hours: Hours | None = None


# ---------------------------------------------------------------------------
# Financial statement
# ---------------------------------------------------------------------------
RevenueCategory = Literal[
    "tuition_fees", "public_funding", "institutional_funding", "sponsorship", "other"
]
ExpenditureCategory = Literal[
    "teaching_staff",
    "support_staff",
    "materials",
    "equipment",
    "services",
    "travel",
    "dissemination",
    "overheads",
    "other",
]


class _BudgetLine(Item):
    description: ShortText = ""
    units: Units | None = None
    unit_cost: Money | None = None

    @property
    def amount(self) -> Decimal | None:
        """Units × unit cost, rounded half up to cents; empty while either is missing."""
        if self.units is None or self.unit_cost is None:
            return None
        exact = Decimal(str(self.units)) * self.unit_cost
        return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class RevenueLine(_BudgetLine):
    """Planned income."""

    category: RevenueCategory | None = None


class ExpenditureLine(_BudgetLine):
    """Planned cost."""

    category: ExpenditureCategory | None = None


class FinancialStatement(Strict):
    """Planned budget of revenues and expenditures."""

    revenues: list[RevenueLine] = Field(default_factory=list, max_length=MAX_ITEMS)
    expenditures: list[ExpenditureLine] = Field(default_factory=list, max_length=MAX_ITEMS)
    deficit_funding: LongText = Field(
        "", description="Who covers expenditure above revenue, if anyone."
    )

    @property
    def total_revenue(self) -> Decimal:
        return sum((line.amount or Decimal(0) for line in self.revenues), Decimal("0.00"))

    @property
    def total_expenditure(self) -> Decimal:
        return sum((line.amount or Decimal(0) for line in self.expenditures), Decimal("0.00"))

    @property
    def balance(self) -> Decimal:
        """Revenue minus expenditure (negative is a deficit)."""
        return self.total_revenue - self.total_expenditure


# ---------------------------------------------------------------------------
# Internal quality assurance (IQAS)
# ---------------------------------------------------------------------------
Frequency = Literal["per_edition", "per_term", "annual", "biennial", "ad_hoc"]


class Indicator(Item):
    """A quality indicator that is measured and compared with a target."""

    name: ShortText = ""
    target: ShortText = ""
    data_source: ShortText = ""
    frequency: Frequency | None = None


class MonitoringEvent(Item):
    """A dated step of the monitoring and review calendar."""

    date: dt.date | None = None
    activity: ShortText = ""
    responsible: ShortText = ""


class QualityAssurance(Strict):
    """Data for the internal quality assurance system."""

    responsible_body: ShortText = ""
    indicators: list[Indicator] = Field(default_factory=list, max_length=MAX_ITEMS)
    satisfaction_surveys: LongText = ""
    stakeholder_involvement: LongText = ""
    calendar: list[MonitoringEvent] = Field(default_factory=list, max_length=MAX_ITEMS)
    improvement_plan: LongText = ""


# ---------------------------------------------------------------------------
# Self-assessment report (ESG 2015 Part 1)
# ---------------------------------------------------------------------------
EsgStandard = Literal["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10"]
ESG_STANDARDS: tuple[EsgStandard, ...] = typing.get_args(EsgStandard)
#: Implementation scale: 1 not, 2 minimally, 3 partially, 4 fully implemented.
Rating = Literal[1, 2, 3, 4]


def esg_item_id(standard: str) -> str:
    """The fixed item id of the self-assessment entry for ``standard`` (e.g. ``esg-1.3``)."""
    return f"esg-{standard}"


class EsgEntry(Item):
    """Self-assessment against one ESG standard."""

    standard: EsgStandard
    rating: Rating | None = None
    evidence: LongText = ""
    strengths: LongText = ""
    weaknesses: LongText = ""
    actions: LongText = ""


def _all_esg_entries() -> list[EsgEntry]:
    return [EsgEntry(id=esg_item_id(s), standard=s) for s in ESG_STANDARDS]


class SelfAssessment(Strict):
    """One entry per ESG 1.1-1.10, always all ten and always in order."""

    entries: list[EsgEntry] = Field(default_factory=_all_esg_entries)

    @field_validator("entries")
    @classmethod
    def _complete_and_ordered(cls, entries: list[EsgEntry]) -> list[EsgEntry]:
        by_standard: dict[str, EsgEntry] = {}
        for entry in entries:
            if entry.standard in by_standard:
                raise ValueError(f"ESG {entry.standard} appears twice in the self-assessment")
            by_standard[entry.standard] = entry
        return [
            by_standard.get(s) or EsgEntry(id=esg_item_id(s), standard=s) for s in ESG_STANDARDS
        ]

    def entry(self, standard: str) -> EsgEntry:
        """The entry for ``standard`` (``"1.1"`` ... ``"1.10"``)."""
        for entry in self.entries:
            if entry.standard == standard:
                return entry
        raise KeyError(standard)


# ---------------------------------------------------------------------------
# The proposal
# ---------------------------------------------------------------------------
class Proposal(Strict):
    """A complete micro-credential proposal."""

    schema_version: Literal[3] = 3
    id: str = Field(default_factory=new_proposal_id, min_length=1, max_length=64)
    status: ProposalStatus = "draft"
    languages: ProposalLanguages = Field(default_factory=ProposalLanguages)
    translations: TranslationMap = Field(default_factory=dict)
    general: GeneralInformation = Field(default_factory=GeneralInformation)
    certified: CertifiedData = Field(default_factory=CertifiedData)
    rights: list[Right] = Field(default_factory=list, max_length=MAX_ITEMS)
    academic: AcademicDescription = Field(default_factory=AcademicDescription)
    staff: list[StaffMember] = Field(default_factory=list, max_length=MAX_ITEMS)
    financial: FinancialStatement = Field(default_factory=FinancialStatement)
    quality: QualityAssurance = Field(default_factory=QualityAssurance)
    self_assessment: SelfAssessment = Field(default_factory=SelfAssessment)

    def __setattr__(self, name: str, value: object) -> None:
        # Pydantic stores an assigned value before the model-level checks below run and
        # keeps it when they fail; put the previous state back so a rejected assignment
        # leaves the proposal exactly as it was.
        previous = dict(self.__dict__)
        fields_set = set(self.__pydantic_fields_set__)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            object.__setattr__(self, "__dict__", previous)
            object.__setattr__(self, "__pydantic_fields_set__", fields_set)
            raise

    @field_validator("translations", mode="before")
    @classmethod
    def _translations(cls, value: object) -> TranslationMap:
        return validate_translations(cls, value)

    @field_serializer("translations")
    def _kept_translations(self, _value: TranslationMap) -> TranslationMap:
        return kept_translations(self)

    @model_validator(mode="after")
    def _unique_item_ids(self) -> Proposal:
        seen: set[str] = set()
        for item in iter_items(self):
            if item.id in seen:
                raise ValueError(f"two list items share the id {item.id!r}")
            seen.add(item.id)
        return self

    @property
    def display_title(self) -> str:
        """The title, or a placeholder for a proposal that has none yet."""
        return self.general.title or "Untitled proposal"
