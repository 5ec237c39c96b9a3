"""The dockable list of a proposal's comment threads, grouped by section, with the thread below.

Each thread is listed under its section with a readable name of the field or list item
("Learning outcome 2 › Outcome"), whether it is open or resolved, how many comments it has
and who wrote last. Threads whose field or item was deleted are listed under
"Orphaned comments" with the name they had. Activating a thread (double-click, Enter)
asks the window to show the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, default_forms, describe_path
from mcdesigner.i18n import tr_n
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation
from mcdesigner.operations import Store, StoreError
from mcdesigner.review.merge import orphaned
from mcdesigner.ui.review.common import ERROR_COLOUR, muted, plain_label, thread_status
from mcdesigner.ui.review.thread_view import ThreadView

#: Item data roles of the thread list.
ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP_TITLE_ROLE = Qt.ItemDataRole.UserRole + 3
#: Key of the group holding threads whose field no longer exists.
ORPHANED_GROUP = "__orphaned__"

FILTERS = ("all", "open", "resolved")


class _SpacedDelegate(QStyledItemDelegate):
    """Leaves a little air between the two-line thread entries."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)


@dataclass(frozen=True)
class _Row:
    annotation: Annotation
    label: str
    group: str
    group_title: str
    sort_key: tuple[int, ...]


