"""Helpers shared by the export tests: a rich proposal, reading documents back, expectations."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from mcdesigner.examples import load_example
from mcdesigner.formdefs import FieldDef, default_forms
from mcdesigner.model.fieldpath import get_value
from mcdesigner.model.proposal import (
    Assessment,
    ExpenditureLine,
    Indicator,
    MonitoringEvent,
    Organisation,
    Proposal,
    RevenueLine,
    Right,
    StaffMember,
)
from mcdesigner.model.review import Annotation, Comment, CriterionScore, Review
from mcdesigner.model.vocabularies import get_vocabulary

UNICODE_NAMES = ("Cărțiș", "Łódź", "Αθήνα", "Москва")
ARABIC = "القاهرة"
MARKUP = ("<b>bold", "R&D <i>", '<img src="/etc/passwd"/>', "javascript:alert(1)")


def _first(vocab: str, offset: int = 0) -> str:
    return get_vocabulary(vocab).terms[offset].value


def rich_proposal() -> Proposal:
    """The bundled example with every empty section filled, in several scripts."""
    p = load_example()
    g = p.general
    g.partner_institutions = [
        Organisation(name="Universitatea din Cărțiș", country="ROU"),
        Organisation(name="Πανεπιστήμιο Αθήνα", country="GRC", website="https://example.gr"),
    ]
    g.issuer_countries = ["ESP", "POL"]
    g.issuer_region = "Łódź Voivodeship"
    g.target_groups = [_first("target-group")]
    g.learning_setting = _first("learning-setting")
    g.learning_schedule = _first("learning-schedule")
    g.languages = ["ENG", "ELL"]
    g.application_deadline = dt.date(2026, 4, 30)
    g.fee = Decimal("1250.00")
    g.contact.name = "Αθηνά Παπαδοπούλου"
    g.contact.phone = "+34 985 10 30 00"
    c = p.certified
    c.national_level = "MECES 3"
    c.quality_assurance_types = [_first("accreditation")]
    c.quality_assurance_description = "Internal review by the Вице-ректорат (Москва office)."
    c.supervision = _first("supervision-verification")
    c.grading_scheme = "Pass / fail; R&D <b>projects</b> graded 0-10."
    c.integration = "stackable"
    c.stackability = "Counts towards the master's degree in Łódź."
    c.further_information = 'See <img src="/etc/passwd"/> and javascript:alert(1)'
    p.rights = [
        Right(
            title="Admission to the master",
            entitlement_type=_first("entitlement"),
            status=_first("entitlement-status"),
            description="Holders are admitted without entrance exam.",
            limit_organisation="Universidad de Oviedo",
            limit_jurisdictions=["ESP"],
            limit_occupation="Teacher",
        )
    ]
    a = p.academic
    a.accessibility = "Captions on every video; screen-reader friendly PDFs."
    a.assessments.append(
        Assessment(
            title="Final project",
            method=_first("assessment"),
            weight=40.0,
            criteria="Rubric of five criteria",
            outcome_ids=[o.id for o in c.learning_outcomes[:2]],
        )
    )
    p.staff = [
        StaffMember(
            name="Cărțiș Ionescu",
            institution="Universitatea Łódź",
            email="ionescu@example.org",
            affiliation="external",
            category="Associate professor",
            role="teacher",
            responsibilities="Teaches unit 2 and marks the projects.",
            hours=12.5,
        ),
        StaffMember(name="Иван Петров", role="coordinator", affiliation="internal", hours=6),
        StaffMember(name=ARABIC, role="tutor", hours=3),
    ]
    f = p.financial
    f.revenues = [
        RevenueLine(
            description="Fees", category="tuition_fees", units=50, unit_cost=Decimal("25.00")
        )
    ]
    f.expenditures = [
        ExpenditureLine(
            description="Tutoring hours",
            category="teaching_staff",
            units=20,
            unit_cost=Decimal("60.50"),
        ),
        ExpenditureLine(
            description="Licences", category="materials", units=1, unit_cost=Decimal("300")
        ),
    ]
    f.deficit_funding = "The faculty covers any deficit."
    q = p.quality
    q.responsible_body = "Quality Committee"
    q.indicators = [
        Indicator(
            name="Completion rate", target="≥ 80 %", data_source="Moodle", frequency="per_edition"
        )
    ]
    q.satisfaction_surveys = "Survey at the end of each edition."
    q.stakeholder_involvement = "Employers sit on the advisory board."
    q.calendar = [
        MonitoringEvent(date=dt.date(2026, 7, 15), activity="Annual review", responsible="Dean")
    ]
    q.improvement_plan = "Revise unit 3 after the first edition."
    for n, entry in enumerate(p.self_assessment.entries):
        entry.rating = (n % 4) + 1  # type: ignore[assignment]
        entry.evidence = f"Evidence for ESG {entry.standard}: minutes of the board."
        entry.strengths = f"Strength {entry.standard}"
        entry.weaknesses = f"Weakness {entry.standard}"
        entry.actions = f"Action {entry.standard}"
    return p


def sample_reviews(p: Proposal) -> tuple[list[Annotation], list[Review]]:
    outcome = p.certified.learning_outcomes[0]
    annotations = [
        Annotation(
            proposal_id=p.id,
            path=f"certified.learning_outcomes[{outcome.id}].text",
            label="Outcome",
            comments=[
                Comment(
                    author="Łucja Nowak",
                    created=dt.datetime(2026, 5, 2, 9, 30, tzinfo=dt.UTC),
                    body="Use an action verb <b>here</b>.",
                ),
                Comment(author="Author", body="Done."),
            ],
        ),
        Annotation(
            proposal_id=p.id,
            path="general.title",
            status="resolved",
            comments=[Comment(author="Reviewer Β", body="Shorter title?")],
        ),
    ]
    reviews = [
        Review(
            proposal_id=p.id,
            reviewer="Dr. Мария Иванова",
            scores=[CriterionScore(criterion_id="outcomes", score=4, comment="Clear outcomes")],
            recommendation="approve_with_changes",
            summary="Solid proposal; fix the budget.",
        )
    ]
    return annotations, reviews


# ---------------------------------------------------------------------------
# Reading documents back
# ---------------------------------------------------------------------------
def docx_text(path: Path) -> str:
    """All paragraph and table-cell text of a Word file."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return "\n".join(parts)


