"""The ESCO skill picker: the label of a learning outcome's ESCO skill, with a search.

Typing a few words in English, Spanish or French into the skill's label lists the matching
ESCO skills under it, best first (:func:`mcdesigner.esco.search`, about a millisecond a
keystroke): the preferred label in the proposal's language when ESCO has it, the skill
type and reuse level, and the start of the description. Enter or a click fills in the
label, the address, the skill type and the reuse level of the skill item as one edit,
undone in one step. Typing stays plain typing: the label is stored as typed until a skill
is chosen.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QCompleter,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mcdesigner import esco
from mcdesigner.esco.data import EscoDataError, Skill
from mcdesigner.esco.label_index import SearchHit
from mcdesigner.esco.text import phrase
from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.model.edits import SetValue, SetValues
from mcdesigner.widgets.contract import signals_blocked
from mcdesigner.widgets.text_editors import LineEditor

#: The role the completer matches against: always the words typed, so every row matches
#: and moving through the list never rewrites what the user typed.
QUERY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 3
ADDRESS_ROLE = Qt.ItemDataRole.UserRole + 4
#: How many matches the list shows.
LIMIT = 12

_Index = QModelIndex | QPersistentModelIndex


def skill_edit(item_path: str, skill: Skill, label: str) -> SetValues:
    """The one edit that makes the skill item at ``item_path`` the ESCO ``skill``."""
    return SetValues(
        (
            SetValue(f"{item_path}.label", label),
            SetValue(f"{item_path}.uri", skill.address),
            SetValue(f"{item_path}.skill_type", skill.skill_type_concept),
            SetValue(f"{item_path}.reuse_level", skill.reuse_level_concept),
        )
    )


def page_context(widget: QWidget) -> Any:
    """The page context (``submit``, ``current_proposal``) of the block or list holding
    ``widget``, or ``None`` when it is not on a page."""
    parent = widget.parentWidget()
    while parent is not None:
        context = getattr(parent, "context", None)
        if context is not None and hasattr(context, "submit"):
            return context
        parent = parent.parentWidget()
    return None


def proposal_language(context: Any) -> str:
    """The main language of the proposal shown by ``context`` (English without one)."""
    proposal = context.current_proposal() if context is not None else None
    languages = getattr(proposal, "languages", None)
    return str(getattr(languages, "main", "en") or "en")


class SkillHits(QAbstractListModel):
    """The skills found for the words typed, in the order the search ranked them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.hits: list[SearchHit] = []

    def show(self, query: str, hits: list[SearchHit]) -> None:
        """Replace the list with ``hits`` found for ``query``."""
        self.beginResetModel()
        self.query = query
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.label
        if role == QUERY_ROLE or role == Qt.ItemDataRole.EditRole:
            return self.query
        if role == KIND_ROLE:
            return hit.skill.kind_text
        if role == DESCRIPTION_ROLE:
            description = hit.skill.description_start(140)
            if phrase(hit.matched) != phrase(hit.label):
                # Found by another label (a synonym, another language): say which.
                found = self.tr("Found as “{label}”").format(label=hit.matched)
                return f"{found} · {description}" if description else found
            return description
        if role == ADDRESS_ROLE:
            return hit.skill.address
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.label}\n{hit.skill.kind_text}\n\n{hit.skill.description}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.label}, {hit.skill.kind_text}"
        return None


class SkillHitDelegate(QStyledItemDelegate):
    """Two lines per skill: the label in bold with its type and reuse level, then the
    start of its description."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = option.fontMetrics
        return QSize(320, 2 * metrics.lineSpacing() + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        rect: QRect = option.rect.adjusted(6, 4, -6, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.highlightedText() if selected else palette.text()
        muted = palette.highlightedText() if selected else palette.placeholderText()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        line = option.fontMetrics.lineSpacing()
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        second = QRect(rect.left(), rect.top() + line, rect.width(), line)
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        kind = str(index.data(KIND_ROLE) or "")
        painter.setFont(bold)
        painter.setPen(text_colour.color())
        bold_metrics = painter.fontMetrics()
        label_shown = bold_metrics.elidedText(label, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label_shown
        )
        used = bold_metrics.horizontalAdvance(label_shown) + 10
        painter.setFont(option.font)
        painter.setPen(muted.color())
        metrics = painter.fontMetrics()
        if used < rect.width():
            kind_rect = QRect(first.left() + used, first.top(), first.width() - used, line)
            painter.drawText(
                kind_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(kind, Qt.TextElideMode.ElideRight, kind_rect.width()),
            )
        description = str(index.data(DESCRIPTION_ROLE) or "")
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(description, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()


class EscoLabelEditor(LineEditor):
    """The label of an ESCO skill item, offering the ESCO skills matching what is typed."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.hits = SkillHits(self)
        self.completer = QCompleter(self.hits, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(QUERY_ROLE)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(6)
        popup = self.popup = QListView()
        self.completer.setPopup(popup)
        popup.setObjectName("escoSkillPicker")
        popup.setItemDelegate(SkillHitDelegate(popup))
        popup.setMinimumWidth(460)
        popup.setAccessibleName(self.tr("Matching ESCO skills"))
        self.completer.setWidget(self.line)
        cast(Any, self.completer.activated)[QModelIndex].connect(self._chosen)
        self.line.textEdited.connect(self._search)
        self.line.setToolTip(self._tooltip_text())

    def _tooltip_text(self) -> str:
        hint = self.tr("Type a few words to search the ESCO skills; Enter chooses the first.")
        base = super()._tooltip_text()
        return f"{base}\n\n{hint}" if base else hint

    def _search(self, text: str) -> None:
        """List the skills matching ``text`` under the field (or hide the list)."""
        found: list[SearchHit] = []
        context = page_context(self)
        # Off a section page (a translation being typed) the field is plain text.
        if text.strip() and context is not None:
            try:
                found = esco.search(text, proposal_language(context), LIMIT)
            except EscoDataError:
                found = []  # a broken installation: the field stays a plain text field
        self.hits.show(text, found)
        popup = self.popup
        if not found:
            popup.hide()
            return
        self.completer.setCompletionPrefix(text)
        self.completer.complete()
        popup.setCurrentIndex(self.hits.index(0, 0))

    def choose(self, row: int) -> bool:
        """Make the skill item the skill at ``row`` of the list (one edit); whether it
        was applied."""
        if not 0 <= row < len(self.hits.hits):
            return False
        hit = self.hits.hits[row]
        self.popup.hide()
        context = page_context(self)
        if context is None:
            return False
        item_path = self.path.rsplit(".", 1)[0]
        with signals_blocked(self.line):
            self.line.setText(hit.label)
        return bool(
            context.submit(
                skill_edit(item_path, hit.skill, hit.label),
                self.tr("Link ESCO skill “{label}”").format(label=hit.label),
            )
        )

    def _chosen(self, index: QModelIndex) -> None:
        self.choose(index.row())
