"""The command line: list, show, import and export proposals with the same core as the app.

``mcdesigner`` with no command starts the desktop application. Each command is one small
``run_*`` function plus an ``add_*_arguments`` function, registered in :data:`COMMANDS`;
adding a command means writing those two functions and one table entry. Problems are
reported as one plain message on stderr with a non-zero exit status, never a traceback.
The command line never imports Qt unless it starts the desktop application.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mcdesigner import __version__
from mcdesigner.exchange import (
    PROPOSAL_SUFFIX,
    ExchangeError,
    ProposalBundle,
    RevisionEntry,
    read_proposal_file,
    write_proposal_file,
)
from mcdesigner.formdefs import COMPUTED_VALUES, FormDefinitionError, FormSet, default_forms
from mcdesigner.i18n import tr
from mcdesigner.model.base import Item
from mcdesigner.model.fieldpath import PathError, describe
from mcdesigner.model.proposal import Proposal, iter_items
from mcdesigner.model.vocabularies import get_vocabulary
from mcdesigner.storage import (
    DB_ENV_VAR,
    ProposalExists,
    ProposalSummary,
    RevisionInfo,
    Store,
    StoreError,
    default_db_path,
)

#: Exit status for a command that failed with a reported problem.
EXIT_FAILURE = 1
#: Exit status for wrong usage, or when the desktop application cannot start.
EXIT_USAGE = 2
#: Setting this environment variable lets unexpected errors show their traceback.
DEBUG_ENV_VAR = "MCDESIGNER_DEBUG"

_TEXT_WIDTH = 96
_TITLE_WIDTH = 40
_SHORT_ID = 8


class CliError(Exception):
    """A problem to report to the user as it is (the message is already translated)."""


@dataclass(frozen=True)
class Command:
    """One sub-command: its name, one-line help, argument set-up and the function it runs.

    ``help`` is the English source text; it is translated when the parser is built.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------
def _out(text: str = "") -> None:
    print(text, file=sys.stdout)


def _open_store(args: argparse.Namespace) -> Store:
    db: Path | None = args.db
    return Store.open(db)


def _resolve_id(store: Store, given: str) -> str:
    """The full id of the proposal whose id is ``given`` or starts with it."""
    given = given.strip()
    if not given:
        raise CliError(tr("Give the id of a proposal (run “mcdesigner list” to see them)."))
    if store.exists(given):
        return given
    matches = [s for s in store.list_proposals(include_deleted=True) if s.id.startswith(given)]
    if not matches:
        raise CliError(
            tr(
                "No proposal has an id starting with “{given}”. "
                "Run “mcdesigner list” to see the ids."
            ).format(given=given)
        )
    if len(matches) > 1:
        names = ", ".join(f"{s.id} ({_title(s.title)})" for s in matches[:5])
        raise CliError(
            tr("“{given}” matches several proposals: {names}. Type more of the id.").format(
                given=given, names=names
            )
        )
    return matches[0].id


def _title(title: str) -> str:
    return title or tr("Untitled proposal")


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def _status_label(status: str) -> str:
    labels = {
        "draft": tr("draft"),
        "submitted": tr("submitted"),
        "in_review": tr("in review"),
        "changes_requested": tr("changes requested"),
        "approved": tr("approved"),
        "rejected": tr("rejected"),
    }
    return labels.get(status, status)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _short_ids(ids: Sequence[str]) -> dict[str, str]:
    """The shortest prefix (at least 8 characters) telling each id apart from the others."""
    ordered = sorted(ids)
    short: dict[str, str] = {}
    for index, current in enumerate(ordered):
        length = _SHORT_ID
        for neighbour in ordered[max(index - 1, 0) : index + 2]:
            if neighbour == current:
                continue
            common = next(
                (i for i, (a, b) in enumerate(zip(current, neighbour, strict=False)) if a != b),
                min(len(current), len(neighbour)),
            )
            length = max(length, common + 1)
        short[current] = current[:length]
    return short


def _count(number: int, one: str, many: str) -> str:
    """``one`` for a single thing, else ``many`` with ``{count}`` filled in."""
    return one if number == 1 else many.format(count=number)


def _bundle_contents(bundle: ProposalBundle) -> str:
    """What a proposal file carries besides the proposal, in words."""
    return ", ".join(
        [
            _count(len(bundle.annotations), tr("1 comment thread"), tr("{count} comment threads")),
            _count(len(bundle.reviews), tr("1 review"), tr("{count} reviews")),
            _count(len(bundle.revisions), tr("1 revision"), tr("{count} revisions")),
        ]
    )


