"""Severity icons drawn in code: shape and colour both tell the severity apart.

An error is a red disc with an exclamation mark, a warning an amber triangle with an
exclamation mark, advice a blue disc with an "i", so the icons stay distinguishable for
people who do not see the colours. No image files are needed.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap

#: Colour of each severity (text and icons).
SEVERITY_COLOURS: dict[str, str] = {
    "error": "#c62828",
    "warning": "#e08a00",
    "advice": "#1565c0",
}
READY_COLOUR = "#2e7d32"

_SIZES = (16, 24, 32, 48)
_cache: dict[str, QIcon] = {}


def _draw(severity: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(SEVERITY_COLOURS.get(severity, READY_COLOUR))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    glyph = "!"
    glyph_box = QRectF(box)
    if severity == "warning":
        triangle = QPainterPath()
        triangle.moveTo(QPointF(box.center().x(), box.top()))
        triangle.lineTo(QPointF(box.right(), box.bottom()))
        triangle.lineTo(QPointF(box.left(), box.bottom()))
        triangle.closeSubpath()
        painter.drawPath(triangle)
        glyph_box = QRectF(
            box.left(), box.top() + box.height() * 0.28, box.width(), box.height() * 0.7
        )
    elif severity == "ready":
        painter.drawEllipse(box)
        glyph = "✓"
    else:
        painter.drawEllipse(box)
        if severity == "advice":
            glyph = "i"
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, round(size * (0.5 if severity == "warning" else 0.68))))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(glyph_box, Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def severity_icon(severity: str) -> QIcon:
    """The icon of ``severity`` (``"error"``, ``"warning"``, ``"advice"``; ``"ready"``
    gives a green tick)."""
    icon = _cache.get(severity)
    if icon is None:
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(_draw(severity, size))
        _cache[severity] = icon
    return icon
