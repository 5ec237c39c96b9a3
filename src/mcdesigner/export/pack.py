"""The committee meeting pack: several proposals' dossiers in one printable document.

The pack opens with a cover (the committee, the meeting date, the institution when one is
given), one table of contents and an agenda (one row per proposal: title, coordinator,
ECTS credits, EQF level, status, readiness with its errors and warnings, the reviewers'
recommendations and their mean rubric score). Each proposal's dossier follows in agenda
order as a part of its own: it starts on a new page whose running header names the
proposal, its chapters one level below the proposal's title, so the contents and the PDF
bookmarks read proposal › section. It is one :class:`ExportContext`, drawn by the same
Word and PDF renderers as every other document.

    export_pack([PackProposal(p1), PackProposal(p2)], PackInfo("Academic committee"),
                fmt="pdf", out=Path("pack.pdf"))

The file is written atomically: when any proposal cannot be added, the error names it and
nothing is left at the target.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesigner.export.blocks import (
    Block,
    Cover,
    ExportContext,
    FieldList,
    FieldRow,
    Heading,
    Letterhead,
    PageBreak,
    RunningHeader,
    Table,
    TableOfContents,
    TocEntry,
)
from mcdesigner.export.context import build_context
from mcdesigner.export.errors import ExportError
from mcdesigner.export.formatting import EMPTY_CELL, safe_text
from mcdesigner.export.forms import document_forms
from mcdesigner.export.review_blocks import (
    RECOMMENDATION_LABELS,
    IssueLike,
    ReadinessLike,
    percent,
)
from mcdesigner.export.values import ValueFormatter
from mcdesigner.export.writer import BlockWriter
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet
from mcdesigner.i18n import current_language, tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review

if TYPE_CHECKING:
    from mcdesigner.checks import CheckSettings
    from mcdesigner.export import Format

Progress = Callable[[int, str], None]

#: The agenda's columns and their share of the text width.
_AGENDA_WIDTHS = (0.05, 0.23, 0.16, 0.06, 0.08, 0.11, 0.15, 0.16)
#: Where the preparation of the proposals ends on the progress scale (rendering follows).
_PREPARED = 30


def pack_title() -> str:
    """The name of this kind of document."""
    return tr("Committee meeting pack")


@dataclass(frozen=True)
class PackInfo:
    """What the cover says about the meeting.

    ``institution`` is printed on the cover when given; it is meant to come from the
    institution's profile once one is installed (none is yet, so callers pass nothing).
    """

    title: str
    meeting_date: dt.date | None = None
    institution: str = ""


@dataclass(frozen=True)
class PackProposal:
    """One proposal of the pack with what its dossier shows beside it.

    ``issues`` and ``readiness`` come from the completeness checks (:func:`export_pack`
    runs them); without them the dossier and the agenda show no completeness.
    """

    proposal: Proposal
    annotations: tuple[Annotation, ...] = ()
    reviews: tuple[Review, ...] = ()
    issues: tuple[IssueLike, ...] | None = None
    readiness: ReadinessLike | None = None


def build_pack_context(
    parts: Sequence[PackProposal],
    info: PackInfo,
    *,
    forms: FormSet | None = None,
    today: dt.date | None = None,
    criterion_titles: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ExportContext:
    """The renderer-neutral pack of ``parts`` (in agenda order) described by ``info``.

    ``progress(percent, message)`` is called before each proposal's dossier is assembled.
    Raises :class:`ExportError` naming the proposal whose dossier could not be assembled.
    """
    if not parts:
        raise ExportError(tr("Choose at least one proposal for the pack."))
    forms = document_forms(forms)
    generated = formatter().date(today or dt.date.today())
    meeting = formatter().date(info.meeting_date) if info.meeting_date else ""
    title = safe_text(info.title) or tr("Committee meeting")
    report = progress or (lambda _percent, _message: None)

    dossiers: list[tuple[PackProposal, ExportContext]] = []
    for number, part in enumerate(parts, start=1):
        name = safe_text(part.proposal.display_title)
        report(
            round(_PREPARED * (number - 1) / len(parts)),
            tr("Assembling “{title}” ({number} of {count})").format(
                title=name, number=number, count=len(parts)
            ),
        )
        try:
            dossier = build_context(
                part.proposal,
                document="dossier",
                issues=part.issues,
                readiness=part.readiness,
                annotations=part.annotations,
                reviews=part.reviews,
                forms=forms,
                today=today,
                criterion_titles=criterion_titles,
            )
        except ExportError as error:
            raise ExportError(_failed(name, str(error))) from error
        except Exception as error:  # name the proposal whatever went wrong with it
            raise ExportError(_failed(name, str(error) or type(error).__name__)) from error
        dossiers.append((part, dossier))

    writer = BlockWriter()
    writer.add(Cover(title, pack_title(), _cover_facts(info, meeting, generated, len(parts))))
    front = len(writer.blocks)
    writer.heading(1, tr("Agenda"), "agenda")
    writer.add(_agenda(dossiers, forms))
    body: list[Block] = []
    for number, (_part, dossier) in enumerate(dossiers, start=1):
        body.extend(_part_blocks(dossier, f"p{number}"))
    writer.blocks.extend(body)
    headings = [b for b in writer.blocks[front:] if isinstance(b, Heading)]
    toc = TableOfContents(
        tr("Table of contents"),
        tuple(TocEntry(h.level, h.text, h.anchor) for h in headings if h.level <= 2),
    )
    writer.blocks[front:front] = [toc, PageBreak()]
    languages = {d.language for _p, d in dossiers}
    return ExportContext(
        document="pack",
        document_title=pack_title(),
        proposal_title=title,
        status=meeting or generated,
        generated=generated,
        blocks=tuple(writer.blocks),
        language=languages.pop() if len(languages) == 1 else current_language(),
    )


def _failed(title: str, error: str) -> str:
    return tr("“{title}” could not be added to the pack: {error}").format(title=title, error=error)


def _cover_facts(info: PackInfo, meeting: str, generated: str, count: int) -> tuple[FieldRow, ...]:
    facts = []
    institution = safe_text(info.institution)
    if institution:
        facts.append(FieldRow(tr("Institution"), institution))
    if meeting:
        facts.append(FieldRow(tr("Meeting date"), meeting))
    facts.append(FieldRow(tr("Proposals"), formatter().number(count)))
    facts.append(FieldRow(tr("Exported on"), generated))
    return tuple(facts)


def _part_blocks(dossier: ExportContext, prefix: str) -> list[Block]:
    """A proposal's dossier as a part of the pack.

    Its cover becomes the part's opening (a new page naming the proposal in the running
    header, the proposal's title as a chapter and the cover's facts); its own contents go
    (the pack has one); its headings move one level down, their anchors made unique.
    """
    blocks: list[Block] = []
    skip_break = False
    for block in dossier.blocks:
        if skip_break:
            skip_break = False
            if isinstance(block, PageBreak):
                continue
        if isinstance(block, Cover):
            blocks.append(RunningHeader(dossier.proposal_title, dossier.status))
            blocks.append(Heading(1, block.title.replace("\n", " "), prefix))
            blocks.append(FieldList(block.facts))
        elif isinstance(block, TableOfContents):
            skip_break = True
        elif isinstance(block, Heading):
            blocks.append(Heading(block.level + 1, block.text, f"{prefix}-{block.anchor}"))
        else:
            blocks.append(block)
    return blocks


def _agenda(dossiers: Sequence[tuple[PackProposal, ExportContext]], forms: FormSet) -> Table:
    rows = []
    for number, (part, dossier) in enumerate(dossiers, start=1):
        values = ValueFormatter(part.proposal, forms)
        rows.append(
            (
                str(number),
                dossier.proposal_title or EMPTY_CELL,
                _coordinators(part.proposal),
                _field(values, forms, "certified.ects_credits"),
                _field(values, forms, "certified.eqf_level"),
                dossier.status,
                _readiness(part),
                _reviews(part.reviews),
            )
        )
    return Table(
        columns=(
            tr("No."),
            tr("Proposal"),
            tr("Coordinator"),
            tr("ECTS"),
            tr("EQF level"),
            tr("Status"),
            tr("Readiness"),
            tr("Reviews"),
        ),
        rows=tuple(rows),
        widths=_AGENDA_WIDTHS,
        align=("right", "left", "left", "right", "left", "left", "left", "left"),
    )


def _coordinators(proposal: Proposal) -> str:
    names = [safe_text(m.name) for m in proposal.staff if m.role == "coordinator"]
    return "\n".join(n for n in names if n) or EMPTY_CELL


def _field(values: ValueFormatter, forms: FormSet, path: str) -> str:
    field = forms.field(path)
    if field is None:
        return EMPTY_CELL
    return values.field_text(field, path) or EMPTY_CELL


def _readiness(part: PackProposal) -> str:
    if part.readiness is None:
        return EMPTY_CELL
    issues = part.issues or ()
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = sum(1 for i in issues if i.severity == "warning")
    return "\n".join(
        (
            percent(part.readiness.overall_percent),
            tr("Errors: {count}").format(count=errors),
            tr("Warnings: {count}").format(count=warnings),
        )
    )


def _reviews(reviews: Sequence[Review]) -> str:
    """The reviewers' recommendations (how many gave each) and their mean rubric score."""
    if not reviews:
        return EMPTY_CELL
    counts: dict[str, int] = {}
    for review in reviews:
        if review.recommendation:
            counts[review.recommendation] = counts.get(review.recommendation, 0) + 1
    labels = RECOMMENDATION_LABELS.items()
    lines = [f"{tr(label)} ({counts[key]})" for key, label in labels if key in counts]
    scores = [s.score for r in reviews for s in r.scores if s.score is not None]
    if scores:
        mean = formatter().number(sum(scores) / len(scores), decimals=1)
        lines.append(tr("Mean score: {score}").format(score=mean))
    return "\n".join(lines) or EMPTY_CELL