def _json_dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------------------
# list
# ---------------------------------------------------------------------------
def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("print the list as JSON"))
    parser.add_argument("--all", action="store_true", help=tr("include proposals in the trash"))


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
    with _open_store(args) as store:
        summaries = store.list_proposals(include_deleted=args.all)
    if args.json:
        _out(_json_dump([_summary_json(s) for s in summaries]))
        return 0
    if not summaries:
        _out(tr("No proposals yet. Import one with “mcdesigner import FILE”."))
        return 0
    short = _short_ids([s.id for s in summaries])
    header = (tr("ID"), tr("Title"), tr("Status"), tr("Complete"), tr("Last change"))
    rows = [
        (
            short[s.id],
            _cut(_title(s.title), _TITLE_WIDTH) + (" " + tr("(in trash)") if s.deleted_at else ""),
            _status_label(s.status),
            _percent(s.completeness),
            _when(s.updated_at),
        )
        for s in summaries
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        _out("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
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
    with _open_store(args) as store:
        proposal_id = _resolve_id(store, args.id)
        proposal = store.get(proposal_id)
        if args.json:
            _out(_json_dump(proposal.model_dump(mode="json")))
            return 0
        summary = store.summary(proposal_id)
        annotations = store.list_annotations(proposal_id)
        reviews = store.list_reviews(proposal_id)
        revisions = store.list_revisions(proposal_id)
    open_threads = sum(1 for a in annotations if a.status == "open")
    facts = [
        (tr("Id"), proposal.id),
        (tr("Status"), _status_label(proposal.status)),
        (tr("Complete"), _percent(summary.completeness)),
        (tr("Last change"), _when(summary.updated_at)),
        (tr("Content hash"), summary.content_hash),
        (
            tr("Comments"),
            _count(len(annotations), tr("1 thread"), tr("{count} threads"))
            + ", "
            + tr("{open} open").format(open=open_threads),
        ),
        (tr("Reviews"), str(len(reviews))),
        (tr("Revisions"), str(len(revisions))),
    ]
    _out(proposal.display_title)
    _out("=" * min(len(proposal.display_title), _TEXT_WIDTH))
    width = max(len(label) for label, _ in facts)
    for label, value in facts:
        _out(f"{label + ':':<{width + 1}} {value}")
    for line in ProposalText(proposal, _load_forms()).lines():
        _out(line)
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

    _SKIPPED = frozenset({"schema_version", "id", "status"})
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

    # -- labels ------------------------------------------------------------
    def _section_title(self, name: str) -> str:
        if self.forms is not None:
            try:
                return self.forms.section(name).title
            except KeyError:
                pass
        return _plain_label(name)

    def _label(self, schema: str) -> str:
        if self.forms is not None:
            element = self.forms.element(schema)
            if element is not None:
                text = getattr(element, "label", None) or getattr(element, "title", "")
                return str(text)
        return _plain_label(schema.rsplit(".", 1)[-1].removesuffix("[]"))

    def _item_title(self, schema: str, item: Item, index: int) -> str:
        group = self.forms.group_for_list(schema) if self.forms is not None else None
        if group is not None:
            return group.item_title(item, index)
        return f"{self._label(schema)} {index + 1}"

    # -- values ------------------------------------------------------------
    def _display(self, value: Any, schema: str) -> str:
        field = self.forms.field(schema) if self.forms is not None else None
        if field is not None and field.kind == "refs":
            return self._reference(value)
        if field is not None:
            return field.choice_label(value)
        try:
            shape = describe(Proposal, schema)
        except PathError:
            shape = None
        if shape is not None and shape.vocabulary is not None and isinstance(value, str):
            return get_vocabulary(shape.vocabulary).label_of(value)
        if isinstance(value, bool):
            return tr("Yes") if value else tr("No")
        if isinstance(value, str) and shape is not None and shape.kind == "choice":
            return value.replace("_", " ")
        if shape is not None and shape.kind == "refs":
            return self._reference(value)
        return str(value)

    def _reference(self, item_id: Any) -> str:
        item = self._items.get(str(item_id))
        for attribute in ("title", "name", "text", "label"):
            text = getattr(item, attribute, "") if item is not None else ""
            if isinstance(text, str) and text.strip():
                return _cut(text.strip().splitlines()[0], 60)
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
        if isinstance(value, list):
            text = "; ".join(self._display(v, schema) for v in value)
        else:
            text = self._display(value, schema)
        if "\n" in text or len(indent) + len(label) + len(text) > _TEXT_WIDTH:
            yield f"{indent}{label}:"
            for paragraph in text.splitlines() or [""]:
                yield from textwrap.wrap(
                    paragraph,
                    _TEXT_WIDTH,
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
            shown = self._money(value) if kind == "money" else f"{value:g} " + tr("hours")
            yield f"  {label}: {shown}"

    def _money(self, value: float | Decimal) -> str:
        return f"{Decimal(value):,.2f} {self.proposal.general.currency}"


def _plain_label(name: str) -> str:
    text = name.rsplit(".", 1)[-1].replace("_", " ")
    return text[:1].upper() + text[1:]


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
    bundle = read_proposal_file(path)
    proposal = bundle.proposal
    revisions = [
        (
            RevisionInfo(
                id=entry.id,
                proposal_id=proposal.id,
                label=entry.label,
                created_at=entry.created_at,
                content_hash=entry.content_hash,
                kind=entry.kind,
            ),
            entry.proposal,
        )
        for entry in bundle.revisions
    ]
    with _open_store(args) as store:
        existed = store.exists(proposal.id)
        try:
            store.import_bundle(
                proposal,
                annotations=bundle.annotations,
                reviews=bundle.reviews,
                revisions=revisions,
                replace=args.replace,
            )
        except ProposalExists:
            raise CliError(
                tr(
                    "A proposal with the id {id} (“{title}”) is already stored. Nothing was "
                    "imported. Run the command again with --replace to overwrite it; the "
                    "stored version is then kept as a revision."
                ).format(id=proposal.id, title=proposal.display_title)
            ) from None
    message = tr("Replaced") if existed else tr("Imported")
    _out(
        tr("{action} “{title}” (id {id}) from {file}").format(
            action=message, title=proposal.display_title, id=proposal.id, file=path.name
        )
    )
    _out(tr("With {contents}.").format(contents=_bundle_contents(bundle)))
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


def _revision_entries(store: Store, proposal_id: str) -> tuple[RevisionEntry, ...]:
    return tuple(
        RevisionEntry(
            id=info.id,
            label=info.label,
            kind=info.kind,
            created_at=info.created_at,
            content_hash=info.content_hash,
            proposal=store.get_revision(info.id),
        )
        for info in store.list_revisions(proposal_id)
    )


def run_export_file(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():
        raise CliError(
            tr("{out} is a folder; give a file name ending in {suffix}.").format(
                out=out, suffix=PROPOSAL_SUFFIX
            )
        )
    with _open_store(args) as store:
        proposal_id = _resolve_id(store, args.id)
        bundle = ProposalBundle(
            proposal=store.get(proposal_id),
            annotations=tuple(store.list_annotations(proposal_id)),
            reviews=tuple(store.list_reviews(proposal_id)),
            revisions=_revision_entries(store, proposal_id) if args.with_revisions else (),
        )
    write_proposal_file(out, bundle)
    _out(
        tr("Wrote “{title}” to {out} with {contents}.").format(
            title=bundle.proposal.display_title,
            out=out,
            contents=_bundle_contents(bundle),
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
        _err(
            tr(
                "The desktop application cannot start: {problem}. The command line still "
                "works; run “mcdesigner --help” to see the commands."
            ).format(problem=problem)
        )
        return EXIT_USAGE
    app_main: Callable[[], int | None] = app_module.main
    return int(app_main() or 0)


# ---------------------------------------------------------------------------
# Command table and entry point
# ---------------------------------------------------------------------------
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


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser with one sub-parser per entry of ``commands``."""
    parser = argparse.ArgumentParser(
        prog="mcdesigner",
        description=tr(
            "Draft, check and review micro-credential proposals. "
            "Without a command, the desktop application starts."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help=tr("the proposal database to use (default: {path})").format(path=default_db_path()),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands:
        text = tr(command.help)
        sub = subparsers.add_parser(command.name, help=text, description=text)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    parser.set_defaults(run=run_app)
    return parser


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _tolerate_unencodable_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process arguments); return the exit code."""
    _tolerate_unencodable_output()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (CliError, ExchangeError, StoreError) as problem:
        _err(str(problem))
    except BrokenPipeError:
        # The reader of our output went away (e.g. ``| head``): stop quietly.
        _silence_stdout()
    except OSError as problem:
        _err(tr("Error: {problem}").format(problem=problem))
    except KeyboardInterrupt:
        _err(tr("Stopped."))
        return 130
    except Exception as problem:
        if os.environ.get(DEBUG_ENV_VAR):
            raise
        _err(
            tr("Unexpected error ({kind}: {problem}). Set {var}=1 to see the details.").format(
                kind=type(problem).__name__, problem=problem, var=DEBUG_ENV_VAR
            )
        )
    return EXIT_FAILURE
