"""Build the one :class:`ExportContext` that both renderers draw, for each kind of document.

* ``proposal``: title block, credential legend, every form section in order.
* ``self-assessment``: ratings summary and one chapter per ESG 1.1-1.10.
* ``dossier``: cover, contents, the proposal, the completeness report, the
  self-assessment report, reviewers' annotations and rubric scores.

The proposal's texts are shown in the content language (one of the languages the proposal
is written in; by default its main language); a text not translated into it shows the
main-language text, marked, and a legend under the credential legend explains the marker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from mcdesigner.export.blocks import (
    CREDENTIAL_MARK,
    Block,
    Cover,
    DocumentKind,
    ExportContext,
    FieldRow,
    Heading,
    PageBreak,
    Paragraph,
    TableOfContents,
    Title,
    TocEntry,
)
from mcdesigner.export.content_language import fallback_legend
from mcdesigner.export.formatting import safe_text
from mcdesigner.export.forms import document_forms
from mcdesigner.export.proposal_blocks import ProposalBlocks
from mcdesigner.export.review_blocks import IssueLike, ReadinessLike, ReviewBlocks, percent
from mcdesigner.export.self_assessment_blocks import SelfAssessmentBlocks
from mcdesigner.export.values import ValueFormatter
from mcdesigner.export.writer import BlockWriter
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.model.status import status_label

DOCUMENTS: tuple[DocumentKind, ...] = ("proposal", "self-assessment", "dossier")

_DOCUMENT_TITLES = {
    "proposal": "Micro-credential proposal",
    "self-assessment": "Self-assessment report",
    "dossier": "Committee dossier",
}


def document_title(document: DocumentKind) -> str:
    """Human name of a kind of document."""
    return tr(_DOCUMENT_TITLES[document])


def credential_legend() -> str:
    """The sentence explaining the credential marker."""
    return tr("{mark} marks information that goes onto the digital credential.").format(
        mark=CREDENTIAL_MARK
    )


def build_context(
    proposal: Proposal,
    *,
    document: DocumentKind,
    issues: Sequence[IssueLike] | None = None,
    readiness: ReadinessLike | None = None,
    annotations: Iterable[Annotation] = (),
    reviews: Iterable[Review] = (),
    forms: FormSet | None = None,
    today: dt.date | None = None,
    criterion_titles: Mapping[str, str] | None = None,
    content_language: str | None = None,
) -> ExportContext:
    """The renderer-neutral document of kind ``document`` for ``proposal``.

    ``issues`` and ``readiness`` (from the completeness checks) are used by the dossier
    only; ``forms`` defaults to the bundled form definitions; ``today`` is the date
    printed as the export date; ``content_language`` is the language of the proposal's
    texts (None: its main language; it must be one of ``proposal.languages.written``).
    """
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document kind {document!r}")
    forms = document_forms(forms)
    values = ValueFormatter(proposal, forms, content_language)
    writer = BlockWriter()
    generated = formatter().date(today or dt.date.today())
    title = values.display_title()
    status = status_label(proposal.status)
    meta = tr("Status: {status} · Exported on {date}").format(status=status, date=generated)

    if document == "proposal":
        writer.add(Title(title, document_title(document), meta))
        writer.paragraph(credential_legend(), "legend")
        legend_at = len(writer.blocks)
        ProposalBlocks(writer, proposal, forms, values).write(level=1)
    elif document == "self-assessment":
        writer.add(Title(title, document_title(document), meta))
        legend_at = len(writer.blocks)
        SelfAssessmentBlocks(writer, proposal, forms, values).write(level=1)
    else:
        legend_at = _dossier(
            writer,
            proposal,
            forms,
            values,
            issues=list(issues or ()),
            readiness=readiness,
            annotations=list(annotations),
            reviews=list(reviews),
            generated=generated,
            criterion_titles=criterion_titles,
        )
    if values.marked:
        legend = Paragraph(safe_text(fallback_legend(values.language, values.main)), "legend")
        writer.blocks.insert(legend_at, legend)
    return ExportContext(
        document=document,
        document_title=document_title(document),
        proposal_title=values.plain_title(),
        status=status,
        generated=generated,
        blocks=tuple(writer.blocks),
        keywords=tuple(safe_text(k) for k in proposal.general.keywords if safe_text(k)),
        language=values.language,
    )


def _dossier(
    writer: BlockWriter,
    proposal: Proposal,
    forms: FormSet,
    values: ValueFormatter,
    *,
    issues: list[IssueLike],
    readiness: ReadinessLike | None,
    annotations: list[Annotation],
    reviews: list[Review],
    generated: str,
    criterion_titles: Mapping[str, str] | None,
) -> int:
    """Write the dossier; returns where the fallback legend goes (after the credential's)."""
    institutions = "; ".join(
        safe_text(o.name) for o in proposal.general.awarding_institutions if safe_text(o.name)
    )
    facts = [
        FieldRow(tr("Awarding institutions"), institutions),
        FieldRow(tr("Status"), status_label(proposal.status)),
        FieldRow(tr("Date"), generated),
    ]
    if readiness is not None:
        facts.append(FieldRow(tr("Readiness"), percent(readiness.overall_percent)))
    writer.add(
        Cover(
            values.display_title(),
            document_title("dossier"),
            tuple(
                FieldRow(r.label, r.value or tr("Not provided"), missing=not r.value) for r in facts
            ),
        )
    )
    body_start = len(writer.blocks)

    writer.heading(1, tr("The proposal"), "the-proposal")
    writer.paragraph(credential_legend(), "legend")
    legend_at = len(writer.blocks)
    ProposalBlocks(writer, proposal, forms, values).write(level=2)
    review = ReviewBlocks(writer, forms, values)
    writer.add(PageBreak())
    review.completeness(issues, readiness, level=1)
    writer.add(PageBreak())
    writer.heading(1, tr("Self-assessment report"), "self-assessment-report")
    SelfAssessmentBlocks(writer, proposal, forms, values).write(level=2)
    if annotations:
        writer.add(PageBreak())
        review.annotations(annotations, level=1)
    if reviews:
        writer.add(PageBreak())
        review.reviews(reviews, level=1, criterion_titles=criterion_titles)

    headings = [b for b in writer.blocks[body_start:] if isinstance(b, Heading)]
    toc = TableOfContents(
        tr("Table of contents"),
        tuple(TocEntry(h.level, h.text, h.anchor) for h in headings if h.level <= 2),
    )
    front: list[Block] = [toc, PageBreak()]
    writer.blocks[body_start:body_start] = front
    return legend_at + len(front)
