"""Committee material as blocks: the completeness report, annotations and rubric scores.

Issues and readiness come from the completeness checks; this module only lays them out,
so it takes them as plain parameters (anything with the same attributes works).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from mcdesigner.export.blocks import FieldRow, Table
from mcdesigner.export.formatting import EMPTY_CELL, humanize, safe_text
from mcdesigner.export.forms import section_of_path, section_title
from mcdesigner.export.values import ValueFormatter
from mcdesigner.export.writer import BlockWriter
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, path_label
from mcdesigner.i18n import tr
from mcdesigner.model.review import Annotation, Review

_T = TypeVar("_T")

SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "advice": "Advice"}
_COUNT_LABELS = {"error": "Errors", "warning": "Warnings", "advice": "Advice"}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "advice": 2}
STATUS_LABELS = {"open": "Open", "resolved": "Resolved"}
RECOMMENDATION_LABELS = {
    "approve": "Approve",
    "approve_with_changes": "Approve with changes",
    "resubmit": "Revise and resubmit",
    "reject": "Reject",
}


class IssueLike(Protocol):
    """What the report reads from a completeness issue."""

    @property
    def severity(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def reference(self) -> str: ...


class ReadinessLike(Protocol):
    """What the report reads from the readiness summary."""

    @property
    def section_percent(self) -> Mapping[str, float]: ...
    @property
    def overall_percent(self) -> float: ...
    @property
    def ready(self) -> bool: ...


def percent(value: float) -> str:
    """``85%`` (whole percent)."""
    return formatter().percent(round(value))


class ReviewBlocks:
    """Writes the completeness report, annotations and reviews into a :class:`BlockWriter`."""

    def __init__(self, writer: BlockWriter, forms: FormSet, values: ValueFormatter) -> None:
        self.writer = writer
        self.forms = forms
        self.values = values

    # -- completeness ---------------------------------------------------------
    def completeness(
        self, issues: Sequence[IssueLike], readiness: ReadinessLike | None, level: int
    ) -> None:
        """Readiness per section, then the issues grouped by section."""
        self.writer.heading(level, tr("Completeness report"), "completeness-report")
        if readiness is not None:
            counts: dict[str, int] = {}
            for issue in issues:
                counts[issue.severity] = counts.get(issue.severity, 0) + 1
            self.writer.fields(
                [
                    FieldRow(tr("Overall readiness"), percent(readiness.overall_percent)),
                    FieldRow(tr("Ready for submission"), formatter().boolean(readiness.ready)),
                    *(
                        FieldRow(tr(_COUNT_LABELS.get(sev, humanize(sev))), str(n))
                        for sev, n in sorted(counts.items(), key=lambda kv: _rank(kv[0]))
                    ),
                ]
            )
            rows = tuple(
                (section_title(self.forms, section_id), percent(value))
                for section_id, value in self._ordered(readiness.section_percent)
            )
            if rows:
                self.writer.add(
                    Table(
                        columns=(tr("Section"), tr("Complete")),
                        rows=rows,
                        widths=(0.75, 0.25),
                        align=("left", "right"),
                    )
                )
        if not issues:
            self.writer.paragraph(tr("No issues found."), "muted")
            return
        grouped: dict[str, list[IssueLike]] = {}
        for issue in issues:
            grouped.setdefault(issue.section, []).append(issue)
        for section_id, section_issues in self._ordered(grouped):
            self.writer.heading(
                level + 1, section_title(self.forms, section_id), f"issues-{section_id}"
            )
            section_issues.sort(key=lambda i: _rank(i.severity))
            self.writer.add(
                Table(
                    columns=(tr("Severity"), tr("Field"), tr("Message"), tr("Reference")),
                    rows=tuple(
                        (
                            tr(SEVERITY_LABELS.get(i.severity, humanize(i.severity))),
                            self.field_name(i.path) or EMPTY_CELL,
                            safe_text(i.message) or EMPTY_CELL,
                            safe_text(i.reference) or EMPTY_CELL,
                        )
                        for i in section_issues
                    ),
                    widths=(0.12, 0.22, 0.40, 0.26),
                )
            )

    def _ordered(self, by_section: Mapping[str, _T]) -> list[tuple[str, _T]]:
        order = {s.id: n for n, s in enumerate(self.forms.sections)}
        return sorted(by_section.items(), key=lambda kv: order.get(kv[0], len(order)))

    def field_name(self, path: str) -> str:
        """``Learning outcome 2 › Outcome`` for a concrete field path (empty for none)."""
        return safe_text(path_label(self.forms, path, self.values.proposal)) if path else ""

    # -- annotations ----------------------------------------------------------
    def annotations(self, annotations: Iterable[Annotation], level: int) -> None:
        """Reviewers' comment threads, grouped by the section they point at."""
        threads = list(annotations)
        self.writer.heading(level, tr("Reviewers' annotations"), "annotations")
        if not threads:
            self.writer.paragraph(tr("No annotations."), "muted")
            return
        grouped: dict[str, list[Annotation]] = {}
        for thread in threads:
            section = section_of_path(self.forms, thread.path) or "other"
            grouped.setdefault(section, []).append(thread)
        for section_id, section_threads in self._ordered(grouped):
            title = section_title(self.forms, section_id)
            self.writer.heading(level + 1, title, f"annotations-{section_id}")
            for thread in section_threads:
                where = self.field_name(thread.path) or safe_text(thread.label)
                status = tr(STATUS_LABELS.get(thread.status, humanize(thread.status)))
                self.writer.paragraph(f"{where} — {status}", "item")
                rows = tuple(
                    (
                        safe_text(c.author) or EMPTY_CELL,
                        formatter().datetime(c.created),
                        safe_text(c.body) or EMPTY_CELL,
                    )
                    for c in thread.comments
                )
                if rows:
                    self.writer.add(
                        Table(
                            columns=(tr("Author"), tr("Date"), tr("Comment")),
                            rows=rows,
                            widths=(0.2, 0.22, 0.58),
                        )
                    )
                else:
                    self.writer.paragraph(tr("No comments."), "muted")

    # -- reviews --------------------------------------------------------------
    def reviews(
        self,
        reviews: Iterable[Review],
        level: int,
        criterion_titles: Mapping[str, str] | None = None,
    ) -> None:
        """Each reviewer's rubric scores, recommendation and summary."""
        items = list(reviews)
        self.writer.heading(level, tr("Rubric scores"), "rubric-scores")
        if not items:
            self.writer.paragraph(tr("No reviews."), "muted")
            return
        titles = criterion_titles or {}
        for number, review in enumerate(items, start=1):
            reviewer = safe_text(review.reviewer) or tr("Reviewer {n}").format(n=number)
            self.writer.heading(level + 1, reviewer, f"review-{review.id}")
            recommendation = (
                tr(RECOMMENDATION_LABELS.get(review.recommendation, review.recommendation))
                if review.recommendation
                else ""
            )
            self.writer.fields(
                [
                    FieldRow(tr("Recommendation"), recommendation),
                    FieldRow(tr("Last updated"), formatter().datetime(review.updated)),
                    FieldRow(tr("Summary"), safe_text(review.summary)),
                ]
            )
            rows = tuple(
                (
                    safe_text(titles.get(s.criterion_id, humanize(s.criterion_id))),
                    str(s.score) if s.score is not None else EMPTY_CELL,
                    safe_text(s.comment) or EMPTY_CELL,
                )
                for s in review.scores
            )
            if rows:
                scored = [s.score for s in review.scores if s.score is not None]
                totals = (tr("Total"), str(sum(scored)), "") if scored else None
                self.writer.add(
                    Table(
                        columns=(tr("Criterion"), tr("Score"), tr("Comment")),
                        rows=rows,
                        widths=(0.34, 0.12, 0.54),
                        totals_row=totals,
                        align=("left", "right", "left"),
                    )
                )


def _rank(severity: str) -> int:
    return _SEVERITY_ORDER.get(severity, len(_SEVERITY_ORDER))
