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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Translator = Callable[[str, str], str]
PluralTranslator = Callable[[str, str, int], str | None]

_translator: Translator = lambda context, text: text  # noqa: E731
_plural: PluralTranslator = lambda singular, plural, n: None  # noqa: E731
_language = "en"
_listeners: list[Callable[[], None]] = []
# A translator for the current thread or task only (a document written in another
# language than the window's, in a background job), over the one installed for all.
_scoped: ContextVar[tuple[Translator, PluralTranslator, str] | None] = ContextVar(
    "mcdesigner_translator", default=None
)


def current_language() -> str:
    """The code of the language texts are translated into (``en``: the sources)."""
    scoped = _scoped.get()
    return scoped[2] if scoped is not None else _language


def tr(text: str, context: str = "mcdesigner") -> str:
    """Translate ``text`` (English source) for display; ``context`` groups related strings."""
    scoped = _scoped.get()
    return (scoped[0] if scoped is not None else _translator)(context, text)


def tr_n(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n`` (``{n}`` in it is not filled in here).

    ``tr_n("{n} error", "{n} errors", count).format(n=count)``.
    """
    scoped = _scoped.get()
    translated = (scoped[1] if scoped is not None else _plural)(singular, plural, n)
    if translated is not None:
        return translated
    return singular if n == 1 else plural


@contextmanager
def translator_scope(
    translator: Translator, plural: PluralTranslator, language: str
) -> Iterator[None]:
    """Translate into ``language`` with ``translator`` in this thread (or task) until the
    block ends."""
    token = _scoped.set((translator, plural, language))
    try:
        yield
    finally:
        _scoped.reset(token)


def N_(text: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark ``text`` for translation where it is declared; :func:`tr` translates it later."""
    return text


def install_translator(
    translator: Translator, plural: PluralTranslator | None = None, language: str = ""
) -> None:
    """Route every :func:`tr` call through ``translator(context, text)``.

    ``language`` names the language it translates into (kept when empty).
    """
    global _translator, _plural, _language
    _translator = translator
    _plural = plural or (lambda singular, plural_text, n: None)
    _language = language or _language
    for listener in list(_listeners):
        listener()


def on_language_change(listener: Callable[[], None]) -> None:
    """Call ``listener`` after a new translator is installed (caches of translated texts)."""
    _listeners.append(listener)
