"""The form definitions documents follow: section order, group titles and field labels.

Documents read the same declarative forms as the editor (``forms/*.toml`` through
:mod:`mcdesigner.formdefs`), so a label changed in a form file changes in every export.
This module adds the few lookups exports need on top of a :class:`FormSet`; labels of
fields and field paths come from :mod:`mcdesigner.formdefs.labels`, as on screen.
"""

from __future__ import annotations

from mcdesigner.formdefs import FormSet, default_forms
from mcdesigner.model.fieldpath import schema_path


def document_forms(forms: FormSet | None = None) -> FormSet:
    """``forms`` or, when not given, the bundled form definitions."""
    return forms if forms is not None else default_forms()


def ref_targets(forms: FormSet) -> set[str]:
    """Schema paths of the lists that other fields point into by item id."""
    return {f.items_from for f in forms.fields() if f.items_from}


def section_title(forms: FormSet, section_id: str) -> str:
    """Title of the section with ``section_id`` (the id itself when unknown)."""
    for section in forms.sections:
        if section.id == section_id:
            return section.title
    return section_id


def section_of_path(forms: FormSet, path: str) -> str | None:
    """Id of the section showing ``path``."""
    section = forms.section_of(schema_path(path)) if path else None
    return section.id if section else None
