"""The language a document's proposal texts are written in, and how a missing one is marked.

A document shows the proposal's texts in one of the languages the proposal is written in
(:attr:`~mcdesigner.model.translations.ProposalLanguages.written`); the labels follow the
document language of the messages. A text with no translation into the chosen language
shows its main-language text followed by a short marker, "(in English)", which a legend
near the top of the document explains once.
"""

from __future__ import annotations

from mcdesigner.export.errors import ExportError
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import language_in_text
from mcdesigner.translations.languages import normalise


def languages_listing(codes: tuple[str, ...]) -> str:
    """``en (English), es (Spanish)``, as a sentence names them ("es (español)")."""
    return ", ".join(f"{code} ({language_in_text(code)})" for code in codes)


def checked_content_language(proposal: Proposal, requested: str | None) -> str:
    """The language ``requested`` for the proposal's texts (None: the main language).

    Raises :class:`ExportError` naming the proposal's languages when it is not one of them.
    """
    written = proposal.languages.written
    if requested is None or not requested.strip():
        return proposal.languages.main
    code = normalise(requested)
    if code not in written:
        raise ExportError(
            tr("The proposal is not written in “{code}”. Its languages: {languages}.").format(
                code=requested.strip(), languages=languages_listing(written)
            )
        )
    return code


def fallback_marker(main: str) -> str:
    """The marker after a text shown in the main language: "(in English)"."""
    return tr("(in {language})").format(language=language_in_text(main))


def fallback_legend(language: str, main: str) -> str:
    """The sentence explaining :func:`fallback_marker`."""
    return tr(
        "Texts marked “{marker}” are not yet translated into {language}; they are shown in {main}."
    ).format(
        marker=fallback_marker(main),
        language=language_in_text(language),
        main=language_in_text(main),
    )
