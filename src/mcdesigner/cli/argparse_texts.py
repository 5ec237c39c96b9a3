"""The command line's own words (usage, help, errors) in the user's language.

:mod:`argparse` writes its texts through :func:`gettext.gettext`; :func:`translate_argparse`
routes them through :func:`mcdesigner.i18n.tr` instead, and the texts below are marked so
the extractor puts them in the catalogs.
"""

from __future__ import annotations

import argparse

from mcdesigner.i18n import N_, tr, tr_n

TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _gettext(text: str) -> str:
    return tr(text, "argparse")


def _ngettext(singular: str, plural: str, n: int) -> str:
    return tr_n(singular, plural, n)


def translate_argparse() -> None:
    """Make :mod:`argparse` speak the language in use."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
