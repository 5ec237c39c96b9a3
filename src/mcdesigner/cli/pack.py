"""The ``export-pack`` command: several proposals' dossiers as one committee meeting pack.

``mcdesigner export-pack ID [ID ...] --to pdf|docx -o OUT [--title TEXT] [--date DATE]
[--lang LANG]`` writes the proposals in the order given, each either a stored proposal's
id (or the start of it) or a ``.mcproposal`` file. When one of them cannot be read or
written the message names it and no file is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from mcdesigner.cli.common import CliError, Command, check_settings, out
from mcdesigner.cli.documents import document_language, load_target
from mcdesigner.i18n import tr


def add_pack_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "targets",
        metavar="ID|FILE",
        nargs="+",
        help=tr("the proposals, in agenda order: ids or .mcproposal files"),
    )
    parser.add_argument(
        "--to", choices=("docx", "pdf"), required=True, help=tr("the format: docx or pdf")
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help=tr("the file to write"))
    parser.add_argument(
        "--title",
        default="",
        help=tr("the committee and meeting, as the cover names them"),
    )
    parser.add_argument(
        "--date",
        dest="meeting_date",
        metavar="DATE",
        default=None,
        help=tr("the date of the meeting, as YYYY-MM-DD"),
    )
    parser.add_argument(
        "--lang",
        dest="document_language",
        metavar="LANG",
        default=None,
        help=tr("the language of the pack (default: the language of the messages)"),
    )


def meeting_date(given: str | None) -> dt.date | None:
    """The date ``--date`` gives (checked), or None."""
    if given is None:
        return None
    try:
        return dt.date.fromisoformat(given.strip())
    except ValueError:
        raise CliError(
            tr("“{date}” is not a date: write it as YYYY-MM-DD, for example 2026-05-12.").format(
                date=given
            )
        ) from None


def run_pack(args: argparse.Namespace) -> int:
    from mcdesigner.export import ExportError
    from mcdesigner.export.pack import PackProposal
    from mcdesigner.operations.pack import export_pack

    date = meeting_date(args.meeting_date)
    language = document_language(args.document_language)
    parts: dict[str, PackProposal] = {}
    for given in args.targets:
        loaded = load_target(args, given)
        parts.setdefault(
            loaded.proposal.id,
            PackProposal(loaded.proposal, loaded.annotations, loaded.reviews),
        )
    target: Path = args.output
    try:
        export_pack(
            list(parts.values()),
            title=args.title,
            meeting_date=date,
            fmt=args.to,
            out=target,
            settings=check_settings(),
            language=language,
        )
    except ExportError as problem:
        raise CliError(str(problem)) from None
    out(tr("Wrote {out}.").format(out=target))
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        "export-pack",
        "write several proposals' dossiers as one committee meeting pack (docx, pdf)",
        add_pack_arguments,
        run_pack,
    ),
)
