"""The toolbar's and menus' icons: a small bundled set of line icons (Lucide, ISC licence,
in ``resources/icons/`` with its licence), drawn in the colours of the current palette.

The icons are SVG files whose strokes use ``currentColor``; each is rendered once per size
in the palette's text colour (and its disabled text colour, for disabled actions), so they
stay readable on light and dark desktop themes alike. A missing or unreadable file gives
an empty icon: the action then shows only its text.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mcdesigner.paths import resources_dir

_SIZES = (16, 20, 24, 32, 48)

#: What each action shows, by the action's purpose.
ACTION_ICONS = {
    "show_library": "library-big",
    "new_blank": "file-plus",
    "import_file": "file-input",
    "save_now": "save",
    "undo": "undo-2",
    "redo": "redo-2",
    "export_dialog": "file-output",
    "reviewer_mode": "glasses",
    "toggle_help": "circle-help",
    "toggle_issues": "list-checks",
    "toggle_comments": "message-square",
    "cut": "scissors",
    "copy": "copy",
    "paste": "clipboard-paste",
    "select_all": "text-select",
}


def _render(svg: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if renderer.isValid():
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    return pixmap


@cache
def _icon(name: str, normal: str, disabled: str) -> QIcon:
    try:
        svg = (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(_render(svg, normal, size), QIcon.Mode.Normal)
        icon.addPixmap(_render(svg, disabled, size), QIcon.Mode.Disabled)
    return icon


def named_icon(name: str) -> QIcon:
    """The bundled icon ``name`` (a file name in ``resources/icons/`` without ``.svg``)."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return _icon(name, normal, disabled)


def action_icon(purpose: str) -> QIcon:
    """The icon of the window action named ``purpose`` (an empty icon when it has none)."""
    name = ACTION_ICONS.get(purpose)
    return named_icon(name) if name else QIcon()
