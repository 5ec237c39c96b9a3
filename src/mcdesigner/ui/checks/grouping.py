"""Check results arranged for display: by section, in the order fields appear on the forms.

Pure (no Qt), so the arrangement can be tested on its own. The issues panel shows
:func:`group_issues`; the navigator shows :func:`badge_for` next to each section; editor
widgets receive their own issues from :func:`issues_by_path`.

Fields are named by :func:`mcdesigner.formdefs.path_label`, as everywhere else: list
items by their label and position (``Learning outcome 3 › ESCO skill 2 › ESCO address``),
so a user can find the exact item even when several items share a field.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from mcdesigner.checks import SEVERITIES, Issue, Readiness
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, default_forms, display_order, path_label
from mcdesigner.formdefs.labels import humanize
from mcdesigner.i18n import tr, tr_n
from mcdesigner.model.fieldpath import PathError, Segment, get_value, parse_path

#: Badge of a section whose required fields are all filled and that has no error.
COMPLETE_BADGE = "✓"
#: Badge of a section whose required fields are all filled but that still has errors.
ERRORS_BADGE = "!"

_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_UNKNOWN = 1_000_000


@dataclass(frozen=True, slots=True)
class IssueEntry:
    """One issue with the name of the field it points at."""

    issue: Issue
    label: str


@dataclass(frozen=True)
class SectionIssues:
    """The issues of one section, in the order of the section's fields."""

    section_id: str
    title: str
    entries: tuple[IssueEntry, ...]
    counts: dict[str, int] = field(default_factory=dict)


def count_by_severity(issues: Iterable[Issue]) -> dict[str, int]:
    """How many issues there are of each severity (every severity present, maybe 0)."""
    counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for issue in issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
    return counts


def issues_by_path(issues: Iterable[Issue]) -> dict[str, list[Issue]]:
    """The issues of each concrete field path, most serious first (for inline display)."""
    found: dict[str, list[Issue]] = {}
    for issue in issues:
        found.setdefault(issue.path, []).append(issue)
    for listed in found.values():
        listed.sort(key=lambda i: _SEVERITY_RANK.get(i.severity, len(SEVERITIES)))
    return found


def section_issues(section_id: str, issues: Iterable[Issue]) -> list[Issue]:
    """The issues that belong to ``section_id``."""
    return [i for i in issues if i.section == section_id]


def badge_for(section_id: str, readiness: Readiness, issues: Iterable[Issue]) -> str:
    """Short text for the navigator next to a section.

    :data:`COMPLETE_BADGE` when every required field of the section is filled and it has
    no error; :data:`ERRORS_BADGE` when everything is filled but errors remain (a rule
    beyond "fill this in" fails); otherwise the completion in whole per cent, rounded
    down so that a section is never shown as 100 % while something is missing.
    """
    percent = readiness.section_percent.get(section_id, 100.0)
    errors = count_by_severity(section_issues(section_id, issues))["error"]
    if percent >= 100.0:
        return ERRORS_BADGE if errors else COMPLETE_BADGE
    return formatter().percent(math.floor(percent))


def counts_phrase(counts: dict[str, int]) -> str:
    """``3 errors, 1 warning, 2 advice`` (singular and plural through :func:`tr`)."""
    errors, warnings, advice = (counts.get(s, 0) for s in SEVERITIES)
    error_text = tr_n("{n} error", "{n} errors", errors)
    warning_text = tr_n("{n} warning", "{n} warnings", warnings)
    advice_text = tr_n("{n} piece of advice", "{n} pieces of advice", advice)
    return ", ".join(
        (
            error_text.format(n=errors),
            warning_text.format(n=warnings),
            advice_text.format(n=advice),
        )
    )


def badge_tooltip(section_id: str, readiness: Readiness, issues: Iterable[Issue]) -> str:
    """A sentence explaining :func:`badge_for` (for the navigator's tooltip)."""
    percent = readiness.section_percent.get(section_id, 100.0)
    counts = count_by_severity(section_issues(section_id, issues))
    filled = tr("{percent} of the required fields are filled in.", "checks-ui").format(
        percent=formatter().percent(math.floor(percent))
    )
    return f"{filled} {counts_phrase(counts)}."


