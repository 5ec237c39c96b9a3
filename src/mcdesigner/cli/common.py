"""Shared pieces of the command line: the command record, errors, output and id lookup."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcdesigner.checks import CheckSettings
from mcdesigner.cli.terminal import for_terminal, one_line
from mcdesigner.exchange import ProposalBundle
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.model.status import status_label as _workflow_status_label
from mcdesigner.storage import Store

#: Exit status for a command that failed with a reported problem.
EXIT_FAILURE = 1
#: Exit status for wrong usage, or when the desktop application cannot start.
EXIT_USAGE = 2
#: Setting this environment variable lets unexpected errors show their traceback.
DEBUG_ENV_VAR = "MCDESIGNER_DEBUG"

TEXT_WIDTH = 96
TITLE_WIDTH = 40
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
def out(text: str = "") -> None:
    """Print ``text`` on stdout, anything in it that could control the terminal escaped."""
    print(for_terminal(text), file=sys.stdout)


def add_force_argument(parser: argparse.ArgumentParser) -> None:
    """``--force``: write through a symbolic link given as the file to write."""
    parser.add_argument(
        "--force",
        action="store_true",
        help=tr("when the file to write is a symbolic link, replace the file it points to"),
    )


def refuse_link(target: Path, force: bool) -> None:
    """Stop before any work when ``target`` is a symbolic link and ``--force`` was not given."""
    if force or not target.is_symlink():
        return
    raise CliError(
        tr(
            "{out} is a symbolic link to {link}. Nothing was written; give --force to "
            "replace the file it points to."
        ).format(out=one_line(target), link=one_line(os.readlink(target)))
    )


def open_store(args: argparse.Namespace) -> Store:
    db: Path | None = args.db
    return Store.open(db)


def check_settings() -> CheckSettings:
    """The check settings for this command: the user's preferences and the bundled forms."""
    from mcdesigner.formdefs import FormDefinitionError, default_forms
    from mcdesigner.operations.settings import check_settings as settings_for
    from mcdesigner.settings import load_preferences

    prefs, _problem = load_preferences()
    try:
        forms = default_forms()
    except (FormDefinitionError, OSError):
        forms = None  # the checks report the broken forms themselves
    return settings_for(prefs, forms)


def resolve_id(store: Store, given: str) -> str:
    """The full id of the proposal whose id is ``given`` or starts with it."""
    given = given.strip()
    if not given:
        raise CliError(tr("Give the id of a proposal (run “mcdesigner list” to see them)."))
    no_match = CliError(
        tr(
            "No proposal has an id starting with “{given}”. Run “mcdesigner list” to see the ids."
        ).format(given=given)
    )
    if not _is_text(given):
        raise no_match  # e.g. a file name the system could not decode: it names no proposal
    if store.exists(given):
        return given
    matches = [s for s in store.list_proposals(include_deleted=True) if s.id.startswith(given)]
    if not matches:
        raise no_match
    if len(matches) > 1:
        names = ", ".join(f"{one_line(s.id)} ({title_or_untitled(s.title)})" for s in matches[:5])
        raise CliError(
            tr("“{given}” matches several proposals: {names}. Type more of the id.").format(
                given=given, names=names
            )
        )
    return matches[0].id


def _is_text(value: str) -> bool:
    """Whether ``value`` is proper Unicode text (no undecodable bytes smuggled in as surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def title_or_untitled(title: str) -> str:
    return one_line(title) or tr("Untitled proposal")


def percent(value: float | None) -> str:
    return "–" if value is None else formatter().percent(round(value))


def status_label(status: str) -> str:
    """The status in words, lower case, for running text."""
    return _workflow_status_label(status).lower()


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def short_ids(ids: Sequence[str]) -> dict[str, str]:
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


def count(number: int, one: str, many: str) -> str:
    """``one`` for a single thing, else ``many`` with ``{count}`` filled in."""
    return one if number == 1 else many.format(count=number)


def bundle_contents(bundle: ProposalBundle) -> str:
    """What a proposal file carries besides the proposal, in words."""
    return ", ".join(
        [
            count(len(bundle.annotations), tr("1 comment thread"), tr("{count} comment threads")),
            count(len(bundle.reviews), tr("1 review"), tr("{count} reviews")),
            count(len(bundle.revisions), tr("1 revision"), tr("{count} revisions")),
        ]
    )


def json_dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def err(text: str) -> None:
    """Print a message on stderr as one line: line breaks from the values in it are escaped."""
    print(one_line(text.strip()), file=sys.stderr)
