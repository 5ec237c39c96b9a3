"""ESCO commands: search the bundled skills, suggest skills for outcomes, link exact labels.

``mcdesigner esco search TEXT [--lang es]`` lists the best-matching skills, ``mcdesigner
esco suggest ID`` the five skills each learning outcome's wording suggests, and
``mcdesigner esco link ID`` fills the addresses of the skills whose labels are exactly ESCO
labels, as one revision, and says what it changed.
"""

from __future__ import annotations

import argparse

import mcdesigner.esco as esco
from mcdesigner.cli.common import (
    CliError,
    Command,
    check_settings,
    cut,
    json_dump,
    open_store,
    out,
    resolve_id,
)
from mcdesigner.i18n import current_language, tr, tr_n
from mcdesigner.operations.esco import link_exact_labels

_DESCRIPTION_WIDTH = 90


def _label_language(given: str | None) -> str:
    """The language to show labels in: ``--lang``, else the messages' language if ESCO's
    data has it, else English."""
    if given is None:
        language = current_language()
        return language if language in esco.LANGUAGES else "en"
    if given not in esco.LANGUAGES:
        raise CliError(
            tr("The ESCO data has labels in {languages}, not in “{given}”.").format(
                languages=", ".join(esco.LANGUAGES), given=given
            )
        )
    return given


# ---------------------------------------------------------------------------
# esco search / suggest / link
# ---------------------------------------------------------------------------
def add_esco_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="esco_action", metavar="ACTION", required=True)
    search = actions.add_parser(
        "search",
        help=tr("find ESCO skills by words of their labels"),
        description=tr("find ESCO skills by words of their labels"),
    )
    search.add_argument("text", nargs="+", help=tr("words of the skill, in any order"))
    search.add_argument(
        "--lang", metavar="LANG", help=tr("the language of the labels shown: en, es or fr")
    )
    search.add_argument("--limit", type=int, default=10, help=tr("how many skills to list"))
    search.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    suggest = actions.add_parser(
        "suggest",
        help=tr("the ESCO skills matching each learning outcome of a proposal"),
        description=tr("the ESCO skills matching each learning outcome of a proposal"),
    )
    suggest.add_argument("id", help=tr("the proposal's id, or the start of it"))
    suggest.add_argument("-k", type=int, default=5, help=tr("how many skills per outcome"))
    link = actions.add_parser(
        "link",
        help=tr("fill the ESCO addresses of skills whose labels are exactly ESCO labels"),
        description=tr("fill the ESCO addresses of skills whose labels are exactly ESCO labels"),
    )
    link.add_argument("id", help=tr("the proposal's id, or the start of it"))


def run_esco_search(args: argparse.Namespace) -> int:
    language = _label_language(args.lang)
    hits = esco.search(" ".join(args.text), language, max(args.limit, 0))
    if args.json:
        out(
            json_dump(
                [
                    {
                        "address": h.skill.address,
                        "label": h.label,
                        "matched": h.matched,
                        "skill_type": h.skill.skill_type,
                        "reuse_level": h.skill.reuse_level,
                        "description": h.skill.description,
                    }
                    for h in hits
                ]
            )
        )
        return 0
    if not hits:
        out(tr("No ESCO skill matches “{text}”.").format(text=" ".join(args.text)))
        return 0
    for hit in hits:
        out(f"{hit.skill.address}  {hit.label}  ({hit.skill.kind_text})")
        if hit.matched != hit.label:
            out("    " + tr("found as “{label}”").format(label=hit.matched))
        if hit.skill.description:
            out("    " + hit.skill.description_start(_DESCRIPTION_WIDTH))
    return 0


def run_esco_suggest(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        proposal = store.get(resolve_id(store, args.id))
    language = proposal.languages.main
    outcomes = proposal.certified.learning_outcomes
    if not outcomes:
        out(tr("The proposal has no learning outcomes yet."))
        return 0
    for number, outcome in enumerate(outcomes, start=1):
        out(
            tr("Learning outcome {number}: {text}").format(
                number=number, text=cut(outcome.text, _DESCRIPTION_WIDTH) or "–"
            )
        )
        linked = {s.uri for s in outcome.esco_skills if s.uri}
        suggestions = esco.suggest(outcome.text, language, max(args.k, 0))
        if not suggestions:
            out("    " + tr("No ESCO skill matches its words."))
        for rank, found in enumerate(suggestions, start=1):
            mark = "✓" if found.skill.address in linked else " "
            out(f"  {mark} {rank}. {found.label}  {found.skill.address}")
            out("       " + tr("matches: {words}").format(words=", ".join(found.matched[:6])))
    return 0


def run_esco_link(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        proposal_id = resolve_id(store, args.id)
        report = link_exact_labels(store, proposal_id, check_settings())
        proposal = store.get(proposal_id)
    if report.revision is None:
        out(tr("Nothing to link: no skill without an address has exactly an ESCO label."))
    else:
        out(
            tr_n(
                "Linked {n} skill to ESCO (revision {revision}):",
                "Linked {n} skills to ESCO (revision {revision}):",
                len(report.linked),
            ).format(n=len(report.linked), revision=report.revision.id[:8])
        )
        for link in report.linked:
            out(
                "  "
                + tr("Learning outcome {outcome}, skill {number}: {label}").format(
                    outcome=link.outcome, number=link.number, label=link.label
                )
            )
            out(f"    → {link.skill.address}  ({link.skill.kind_text})")
    left = [
        (number, item.label)
        for number, outcome in enumerate(proposal.certified.learning_outcomes, start=1)
        for item in outcome.esco_skills
        if item.label and not item.uri
    ]
    if left:
        out(
            tr_n(
                "{n} skill still has no address; its label is not exactly an ESCO label"
                " (run “mcdesigner esco search” to find it):",
                "{n} skills still have no address; their labels are not exactly ESCO labels"
                " (run “mcdesigner esco search” to find them):",
                len(left),
            ).format(n=len(left))
        )
        for number, label in left:
            out("  " + tr("Learning outcome {number}: {label}").format(number=number, label=label))
    return 0


def run_esco(args: argparse.Namespace) -> int:
    """Run the ``esco`` action asked for."""
    actions = {"search": run_esco_search, "suggest": run_esco_suggest, "link": run_esco_link}
    return actions[args.esco_action](args)


COMMANDS: tuple[Command, ...] = (
    Command(
        "esco",
        "search ESCO skills, suggest them for outcomes, link exact labels",
        add_esco_arguments,
        run_esco,
    ),
)
