"""The rows of the Translations view: one text's name, main-language text and editor.

:class:`RowBuilder` lays out one row per translatable text, grouped under their sections'
titles in the forms' order, two columns headed by the two languages: the main text on the
left (read only, selectable, never read as markup) and, on the right, the field's own
editor (the one the field type names) for the text in the further language. A row's mark
("Not translated yet") keeps its place when hidden, so marking a row never moves the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from mcdesigner.formdefs.definitions import FormSet
from mcdesigner.formdefs.labels import PathInfo, describe_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import language_in_text, language_label
from mcdesigner.widgets.contract import FieldEditor
from mcdesigner.widgets.registry import NoEditor, editor_for


def plain_text(value: Any) -> str:
    """``value`` if it is a text, else ``""``."""
    return value if isinstance(value, str) else ""


@dataclass
class TranslationRow:
    """One text of the proposal: its name, its main-language text and its editor."""

    path: str
    section_id: str
    label: QLabel
    mark: QLabel
    main: QLabel
    editor: FieldEditor
    widgets: tuple[QWidget, ...]
    #: Whether there is a main-language text to translate.
    has_main_text: bool = False
    #: Whether the text has a translation in the view's language.
    translated: bool = False


class RowBuilder(QObject):
    """Builds the rows' widget for one proposal and one further language."""

    def __init__(self, forms: FormSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.forms = forms

    def build(
        self, proposal: Proposal | None, paths: Iterable[str], language_name: str
    ) -> tuple[QWidget, dict[str, TranslationRow]]:
        """The widget holding every row, and the rows by field path (in the forms' order)."""
        described = sorted(
            ((describe_path(self.forms, path, proposal), path) for path in paths),
            key=lambda entry: entry[0].sort_key,
        )
        content = QWidget()
        content.setObjectName("translationsContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 6, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        main = proposal.languages.main if proposal is not None else ""
        main_name = language_label(main) if main else ""
        rows: dict[str, TranslationRow] = {}
        line = 0
        if described:
            for column, name in enumerate((main_name, language_name)):
                title = QLabel(name, content)
                title.setObjectName("columnTitle")
                grid.addWidget(title, line, column)
            line += 1
        section_shown = ""
        for info, path in described:
            if info.section_id != section_shown:
                section_shown = info.section_id
                heading = QLabel(info.section_title, content)
                heading.setObjectName("translationSection")
                grid.addWidget(heading, line, 0, 1, 2)
                line += 1
            row = self._row(content, path, info, (main_name, language_name, main))
            if row is None:
                continue
            head, main_label, editor = row.widgets
            grid.addWidget(head, line, 0, 1, 2)
            grid.addWidget(main_label, line + 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, line + 1, 1, Qt.AlignmentFlag.AlignTop)
            line += 2
            rows[path] = row
        grid.setRowStretch(line, 1)
        return content, rows

    def _row(
        self, content: QWidget, path: str, info: PathInfo, names: tuple[str, str, str]
    ) -> TranslationRow | None:
        main_name, language_name, main = names
        field = self.forms.field(path)
        if field is None:
            return None
        try:
            editor = editor_for(field, content)
        except NoEditor:
            return None
        label = QLabel(info.label, content)
        label.setObjectName("translationLabel")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        mark = QLabel(self.tr("Not translated yet"), content)
        mark.setObjectName("translationMark")
        keep_place = mark.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # showing it does not move the rows
        mark.setSizePolicy(keep_place)
        mark.setVisible(False)
        head = QWidget(content)
        head_row = QHBoxLayout(head)
        head_row.setContentsMargins(0, 0, 0, 0)
        head_row.addWidget(label, 1)
        head_row.addWidget(mark, 0, Qt.AlignmentFlag.AlignBottom)
        main_label = QLabel(content)
        main_label.setObjectName("mainText")
        main_label.setTextFormat(Qt.TextFormat.PlainText)
        main_label.setWordWrap(True)
        main_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        main_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        main_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        in_language = self.tr("{field} in {language}")
        main_label.setAccessibleName(in_language.format(field=info.label, language=main_name))
        editor.set_path(path)
        placeholder = self.tr("Not translated yet: the text in {language} is used").format(
            language=language_in_text(main) if main else ""
        )
        for box in editor.findChildren(QLineEdit) + editor.findChildren(QPlainTextEdit):
            box.setPlaceholderText(placeholder)
        editor.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        focus = editor.focusProxy() or editor
        focus.setAccessibleName(in_language.format(field=info.label, language=language_name))
        return TranslationRow(
            path, info.section_id, label, mark, main_label, editor, (head, main_label, editor)
        )
