"""Facts of the offer that the issuer states: no limit on places, the maximum duration, an
assessment's own mode and title; from the form to the documents and the credential."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import ValidationError

from mcdesigner.checks import run
from mcdesigner.credential import to_elm
from mcdesigner.export import export_document
from mcdesigner.formdefs import default_forms
from mcdesigner.model.proposal import Assessment, Duration, Proposal
from test_credential_support import ASSESSMENT, complete_proposal, requires_reference, validate_elm
from test_export_support import docx_text, pdf_text, squash

BLENDED = "http://data.europa.eu/snb/learning-assessment/e92d221e4d"
ONLINE = "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
WRITTEN_EXAM = f"{ASSESSMENT}b1b68f6735"


def stated_offer() -> Proposal:
    """Unlimited places, one month at most, an online exam inside a blended course."""
    proposal = complete_proposal()
    proposal.general.places_limit = "unlimited"
    proposal.general.maximum_duration = Duration(amount=1, unit="months")
    proposal.certified.modes = [BLENDED]
    proposal.certified.assessment_types = [WRITTEN_EXAM]
    proposal.academic.assessments = [
        Assessment(
            id="exam", title="Final online exam", method=WRITTEN_EXAM, mode=ONLINE, weight=100
        )
    ]
    return proposal


def _claim(document: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = document["credentialSubject"]["hasClaim"]
    return claim


# -- model and forms ---------------------------------------------------------------------
def test_the_duration_reads_as_iso_8601_once_both_parts_are_given() -> None:
    assert Duration(amount=1, unit="months").iso == "P1M"
    assert Duration(amount=3, unit="weeks").iso == "P3W"
    assert Duration(amount=10, unit="days").iso == "P10D"
    assert Duration(amount=2, unit="years").iso == "P2Y"
    assert Duration(amount=2).iso is None
    assert Duration(unit="days").iso is None
    with pytest.raises(ValidationError):
        Duration(amount=0, unit="days")
    with pytest.raises(ValidationError):
        Duration(amount=1, unit="fortnights")


def test_places_are_limited_unless_stated_otherwise() -> None:
    assert Proposal().general.places_limit == "limited"
    with pytest.raises(ValidationError):
        Proposal().general.places_limit = "unknown"  # type: ignore[assignment]
    with pytest.raises(ValidationError):
        Proposal().academic.assessments = [Assessment(id="a", mode="online")]


def test_the_forms_offer_each_fact_with_its_choices() -> None:
    forms = default_forms()
    limit = forms.field("general.places_limit")
    unit = forms.field("general.maximum_duration.unit")
    amount = forms.field("general.maximum_duration.amount")
    mode = forms.field("academic.assessments[].mode")
    assert limit is not None and unit is not None and amount is not None and mode is not None
    assert dict(limit.choices) == {"limited": "A set number of places", "unlimited": "No limit"}
    assert [label for _value, label in unit.choices] == ["Days", "Weeks", "Months", "Years"]
    assert "credential" in amount.feeds
    assert mode.vocabulary == "learning-assessment"
    proposal = stated_offer()
    assert not forms.is_visible(proposal, "general.places")
    proposal.general.places_limit = "limited"
    assert forms.is_visible(proposal, "general.places")


# -- checks ------------------------------------------------------------------------------
def _codes(proposal: Proposal, path: str) -> set[str]:
    return {i.rule for i in run(proposal) if i.path == path}


def test_a_number_of_places_contradicts_no_limit() -> None:
    proposal = stated_offer()
    assert "places.unlimited-with-number" not in _codes(proposal, "general.places_limit")
    proposal.general.places = 30
    assert "places.unlimited-with-number" in _codes(proposal, "general.places_limit")
    proposal.general.places_limit = "limited"
    assert "places.unlimited-with-number" not in _codes(proposal, "general.places_limit")


def test_a_duration_needs_its_number_and_its_unit() -> None:
    proposal = stated_offer()
    proposal.general.maximum_duration = Duration(amount=2)
    assert "duration.complete" in _codes(proposal, "general.maximum_duration.unit")
    proposal.general.maximum_duration = Duration(unit="weeks")
    assert "duration.complete" in _codes(proposal, "general.maximum_duration.amount")
    proposal.general.maximum_duration = Duration(amount=2, unit="weeks")
    assert not _codes(proposal, "general.maximum_duration.amount")


# -- credential ---------------------------------------------------------------------------
def test_the_credential_carries_the_stated_duration_and_the_assessments_own_title_and_mode() -> (
    None
):
    document = to_elm(stated_offer())
    claim = _claim(document)
    assert claim["specifiedBy"]["maximumDuration"] == "P1M"
    spec = claim["provenBy"]["specifiedBy"]
    assert spec["title"] == {"en": "Final online exam"}
    assert [m["id"] for m in spec["mode"]] == [ONLINE]
    assert claim["provenBy"]["title"] == {"en": "Final online exam"}
    assert [m["id"] for m in claim["specifiedBy"]["mode"]] == [BLENDED]
    requires_reference()
    assert validate_elm(document) == []


def test_components_without_a_mode_of_their_own_take_the_courses() -> None:
    proposal = stated_offer()
    proposal.academic.assessments.append(
        Assessment(id="essay", title="Essay", method=f"{ASSESSMENT}3484bd7e51", weight=0)
    )
    spec = _claim(to_elm(proposal))["provenBy"]["specifiedBy"]
    modes = {p["title"]["en"]: [m["id"] for m in p["mode"]] for p in spec["hasPart"]}
    assert modes == {"Final online exam": [ONLINE], "Essay": [BLENDED]}


# -- documents ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder: Path = tmp_path_factory.mktemp("offer")
    proposal = stated_offer()
    read = {"docx": docx_text, "pdf": pdf_text}
    texts = {}
    for fmt in ("docx", "pdf"):
        out = export_document(proposal, document="proposal", fmt=fmt, out=folder / f"p.{fmt}")
        texts[fmt] = squash(read[fmt](out))
    return texts


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_documents_show_each_stated_fact(documents: dict[str, str], fmt: str) -> None:
    text = documents[fmt]
    assert squash("Limit on places") + squash("No limit") in text
    assert squash("Number of places") not in text  # not "Not provided": it does not apply
    assert squash("Maximum duration") + "1" in text
    assert squash("Unit of the maximum duration") + "Months" in text
    # The assessment table: component, method, its own mode, weight.
    assert squash("Component Method Mode Weight (%)") in text
    assert squash("Final online exam quiz Online 100%") in text


# -- where, when and on what condition ---------------------------------------------------
def described_offer() -> Proposal:
    proposal = stated_offer()
    proposal.general.period = "Second semester 2026/27"
    proposal.general.venue = "Gijón campus, Polytechnic School"
    proposal.general.city = "Gijón"
    proposal.certified.award_condition = "Awarded on passing the final online exam."
    proposal.certified.partial_qualification = True
    return proposal


def test_the_credential_says_where_when_and_on_what_condition_it_is_awarded() -> None:
    document = to_elm(described_offer())
    claim = _claim(document)
    qualification = claim["specifiedBy"]
    assert qualification["isPartialQualification"] is True
    assert claim["awardedBy"]["description"] == {"en": "Awarded on passing the final online exam."}
    [opportunity] = qualification["awardingOpportunity"]
    assert opportunity["temporal"]["prefLabel"] == {"en": "Second semester 2026/27"}
    assert opportunity["temporal"]["startDate"].startswith("2026-05-10")
    location = opportunity["location"]
    assert location["geographicName"] == {"en": "Gijón campus, Polytechnic School"}
    assert location["address"]["fullAddress"]["noteLiteral"] == {"en": "Gijón"}
    assert location["address"]["countryCode"]["id"].endswith("/ESP")
    requires_reference()
    assert validate_elm(document) == []


def test_a_whole_qualification_and_an_unstated_condition_stay_out_of_the_credential() -> None:
    claim = _claim(to_elm(stated_offer()))
    assert "isPartialQualification" not in claim["specifiedBy"]
    assert "description" not in claim["awardedBy"]
    assert "location" not in claim["specifiedBy"]["awardingOpportunity"][0]


def test_the_descriptive_facts_are_translated_texts_of_the_offer() -> None:
    forms = default_forms()
    for path in ("general.period", "general.venue", "certified.award_condition"):
        field = forms.field(path)
        assert field is not None and field.translated, path
    city = forms.field("general.city")
    partial = forms.field("certified.partial_qualification")
    assert city is not None and not city.translated
    assert partial is not None and partial.on_credential


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_documents_show_where_when_and_on_what_condition(
    tmp_path: Path, fmt: Literal["docx", "pdf"]
) -> None:
    out = export_document(
        described_offer(), document="proposal", fmt=fmt, out=tmp_path / f"p.{fmt}"
    )
    text = squash(docx_text(out) if fmt == "docx" else pdf_text(out))
    for label, value in (
        ("Period", "Second semester 2026/27"),
        ("Venue or campus", "Gijón campus, Polytechnic School"),
        ("City", "Gijón"),
        ("Condition for the award", "Awarded on passing the final online exam."),
        ("Partial qualification", "Yes"),
    ):
        assert squash(label + value) in text, label


# -- activity dates -----------------------------------------------------------------------
def dated_offer() -> Proposal:
    proposal = stated_offer()
    proposal.academic.activities[0].start_date = dt.date(2026, 5, 12)
    proposal.academic.activities[0].end_date = dt.date(2026, 6, 2)
    return proposal


def test_an_activity_is_dated_within_the_edition() -> None:
    proposal = dated_offer()
    first = f"academic.activities[{proposal.academic.activities[0].id}]"
    assert "dates.activity-in-edition" not in _codes(proposal, f"{first}.end_date")
    proposal.academic.activities[0].end_date = dt.date(2026, 5, 1)
    assert "dates.activity-in-edition" in _codes(proposal, f"{first}.end_date")
    proposal.academic.activities[0].end_date = dt.date(2026, 7, 15)
    assert "dates.activity-in-edition" in _codes(proposal, f"{first}.end_date")
    proposal.academic.activities[0].start_date = dt.date(2026, 4, 1)
    assert "dates.activity-in-edition" in _codes(proposal, f"{first}.start_date")


def test_the_credential_dates_an_activity_in_a_note() -> None:
    document = to_elm(dated_offer())
    activities = _claim(document)["specifiedBy"]["influencedBy"]
    notes = [n["noteLiteral"]["en"] for a in activities for n in a.get("additionalNote", [])]
    assert notes == ["From 2026-05-12 to 2026-06-02."]
    requires_reference()
    assert validate_elm(document) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_documents_show_an_activitys_dates(tmp_path: Path, fmt: Literal["docx", "pdf"]) -> None:
    out = export_document(dated_offer(), document="proposal", fmt=fmt, out=tmp_path / f"p.{fmt}")
    text = squash(docx_text(out) if fmt == "docx" else pdf_text(out))
    assert squash("Start date / End date") in text
    assert squash("12 May 2026") in text and squash("2 June 2026") in text


# -- national qualifications framework level -------------------------------------------------
def test_a_national_level_with_its_register_address_is_a_named_concept() -> None:
    proposal = stated_offer()
    proposal.certified.national_level = "MECES 2"
    proposal.certified.national_level_uri = "http://data.europa.eu/snb/qdr/c_6422359b"
    document = to_elm(proposal)
    qualification = _claim(document)["specifiedBy"]
    assert qualification["nqfLevel"]["id"] == "http://data.europa.eu/snb/qdr/c_6422359b"
    assert qualification["nqfLevel"]["prefLabel"] == {"en": "MECES 2"}
    notes = [n["noteLiteral"]["en"] for n in qualification.get("additionalNote", [])]
    assert not any("National qualifications framework" in n for n in notes)
    requires_reference()
    assert validate_elm(document) == []


def test_a_national_level_outside_the_register_stays_a_note_with_its_address() -> None:
    proposal = stated_offer()
    proposal.certified.national_level = "MECES 2"
    proposal.certified.national_level_uri = "https://www.example.es/meces/2"
    qualification = _claim(to_elm(proposal))["specifiedBy"]
    assert "nqfLevel" not in qualification
    notes = [n["noteLiteral"]["en"] for n in qualification["additionalNote"]]
    assert (
        "National qualifications framework level: MECES 2 (https://www.example.es/meces/2)" in notes
    )
    with pytest.raises(ValidationError):
        proposal.certified.national_level_uri = "not an address"


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_documents_show_the_national_levels_address(
    tmp_path: Path, fmt: Literal["docx", "pdf"]
) -> None:
    proposal = stated_offer()
    proposal.certified.national_level_uri = "http://data.europa.eu/snb/qdr/c_6422359b"
    out = export_document(proposal, document="proposal", fmt=fmt, out=tmp_path / f"p.{fmt}")
    text = squash(docx_text(out) if fmt == "docx" else pdf_text(out))
    assert squash("Address of the national level") in text
    assert "c_6422359b" in text
