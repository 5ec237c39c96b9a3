"""Hypothesis strategies that build valid, varied proposals (Unicode, markup, long text)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from mcdesigner.model.proposal import (
    AcademicDescription,
    Assessment,
    CertifiedData,
    ContentUnit,
    EscoSkill,
    EsgEntry,
    ExpenditureLine,
    FinancialStatement,
    GeneralInformation,
    Indicator,
    LearningActivity,
    LearningOutcome,
    Organisation,
    Proposal,
    QualityAssurance,
    RevenueLine,
    Right,
    SelfAssessment,
    StaffMember,
)
from mcdesigner.model.text import clean_line, clean_text
from mcdesigner.model.vocabularies import get_vocabulary

# Letters from many scripts plus markup characters that must survive every export.
_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x85\u2028\u2029",
)
SAMPLE_NAMES = ["Cărțiș", "Łódź", "Αθήνα", "Москва", "القاهرة", "<b>&amp;", "<img src=x onerror=1>"]


def short_text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(SAMPLE_NAMES), st.text(_ALPHABET, max_size=40)).map(clean_line)


def long_text() -> st.SearchStrategy[str]:
    return st.text(st.one_of(_ALPHABET, st.just("\n")), max_size=200).map(clean_text)


def term(vocab_id: str) -> st.SearchStrategy[str]:
    return st.sampled_from([t.value for t in get_vocabulary(vocab_id).terms])


def hours() -> st.SearchStrategy[float | None]:
    return st.none() | st.floats(0, 1000, allow_nan=False).map(lambda x: round(x, 2))


def money() -> st.SearchStrategy[Decimal | None]:
    return st.none() | st.decimals(0, 100000, places=2, allow_nan=False, allow_infinity=False)


dates = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


@st.composite
def proposals(draw: st.DrawFn) -> Proposal:
    """A valid proposal with every section populated by random but legal values."""
    outcomes = draw(
        st.lists(
            st.builds(
                LearningOutcome,
                text=long_text(),
                esco_skills=st.lists(st.builds(EscoSkill, label=short_text()), max_size=2),
            ),
            max_size=4,
        )
    )
    general = GeneralInformation(
        title=draw(short_text()),
        description=draw(long_text()),
        rationale=draw(long_text()),
        awarding_institutions=draw(
            st.lists(
                st.builds(Organisation, name=short_text(), country=term("country") | st.none()),
                max_size=2,
            )
        ),
        fields_of_education=draw(st.lists(term("isced-f"), max_size=2, unique=True)),
        keywords=draw(st.lists(short_text(), max_size=3)),
        languages=draw(st.lists(term("language"), max_size=2, unique=True)),
        start_date=draw(dates),
        end_date=draw(dates),
        places=draw(st.none() | st.integers(0, 5000)),
        fee=draw(money()),
        currency=draw(term("currency")),
        opportunity_type=draw(st.none() | term("learning-opportunity")),
    )
    certified = CertifiedData(
        learning_outcomes=outcomes,
        ects_credits=draw(st.none() | st.sampled_from([0.5, 1.0, 2.0, 6.0])),
        notional_hours=draw(hours()),
        eqf_level=draw(st.none() | term("eqf")),
        assessment_types=draw(st.lists(term("assessment"), max_size=2, unique=True)),
        modes=draw(st.lists(term("learning-assessment"), max_size=2, unique=True)),
        further_information=draw(long_text()),
    )
    academic = AcademicDescription(
        content_units=draw(
            st.lists(st.builds(ContentUnit, title=short_text(), hours=hours()), max_size=3)
        ),
        activities=draw(
            st.lists(
                st.builds(
                    LearningActivity, title=short_text(), hours=hours(), taught=st.booleans()
                ),
                max_size=3,
            )
        ),
        assessments=[
            Assessment(
                title=draw(short_text()),
                weight=draw(st.none() | st.floats(0, 100).map(lambda x: round(x, 1))),
                outcome_ids=[o.id for o in outcomes[:1]],
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
        methodology=draw(long_text()),
    )
    return Proposal(
        general=general,
        certified=certified,
        rights=draw(
            st.lists(st.builds(Right, title=short_text(), description=long_text()), max_size=2)
        ),
        academic=academic,
        staff=draw(st.lists(st.builds(StaffMember, name=short_text(), hours=hours()), max_size=3)),
        financial=FinancialStatement(
            revenues=draw(
                st.lists(
                    st.builds(
                        RevenueLine, description=short_text(), units=hours(), unit_cost=money()
                    ),
                    max_size=3,
                )
            ),
            expenditures=draw(
                st.lists(
                    st.builds(
                        ExpenditureLine, description=short_text(), units=hours(), unit_cost=money()
                    ),
                    max_size=3,
                )
            ),
        ),
        quality=QualityAssurance(
            responsible_body=draw(short_text()),
            indicators=draw(
                st.lists(st.builds(Indicator, name=short_text(), target=short_text()), max_size=2)
            ),
        ),
        self_assessment=SelfAssessment(
            entries=[
                EsgEntry(
                    id=f"esg-{s}",
                    standard=s,
                    rating=draw(st.none() | st.sampled_from([1, 2, 3, 4])),
                    evidence=draw(long_text()),
                )
                for s in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10")
            ]
        ),
    )
