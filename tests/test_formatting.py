"""One formatter for numbers, percentages, money and dates, in English and in Spanish."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from decimal import Decimal

import pytest

from mcdesigner.formatting import formatter, set_default_locale

NBSP = "\u00a0"
EN = formatter("en")
ES = formatter("es")


def test_numbers_have_group_separators_and_no_needless_decimals() -> None:
    assert EN.number(1200) == "1,200"
    assert EN.number(1200.0) == "1,200"
    assert EN.number(6.0) == "6"
    assert EN.number(12.5) == "12.5"
    assert EN.number(12.345) == "12.34"
    assert EN.number(Decimal("1234567.5")) == "1,234,567.5"
    assert EN.number(-0.001) == "0"
    assert EN.number(2, decimals=2) == "2.00"
    assert ES.number(1200) == "1.200"
    assert ES.number(12.5) == "12,5"
    assert ES.number(Decimal("3762.5"), decimals=2) == "3.762,50"


def test_percent_money_and_yes_no() -> None:
    assert EN.percent(40) == "40%"
    assert EN.percent(12.5) == "12.5%"
    assert ES.percent(40.0) == f"40{NBSP}%"
    assert EN.money(Decimal("1250"), "EUR") == "1,250.00 EUR"
    assert EN.money(Decimal("-3762.51"), "EUR") == "-3,762.51 EUR"
    assert EN.money(Decimal("5"), "") == "5.00"
    assert ES.money(Decimal("3762.5"), "EUR") == f"3.762,50{NBSP}€"
    assert EN.boolean(True) == "Yes" and EN.boolean(False) == "No"


def test_dates_long_short_and_with_time() -> None:
    day = dt.date(2026, 5, 10)
    assert EN.date(day) == "10 May 2026"
    assert ES.date(day) == "10 de mayo de 2026"
    assert EN.short_date(dt.date(2026, 5, 1)) == "2026-05-01"
    assert ES.short_date(dt.date(2026, 5, 1)) == "01/05/2026"
    moment = dt.datetime(2026, 5, 10, 16, 3, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert EN.datetime(moment) == "10 May 2026, 14:03 UTC"
    assert ES.datetime(dt.datetime(2026, 5, 10, 14, 3)) == "10 de mayo de 2026, 14:03 UTC"


def test_times_in_lists_are_short_and_local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Madrid")
    time.tzset()
    try:
        moment = dt.datetime(2026, 5, 3, 8, 15, tzinfo=dt.UTC)
        assert EN.short_datetime(moment) == "2026-05-03 10:15"
        assert ES.short_datetime(moment) == "03/05/2026 10:15"
        assert EN.short_datetime(moment.replace(tzinfo=None)) == "2026-05-03 10:15"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_empty_values_give_empty_text() -> None:
    for fmt in (EN, ES):
        assert fmt.number(None) == fmt.percent(None) == fmt.money(None, "EUR") == ""
        assert fmt.date(None) == fmt.short_date(None) == fmt.datetime(None) == ""
        assert fmt.boolean(None) == fmt.short_datetime(None) == ""


@pytest.mark.parametrize(
    ("text", "integer", "expected"),
    [
        ("1,200", False, Decimal("1200")),
        ("1,200", True, Decimal("1200")),
        ("1,200.50", False, Decimal("1200.50")),
        ("2,5", False, Decimal("2.5")),  # the other decimal mark is understood
        ("120,50", False, Decimal("120.50")),
        ("12 345", True, Decimal("12345")),
        ("-3", True, Decimal("-3")),
        (".5", False, Decimal("0.5")),
    ],
)
def test_english_numbers_read_back(text: str, integer: bool, expected: Decimal) -> None:
    assert EN.parse_number(text, integer=integer) == expected


@pytest.mark.parametrize(
    ("text", "integer", "message"),
    [
        ("150,50", True, "separator in the wrong place"),
        ("1,20", True, "separator in the wrong place"),
        ("1,2,3", False, "separator in the wrong place"),
        ("12.5", True, "whole number"),
        ("12.5.1", False, "not a number"),
        ("x", False, "not a number"),
        ("-", False, "not a number"),
    ],
)
def test_english_numbers_refused(text: str, integer: bool, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        EN.parse_number(text, integer=integer)


def test_spanish_numbers_read_back_and_refused() -> None:
    assert ES.parse_number("1.200", integer=True) == Decimal("1200")
    assert ES.parse_number("3.762,50") == Decimal("3762.50")
    assert ES.parse_number("2.5") == Decimal("2.5")
    with pytest.raises(ValueError, match="whole number"):
        ES.parse_number("150,50", integer=True)
    with pytest.raises(ValueError, match="wrong place"):
        ES.parse_number("1.20,5")


def test_dates_read_back_as_iso_or_the_short_form() -> None:
    day = dt.date(2026, 5, 10)
    assert EN.parse_date("2026-05-10") == day
    assert ES.parse_date("10/05/2026") == day
    assert ES.parse_date(" 2026-05-10 ") == day
    with pytest.raises(ValueError, match=r"not a date\. Enter it as 2026-09-01\.$"):
        EN.parse_date("10/05/2026")
    with pytest.raises(ValueError, match="01/09/2026"):
        ES.parse_date("31/02/2026")


@pytest.fixture
def spanish_default() -> Iterator[None]:
    set_default_locale("es")
    yield
    set_default_locale("en")


def test_the_default_locale_is_english_and_can_be_changed(spanish_default: None) -> None:
    assert formatter().locale == "es"
    assert formatter().number(1200) == "1.200"
    assert formatter("en") is EN


def test_an_unknown_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown language"):
        formatter("xx_NOWHERE")
