"""The proposal model accepts good values, cleans text and refuses bad input clearly."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

from mcdesigner.model.fieldpath import (
    PathError,
    describe,
    exists,
    get_value,
    parent_item_path,
    parse_path,
    schema_path,
    set_value,
)
from mcdesigner.model.hashing import content_hash
from mcdesigner.model.proposal import (
    AcademicDescription,
    Assessment,
    CertifiedData,
    Contact,
    EscoSkill,
    EsgEntry,
    ExpenditureLine,
    FinancialStatement,
    GeneralInformation,
    LearningActivity,
    LearningOutcome,
    Organisation,
    Proposal,
    RevenueLine,
    SelfAssessment,
    StaffMember,
)
from mcdesigner.model.text import LONG_TEXT_MAX, SHORT_TEXT_MAX
from mcdesigner.model.vocabularies import get_vocabulary
from strategies import proposals

EQF_6 = "http://data.europa.eu/snb/eqf/6"
ISCED_ICT_INTERDISCIPLINARY = "http://data.europa.eu/snb/isced-f/0688"
ONLINE = "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
QUIZ = "http://data.europa.eu/snb/assessment/b1b68f6735"
ESG = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10"]


def _error_text(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(exc.value)


def _sample() -> Proposal:
    """A small proposal with items in several sections, all ids fixed."""
    return Proposal(
        id="sample",
        general=GeneralInformation(title="Data literacy"),
        certified=CertifiedData(
            learning_outcomes=[
                LearningOutcome(
                    id="lo1",
                    text="Analyse a data set",
                    esco_skills=[EscoSkill(id="sk1", label="analyse data")],
                ),
                LearningOutcome(id="lo2", text="Report findings"),
            ]
        ),
        academic=AcademicDescription(
            activities=[LearningActivity(id="a1", title="Lectures", hours=10, taught=True)],
            assessments=[Assessment(id="as1", title="Project", outcome_ids=["lo1"])],
        ),
        staff=[StaffMember(id="st1", name="Ana")],
    )


# ---------------------------------------------------------------------------
# Text hygiene
# ---------------------------------------------------------------------------
FORBIDDEN = ["\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]


@pytest.mark.parametrize("char", FORBIDDEN + SURROGATES, ids=repr)
def test_control_characters_and_lone_surrogates_are_removed(char: str) -> None:
    general = GeneralInformation(
        title=f"Data{char} literacy",
        description=f"First{char} line",
        keywords=[f"da{char}ta"],
    )
    assert general.title == "Data literacy"
    assert general.description == "First line"
    assert general.keywords == ["data"]
    outcome = LearningOutcome(text=f"Analyse{char} data")
    assert outcome.text == "Analyse data"


def test_assignment_cleans_text_too() -> None:
    proposal = _sample()
    proposal.general.title = "New\x00 title\ud800\r\n"
    assert proposal.general.title == "New title"
    set_value(proposal, "certified.learning_outcomes[lo1].text", "Analyse\x1b data\r\nquickly")
    assert proposal.certified.learning_outcomes[0].text == "Analyse data\nquickly"


def test_line_breaks_are_normalised_in_prose_and_folded_in_single_lines() -> None:
    general = GeneralInformation(
        title="One\r\ntwo\rthree\nfour\tfive",
        description="One\r\ntwo\rthree\u2028four\x85five\tsix",
    )
    assert general.title == "One two three four five"
    assert general.description == "One\ntwo\nthree\nfour\nfive\tsix"


def test_text_is_nfc_normalised_and_trimmed() -> None:
    general = GeneralInformation(title="  Cafe\u0301 in Łódź  ", description="\n  Αθήνα\n\n")
    assert general.title == "Café in Łódź"
    assert general.description == "Αθήνα"


@pytest.mark.parametrize(
    "markup",
    ["<b>bold</b>", "Tom & Jerry", "a < b > c", "&amp; &lt;", "<img src=x onerror=alert(1)>"],
)
def test_markup_characters_are_kept_as_plain_text(markup: str) -> None:
    proposal = Proposal(general=GeneralInformation(title=markup, description=markup))
    assert proposal.general.title == markup
    again = Proposal.model_validate_json(proposal.model_dump_json())
    assert again.general.description == markup


def test_lone_surrogate_in_a_json_file_never_gets_into_the_model() -> None:
    text = '{"general": {"title": "Data\\ud800 literacy"}}'
    # Read through the standard JSON decoder the text is cleaned like typed text.
    assert Proposal.model_validate(json.loads(text)).general.title == "Data literacy"
    try:
        direct = Proposal.model_validate_json(text)
    except ValidationError:
        return  # refused with a validation error: acceptable, nothing half-read
    assert direct.general.title == "Data literacy"


def test_short_text_limit_names_the_field() -> None:
    assert len(GeneralInformation(title="t" * SHORT_TEXT_MAX).title) == SHORT_TEXT_MAX
    with pytest.raises(ValidationError) as exc:
        Proposal.model_validate({"general": {"title": "t" * (SHORT_TEXT_MAX + 1)}})
    assert "general.title" in _error_text(exc)
    assert str(SHORT_TEXT_MAX) in _error_text(exc)


def test_long_text_limits_name_the_field() -> None:
    with pytest.raises(ValidationError) as exc:
        Proposal.model_validate({"general": {"rationale": "r" * (LONG_TEXT_MAX + 1)}})
    assert "general.rationale" in _error_text(exc)
    with pytest.raises(ValidationError) as exc:
        Proposal.model_validate(
            {"certified": {"learning_outcomes": [{"id": "lo1", "text": "x" * 3_001}]}}
        )
    assert "certified.learning_outcomes.0.text" in _error_text(exc)
    with pytest.raises(ValidationError, match="keywords"):
        GeneralInformation(keywords=["k" * (SHORT_TEXT_MAX + 1)])


def test_rejected_assignment_keeps_the_old_text() -> None:
    proposal = _sample()
    with pytest.raises(ValidationError, match="title"):
        proposal.general.title = "t" * (SHORT_TEXT_MAX + 1)
    assert proposal.general.title == "Data literacy"


# ---------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------
NOT_FINITE: list[Any] = [float("nan"), float("inf"), float("-inf"), "NaN", "Infinity"]
NOT_FINITE_DECIMAL: list[Any] = [
    *NOT_FINITE,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
]


@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
def test_nan_and_infinity_are_refused_for_hours_and_credits(value: Any) -> None:
    with pytest.raises(ValidationError, match="ects_credits"):
        CertifiedData(ects_credits=value)
    with pytest.raises(ValidationError, match="notional_hours"):
        CertifiedData(notional_hours=value)
    with pytest.raises(ValidationError, match="hours"):
        LearningActivity(hours=value)
    with pytest.raises(ValidationError, match="weight"):
        Assessment(weight=value)
    with pytest.raises(ValidationError, match="units"):
        RevenueLine(units=value)


@pytest.mark.parametrize("value", NOT_FINITE_DECIMAL, ids=repr)
def test_nan_and_infinity_are_refused_for_money(value: Any) -> None:
    with pytest.raises(ValidationError, match="fee"):
        GeneralInformation(fee=value)
    with pytest.raises(ValidationError, match="unit_cost"):
        ExpenditureLine(unit_cost=value)


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ('{"certified": {"ects_credits": NaN}}', "certified.ects_credits"),
        ('{"certified": {"notional_hours": Infinity}}', "certified.notional_hours"),
        ('{"certified": {"notional_hours": -Infinity}}', "certified.notional_hours"),
        ('{"certified": {"ects_credits": 1e400}}', "certified.ects_credits"),
        ('{"general": {"fee": NaN}}', "general.fee"),
        ('{"general": {"fee": "NaN"}}', "general.fee"),
        ('{"general": {"fee": "Infinity"}}', "general.fee"),
        ('{"financial": {"revenues": [{"unit_cost": "-Infinity"}]}}', "unit_cost"),
    ],
)
def test_nan_and_infinity_are_refused_in_json(document: str, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        Proposal.model_validate_json(document)
    assert field in _error_text(exc)


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (CertifiedData, "ects_credits", -0.5),
        (CertifiedData, "notional_hours", -1),
        (LearningActivity, "hours", -2),
        (StaffMember, "hours", -3),
        (GeneralInformation, "fee", Decimal("-0.01")),
        (GeneralInformation, "places", -1),
        (GeneralInformation, "max_places_per_institution", -5),
        (RevenueLine, "units", -1),
        (ExpenditureLine, "unit_cost", Decimal("-10")),
        (Assessment, "weight", -1),
        (Assessment, "weight", 100.5),
        (GeneralInformation, "fee", Decimal("10.005")),
    ],
)
def test_negative_or_out_of_range_numbers_are_refused(
    model: type[Any], field: str, value: Any
) -> None:
    with pytest.raises(ValidationError, match=field):
        model(**{field: value})


def test_zero_and_ordinary_numbers_are_accepted() -> None:
    certified = CertifiedData(ects_credits=0, notional_hours=25)
    assert (certified.ects_credits, certified.notional_hours) == (0, 25)
    general = GeneralInformation(fee=Decimal("0"), places=50, max_places_per_institution=5)
    assert general.fee == 0
    assert GeneralInformation(fee="1250.50").fee == Decimal("1250.50")
    assert Assessment(weight=100).weight == 100


# ---------------------------------------------------------------------------
# E-mail addresses and links
# ---------------------------------------------------------------------------
def test_good_email_addresses_are_kept_trimmed() -> None:
    assert Contact(email=" microcredenciales@uniovi.es ").email == "microcredenciales@uniovi.es"
    assert Contact(email="").email == ""
    assert StaffMember(email="ana.lopez@example.org").email == "ana.lopez@example.org"


@pytest.mark.parametrize("email", ["no-at-sign", "a@b", "a b@c.de", "<a@b.c>", "a@@b.c", "@b.c"])
def test_bad_email_addresses_are_refused(email: str) -> None:
    with pytest.raises(ValidationError, match="not an e-mail address"):
        Contact(email=email)
    with pytest.raises(ValidationError, match="email"):
        StaffMember(email=email)


def test_good_links_are_accepted() -> None:
    for link in ("https://forms.office.com/e/CyDfPhZRAW", "http://example.org/a?b=c#d", ""):
        assert Organisation(website=link).website == link
    assert GeneralInformation(registration_link=" https://x.org ").registration_link == (
        "https://x.org"
    )


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://example.org",
        "www.example.org",
        "http://exa mple.org",
        'https://x.org/"onmouseover="alert(1)',
    ],
)
def test_dangerous_or_malformed_links_are_refused(link: str) -> None:
    with pytest.raises(ValidationError, match="not a web address"):
        GeneralInformation(registration_link=link)
    with pytest.raises(ValidationError, match="website"):
        Organisation(website=link)


def test_skill_links_are_web_addresses_of_esco_or_another_framework() -> None:
    uri = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
    assert EscoSkill(label="work in teams", uri=uri).uri == uri
    assert EscoSkill(label="work in teams").uri == ""
    digcomp = "http://data.europa.eu/snb/dcf/25831c2"
    assert EscoSkill(label="collaborating through digital technologies", uri=digcomp).uri == digcomp
    for bad in ("javascript:alert(1)", "data.europa.eu/esco/skill/x", "ftp://example.org/skill"):
        with pytest.raises(ValidationError, match="uri"):
            EscoSkill(uri=bad)


def test_a_skill_link_keeps_esco_skill_type_and_reuse_level() -> None:
    skill = EscoSkill(
        label="work in teams",
        skill_type="http://data.europa.eu/snb/skill-type/skill",
        reuse_level="http://data.europa.eu/snb/skill-reuse-level/transversal",
    )
    assert skill.reuse_level == "http://data.europa.eu/snb/skill-reuse-level/transversal"
    for field in ("skill_type", "reuse_level"):
        with pytest.raises(ValidationError, match=field):
            EscoSkill.model_validate({field: "transversal"})


# ---------------------------------------------------------------------------
# Controlled vocabularies
# ---------------------------------------------------------------------------
def test_known_vocabulary_terms_are_accepted() -> None:
    general = GeneralInformation(
        fields_of_education=[ISCED_ICT_INTERDISCIPLINARY],
        languages=["ENG", "SPA"],
        issuer_countries=["ESP", "PRT"],
        currency="USD",
        awarding_institutions=[Organisation(name="Uniovi", country="ESP")],
    )
    assert general.languages == ["ENG", "SPA"]
    assert general.awarding_institutions[0].country == "ESP"
    certified = CertifiedData(eqf_level=EQF_6, modes=[ONLINE], assessment_types=[QUIZ])
    assert certified.eqf_level == EQF_6
    assert GeneralInformation().currency == "EUR"


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (CertifiedData, "eqf_level", "http://data.europa.eu/snb/eqf/9"),
        (CertifiedData, "eqf_level", "Level 6"),
        (CertifiedData, "eqf_level", "6"),
        (CertifiedData, "modes", ["Online"]),
        (CertifiedData, "assessment_types", ["http://data.europa.eu/snb/assessment/nope"]),
        (GeneralInformation, "fields_of_education", ["0688"]),
        (GeneralInformation, "languages", ["en"]),
        (GeneralInformation, "languages", ["eng"]),
        (GeneralInformation, "languages", ["English"]),
        (GeneralInformation, "issuer_countries", ["ES"]),
        (GeneralInformation, "issuer_countries", ["esp"]),
        (GeneralInformation, "currency", "€"),
        (GeneralInformation, "currency", "ZZZ"),
        (Organisation, "country", "Spain"),
    ],
)
def test_unknown_vocabulary_values_are_refused(model: type[Any], field: str, value: Any) -> None:
    with pytest.raises(ValidationError, match="is not a term of the vocabulary") as exc:
        model(**{field: value})
    assert field in _error_text(exc)


def test_vocabulary_lookup() -> None:
    eqf = get_vocabulary("eqf")
    assert EQF_6 in eqf
    assert eqf.label_of(EQF_6) == "Level 6"
    assert eqf.label_of("unknown") == "unknown"
    assert "ESP" in get_vocabulary("country")
    assert get_vocabulary("currency").label_of("EUR") == "Euro"
    with pytest.raises(KeyError):
        get_vocabulary("no-such-vocabulary")


# ---------------------------------------------------------------------------
# Structure: unknown keys, ids, dates
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"colour": "red"}, "colour"),
        ({"general": {"titel": "x"}}, "general.titel"),
        ({"certified": {"learning_outcomes": [{"txt": "x"}]}}, "learning_outcomes.0.txt"),
        ({"general": {"contact": {"fax": "1"}}}, "general.contact.fax"),
    ],
)
def test_unknown_keys_are_refused(document: dict[str, Any], where: str) -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted") as exc:
        Proposal.model_validate(document)
    assert where in _error_text(exc)


def test_only_the_current_document_schema_is_accepted() -> None:
    with pytest.raises(ValidationError, match="schema_version"):
        Proposal.model_validate({"schema_version": 4})
    with pytest.raises(ValidationError, match="schema_version"):
        Proposal.model_validate({"schema_version": 1})  # upgraded by model.upgrade first
    with pytest.raises(ValidationError, match="status"):
        Proposal.model_validate({"status": "published"})


@pytest.mark.parametrize("item_id", ["", "with space", "-leading", "a/b", "x" * 65, "é"])
def test_malformed_item_ids_are_refused(item_id: str) -> None:
    with pytest.raises(ValidationError, match="id"):
        LearningOutcome(id=item_id)


def test_duplicate_item_ids_are_refused_across_the_whole_proposal() -> None:
    with pytest.raises(ValidationError, match="'lo1'"):
        Proposal(
            certified=CertifiedData(
                learning_outcomes=[LearningOutcome(id="lo1"), LearningOutcome(id="lo1")]
            )
        )
    with pytest.raises(ValidationError, match="'shared'"):
        Proposal(
            certified=CertifiedData(learning_outcomes=[LearningOutcome(id="shared")]),
            staff=[StaffMember(id="shared")],
        )
    with pytest.raises(ValidationError, match="'lo2'"):
        Proposal(
            certified=CertifiedData(
                learning_outcomes=[
                    LearningOutcome(id="lo1", esco_skills=[EscoSkill(id="lo2")]),
                    LearningOutcome(id="lo2"),
                ]
            )
        )


def test_assignment_that_would_duplicate_an_id_changes_nothing() -> None:
    proposal = _sample()
    before = proposal.model_dump()
    with pytest.raises(ValidationError, match="'lo1'"):
        proposal.staff = [StaffMember(id="lo1", name="Clash")]
    with pytest.raises(ValidationError, match="'a1'"):
        set_value(proposal, "staff", [StaffMember(id="a1")])
    assert proposal.model_dump() == before
    proposal.staff = [StaffMember(id="st2", name="Luis")]
    assert [s.name for s in proposal.staff] == ["Luis"]


def test_dates_are_iso_in_json_and_must_exist() -> None:
    proposal = Proposal.model_validate_json('{"general": {"start_date": "2026-05-10"}}')
    assert proposal.general.start_date == dt.date(2026, 5, 10)
    for bad in ("2026-02-30", "10/05/2026", "soon"):
        with pytest.raises(ValidationError, match=r"general\.start_date"):
            Proposal.model_validate_json(f'{{"general": {{"start_date": "{bad}"}}}}')


# ---------------------------------------------------------------------------
# Self-assessment report
# ---------------------------------------------------------------------------
def test_self_assessment_always_holds_the_ten_esg_standards_in_order() -> None:
    empty = SelfAssessment()
    assert [e.standard for e in empty.entries] == ESG
    assert [e.id for e in empty.entries] == [f"esg-{s}" for s in ESG]
    from_json = Proposal.model_validate_json('{"self_assessment": {"entries": []}}')
    assert [e.standard for e in from_json.self_assessment.entries] == ESG


def test_self_assessment_completes_and_orders_partial_input() -> None:
    partial = SelfAssessment(
        entries=[
            EsgEntry(id="mine-1.7", standard="1.7", rating=3, evidence="Surveys"),
            EsgEntry(standard="1.2", rating=4),
            EsgEntry(standard="1.10", weaknesses="No external review yet"),
        ]
    )
    assert [e.standard for e in partial.entries] == ESG
    assert partial.entry("1.7").rating == 3
    assert partial.entry("1.7").evidence == "Surveys"
    assert partial.entry("1.7").id == "mine-1.7"
    assert partial.entry("1.2").rating == 4
    assert partial.entry("1.10").weaknesses == "No external review yet"
    assert partial.entry("1.1").rating is None
    with pytest.raises(KeyError):
        partial.entry("2.1")


def test_self_assessment_refuses_duplicates_and_unknown_standards() -> None:
    with pytest.raises(ValidationError, match=r"ESG 1\.3 appears twice"):
        SelfAssessment(entries=[EsgEntry(standard="1.3"), EsgEntry(standard="1.3", rating=2)])
    with pytest.raises(ValidationError, match="standard"):
        EsgEntry.model_validate({"standard": "1.11"})
    for rating in (0, 5):
        with pytest.raises(ValidationError, match="rating"):
            EsgEntry.model_validate({"standard": "1.1", "rating": rating})


# ---------------------------------------------------------------------------
# Computed values
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("units", "unit_cost", "amount"),
    [
        (3, "19.99", "59.97"),
        (2.5, "10.10", "25.25"),
        (0.5, "0.25", "0.13"),  # 0.125: halves round up, as in a spreadsheet
        (0.5, "0.05", "0.03"),
        (1 / 3, "3.00", "1.00"),
        (0.1, "0.10", "0.01"),
        (0, "99.99", "0.00"),
    ],
)
def test_budget_line_amount_is_units_times_cost_in_cents(
    units: float, unit_cost: str, amount: str
) -> None:
    line = ExpenditureLine(units=units, unit_cost=Decimal(unit_cost))
    assert line.amount == Decimal(amount)
    assert line.amount is not None and line.amount.as_tuple().exponent == -2


def test_budget_line_without_units_or_cost_has_no_amount() -> None:
    assert RevenueLine(units=3).amount is None
    assert RevenueLine(unit_cost=Decimal("5")).amount is None


def test_totals_and_balance() -> None:
    statement = FinancialStatement(
        revenues=[
            RevenueLine(description="Fees", units=50, unit_cost=Decimal("120.00")),
            RevenueLine(description="Grant pending"),  # no amount yet: counts as zero
        ],
        expenditures=[
            ExpenditureLine(description="Teaching", units=14, unit_cost=Decimal("60.00")),
            ExpenditureLine(description="Platform", units=1, unit_cost=Decimal("200.50")),
        ],
    )
    assert statement.total_revenue == Decimal("6000.00")
    assert statement.total_expenditure == Decimal("1040.50")
    assert statement.balance == Decimal("4959.50")
    deficit = FinancialStatement(
        expenditures=[ExpenditureLine(units=2, unit_cost=Decimal("10.00"))]
    )
    assert deficit.balance == Decimal("-20.00")
    empty = FinancialStatement()
    zero = Decimal("0.00")
    assert (empty.total_revenue, empty.total_expenditure, empty.balance) == (zero, zero, zero)


def test_activity_and_teaching_hours() -> None:
    academic = AcademicDescription(
        activities=[
            LearningActivity(title="Lectures", hours=14, taught=True),
            LearningActivity(title="Group project", hours=11),
            LearningActivity(title="Wrap-up", taught=True),  # no hours given yet
            LearningActivity(title="Tutorials", hours=1.5, taught=True),
        ]
    )
    assert academic.activity_hours == 26.5
    assert academic.teaching_hours == 15.5
    empty = AcademicDescription()
    assert empty.activity_hours == 0.0 and isinstance(empty.activity_hours, float)
    assert isinstance(empty.teaching_hours, float)


# ---------------------------------------------------------------------------
# JSON round trip
# ---------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_json_round_trip_keeps_everything(proposal: Proposal) -> None:
    text = proposal.model_dump_json()
    again = Proposal.model_validate_json(text)
    assert again == proposal
    assert content_hash(again) == content_hash(proposal)
    assert again.financial.balance == proposal.financial.balance


def test_round_trip_keeps_money_exact_and_dates() -> None:
    proposal = Proposal(
        general=GeneralInformation(fee=Decimal("1250.50"), start_date=dt.date(2026, 5, 10)),
        financial=FinancialStatement(revenues=[RevenueLine(units=0.1, unit_cost="0.30")]),
    )
    again = Proposal.model_validate_json(proposal.model_dump_json())
    assert again.general.fee == Decimal("1250.50")
    assert again.general.start_date == dt.date(2026, 5, 10)
    assert again.financial.revenues[0].amount == Decimal("0.03")


# ---------------------------------------------------------------------------
# Field paths
# ---------------------------------------------------------------------------
def test_get_value_on_sections_items_and_nested_items() -> None:
    proposal = _sample()
    assert get_value(proposal, "general.title") == "Data literacy"
    assert get_value(proposal, "certified.learning_outcomes[lo2].text") == "Report findings"
    outcome = get_value(proposal, "certified.learning_outcomes[lo1]")
    assert isinstance(outcome, LearningOutcome) and outcome.id == "lo1"
    label = get_value(proposal, "certified.learning_outcomes[lo1].esco_skills[sk1].label")
    assert label == "analyse data"
    assert get_value(proposal, "staff[st1].name") == "Ana"


def test_paths_reach_self_assessment_entries_whose_ids_contain_dots() -> None:
    proposal = _sample()
    set_value(proposal, "self_assessment.entries[esg-1.3].rating", 3)
    assert proposal.self_assessment.entry("1.3").rating == 3
    assert get_value(proposal, "self_assessment.entries[esg-1.10].standard") == "1.10"
    assert exists(proposal, "self_assessment.entries[esg-1.3].evidence")
    assert parse_path("self_assessment.entries[esg-1.3].rating")[1].item == "esg-1.3"
    assert describe(Proposal, "self_assessment.entries[esg-1.3].rating").kind == "choice"


def test_set_value_validates_and_keeps_the_old_value_on_error() -> None:
    proposal = _sample()
    set_value(proposal, "academic.activities[a1].hours", 12.5)
    assert proposal.academic.activities[0].hours == 12.5
    set_value(proposal, "certified.eqf_level", EQF_6)
    assert proposal.certified.eqf_level == EQF_6
    with pytest.raises(ValidationError):
        set_value(proposal, "academic.activities[a1].hours", -1)
    with pytest.raises(ValidationError):
        set_value(proposal, "certified.eqf_level", "Level 6")
    with pytest.raises(ValidationError):
        set_value(proposal, "general.contact.email", "not an address")
    assert proposal.academic.activities[0].hours == 12.5
    assert proposal.certified.eqf_level == EQF_6
    assert proposal.general.contact.email == ""


def test_exists_follows_deletions() -> None:
    proposal = _sample()
    path = "certified.learning_outcomes[lo2].text"
    assert exists(proposal, path)
    proposal.certified.learning_outcomes = proposal.certified.learning_outcomes[:1]
    assert not exists(proposal, path)
    assert not exists(proposal, "general.no_such_field")
    assert not exists(proposal, "not a path")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("", "empty path"),
        ("general..title", "malformed"),
        ("General.title", "malformed"),
        ("general.title[", "malformed"),
        ("general.title[lo1", "malformed"),
        ("general.title]", "malformed"),
        ("general.no_such_field", "no field 'no_such_field'"),
        ("certified.learning_outcomes[missing].text", "no item 'missing'"),
        ("general.title[x]", "not a list"),
        ("general.title.length", "no field 'length'"),
    ],
)
def test_bad_paths_raise_path_error(path: str, message: str) -> None:
    proposal = _sample()
    with pytest.raises(PathError, match=message):
        get_value(proposal, path)


def test_set_value_refuses_bad_targets() -> None:
    proposal = _sample()
    with pytest.raises(PathError, match="cannot replace a whole list item"):
        set_value(proposal, "certified.learning_outcomes[lo1]", LearningOutcome())
    with pytest.raises(PathError, match="no field 'nope'"):
        set_value(proposal, "general.nope", "x")
    with pytest.raises(PathError, match="no item 'ghost'"):
        set_value(proposal, "staff[ghost].name", "x")
    with pytest.raises(PathError):
        set_value(proposal, "general.title.length", 3)
    assert proposal.general.title == "Data literacy"


def test_schema_and_parent_paths() -> None:
    assert schema_path("certified.learning_outcomes[lo1].esco_skills[sk1].label") == (
        "certified.learning_outcomes[].esco_skills[].label"
    )
    assert schema_path("self_assessment.entries[esg-1.3].rating") == (
        "self_assessment.entries[].rating"
    )
    assert parent_item_path("certified.learning_outcomes[lo1].esco_skills[sk1].label") == (
        "certified.learning_outcomes[lo1].esco_skills[sk1]"
    )
    assert parent_item_path("general.title") is None


@pytest.mark.parametrize(
    ("path", "kind", "vocabulary", "nullable"),
    [
        ("general.title", "text", None, False),
        ("general.description", "longtext", None, False),
        ("certified.learning_outcomes[].text", "longtext", None, False),
        ("general.contact.email", "email", None, False),
        ("general.registration_link", "link", None, False),
        ("certified.learning_outcomes[x].esco_skills[].uri", "link", None, False),
        ("general.places", "int", None, True),
        ("certified.ects_credits", "float", None, True),
        ("academic.activities[].hours", "float", None, True),
        ("general.fee", "money", None, True),
        ("financial.expenditures[].unit_cost", "money", None, True),
        ("general.start_date", "date", None, True),
        ("academic.activities[].taught", "bool", None, False),
        ("staff[].role", "choice", None, True),
        ("certified.eqf_level", "concept", "eqf", True),
        ("general.currency", "concept", "currency", False),
        ("general.languages", "concepts", "language", False),
        ("certified.modes", "concepts", "learning-assessment", False),
        ("general.keywords", "texts", None, False),
        ("academic.assessments[].outcome_ids", "refs", None, False),
        ("certified.learning_outcomes", "items", None, False),
        ("general.contact", "object", None, False),
    ],
)
def test_describe_reports_the_kind_of_value(
    path: str, kind: str, vocabulary: str | None, nullable: bool
) -> None:
    shape = describe(Proposal, path)
    assert shape.kind == kind
    assert shape.vocabulary == vocabulary
    assert shape.nullable == nullable


def test_describe_gives_bounds_choices_and_item_models() -> None:
    places = describe(Proposal, "general.places")
    assert places.minimum == 0 and places.maximum is not None and places.maximum > 1000
    assert describe(Proposal, "academic.assessments[].weight").maximum == 100
    assert describe(Proposal, "staff[].role").choices == (
        "coordinator",
        "teacher",
        "tutor",
        "support",
        "administrative",
    )
    assert describe(Proposal, "self_assessment.entries[].rating").choices == (1, 2, 3, 4)
    assert describe(Proposal, "certified.learning_outcomes").item_model is LearningOutcome
    assert describe(Proposal, "rights[abc].title") == describe(Proposal, "rights[].title")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("general.nope", "has no field 'nope'"),
        ("general.title.length", "has no fields below it"),
        ("rights.title", "has no fields below it"),
        ("general.title[]", "not a list of items"),
        ("general.keywords[].x", "not a list of items"),
        ("general..title", "malformed"),
    ],
)
def test_describe_refuses_paths_that_name_nothing(path: str, message: str) -> None:
    with pytest.raises(PathError, match=message):
        describe(Proposal, path)
