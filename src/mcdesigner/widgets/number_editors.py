"""Editors for numbers: whole numbers, decimals (hours, credits, percent) and money.

Numbers are typed into a line box rather than a spin box: an empty box means "not given"
(most numbers are optional). Numbers are shown and read back by the shared formatter
(:mod:`mcdesigner.formatting`): "1,200" in English, and ``.`` or ``,`` as decimal mark
where it cannot be a group separator.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from mcdesigner.formatting import formatter
from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.widgets.contract import FieldEditor, signals_blocked

# Letters are refused as they are typed; misplaced separators get a message on parsing.
_INT_RE = "^-?[0-9 .,\u00a0\u202f]{0,16}$"
_DEC_RE = "^-?[0-9 .,\u00a0\u202f]{0,24}$"
#: Most decimals the box shows of a stored number (the model keeps them all).
_MAX_DECIMALS = 6


class NotANumber(ValueError):
    """The text in the box is not (yet) a number."""


def _box_text(value: Any) -> str:
    """A model number as the box shows it: ``12`` rather than ``12.0``, money with cents."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return formatter().number(value, decimals=2)
    if isinstance(value, float):
        exponent = Decimal(repr(value)).normalize().as_tuple().exponent
        places = min(_MAX_DECIMALS, -exponent) if isinstance(exponent, int) else 0
        return formatter().number(value, decimals=max(places, 0))
    return formatter().number(value)


class NumberEditor(FieldEditor):
    """A whole number or a decimal number; empty means not given."""

    merges_typing = True

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.container = QWidget(self)
        row = QHBoxLayout(self.container)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self.container)
        pattern = _INT_RE if field.type.integer else _DEC_RE
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
            return f"{_box_text(low)}–{_box_text(high)}"
        return ""

    def set_unit(self, text: str) -> None:
        """Show ``text`` (a currency code, "h") right of the box."""
        self.unit.setText(text)
        self.unit.setVisible(bool(text))

    def parse(self, text: str) -> Any:
        """The model value of ``text``; raises :class:`NotANumber` with a message to show."""
        try:
            return self.field.parse(text)
        except ValueError as error:
            raise NotANumber(str(error)) from None

    def _on_edited(self, text: str) -> None:
        try:
            self.parse(text)
        except NotANumber as error:
            self.set_input_error(str(error))
            return
        if self.input_error() is not None:
            self.set_input_error(None)
        self.emit_value()

    def value(self) -> Any:
        try:
            return self.parse(self.line.text())
        except NotANumber:
            return None

    def _show(self, value: Any) -> None:
        text = _box_text(value)
        try:
            same = self.parse(self.line.text()) == value
        except NotANumber:
            same = False
        if not same or text == "":
            with signals_blocked(self.line):
                self.line.setText(text)


class MoneyEditor(NumberEditor):
    """An amount of money with two decimals, shown with the proposal's currency."""

    def context_paths(self) -> tuple[str, ...]:
        return ("general.currency",)

    def update_context(self, proposal: Any) -> None:
        general = getattr(proposal, "general", None)
        self.set_unit(getattr(general, "currency", "") or "")
