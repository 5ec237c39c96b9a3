"""The section navigator: every section of the forms in order, with an optional badge each.

Badges are short texts (a completion percentage, a number of problems) set by whoever
knows them through :meth:`SectionNavigator.set_badge`, with a tooltip explaining them.
After the sections come the editor's other views (the Translations view), set apart by a
line; choosing one emits :attr:`SectionNavigator.view_selected` instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from mcdesigner.formdefs.definitions import FormSet

_SECTION_ROLE = Qt.ItemDataRole.UserRole
_TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
_HELP_ROLE = Qt.ItemDataRole.UserRole + 2
_VIEW_ROLE = Qt.ItemDataRole.UserRole + 3


class SectionNavigator(QListWidget):
    """A list of sections; selecting one asks the editor to show it."""

    section_selected = Signal(str)
    #: One of the editor's other views was chosen (its id, e.g. ``"translations"``).
    view_selected = Signal(str)

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
            item.setData(_VIEW_ROLE, "")
            item.setToolTip(section.help.strip())
            self.addItem(item)
        self.currentItemChanged.connect(self._on_current)
        self.setMinimumWidth(self.sizeHintForColumn(0) + 40)

    def add_view(self, view_id: str, title: str, tooltip: str) -> None:
        """List another view of the editor after the sections (set apart by a line)."""
        if not any(self.item(r).data(_VIEW_ROLE) for r in range(self.count())):
            line = QListWidgetItem("")
            line.setFlags(Qt.ItemFlag.NoItemFlags)
            line.setSizeHint(QSize(10, 9))
            line.setData(_SECTION_ROLE, "")
            line.setData(_VIEW_ROLE, "")
            line.setData(_TITLE_ROLE, "")
            line.setData(_HELP_ROLE, "")
            self.addItem(line)
        item = QListWidgetItem(title)
        item.setData(_SECTION_ROLE, "")
        item.setData(_VIEW_ROLE, view_id)
        item.setData(_TITLE_ROLE, title)
        item.setData(_HELP_ROLE, tooltip)
        item.setToolTip(tooltip)
        self.addItem(item)

    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        view = current.data(_VIEW_ROLE)
        if view:
            self.view_selected.emit(view)
        elif current.data(_SECTION_ROLE):
            self.section_selected.emit(current.data(_SECTION_ROLE))

    def section_ids(self) -> list[str]:
        """Section ids in display order."""
        found = (self.item(i).data(_SECTION_ROLE) for i in range(self.count()))
        return [section for section in found if section]

    def current_section(self) -> str | None:
        item = self.currentItem()
        return (item.data(_SECTION_ROLE) or None) if item is not None else None

    def current_view(self) -> str | None:
        """The other view chosen (``"translations"``), or None when a section is."""
        item = self.currentItem()
        return (item.data(_VIEW_ROLE) or None) if item is not None else None

    def select_view(self, view_id: str) -> None:
        """Highlight the view ``view_id`` (emits ``view_selected`` if it changes)."""
        for row in range(self.count()):
            if self.item(row).data(_VIEW_ROLE) == view_id:
                self.setCurrentRow(row)
                return

    def select(self, section_id: str) -> None:
        """Highlight ``section_id`` (emits ``section_selected`` if it changes)."""
        for row in range(self.count()):
            if self.item(row).data(_SECTION_ROLE) == section_id:
                self.setCurrentRow(row)
                return

    def step(self, delta: int) -> None:
        """Go to the previous (-1) or next (+1) section (or view), skipping the line."""
        row = self.currentRow() + delta
        while 0 <= row < self.count():
            item = self.item(row)
            if item.data(_SECTION_ROLE) or item.data(_VIEW_ROLE):
                self.setCurrentRow(row)
                return
            row += delta

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
