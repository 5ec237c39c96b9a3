"""The :class:`Formatter` of one locale, and the process-wide default locale.

Numbers, percentages and money use the locale's CLDR symbols and grouping; dates use its
month names. English keeps the forms the app has always printed ("1,250.00 EUR",
"10 May 2026", ISO short dates); other languages use their CLDR standard patterns, with a
four-digit year in short dates so that they can be read back.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.numbers import NumberPattern

from mcdesigner.formatting.parsing import parse_date_text, parse_number_text
from mcdesigner.i18n import tr

DEFAULT_LOCALE = "en"

#: Decimals shown when the caller does not ask for a number of them.
_MAX_DECIMALS = 2


@dataclass(frozen=True)
class _Patterns:
    """Patterns a language uses instead of the CLDR standard ones (None keeps CLDR)."""

    money: str | None = None
    date: str | None = None
    short_date: str | None = None


#: By language. English keeps the app's established forms; Spanish reads CLDR's long date
#: ("10 de mayo de 2026") and money ("3.762,50 €") and a four-digit short date.
_BY_LANGUAGE = {
    "en": _Patterns(money="#,##0.00 ¤¤", date="d MMMM y", short_date="yyyy-MM-dd"),
    "es": _Patterns(short_date="dd/MM/yyyy"),
}


def _with_fraction(pattern: NumberPattern, low: int, high: int) -> NumberPattern:
    changed = copy.copy(pattern)
    changed.frac_prec = (low, high)
    return changed


def _decimal(value: int | float | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(value))  # the shortest text that reads back as the same float


@dataclass(frozen=True)
class Formatter:
    """Formats and parses values for one locale (``"en"``, ``"es"``, ``"es_ES"`` ...).

    Empty values (``None``) give ``""``: callers choose their own placeholder.
    """

    locale: str
    _babel: Locale = field(init=False, repr=False, compare=False)
    _patterns: _Patterns = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            parsed = Locale.parse(self.locale.replace("-", "_"))
        except (UnknownLocaleError, ValueError) as error:
            raise ValueError(
                tr("Unknown language or region: {locale}").format(locale=self.locale)
            ) from error
        object.__setattr__(self, "_babel", parsed)
        object.__setattr__(self, "_patterns", _BY_LANGUAGE.get(parsed.language, _Patterns()))

    # -- numbers -------------------------------------------------------------------------
    def number(self, value: int | float | Decimal | None, *, decimals: int | None = None) -> str:
        """``1,200``, ``12.5``; at most two decimals, or exactly ``decimals`` of them."""
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.boolean(value)
        low, high = (0, _MAX_DECIMALS) if decimals is None else (decimals, decimals)
        number = self._rounded(_decimal(value), high)
        pattern = _with_fraction(self._babel.decimal_formats[None], low, high)
        return str(pattern.apply(number, self._babel))

    def percent(self, value: int | float | Decimal | None) -> str:
        """``value`` already in percent: 40 -> ``40%`` (English), ``40 %`` (Spanish)."""
        if value is None:
            return ""
        number = self._rounded(_decimal(value), _MAX_DECIMALS) / 100
        pattern = _with_fraction(self._babel.percent_formats[None], 0, _MAX_DECIMALS)
        return str(pattern.apply(number, self._babel))

    def money(self, value: Decimal | int | float | None, currency: str) -> str:
        """``1,250.00 EUR`` (English), ``3.762,50 €`` (Spanish); two decimals always."""
        if value is None:
            return ""
        if not currency:
            return self.number(value, decimals=2)
        amount = self._rounded(_decimal(value), 2)
        pattern = self._patterns.money or self._babel.currency_formats["standard"]
        return babel_numbers.format_currency(
            amount, currency, pattern, locale=self._babel, currency_digits=False
        )

    @staticmethod
    def _rounded(number: Decimal, places: int) -> Decimal:
        if not number.is_finite():
            return number
        rounded = round(number, places)
        return abs(rounded) if rounded.is_zero() else rounded  # never "-0"

    # -- dates ---------------------------------------------------------------------------
    def date(self, value: dt.date | None) -> str:
        """The long form: ``10 May 2026``, ``10 de mayo de 2026``."""
        if value is None:
            return ""
        pattern = self._patterns.date or "long"
        return babel_dates.format_date(value, pattern, locale=self._babel)

    def short_date(self, value: dt.date | None) -> str:
        """The numeric form: ``2026-05-10`` (English), ``10/05/2026`` (Spanish)."""
        if value is None:
            return ""
        return babel_dates.format_date(value, self._short_pattern, locale=self._babel)

    def datetime(self, value: dt.datetime | None) -> str:
        """``10 May 2026, 14:03 UTC`` (a value without a time zone is taken as UTC)."""
        if value is None:
            return ""
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        time = babel_dates.format_time(value.time(), "HH:mm", locale=self._babel)
        return tr("{date}, {time} UTC").format(date=self.date(value.date()), time=time)

    def short_datetime(self, value: dt.datetime | None) -> str:
        """``2026-05-03 10:15`` on this computer's clock (a value without a zone is UTC).

        For lists of times (when a proposal changed, when a comment was written).
        """
        if value is None:
            return ""
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        local = value.astimezone()
        time = babel_dates.format_time(local.time(), "HH:mm", locale=self._babel)
        return f"{self.short_date(local.date())} {time}"

    @property
    def _short_pattern(self) -> str:
        return self._patterns.short_date or str(self._babel.date_formats["short"].pattern)

    # -- other values --------------------------------------------------------------------
    def boolean(self, value: bool | None) -> str:
        """``Yes`` / ``No``."""
        if value is None:
            return ""
        return tr("Yes") if value else tr("No")

    # -- reading typed text back ---------------------------------------------------------
    def parse_number(self, text: str, *, integer: bool = False) -> Decimal:
        """The number typed as ``text``; raises :class:`ValueError` with a message to show.

        The locale's decimal mark and group separator are understood, and the other of
        ``.`` and ``,`` is taken as a decimal mark where it cannot be a group separator
        ("2,5" in English). A separator is never dropped silently: "1,20" and, in a
        whole-number field, "150,50" are refused.
        """
        return parse_number_text(
            text,
            decimal_mark=babel_numbers.get_decimal_symbol(self._babel),
            group_mark=babel_numbers.get_group_symbol(self._babel),
            integer=integer,
            example=self.number(Decimal("1200") if integer else Decimal("12.5")),
        )

    def parse_date(self, text: str) -> dt.date:
        """A date typed as ISO 8601 (``2026-05-10``) or in the locale's short form."""
        return parse_date_text(
            text, order=_field_order(self._short_pattern), example=self.short_date(_EXAMPLE)
        )


