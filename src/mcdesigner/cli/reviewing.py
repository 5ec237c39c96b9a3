"""Reviewing commands: status changes and history, review files, revisions and compare."""

from __future__ import annotations

import argparse
from pathlib import Path

from mcdesigner.cli.common import (
    CliError,
    Command,
    add_force_argument,
    check_settings,
    open_store,
    out,
    refuse_link,
    resolve_id,
    status_label,
)
from mcdesigner.cli.terminal import one_line
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import default_forms
from mcdesigner.i18n import tr, tr_n
from mcdesigner.model.fieldpath import schema_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.status import STATUS_LABELS
from mcdesigner.operations.reviews import export_review, import_review
from mcdesigner.operations.workflow import change_status
from mcdesigner.review.compare import compare, labelled_in
from mcdesigner.review.workflow import TransitionRefused, allowed_transitions
from mcdesigner.settings import load_preferences
from mcdesigner.storage import Store


def _actor(given: str | None) -> str:
    if given:
        return given
    prefs, _problem = load_preferences()
    return prefs.user_name


# ---------------------------------------------------------------------------
# status
# ---------------------------------------------------------------------------
def add_status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help=tr("the proposal's id, or the start of it"))
    parser.add_argument(
        "target",
        nargs="?",
        choices=tuple(STATUS_LABELS),
        help=tr("move the proposal to this status; without it, show the status and history"),
    )
    parser.add_argument("--by", help=tr("who makes the change (default: your name)"))
    parser.add_argument("--note", default="", help=tr("a note kept with the change"))


def run_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        if args.target:
            try:
                event = change_status(
                    store,
                    proposal_id,
                    args.target,
                    actor=_actor(args.by),
                    note=args.note,
                    settings=check_settings(),
                )
            except TransitionRefused as refused:
                raise CliError(str(refused)) from None
            out(
                tr("Moved from {old} to {new}.").format(
                    old=status_label(event.from_status), new=status_label(event.to_status)
                )
            )
            return 0
        proposal = store.get(proposal_id)
        events = store.list_status_events(proposal_id)
    out(tr("Status: {status}").format(status=status_label(proposal.status)))
    options = ", ".join(status_label(s) for s in allowed_transitions(proposal.status))
    out(tr("Can move to: {options}").format(options=options or tr("nothing (final)")))
    for event in events:
        line = tr("{when}  {old} → {new}  by {who}").format(
            when=formatter().short_datetime(event.at),
            old=status_label(event.from_status),
            new=status_label(event.to_status),
            who=one_line(event.actor) or tr("unknown"),
        )
        out(line + (f"  ({one_line(event.note)})" if event.note else ""))
    return 0


# ---------------------------------------------------------------------------
# review files
# ---------------------------------------------------------------------------
def add_review_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help=tr("the proposal's id, or the start of it"))
    parser.add_argument("out", type=Path, help=tr("the .mcreview file to write"))
    parser.add_argument("--reviewer", help=tr("your name as reviewer (default: Preferences)"))
    add_force_argument(parser)


def run_review_export(args: argparse.Namespace) -> int:
    refuse_link(args.out, args.force)
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        export_review(
            store,
            proposal_id,
            args.out,
            reviewer=_actor(args.reviewer),
            through_link=args.force,
        )
    out(tr("Wrote your review to {out}.").format(out=one_line(args.out)))
    return 0


def add_review_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help=tr("the .mcreview file to merge in"))


def run_review_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = import_review(store, args.file)
    out(
        tr(
            "Merged the review by {reviewer} into “{title}”: {added} new, {updated} updated, "
            "{unchanged} already there."
        ).format(
            reviewer=one_line(report.reviewer) or tr("an unnamed reviewer"),
            title=one_line(report.title),
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
        )
    )
    if report.older_revision:
        out(tr("The review was made on an earlier version of the proposal."))
    if report.orphaned:
        out(
            tr_n(
                "{count} comment thread refers to parts that no longer exist; it is kept.",
                "{count} comment threads refer to parts that no longer exist; they are kept.",
                report.orphaned,
            ).format(count=report.orphaned)
        )
    return 0


# ---------------------------------------------------------------------------
# revisions and compare
# ---------------------------------------------------------------------------
def add_revisions_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help=tr("the proposal's id, or the start of it"))
    parser.add_argument("--save", metavar="LABEL", help=tr("keep the current version under LABEL"))


def run_revisions(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        if args.save:
            info = store.add_revision(proposal_id, args.save, kind="manual")
            out(
                tr("Kept revision {id}: {label}").format(
                    id=one_line(info.id[:8]), label=one_line(info.label)
                )
            )
            return 0
        revisions = store.list_revisions(proposal_id)
    if not revisions:
        out(tr("No revisions yet. Keep one with --save LABEL."))
    for info in revisions:
        created = formatter().short_datetime(info.created_at)
        out(f"{one_line(info.id[:8])}  {created}  {info.kind:<7} {one_line(info.label)}")
    return 0


def add_compare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help=tr("the proposal's id, or the start of it"))
    parser.add_argument("old", help=tr("revision id (or its start)"))
    parser.add_argument(
        "new", nargs="?", default="current", help=tr("revision id, or 'current' (default)")
    )


def _revision(store: Store, proposal_id: str, given: str) -> Proposal:
    if given == "current":
        return store.get(proposal_id)
    matches = [r for r in store.list_revisions(proposal_id) if r.id.startswith(given)]
    if len(matches) != 1:
        raise CliError(
            tr("“{given}” does not name exactly one revision; run “mcdesigner revisions”.").format(
                given=given
            )
        )
    return store.get_revision(matches[0].id)


def run_compare(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        old = _revision(store, proposal_id, args.old)
        new = _revision(store, proposal_id, args.new)
    forms = default_forms()
    changes = compare(old, new, forms)
    if not changes:
        out(tr("No differences."))
    symbols = {"changed": "~", "added": "+", "removed": "-", "reordered": "↕"}
    for change in changes:
        element = forms.element(schema_path(change.path))
        label = getattr(element, "label", None) or getattr(element, "title", None) or change.path
        label = labelled_in(tr(label), change.language)
        out(f"{symbols[change.kind]} {label}  [{change.path}]")
    return 0


COMMANDS: tuple[Command, ...] = (
    Command("status", "show or change a proposal's status", add_status_arguments, run_status),
    Command(
        "review-export",
        "write your comments and rubric scores to a .mcreview file",
        add_review_export_arguments,
        run_review_export,
    ),
    Command(
        "review-import",
        "merge a reviewer's .mcreview file into your library",
        add_review_import_arguments,
        run_review_import,
    ),
    Command(
        "revisions", "list or keep revisions of a proposal", add_revisions_arguments, run_revisions
    ),
    Command(
        "compare", "list what changed between two revisions", add_compare_arguments, run_compare
    ),
)
