"""Library commands: list and show proposals, import and export proposal files, start the app."""

from __future__ import annotations

import argparse
import importlib
import os
import textwrap
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mcdesigner.cli.common import (
    EXIT_USAGE,
    TEXT_WIDTH,
    TITLE_WIDTH,
    CliError,
    Command,
    add_force_argument,
    bundle_contents,
    check_settings,
    count,
    cut,
    err,
    json_dump,
    open_store,
    out,
    percent,
    refuse_link,
    resolve_id,
    short_ids,
    status_label,
    title_or_untitled,
)
from mcdesigner.cli.terminal import one_line
from mcdesigner.exchange import PROPOSAL_SUFFIX, read_proposal_file
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import (
    COMPUTED_VALUES,
    FormDefinitionError,
    FormSet,
    default_forms,
    element_label,
)
from mcdesigner.formdefs.labels import humanize
from mcdesigner.formdefs.values import guessed_shape, shape_at, value_text
from mcdesigner.i18n import tr, tr_n
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import get_value, parse_path
from mcdesigner.model.proposal import Proposal, iter_items
from mcdesigner.model.translations import translated_paths
from mcdesigner.model.vocabularies import CONTENT_LANGUAGE, get_vocabulary
from mcdesigner.operations.files import export_proposal_file, import_proposal_file
from mcdesigner.storage import DB_ENV_VAR, ProposalExists, ProposalSummary


# ---------------------------------------------------------------------------
# list
# ---------------------------------------------------------------------------
def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("print the list as JSON"))
    parser.add_argument("--all", action="store_true", help=tr("include proposals in the trash"))
    parser.add_argument(
        "--search",
        metavar="WORDS",
        default=None,
        help=tr("only the proposals whose texts hold every one of these words"),
    )


def _summary_json(summary: ProposalSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "status": summary.status,
        "completeness": summary.completeness,
        "created_at": summary.created_at.isoformat(),
        "updated_at": summary.updated_at.isoformat(),
        "content_hash": summary.content_hash,
        "deleted_at": summary.deleted_at.isoformat() if summary.deleted_at else None,
    }


def run_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        summaries = store.list_proposals(include_deleted=args.all)
        if args.search is not None:
            found = set(store.search_proposals(args.search, include_deleted=args.all))
            summaries = [s for s in summaries if s.id in found]
    if args.json:
        out(json_dump([_summary_json(s) for s in summaries]))
        return 0
    if not summaries and args.search is not None:
        out(tr("No proposal matches “{text}”.").format(text=args.search.strip()))
        return 0
    if not summaries:
        out(tr("No proposals yet. Import one with “mcdesigner import FILE”."))
        return 0
    short = short_ids([s.id for s in summaries])
    header = (tr("ID"), tr("Title"), tr("Status"), tr("Complete"), tr("Last change"))
    rows = [
        (
            one_line(short[s.id]),
            cut(title_or_untitled(s.title), TITLE_WIDTH)
            + (" " + tr("(in trash)") if s.deleted_at else ""),
            status_label(s.status),
            percent(s.completeness),
            formatter().short_datetime(s.updated_at),
        )
        for s in summaries
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


# ---------------------------------------------------------------------------
# show
# ---------------------------------------------------------------------------
def add_show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help=tr("the proposal's id, or the start of it"))
    parser.add_argument(
        "--json", action="store_true", help=tr("print the full proposal document as JSON")
    )


