"""The proposal itself as blocks: every form section in order, lists as tables or cards.

The walk follows the form definitions (section order, group titles, field labels, which
fields go onto the credential). Lists become tables when their columns fit on a page
(learning outcomes with their ESCO skills, activities, assessments, staff, budget lines,
indicators, calendar) with totals where a column adds up; wider lists (rights, the
self-assessment entries) become one labelled card per item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mcdesigner.export.blocks import Align, FieldRow, Table
from mcdesigner.export.formatting import EMPTY_CELL, safe_text
from mcdesigner.export.forms import ref_targets
from mcdesigner.export.values import ValueFormatter
from mcdesigner.export.writer import BlockWriter
from mcdesigner.fieldtypes import FLOAT, LONGTEXT, MONEY, TEXT, FieldType
from mcdesigner.formdefs import ComputedDef, FieldDef, FormSet, GroupDef, SectionDef
from mcdesigner.formdefs.values import value_text
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import FieldShape
from mcdesigner.model.proposal import Proposal

#: Most columns a list table may have on an A4 page before it becomes cards.
MAX_COLUMNS = 6

#: Fields whose column is added up in a totals row (relative field names).
_SUMMED = {"hours", "weight"}


def _computed_type(computed: ComputedDef) -> FieldType:
    return MONEY if computed.kind == "money" else FLOAT


def bind(schema: str, item_ids: Sequence[str]) -> str:
    """Put ``item_ids`` (outermost first) into the first ``[]`` of ``schema``."""
    result = schema
    for item_id in item_ids:
        result = result.replace("[]", f"[{item_id}]", 1)
    return result


@dataclass(frozen=True, slots=True)
class _Column:
    """One table column: the fields it shows, a nested list, or a computed value."""

    label: str
    fields: tuple[FieldDef, ...] = ()
    nested: GroupDef | None = None
    computed: ComputedDef | None = None

    @property
    def type(self) -> FieldType:
        """The field type whose document layout the column takes."""
        if self.nested is not None:
            return LONGTEXT
        if self.computed is not None:
            return _computed_type(self.computed)
        return self.fields[0].type if len(self.fields) == 1 else TEXT

    @property
    def summed(self) -> bool:
        if self.computed is not None:
            return self.computed.per_item
        return len(self.fields) == 1 and self.fields[0].path.rsplit(".", 1)[-1] in _SUMMED

    @property
    def on_credential(self) -> bool:
        return any(f.on_credential for f in self.fields) or bool(
            self.nested is not None and self.nested.on_credential
        )


class ProposalBlocks:
    """Writes the blocks of a proposal's sections into a :class:`BlockWriter`."""

    def __init__(
        self, writer: BlockWriter, proposal: Proposal, forms: FormSet, values: ValueFormatter
    ) -> None:
        self.writer = writer
        self.proposal = proposal
        self.forms = forms
        self.values = values
        self._numbered = ref_targets(forms)

    # -- sections -----------------------------------------------------------
    def write(self, level: int) -> None:
        """All sections, each starting with a heading of ``level``."""
        for section in self.forms.sections:
            self.section(section, level)

    def section(self, section: SectionDef, level: int) -> None:
        """One section: its heading, groups and summary values."""
        self.writer.heading(level, section.title, f"section-{section.id}")
        for group in section.groups:
            self.group(group, level + 1, ())
        self._summaries(section)

    def _summaries(self, section: SectionDef) -> None:
        declared = [c for c in section.computed if not c.per_item]
        declared += [c for g in section.all_groups() for c in g.computed if not c.per_item]
        rows = [FieldRow(c.label, self._computed_text(c, None)) for c in declared]
        if rows:
            self.writer.paragraph(tr("Totals"), "label")
            self.writer.fields(rows)

    # -- groups -------------------------------------------------------------
    def group(
        self, group: GroupDef, level: int, item_ids: tuple[str, ...], as_heading: bool = True
    ) -> None:
        """A group of fields, or a list of items as a table or cards."""
        if group.title:
            if as_heading:
                self.writer.heading(level, group.title, f"{group.section_id}-{group.id}")
            else:
                self.writer.paragraph(group.title, "label")
        if not group.repeatable:
            self.writer.fields(self._rows(group.fields, item_ids))
            for sub in group.groups:
                self.group(sub, level + 1, item_ids, as_heading)
            return
        assert group.path is not None
        items = self.values.value(bind(group.path, item_ids)) or []
        if not items:
            self.writer.paragraph(tr("None listed."), "muted")
            return
        columns = self._columns(group)
        if columns is not None:
            self.writer.add(self._table(group, columns, items, item_ids))
        else:
            self._cards(group, items, level, item_ids)

    def _rows(self, fields: Sequence[FieldDef], item_ids: tuple[str, ...]) -> list[FieldRow]:
        # A field the form hides does not apply (the number of places of an offer with no
        # limit): printing it as "Not provided" would contradict the field that hides it.
        rows = []
        for f in fields:
            path = bind(f.path, item_ids)
            if f.visible_if is None or self.forms.is_visible(self.proposal, path, f):
                rows.append(FieldRow(f.label, self.values.field_text(f, path), f.on_credential))
        return rows

    def _cards(
        self, group: GroupDef, items: list[Any], level: int, item_ids: tuple[str, ...]
    ) -> None:
        for index, item in enumerate(items):
            ids = (*item_ids, item.id)
            item_path = bind(f"{group.path}[]", ids)
            self.writer.paragraph(self.values.item_title(group, item, index, item_path), "item")
            self.writer.fields(self._rows(group.fields, ids))
            for computed in group.computed:
                if computed.per_item:
                    path = bind(f"{group.path}[]", ids)
                    text = self._computed_text(computed, path)
                    self.writer.fields([FieldRow(computed.label, text)])
            for sub in group.groups:
                self.group(sub, level + 1, ids, as_heading=False)

    # -- tables -------------------------------------------------------------
    def _columns(self, group: GroupDef) -> list[_Column] | None:
        assert group.path is not None
        # The form's document_columns: fields sharing a column so the table fits the page.
        by_path = {f.path: f for f in group.fields}
        plan = group.document_columns
        columns: list[_Column] = []
        if plan and all(p in by_path for paths in plan for p in paths):
            planned = {p for paths in plan for p in paths}
            for paths in plan:
                fields = tuple(by_path[p] for p in paths)
                columns.append(_Column(" / ".join(f.label for f in fields), fields))
            columns += [_Column(f.label, (f,)) for f in group.fields if f.path not in planned]
        else:
            columns = [_Column(f.label, (f,)) for f in group.fields]
        columns += [_Column(g.title, nested=g) for g in group.groups if g.repeatable]
        columns += [_Column(c.label, computed=c) for c in group.computed if c.per_item]
        longtexts = sum(1 for c in columns if c.type.document.paragraph and c.nested is None)
        has_objects = any(not g.repeatable for g in group.groups)
        if len(columns) > MAX_COLUMNS or longtexts > 2 or has_objects:
            return None
        return columns

    def _table(
        self, group: GroupDef, columns: list[_Column], items: list[Any], item_ids: tuple[str, ...]
    ) -> Table:
        assert group.path is not None
        numbered = group.path in self._numbered and not item_ids
        rows: list[tuple[str, ...]] = []
        sums: list[Decimal | None] = [None] * len(columns)
        for index, item in enumerate(items):
            ids = (*item_ids, item.id)
            cells: list[str] = [str(index + 1)] if numbered else []
            for col_index, column in enumerate(columns):
                text, amount = self._cell(group, column, ids)
                cells.append(text or EMPTY_CELL)
                if column.summed and amount is not None:
                    sums[col_index] = (sums[col_index] or Decimal(0)) + amount
            rows.append(tuple(cells))
        totals: tuple[str, ...] | None = None
        if any(s is not None for s in sums):
            cells = [""] * (len(columns) + (1 if numbered else 0))
            offset = 1 if numbered else 0
            for col_index, (column, total) in enumerate(zip(columns, sums, strict=True)):
                if total is not None:
                    cells[col_index + offset] = self._total_text(column, total)
            first_free = next((i for i, c in enumerate(cells) if not c), None)
            if first_free is not None:
                cells[first_free] = tr("Total")
            totals = tuple(cells)
        headers = [c.label for c in columns]
        weights = [c.type.document.width for c in columns]
        align: list[Align] = [c.type.document.align for c in columns]
        credential = [c.on_credential for c in columns]
        if numbered:
            headers.insert(0, tr("No."))
            weights.insert(0, 0.45)
            align.insert(0, "right")
            credential.insert(0, False)
        total_weight = sum(weights)
        return Table(
            columns=tuple(safe_text(h) for h in headers),
            rows=tuple(rows),
            widths=tuple(w / total_weight for w in weights),
            totals_row=totals,
            align=tuple(align),
            credential_columns=tuple(credential),
        )

    def _cell(
        self, group: GroupDef, column: _Column, ids: tuple[str, ...]
    ) -> tuple[str, Decimal | None]:
        if column.computed is not None:
            path = bind(f"{group.path}[]", ids)
            value = column.computed.value(self.proposal, path)
            amount = Decimal(str(value)) if value is not None else None
            return self._computed_text(column.computed, path), amount
        if column.nested is not None:
            return self._nested_text(column.nested, ids), None
        texts = [self.values.field_text(f, bind(f.path, ids)) for f in column.fields]
        amount = None
        if column.summed:
            raw = self.values.value(bind(column.fields[0].path, ids))
            amount = Decimal(str(raw)) if isinstance(raw, int | float | Decimal) else None
        return "\n".join(t for t in texts if t), amount

    def _nested_text(self, group: GroupDef, ids: tuple[str, ...]) -> str:
        assert group.path is not None
        items = self.values.value(bind(group.path, ids)) or []
        lines = []
        for item in items:
            sub_ids = (*ids, item.id)
            parts = [self.values.field_text(f, bind(f.path, sub_ids)) for f in group.fields]
            lines.append(" — ".join(p for p in parts if p))
        return "\n".join(line for line in lines if line)

    def _total_text(self, column: _Column, total: Decimal) -> str:
        shape = FieldShape(column.type.name)
        return value_text(shape, total, currency=self.values.currency)

    def _computed_text(self, computed: ComputedDef, item_path: str | None) -> str:
        value = computed.value(self.proposal, item_path)
        if value is None:
            return ""
        shape = FieldShape(_computed_type(computed).name)
        return value_text(shape, Decimal(str(value)), currency=self.values.currency)
