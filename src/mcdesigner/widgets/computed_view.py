"""Read-only labels for computed values (activity hours, budget totals, a line's amount)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from mcdesigner.formatting import formatter
from mcdesigner.formdefs.computed import ComputedDef

#: Colour of a negative amount (a deficit).
_NEGATIVE = "#c62828"


class ComputedLabel(QLabel):
    """Shows one computed value; ``caption`` is the matching label for a form row."""

    def __init__(
        self, value: ComputedDef, item_path: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.definition = value
        self.item_path = item_path
        self.setObjectName(f"computed:{value.name}")
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolTip(value.help)
        self.setAccessibleName(value.label)
        self.setAccessibleDescription(value.help)
        self._caption: QLabel | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(90)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self._normal = self.palette().color(QPalette.ColorRole.WindowText)
        self._negative = False

    @property
    def caption(self) -> QLabel:
        """A label naming the value, for a form row (made on first use)."""
        if self._caption is None:
            self._caption = QLabel(self.definition.label, self.parentWidget())
            self._caption.setToolTip(self.definition.help)
        return self._caption

    def _text(self, value: float | Decimal | None, currency: str) -> str:
        """``12.5 h`` for hours, ``1,234.50 EUR`` for money, ``–`` while there is nothing."""
        if value is None:
            return "–"
        if self.definition.kind == "money":
            return formatter().money(Decimal(str(value)), currency)
        return self.tr("{hours} h").format(hours=formatter().number(value))

    def refresh(self, proposal: Any) -> None:
        """Recompute and show the value."""
        value = self.definition.value(proposal, self.item_path)
        currency = getattr(getattr(proposal, "general", None), "currency", "") or ""
        text = self._text(value, currency)
        if text != self.text():
            self.setText(text)
        negative = value is not None and value < 0
        if negative != self._negative:
            # A palette rather than a style sheet: a table shows one label per line.
            self._negative = negative
            palette = self.palette()
            colour = QColor(_NEGATIVE) if negative else self._normal
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)
