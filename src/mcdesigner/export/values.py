"""Display text of one form field of a proposal, as printed in documents."""

from __future__ import annotations

from typing import Any

from mcdesigner.export.formatting import safe_text
from mcdesigner.formdefs import FieldDef, FormSet, item_noun
from mcdesigner.formdefs.values import field_text
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import PathError, get_value
from mcdesigner.model.proposal import Proposal


class ValueFormatter:
    """Formats field values of one proposal (knows its currency and list numbering)."""

    def __init__(self, proposal: Proposal, forms: FormSet) -> None:
        self.proposal = proposal
        self.forms = forms
        self.currency = proposal.general.currency or ""
        self._numbers: dict[str, dict[str, int]] = {}

    def value(self, concrete_path: str) -> Any:
        """The raw value at ``concrete_path`` (None when the path no longer exists)."""
        try:
            return get_value(self.proposal, concrete_path)
        except PathError:
            return None

    def text(self, field: FieldDef, value: Any) -> str:
        """``value`` of ``field`` as display text; empty when there is nothing to show.

        Lists print one entry per line, so a right-to-left entry never reorders its
        neighbours.
        """
        text = field_text(
            field,
            value,
            currency=self.currency,
            references=self.ref_label,
            separator="\n",
        )
        return safe_text(text)

    def field_text(self, field: FieldDef, concrete_path: str) -> str:
        """Display text of ``field`` at ``concrete_path``."""
        return self.text(field, self.value(concrete_path))

    def item_number(self, list_path: str, item_id: str) -> int | None:
        """1-based position of item ``item_id`` in the top-level list ``list_path``."""
        if list_path not in self._numbers:
            items = self.value(list_path) or []
            self._numbers[list_path] = {item.id: n for n, item in enumerate(items, start=1)}
        return self._numbers[list_path].get(item_id)

    def ref_label(self, list_path: str | None, item_id: str) -> str:
        """``Learning outcome 2`` for an id pointing into ``list_path``."""
        if list_path is None:
            return item_id
        group = self.forms.group_for_list(list_path)
        label = item_noun(group, tr("Item"))
        number = self.item_number(list_path, item_id)
        if number is None:
            return tr("{label} (removed)").format(label=label)
        return f"{label} {number}"
