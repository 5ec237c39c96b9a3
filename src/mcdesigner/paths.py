"""Locate the data folders (forms, templates, resources) in a checkout or an installed wheel.

In a source checkout (and an editable install) they sit at the repository root, next to
``src/``. A built wheel carries copies under ``mcdesigner/data/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """Return the folder that holds ``forms/``, ``templates/`` and ``resources/``."""
    checkout = _PACKAGE_DIR.parent.parent
    if (checkout / "forms").is_dir() and (checkout / "resources").is_dir():
        return checkout
    return _PACKAGE_DIR / "data"


def forms_dir() -> Path:
    """Folder of the declarative form definitions."""
    return data_root() / "forms"


def templates_dir() -> Path:
    """Folder of the document templates (Word base template, PDF layout settings)."""
    return data_root() / "templates"


def resources_dir() -> Path:
    """Folder of icons, vocabularies, fonts and the bundled example."""
    return data_root() / "resources"
