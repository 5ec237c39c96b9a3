"""Read the form files (one TOML file per section) into a checked, frozen :class:`FormSet`.

Checks span files too: section ids and orders are unique, and no model path or list is
claimed by two forms.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from mcdesigner.formdefs.definitions import FormSet, GroupDef, SectionDef
from mcdesigner.formdefs.errors import FormDefinitionError
from mcdesigner.formdefs.parsing import SectionContext, parse_computed, parse_group
from mcdesigner.formdefs.tables import Table
from mcdesigner.i18n import current_language, tr
from mcdesigner.paths import forms_dir

SECTION_KEYS = {"id", "title", "order", "version", "help", "groups", "computed", "on_credential"}
SECTION_REQUIRED = {"id", "title", "order", "version", "help", "groups"}


def _t(text: str) -> str:
    return tr(text, "forms")


def read_toml(file: Path) -> Table:
    """Parse one file; syntax errors become a :class:`FormDefinitionError` with the line."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError.from_syntax(
            file, _t("not valid TOML: {error}").format(error=exc)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(
            file, _t("cannot read the file: {error}").format(error=exc)
        ) from None
    return Table(file, "", data)


def load_section(file: Path) -> SectionDef:
    """Load and check one section file."""
    table = read_toml(file)
    table.check_keys(SECTION_KEYS, SECTION_REQUIRED)
    section_id = table.text("id")
    ctx = SectionContext(section_id)
    groups = tuple(parse_group(sub, ctx, None) for sub in table.tables("groups", "group"))
    if not groups:
        table.fail(_t("a section needs at least one group"))
    return SectionDef(
        id=section_id,
        title=_t(table.text("title")),
        help=_t(table.text("help")),
        order=table.integer("order"),
        version=table.integer("version", minimum=1),
        source=file,
        groups=groups,
        computed=tuple(
            parse_computed(sub, section_id, None) for sub in table.tables("computed", "computed")
        ),
        on_credential=_on_credential(table, groups),
    )


def _on_credential(table: Table, groups: tuple[GroupDef, ...]) -> bool:
    """The optional ``on_credential`` flag; then every field and list must feed the credential."""
    if not table.flag("on_credential", False):
        return False
    lists = [g.path for group in groups for g in group.all_groups() if not g.on_credential]
    fields = [f.path for group in groups for f in group.all_fields() if not f.on_credential]
    for path in [p for p in lists if p is not None] + fields:
        table.fail(
            _t('the section is marked on_credential = true, so this needs feeds = ["credential"]'),
            path,
        )
    return True


def _check_unique(sections: list[SectionDef]) -> None:
    ids: dict[str, Path] = {}
    orders: dict[int, Path] = {}
    paths: dict[str, Path] = {}
    computed: dict[str, Path] = {}
    for section in sections:
        file = section.source
        if section.id in ids:
            raise FormDefinitionError(
                file,
                _t("section id '{id}' is also used in {other}").format(
                    id=section.id, other=ids[section.id].name
                ),
            )
        if section.order in orders:
            raise FormDefinitionError(
                file,
                _t("section order {order} is also used in {other}").format(
                    order=section.order, other=orders[section.order].name
                ),
            )
        ids[section.id] = orders[section.order] = file
        claimed = [f.path for f in section.fields()] + [
            g.path for g in section.all_groups() if g.path is not None
        ]
        for path in claimed:
            if path in paths:
                raise FormDefinitionError(
                    file,
                    _t("appears twice (also in {other})").format(other=paths[path].name),
                    path,
                )
            paths[path] = file
        values = list(section.computed) + [c for g in section.all_groups() for c in g.computed]
        for value in values:
            if value.name in computed:
                raise FormDefinitionError(
                    file,
                    _t("computed value '{name}' is declared twice (also in {other})").format(
                        name=value.name, other=computed[value.name].name
                    ),
                )
            computed[value.name] = file


def load_forms(directory: Path | None = None) -> FormSet:
    """Load every ``*.toml`` form in ``directory`` (default: the bundled forms folder)."""
    folder = forms_dir() if directory is None else directory
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        raise FormDefinitionError(folder, _t("no form files (*.toml) found"))
    sections = [load_section(file) for file in files]
    _check_unique(sections)
    return FormSet(tuple(sorted(sections, key=lambda s: s.order)))


@cache
def _forms_in(language: str) -> FormSet:
    return load_forms()


class _DefaultForms:
    """The bundled forms in the language in use, loaded once per language.

    Their labels and help are translated when they load; ``default_forms.cache_clear()``
    reloads them (after a catalog changed).
    """

    def __call__(self) -> FormSet:
        return _forms_in(current_language())

    def cache_clear(self) -> None:
        """Load the forms anew on the next call."""
        _forms_in.cache_clear()


default_forms = _DefaultForms()
