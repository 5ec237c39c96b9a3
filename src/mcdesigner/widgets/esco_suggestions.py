"""The text of a learning outcome, with the ESCO skills its wording suggests under it.

Below the outcome's text, a row "Suggested ESCO skills" offers the five skills that best
match the wording (:func:`mcdesigner.esco.suggest`, BM25 over ESCO's labels and
descriptions), leaving out the skills the outcome already links. One click adds the skill
to the outcome's ESCO skills, label, address, skill type and reuse level filled in: one
edit, undone in one step. The row is worked out again a moment after the text stops
changing, never on every keystroke.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from mcdesigner import esco
from mcdesigner.esco.data import EscoDataError
from mcdesigner.esco.suggestions import Suggestion
from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.model.edits import InsertItem
from mcdesigner.model.fieldpath import PathError, get_value
from mcdesigner.model.proposal import EscoSkill
from mcdesigner.widgets.esco_picker import page_context, proposal_language
from mcdesigner.widgets.text_editors import MultiLineEditor

#: How many skills are suggested.
COUNT = 5
#: How long the text must stay unchanged before the suggestions are worked out again (ms).
DELAY_MS = 400
#: The narrowest the row of suggestions asks to be (longer labels are cut to the width).
MIN_WIDTH = 160


class FlowLayout(QLayout):
    """Lays its widgets out left to right, starting a new line when the width is used up."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget) -> None:
        """Append ``widget``."""
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        # Narrow on purpose: a long skill label must not push the outcome's text under its
        # caption (the form wraps rows whose editor is wider than the room beside it).
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return QSize(min(size.width(), MIN_WIDTH), size.height())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), rect.width()) if rect.width() > 0 else hint.width()
            if x > rect.x() and x + width > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class SuggestionRow(QWidget):
    """ "Suggested ESCO skills" and one button per suggested skill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escoSuggestions")
        self.flow = FlowLayout(self)
        self.caption = QLabel(self.tr("Suggested ESCO skills:"), self)
        self.caption.setEnabled(False)
        self.flow.add(self.caption)
        self.buttons: list[QToolButton] = []
        self.suggestions: list[Suggestion] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setVisible(False)

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Show a button for each of ``suggestions`` (the row hides when there are none)."""
        self.suggestions = list(suggestions)
        while len(self.buttons) < len(suggestions):
            button = QToolButton(self)
            button.setObjectName("escoSuggestion")
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet("QToolButton { color: palette(link); padding: 0px 2px; }")
            self.flow.add(button)
            self.buttons.append(button)
        for index, button in enumerate(self.buttons):
            if index >= len(suggestions):
                button.hide()
                continue
            suggestion = suggestions[index]
            skill = suggestion.skill
            button.setText("+ " + suggestion.label)
            tip = self.tr("Add “{label}” to this outcome's ESCO skills").format(
                label=suggestion.label
            )
            words = ", ".join(suggestion.matched)
            details = [skill.kind_text, skill.description_start(200)]
            if words:
                details.append(self.tr("Matches: {words}").format(words=words))
            button.setToolTip(tip + "\n\n" + "\n".join(d for d in details if d))
            button.setAccessibleName(tip)
            button.show()
        self.setVisible(bool(suggestions))
        self.flow.invalidate()
        self.updateGeometry()


class OutcomeTextEditor(MultiLineEditor):
    """A learning outcome's text, with the ESCO skills its wording suggests below it."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.row = SuggestionRow(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh_suggestions)
        self._shown_for: tuple[str, str, frozenset[str]] | None = None
        self._linked: frozenset[str] = frozenset()
        self.row.flow.setSpacing(4)
        self._connected = 0
        self._connect_buttons()
        self.box.textChanged.connect(self._timer.start)

    def _connect_buttons(self) -> None:
        for index in range(self._connected, len(self.row.buttons)):
            self.row.buttons[index].clicked.connect(lambda _=False, i=index: self.add(i))
        self._connected = len(self.row.buttons)

    def _show(self, value: Any) -> None:
        super()._show(value)
        self._timer.start()

    def update_context(self, proposal: Any) -> None:
        linked = frozenset(s.uri for s in self._skills(proposal) if s.uri)
        if linked != self._linked:
            self._linked = linked
            self._timer.start()

    def _outcome_path(self) -> str:
        return self.path.rsplit(".", 1)[0]

    def _skills(self, proposal: Any) -> list[EscoSkill]:
        if proposal is None:
            return []
        try:
            skills = get_value(proposal, f"{self._outcome_path()}.esco_skills")
        except PathError:
            return []
        return list(skills) if isinstance(skills, list) else []

    def refresh_suggestions(self) -> None:
        """Work out the suggestions for the text shown now (the outcome's linked skills
        left out)."""
        self._timer.stop()
        text = self.value().strip()
        context = page_context(self)
        if context is None:
            return  # a translation being typed: nothing can be added from here
        language = proposal_language(context)
        key = (text, language, self._linked)
        if key == self._shown_for:
            return
        self._shown_for = key
        found: list[Suggestion] = []
        if text:
            try:
                found = esco.suggest(text, language, COUNT + len(self._linked))
            except EscoDataError:
                found = []  # a broken installation: no suggestions, the text still edits
        found = [s for s in found if s.skill.address not in self._linked][:COUNT]
        self.row.show_suggestions(found)
        self._connect_buttons()

    def add(self, index: int) -> bool:
        """Add the suggested skill at ``index`` to the outcome's ESCO skills (one edit);
        whether it was added."""
        if not 0 <= index < len(self.row.suggestions):
            return False
        context = page_context(self)
        if context is None:
            return False
        suggestion = self.row.suggestions[index]
        skill = suggestion.skill
        item = EscoSkill(
            label=suggestion.label,
            uri=skill.address,
            skill_type=skill.skill_type_concept,
            reuse_level=skill.reuse_level_concept,
        )
        list_path = f"{self._outcome_path()}.esco_skills"
        count = len(self._skills(context.current_proposal()))
        return bool(
            context.submit(
                InsertItem(list_path, count, item),
                self.tr("Add ESCO skill “{label}”").format(label=suggestion.label),
            )
        )
