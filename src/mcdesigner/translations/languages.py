"""Which languages the application speaks, and which one to use.

The list is built from the catalogs present (``resources/locale/<language>/``) plus
English, the language of the source texts. The language is, in this order: the one asked
for (``--lang``, the Preferences), ``MCDESIGNER_LANG``, the system's language when a
catalog exists for it, and English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from babel import Locale, UnknownLocaleError

from mcdesigner.i18n import tr
from mcdesigner.translations.catalog import SOURCE_LANGUAGE, locale_dir

ENVIRONMENT_VARIABLE = "MCDESIGNER_LANG"
_SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class UnknownLanguage(ValueError):
    """A language was asked for that has no catalog."""


def available_languages(folder: Path | None = None) -> tuple[str, ...]:
    """English and every language with at least one catalog file, in code order."""
    root = folder or locale_dir()
    found = (
        sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.po")))
        if root.is_dir()
        else []
    )
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def language_name(code: str) -> str:
    """The language's name in itself: ``English``, ``Español``."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def normalise(code: str) -> str:
    """``es_ES.UTF-8``, ``es-ES`` or ``ES`` as ``es``."""
    return code.strip().replace("-", "_").split(".")[0].split("_")[0].lower()


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system is set to (``es`` for ``es_ES.UTF-8``), or ``""``."""
    env = os.environ if environ is None else environ
    for name in _SYSTEM_VARIABLES:
        value = env.get(name, "")
        for part in value.split(":"):
            code = normalise(part)
            if code and code not in {"c", "posix"}:
                return code
    return ""


def _checked(code: str, available: tuple[str, ...], origin: str) -> str:
    language = normalise(code)
    if language not in available:
        listing = ", ".join(f"{c} ({language_name(c)})" for c in available)
        raise UnknownLanguage(
            tr("There is no language “{code}” ({origin}). Languages: {languages}.").format(
                code=code, origin=origin, languages=listing
            )
        )
    return language


def resolve_language_or_english(environ: Mapping[str, str] | None = None) -> str:
    """The language the system settings ask for, or English when it has no catalog."""
    try:
        return resolve_language(None, environ=environ)
    except UnknownLanguage:
        return SOURCE_LANGUAGE


def resolve_language(
    requested: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    folder: Path | None = None,
) -> str:
    """The language to use; :class:`UnknownLanguage` when one is asked for that is absent."""
    env = os.environ if environ is None else environ
    available = available_languages(folder)
    if requested:
        return _checked(requested, available, "--lang")
    if env.get(ENVIRONMENT_VARIABLE):
        return _checked(env[ENVIRONMENT_VARIABLE], available, ENVIRONMENT_VARIABLE)
    system = system_language(env)
    return system if system in available else SOURCE_LANGUAGE
