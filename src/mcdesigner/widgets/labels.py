"""Field labels with their markers: a star for required values and a diamond for values that
go onto the digital credential."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from mcdesigner.formdefs.definitions import FieldDef
from mcdesigner.formdefs.feeds import feed_label

CREDENTIAL_MARK = "◆"
REQUIRED_MARK = "*"
CREDENTIAL_COLOUR = "#1565c0"
REQUIRED_COLOUR = "#b71c1c"


def _tr(text: str) -> str:
    return QApplication.translate("FieldLabel", text)


def marked_label_html(text: str, *, required: bool, on_credential: bool) -> str:
    """Rich text of a label with its markers."""
    parts = [html.escape(text)]
    if required:
        parts.append(f' <span style="color:{REQUIRED_COLOUR}">{REQUIRED_MARK}</span>')
    if on_credential:
        parts.append(f' <span style="color:{CREDENTIAL_COLOUR}">{CREDENTIAL_MARK}</span>')
    return "".join(parts)


def label_tooltip(field: FieldDef) -> str:
    """What the markers of ``field`` mean, plus its help text."""
    lines = []
    if field.required:
        lines.append(_tr("Required."))
    for tag in field.feeds:
        lines.append(_tr("This value {what}.").format(what=feed_label(tag)))
    if field.help:
        lines.append(field.help)
    return "\n".join(lines)


class FieldLabel(QLabel):
    """The label left of (or above) a field editor, linked to it as its buddy."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(
            marked_label_html(
                field.label, required=field.required, on_credential=field.on_credential
            )
        )
        self.setToolTip(label_tooltip(field))
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMinimumWidth(150)
        self.setContentsMargins(0, 5, 0, 0)  # level with the text inside the editor beside it


def legend_html() -> str:
    """The explanation of the markers shown at the top of each page."""
    return (
        f'<span style="color:{REQUIRED_COLOUR}">{REQUIRED_MARK}</span> '
        + html.escape(_tr("required"))
        + f' &nbsp;&nbsp; <span style="color:{CREDENTIAL_COLOUR}">{CREDENTIAL_MARK}</span> '
        + html.escape(_tr("goes onto the digital credential"))
    )
