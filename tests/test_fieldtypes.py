"""The built-in field types: what the model marks, what they read and write, their hints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

import pytest
from pydantic import AfterValidator, BaseModel

from mcdesigner.fieldtypes import (
    BUILT_IN,
    DATE,
    EMAIL,
    INT,
    LONGTEXT,
    MONEY,
    TEXT,
    FieldType,
    UnknownFieldType,
    Widget,
    check_email,
    field_type,
    register,
    registered,
)
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import default_forms
from mcdesigner.formdefs.values import field_text, value_text
from mcdesigner.model.fieldpath import FieldShape, describe, shape_of
from mcdesigner.model.proposal import Proposal

SPANISH = formatter("es_ES")
ENGLISH = formatter("en")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("general.title", "text"),
        ("general.description", "longtext"),
        ("certified.learning_outcomes[].text", "longtext"),
        ("general.contact.email", "email"),
        ("general.registration_link", "link"),
        ("general.places", "int"),
        ("certified.ects_credits", "float"),
        ("academic.assessments[].weight", "percent"),
        ("general.fee", "money"),
        ("general.start_date", "date"),
        ("academic.activities[].taught", "bool"),
        ("certified.eqf_level", "concept"),
        ("general.languages", "concepts"),
        ("general.keywords", "texts"),
        ("academic.assessments[].outcome_ids", "refs"),
    ],
)
def test_the_model_marks_each_value_with_its_type(path: str, kind: str) -> None:
    assert describe(Proposal, path).kind == kind
    assert field_type(kind).name == kind


def test_the_kind_is_the_declared_type_not_the_validator_attached() -> None:
    class Contact(BaseModel):
        marked: Annotated[str, EMAIL, AfterValidator(check_email)] = ""
        unmarked: Annotated[str, AfterValidator(check_email)] = ""

    marked = Contact.model_fields["marked"]
    unmarked = Contact.model_fields["unmarked"]
    assert shape_of(marked.annotation, list(marked.metadata)).kind == "email"
    assert shape_of(unmarked.annotation, list(unmarked.metadata)).kind == "text"


def test_every_built_in_type_is_registered_and_offers_a_default_widget() -> None:
    assert set(BUILT_IN) <= set(registered())
    for kind in BUILT_IN:
        assert kind.default_hint in kind.widgets
        assert kind.widget(None) is kind.widgets[kind.default_hint]
        assert ":" in kind.widget(None).editor


def test_hints_are_checked_against_what_the_type_offers() -> None:
    assert LONGTEXT.hint_problem("line") is None
    inert = LONGTEXT.hint_problem("multiline")
    assert inert == "widget 'multiline' is what a longtext field shows anyway: remove the line"
    unknown = TEXT.hint_problem("tags")
    assert unknown == "widget 'tags' is not allowed for a text field (allowed: line, esco_skill)"


def test_a_second_type_of_the_same_name_is_refused() -> None:
    twin = FieldType(name="text", description="twin", widgets={"line": Widget("x:y")})
    with pytest.raises(ValueError, match="already registered"):
        register(twin)
    assert field_type("text") is TEXT


def test_a_type_must_refine_a_registered_kind() -> None:
    stray = FieldType(
        name="stray", description="stray", widgets={"line": Widget("x:y")}, refines="colour"
    )
    with pytest.raises(ValueError, match="'colour', which is not registered"):
        register(stray)
    with pytest.raises(UnknownFieldType):
        field_type("stray")


def test_a_type_offers_at_least_one_widget() -> None:
    with pytest.raises(ValueError, match="offers no widget"):
        FieldType(name="bare", description="bare", widgets={})


def test_numbers_and_dates_are_read_in_the_users_locale() -> None:
    assert INT.parse is not None and MONEY.parse is not None and DATE.parse is not None
    assert INT.parse("1.200", SPANISH) == 1200
    assert INT.parse("1,200", ENGLISH) == 1200
    with pytest.raises(ValueError, match="whole number"):
        INT.parse("150,50", SPANISH)  # never silently 15050
    assert MONEY.parse("3.762,50", SPANISH) == Decimal("3762.50")
    assert DATE.parse("01/02/2027", SPANISH) == dt.date(2027, 2, 1)
    assert INT.parse("  ", SPANISH) is None


def test_the_email_type_refuses_what_is_no_address() -> None:
    assert EMAIL.problem("ana@uniovi.es") is None
    assert EMAIL.problem("") is None
    assert EMAIL.problem("ana at uniovi") == (
        "'ana at uniovi' is not an e-mail address (expected name@example.org)"
    )


def test_values_read_as_their_type_writes_them() -> None:
    forms = default_forms()
    weight = forms.field("academic.assessments[].weight")
    fee = forms.field("general.fee")
    languages = forms.field("general.languages")
    taught = forms.field("academic.activities[].taught")
    assert weight is not None and fee is not None and languages is not None
    assert taught is not None
    assert field_text(weight, 40.0, fmt=SPANISH) == "40\u00a0%"
    assert field_text(fee, Decimal("3762.5"), fmt=SPANISH, currency="EUR") == "3.762,50\u00a0€"
    assert field_text(fee, Decimal("3762.5"), fmt=ENGLISH, currency="EUR") == "3,762.50 EUR"
    assert field_text(languages, ["SPA", "ENG"], separator=" / ") == "Spanish / English"
    assert field_text(taught, True) == "Yes"
    first_of_february = dt.date(2027, 2, 1)
    assert value_text(FieldShape("date"), first_of_february, fmt=SPANISH) == "1 de febrero de 2027"
    assert value_text(FieldShape("text"), "") == ""
