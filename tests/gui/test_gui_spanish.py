"""The window in Spanish: every menu, section page and dialog shows no untranslated text.

The test switches the application to Spanish as a user would get it (the catalogs in
``resources/locale/es``), opens the real window on the example proposal, visits every
section, opens every dialog from its menu, and collects every text a user can read:
labels, buttons, menus, tooltips, placeholders, titles, list entries and table headings.
A text that is an English source the Spanish catalog translates is a text the window
forgot to translate.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from mcdesigner.translations import catalog_for, use_language
from mcdesigner.translations.extract import collect_messages
from mcdesigner.ui.translation import install_translators

pytestmark = pytest.mark.gui

_TAG = re.compile(r"<[^>]+>")


def _normal(text: str) -> str:
    text = html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":…").strip()


@pytest.fixture(scope="module")
def english_sources() -> set[str]:
    """English sources whose Spanish translation reads differently."""
    catalog = catalog_for("es")
    found = set()
    for message in collect_messages().values():
        translated = catalog.text(message.id)
        if translated is not None and _normal(translated) != _normal(message.id):
            found.add(_normal(message.id))
    return found


@pytest.fixture
def spanish(qapp: Any) -> Iterator[None]:
    use_language("es")
    install_translators(qapp)
    yield
    use_language("en")
    install_translators(qapp)


def _pieces(text: str) -> Iterator[str]:
    for piece in _TAG.split(text or ""):
        if piece.strip():
            yield _normal(piece)


def _item_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QListWidget):
        yield from (widget.item(i).text() for i in range(widget.count()))
    elif isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(column)
            if header is not None:
                yield header.text()
    elif isinstance(widget, QTreeWidget):
        tree_header = widget.headerItem()
        yield from (tree_header.text(i) for i in range(tree_header.columnCount()))


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.accessibleName()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    yield from _item_texts(widget)


def texts_of(root: QWidget) -> set[str]:
    """Every text a user can read in ``root`` and its children, normalised."""
    raw: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        raw.extend(_widget_texts(widget))
    for action in root.findChildren(QAction):
        raw.extend((action.text(), action.toolTip(), action.statusTip()))
    return {piece for text in raw for piece in _pieces(text)}


def _untranslated(texts: set[str], sources: set[str]) -> list[str]:
    return sorted(text for text in texts if text in sources)


def _open_and_read(qtbot: Any, action: QAction) -> set[str]:
    """Trigger ``action``, read every dialog it opens, and close them."""
    seen: set[str] = set()

    def read_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                seen.update(texts_of(widget))
                widget.reject()

    QTimer.singleShot(200, read_and_close)
    action.trigger()
    qtbot.wait(300)
    read_and_close()
    return seen


def test_every_section_page_reads_in_spanish(
    spanish: None, open_window: Any, english_sources: set[str]
) -> None:
    window = open_window()
    assert window.menus["file"].title() == "&Archivo"
    shown: set[str] = texts_of(window)
    for section in window.forms.sections:
        window.show_section(section.id)
        shown |= texts_of(window)
    window.show_translations()  # the Translations view and its guidance
    shown |= texts_of(window)
    assert window.editor.translations.count_label.text().endswith("textos traducidos")
    assert _untranslated(shown, english_sources) == []


def test_qts_own_buttons_read_in_spanish(spanish: None, qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert sorted(button.text() for button in box.buttons()) == ["Cancelar", "Guardar"]


def test_every_dialog_reads_in_spanish(
    spanish: None, qtbot: Any, open_window: Any, english_sources: set[str]
) -> None:
    window = open_window()
    actions = window.actions_
    shown: set[str] = set()
    for name in ("preferences", "shortcuts", "compare", "status", "score", "export_dialog"):
        shown |= _open_and_read(qtbot, getattr(actions, name))
    assert shown, "no dialog opened"
    assert _untranslated(shown, english_sources) == []


def test_a_new_proposal_made_in_spanish_is_written_in_spanish(
    spanish: None, open_window: Any
) -> None:
    window = open_window()
    window.library_actions.new()
    assert window.session is not None
    assert window.session.proposal.languages.main == "es"
    assert window.session.proposal.languages.others == ()
