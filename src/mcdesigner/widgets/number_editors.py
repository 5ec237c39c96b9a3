"""Editors for numbers: whole numbers, decimals (hours, credits, percent) and money.

Numbers are typed into a line box rather than a spin box: an empty box means "not given"
(most numbers are optional), and both ``.`` and ``,`` are accepted as decimal mark.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.widgets.contract import FieldEditor, signals_blocked

_INT_RE = r"^-?[0-9 ]{0,12}$"
_DEC_RE = r"^-?[0-9 ]{0,13}([.,][0-9]{0,6})?$"


class NotANumber(ValueError):
    """The text in the box is not (yet) a number."""


def format_number(value: Any) -> str:
    """A model number as the box shows it (``12`` rather than ``12.0``)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


class NumberEditor(FieldEditor):
    """A whole number or a decimal number; empty means not given."""

    merges_typing = True

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.container = QWidget(self)
        row = QHBoxLayout(self.container)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self.container)
        pattern = _INT_RE if field.kind == "int" else _DEC_RE
        self.line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.line))
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line.setMaximumWidth(160)
        self.line.setPlaceholderText(field.placeholder or self._range_hint())
        self.line.textEdited.connect(self._on_edited)
        self.line.returnPressed.connect(self.editing_finished)
        row.addWidget(self.line)
        self.unit = QLabel(self.container)
        self.unit.setVisible(False)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.install(self.container, focus=self.line)

    def _range_hint(self) -> str:
        low, high = self.field.shape.minimum, self.field.shape.maximum
        if low is not None and high is not None and high <= 1000:
            return f"{format_number(low)}–{format_number(high)}"
        return ""

    def set_unit(self, text: str) -> None:
        """Show ``text`` (a currency code, "h") right of the box."""
        self.unit.setText(text)
        self.unit.setVisible(bool(text))

    def parse(self, text: str) -> Any:
        """The model value of ``text``; raises :class:`NotANumber`."""
        text = text.replace(" ", "").replace(",", ".")
        if not text:
            return None
        try:
            if self.field.kind == "int":
                return int(text)
            if self.field.kind == "money":
                return Decimal(text)
            return float(text)
        except (ValueError, InvalidOperation):
            raise NotANumber(text) from None

    def _on_edited(self, text: str) -> None:
        try:
            self.parse(text)
        except NotANumber:
            self.set_input_error(self.tr("Enter a number, for example 12 or 12.5."))
            return
        self.emit_value()

    def value(self) -> Any:
        try:
            return self.parse(self.line.text())
        except NotANumber:
            return None

    def _show(self, value: Any) -> None:
        text = format_number(value)
        try:
            same = self.parse(self.line.text()) == value
        except NotANumber:
            same = False
        if not same or text == "":
            with signals_blocked(self.line):
                self.line.setText(text)


class MoneyEditor(NumberEditor):
    """An amount of money with two decimals, shown with the proposal's currency."""

    def update_context(self, proposal: Any) -> None:
        general = getattr(proposal, "general", None)
        self.set_unit(getattr(general, "currency", "") or "")
