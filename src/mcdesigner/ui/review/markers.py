"""Comment markers beside fields and list items, and the read-only rule of reviewer mode.

Pure helpers (no widgets). The simplest use shows markers through the editor's issue
display, which already places a message under a field, or under a list for its items::

    notes = store.list_annotations(proposal.id)
    editor.show_issues([*check_issues, *annotation_markers(notes, proposal)])

or, per widget::

    counts = annotation_counts(notes)
    field_editor.set_issues([*its_issues, *marker_issues(counts, field_editor.path)])
    card_title.setText(f"{title}  {marker_text(*counts_under(counts, item_path))}")

``annotation_counts`` counts threads per exact path; ``counts_under`` adds up a list item
and everything inside it, so a card can show that one of its fields has comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from mcdesigner.i18n import tr_n
from mcdesigner.model.fieldpath import exists
from mcdesigner.model.review import Annotation
from mcdesigner.review.workflow import EDITABLE_STATUSES

#: Marker symbols: open threads need attention, resolved ones are settled.
OPEN_MARK = "●"
RESOLVED_MARK = "✓"

Counts = tuple[int, int]


@dataclass(frozen=True, slots=True)
class AnnotationMarker:
    """A marker in the shape the editor's issue display accepts (path, message, severity)."""

    path: str
    message: str
    severity: str = "info"


def annotation_counts(annotations: Iterable[Annotation]) -> dict[str, Counts]:
    """``{path: (open threads, resolved threads)}`` for every annotated path."""
    counts: dict[str, list[int]] = {}
    for annotation in annotations:
        slot = counts.setdefault(annotation.path, [0, 0])
        slot[0 if annotation.status == "open" else 1] += 1
    return {path: (pair[0], pair[1]) for path, pair in counts.items()}


def _inside(path: str, container: str) -> bool:
    return path == container or path.startswith((container + ".", container + "["))


def counts_under(counts: Mapping[str, Counts], path: str) -> Counts:
    """Threads on ``path`` and on anything inside it (an item's fields, nested items)."""
    open_total = resolved_total = 0
    for annotated, (open_count, resolved_count) in counts.items():
        if _inside(annotated, path):
            open_total += open_count
            resolved_total += resolved_count
    return open_total, resolved_total


def marker_text(open_count: int, resolved_count: int) -> str:
    """A short marker: ``●2`` (open threads), ``✓1`` (resolved), ``●2 ✓1``; empty if none."""
    parts = []
    if open_count:
        parts.append(f"{OPEN_MARK}{open_count}")
    if resolved_count:
        parts.append(f"{RESOLVED_MARK}{resolved_count}")
    return " ".join(parts)


def marker_tooltip(open_count: int, resolved_count: int) -> str:
    """The marker in words, for tooltips and screen readers."""
    parts = []
    if open_count:
        parts.append(
            tr_n("{count} open comment thread", "{count} open comment threads", open_count).format(
                count=open_count
            )
        )
    if resolved_count:
        parts.append(
            tr_n(
                "{count} resolved comment thread",
                "{count} resolved comment threads",
                resolved_count,
            ).format(count=resolved_count)
        )
    return ", ".join(parts)


def marker_issues(counts: Mapping[str, Counts], path: str) -> list[AnnotationMarker]:
    """A one-element list describing the threads on ``path`` (empty when there are none).

    Pass it to ``FieldEditor.set_issues`` together with the check results.
    """
    open_count, resolved_count = counts.get(path, (0, 0))
    if not open_count and not resolved_count:
        return []
    return [AnnotationMarker(path, marker_tooltip(open_count, resolved_count))]


def annotation_markers(
    annotations: Iterable[Annotation], proposal: BaseModel
) -> list[AnnotationMarker]:
    """One marker per annotated path that still exists in ``proposal`` (orphans are left out)."""
    counts = annotation_counts(annotations)
    return [
        marker
        for path in sorted(counts)
        if exists(proposal, path)
        for marker in marker_issues(counts, path)
    ]


def is_read_only(proposal_status: str, reviewer_mode: bool) -> bool:
    """Whether the editor must not change the proposal.

    Reviewers never edit; authors edit only drafts and proposals sent back for changes.
    Comments stay possible in both cases.
    """
    return reviewer_mode or proposal_status not in EDITABLE_STATUSES
