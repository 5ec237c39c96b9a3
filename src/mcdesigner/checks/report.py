"""Check results as text or JSON, and the small helpers a command line needs.

``format_text`` is meant for a terminal or a plain-text report; ``format_json`` is stable,
machine-readable output (keys in a fixed order, UTF-8 text kept as is).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from pydantic import BaseModel

from mcdesigner.checks.forms import default_form_set
from mcdesigner.checks.issues import (
    CREDENTIAL_GROUP,
    SEVERITIES,
    SEVERITY_RANK,
    Issue,
    Severity,
    section_order,
)
from mcdesigner.checks.readiness import Readiness
from mcdesigner.checks.registry import RULES
from mcdesigner.checks.rule import Rule
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, path_label
from mcdesigner.i18n import N_, tr, tr_n
from mcdesigner.model.edits import SetValue, SetValues

_SEVERITY_LABELS: dict[str, str] = {
    "error": N_("error"),
    "warning": N_("warning"),
    "advice": N_("advice"),
}


def section_title(section: str, forms: FormSet | None = None) -> str:
    """The title of section ``section`` as ``forms`` name it (default: the bundled forms).

    The section's id when the forms cannot load.
    """
    forms = forms if forms is not None else default_form_set()
    if forms is not None:
        for definition in forms.sections:
            if definition.id == section:
                return definition.title
    return section


def severity_label(severity: str) -> str:
    """The translated name of a severity."""
    return tr(_SEVERITY_LABELS.get(severity, severity))


def _percent(value: float) -> str:
    return formatter().percent(round(value))


def summary_line(readiness: Readiness) -> str:
    """One sentence: ready or not, the issue counts and the overall completion."""
    verdict = tr("Ready to submit") if readiness.ready else tr("Not ready to submit")
    errors = readiness.counts.get("error", 0)
    warnings = readiness.counts.get("warning", 0)
    advice = readiness.counts.get("advice", 0)
    return tr(
        "{verdict}: {errors}, {warnings}, {advice}. Required fields filled: {percent}."
    ).format(
        verdict=verdict,
        errors=tr_n("{n} error", "{n} errors", errors).format(n=errors),
        warnings=tr_n("{n} warning", "{n} warnings", warnings).format(n=warnings),
        advice=tr_n("{n} piece of advice", "{n} pieces of advice", advice).format(n=advice),
        percent=_percent(readiness.overall_percent),
    )


def credential_line(issues: Sequence[Issue], readiness: Readiness) -> str:
    """Whether the data copied onto the digital credential is free of errors."""
    if readiness.credential_ready:
        return tr("Data for the digital credential: no errors.")
    count = sum(1 for i in issues if i.severity == "error" and i.group == CREDENTIAL_GROUP)
    return tr_n(
        "Data for the digital credential: {count} error to fix first.",
        "Data for the digital credential: {count} errors to fix first.",
        count,
    ).format(count=count)


def issue_place(issue: Issue, forms: FormSet | None, proposal: BaseModel | None) -> str:
    """``Learning outcome 3 › Outcome (certified.learning_outcomes[lo3].text)``: the field
    as the forms name it, then its path for scripts (the path alone without forms)."""
    if forms is None or not issue.path:
        return issue.path
    label = path_label(forms, issue.path, proposal)
    return f"{label} ({issue.path})" if label and label != issue.path else issue.path


def format_text(
    issues: Sequence[Issue],
    readiness: Readiness,
    proposal: BaseModel | None = None,
    forms: FormSet | None = None,
) -> str:
    """A plain-text report: summary, completion per section, then the issues per section,
    the sections in the order of ``forms``.

    Each issue names its field as the forms do, followed by the field path; ``proposal``
    (the checked one) numbers list items ("Learning outcome 3"), ``forms`` defaults to
    the bundled forms.
    """
    forms = forms if forms is not None else default_form_set()
    lines = [summary_line(readiness), credential_line(issues, readiness), ""]
    lines.append(tr("Completion by section:"))
    sections = section_order(forms) or tuple(readiness.section_percent)
    width = max((len(section_title(s, forms)) for s in sections), default=0)
    for section in sections:
        percent = readiness.section_percent.get(section, 100.0)
        lines.append(f"  {section_title(section, forms):<{width}}  {_percent(percent):>5}")
    if not issues:
        lines += ["", tr("No issues found.")]
        return "\n".join(lines) + "\n"
    by_section: dict[str, list[Issue]] = {}
    for issue in issues:
        by_section.setdefault(issue.section, []).append(issue)
    ordered = [s for s in sections if s in by_section] + sorted(set(by_section) - set(sections))
    for section in ordered:
        lines += ["", section_title(section, forms)]
        for issue in by_section[section]:
            place = issue_place(issue, forms, proposal)
            lines.append(f"  [{severity_label(issue.severity)}] {place}")
            lines.append(f"      {issue.message}")
            lines.append(
                "      "
                + tr("Rule {rule}; {reference}").format(rule=issue.rule, reference=issue.reference)
            )
    return "\n".join(lines) + "\n"


def issue_dict(issue: Issue) -> dict[str, Any]:
    """An issue as a plain dictionary (the JSON form); a fix as its description and the
    values it sets."""
    data = asdict(issue)
    if issue.fix is not None:
        edit = issue.fix.edit
        edits = edit.values if isinstance(edit, SetValues) else (edit,)
        data["fix"] = {
            "description": issue.fix.description,
            "changes": [
                {"path": e.path, "value": e.value} for e in edits if isinstance(e, SetValue)
            ],
        }
    return data


def format_json(issues: Sequence[Issue], readiness: Readiness) -> str:
    """The report as JSON: readiness first, then the list of issues."""
    document = {
        "ready": readiness.ready,
        "overall_percent": readiness.overall_percent,
        "section_percent": dict(readiness.section_percent),
        "counts": {s: readiness.counts.get(s, 0) for s in SEVERITIES},
        "credential_ready": readiness.credential_ready,
        "issues": [issue_dict(issue) for issue in issues],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------
# Command-line helpers
# ---------------------------------------------------------------------------
def parse_severity(text: str) -> Severity:
    """``"error"``, ``"warning"`` or ``"advice"`` (any case); a clear ``ValueError`` otherwise."""
    value = text.strip().lower()
    for severity in SEVERITIES:
        if value == severity:
            return severity
    raise ValueError(
        tr("Unknown severity “{text}”: use error, warning or advice.").format(text=text)
    )


def filter_issues(
    issues: Iterable[Issue],
    minimum: Severity = "advice",
    sections: Iterable[str] | None = None,
) -> list[Issue]:
    """Issues at least as serious as ``minimum``, optionally only from ``sections``."""
    wanted = set(sections) if sections is not None else None
    limit = SEVERITY_RANK[minimum]
    return [
        i
        for i in issues
        if SEVERITY_RANK[i.severity] <= limit and (wanted is None or i.section in wanted)
    ]


def exit_status(issues: Iterable[Issue], fail_on: Severity = "error") -> int:
    """0 when no issue is at least as serious as ``fail_on``, else 1 (for scripts and CI)."""
    return 1 if filter_issues(issues, fail_on) else 0


def format_rules(rules: Sequence[Rule] = RULES) -> str:
    """The rule catalogue as text: id, usual severity, title and reference, one block each."""
    lines: list[str] = []
    for rule in rules:
        section = tr("any section") if rule.section == "any" else section_title(rule.section)
        lines.append(f"{rule.id}  [{severity_label(rule.severity)}]  {rule.display_title}")
        lines.append(f"    {section}; {tr(rule.reference)}")
    return "\n".join(lines) + "\n"
