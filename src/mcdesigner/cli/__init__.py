"""The command line: the same core as the app, for scripts and quick looks.

``mcdesigner`` with no command starts the desktop application. Each command is one small
``run_*`` function plus an ``add_*_arguments`` function, registered in a module's
``COMMANDS`` table (library, example, documents, reviewing, esco, profile); adding a
command means writing those two functions and one table entry. Problems are reported as
one plain message on stderr with a non-zero exit status, never a traceback. The command
line never imports Qt unless it starts the desktop application.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesigner import __version__
from mcdesigner.cli import documents, esco, example, library, pack, profile, reviewing
from mcdesigner.cli.argparse_texts import translate_argparse
from mcdesigner.cli.common import (
    DEBUG_ENV_VAR,
    EXIT_FAILURE,
    EXIT_USAGE,
    CliError,
    Command,
    err,
)
from mcdesigner.cli.terminal import for_terminal
from mcdesigner.exchange import ExchangeError
from mcdesigner.i18n import tr
from mcdesigner.settings import load_preferences
from mcdesigner.storage import StoreError, default_db_path
from mcdesigner.translations import (
    ENVIRONMENT_VARIABLE,
    UnknownLanguage,
    available_languages,
    choose_language,
    language_name,
    resolve_language,
    use_language,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

COMMANDS: tuple[Command, ...] = (
    library.COMMANDS
    + example.COMMANDS
    + documents.COMMANDS
    + reviewing.COMMANDS
    + esco.COMMANDS
    + profile.COMMANDS
    + pack.COMMANDS
)

__all__ = ["COMMANDS", "CliError", "Command", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """The argument parser, whose usage and error texts (which repeat what was typed) are
    printed with anything that could control the terminal escaped."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(for_terminal(message), file)


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser with one sub-parser per entry of ``commands``."""
    parser = _Parser(
        prog="mcdesigner",
        description=tr(
            "Draft, check and review micro-credential proposals. "
            "Without a command, the desktop application starts."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", metavar="LANG", help=_lang_help())
    db_help = tr("the proposal database to use (default: {path})").format(path=default_db_path())
    parser.add_argument("--db", type=Path, default=None, metavar="PATH", help=db_help)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands:
        text = tr(command.help)
        sub = subparsers.add_parser(command.name, help=text, description=text)
        # --db is global, and also accepted after the command ("mcdesigner list --db X").
        # SUPPRESS keeps a --db given before the command when none follows it.
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH", help=db_help)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    parser.set_defaults(run=library.run_app)
    return parser


def _lang_help() -> str:
    languages = ", ".join(f"{c} ({language_name(c)})" for c in available_languages())
    return tr(
        "the language of messages and documents: {languages} (default: {variable}, the"
        " Preferences or the system's language)"
    ).format(languages=languages, variable=ENVIRONMENT_VARIABLE)


def _requested_language(argv: Sequence[str]) -> str | None:
    """The global ``--lang`` of ``argv``, given before the command (read before the parser
    is built in that language; ``export --lang`` names the document's language instead)."""
    names = {command.name for command in COMMANDS}
    before = list(argv)
    for index, word in enumerate(before):
        if word in names and (index == 0 or before[index - 1] not in ("--lang", "--db")):
            before = before[:index]
            break
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(before)
    return known.lang if isinstance(known.lang, str) else None


def start_language(argv: Sequence[str]) -> str:
    """Use the language asked for by ``--lang``, ``MCDESIGNER_LANG``, the Preferences or
    the system; raises :class:`UnknownLanguage` with the languages to choose from."""
    requested = _requested_language(argv)
    if requested is None and not os.environ.get(ENVIRONMENT_VARIABLE):
        prefs, _problem = load_preferences()
        language, _problems = choose_language(prefs.language)
    else:
        language = resolve_language(requested)
        os.environ[ENVIRONMENT_VARIABLE] = language  # the desktop app started from here too
    for problem in use_language(language):
        err(problem)
    translate_argparse()
    return language


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
    arguments = sys.argv[1:] if argv is None else argv
    try:
        start_language(arguments)
    except UnknownLanguage as problem:
        err(str(problem))
        return EXIT_USAGE
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    if run is library.run_app:
        return run(args)
    with _termination_as_exit():
        return _run_reporting(run, args)


class _Terminated(KeyboardInterrupt):
    """A termination request (SIGTERM), handled like Ctrl+C."""


@contextlib.contextmanager
def _termination_as_exit() -> Iterator[None]:
    """Make a termination request (SIGTERM) end the command like Ctrl+C does: by an
    exception, so half-written files are removed on the way out."""

    def terminate(_signum: int, _frame: object) -> None:
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except (ValueError, OSError):  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_reporting(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run the command; report its problems as one message and return the exit code."""
    try:
        return run(args)
    except (CliError, ExchangeError, StoreError) as problem:
        err(str(problem))
    except BrokenPipeError:
        # The reader of our output went away (e.g. ``| head``): stop quietly.
        _silence_stdout()
    except OSError as problem:
        err(tr("Error: {problem}").format(problem=problem))
    except KeyboardInterrupt as stop:
        err(tr("Stopped."))
        return 128 + signal.SIGTERM if isinstance(stop, _Terminated) else 130
    except Exception as problem:
        if os.environ.get(DEBUG_ENV_VAR):
            raise
        err(
            tr("Unexpected error ({kind}: {problem}). Set {var}=1 to see the details.").format(
                kind=type(problem).__name__, problem=problem, var=DEBUG_ENV_VAR
            )
        )
    return EXIT_FAILURE
