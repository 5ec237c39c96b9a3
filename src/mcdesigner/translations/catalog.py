"""Reading the translation catalogs of one language (gettext ``.po`` files, read by Babel).

A language's catalogs sit in ``resources/locale/<language>/*.po``, one file per area of
the application (window, checks, forms, documents...), so translators can work on one
area at a time. A catalog that cannot be read, or an entry that is missing, fuzzy or
empty, never stops the application: the English source is shown instead, and a problem
naming the file is reported.
"""

from __future__ import annotations

import bisect
import gettext
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

from mcdesigner.i18n import tr
from mcdesigner.paths import resources_dir

log = logging.getLogger(__name__)

#: The language of the source texts: it needs no catalog.
SOURCE_LANGUAGE = "en"


def locale_dir() -> Path:
    """The folder holding one sub-folder of catalogs per language."""
    return resources_dir() / "locale"


def _one_or_other(n: int) -> int:
    return 0 if n == 1 else 1


@dataclass
class Catalog:
    """The translations of one language, merged from all its catalog files."""

    language: str
    messages: dict[str, str] = field(default_factory=dict)
    plurals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plural_index: Callable[[int], int] = _one_or_other
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def text(self, source: str) -> str | None:
        """The translation of ``source``, or None when the catalog has none."""
        return self.messages.get(source)

    def plural(self, singular: str, plural: str, n: int) -> str | None:
        """The translated form for the number ``n``, or None when the catalog has none."""
        forms = self.plurals.get(singular)
        if not forms:
            return None
        index = self.plural_index(n)
        return forms[index] if 0 <= index < len(forms) else forms[-1]

    def translate(self, context: str, source: str) -> str:
        """What :func:`mcdesigner.i18n.tr` returns with this catalog installed."""
        return self.messages.get(source, source)

    def _problem(self, problem: str) -> None:
        log.warning("%s", problem)
        self.problems.append(problem)

    def add_file(self, path: Path) -> None:
        """Merge the entries of ``path``; an unreadable file becomes a problem, not an error.

        Entries with a malformed line are left out (shown in English) and reported.
        """
        try:
            raw = path.read_bytes()
            broken = _broken_lines(raw.decode("utf-8"))
            read = read_po(io.BytesIO(raw), locale=self.language, abort_invalid=True)
        except Exception as error:  # a broken catalog must never stop the application
            self._problem(
                tr(
                    "The translation file {file} cannot be read ({error}); its texts are shown"
                    " in English."
                ).format(file=path, error=error)
            )
            return
        if broken:
            self._problem(
                tr(
                    "The translation file {file} has malformed lines ({lines}); those texts are"
                    " shown in English."
                ).format(file=path, lines=", ".join(str(n) for n in broken[:10]))
            )
        self.files.append(path)
        if read.plural_expr and read.num_plurals:
            expression = gettext.c2py(read.plural_expr)
            self.plural_index = lambda n: int(expression(n))
        skipped = _broken_entries(sorted(m.lineno or 0 for m in read if m.id), broken)
        for message in read:
            if not message.id or message.fuzzy or message.lineno in skipped:
                continue
            if not isinstance(message.id, str):
                forms = message.string if isinstance(message.string, tuple) else ()
                if forms and all(forms):
                    self.plurals[str(message.id[0])] = tuple(forms)
            elif isinstance(message.string, str) and message.string:
                self.messages[message.id] = message.string


_PO_LINE = re.compile(
    r'^(?:#.*|\s*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"'
    r'|"(?:[^"\\]|\\.)*")\s*$'
)


def _broken_lines(text: str) -> list[int]:
    """Numbers of the lines that are no valid line of a ``.po`` file."""
    return [n for n, line in enumerate(text.splitlines(), 1) if not _PO_LINE.match(line)]


def _broken_entries(starts: list[int], broken: list[int]) -> set[int]:
    """The ``msgid`` lines of the entries that hold a broken line (entries run from their
    ``msgid`` to the next one's)."""
    found = set()
    for line in broken:
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0:
            found.add(starts[index])
    return found


def load_catalog(language: str, folder: Path | None = None) -> Catalog:
    """Every catalog file of ``language`` merged into one :class:`Catalog`."""
    catalog = Catalog(language)
    for path in sorted((folder or locale_dir()).joinpath(language).glob("*.po")):
        catalog.add_file(path)
    return catalog
