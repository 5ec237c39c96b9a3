"""Translations: the catalogs of each language, and switching the language in use.

One mechanism serves the whole application: gettext catalogs (``resources/locale/<lang>/
*.po``, read with Babel) hold the translations of the window, the forms, the checks, the
documents and the command line. :func:`use_language` installs a language's catalog for
:func:`mcdesigner.i18n.tr` and sets the formatter's locale; the window's Qt translator
(:mod:`mcdesigner.ui.translation`) answers Qt's own ``tr()`` from the same catalog.
Pure code: no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from mcdesigner.formatting import locale_scope, set_default_locale
from mcdesigner.i18n import current_language, install_translator, translator_scope
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

_catalogs: dict[str, Catalog] = {}


def catalog_for(language: str) -> Catalog:
    """The catalog of ``language``, read once (English has an empty one)."""
    if language not in _catalogs:
        _catalogs[language] = (
            load_catalog(language) if language != SOURCE_LANGUAGE else Catalog(language)
        )
    return _catalogs[language]


def use_language(language: str) -> list[str]:
    """Show every text in ``language`` from now on; returns the catalogs' problems."""
    catalog = catalog_for(language)
    set_default_locale(language)
    install_translator(catalog.translate, catalog.plural, language)
    return list(catalog.problems)


def choose_language(preferred: str = "") -> tuple[str, list[str]]:
    """The language to start in: ``MCDESIGNER_LANG`` (set by ``--lang`` too), else the
    preferred one, else the system's, else English; with the problems to tell the user
    (a language asked for that has no catalog)."""
    problems: list[str] = []
    available = available_languages()
    for code in (os.environ.get(ENVIRONMENT_VARIABLE, ""), preferred):
        if not code:
            continue
        try:
            return resolve_language(code), problems
        except UnknownLanguage as error:
            problems.append(str(error))
    system = system_language()
    return (system if system in available else SOURCE_LANGUAGE), problems


@contextmanager
def language_scope(language: str) -> Iterator[None]:
    """Texts, numbers and dates in ``language`` in this thread only, until the block ends.

    A document can so be written in Spanish while the window stays in English.
    """
    catalog = catalog_for(language)
    with translator_scope(catalog.translate, catalog.plural, language), locale_scope(language):
        yield


def current_catalog() -> Catalog:
    """The catalog of the language in use."""
    return catalog_for(current_language())


__all__ = [
    "ENVIRONMENT_VARIABLE",
    "SOURCE_LANGUAGE",
    "Catalog",
    "UnknownLanguage",
    "available_languages",
    "catalog_for",
    "choose_language",
    "current_catalog",
    "current_language",
    "language_name",
    "language_scope",
    "load_catalog",
    "locale_dir",
    "resolve_language",
    "system_language",
    "use_language",
]