def export_pack(
    parts: Sequence[PackProposal],
    info: PackInfo,
    *,
    fmt: Format,
    out: Path,
    settings: CheckSettings | None = None,
    criterion_titles: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
    letterhead: Letterhead | None = None,
) -> Path:
    """Check each proposal of ``parts``, then write the pack as ``fmt`` to ``out``.

    ``letterhead`` (the institution profile and the author) gives the headers' logo, the
    templates and the document properties, as for single documents.

    The checks run with ``settings`` (the user's hours per ECTS credit and the form set;
    None: the built-in defaults). ``progress(percent, message)`` is called for each
    proposal and as the layout advances. Raises :class:`ExportError` with a message for
    the user (naming the proposal when one of them is the cause); nothing is left at
    ``out`` then (an existing file there is kept as it was).
    """
    from mcdesigner.checks import readiness as compute_readiness
    from mcdesigner.checks import run
    from mcdesigner.export import _write, checked_output

    out = checked_output(fmt, out)
    report = progress or (lambda _percent, _message: None)
    checked: list[PackProposal] = []
    count = len(parts)
    for number, part in enumerate(parts, start=1):
        name = safe_text(part.proposal.display_title)
        report(
            round(_PREPARED * (number - 1) / max(count, 1) / 2),
            tr("Checking “{title}” ({number} of {count})").format(
                title=name, number=number, count=count
            ),
        )
        try:
            issues = run(part.proposal, settings)
            readiness = compute_readiness(part.proposal, issues, settings)
        except Exception as error:  # name the proposal whatever went wrong with it
            raise ExportError(_failed(name, str(error) or type(error).__name__)) from error
        checked.append(dataclasses.replace(part, issues=tuple(issues), readiness=readiness))

    def assembling(value: int, message: str) -> None:
        report(_PREPARED // 2 + value // 2, message)

    context = build_pack_context(
        checked,
        info,
        forms=settings.forms if settings is not None else None,
        today=today,
        criterion_titles=criterion_titles,
        progress=assembling,
    )
    if letterhead is not None:
        context = dataclasses.replace(context, letterhead=letterhead)
    report(_PREPARED, tr("Laying out the document"))
    _write(context, fmt, out, report)
    report(100, tr("Done"))
    return out