def run_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        proposal = store.get(proposal_id)
        if args.json:
            out(json_dump(proposal.model_dump(mode="json")))
            return 0
        summary = store.summary(proposal_id)
        annotations = store.list_annotations(proposal_id)
        reviews = store.list_reviews(proposal_id)
        revisions = store.list_revisions(proposal_id)
    open_threads = sum(1 for a in annotations if a.status == "open")
    facts = [
        (tr("Id"), one_line(proposal.id)),
        (tr("Status"), status_label(proposal.status)),
        (tr("Complete"), percent(summary.completeness)),
        (tr("Last change"), formatter().short_datetime(summary.updated_at)),
        (tr("Content hash"), summary.content_hash),
        (
            tr("Comments"),
            count(len(annotations), tr("1 thread"), tr("{count} threads"))
            + ", "
            + tr("{open} open").format(open=open_threads),
        ),
        (tr("Reviews"), str(len(reviews))),
        (tr("Revisions"), str(len(revisions))),
    ]
    title = one_line(proposal.display_title)
    out(title)
    out("=" * min(len(title), TEXT_WIDTH))
    width = max(len(label) for label, _ in facts)
    for label, value in facts:
        out(f"{label + ':':<{width + 1}} {value}")
    for line in ProposalText(proposal, _load_forms()).lines():
        out(line)
    return 0


def _load_forms() -> FormSet | None:
    """The form definitions for labels, or None (plain field names are used instead)."""
    try:
        return default_forms()
    except (FormDefinitionError, OSError):
        return None


