"""Document commands: check a proposal, and export it to Word, PDF or a digital credential.

Both accept either a stored proposal's id (or the start of it) or a ``.mcproposal`` file,
so a committee member can check or print a file received by e-mail without importing it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from mcdesigner.checks import (
    check,
    exit_status,
    format_json,
    format_rules,
    format_text,
)
from mcdesigner.cli.common import (
    CliError,
    Command,
    add_force_argument,
    check_settings,
    err,
    open_store,
    out,
    refuse_link,
    resolve_id,
)
from mcdesigner.cli.terminal import one_line
from mcdesigner.exchange import PROPOSAL_SUFFIX, read_proposal_file
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review

DOCUMENTS = ("proposal", "self-assessment", "dossier")
TARGETS = ("docx", "pdf", "elm", "ob3")


@dataclass(frozen=True)
class Loaded:
    """A proposal with what lives beside it, from the store or from a file."""

    proposal: Proposal
    annotations: tuple[Annotation, ...]
    reviews: tuple[Review, ...]


def load_target(args: argparse.Namespace, given: str) -> Loaded:
    """The proposal named by ``given``: a proposal file path, or a stored proposal's id."""
    path = Path(given)
    if path.is_file() or given.endswith(PROPOSAL_SUFFIX):
        # A name ending in .mcproposal is a file even when it is missing or a folder:
        # say so, rather than that no proposal has such an id.
        bundle = read_proposal_file(path)
        return Loaded(bundle.proposal, bundle.annotations, bundle.reviews)
    with open_store(args) as store:
        proposal_id = resolve_id(store, given)
        return Loaded(
            store.get(proposal_id),
            tuple(store.list_annotations(proposal_id)),
            tuple(store.list_reviews(proposal_id)),
        )


# ---------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------
def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="ID|FILE", help=tr("a proposal id or a .mcproposal file"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=tr("how to print the result")
    )


def run_check(args: argparse.Namespace) -> int:
    loaded = load_target(args, args.target)
    settings = check_settings()
    result = check(loaded.proposal, settings)
    if args.format == "json":
        out(format_json(result.issues, result.readiness))
    else:
        out(format_text(result.issues, result.readiness, loaded.proposal, settings.forms))
    return exit_status(result.issues)


def add_rules_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run_rules(args: argparse.Namespace) -> int:
    del args
    out(format_rules())
    return 0


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------
def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="ID|FILE", help=tr("a proposal id or a .mcproposal file"))
    parser.add_argument(
        "--document",
        choices=DOCUMENTS,
        default="proposal",
        help=tr("which document to write (Word and PDF only)"),
    )
    parser.add_argument(
        "--to",
        choices=TARGETS,
        required=True,
        help=tr("docx or pdf for documents; elm or ob3 for digital credential data"),
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help=tr("the file to write"))
    add_force_argument(parser)
    parser.add_argument(
        "--lang",
        dest="document_language",
        metavar="LANG",
        default=None,
        help=tr(
            "the language of the document's labels (default: the content language when"
            " the application speaks it, else the language of the messages)"
        ),
    )
    parser.add_argument(
        "--content-lang",
        dest="content_language",
        metavar="LANG",
        default=None,
        help=tr(
            "the language of the proposal's texts, one it is written in (default: its main"
            " language); a text not translated yet is shown in the main language, marked"
            " (Word and PDF only)"
        ),
    )


def document_language(requested: str | None) -> str | None:
    """The language ``--lang`` asks the document to be written in (checked), or None."""
    if requested is None:
        return None
    from mcdesigner.translations import UnknownLanguage, resolve_language

    try:
        return resolve_language(requested)
    except UnknownLanguage as problem:
        raise CliError(str(problem)) from None


def run_export(args: argparse.Namespace) -> int:
    target: Path = args.output
    refuse_link(target, args.force)
    loaded = load_target(args, args.target)
    if args.to in ("elm", "ob3"):
        from mcdesigner.credential import CredentialError, export_credential

        if args.content_language is not None:
            credential_languages = ", ".join(loaded.proposal.languages.credential)
            err(
                tr(
                    "Note: --content-lang applies to Word and PDF documents only; the"
                    " credential data holds its texts in every language it is issued in"
                    " ({languages})."
                ).format(languages=credential_languages)
            )
        try:
            export_credential(loaded.proposal, args.to, target, through_link=args.force)
        except CredentialError as problem:
            raise CliError(str(problem)) from None
        out(tr("Wrote the digital credential data to {out}.").format(out=one_line(target)))
        return 0
    from mcdesigner.export import ExportError
    from mcdesigner.operations.documents import export_document

    try:
        export_document(
            loaded.proposal,
            document=args.document,
            fmt=args.to,
            out=target,
            settings=check_settings(),
            annotations=loaded.annotations,
            reviews=loaded.reviews,
            language=document_language(args.document_language),
            content_language=args.content_language,
            through_link=args.force,
        )
    except ExportError as problem:
        raise CliError(str(problem)) from None
    out(tr("Wrote {out}.").format(out=one_line(target)))
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        "check",
        "check a proposal for missing and inconsistent data (exit status 1 when not ready)",
        add_check_arguments,
        run_check,
    ),
    Command(
        "rules",
        "list every check rule and the standard it comes from",
        add_rules_arguments,
        run_rules,
    ),
    Command(
        "export",
        "write a proposal, self-assessment report or dossier (docx, pdf) or credential data",
        add_export_arguments,
        run_export,
    ),
)
