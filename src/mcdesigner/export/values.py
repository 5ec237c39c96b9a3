"""Display text of one form field of a proposal, as printed in documents.

The translated texts (title, outcomes, contents...) are read in the document's content
language; a text not translated into it shows the main-language text with a marker
(:func:`~mcdesigner.export.content_language.fallback_marker`).
"""

from __future__ import annotations

from typing import Any

from mcdesigner.export.content_language import fallback_marker
from mcdesigner.export.formatting import safe_text
from mcdesigner.formdefs import FieldDef, FormSet, GroupDef, item_noun
from mcdesigner.formdefs.values import field_text
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import PathError, get_value
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.translations import LanguageText, text_in, translated_paths


class ValueFormatter:
    """Formats field values of one proposal (knows its currency, list numbering and the
    language its texts are shown in).

    ``language`` is the content language (None: the main language); :attr:`marked` turns
    true once a text has been shown in the main language for want of a translation.
    """

    def __init__(self, proposal: Proposal, forms: FormSet, language: str | None = None) -> None:
        self.proposal = proposal
        self.forms = forms
        self.currency = proposal.general.currency or ""
        self._numbers: dict[str, dict[str, int]] = {}
        self.main = proposal.languages.main
        self.language = language or self.main
        self._translated = (
            frozenset(translated_paths(proposal)) if self.language != self.main else frozenset()
        )
        self.marked = False

    def text_in_language(self, concrete_path: str) -> LanguageText | None:
        """The translated text at ``concrete_path`` in the content language (None when the
        path is no translated text, or the document is in the main language)."""
        if concrete_path not in self._translated:
            return None
        return text_in(self.proposal, self.language, concrete_path)

    def mark(self, text: str, found: LanguageText) -> str:
        """``text`` followed by the fallback marker when ``found`` is a main-language stand-in."""
        if not found.fallback or not text:
            return text
        self.marked = True
        return f"{text} {fallback_marker(self.main)}"

    def display_title(self) -> str:
        """The proposal's title in the content language (marked when it is a stand-in)."""
        found = self.text_in_language("general.title")
        if found is None or not found.text:
            return safe_text(self.proposal.display_title)
        return self.mark(safe_text(found.text), found)

    def plain_title(self) -> str:
        """The proposal's title in the content language, unmarked (headers, metadata)."""
        found = self.text_in_language("general.title")
        text = found.text if found is not None and found.text else self.proposal.display_title
        return safe_text(text)

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
        """Display text of ``field`` at ``concrete_path``, in the content language."""
        found = self.text_in_language(concrete_path)
        if found is None:
            return self.text(field, self.value(concrete_path))
        return self.mark(self.text(field, found.text), found)

    def item_title(self, group: GroupDef, item: Any, index: int, item_path: str) -> str:
        """The heading of ``item`` (at ``item_path``) of ``group``, in the content language."""
        if group.title_field is None:
            return safe_text(group.item_title(item, index))
        name = group.title_field.rsplit(".", 1)[-1]
        found = self.text_in_language(f"{item_path}.{name}")
        if found is None or not found.text.strip():
            return safe_text(group.item_title(item, index))
        shown = group.item_title(item.model_copy(update={name: found.text}), index)
        return self.mark(safe_text(shown), found)

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
