"""Finding every text a user reads, and keeping each language's catalogs up to date.

Texts come from the Python sources (``tr("...")``, ``self.tr("...")``, ``N_("...")``,
``tr_n("...", "...", n)``, ``QCoreApplication.translate(context, "...")``), from the form
files (titles, labels, help, placeholders, choice labels), the rubrics and the ELM
vocabularies' labels. Each text belongs to one *area* (the first place it appears in),
and each area has its own catalog file per language, so translators can share the work.

Used by ``scripts/messages.py`` (``extract`` refreshes the catalogs, ``check`` lists
what is missing) and by the test that fails when a text has no translation.
"""

from __future__ import annotations

import ast
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.pofile import read_po, write_po

from mcdesigner.paths import data_root

#: Functions whose string arguments are texts to translate (Babel keyword specs).
KEYWORDS: dict[str, Any] = {
    "tr": (1,),
    "_t": (1,),
    "N_": (1,),
    "tr_n": (1, 2),
    "translate": (2,),
    "_vocabulary_text": (1,),
    "_tr": (1,),
    "t": (1,),
}

#: Areas in the order a text shared by several is assigned; first match of the path wins.
AREAS: tuple[tuple[str, str], ...] = (
    ("forms/rubrics/", "rubrics"),
    ("forms/", "forms"),
    ("resources/vocabularies/", "vocabularies"),
    ("src/mcdesigner/checks/", "checks"),
    ("src/mcdesigner/ui/", "window"),
    ("src/mcdesigner/widgets/", "window"),
    ("src/mcdesigner/app.py", "window"),
    ("src/mcdesigner/export/", "documents"),
    ("src/mcdesigner/cli/", "command-line"),
    ("src/", "core"),
)
AREA_ORDER: tuple[str, ...] = ("window", "forms", "checks", "documents", "command-line", "core")
AREA_ORDER += ("rubrics", "vocabularies")

_FORM_KEYS = frozenset(
    {"title", "help", "label", "placeholder", "item_label", "description", "reference"}
)
_RUBRIC_KEYS = frozenset({"title", "help", "description", "group"})
PLACEHOLDER = re.compile(
    r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%n|%\d|%\([A-Za-z_]+\)[sdr]|%[sdr]"
)


@dataclass
class Message:
    """One text to translate, with every place it comes from."""

    id: str
    plural: str | None = None
    locations: list[tuple[str, int]] = field(default_factory=list)

    @property
    def area(self) -> str:
        """The catalog the text belongs to: the area of its first location."""
        areas = [_area_of(path) for path, _ in self.locations]
        return min(areas, key=_area_rank) if areas else "core"


def _area_of(path: str) -> str:
    if path.startswith("forms/") and path.count("/") == 1:
        return "form-" + path.removeprefix("forms/").removesuffix(".toml").replace("_", "-")
    for prefix, area in AREAS:
        if path.startswith(prefix):
            return area
    return "core"


def _area_rank(area: str) -> tuple[int, str]:
    if area.startswith("form-"):
        return AREA_ORDER.index("forms"), area
    return AREA_ORDER.index(area), area


