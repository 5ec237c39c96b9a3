"""PDF layout settings read from ``templates/pdf_layout.toml`` (margins, sizes, colours...).

Institutions restyle the PDFs by editing that file. Every value is checked on load; a
broken file gives an :class:`ExportError` naming the key, never a half-styled document.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcdesigner.export.errors import ExportError
from mcdesigner.i18n import tr
from mcdesigner.paths import templates_dir

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

LAYOUT_FILE = "pdf_layout.toml"


@dataclass(frozen=True, slots=True)
class PdfLayout:
    """All settings of the PDF renderer (lengths in millimetres, sizes in points)."""

    margins: tuple[float, float, float, float]  # top, right, bottom, left
    fonts: dict[str, str]
    sizes: dict[str, float]
    colours: dict[str, str]
    header_left: str
    header_right: str
    footer_left: str
    footer_right: str
    logo: Path | None
    logo_height: float


_SIZES = (
    "body",
    "small",
    "table",
    "title",
    "subtitle",
    "cover_title",
    "heading1",
    "heading2",
    "heading3",
    "header",
    "footer",
)
_COLOURS = (
    "text",
    "muted",
    "heading",
    "accent",
    "rule",
    "table_header_fill",
    "table_header_text",
    "table_grid",
    "totals_fill",
    "credential_fill",
    "label_fill",
)
_FONTS = ("regular", "bold", "italic", "bold_italic")


def load_layout(path: Path | None = None) -> PdfLayout:
    """Read and check the layout file (default: the one in the templates folder)."""
    file = path or templates_dir() / LAYOUT_FILE
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportError(
            tr("The PDF layout file {file} is missing. Reinstall the application.").format(
                file=file
            )
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise ExportError(
            tr("The PDF layout file {file} cannot be read: {error}").format(file=file, error=error)
        ) from None
    reader = _Reader(file, data)
    margins = tuple(
        reader.number("page", f"margin_{side}", 5, 60)
        for side in ("top", "right", "bottom", "left")
    )
    logo_text = reader.text("header", "logo", allow_empty=True)
    logo = (file.parent / logo_text) if logo_text else None
    if logo is not None and not logo.is_file():
        reader.fail("header", "logo", tr("no image file {file}").format(file=logo))
    return PdfLayout(
        margins=(margins[0], margins[1], margins[2], margins[3]),
        fonts={name: reader.text("fonts", name) for name in _FONTS},
        sizes={name: reader.number("sizes", name, 4, 72) for name in _SIZES},
        colours={name: reader.colour("colours", name) for name in _COLOURS},
        header_left=reader.text("header", "left", allow_empty=True),
        header_right=reader.text("header", "right", allow_empty=True),
        footer_left=reader.text("footer", "left", allow_empty=True),
        footer_right=reader.text("footer", "right", allow_empty=True),
        logo=logo,
        logo_height=reader.number("header", "logo_height", 3, 30),
    )


@dataclass(frozen=True, slots=True)
class _Reader:
    file: Path
    data: dict[str, Any]

    def fail(self, table: str, key: str, problem: str) -> None:
        raise ExportError(
            tr("The PDF layout file {file}, [{table}] {key}: {problem}").format(
                file=self.file, table=table, key=key, problem=problem
            )
        )

    def _get(self, table: str, key: str) -> Any:
        section = self.data.get(table)
        if not isinstance(section, dict) or key not in section:
            self.fail(table, key, tr("the setting is missing"))
            return None  # pragma: no cover - fail raises
        return section[key]

    def number(self, table: str, key: str, low: float, high: float) -> float:
        value = self._get(table, key)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            self.fail(
                table, key, tr("expected a number from {low} to {high}").format(low=low, high=high)
            )
        return float(value)

    def text(self, table: str, key: str, allow_empty: bool = False) -> str:
        value = self._get(table, key)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.fail(table, key, tr("expected a text in quotes"))
        return str(value)

    def colour(self, table: str, key: str) -> str:
        value = self.text(table, key)
        if not _COLOUR.match(value):
            self.fail(table, key, tr('expected a colour like "#1F4E79"'))
        return value
