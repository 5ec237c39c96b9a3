"""The one place user-facing text goes through, so it can be translated.

Pure code calls :func:`tr` for every message a user may read, :func:`tr_n` for a message
whose wording depends on a number ("1 error", "3 errors"), and marks texts that are
translated later (a rule's title, a status name) with :func:`N_` so the message
extractor finds them. By default the English source is returned unchanged;
:func:`mcdesigner.translations.use_language` installs the catalog of the chosen
language, which the window's Qt translator reads as well, so the window, the core and
the command line share one set of translations.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]
PluralTranslator = Callable[[str, str, int], str | None]

_translator: Translator = lambda context, text: text  # noqa: E731
_plural: PluralTranslator = lambda singular, plural, n: None  # noqa: E731
_listeners: list[Callable[[], None]] = []


def tr(text: str, context: str = "mcdesigner") -> str:
    """Translate ``text`` (English source) for display; ``context`` groups related strings."""
    return _translator(context, text)


def tr_n(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n`` (``{n}`` in it is not filled in here).

    ``tr_n("{n} error", "{n} errors", count).format(n=count)``.
    """
    translated = _plural(singular, plural, n)
    if translated is not None:
        return translated
    return singular if n == 1 else plural


def N_(text: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark ``text`` for translation where it is declared; :func:`tr` translates it later."""
    return text


def install_translator(translator: Translator, plural: PluralTranslator | None = None) -> None:
    """Route every :func:`tr` call through ``translator(context, text)``."""
    global _translator, _plural
    _translator = translator
    _plural = plural or (lambda singular, plural_text, n: None)
    for listener in list(_listeners):
        listener()


def on_language_change(listener: Callable[[], None]) -> None:
    """Call ``listener`` after a new translator is installed (caches of translated texts)."""
    _listeners.append(listener)
