"""Translations: the catalogs of each language, and switching the language in use.

One mechanism serves the whole application: gettext catalogs (``resources/locale/<lang>/
*.po``, read with Babel) hold the translations of the window, the forms, the checks, the
documents and the command line. :func:`use_language` installs a language's catalog for
:func:`mcdesigner.i18n.tr` and sets the formatter's locale; the window's Qt translator
(:mod:`mcdesigner.ui.translation`) answers Qt's own ``tr()`` from the same catalog.
Pure code: no Qt.
"""

from __future__ import annotations

from mcdesigner.formatting import set_default_locale
from mcdesigner.i18n import install_translator
from mcdesigner.translations.catalog import (
    SOURCE_LANGUAGE,
    Catalog,
    load_catalog,
    locale_dir,
)
from mcdesigner.translations.languages import (
    ENVIRONMENT_VARIABLE,
    UnknownLanguage,
    available_languages,
    language_name,
    resolve_language,
    system_language,
)

_current: Catalog | None = None


def use_language(language: str) -> list[str]:
    """Show every text in ``language`` from now on; returns the catalogs' problems."""
    global _current
    catalog = load_catalog(language) if language != SOURCE_LANGUAGE else Catalog(language)
    _current = catalog
    set_default_locale(language)
    install_translator(catalog.translate, catalog.plural)
    return list(catalog.problems)


def current_catalog() -> Catalog | None:
    """The catalog in use (None before :func:`use_language` was called)."""
    return _current


def current_language() -> str:
    """The code of the language in use."""
    return _current.language if _current is not None else SOURCE_LANGUAGE


__all__ = [
    "ENVIRONMENT_VARIABLE",
    "SOURCE_LANGUAGE",
    "Catalog",
    "UnknownLanguage",
    "available_languages",
    "current_catalog",
    "current_language",
    "language_name",
    "load_catalog",
    "locale_dir",
    "resolve_language",
    "system_language",
    "use_language",
]
