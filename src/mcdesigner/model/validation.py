"""Why the model refused a value, in the user's language.

Pydantic words its refusals in English ("Input should be greater than or equal to 10");
:func:`refusal` turns the first problem of a validation error into a translated sentence,
with numbers written by the user's formatter. The model's own checks (an e-mail address, a
web address, the order of two values) already raise translated messages; they pass through.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError

from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr


def _number(value: Any) -> str:
    try:
        return formatter().number(float(value))
    except (TypeError, ValueError):
        return str(value)


_MESSAGES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "greater_than_equal": lambda c: tr("Enter {limit} or more.").format(limit=_number(c["ge"])),
    "greater_than": lambda c: tr("Enter more than {limit}.").format(limit=_number(c["gt"])),
    "less_than_equal": lambda c: tr("Enter {limit} or less.").format(limit=_number(c["le"])),
    "less_than": lambda c: tr("Enter less than {limit}.").format(limit=_number(c["lt"])),
    "string_too_long": lambda c: tr("Shorten the text to at most {limit} characters.").format(
        limit=_number(c["max_length"])
    ),
    "too_long": lambda c: tr("A list holds at most {limit} entries.").format(
        limit=_number(c["max_length"])
    ),
    "decimal_max_places": lambda c: tr("Use at most {places} decimals.").format(
        places=c["decimal_places"]
    ),
    "string_pattern_mismatch": lambda c: tr("This value does not have the expected form."),
    "literal_error": lambda c: tr("Choose one of the values offered."),
    "int_parsing": lambda c: tr("Enter a whole number."),
    "int_from_float": lambda c: tr("Enter a whole number."),
    "float_parsing": lambda c: tr("Enter a number."),
    "decimal_parsing": lambda c: tr("Enter a number."),
    "finite_number": lambda c: tr("Enter a number."),
    "date_parsing": lambda c: tr("Enter a date."),
    "date_from_datetime_parsing": lambda c: tr("Enter a date."),
    "datetime_parsing": lambda c: tr("Enter a date and time."),
    "datetime_from_date_parsing": lambda c: tr("Enter a date and time."),
    "datetime_type": lambda c: tr("Enter a date and time."),
    "timezone_aware": lambda c: tr(
        "Give the date and time with its time zone (for example 2026-05-10T09:30:00+02:00)."
    ),
    "missing": lambda c: tr("This value is required."),
    "extra_forbidden": lambda c: tr("This is not a field MC Designer knows."),
    "bool_parsing": lambda c: tr("Enter yes or no."),
    "string_type": lambda c: tr("Enter a text."),
}


def refusal(error: ValidationError) -> str:
    """The first problem of ``error`` as a sentence for the user."""
    problems = error.errors()
    if not problems:
        return str(error)
    return problem_text(problems[0])


def problem_text(problem: Mapping[str, Any]) -> str:
    """One problem of a validation error (an item of ``error.errors()``) as a sentence."""
    kind = str(problem.get("type", ""))
    context = problem.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and "error" in context:
        message = str(context["error"])
    elif kind in _MESSAGES:
        try:
            message = _MESSAGES[kind](context)
        except KeyError:
            message = str(problem.get("msg", ""))
    else:
        message = str(problem.get("msg", ""))
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message[:1].upper() + message[1:]
