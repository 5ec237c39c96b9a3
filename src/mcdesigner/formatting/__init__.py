"""One formatter for numbers, percentages, money, dates and yes/no, per locale.

Every place that shows a value to a person (the editor, the checks' messages, the
documents, the command line, the compare view) formats it through :func:`formatter`, so
1200 reads "1,200" everywhere and a date reads the same in a message and in a document.
Separators, grouping, currency placement and month names come from CLDR through Babel.
Pure code (no Qt).
"""

from __future__ import annotations

from mcdesigner.formatting.formatter import (
    DEFAULT_LOCALE,
    Formatter,
    current_locale,
    formatter,
    locale_scope,
    set_default_locale,
)

__all__ = [
    "DEFAULT_LOCALE",
    "Formatter",
    "current_locale",
    "formatter",
    "locale_scope",
    "set_default_locale",
]