class ProposalText:
    """A readable plain-text rendering of every section of a proposal.

    Labels, section titles and choice labels come from the form definitions when they
    are available, so the text reads like the editor; values left empty are skipped.
    """

    _SKIPPED = frozenset({"schema_version", "id", "status", "translations"})
    _IN_ITEM_TITLE = frozenset({"self_assessment.entries[].standard"})

    def __init__(self, proposal: Proposal, forms: FormSet | None) -> None:
        self.proposal = proposal
        self.forms = forms
        self._items = {item.id: item for item in iter_items(proposal)}

    def lines(self) -> Iterator[str]:
        for name in Proposal.model_fields:
            if name in self._SKIPPED:
                continue
            title = self._section_title(name)
            yield ""
            yield title
            yield "-" * len(title)
            section = getattr(self.proposal, name)
            if isinstance(section, BaseModel):
                body = list(self._model(section, name, 0))
            else:
                body = list(self._item_lines(section, name, 0))
            if body:
                body.extend(self._computed(name))
            yield from body or ["  " + tr("(nothing filled in yet)")]
        yield from self._translations()

    def _translations(self) -> Iterator[str]:
        """The texts in each further language, field by field, after the main text."""
        names = get_vocabulary(CONTENT_LANGUAGE)
        for language in self.proposal.languages.others:
            title = tr("Translation: {language}").format(language=names.label_of(language))
            yield ""
            yield title
            yield "-" * len(title)
            texts = self.proposal.translations.get(language, {})
            shown = [path for path in translated_paths(self.proposal) if texts.get(path)]
            for path in shown:
                yield f"  {self._path_title(path)}: {texts[path]}"
            missing = sum(
                1
                for path in translated_paths(self.proposal)
                if not texts.get(path) and get_value(self.proposal, path)
            )
            if missing:
                yield "  " + tr_n(
                    "({count} text not translated yet)",
                    "({count} texts not translated yet)",
                    missing,
                ).format(count=missing)

    def _path_title(self, path: str) -> str:
        """``Learning outcome 2 › Statement`` for a field path with item ids."""
        parts: list[str] = []
        node: Any = self.proposal
        schema = ""
        for segment in parse_path(path):
            schema = f"{schema}.{segment.name}" if schema else segment.name
            node = getattr(node, segment.name)
            if segment.item is not None:
                index = next(i for i, item in enumerate(node) if item.id == segment.item)
                node = node[index]
                group = self.forms.group_for_list(schema) if self.forms is not None else None
                if group is not None and group.item_label:
                    parts.append(f"{group.item_label} {index + 1}")
                else:
                    parts.append(self._item_title(schema, node, index))
                schema += "[]"
        parts.append(self._label(schema))
        return " › ".join(parts)

    # -- labels ------------------------------------------------------------
    def _section_title(self, name: str) -> str:
        if name == "languages":  # a group of the General information form
            return tr("Languages of this proposal")
        if self.forms is not None:
            try:
                return self.forms.section(name).title
            except KeyError:
                pass
        return _plain_label(name)

    def _label(self, schema: str) -> str:
        label = element_label(self.forms, schema) if self.forms is not None else ""
        return label or _plain_label(schema.rsplit(".", 1)[-1].removesuffix("[]"))

    def _item_title(self, schema: str, item: Item, index: int) -> str:
        group = self.forms.group_for_list(schema) if self.forms is not None else None
        if group is not None:
            return group.item_title(item, index)
        return f"{self._label(schema)} {index + 1}"

    # -- values ------------------------------------------------------------
    def _display(self, value: Any, schema: str) -> str:
        field = self.forms.field(schema) if self.forms is not None else None
        return value_text(
            shape_at(schema, field) or guessed_shape(value),
            value,
            field=field,
            currency=self.proposal.general.currency,
            references=lambda _list_path, ref: self._reference(ref),
        )

    def _reference(self, item_id: Any) -> str:
        item = self._items.get(str(item_id))
        for attribute in ("title", "name", "text", "label"):
            text = getattr(item, attribute, "") if item is not None else ""
            if isinstance(text, str) and text.strip():
                return cut(text.strip().splitlines()[0], 60)
        return str(item_id)

    def _field(self, value: Any, schema: str, depth: int) -> Iterator[str]:
        indent = "  " * (depth + 1)
        if value is None or value == "" or value == []:
            return
        if isinstance(value, list) and isinstance(value[0], Item):
            yield f"{indent}{self._label(schema)}:"
            yield from self._item_lines(value, schema, depth + 1)
            return
        if isinstance(value, BaseModel):
            nested = list(self._model(value, schema, depth + 1))
            if nested:
                yield f"{indent}{self._label(schema)}:"
            yield from nested
            return
        label = self._label(schema)
        text = self._display(value, schema)
        if "\n" in text or len(indent) + len(label) + len(text) > TEXT_WIDTH:
            yield f"{indent}{label}:"
            for paragraph in text.splitlines() or [""]:
                yield from textwrap.wrap(
                    paragraph,
                    TEXT_WIDTH,
                    initial_indent=indent + "    ",
                    subsequent_indent=indent + "    ",
                ) or [""]
            return
        yield f"{indent}{label}: {text}"

    def _item_lines(self, items: Sequence[Item], schema: str, depth: int) -> Iterator[str]:
        indent = "  " * (depth + 1)
        for index, item in enumerate(items):
            title = self._item_title(schema, item, index)
            yield f"{indent}{index + 1}. {title}"
            body = list(self._model(item, schema + "[]", depth + 1, title=title))
            yield from body or [f"{indent}  " + tr("(nothing filled in yet)")]

    def _model(
        self, model: BaseModel, schema: str, depth: int, *, title: str = ""
    ) -> Iterator[str]:
        for name in type(model).model_fields:
            path = f"{schema}.{name}"
            value = getattr(model, name)
            if (name == "id" and isinstance(model, Item)) or path in self._IN_ITEM_TITLE:
                continue
            if title and isinstance(value, str) and value == title:
                continue  # already the item's heading
            yield from self._field(value, path, depth)
        amount = getattr(model, "amount", None)
        if isinstance(amount, Decimal):
            yield f"{'  ' * (depth + 1)}{tr('Amount')}: {self._money(amount)}"

    def _computed(self, section: str) -> Iterator[str]:
        for name, (kind, getter) in COMPUTED_VALUES.items():
            if not name.startswith(section + ".") or "[]" in name:
                continue
            value = getter(self.proposal, None)
            if value is None:
                continue
            definition = self.forms.computed(name) if self.forms is not None else None
            label = definition.label if definition is not None else _plain_label(name)
            hours = f"{formatter().number(value)} " + tr("hours")
            shown = self._money(value) if kind == "money" else hours
            yield f"  {label}: {shown}"

    def _money(self, value: float | Decimal) -> str:
        return formatter().money(Decimal(str(value)), self.proposal.general.currency)


