"""Texts in every language: the credential's texts are translated into each further language.

A proposal written in further languages states its credential texts (those copied onto the
digital credential: the Annex I elements and the sections the forms mark so) in each of
them, because the credential carries each text as a language map. A missing translation
is a warning naming the language and the field, and an error for a language the
credential is issued in.
"""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.issues import CREDENTIAL_GROUP, section_showing
from mcdesigner.checks.references import ELM_LANGUAGE_MAPS
from mcdesigner.checks.rule import Finding, Rule, credential_group, rule
from mcdesigner.formdefs import path_label
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import get_value
from mcdesigner.model.translations import translated_paths
from mcdesigner.model.vocabularies import language_in_text


def credential_texts(context: CheckContext) -> Iterator[str]:
    """The field paths of the translatable texts that go onto the credential and are filled."""
    proposal, forms = context.proposal, context.forms
    for path in translated_paths(proposal):
        section = section_showing(path, forms)
        if credential_group(path, section, forms) != CREDENTIAL_GROUP:
            continue
        text = get_value(proposal, path)
        if isinstance(text, str) and text.strip():
            yield path


@rule(
    "translation.missing",
    title="Credential texts are written in every language of the proposal",
    section="any",
    severity="warning",
    reference=ELM_LANGUAGE_MAPS,
)
def missing_translation(context: CheckContext) -> Iterator[Finding]:
    """Each credential text has a translation in every further language (an error for a
    language the credential is issued in)."""
    languages = context.proposal.languages
    others = languages.others
    if not others:
        return
    translations = context.proposal.translations
    forms = context.forms
    for path in credential_texts(context):
        missing = [lang for lang in others if not translations.get(lang, {}).get(path, "").strip()]
        if not missing:
            continue
        field = path_label(forms, path, context.proposal) if forms is not None else path
        for language in missing:
            name = language_in_text(language)
            if language in languages.issued_in:
                message = tr(
                    "“{field}” has no text in {language}, a language the credential is issued"
                    " in. Write it in {language}: the credential states it in every language"
                    " it is issued in."
                ).format(field=field, language=name)
                yield Finding("error", path, message, language=language)
            else:
                message = tr(
                    "“{field}” has no text in {language}. It is a text of the credential:"
                    " translate it so that the proposal reads in full in {language} and the"
                    " credential can be issued in it."
                ).format(field=field, language=name)
                yield Finding("warning", path, message, language=language)


RULES: tuple[Rule, ...] = (missing_translation,)
