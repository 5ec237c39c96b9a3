"""One-click fixes in the issues list: a button under the list and a context menu entry.

Some checks find the change that resolves an issue (linking a skill whose label is exactly
an ESCO label, for example). An issue row whose field has such a fix offers it: the button
under the list names it while the row is current, and right-clicking the row offers it
too. Either emits :attr:`IssueFixes.fix_requested` with the
:class:`~mcdesigner.checks.issues.Fix`; the window applies it as one undoable edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QTreeView, QVBoxLayout, QWidget

from mcdesigner.checks import Issue
from mcdesigner.checks.issues import Fix
from mcdesigner.ui.checks.issue_delegate import FIX_ROLE, KIND_ROLE


class IssueFixes(QWidget):
    """The fixes of the issues listed in ``view``, and the button applying the current one."""

    #: The user chose a fix.
    fix_requested = Signal(object)

    def __init__(self, view: QTreeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.fixes: list[Fix] = []
        self.button = QPushButton(self)
        self.button.setObjectName("issueFixButton")
        self.button.clicked.connect(self.apply_current)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.setVisible(False)  # takes no room while the current issue has no fix
        self.message.setVisible(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        selection = view.selectionModel()
        assert selection is not None
        selection.currentChanged.connect(self.update_current)

    def collect(self, issues: Iterable[Issue]) -> dict[str, int]:
        """Remember the fixes of ``issues``; the position of the fix of each field path.

        An issue offers the fix any check found for its field: a missing address and an
        exact ESCO label are two findings about the same value.
        """
        self.fixes = []
        positions: dict[str, int] = {}
        for issue in issues:
            if issue.fix is not None and issue.path not in positions:
                positions[issue.path] = len(self.fixes)
                self.fixes.append(issue.fix)
        return positions

    def for_path(self, path: str, positions: dict[str, int]) -> Fix | None:
        """The fix collected for ``path``, if any."""
        return self.fixes[positions[path]] if path in positions else None

    def fix_at(self, index: QModelIndex) -> Fix | None:
        """The one-click fix of the issue at ``index``, if it has one."""
        if not index.isValid() or index.data(KIND_ROLE) != "issue":
            return None
        position = index.data(FIX_ROLE)
        if isinstance(position, int) and 0 <= position < len(self.fixes):
            return self.fixes[position]
        return None

    def update_current(self, *_args: object) -> None:
        """Name the fix of the current issue on the button (hidden when it has none)."""
        fix = self.fix_at(self.view.currentIndex())
        self.message.setVisible(False)
        self.button.setVisible(fix is not None)
        self.setVisible(fix is not None)
        if fix is not None:
            self.button.setText(fix.description)
            self.button.setAccessibleName(fix.description)

    def apply_current(self) -> None:
        """Ask to apply the fix of the current issue (nothing happens without one)."""
        fix = self.fix_at(self.view.currentIndex())
        if fix is not None:
            self.fix_requested.emit(fix)

    def show_problem(self, message: str) -> None:
        """Say why a fix could not be applied (the proposal changed meanwhile)."""
        self.message.setText(message)
        self.message.setVisible(True)
        self.setVisible(True)

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        fix = self.fix_at(index)
        if fix is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self.view)
        action = menu.addAction(fix.description)
        action.triggered.connect(lambda: self.fix_requested.emit(fix))
        viewport = self.view.viewport()
        assert viewport is not None
        menu.exec(viewport.mapToGlobal(point))