def _plain_label(name: str) -> str:
    return humanize(name.rsplit(".", 1)[-1])


# ---------------------------------------------------------------------------
# import
# ---------------------------------------------------------------------------
def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help=tr("the .mcproposal file to import"))
    parser.add_argument(
        "--replace",
        action="store_true",
        help=tr("overwrite a stored proposal with the same id (it is kept as a revision)"),
    )


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    bundle = read_proposal_file(path)  # validated completely before the store is opened
    proposal = bundle.proposal
    with open_store(args) as store:
        existed = store.exists(proposal.id)
        try:
            report = import_proposal_file(
                store, path, settings=check_settings(), replace=args.replace
            )
        except ProposalExists:
            raise CliError(
                tr(
                    "A proposal with the id {id} (“{title}”) is already stored. Nothing was "
                    "imported. Run the command again with --replace to overwrite it; the "
                    "stored version is then kept as a revision."
                ).format(id=one_line(proposal.id), title=one_line(proposal.display_title))
            ) from None
    message = tr("Replaced") if existed else tr("Imported")
    out(
        tr("{action} “{title}” (id {id}) from {file}").format(
            action=message,
            title=one_line(proposal.display_title),
            id=one_line(proposal.id),
            file=one_line(path.name),
        )
    )
    out(tr("With {contents}.").format(contents=bundle_contents(bundle)))
    out(tr("Complete: {percent}").format(percent=percent(report.completeness)))
    return 0


# ---------------------------------------------------------------------------
# export-file
# ---------------------------------------------------------------------------
def add_export_file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help=tr("the proposal's id, or the start of it"))
    parser.add_argument("out", type=Path, help=tr("the .mcproposal file to write"))
    parser.add_argument(
        "--with-revisions", action="store_true", help=tr("include the saved revisions")
    )
    add_force_argument(parser)


def run_export_file(args: argparse.Namespace) -> int:
    target: Path = args.out
    if target.is_dir():
        raise CliError(
            tr("{out} is a folder; give a file name ending in {suffix}.").format(
                out=one_line(target), suffix=PROPOSAL_SUFFIX
            )
        )
    refuse_link(target, args.force)
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        bundle = export_proposal_file(
            store,
            proposal_id,
            target,
            with_revisions=args.with_revisions,
            through_link=args.force,
        )
    out(
        tr("Wrote “{title}” to {out} with {contents}.").format(
            title=one_line(bundle.proposal.display_title),
            out=one_line(target),
            contents=bundle_contents(bundle),
        )
    )
    return 0


# ---------------------------------------------------------------------------
# The desktop application
# ---------------------------------------------------------------------------
def run_app(args: argparse.Namespace) -> int:
    """Start the desktop application on the chosen database."""
    if args.db is not None:
        # The application finds its database through the same setting as the store.
        os.environ[DB_ENV_VAR] = str(args.db)
    try:
        # Imported only here: the command line itself never loads Qt.
        app_module = importlib.import_module("mcdesigner.app")
    except ImportError as problem:
        err(
            tr(
                "The desktop application cannot start: {problem}. The command line still "
                "works; run “mcdesigner --help” to see the commands."
            ).format(problem=problem)
        )
        return EXIT_USAGE
    app_main: Callable[[], int | None] = app_module.main
    return int(app_main() or 0)


COMMANDS: tuple[Command, ...] = (
    Command("list", "list the stored proposals", add_list_arguments, run_list),
    Command("show", "show one proposal section by section", add_show_arguments, run_show),
    Command("import", "import a .mcproposal file", add_import_arguments, run_import),
    Command(
        "export-file",
        "write a proposal to a .mcproposal file",
        add_export_file_arguments,
        run_export_file,
    ),
)