def docx_headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of every paragraph in a Word "Heading n" style."""
    import docx

    document = docx.Document(str(path))
    found = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading "):
            found.append((int(name.split()[1]), paragraph.text))
    return found


def pdf_text(path: Path) -> str:
    """Body text of every page of a PDF, without the running header and footer.

    Leaving the header and footer out lets a paragraph that continues on the next page
    be found in one piece.
    """
    from pypdf import PdfReader

    mm = 72 / 25.4
    parts: list[str] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        y = tm[5] * cm[3] + cm[5]
        if 18 * mm < y < (297 - 21) * mm:
            parts.append(text)

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
        parts.append("\n")
    return "".join(parts)


def pdf_outline(path: Path) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, depth 1 for the top level, in order."""
    from pypdf import PdfReader

    found: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title)))

    walk(PdfReader(str(path)).outline, 1)
    return found


def squash(text: str) -> str:
    """``text`` without any whitespace (line wrapping differs between formats)."""
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------------------
# What a document must show
# ---------------------------------------------------------------------------
def _number(value: float | int) -> str:
    if float(value) == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def expected_texts(field: FieldDef, value: Any) -> list[str]:
    """The strings a reader must find in a document for ``value`` of ``field``."""
    if value is None or value == "" or value == []:
        return []
    kind = field.shape.kind
    if kind in ("text", "longtext", "email", "link"):
        return [line for line in str(value).split("\n") if line.strip()]
    if kind in ("int", "float"):
        return [_number(value)]
    if kind == "money":
        return [f"{Decimal(value):,.2f}"]
    if kind == "date":
        return [f"{value.day} {value:%B} {value.year}"]
    if kind in ("bool", "choice", "concept"):
        return [field.choice_label(value)]
    if kind == "concepts":
        return [field.choice_label(v) for v in value]
    if kind == "texts":
        return [str(v) for v in value if str(v).strip()]
    return []  # refs are shown as item labels, checked separately


def every_value(p: Proposal) -> list[tuple[str, str]]:
    """(concrete path, expected text) for every filled field of ``p`` the forms show."""
    found: list[tuple[str, str]] = []
    forms = default_forms()

    def expand(schema: str) -> list[str]:
        if "[]" not in schema:
            return [schema]
        head, tail = schema.split("[]", 1)
        paths = []
        for concrete_head in expand(head):
            for item in get_value(p, concrete_head) or []:
                paths.extend(expand(f"{concrete_head}[{item.id}]{tail}"))
        return paths

    for field in forms.fields():
        for path in expand(field.path):
            for text in expected_texts(field, get_value(p, path)):
                found.append((path, text))
    return found
