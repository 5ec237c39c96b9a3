"""A grid of equally wide cells (check boxes, radio buttons) that uses as many columns as fit.

Long option lists then take two or three columns on a wide window and one on a narrow one,
instead of forcing the page wider than the window. Cells are filled column by column (down
the first column, then down the next), so a list reads in its own order from top to bottom.
With ``row_or_column`` the cells form one row when all of them fit side by side and one
column otherwise: a scale (not set, 1, 2, 3, 4) is never broken across lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QSizePolicy, QWidget


class ResponsiveGrid(QWidget):
    """Lays out its cells column by column in as many columns as its width allows."""

    def __init__(
        self, parent: QWidget | None = None, *, max_columns: int = 3, row_or_column: bool = False
    ) -> None:
        super().__init__(parent)
        self.max_columns = max_columns
        self.row_or_column = row_or_column
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.cells: list[QWidget] = []
        self.columns = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_cells(self, cells: Sequence[QWidget]) -> None:
        """Show ``cells`` (previous cells are removed from the grid, not deleted)."""
        for cell in self.cells:
            self.grid.removeWidget(cell)
        self.cells = list(cells)
        self._arrange(self._columns_for(self.width()) if self.width() > 0 else 1, force=True)

    def _cell_width(self) -> int:
        widest = max((cell.sizeHint().width() for cell in self.cells), default=0)
        return widest + self.grid.horizontalSpacing()

    def _row_width(self) -> int:
        """The width all cells need side by side, each as wide as its label."""
        widths = [cell.sizeHint().width() for cell in self.cells]
        return sum(widths) + self.grid.horizontalSpacing() * max(0, len(widths) - 1)

    def _columns_for(self, width: int) -> int:
        cell = self._cell_width()
        count = len(self.cells) or 1
        if cell <= 0:
            return 1
        if self.row_or_column:
            return count if count <= self.max_columns and self._row_width() <= width else 1
        return max(1, min(self.max_columns, count, width // cell))

    def rows_for(self, columns: int) -> int:
        """How many rows the cells take in ``columns`` columns."""
        return max(1, (len(self.cells) + columns - 1) // max(1, columns))

    def _arrange(self, columns: int, *, force: bool = False) -> None:
        if columns == self.columns and not force:
            return
        for cell in self.cells:
            self.grid.removeWidget(cell)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        rows = self.rows_for(columns)
        for index, cell in enumerate(self.cells):
            self.grid.addWidget(cell, index % rows, index // rows)
        if self.row_or_column and columns > 1:
            # One row of choices: each as wide as its label, the spare room after the last.
            self.grid.setColumnStretch(columns, 1)
        else:
            for column in range(columns):
                self.grid.setColumnStretch(column, 1)
        self.columns = columns
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self._columns_for(event.size().width()))

    def _height(self, columns: int) -> int:
        rows = self.rows_for(columns) if self.cells else 0
        line = max((cell.sizeHint().height() for cell in self.cells), default=0)
        return rows * line + max(0, rows - 1) * self.grid.verticalSpacing()

    def sizeHint(self) -> QSize:
        return QSize(
            self._cell_width() * min(2, max(1, len(self.cells))), self._height(self.columns)
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self._cell_width(), 360), self._height(self.columns))
