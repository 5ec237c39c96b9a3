"""The one place user-facing text goes through, so it can be translated.

Pure code calls :func:`tr` for every message a user may read. By default it returns the
English text unchanged; the Qt application installs a translator that forwards to
``QCoreApplication.translate`` so Qt ``.qm`` translations apply to the core's messages too.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

_translator: Translator = lambda context, text: text  # noqa: E731


def tr(text: str, context: str = "mcdesigner") -> str:
    """Translate ``text`` (English source) for display; ``context`` groups related strings."""
    return _translator(context, text)


def install_translator(translator: Translator) -> None:
    """Route every :func:`tr` call through ``translator(context, text)``."""
    global _translator
    _translator = translator
