"""A block of labelled field editors (one group, or the fields of one list item).

Blocks and lists do not apply changes themselves: they hand editors to a
:class:`PageContext` (the section page), which turns user changes into edits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget

from mcdesigner.formdefs.definitions import FieldDef, FormSet
from mcdesigner.model.edits import Edit
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.labels import FieldLabel
from mcdesigner.widgets.registry import editor_for


class PageContext(Protocol):
    """What blocks and lists need from the page that holds them."""

    forms: FormSet

    def adopt(self, editor: FieldEditor, label: QWidget | None = None) -> None:
        """Start reporting the editor's changes; ``label`` is hidden with it."""

    def release(self, editor: FieldEditor) -> None:
        """Stop reporting the editor's changes (it is about to be deleted)."""

    def submit(self, edit: Edit, description: str, *, focus_after: str | None = None) -> bool:
        """Apply ``edit``; afterwards focus the value at ``focus_after`` if given."""

    def current_proposal(self) -> Any:
        """The proposal shown (None before one is loaded)."""

    def item_built(self, owner: Any, view: Any) -> None:
        """A list built the editors of an item that was a placeholder until now."""


def make_editor(field: FieldDef, path: str, parent: QWidget | None = None) -> FieldEditor:
    """An editor for ``field`` bound to the concrete ``path``."""
    editor = editor_for(field, parent)
    editor.set_path(path)
    editor.setObjectName(f"editor:{field.path}")
    return editor


class FieldBlock(QWidget):
    """Editors of ``fields`` in a two-column form (label, editor)."""

    def __init__(
        self,
        fields: Iterable[FieldDef],
        concrete_path: Callable[[str], str],
        context: PageContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.editors: list[FieldEditor] = []
        for field in fields:
            editor = make_editor(field, concrete_path(field.path), self)
            label = FieldLabel(field, self)
            label.setBuddy(editor)
            self.layout_.addRow(label, editor)
            editor.form_layout = self.layout_  # type: ignore[attr-defined]
            context.adopt(editor, label)
            self.editors.append(editor)
