"""One page of the editor, generated from a section's form definition.

The page builds an editor for every field (through the registry), a card list or table for
every repeatable group and a label for every computed value. It never changes the proposal
itself: each user change becomes an edit operation handed to the *edit handler* (the
window's edit session), and the page shows the result when :meth:`SectionPage.refresh` is
called. Programmatic filling runs with signals blocked, so it never counts as a change.

Extension points for checks and navigation: :meth:`show_issues` and :meth:`focus_path`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from mcdesigner.model.fieldpath import PathError, get_value, parent_item_path
from mcdesigner.widgets.computed_view import ComputedLabel
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.form_block import FieldBlock
from mcdesigner.widgets.item_lists import ItemListWidget, make_item_list
from mcdesigner.widgets.labels import legend_html, marked_label_html
from mcdesigner.widgets.undo_keys import UndoKeyRouter

#: ``handler(edit, description, merge_key) -> None`` on success, else the reason it failed.
EditHandler = Callable[[Edit, str, "str | None"], "str | None"]


def _no_handler(edit: Edit, description: str, merge_key: str | None) -> str | None:
    return "the page is not connected to a proposal"


class SectionPage(QScrollArea):
    """A scrollable page with every group and field of one section."""

    #: The user left the field at this path (an undo step closes, autosave may run).
    field_left = Signal(str)

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
        self._install_item_shortcuts()

    # ------------------------------------------------------------------ building
    def _build_header(self) -> None:
        title = QLabel(self.section.title, self.content)
        title.setObjectName("sectionTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.column.addWidget(title)
        if self.section.help:
            intro = QLabel(self.section.help.strip(), self.content)
            intro.setObjectName("sectionHelp")
            intro.setWordWrap(True)
            intro.setStyleSheet("color: palette(placeholder-text);")
            self.column.addWidget(intro)
        legend = QLabel(legend_html(), self.content)
        legend.setObjectName("legend")
        self.column.addWidget(legend)
        self.banner = QLabel(self.content)
        self.banner.setObjectName("sectionIssues")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.banner.setStyleSheet("color: #c62828;")
        self.column.addWidget(self.banner)

    def _build_group(self, group: GroupDef) -> QWidget:
        panel = QFrame(self.content)
        panel.setObjectName("groupPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(12, 8, 12, 10)
        heading = QLabel(
            "<b>"
            + marked_label_html(
                group.title, required=group.required, on_credential=group.on_credential
            )
            + "</b>",
            panel,
        )
        heading.setObjectName("groupTitle")
        heading.setToolTip(group.reference or "")
        layout.addWidget(heading)
        if group.help:
            help_label = QLabel(group.help.strip(), panel)
            help_label.setWordWrap(True)
            help_label.setObjectName("groupHelp")
            help_label.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(help_label)
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

    def _install_item_shortcuts(self) -> None:
        bindings = (
            ("Alt+Up", lambda lst, item_id: lst.move_item(item_id, -1)),
            ("Alt+Down", lambda lst, item_id: lst.move_item(item_id, +1)),
            ("Ctrl+Shift+D", lambda lst, item_id: lst.duplicate_item(item_id)),
            ("Ctrl+Shift+Delete", lambda lst, item_id: lst.remove_item(item_id)),
        )
        self._shortcuts = []
        for keys, action in bindings:
            shortcut = QShortcut(QKeySequence(keys), self.content)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda act=action: self._on_item_shortcut(act))
            self._shortcuts.append(shortcut)

    def _on_item_shortcut(self, action: Callable[[ItemListWidget, str], None]) -> None:
        widget = QApplication.focusWidget()
        while widget is not None and not hasattr(widget, "item_ref"):
            widget = widget.parentWidget()
        if widget is not None:
            owner, item_id = widget.item_ref
            action(owner, item_id)

    # ------------------------------------------------------------------ PageContext
    def adopt(self, editor: FieldEditor, label: QWidget | None = None) -> None:
        """Report the editor's changes as edits (called by blocks and lists)."""
        self._editors[editor.path] = editor
        if label is not None:
            self._labels[editor] = label
        editor.value_changed.connect(lambda value, ed=editor: self._on_editor_changed(ed, value))
        editor.editing_finished.connect(lambda ed=editor: self._on_editor_left(ed))
        self._undo_router.route(editor)
        if self._proposal is not None:
            self._fill(editor, self._proposal, force=True)

    def release(self, editor: FieldEditor) -> None:
        """Forget an editor that is about to be deleted."""
        if self._editors.get(editor.path) is editor:
            del self._editors[editor.path]
        self._labels.pop(editor, None)

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
        """Every editor on the page by the concrete path it edits."""
        return dict(self._editors)

    def editor(self, path: str) -> FieldEditor | None:
        """The editor of the value at the concrete ``path``, if it is on this page."""
        return self._editors.get(path)

    def list_widget(self, list_path: str) -> ItemListWidget | None:
        """The list widget showing the concrete list ``list_path``."""
        for top in self.lists:
            for lst in top.all_lists():
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
        for top in self.lists:
            for lst in top.all_lists():
                if lst.group in self.section.groups or not forms.visibility_conditions(lst.group):
                    continue  # a top-level list is shown or hidden with its panel
                box = lst.parentWidget()
                target = box if isinstance(box, QGroupBox) else lst
                target.setVisible(forms.is_visible(proposal, lst.list_path, lst.group))
        for editor in self._editors.values():
            if not forms.visibility_conditions(editor.field):
                continue
            visible = forms.is_visible(proposal, editor.path, editor.field)
            layout = getattr(editor, "form_layout", None)
            if isinstance(layout, QFormLayout):
                layout.setRowVisible(editor, visible)
            else:
                editor.setVisible(visible)
                label = self._labels.get(editor)
                if label is not None:
                    label.setVisible(visible)

    # ------------------------------------------------------------------ extension points
    def focus_path(self, path: str) -> bool:
        """Scroll to and focus the value at the concrete ``path`` (a field, item or list).

        Returns False when the page does not show it (or it is hidden right now).
        """
        editor = self._editors.get(path)
        if editor is not None:
            return self._focus_widget(editor)
        if path.endswith("]"):
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
        for path, editor in self._editors.items():
            editor.set_issues(by_path.pop(path, []))
        for top in self.lists:
            for lst in top.all_lists():
                texts = [str(i.message) for i in by_path.pop(lst.list_path, [])]
                for item_id in lst.order:
                    for issue in by_path.pop(f"{lst.list_path}[{item_id}]", []):
                        index = lst.order.index(item_id) + 1
                        texts.append(f"{lst.group.item_label} {index}: {issue.message}")
                lst.set_message("\n".join(texts))
        rest = [str(i.message) for items in by_path.values() for i in items]
        self.banner.setText("\n".join(rest))
        self.banner.setVisible(bool(rest))