_EXAMPLE = dt.date(2026, 9, 1)


def _field_order(pattern: str) -> str:
    """``"dmy"`` for ``dd/MM/yyyy``: the order of day, month and year in ``pattern``."""
    seen = re.sub(r"'[^']*'", "", pattern)
    positions = {letter: seen.find(letter) for letter in "dMy"}
    return "".join(sorted("dMy", key=lambda letter: positions[letter])).lower()


_default = DEFAULT_LOCALE


@functools.cache
def _cached(locale: str) -> Formatter:
    return Formatter(locale)


# A default locale for the current thread or task only (see :func:`locale_scope`).
_scoped: ContextVar[str | None] = ContextVar("mcdesigner_locale", default=None)


def formatter(locale: str | None = None) -> Formatter:
    """The formatter of ``locale`` (the current default locale when None); cached."""
    return _cached(locale or _scoped.get() or _default)


def set_default_locale(locale: str) -> None:
    """Make ``locale`` the default of :func:`formatter` (raises ValueError if unknown)."""
    global _default
    _cached(locale)
    _default = locale


def current_locale() -> str:
    """The locale :func:`formatter` uses when given none."""
    return _scoped.get() or _default


@contextmanager
def locale_scope(locale: str) -> Iterator[None]:
    """Format in ``locale`` in this thread (or task) until the block ends."""
    _cached(locale)
    token = _scoped.set(locale)
    try:
        yield
    finally:
        _scoped.reset(token)
