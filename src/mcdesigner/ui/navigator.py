"""The section navigator: every section of the forms in order, with an optional badge each.

Badges are short texts (a completion percentage, a number of problems) set by whoever
knows them through :meth:`SectionNavigator.set_badge`, with a tooltip explaining them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from mcdesigner.formdefs.definitions import FormSet

_SECTION_ROLE = Qt.ItemDataRole.UserRole
_TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
_HELP_ROLE = Qt.ItemDataRole.UserRole + 2


class SectionNavigator(QListWidget):
    """A list of sections; selecting one asks the editor to show it."""

    section_selected = Signal(str)

    def __init__(self, forms: FormSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.setAccessibleName(self.tr("Sections"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        for section in sorted(forms.sections, key=lambda s: s.order):
            item = QListWidgetItem(section.title)
            item.setData(_SECTION_ROLE, section.id)
            item.setData(_TITLE_ROLE, section.title)
            item.setData(_HELP_ROLE, section.help.strip())
            item.setToolTip(section.help.strip())
            self.addItem(item)
        self.currentItemChanged.connect(self._on_current)
        self.setMinimumWidth(self.sizeHintForColumn(0) + 40)

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.section_selected.emit(current.data(_SECTION_ROLE))

    def section_ids(self) -> list[str]:
        """Section ids in display order."""
        return [self.item(i).data(_SECTION_ROLE) for i in range(self.count())]

    def current_section(self) -> str | None:
        item = self.currentItem()
        return item.data(_SECTION_ROLE) if item is not None else None

    def select(self, section_id: str) -> None:
        """Highlight ``section_id`` (emits ``section_selected`` if it changes)."""
        for row in range(self.count()):
            if self.item(row).data(_SECTION_ROLE) == section_id:
                self.setCurrentRow(row)
                return

    def step(self, delta: int) -> None:
        """Go to the previous (-1) or next (+1) section."""
        row = self.currentRow() + delta
        if 0 <= row < self.count():
            self.setCurrentRow(row)

    def set_badge(self, section_id: str, text: str, tooltip: str = "") -> None:
        """Show ``text`` after the section's title (empty text removes the badge).

        ``tooltip`` explains the badge; it is shown above the section's introduction.
        """
        for row in range(self.count()):
            item = self.item(row)
            if item.data(_SECTION_ROLE) == section_id:
                title = item.data(_TITLE_ROLE)
                shown = f"{title}  ({text})" if text else title
                if item.text() != shown:
                    item.setText(shown)
                help_text = item.data(_HELP_ROLE)
                item.setToolTip(f"{tooltip}\n\n{help_text}" if tooltip else help_text)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tooltip or help_text)
                return

    def badge(self, section_id: str) -> str:
        """The text shown for the section (its title and badge)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(_SECTION_ROLE) == section_id:
                return str(item.text())
        return ""
