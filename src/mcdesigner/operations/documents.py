"""Writing a proposal's Word or PDF document with the user's check settings.

The committee dossier carries the completeness report, so the checks behind it run with the
settings passed in (the user's hours per ECTS credit and the form set), the same the editor
and the submit gate use. The rubric criteria are named by their titles. A document may be
written in another language than the window's (:func:`in_document_language`), and show
the proposal's texts in any of the languages the proposal is written in (its *content
language*); without a language of their own the labels then follow the content language
when the interface has it (:func:`labels_language`). Documents carry the letterhead of the
institution profile in use and the user's name as their author (:func:`letterhead`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review

if TYPE_CHECKING:  # the documents package loads when a document is written
    from mcdesigner.checks import CheckSettings
    from mcdesigner.export import DocumentKind, Format, Letterhead, Progress


def letterhead(author: str | None = None) -> Letterhead:
    """The institution profile in use (its logo, templates and name) and the author: the
    user's name from the Preferences unless ``author`` is given. A damaged profile raises
    ``ExportError`` saying so (reinstalling it or removing it lets documents be written)."""
    from mcdesigner.export import ExportError, Letterhead
    from mcdesigner.profiles import ProfileError, installed_profile
    from mcdesigner.settings import load_preferences

    if author is None:
        author = load_preferences()[0].user_name
    try:
        profile = installed_profile()
    except ProfileError as error:
        raise ExportError(str(error)) from None
    if profile is None:
        return Letterhead(author=author)
    return Letterhead(
        institution=profile.name,
        author=author,
        logo=profile.logo,
        word_template=profile.word_template,
        pdf_layout=profile.pdf_layout,
    )


@contextmanager
def in_document_language(
    language: str | None, settings: CheckSettings | None
) -> Iterator[CheckSettings | None]:
    """Write the document in ``language`` (None: the language in use) until the block ends.

    Headings, labels, check messages, numbers, money and dates follow it, in this thread
    only; the settings given come back with the bundled forms in that language.
    """
    if not language:
        yield settings
        return
    from mcdesigner.formdefs import default_forms
    from mcdesigner.translations import language_scope

    with language_scope(language):
        if settings is not None and settings.forms is not None:
            settings = dataclasses.replace(settings, forms=default_forms())
        yield settings


def labels_language(language: str | None, content_language: str | None) -> str | None:
    """The language of a document's labels: ``language`` when given, else the content
    language when the interface has a catalogue for it, else None (the language in use)."""
    if language or not content_language:
        return language
    from mcdesigner.translations import available_languages
    from mcdesigner.translations.languages import normalise

    code = normalise(content_language)
    return code if code in available_languages() else None


def criterion_titles() -> dict[str, str]:
    """Every rubric criterion's title by id (the dossier names criteria by title).

    Empty when the rubrics cannot be read: the dossier then shows the criteria's ids.
    """
    from mcdesigner.operations.profiles import review_rubrics
    from mcdesigner.review.rubrics import RubricError

    try:
        rubrics = review_rubrics()
    except (RubricError, OSError):
        return {}
    return {c.id: c.title for rubric in rubrics.values() for c in rubric.criteria}


def export_document(
    proposal: Proposal,
    *,
    document: DocumentKind,
    fmt: Format,
    out: Path,
    settings: CheckSettings,
    annotations: Iterable[Annotation] = (),
    reviews: Iterable[Review] = (),
    progress: Progress | None = None,
    language: str | None = None,
    content_language: str | None = None,
    through_link: bool = False,
) -> Path:
    """Write ``document`` of ``proposal`` as ``fmt`` to ``out``; raises ``ExportError``.

    ``language`` is the language of the document's labels (None: see
    :func:`labels_language`); ``content_language`` the language of the proposal's texts
    (None: its main language; one it is not written in raises ``ExportError``).
    """
    from mcdesigner.export import export_document as _export_document
    from mcdesigner.export.content_language import checked_content_language

    # Checked before the labels' language applies: the error is in the messages' language.
    texts_language = checked_content_language(proposal, content_language)
    labels = labels_language(language, texts_language if content_language else None)
    with in_document_language(labels, settings) as document_settings:
        return _export_document(
            proposal,
            document=document,
            fmt=fmt,
            out=out,
            annotations=annotations,
            reviews=reviews,
            progress=progress,
            criterion_titles=criterion_titles(),
            settings=document_settings,
            content_language=texts_language,
            letterhead=letterhead(),
            through_link=through_link,
        )
