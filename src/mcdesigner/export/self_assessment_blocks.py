"""The self-assessment report as blocks: a ratings summary, then one chapter per ESG standard.

Each chapter gives the standard's rating on the four-level implementation scale, the
facts of the proposal that bear on the standard (so a reader sees the evidence next to
the judgement) and the author's narrative: evidence, strengths, weaknesses and actions.
"""

from __future__ import annotations

from typing import Any

from mcdesigner.export.blocks import FieldRow, Table
from mcdesigner.export.formatting import EMPTY_CELL, humanize, safe_text, shorten
from mcdesigner.export.values import ValueFormatter
from mcdesigner.export.writer import BlockWriter
from mcdesigner.formdefs import FormSet, GroupDef, element_label
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import EsgEntry, Proposal
from mcdesigner.model.standards import ESG_BY_NUMBER, RATING_SCALE

#: Proposal fields and lists that give evidence for each ESG standard.
EVIDENCE_PATHS: dict[str, tuple[str, ...]] = {
    "1.1": (
        "quality.responsible_body",
        "certified.quality_assurance_types",
        "certified.quality_assurance_description",
    ),
    "1.2": (
        "general.rationale",
        "certified.learning_outcomes",
        "certified.eqf_level",
        "certified.ects_credits",
        "certified.notional_hours",
    ),
    "1.3": (
        "academic.methodology",
        "academic.assessments",
        "certified.assessment_types",
        "certified.modes",
        "certified.grading_scheme",
    ),
    "1.4": (
        "general.prerequisites",
        "general.target_groups",
        "general.places",
        "general.application_deadline",
        "certified.integration",
        "certified.stackability",
        "rights",
    ),
    "1.5": ("staff",),
    "1.6": (
        "academic.resources",
        "academic.accessibility",
        "general.learning_material_formats",
    ),
    "1.7": ("quality.indicators", "quality.satisfaction_surveys"),
    "1.8": (
        "general.description",
        "general.registration_link",
        "general.languages",
        "general.contact.email",
    ),
    "1.9": (
        "quality.calendar",
        "quality.improvement_plan",
        "quality.stakeholder_involvement",
    ),
    "1.10": (
        "certified.quality_assurance_types",
        "certified.quality_assurance_description",
        "quality.responsible_body",
    ),
}

_NARRATIVE = ("evidence", "strengths", "weaknesses", "actions")
_EVIDENCE_LIMIT = 300


def rating_text(rating: int | None) -> str:
    """``3 – Partially implemented``, or ``Not rated``."""
    if rating is None:
        return tr("Not rated")
    return f"{rating} – {tr(RATING_SCALE[rating])}"


def standard_title(number: str) -> str:
    """``ESG 1.3 Student-centred learning, teaching and assessment``."""
    info = ESG_BY_NUMBER[number]
    return f"{tr('ESG')} {info.number} {tr(info.title)}"


class SelfAssessmentBlocks:
    """Writes the self-assessment report of a proposal into a :class:`BlockWriter`."""

    def __init__(
        self, writer: BlockWriter, proposal: Proposal, forms: FormSet, values: ValueFormatter
    ) -> None:
        self.writer = writer
        self.proposal = proposal
        self.forms = forms
        self.values = values

    def write(self, level: int) -> None:
        """Summary table and one chapter per standard, headings starting at ``level``."""
        self.summary(level)
        for entry in self.proposal.self_assessment.entries:
            self.chapter(entry, level)

    def summary(self, level: int) -> None:
        """The table of all ten ratings."""
        self.writer.heading(level, tr("Summary of ratings"), "summary-of-ratings")
        self.writer.paragraph(
            tr(
                "Each ESG 2015 Part 1 standard is rated on a four-level scale: "
                "1 not implemented, 2 minimally, 3 partially, 4 fully implemented."
            ),
            "note",
        )
        rows = tuple(
            (
                entry.standard,
                tr(ESG_BY_NUMBER[entry.standard].title),
                rating_text(entry.rating),
            )
            for entry in self.proposal.self_assessment.entries
        )
        self.writer.add(
            Table(
                columns=(tr("Standard"), tr("Title"), tr("Rating")),
                rows=rows,
                widths=(0.14, 0.56, 0.30),
            )
        )

    def chapter(self, entry: EsgEntry, level: int) -> None:
        """One ESG standard: rating, evidence from the proposal and the narrative."""
        info = ESG_BY_NUMBER[entry.standard]
        self.writer.heading(level, standard_title(entry.standard), f"esg-{entry.standard}")
        self.writer.paragraph(tr(info.focus), "note")
        self.writer.fields([FieldRow(self._label("rating", "Rating"), rating_text(entry.rating))])
        self.writer.paragraph(tr("Evidence from the proposal"), "label")
        self.writer.fields(self._evidence(entry.standard))
        for name in _NARRATIVE:
            text = safe_text(getattr(entry, name))
            self.writer.paragraph(self._label(name, humanize(name)), "label")
            if text:
                self.writer.paragraph(text)
            else:
                self.writer.paragraph(tr("Not provided"), "muted")

    def _label(self, name: str, default: str) -> str:
        return element_label(self.forms, f"self_assessment.entries[].{name}") or tr(default)

    def _evidence(self, standard: str) -> list[FieldRow]:
        rows = []
        for path in EVIDENCE_PATHS.get(standard, ()):
            field = self.forms.field(path)
            if field is not None:
                text = self.values.field_text(field, path).replace("\n", "; ")
                text = shorten(text, _EVIDENCE_LIMIT)
                rows.append(FieldRow(field.label, text, field.on_credential))
                continue
            group = self.forms.group_for_list(path)
            if group is not None:
                items = self.values.value(path) or []
                rows.append(FieldRow(group.title, self._list_summary(group, path, items)))
        return rows

    def _list_summary(self, group: GroupDef, path: str, items: list[Any]) -> str:
        if not items:
            return ""
        titles = [
            self.values.item_title(group, item, i, f"{path}[{item.id}]")
            for i, item in enumerate(items)
        ]
        count = tr("{count} listed").format(count=len(items))
        return shorten(f"{count}: " + "; ".join(t or EMPTY_CELL for t in titles), _EVIDENCE_LIMIT)
