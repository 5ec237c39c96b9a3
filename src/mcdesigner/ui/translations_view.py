"""The Translations view: the proposal's texts in a further language beside the main text.

One row per text that is written in every language of the proposal (title, description,
each learning outcome, each activity, ...), grouped by section in the order the forms show
them: the field's name, the text in the main language (read only) and, beside it, the
field's own editor holding the text in the chosen language. A row whose text is not
translated yet is marked, and the view counts the texts translated so far.

Typing sends a :class:`~mcdesigner.model.edits.SetTranslation` through the editor's edit
handler, so undo, autosave, read-only mode and the checks treat it as any other field. A
keystroke touches only its own row (its mark and the count); the rows are rebuilt only when
the set of texts changes (an item added or removed, another language chosen), and their
values are refreshed when the proposal changes elsewhere (another field, undo and redo).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.formatting import formatter
from mcdesigner.formdefs.definitions import FormSet
from mcdesigner.model.edits import Edit, SetTranslation
from mcdesigner.model.fieldpath import PathError, get_value
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.translations import translated_paths, translation
from mcdesigner.model.vocabularies import language_in_text, language_label
from mcdesigner.ui.field_guards import lock, unlock
from mcdesigner.ui.translation_rows import RowBuilder, TranslationRow, plain_text
from mcdesigner.widgets.contract import FieldEditor, signals_blocked
from mcdesigner.widgets.undo_keys import UndoKeyRouter

#: ``handler(edit, description, merge_key) -> None`` on success, else why it was refused.
EditHandler = Callable[[Edit, str, str | None], str | None]

#: Above this many texts, building the rows shows the busy cursor.
_BUSY_ROWS = 120

_STYLE = """
#translationSection { font-weight: bold; font-size: 115%; padding-top: 10px; }
#translationLabel { font-weight: 600; padding-top: 6px; }
#columnTitle { color: palette(dark); font-size: 90%; }
#translationMark { color: #8a5a00; background: #fff3cd; border-radius: 3px; padding: 0 5px; }
#mainText { background: palette(alternate-base); border: 1px solid palette(mid);
            border-radius: 3px; padding: 4px 6px; }
