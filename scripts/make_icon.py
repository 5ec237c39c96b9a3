"""Render the application icon ``resources/icons/mcdesigner.svg`` to the PNG the window,
the Linux desktop entry and the bundles use (``resources/icons/mcdesigner.png``, 256 px).

The Windows ``.ico`` and the macOS ``.icns`` are made from that PNG when a bundle is built
(PyInstaller converts it with Pillow). Run: ``python scripts/make_icon.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "mcdesigner.svg"))
    if not renderer.isValid():
        print("the icon's SVG could not be read", file=sys.stderr)
        return 1
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target = ICONS / "mcdesigner.png"
    if not image.save(str(target)):
        print(f"could not write {target}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