class AnnotationsPanel(QWidget):
    """Comment threads of one proposal: list (grouped, filtered) above, thread below.

    Call :meth:`set_context` when a proposal is opened, :meth:`refresh` after anything
    outside the panel changed the threads (an imported review file) or the proposal
    (items added, moved or deleted), and :meth:`add_annotation` to comment on a field.
    """

    #: The user activated a thread: show the field at this path.
    navigate_requested = Signal(str)
    #: A thread was created, changed or deleted through the panel.
    annotations_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, forms: FormSet | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsPanel")
        self.setAccessibleName(self.tr("Comments"))
        self._forms = forms
        self._store: Store | None = None
        self._proposal: Proposal | None = None
        self._reviewer = ""
        self._annotations: dict[str, Annotation] = {}
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.filter_label = QLabel(self.tr("&Show:"), self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.addItem(self.tr("All threads"), "all")
        self.filter_combo.addItem(self.tr("Open threads"), "open")
        self.filter_combo.addItem(self.tr("Resolved threads"), "resolved")
        self.filter_combo.setAccessibleName(self.tr("Show threads"))
        self.filter_label.setBuddy(self.filter_combo)
        self.filter_combo.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo, 1)
        layout.addLayout(top)
        self.summary_label = plain_label("", self)
        muted(self.summary_label)
        layout.addWidget(self.summary_label)
        self.error_label = plain_label("", self)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.tree = QTreeWidget(self.splitter)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName(self.tr("Comment threads"))
        self.tree.setItemDelegate(_SpacedDelegate(self.tree))
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)
        self.thread_view = ThreadView(self.splitter)
        self.thread_view.changed.connect(self._thread_changed)
        self.thread_view.navigate_requested.connect(self.navigate_requested)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.thread_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.filter_combo, self.tree)
        self.setTabOrder(self.tree, self.thread_view)

    @property
    def forms(self) -> FormSet:
        if self._forms is None:
            self._forms = default_forms()
        return self._forms

    # ------------------------------------------------------------------ public API
    def set_context(
        self, store: Store | None, proposal: Proposal | None, reviewer_name: str
    ) -> None:
        """Show ``proposal``'s threads from ``store``; new comments are signed ``reviewer_name``.

        ``proposal`` is the version on screen (it names items and tells which are gone);
        pass None to empty the panel.
        """
        self._store = store
        self._proposal = proposal
        self._reviewer = reviewer_name.strip()
        self.thread_view.set_context(store, proposal, self._reviewer, self.forms)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the threads from the store and rebuild the list (keeps the selection)."""
        selected = self.current_annotation_id()
        self.tree.blockSignals(True)
        try:
            self._rebuild()
        finally:
            self.tree.blockSignals(False)
        shown = self.thread_view.annotation()
        if selected is not None and self.select_annotation(selected):
            return
        if shown is not None:
            # The thread shown may be filtered out of the list now: keep it on screen.
            self.thread_view.show_annotation(self._annotations.get(shown.id))
        elif self.thread_view.draft_path() is None:
            self.thread_view.show_annotation(None)

    def add_annotation(self, path: str, label: str = "") -> None:
        """Start a new thread on ``path``; ``label`` names the field (derived when empty)."""
        if self._proposal is None:
            return
        if not label:
            label = describe_path(self.forms, path, self._proposal).label
        self.tree.blockSignals(True)
        self.tree.setCurrentIndex(QModelIndex())
        self.tree.clearSelection()
        self.tree.blockSignals(False)
        self.thread_view.start_new_thread(path, label)

    def set_filter(self, which: str) -> None:
        """Show ``"all"``, ``"open"`` or ``"resolved"`` threads."""
        index = self.filter_combo.findData(which)
        if index < 0:
            raise ValueError(f"unknown filter {which!r}; use one of {', '.join(FILTERS)}")
        self.filter_combo.setCurrentIndex(index)

    def current_filter(self) -> str:
        return str(self.filter_combo.currentData())

    def annotations(self) -> list[Annotation]:
        """Every thread of the proposal as last read from the store."""
        return list(self._annotations.values())

    def current_annotation_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = item.data(0, ANNOTATION_ID_ROLE)
        return str(value) if value else None

    def select_annotation(self, annotation_id: str) -> bool:
        """Select the listed thread with ``annotation_id``; False when it is not listed."""
        item = self.thread_item(annotation_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.thread_view.show_annotation(self._annotations.get(annotation_id))
        return True

    def thread_item(self, annotation_id: str) -> QTreeWidgetItem | None:
        """The list entry of a thread (None when filtered out or unknown)."""
        for group in self._group_items():
            for index in range(group.childCount()):
                child = group.child(index)
                if child is not None and child.data(0, ANNOTATION_ID_ROLE) == annotation_id:
                    return child
        return None

    def group_titles(self) -> list[str]:
        """The group headings shown, in order (for tests and accessibility checks)."""
        return [str(item.data(0, GROUP_TITLE_ROLE)) for item in self._group_items()]

    def group_of(self, annotation_id: str) -> str | None:
        """The key of the group listing the thread: a section id or ``ORPHANED_GROUP``."""
        item = self.thread_item(annotation_id)
        parent = item.parent() if item is not None else None
        return None if parent is None else str(parent.data(0, GROUP_KEY_ROLE))

    # ------------------------------------------------------------------ list
    def _group_items(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def _load(self) -> list[Annotation]:
        if self._store is None or self._proposal is None:
            return []
        try:
            found = self._store.list_annotations(self._proposal.id)
        except StoreError as error:
            self.error_label.setText(str(error))
            self.error_label.setVisible(True)
            return []
        self.error_label.setVisible(False)
        return found

    def _rows(self, annotations: list[Annotation]) -> list[_Row]:
        assert self._proposal is not None
        gone = {a.id for a in orphaned(annotations, self._proposal)}
        wanted = self.current_filter()
        rows = []
        for annotation in annotations:
            if wanted != "all" and annotation.status != wanted:
                continue
            if annotation.id in gone:
                rows.append(
                    _Row(
                        annotation,
                        annotation.label or annotation.path,
                        ORPHANED_GROUP,
                        self.tr("Orphaned comments"),
                        (1_000_001,),
                    )
                )
                continue
            info = describe_path(self.forms, annotation.path, self._proposal)
            rows.append(
                _Row(annotation, info.label, info.section_id, info.section_title, info.sort_key)
            )
        rows.sort(key=lambda r: (r.sort_key, r.annotation.created, r.annotation.id))
        return rows

    def _rebuild(self) -> None:
        self.tree.clear()
        annotations = self._load()
        self._annotations = {a.id: a for a in annotations}
        open_count = sum(1 for a in annotations if a.status == "open")
        if self._proposal is None:
            self.summary_label.setText(self.tr("No proposal is open."))
            return
        if not annotations:
            self.summary_label.setText(self.tr("No comments yet."))
        else:
            resolved = len(annotations) - open_count
            self.summary_label.setText(
                self.tr("{open}, {resolved}").format(
                    open=tr_n("{n} unresolved thread", "{n} unresolved threads", open_count).format(
                        n=open_count
                    ),
                    resolved=tr_n("{n} resolved thread", "{n} resolved threads", resolved).format(
                        n=resolved
                    ),
                )
            )
        groups: dict[str, QTreeWidgetItem] = {}
        counts: dict[str, int] = {}
        for row in self._rows(annotations):
            group = groups.get(row.group)
            if group is None:
                group = QTreeWidgetItem(self.tree)
                group.setData(0, GROUP_KEY_ROLE, row.group)
                group.setData(0, GROUP_TITLE_ROLE, row.group_title)
                font = QFont(self.tree.font())
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[row.group] = group
            counts[row.group] = counts.get(row.group, 0) + 1
            group.setText(0, f"{row.group_title} ({counts[row.group]})")
            group.addChild(self._thread_entry(row))
        for group in groups.values():
            group.setExpanded(True)

    def _thread_entry(self, row: _Row) -> QTreeWidgetItem:
        annotation = row.annotation
        item = QTreeWidgetItem()
        status = thread_status(annotation.status)
        count = len(annotation.comments)
        comments = tr_n("{n} comment", "{n} comments", count).format(n=count)
        parts = [status, comments]
        if annotation.comments:
            last = annotation.comments[-1]
            when = formatter().short_datetime(last.edited or last.created)
            parts.append(f"{last.author or self.tr('Unknown')}, {when}")
        details = " · ".join(parts)
        item.setText(0, f"{row.label}\n{details}")
        item.setToolTip(0, f"{row.label}\n{details}")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{row.label}. {details}")
        item.setData(0, ANNOTATION_ID_ROLE, annotation.id)
        item.setData(0, PATH_ROLE, annotation.path)
        if annotation.status == "resolved":
            item.setForeground(0, self.palette().color(self.palette().ColorRole.PlaceholderText))
        return item

    # ------------------------------------------------------------------ reactions
    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        annotation_id = current.data(0, ANNOTATION_ID_ROLE)
        if annotation_id:
            self.thread_view.show_annotation(self._annotations.get(str(annotation_id)))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        annotation_id = item.data(0, ANNOTATION_ID_ROLE)
        if not annotation_id or self._proposal is None:
            return
        parent = item.parent()
        if parent is not None and parent.data(0, GROUP_KEY_ROLE) == ORPHANED_GROUP:
            return
        self.navigate_requested.emit(str(item.data(0, PATH_ROLE)))

    def _thread_changed(self) -> None:
        shown = self.thread_view.annotation()
        self.refresh()
        if shown is not None and not self.select_annotation(shown.id):
            self.thread_view.show_annotation(self._annotations.get(shown.id))
        self.annotations_changed.emit()
