"""How rows of the issues list are drawn: section headers and wrapped issue entries.

A section header shows the section title with the count of each severity on the right.
An issue shows its severity icon, the field it is about (bold), the message (wrapped to
the width of the panel) and the rule's reference in smaller, muted text. Row heights
follow the text, so nothing is cut off in a narrow dock.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from mcdesigner.ui.checks.icons import severity_icon

#: Item data roles of the issues model.
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "section" or "issue"
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 3
LABEL_ROLE = Qt.ItemDataRole.UserRole + 4
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 5
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 6
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 7  # section: dict severity -> count
SECTION_ROLE = Qt.ItemDataRole.UserRole + 8
LANGUAGE_ROLE = Qt.ItemDataRole.UserRole + 9  # issue: language of the text ("" the field)
FIX_ROLE = Qt.ItemDataRole.UserRole + 10  # issue: position of its one-click fix (-1: none)

_PAD = 4
_ICON = 16
_GAP = 6
_SEVERITY_ORDER = ("error", "warning", "advice")

Index = QModelIndex | QPersistentModelIndex


def _small(font: QFont) -> QFont:
    smaller = QFont(font)
    if font.pointSizeF() > 0:
        smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
    else:
        smaller.setPixelSize(max(8, round(font.pixelSize() * 0.88)))
    return smaller


def _bold(font: QFont) -> QFont:
    heavier = QFont(font)
    heavier.setBold(True)
    return heavier


class IssueDelegate(QStyledItemDelegate):
    """Draws section headers and multi-line issue rows of a :class:`QTreeView`."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    # -- geometry -------------------------------------------------------------
    def _text_width(self, index: Index) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self._view.indentation() * (depth + (1 if self._view.rootIsDecorated() else 0))
        available = self._view.viewport().width() - indent - 2 * _PAD - _ICON - _GAP
        return max(60, available)

    def _blocks(self, option: QStyleOptionViewItem, index: Index) -> list[tuple[QFont, str]]:
        label = index.data(LABEL_ROLE) or ""
        message = index.data(MESSAGE_ROLE) or ""
        reference = index.data(REFERENCE_ROLE) or ""
        blocks = []
        if label:
            blocks.append((_bold(option.font), label))
        blocks.append((option.font, message))
        if reference:
            blocks.append((_small(option.font), reference))
        return blocks

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(KIND_ROLE) != "issue":
            height = QFontMetrics(_bold(option.font)).height() + 2 * _PAD + 2
            return QSize(200, max(height, _ICON + 2 * _PAD))
        width = self._text_width(index)
        height = 0
        for font, text in self._blocks(option, index):
            rect = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
            )
            height += rect.height() + 1
        return QSize(width, max(height, _ICON) + 2 * _PAD)

    # -- painting -------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text_backup = opt.text
        opt.text = ""
        opt.icon = type(opt.icon)()
        style = opt.widget.style() if opt.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        opt.text = text_backup
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        try:
            if index.data(KIND_ROLE) == "issue":
                self._paint_issue(
                    painter, opt, index, opt.palette.color(group, text_role), selected
                )
            else:
                if not selected:
                    painter.fillRect(opt.rect, opt.palette.color(group, QPalette.ColorRole.Window))
                self._paint_section(painter, opt, index, opt.palette.color(group, text_role))
        finally:
            painter.restore()

    def _paint_section(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: Index, colour: QColor
    ) -> None:
        rect = opt.rect.adjusted(_PAD, 0, -_PAD, 0)
        counts: dict[str, int] = index.data(COUNTS_ROLE) or {}
        metrics = QFontMetrics(opt.font)
        x = rect.right()
        painter.setFont(opt.font)
        for severity in reversed(_SEVERITY_ORDER):
            number = counts.get(severity, 0)
            if not number:
                continue
            text = str(number)
            text_width = metrics.horizontalAdvance(text)
            x -= text_width
            painter.setPen(colour)
            painter.drawText(
                QRect(x, rect.top(), text_width, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            x -= _ICON + 3
            icon_top = rect.top() + (rect.height() - _ICON) // 2
            severity_icon(severity).paint(painter, QRect(x, icon_top, _ICON, _ICON))
            x -= _GAP + 4
        title_rect = QRect(rect.left(), rect.top(), max(0, x - rect.left()), rect.height())
        bold = _bold(opt.font)
        painter.setFont(bold)
        painter.setPen(colour)
        title = QFontMetrics(bold).elidedText(
            index.data(SECTION_ROLE) or "", Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title
        )

    def _paint_issue(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: Index,
        colour: QColor,
        selected: bool,
    ) -> None:
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        severity_icon(index.data(SEVERITY_ROLE) or "advice").paint(
            painter, QRect(rect.left(), rect.top() + 1, _ICON, _ICON)
        )
        left = rect.left() + _ICON + _GAP
        width = max(60, rect.width() - _ICON - _GAP)
        top = rect.top()
        muted = opt.palette.color(
            QPalette.ColorGroup.Normal,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText,
        )
        blocks = self._blocks(opt, index)
        for number, (font, text) in enumerate(blocks):
            is_reference = number == len(blocks) - 1 and bool(index.data(REFERENCE_ROLE))
            painter.setFont(font)
            painter.setPen(muted if is_reference else colour)
            bounds = QFontMetrics(font).boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
            )
            painter.drawText(
                QRect(left, top, width, bounds.height()),
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                text,
            )
            top += bounds.height() + 1