"""


class TranslationsView(QWidget):
    """The texts of the open proposal in one further language, beside the main text."""

    #: Another language is shown (its ISO 639-1 code).
    language_changed = Signal(str)
    #: The user left a translation's editor (carries its field path): an undo step may close.
    field_left = Signal(str)
    #: The user asked to choose the proposal's languages (no further language yet).
    languages_requested = Signal()

    def __init__(self, forms: FormSet, handler: EditHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translationsView")
        self.setStyleSheet(_STYLE)
        self.forms = forms
        self._handler = handler
        self._proposal: Proposal | None = None
        self._language = ""
        self._shape: tuple[str, ...] = ()
        self._stale = True
        self._issues: list[Any] = []
        self.read_only = False
        self._typing: str | None = None  # the path whose editor is sending an edit
        self.rows: dict[str, TranslationRow] = {}
        self._undo_router = UndoKeyRouter(self)

        self.title = QLabel(self.tr("Translations"), self)
        self.title.setObjectName("translationsTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("translationLanguage")
        self.language_box.setAccessibleName(self.tr("Language of the translations"))
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)
        language_label = QLabel(self.tr("&Translate into:"), self)
        language_label.setBuddy(self.language_box)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("translationCount")
        self.only_missing = QCheckBox(self.tr("Only texts &not yet translated"), self)
        self.only_missing.setObjectName("untranslatedOnly")
        self.only_missing.toggled.connect(lambda _on: self._apply_filter())
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(language_label)
        bar.addWidget(self.language_box)
        bar.addSpacing(12)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.only_missing)
        self.intro = QLabel(self)
        self.intro.setObjectName("translationsIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_languages = QPushButton(self.tr("Choose the proposal's &languages…"), self)
        self.choose_languages.setObjectName("chooseLanguages")
        self.choose_languages.clicked.connect(self.languages_requested)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("translationsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.scroll_area.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.intro)
        layout.addWidget(self.choose_languages, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.scroll_area, 1)

    # ------------------------------------------------------------------ proposal
    def set_proposal(self, proposal: Proposal | None) -> None:
        """Show ``proposal`` (the open one, or None); its rows are built when shown."""
        self._proposal = proposal
        self._shape = ()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def current_language(self) -> str:
        """The language the editors hold ("" when the proposal has no further language)."""
        return self._language

    def show_language(self, language: str) -> bool:
        """Show the texts in ``language`` (False when it is not a further language)."""
        index = self.language_box.findData(language)
        if index < 0:
            self._sync_languages()
            index = self.language_box.findData(language)
            if index < 0:
                return False
        if index != self.language_box.currentIndex():
            self.language_box.setCurrentIndex(index)  # refreshes through the signal
        elif self._stale:
            self.refresh()
        return True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _sync_languages(self) -> None:
        """Offer the proposal's further languages; keep the chosen one if it is still there."""
        others = self._proposal.languages.others if self._proposal is not None else ()
        shown = tuple(str(self.language_box.itemData(i)) for i in range(self.language_box.count()))
        if shown != others:
            with signals_blocked(self.language_box):
                self.language_box.clear()
                for code in others:
                    self.language_box.addItem(language_label(code), code)
                index = self.language_box.findData(self._language)
                self.language_box.setCurrentIndex(max(index, 0) if others else -1)
        data = self.language_box.currentData()
        language = str(data) if data else ""
        if language != self._language:
            self._language = language
            self._shape = ()
            self.language_changed.emit(language)

    def _on_language_chosen(self, _index: int) -> None:
        data = self.language_box.currentData()
        language = str(data) if data else ""
        if language != self._language:
            self._language = language
            self._shape = ()
            self.language_changed.emit(language)
        self.refresh()

    def refresh(self, *, force: bool = False) -> None:
        """Show the proposal's texts: rebuild the rows if its texts changed, else the values."""
        self._stale = False
        self._sync_languages()
        proposal = self._proposal
        languages = proposal.languages if proposal is not None else None
        self.language_box.setEnabled(languages is not None and bool(languages.others))
        if proposal is None or not self._language:
            main = language_in_text(languages.main) if languages is not None else ""
            self.intro.setText(
                self.tr(
                    "This proposal is written only in {language}. Add further languages"
                    " under General information › Languages to translate its texts."
                ).format(language=main)
                if proposal is not None
                else self.tr("No proposal is open.")
            )
            self.intro.setVisible(True)
            self.choose_languages.setVisible(proposal is not None)
            self._build(())
            self._update_count()
            return
        assert languages is not None
        self.intro.setText(
            self.tr(
                "Each text in {main} is shown beside its {language} translation. A text left"
                " empty is printed and issued in {main}."
            ).format(
                main=language_in_text(languages.main), language=language_in_text(self._language)
            )
        )
        self.intro.setVisible(True)
        self.choose_languages.setVisible(False)
        paths = tuple(path for path in translated_paths(proposal) if self.forms.field(path))
        shape = (self._language, *paths)
        if shape != self._shape:
            busy = len(paths) > _BUSY_ROWS
            if busy:  # building hundreds of rows takes a moment: say so
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._build(paths)
            finally:
                if busy:
                    QApplication.restoreOverrideCursor()
            self._shape = shape
            force = True
        self._fill(force=force)
        self._apply_filter()
        self._show_row_issues()

    def mark_stale(self) -> None:
        """The proposal changed while the view was hidden: refresh when it is shown."""
        self._stale = True

    # ------------------------------------------------------------------ building
    def _build(self, paths: Iterable[str]) -> None:
        """Make one row per text, grouped by section in the forms' order."""
        content, rows = RowBuilder(self.forms, self).build(
            self._proposal, paths, self.language_box.currentText()
        )
        for row in rows.values():
            editor = row.editor
            editor.value_changed.connect(lambda value, e=editor: self._on_typed(e, value))
            editor.editing_finished.connect(lambda e=editor: self._on_left(e))
            self._undo_router.route(editor)
        self.rows = rows
        self.scroll_area.setWidget(content)  # deletes the previous rows
        self.content = content
        if self.read_only:
            lock(content)

    def set_read_only(self, read_only: bool) -> None:
        """Lock (or unlock) the translations; the language can still be changed."""
        if read_only != self.read_only:
            self.read_only = read_only
            (lock if read_only else unlock)(self.content)

    # ------------------------------------------------------------------ values
    def _fill(self, *, force: bool) -> None:
        proposal = self._proposal
        if proposal is None:
            return
        for row in self.rows.values():
            try:
                main_text = plain_text(get_value(proposal, row.path))
            except PathError:  # pragma: no cover - rows follow the proposal's items
                continue
            shown = main_text if main_text.strip() else self.tr("(no text yet)")
            if row.main.text() != shown:
                row.main.setText(shown)
            row.has_main_text = bool(main_text.strip())
            translated = translation(proposal, self._language, row.path)
            row.translated = bool(translated.strip())
            if force or not row.editor.is_editing():
                row.editor.set_value(translated)
            self._show_mark(row)
        self._update_count()

    def _show_mark(self, row: TranslationRow) -> None:
        missing = row.has_main_text and not row.translated
        if row.mark.isVisibleTo(self.content) != missing:
            row.mark.setVisible(missing)

    def _update_count(self) -> None:
        if not self._language:
            self.count_label.clear()
            return
        done, total = self.counts()
        number = formatter().number
        self.count_label.setText(
            self.tr("{done} of {total} texts translated").format(
                done=number(done), total=number(total)
            )
        )

    def counts(self) -> tuple[int, int]:
        """(texts translated, texts to translate) in the shown language."""
        total = [row for row in self.rows.values() if row.has_main_text]
        return sum(1 for row in total if row.translated), len(total)

    def _apply_filter(self) -> None:
        only_missing = self.only_missing.isChecked()
        for row in self.rows.values():
            shown = not only_missing or (row.has_main_text and not row.translated)
            for widget in row.widgets:
                if widget.isVisibleTo(self.content) != shown:
                    widget.setVisible(shown)

    # ------------------------------------------------------------------ editing
    def _on_typed(self, editor: FieldEditor, value: Any) -> None:
        row = self.rows.get(editor.path)
        label = row.label.text() if row is not None else editor.field.label
        description = self.tr("Translate {field}").format(field=label)
        edit = SetTranslation(self._language, editor.path, plain_text(value))
        self._typing = editor.path
        try:
            problem = self._handler(
                edit, description, f"translation:{self._language}:{editor.path}"
            )
        finally:
            self._typing = None
        editor.set_input_error(problem)
        if row is not None:
            typed = bool(plain_text(editor.value()).strip())
            translated = typed if problem is None else row.translated
            if translated != row.translated:
                row.translated = translated
                self._show_mark(row)
                self._update_count()

    def _on_left(self, editor: FieldEditor) -> None:
        proposal = self._proposal
        if proposal is not None and editor.input_error() is None:
            with suppress(PathError):  # the item went away meanwhile
                editor.set_value(translation(proposal, self._language, editor.path))
        self.field_left.emit(editor.path)

    def on_changed(self, edit: Edit, source: str | None, force: bool) -> None:
        """The proposal changed: a keystroke here touches its own row only."""
        own = isinstance(edit, SetTranslation) and not force and source == self._typing
        if own and source is not None:
            return  # the row's mark and the count were updated when the user typed
        if not self.isVisible():
            self._stale = True
            return
        self.refresh(force=force)

    def focus_path(self, path: str) -> bool:
        """Scroll to the text at ``path`` and put the cursor in its translation."""
        if self._stale:
            self.refresh()
        row = self.rows.get(path)
        if row is None:
            return False
        if self.only_missing.isChecked() and not row.main.isVisibleTo(self.content):
            self.only_missing.setChecked(False)
        row.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal(row)
        QTimer.singleShot(0, lambda: self._reveal(row))  # again once the rows are laid out
        return True

    def _reveal(self, row: TranslationRow) -> None:
        if self.rows.get(row.path) is not row:
            return  # rebuilt meanwhile
        layout = self.content.layout()
        if layout is not None:
            layout.activate()
        self.scroll_area.ensureWidgetVisible(row.editor, 0, 60)
        self.scroll_area.ensureWidgetVisible(row.widgets[0], 0, 10)

    def focused_row(self) -> TranslationRow | None:
        """The row whose editor has the keyboard focus."""
        for row in self.rows.values():
            if row.editor.is_editing():
                return row
        return None

    # ------------------------------------------------------------------ issues
    def set_issues(self, issues: Iterable[Any]) -> None:
        """Show the check results about texts in the shown language beside their editors."""
        self._issues = [i for i in issues if str(getattr(i, "language", "") or "")]
        self._show_row_issues()

    def _show_row_issues(self) -> None:
        by_path: dict[str, list[Any]] = {}
        for issue in self._issues:
            if getattr(issue, "language", "") == self._language:
                by_path.setdefault(str(getattr(issue, "path", "")), []).append(issue)
        for path, row in self.rows.items():
            row.editor.set_issues(by_path.get(path, []))

    def input_errors(self) -> dict[str, str]:
        """Translations typed that could not be stored, by path."""
        rows = self.rows.items()
        return {p: r.editor.input_error() or "" for p, r in rows if r.editor.input_error()}
