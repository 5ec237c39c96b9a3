"""Help › Keyboard shortcuts: every menu action that has a shortcut, read from the menus
themselves (so the list is never out of date), then the keys that work inside the editor."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: Keys handled inside the editor and panels rather than by menu actions.
EDITOR_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "Next / previous field"),
    ("Alt+Up / Alt+Down", "Move the current list entry up / down"),
    ("Ctrl+Shift+D", "Duplicate the current list entry"),
    ("Ctrl+Shift+Delete", "Remove the current list entry"),
    ("Enter", "In the Issues or Comments list: go to the field"),
    ("Ctrl+Enter", "In a comment: send it"),
    ("Menu key / Shift+F10", "On a field: its menu, with Add comment…"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def menu_shortcuts(menus: Iterable[QMenu]) -> list[tuple[str, str, str]]:
    """``(menu, action, keys)`` for every action with a shortcut, in menu order, once each."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)
                continue
            if action.isSeparator() or id(action) in seen:
                continue
            keys = _keys_text(action)
            if keys:
                seen.add(id(action))
                rows.append((title, action.text().replace("&", ""), keys))

    for menu in menus:
        walk(menu, menu.title().replace("&", ""))
    return rows


def _keys_text(action: QAction) -> str:
    fmt = QKeySequence.SequenceFormat.NativeText
    return " / ".join(k.toString(fmt) for k in action.shortcuts() if not k.isEmpty())


class ShortcutsDialog(QDialog):
    """A table of the keyboard shortcuts."""

    def __init__(self, menus: Iterable[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(menu, action, keys) for menu, action, keys in menu_shortcuts(menus)]
        rows += [(self.tr("Editor"), _tr(text), keys) for keys, text in EDITOR_KEYS]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            self.tr("Menus open with Alt and the underlined letter, e.g. Alt+R for Review."), self
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as text (menu, action, keys), in order."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in range(3)]
            menu, action, keys = (cell.text() if cell is not None else "" for cell in cells)
            found.append((menu, action, keys))
        return found
