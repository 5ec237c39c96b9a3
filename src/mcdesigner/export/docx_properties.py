"""The properties of an exported Word file: title, subject, keywords, author, dates,
the profile used, the document's language, and settings (fields updated on opening).

python-docx keeps the properties of the template it opened (its 2013 dates, no author);
every export writes its own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from mcdesigner.export.blocks import ExportContext
from mcdesigner.i18n import tr


def write_properties(document: Any, context: ExportContext) -> None:
    """Title, subject, keywords, author, export time, profile and language of ``context``."""
    properties = document.core_properties
    letterhead = context.letterhead
    properties.title = _property_text(context.proposal_title)
    properties.subject = _property_text(context.document_title)
    properties.keywords = _property_text(", ".join(context.keywords))
    properties.author = _property_text(letterhead.author)
    properties.last_modified_by = _property_text(letterhead.author)
    properties.category = _property_text(letterhead.institution)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = now
    properties.modified = now
    properties.revision = 1
    exported = tr("Exported by MC Designer on {date}").format(date=context.generated)
    if letterhead.institution:
        exported += " · " + tr("profile of {institution}").format(
            institution=letterhead.institution
        )
    properties.comments = _property_text(exported)
    properties.language = context.language
    _set_default_language(document, context.language)


#: Settings that come after ``w:updateFields`` in a Word settings part.
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip


def update_fields_on_open(document: Any) -> None:
    """Ask Word to update the fields (the contents and its page numbers) on opening."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = {qn(f"w:{name}") for name in _SETTINGS_AFTER_UPDATE_FIELDS}
    following = next((child for child in settings if child.tag in later), None)
    if following is not None:
        following.addprevious(update)  # the schema's order of settings
    else:
        settings.append(update)


def _set_default_language(document: Any, language: str) -> None:
    """Spelling and hyphenation of the styles' text in ``language`` (the texts' language)."""
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)


#: python-docx refuses document properties longer than this (the body keeps the full text).
_PROPERTY_MAX = 255


def _property_text(text: str) -> str:
    """``text`` shortened to fit a document property, ending with "…" when cut."""
    return text if len(text) <= _PROPERTY_MAX else text[: _PROPERTY_MAX - 1] + "…"
