"""Small Qt helpers shared by the review components: plain-text labels and colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from mcdesigner.i18n import tr

#: Background colours of the kinds of change (light, so black text stays readable).
CHANGE_COLOURS: dict[str, str] = {
    "changed": "#ffe8a3",  # amber
    "added": "#c8ecc9",  # green
    "removed": "#f7c6c5",  # red
    "reordered": "#cfe3fa",  # blue
}
#: Text colour of warnings and refusals.
ERROR_COLOUR = "#b71c1c"


def thread_status(status: str) -> str:
    """A comment thread's state as a reader sees it: unresolved or resolved."""
    return tr("Unresolved") if status == "open" else tr("Resolved")


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` (for module-level functions without ``self.tr``)."""
    return QCoreApplication.translate(context, text)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` literally (markup characters are never interpreted)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def muted(label: QLabel) -> QLabel:
    """Secondary text (times, summaries) in the softer text colour, still readable."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def tab_moves_focus(edit: QPlainTextEdit) -> QPlainTextEdit:
    """Let Tab leave a multi-line box (keyboard users are never trapped in it)."""
    edit.setTabChangesFocus(True)
    return edit
