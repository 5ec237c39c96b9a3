"""One page of the editor, generated from a section's form definition.

The page builds an editor for every field (through the registry), a card list or table for
every repeatable group and a label for every computed value. It never changes the proposal
itself: each user change becomes an edit operation handed to the *edit handler* (the
window's edit session), and the page shows the result when :meth:`SectionPage.refresh` is
called. Programmatic filling runs with signals blocked, so it never counts as a change.

Work follows what changed, not the size of the proposal: see :meth:`SectionPage.refresh_paths`,
:meth:`SectionPage.show_issues` and :meth:`SectionPage.build_visible_items`.

Extension points for checks and navigation: :meth:`show_issues` and :meth:`focus_path`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formdefs.definitions import FormSet, GroupDef, SectionDef
from mcdesigner.model.edits import Edit, SetValue
from mcdesigner.model.fieldpath import PathError, get_value, parent_item_path, schema_path
from mcdesigner.widgets.computed_view import ComputedLabel
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.form_block import FieldBlock
from mcdesigner.widgets.item_lists import ItemListWidget, install_item_shortcuts, make_item_list
from mcdesigner.widgets.item_views import ItemView
from mcdesigner.widgets.page_layout import group_frame, issues_banner, section_header
from mcdesigner.widgets.page_lists import (
    apply_editor_issues,
    condition_paths,
    enclosing_items,
    placeholders_in_view,
    related,
    show_editor,
    show_list_messages,
    within,
)
from mcdesigner.widgets.undo_keys import UndoKeyRouter

#: Items of long lists are built in slices of about this long, so the window never freezes.
BUILD_SLICE_SECONDS = 0.05

#: ``handler(edit, description, merge_key) -> None`` on success, else the reason it failed.
EditHandler = Callable[[Edit, str, "str | None"], "str | None"]


def _no_handler(edit: Edit, description: str, merge_key: str | None) -> str | None:
    return "the page is not connected to a proposal"


class SectionPage(QScrollArea):
    """A scrollable page with every group and field of one section."""

    #: The user left the field at this path (an undo step closes, autosave may run).
    field_left = Signal(str)
    #: Items of a long list were built (new widgets to lock or offer comments on).
    items_built = Signal()

    def __init__(self, section: SectionDef, forms: FormSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.forms = forms
        self.setObjectName(f"page:{section.id}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._handler: EditHandler = _no_handler
        self._proposal: Any = None
        self._editors: dict[str, FieldEditor] = {}
        self._labels: dict[FieldEditor, QWidget] = {}
        #: Editors shown only while a condition holds, and editors reading other values.
        self._conditional: dict[str, FieldEditor] = {}
        self._dependent: dict[str, FieldEditor] = {}
        #: Check results by path, kept for editors built later.
        self._issues_by_path: dict[str, list[Any]] = {}
        #: Grows whenever editors are added or removed (the window re-prepares the page).
        self.shape_version = 0
        self._building = False
        self._condition_paths = condition_paths(section, forms)
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self.build_visible_items)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._build_timer.start())
        self._undo_router = UndoKeyRouter(self)
        self.lists: list[ItemListWidget] = []
        self.group_panels: dict[str, QWidget] = {}
        self.computed: list[ComputedLabel] = []
        self.content = QWidget(self)
        self.content.setObjectName("pageContent")
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(16, 12, 16, 16)
        self.column.setSpacing(12)
        self._build_header()
        for group in section.groups:
            self.column.addWidget(self._build_group(group))
        if section.computed:
            self.column.addWidget(self._build_totals())
        self.column.addStretch(1)
        self.setWidget(self.content)
        self._shortcuts = install_item_shortcuts(self.content)

    # ------------------------------------------------------------------ building
    def _build_header(self) -> None:
        for widget in section_header(self.section, self.content):
            self.column.addWidget(widget)
        self.banner = issues_banner(self.content)
        self.column.addWidget(self.banner)

    def _build_group(self, group: GroupDef) -> QWidget:
        panel, layout = group_frame(group, self.content)
        if group.repeatable:
            items = make_item_list(group, self, panel)
            self.lists.append(items)
            layout.addWidget(items)
        else:
            block = FieldBlock(group.fields, lambda path: path, self, panel)
            layout.addWidget(block)
            for sub in group.groups:
                nested = make_item_list(sub, self, panel)
                self.lists.append(nested)
                layout.addWidget(nested)
        for value in group.computed:
            if not value.per_item:
                label = ComputedLabel(value, None, panel)
                self.computed.append(label)
                layout.addWidget(label)
        self.group_panels[group.id] = panel
        return panel

    def _build_totals(self) -> QWidget:
        panel = QFrame(self.content)
        panel.setObjectName("totalsPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(panel)
        form.setContentsMargins(12, 8, 12, 10)
        heading = QLabel(f"<b>{self.tr('Totals')}</b>", panel)
        form.addRow(heading)
        for value in self.section.computed:
            label = ComputedLabel(value, None, panel)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.computed.append(label)
            form.addRow(label.caption, label)
        return panel

    # ------------------------------------------------------------------ PageContext
    def adopt(self, editor: FieldEditor, label: QWidget | None = None) -> None:
        """Report the editor's changes as edits (called by blocks and lists)."""
        self._editors[editor.path] = editor
        self.shape_version += 1
        if label is not None:
            self._labels[editor] = label
        if self.forms.visibility_conditions(editor.field):
            self._conditional[editor.path] = editor
        if editor.context_paths():
            self._dependent[editor.path] = editor
        editor.value_changed.connect(lambda value, ed=editor: self._on_editor_changed(ed, value))
        editor.editing_finished.connect(lambda ed=editor: self._on_editor_left(ed))
        self._undo_router.route(editor)
        issues = self._issues_by_path.get(editor.path)
        if issues:
            editor.set_issues(issues)
        if self._proposal is not None:
            editor.update_context(self._proposal)
            self._fill(editor, self._proposal, force=True)
            if editor.path in self._conditional:
                self._show_editor_if(editor, self._proposal)

    def release(self, editor: FieldEditor) -> None:
        """Forget an editor that is about to be deleted."""
        for table in (self._editors, self._conditional, self._dependent):
            if table.get(editor.path) is editor:
                del table[editor.path]
        self._labels.pop(editor, None)
        self.shape_version += 1

    def item_built(self, owner: ItemListWidget, view: ItemView) -> None:
        """A list built an item's editors: show its nested lists as the conditions say."""
        if self._proposal is not None and view.nested:
            self._apply_list_visibility(self._proposal)
        if not self._building:
            self.items_built.emit()

    def current_proposal(self) -> Any:
        """The proposal shown (None before :meth:`load`)."""
        return self._proposal

    def submit(self, edit: Edit, description: str, *, focus_after: str | None = None) -> bool:
        """Hand ``edit`` to the edit handler; on success focus ``focus_after``."""
        problem = self._handler(edit, description, None)
        if problem is not None:
            self._show_problem(edit, problem)
            return False
        if focus_after is not None:
            self.focus_path(focus_after)
        return True

    # ------------------------------------------------------------------ wiring
    def set_edit_handler(self, handler: EditHandler) -> None:
        """Route every user change through ``handler`` (the window's edit session)."""
        self._handler = handler

    def load(self, proposal: Any) -> None:
        """Show ``proposal`` (all values replaced, nothing counts as a change)."""
        self.refresh(proposal, force=True)

    def editors(self) -> dict[str, FieldEditor]:
        """Every editor built on the page by the concrete path it edits.

        Items of long lists not shown yet have no editors; :meth:`editor` builds them.
        """
        return dict(self._editors)

    def editor(self, path: str) -> FieldEditor | None:
        """The editor of the value at the concrete ``path``, if it is on this page.

        An item of a long list that is not built yet is built first.
        """
        found = self._editors.get(path)
        if found is None and "[" in path:
            self.build_items_of(path)
            found = self._editors.get(path)
        return found

    def build_items_of(self, path: str) -> None:
        """Build every list item ``path`` lies in (outermost first), if not built yet."""
        for list_path, item_id in enclosing_items(path):
            lst = self.list_widget(list_path)
            if lst is None:
                return
            lst.build_item(item_id)

    def all_lists(self) -> list[ItemListWidget]:
        """Every list on the page, nested lists of built items included."""
        return [lst for top in self.lists for lst in top.all_lists()]

    def list_widget(self, list_path: str) -> ItemListWidget | None:
        """The list widget showing the concrete list ``list_path``."""
        for lst in self.all_lists():
            if lst.list_path == list_path:
                return lst
        return None

    def input_errors(self) -> dict[str, str]:
        """Values typed on this page that could not be stored, by path."""
        return {p: e.input_error() or "" for p, e in self._editors.items() if e.input_error()}

    def _on_editor_changed(self, editor: FieldEditor, value: Any) -> None:
        merge_key = editor.path if editor.merges_typing else None
        description = self.tr("Edit {label}").format(label=editor.field.label)
        problem = self._handler(SetValue(editor.path, value), description, merge_key)
        editor.set_input_error(problem)

    def _on_editor_left(self, editor: FieldEditor) -> None:
        if self._proposal is not None and editor.input_error() is None:
            self._fill(editor, self._proposal, force=False, editing=False)
        self.field_left.emit(editor.path)

    def _show_problem(self, edit: Edit, problem: str) -> None:
        path = str(getattr(edit, "list_path", None) or getattr(edit, "path", ""))
        lst = self.list_widget(path)
        if lst is not None:
            lst.set_message(problem)
        else:
            self.banner.setText(problem)
            self.banner.setVisible(True)

    # ------------------------------------------------------------------ showing values
    def refresh(self, proposal: Any, *, source: str | None = None, force: bool = False) -> None:
        """Show ``proposal``: sync lists, values, visibility and computed values.

        The editor at ``source`` (the one the user just typed in) keeps its text unless
        ``force`` is set (undo, redo, reload), so typing is never disturbed by the
        cleaned-up value the model stores. Values that could not be stored stay visible
        with their message until the user fixes them or ``force`` is set.
        """
        self._proposal = proposal
        for lst in self.lists:
            lst.sync(proposal)
        for path, editor in list(self._editors.items()):
            editor.update_context(proposal)
            self._fill(editor, proposal, force=force, editing=path == source)
        self._apply_visibility(proposal)
        for label in self.computed:
            label.refresh(proposal)
        self._build_timer.start()

    def refresh_paths(
        self, proposal: Any, paths: Iterable[str], *, source: str | None = None, force: bool = False
    ) -> None:
        """Show ``proposal`` after the values at ``paths`` were set (nothing else changed).

        Refreshes the editors bound to those paths (the one at ``source`` keeps its text
        unless ``force``), the editors whose context depends on them, the items they lie
        in, the visibility they decide and the totals. A path naming a list (or anything
        holding one) changes the page's structure: the whole page is refreshed then.
        """
        paths = list(dict.fromkeys(paths))
        lists = self.all_lists()
        if any(within(lst.list_path, path) for path in paths for lst in lists):
            self.refresh(proposal, source=source, force=force)
            return
        self._proposal = proposal
        for path in paths:
            self._refresh_item(proposal, path)
            editor = self._editors.get(path)
            if editor is not None:
                self._fill(editor, proposal, force=force, editing=path == source)
        for editor in list(self._dependent.values()):
            if any(related(path, dep) for dep in editor.context_paths() for path in paths):
                editor.update_context(proposal)
                self._fill(editor, proposal, force=force, editing=editor.path == source)
        touched = [schema_path(path) for path in paths]
        if any(related(t, c) for t in touched for c in self._condition_paths):
            self._apply_visibility(proposal)
        for label in self.computed:
            label.refresh(proposal)

    def _refresh_item(self, proposal: Any, path: str) -> None:
        """Refresh the view of the outermost item ``path`` lies in (title, totals, lists)."""
        for list_path, item_id in list(enclosing_items(path))[:1]:
            if (lst := self.list_widget(list_path)) is not None:
                lst.sync_item(proposal, item_id)

    def _fill(
        self, editor: FieldEditor, proposal: Any, *, force: bool, editing: bool = False
    ) -> None:
        if not force and (editing or editor.input_error() is not None):
            return
        try:
            value = get_value(proposal, editor.path)
        except PathError:
            return
        if force:
            editor.set_input_error(None)
        if editor.value() != value:
            editor.set_value(value)

    def _apply_visibility(self, proposal: Any) -> None:
        """Show or hide group panels, nested lists and fields as the forms' conditions say."""
        forms = self.forms
        for group in self.section.groups:
            if forms.visibility_conditions(group):
                shown = forms.is_visible(proposal, group.path or "", group)
                self.group_panels[group.id].setVisible(shown)
        self._apply_list_visibility(proposal)
        for editor in self._conditional.values():
            self._show_editor_if(editor, proposal)

    def _apply_list_visibility(self, proposal: Any) -> None:
        forms = self.forms
        for top in self.lists:
            if not any(forms.visibility_conditions(g) for g in top.group.all_groups()):
                continue  # no nested list of this list has a condition
            for lst in top.all_lists():
                if lst.group in self.section.groups or not forms.visibility_conditions(lst.group):
                    continue  # a top-level list is shown or hidden with its panel
                box = lst.parentWidget()
                target = box if isinstance(box, QGroupBox) else lst
                target.setVisible(forms.is_visible(proposal, lst.list_path, lst.group))

    def _show_editor_if(self, editor: FieldEditor, proposal: Any) -> None:
        visible = self.forms.is_visible(proposal, editor.path, editor.field)
        show_editor(editor, self._labels.get(editor), visible)

    # ------------------------------------------------------------------ long lists
    def build_visible_items(self) -> None:
        """Build the placeholder items in (or near) the visible part of the page.

        Called when the page is shown and, through a timer, after scrolling; each pass
        lays the page out first, so items are measured where they really are. Building
        stops after :data:`BUILD_SLICE_SECONDS` and goes on at the next turn of the event
        loop, so the window keeps answering while a screenful of items is built.
        """
        if not self.isVisible() or self._building:
            return
        self._building = True
        try:
            built = self._build_passes()
        finally:
            self._building = False
        if built:
            self.items_built.emit()  # once for the whole batch

    def _build_passes(self) -> bool:
        built = False
        start = time.perf_counter()
        for _ in range(8):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            for lst in self.all_lists():
                lst.calibrate()
            scroll = self.verticalScrollBar().value()
            wanted = placeholders_in_view(
                self.all_lists(), self.content, scroll, self.viewport().height()
            )
            if not wanted:
                break
            for lst, item_id in wanted:
                if built and time.perf_counter() - start > BUILD_SLICE_SECONDS:
                    self._build_timer.start()  # the rest after the window had its turn
                    return built
                lst.build_item(item_id)
                built = True
        return built

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._build_timer.start()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._build_timer.start()

    # ------------------------------------------------------------------ extension points
    def focus_path(self, path: str) -> bool:
        """Scroll to and focus the value at the concrete ``path`` (a field, item or list).

        Returns False when the page does not show it (or it is hidden right now).
        """
        editor = self.editor(path)
        if editor is not None:
            return self._focus_widget(editor)
        if path.endswith("]"):
            self.build_items_of(path)
            owner_path = path[: path.rfind("[")]
            lst = self.list_widget(owner_path)
            item_id = path[path.rfind("[") + 1 : -1]
            if lst is not None and item_id in lst.views:
                view = lst.views[item_id]
                target: QWidget | None = (
                    view.editors[0] if view.editors else lst.view_widget(item_id)
                )
                return target is not None and self._focus_widget(target)
        lst = self.list_widget(path)
        if lst is not None:
            if lst.order:
                return self.focus_path(f"{lst.list_path}[{lst.order[0]}]")
            if lst.add_button is not None:
                return self._focus_widget(lst.add_button)
            return False
        parent = parent_item_path(path)
        return parent is not None and parent != path and self.focus_path(parent)

    def _focus_widget(self, widget: QWidget) -> bool:
        if not widget.isVisibleTo(self.content):
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(widget, 40, 80)
        # New widgets get their final place once the layout has run: scroll again then.
        QTimer.singleShot(0, lambda: self._scroll_to(widget))
        return True

    def _scroll_to(self, widget: QWidget) -> None:
        if not shiboken6.isValid(widget):
            return  # deleted meanwhile (its item was removed)
        if self.content.isAncestorOf(widget) and widget.isVisible():
            self.ensureWidgetVisible(widget, 40, 80)

    def show_issues(self, issues: Iterable[Any]) -> None:
        """Show check results next to the values they are about.

        Each issue needs ``path`` (concrete), ``message`` and ``severity``. Issues about a
        list or an item appear under the list; the rest at the top of the page.
        """
        by_path: dict[str, list[Any]] = defaultdict(list)
        for issue in issues:
            by_path[str(getattr(issue, "path", "") or "")].append(issue)
        previous, self._issues_by_path = self._issues_by_path, dict(by_path)
        apply_editor_issues(self._editors, previous, by_path)
        for path in [p for p in by_path if p in self._editors]:
            del by_path[path]
        show_list_messages(self.all_lists(), by_path)
        # Fields of items not built yet show theirs once built (see adopt), not up here.
        rest = [
            str(i.message)
            for path, items in by_path.items()
            if not any(within(path, top.list_path) for top in self.lists)
            for i in items
        ]
        self.banner.setText("\n".join(rest))
        self.banner.setVisible(bool(rest))
