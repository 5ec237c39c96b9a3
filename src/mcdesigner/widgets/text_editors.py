"""Editors for text: one line (titles, names, e-mail, links) and several lines (descriptions)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QFrame, QLineEdit, QPlainTextEdit, QWidget

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.i18n import tr
from mcdesigner.widgets.contract import FieldEditor, signals_blocked


class LineEditor(FieldEditor):
    """A single line of text (also e-mail addresses and web links)."""

    merges_typing = True

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(field.placeholder or self._default_placeholder())
        self.line.setClearButtonEnabled(False)
        self.line.textEdited.connect(lambda _text: self.emit_value())
        self.line.returnPressed.connect(self.editing_finished)
        self.install(self.line)

    def _default_placeholder(self) -> str:
        placeholder = self.field.type.placeholder
        return tr(placeholder) if placeholder else ""

    def value(self) -> str:
        return self.line.text()

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.line.text():
            with signals_blocked(self.line):
                self.line.setText(text)
                if not self.line.hasFocus():
                    self.line.setCursorPosition(0)  # show the start of a long value


class MultiLineEditor(FieldEditor):
    """Several lines of prose; grows with its content between a few and about fifteen lines."""

    merges_typing = True
    MIN_LINES = 3
    MAX_LINES = 15

    def __init__(
        self, field: FieldDef, parent: QWidget | None = None, *, min_lines: int | None = None
    ) -> None:
        super().__init__(field, parent)
        self.min_lines = min_lines or self.MIN_LINES
        self.box = QPlainTextEdit(self)
        self.box.setTabChangesFocus(True)
        self.box.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.box.setFrameShape(QFrame.Shape.StyledPanel)
        if field.placeholder:
            self.box.setPlaceholderText(field.placeholder)
        self.box.textChanged.connect(self._on_text_changed)
        self._fitted: tuple[int, int] = (-1, -1)
        self._lines = 0
        self.install(self.box)
        QTimer.singleShot(0, self, self._fit_height)  # not run once the editor is gone

    def _on_text_changed(self) -> None:
        self._fit_height()
        self.emit_value()

    def value(self) -> str:
        return self.box.toPlainText()

    def _show(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text != self.box.toPlainText():
            with signals_blocked(self.box):
                self.box.setPlainText(text)
            self._fit_height()

    def _wrapped_lines(self) -> int:
        """Lines the text takes at the box's width (laid out here: the box lays out lazily)."""
        document = self.box.document()
        width = self.box.viewport().width() - 2 * document.documentMargin()
        key = (document.revision(), int(width))
        if key == self._fitted:
            return self._lines
        option = document.defaultTextOption()
        lines = 0
        block = document.begin()
        while block.isValid():
            layout = QTextLayout(block.text(), self.box.font())
            layout.setTextOption(option)
            layout.beginLayout()
            count = 0
            while lines + count <= self.MAX_LINES:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 10.0))
                count += 1
            layout.endLayout()
            lines += max(1, count)
            if lines > self.MAX_LINES:
                break
            block = block.next()
        self._fitted, self._lines = key, lines
        return lines

    def _fit_height(self) -> None:
        lines = max(self.min_lines, min(self.MAX_LINES, self._wrapped_lines()))
        metrics = self.box.fontMetrics()
        margins = self.box.contentsMargins()
        doc_margin = int(self.box.document().documentMargin() * 2)
        height = lines * metrics.lineSpacing() + margins.top() + margins.bottom() + doc_margin + 4
        if height != self.box.height():
            self.box.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()