def placeholders(text: str) -> list[str]:
    """The placeholders of ``text`` (``{title}``, ``{n}``, ``%n``), sorted."""
    return sorted(PLACEHOLDER.findall(text))


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------
def _called_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def _constant_text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls_in(source: str) -> Iterator[tuple[str, str | None, int]]:
    """``(text, plural, line)`` of every translation call in ``source``, f-strings included."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        spec = KEYWORDS.get(_called_name(node))
        if spec is None or len(node.args) < max(spec):
            continue
        texts = [_constant_text(node.args[index - 1]) for index in spec]
        if texts[0] is None:
            continue
        plural = texts[1] if len(texts) > 1 else None
        yield texts[0], plural, node.lineno


def _python_messages(root: Path) -> Iterator[tuple[str, str | None, str, int]]:
    for path in sorted((root / "src" / "mcdesigner").rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        for text, plural, line in _calls_in(path.read_text(encoding="utf-8")):
            if text:
                yield text, plural, relative, line


def _strings_of(data: Any, keys: frozenset[str], inside_choices: bool = False) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (key in keys or inside_choices):
                yield value
            elif key in {"choices", "labels"} and isinstance(value, dict):
                yield from _strings_of(value, keys, inside_choices=True)
            else:
                yield from _strings_of(value, keys)
    elif isinstance(data, list):
        for element in data:
            yield from _strings_of(element, keys)


def _toml_messages(root: Path) -> Iterator[tuple[str, str | None, str, int]]:
    for folder, keys in (("forms", _FORM_KEYS), ("forms/rubrics", _RUBRIC_KEYS)):
        for path in sorted((root / folder).glob("*.toml")):
            relative = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
            for value in _strings_of(data, keys):
                yield _form_text(value), None, relative, _line_of(text, value)


def _form_text(value: str) -> str:
    # The loader strips the help texts' surrounding white space before translating them.
    return value.strip()


def _line_of(text: str, value: str) -> int:
    first = value.strip().splitlines()[0] if value.strip() else value
    index = text.find(first)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _vocabulary_messages(root: Path) -> Iterator[tuple[str, str | None, str, int]]:
    for path in sorted((root / "resources" / "vocabularies").glob("*.json")):
        relative = path.relative_to(root).as_posix()
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("label"):
            yield data["label"], None, relative, 1
        for term in data.get("terms", []):
            if term.get("label"):
                yield term["label"], None, relative, 1


def _declared_texts() -> Iterator[tuple[str, str]]:
    """Texts declared in tables of the code and translated where shown: (text, file)."""
    import inspect

    from mcdesigner.checks import credential_readiness, references
    from mcdesigner.checks.registry import RULES
    from mcdesigner.checks.rules import quality
    from mcdesigner.fieldtypes import registered
    from mcdesigner.formdefs import feeds
    from mcdesigner.formdefs.feeds import FEED_LABELS
    from mcdesigner.model import standards, status

    def source(module: Any) -> str:
        return str(inspect.getsourcefile(module) or "")

    for rule in RULES:
        yield rule.title, source(inspect.getmodule(rule.check))
        yield rule.reference, source(inspect.getmodule(rule.check))
    for element in standards.ANNEX_I:
        yield element.name, source(standards)
        yield element.reference, source(standards)
    for info in standards.ESG_PART_1:
        for text in (info.title, info.focus, info.reference):
            yield text, source(standards)
    for text in (*standards.RATING_SCALE.values(), *status.STATUS_LABELS.values()):
        yield text, source(standards)
    for name, value in vars(references).items():
        if name.isupper() and isinstance(value, str):
            yield value, source(references)
    for _field, what in quality._INDICATOR_PARTS:
        yield what, source(quality)
    yield credential_readiness.ELM, source(credential_readiness)
    from mcdesigner.checks import bloom
    from mcdesigner.cli import COMMANDS
    from mcdesigner.export import context as export_context

    for text in bloom.LEVEL_NAMES.values():
        yield text, source(bloom)
    for text in export_context._DOCUMENT_TITLES.values():
        yield text, source(export_context)
    for command in COMMANDS:
        yield command.help, source(inspect.getmodule(command.run))
    for text in FEED_LABELS.values():
        yield text, source(feeds)
    for kind in registered():
        if kind.placeholder:
            yield kind.placeholder, source(inspect.getmodule(kind.text))


def _code_table_messages(root: Path) -> Iterator[tuple[str, str | None, str, int]]:
    for text, file in _declared_texts():
        path = Path(file).resolve()
        try:
            relative = path.relative_to(root.resolve()).as_posix()
        except ValueError:
            relative = f"src/mcdesigner/{path.name}"
        yield text, None, relative, 0


def _template_messages(root: Path) -> Iterator[tuple[str, str | None, str, int]]:
    layout = root / "templates" / "pdf_layout.toml"
    if not layout.is_file():
        return
    data = tomllib.loads(layout.read_text(encoding="utf-8"))
    for part in ("header", "footer"):
        for key in ("left", "right"):
            text = data.get(part, {}).get(key)
            if isinstance(text, str) and text.strip():
                yield text, None, "src/mcdesigner/export/pdf_layout.toml", 0


def collect_messages(root: Path | None = None) -> dict[str, Message]:
    """Every text to translate, keyed by its English source, in source order."""
    base = root or data_root()
    found: dict[str, Message] = {}
    sources: Iterable[tuple[str, str | None, str, int]] = (
        *_python_messages(base),
        *_code_table_messages(base),
        *_template_messages(base),
        *_toml_messages(base),
        *_vocabulary_messages(base),
    )
    for text, plural, path, line in sources:
        if not text.strip():
            continue
        message = found.setdefault(text, Message(text, plural))
        message.plural = message.plural or plural
        message.locations.append((path, line))
    return found


# ---------------------------------------------------------------------------
# Catalog files
# ---------------------------------------------------------------------------
PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);"}


def _read(path: Path, language: str) -> PoCatalog | None:
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def add_new_texts(language: str, area: str = "additions", root: Path | None = None) -> int:
    """Put the texts no catalog of ``language`` holds yet into ``<area>.po``, touching no
    other catalog file (safe while translators work on them); returns how many were added.
    """
    base = root or data_root()
    folder = base / "resources" / "locale" / language
    present: set[str] = set()
    for path in sorted(folder.glob("*.po")):
        for entry in _read(path, language) or ():
            if entry.id:
                present.add(entry.id if isinstance(entry.id, str) else str(entry.id[0]))
    target = folder / f"{area}.po"
    catalog = _read(target, language) or _new_catalog(language, area)
    added = 0
    for message in collect_messages(base).values():
        if message.id in present:
            continue
        msgid: Any = (message.id, message.plural) if message.plural else message.id
        catalog.add(msgid, ("", "") if message.plural else "", locations=message.locations[:5])
        added += 1
    if added:
        with target.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
    return added


def _new_catalog(language: str, area: str) -> PoCatalog:
    catalog = PoCatalog(
        locale=language,
        project="MC Designer",
        domain=area,
        copyright_holder="the MC Designer authors",
        msgid_bugs_address="",
        last_translator="MC Designer translators",
        language_team=f"{language} (MC Designer)",
    )
    catalog.mime_headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Language", language),
        ("Plural-Forms", PLURAL_FORMS.get(language, "nplurals=2; plural=(n != 1);")),
    ]
    return catalog


def update_catalogs(
    language: str, root: Path | None = None, folder: Path | None = None
) -> dict[str, int]:
    """Write ``resources/locale/<language>/<area>.po`` for every area; return counts.

    Translations already present are kept (wherever they were); texts no longer in the
    sources are dropped; new texts are added untranslated. ``folder`` is the catalogs'
    folder when not ``resources/locale`` of ``root``.
    """
    base = root or data_root()
    folder = (folder or base / "resources" / "locale") / language
    folder.mkdir(parents=True, exist_ok=True)
    known: dict[str, Any] = {}
    for path in sorted(folder.glob("*.po")):
        old = _read(path, language)
        for entry in old or ():
            if entry.id and entry.string:
                key = entry.id if isinstance(entry.id, str) else str(entry.id[0])
                known[key] = entry.string
    by_area: dict[str, list[Message]] = {}
    for message in collect_messages(base).values():
        by_area.setdefault(message.area, []).append(message)
    counts = {}
    for area, messages in by_area.items():
        catalog = _new_catalog(language, area)
        for message in messages:
            msgid: Any = (message.id, message.plural) if message.plural else message.id
            string = known.get(message.id, ("", "") if message.plural else "")
            if message.plural and isinstance(string, str):
                string = (string, string) if string else ("", "")
            catalog.add(msgid, string, locations=message.locations[:5])
        with (folder / f"{area}.po").open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
        counts[area] = len(messages)
    for path in folder.glob("*.po"):
        if path.stem not in by_area:
            path.unlink()
    return counts


# ---------------------------------------------------------------------------
# Checking a language
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Problem:
    """A text of the sources that a language's catalogs do not translate correctly."""

    area: str
    source: str
    problem: str


def check_language(language: str, root: Path | None = None) -> list[Problem]:
    """Every source text without a translation, or whose placeholders do not match."""
    from mcdesigner.translations.catalog import load_catalog

    base = root or data_root()
    catalog = load_catalog(language, base / "resources" / "locale")
    problems = [Problem("", "", p) for p in catalog.problems]
    for message in collect_messages(base).values():
        if message.plural:
            forms = catalog.plurals.get(message.id)
            if not forms:
                problems.append(Problem(message.area, message.id, "no translation"))
                continue
            for form in forms:
                if placeholders(form) != placeholders(message.plural):
                    problems.append(Problem(message.area, message.id, f"placeholders of {form!r}"))
            continue
        translated = catalog.text(message.id)
        if translated is None:
            problems.append(Problem(message.area, message.id, "no translation"))
        elif placeholders(translated) != placeholders(message.id):
            problems.append(
                Problem(message.area, message.id, f"placeholders differ in {translated!r}")
            )
    return problems
