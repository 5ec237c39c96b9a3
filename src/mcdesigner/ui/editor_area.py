"""The editor: the section navigator beside the generated section pages.

Pages are built the first time they are shown (start-up stays fast) and refreshed from the
edit session: the visible page at once, the others when they are next shown. A changed
value refreshes only what shows it or depends on it; the other pages remember the paths
changed meanwhile and refresh just those when they are next shown. The area also
tells which field has the keyboard focus (for the guidance panel and for commenting), shows
check results and comment markers inline, and can be made read-only with a banner saying
why (reviewer mode, a submitted proposal).

After the sections, the navigator offers the Translations view
(:class:`~mcdesigner.ui.translations_view.TranslationsView`): the proposal's texts in a
further language beside the main text. Undoing a translation brings that view back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formdefs.definitions import FormSet
from mcdesigner.model.edits import Edit, SetTranslation, SetValue
from mcdesigner.ui.field_guards import CommentMenu, commentable_path, lock, unlock
from mcdesigner.ui.issue_reveal import IssueReveal
from mcdesigner.ui.navigator import SectionNavigator
from mcdesigner.ui.session import EditSession
from mcdesigner.ui.translations_view import TranslationsView
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.section_page import SectionPage

#: Past this many changed values, a page hidden meanwhile is reloaded as a whole.
_MAX_PENDING_PATHS = 200

_READ_ONLY_STYLE = (
    "#readOnlyBanner { background: #e3f2fd; color: #0d47a1; border-bottom: 1px solid #90caf9;"
    " padding: 6px 12px; }"
)


class EditorArea(QWidget):
    """Navigator + pages, bound to one :class:`EditSession` at a time."""

    #: The field with the keyboard focus changed: (FieldDef, concrete path).
    field_focused = Signal(object, str)
    #: Another section is shown.
    section_changed = Signal(str)
    #: The user asked to comment on this concrete path (from a field's context menu).
    comment_requested = Signal(str)
    #: An edit was refused because the editor is read-only (carries the reason).
    edit_refused = Signal(str)
    #: The Translations view is shown (carries the language it shows).
    translations_shown = Signal(str)

    #: The navigator's id of the Translations view.
    TRANSLATIONS = "translations"

    def __init__(self, forms: FormSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorArea")
        self.forms = forms
        self.session: EditSession | None = None
        self.pages: dict[str, SectionPage] = {}
        self._stale: set[str] = set()
        #: Values changed while a page was hidden, by section (used unless it is stale).
        self._pending: dict[str, set[str]] = {}
        self._issues: dict[str, list[Any]] = {}
        self._check_issues: list[Any] = []
        self._markers: list[Any] = []
        #: Which check results are shown beside their fields (a calm new proposal).
        self.reveal = IssueReveal()
        self._page_shape: dict[str, int] = {}
        self._locked: set[str] = set()
        self.read_only = False
        self.read_only_reason = ""
        #: The concrete path of the field (or list item) that last had the keyboard focus.
        self.focused_path: str | None = None
        self.comment_menu = CommentMenu(self.comment_requested.emit, self)
        self.navigator = SectionNavigator(forms, self)
        self.stack = QStackedWidget(self)
        self.read_only_banner = QLabel(self)
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(_READ_ONLY_STYLE)
        self.read_only_banner.setAccessibleName(self.tr("Read-only"))
        self.read_only_banner.setVisible(False)
        pages = QWidget(self)
        pages_column = QVBoxLayout(pages)
        pages_column.setContentsMargins(0, 0, 0, 0)
        pages_column.setSpacing(0)
        pages_column.addWidget(self.read_only_banner)
        pages_column.addWidget(self.stack, 1)
        self.translations = TranslationsView(forms, self._handle_edit, self.stack)
        self.stack.addWidget(self.translations)
        self.translations.field_left.connect(self._on_field_left)
        self.translations.languages_requested.connect(lambda: self.focus_path("languages.further"))
        self.navigator.add_view(
            self.TRANSLATIONS,
            self.tr("Translations"),
            self.tr("The proposal's texts in its further languages, beside the main text."),
        )
        self.navigator.view_selected.connect(self._on_view_selected)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("editorSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([230, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.navigator.section_selected.connect(self.show_section)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    # ------------------------------------------------------------------ session
    def set_session(self, session: EditSession | None) -> None:
        """Show the proposal of ``session`` (None: nothing open)."""
        if self.session is not None:
            self.session.changed.disconnect(self._on_changed)
            self.session.proposal_changed.disconnect(self._on_replaced)
        self.session = session
        if session is not None:
            session.changed.connect(self._on_changed)
            session.proposal_changed.connect(self._on_replaced)
        self._issues = {}
        self._check_issues = []
        self._markers = []
        self.focused_path = None
        self.reveal.start(session.proposal if session else None)
        for page in self.pages.values():
            page.show_issues([])
        self.translations.set_issues([])
        self._on_replaced(session.proposal if session else None)

    def _handle_edit(self, edit: Edit, description: str, merge_key: str | None) -> str | None:
        if self.session is None:
            return self.tr("No proposal is open.")
        if self.read_only:
            # Nothing gets through a locked editor; put the widget back and say why.
            QTimer.singleShot(0, self._reload_current_page)
            self.edit_refused.emit(self.read_only_reason)
            return self.read_only_reason
        return self.session.apply(edit, description, merge_key)

    def _reload_current_page(self) -> None:
        page = self.current_page()
        if page is not None and self.session is not None:
            page.load(self.session.proposal)
            self._prepare(page)

    def _on_changed(self, edit: Edit, source: str | None, force: bool) -> None:
        assert self.session is not None
        self.reveal.edited(edit)
        main = self.session.proposal.languages.main
        if isinstance(edit, SetTranslation) and edit.language != main:
            # A further language's text: the section pages show the main text only.
            if force:  # undo/redo of a translation: show it where it was typed
                self.show_translations(edit.language)
                self.translations.on_changed(edit, source, force)
                self.translations.focus_path(edit.touched)
            else:
                self.translations.on_changed(edit, source, force)
            return
        self._mark_pages_out_of_date(edit)
        self.translations.on_changed(edit, source, force)
        if force and self.translations_in_front():
            section = self.forms.section_of(edit.touched)
            if section is not None:
                self.show_section(section.id)
        if force:
            # Undo/redo: show where the change happened.
            touched = edit.touched
            section = self.forms.section_of(touched)
            if section is not None and section.id != self.current_section():
                self.show_section(section.id)
        page = self.current_page()
        if page is not None:
            if isinstance(edit, SetValue):
                page.refresh_paths(self.session.proposal, [edit.path], source=source, force=force)
            else:
                page.refresh(self.session.proposal, source=source, force=force)
            self._stale.discard(page.section.id)
            self._pending.pop(page.section.id, None)
            self._prepare(page)
            if force:
                page.focus_path(edit.touched)

    def _mark_pages_out_of_date(self, edit: Edit) -> None:
        """Note what the hidden pages must show again: a value's path, or everything."""
        for section_id in self.pages:
            if section_id in self._stale:
                continue
            pending = self._pending.setdefault(section_id, set())
            if isinstance(edit, SetValue) and len(pending) < _MAX_PENDING_PATHS:
                pending.add(edit.path)
            else:
                self._stale.add(section_id)
                self._pending.pop(section_id, None)

    def _on_replaced(self, proposal: Any) -> None:
        self.reveal.start(proposal, keep_revealed=True)
        self._stale.update(self.pages)
        self._pending.clear()
        self.translations.set_proposal(proposal)
        page = self.current_page()
        if page is not None and proposal is not None:
            page.load(proposal)
            self._stale.discard(page.section.id)
            self._prepare(page, always=True)

    def _on_field_left(self, path: str) -> None:
        if self.session is not None:
            self.session.close_merge()
            self.session.save_now()
            self.reveal.left(path)
            self._show_inline()

    # ------------------------------------------------------------------ pages
    def page(self, section_id: str) -> SectionPage:
        """The page of ``section_id``, built on first use."""
        page = self.pages.get(section_id)
        if page is None:
            page = SectionPage(self.forms.section(section_id), self.forms, self.stack)
            page.set_edit_handler(self._handle_edit)
            page.field_left.connect(self._on_field_left)
            page.items_built.connect(lambda p=page: self._prepare(p))
            self.stack.addWidget(page)
            self.pages[section_id] = page
            self._stale.add(section_id)
        return page

    def current_page(self) -> SectionPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionPage) else None

    def current_section(self) -> str | None:
        page = self.current_page()
        return page.section.id if page is not None else None

    def show_section(self, section_id: str) -> SectionPage:
        """Bring the section's page to the front (refreshing it if it is out of date)."""
        page = self.page(section_id)
        pending = self._pending.pop(section_id, None)
        if self.session is not None:
            if section_id in self._stale:
                page.load(self.session.proposal)
                self._stale.discard(section_id)
            elif pending:
                page.refresh_paths(self.session.proposal, pending)
        self._prepare(page)
        self._show_page_issues(page)
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
        page.build_visible_items()
        if self.navigator.current_section() != section_id:
            self.navigator.select(section_id)
        self.section_changed.emit(section_id)
        return page

    # ------------------------------------------------------------------ translations
    def show_translations(self, language: str | None = None) -> TranslationsView:
        """Bring the Translations view to the front (in ``language`` when given)."""
        view = self.translations
        if language:
            view.show_language(language)
        if self.stack.currentWidget() is not view:
            self.stack.setCurrentWidget(view)
        if self.navigator.current_view() != self.TRANSLATIONS:
            self.navigator.select_view(self.TRANSLATIONS)
        self.translations_shown.emit(view.current_language())
        return view

    def translations_in_front(self) -> bool:
        """Whether the Translations view (rather than a section) is shown."""
        return self.stack.currentWidget() is self.translations

    def focus_translation(self, language: str, path: str) -> bool:
        """Show the Translations view in ``language`` with the cursor in the text at ``path``."""
        if self.session is None or not self.translations.show_language(language):
            return False
        self.show_translations()
        return self.translations.focus_path(path)

    def _on_view_selected(self, view_id: str) -> None:
        if view_id == self.TRANSLATIONS:
            self.show_translations()

    def step_section(self, delta: int) -> None:
        """Show the previous (-1) or next (+1) section."""
        self.navigator.step(delta)

    # ------------------------------------------------------------------ extension points
    def focus_path(self, path: str) -> bool:
        """Open the section showing ``path`` and focus it (field, list item or list)."""
        section = self.forms.section_of(path)
        if section is None:
            return False
        page = self.show_section(section.id)
        if not self.reveal.is_shown(path):
            self.reveal.reveal([path])  # asked for: show what the checks say about it
            self._show_inline()
        return page.focus_path(path)

    def reveal_issues(self, issues: Iterable[Any]) -> None:
        """Show ``issues`` beside their fields from now on (the author asked to check)."""
        self.reveal.reveal(str(getattr(i, "path", "") or "") for i in issues)
        self._show_inline()

    def show_issues(self, issues: Iterable[Any]) -> None:
        """Show check results on every page (pages built later get them when shown)."""
        grouped: dict[str, list[Any]] = defaultdict(list)
        for issue in issues:
            section = self.forms.section_of(str(getattr(issue, "path", "") or ""))
            key = section.id if section is not None else str(getattr(issue, "section", ""))
            grouped[key].append(issue)
        self._issues = dict(grouped)
        for page in self.pages.values():
            self._show_page_issues(page)
        self.translations.set_issues(self._check_issues)

    def set_check_issues(self, issues: Iterable[Any]) -> None:
        """Show the latest check results inline (together with the comment markers):
        those of the fields the author has been to (see :mod:`~mcdesigner.ui.issue_reveal`)."""
        self._check_issues = list(issues)
        self._show_inline()

    def set_markers(self, markers: Iterable[Any]) -> None:
        """Show comment markers inline (together with the latest check results)."""
        self._markers = list(markers)
        self._show_inline()

    def inline_check_issues(self) -> list[Any]:
        """The latest check results shown beside their fields."""
        return self.reveal.shown(self._check_issues)

    def _show_inline(self) -> None:
        self.show_issues([*self.inline_check_issues(), *self._markers])

    def _show_page_issues(self, page: SectionPage) -> None:
        page.show_issues(self._issues.get(page.section.id, []))

    # ------------------------------------------------------------------ read-only
    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        """Lock (or unlock) every field; ``reason`` is shown in a banner above the pages."""
        changed = read_only != self.read_only
        self.read_only = read_only
        self.read_only_reason = reason if read_only else ""
        self.read_only_banner.setText(self.read_only_reason)
        self.read_only_banner.setVisible(read_only)
        if changed:
            for page in self.pages.values():
                self._prepare(page, always=True)
        self.translations.set_read_only(read_only)

    def _prepare(self, page: SectionPage, *, always: bool = False) -> None:
        """Lock or unlock the page and offer comments on its widgets (when they changed)."""
        shape = page.shape_version
        if not always and self._page_shape.get(page.section.id) == shape:
            return
        self._page_shape[page.section.id] = shape
        if self.read_only:
            lock(page.content)
            self._locked.add(page.section.id)
        elif page.section.id in self._locked:
            unlock(page.content)
            self._locked.discard(page.section.id)
        self.comment_menu.watch(_commentable_widgets(page))

    def input_errors(self) -> dict[str, str]:
        """Typed values that could not be stored, on every built page."""
        found: dict[str, str] = {}
        for page in self.pages.values():
            found.update(page.input_errors())
        found.update(self.translations.input_errors())
        return found

    # ------------------------------------------------------------------ focus
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.stack.isAncestorOf(new):
            return
        if self.translations.isAncestorOf(new):
            return  # a translation: comments and guidance belong to the field itself
        path = commentable_path(new)
        if path is not None:
            self.focused_path = path
        widget: QWidget | None = new
        while widget is not None and not isinstance(widget, FieldEditor):
            widget = widget.parentWidget()
        if isinstance(widget, FieldEditor):
            self.field_focused.emit(widget.field, widget.path)


def _commentable_widgets(page: SectionPage) -> Iterator[QWidget]:
    """Every field editor of the page with its parts, and every list item's own widgets."""
    for editor in page.editors().values():
        yield editor
        yield from editor.findChildren(QWidget)
    for top in page.lists:
        for lst in top.all_lists():
            for view in lst.views.values():
                yield from view.widgets()