# ---------------------------------------------------------------------------
# Order
# ---------------------------------------------------------------------------
def _join(segments: Sequence[Segment]) -> str:
    return ".".join(s.name if s.item is None else f"{s.name}[{s.item}]" for s in segments)


def _sort_key(
    issue: Issue,
    order: dict[str, int],
    item_position: dict[str, int],
) -> tuple[Any, ...]:
    """Where the issue's field appears: list positions and item numbers, then the field."""
    try:
        segments = parse_path(issue.path)
    except PathError:
        return ((_UNKNOWN,), _SEVERITY_RANK.get(issue.severity, 9))
    if len(segments) == 1 and segments[0].item is None and issue.path == issue.section:
        # About the whole section (or the top-level list of the same name): first.
        return ((-1,), _SEVERITY_RANK.get(issue.severity, 9))
    key: list[int] = []
    schema: list[str] = []
    for end, segment in enumerate(segments, 1):
        schema.append(segment.name)
        if segment.item is not None:
            key.append(order.get(".".join(schema), _UNKNOWN))
            concrete = _join(segments[:end])
            key.append(item_position.get(concrete, _UNKNOWN))
            schema[-1] = f"{segment.name}[]"
    last = segments[-1]
    if last.item is None:
        key.append(order.get(".".join(schema), _UNKNOWN))
    return (tuple(key), _SEVERITY_RANK.get(issue.severity, 9))


def _item_positions(issues: Sequence[Issue], proposal: BaseModel | None) -> dict[str, int]:
    """Position of each list item named in the issues: its index in the proposal if known,
    else the order in which the issues first mention it."""
    positions: dict[str, int] = {}
    for issue in issues:
        try:
            segments = parse_path(issue.path)
        except PathError:
            continue
        for end, segment in enumerate(segments, 1):
            if segment.item is None:
                continue
            concrete = _join(segments[:end])
            if concrete in positions:
                continue
            positions[concrete] = _position_in_proposal(segments[:end], proposal)
    fallback = len(positions)
    for concrete, position in positions.items():
        if position < 0:
            positions[concrete] = fallback
            fallback += 1
    return positions


def _position_in_proposal(segments: Sequence[Segment], proposal: BaseModel | None) -> int:
    if proposal is None:
        return -1
    *head, last = segments
    try:
        items = get_value(proposal, _join([*head, Segment(last.name)]))
    except PathError:
        return -1
    for index, item in enumerate(items):
        if getattr(item, "id", None) == last.item:
            return index
    return -1


def sort_issues(
    issues: Sequence[Issue], forms: FormSet | None = None, proposal: BaseModel | None = None
) -> list[Issue]:
    """Issues in form order: section, then field (items in list order), then severity."""
    forms = forms or default_forms()
    order = display_order(forms)
    section_rank = {s.id: s.order for s in forms.sections}
    positions = _item_positions(issues, proposal)
    return sorted(
        issues,
        key=lambda i: (section_rank.get(i.section, _UNKNOWN), *_sort_key(i, order, positions)),
    )


def group_issues(
    issues: Sequence[Issue],
    forms: FormSet | None = None,
    proposal: BaseModel | None = None,
    severities: Iterable[str] | None = None,
) -> list[SectionIssues]:
    """The issues by section, sections in form order, only the sections that have issues.

    ``severities`` keeps only issues of those severities in ``entries``; ``counts``
    always counts every issue of the section, so a filtered view still says what is
    hidden. A section whose issues are all filtered out is left out.
    """
    forms = forms or default_forms()
    shown = set(SEVERITIES if severities is None else severities)
    titles = {s.id: s.title for s in forms.sections}
    grouped: dict[str, list[Issue]] = {}
    for issue in sort_issues(issues, forms, proposal):
        grouped.setdefault(issue.section, []).append(issue)
    result = []
    for section_id, members in grouped.items():
        entries = tuple(
            IssueEntry(issue, path_label(forms, issue.path, proposal))
            for issue in members
            if issue.severity in shown
        )
        if not entries:
            continue
        result.append(
            SectionIssues(
                section_id=section_id,
                title=titles.get(section_id, humanize(section_id)),
                entries=entries,
                counts=count_by_severity(members),
            )
        )
    return result
