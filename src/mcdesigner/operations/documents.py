"""Writing a proposal's Word or PDF document with the user's check settings.

The committee dossier carries the completeness report, so the checks behind it run with the
settings passed in (the user's hours per ECTS credit and the form set), the same the editor
and the submit gate use. The rubric criteria are named by their titles.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review

if TYPE_CHECKING:  # the documents package loads when a document is written
    from mcdesigner.checks import CheckSettings
    from mcdesigner.export import DocumentKind, Format, Progress


def criterion_titles() -> dict[str, str]:
    """Every rubric criterion's title by id (the dossier names criteria by title).

    Empty when the rubrics cannot be read: the dossier then shows the criteria's ids.
    """
    from mcdesigner.review.rubrics import RubricError, default_rubrics

    try:
        rubrics = default_rubrics()
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
) -> Path:
    """Write ``document`` of ``proposal`` as ``fmt`` to ``out``; raises ``ExportError``."""
    from mcdesigner.export import export_document as _export_document

    return _export_document(
        proposal,
        document=document,
        fmt=fmt,
        out=out,
        annotations=annotations,
        reviews=reviews,
        progress=progress,
        criterion_titles=criterion_titles(),
        settings=settings,
    )
