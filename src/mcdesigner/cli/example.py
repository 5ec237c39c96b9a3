"""The ``example`` command: store a copy of the bundled example proposal as a new draft.

It does what the window's "New from example" does, so a fresh installation can be tried
(and smoke-tested) from the command line: ``mcdesigner example`` prints the new draft's id,
which ``show``, ``check`` and ``export`` then take.
"""

from __future__ import annotations

import argparse

from mcdesigner.cli.common import CliError, Command, check_settings, open_store, out
from mcdesigner.examples import ExampleError, new_from_example
from mcdesigner.i18n import tr
from mcdesigner.operations.proposals import create_proposal


def add_example_arguments(parser: argparse.ArgumentParser) -> None:
    """The command takes no arguments besides the global ones."""


def run_example(args: argparse.Namespace) -> int:
    """Store a new draft copied from the bundled example; report its title and id."""
    try:
        proposal = new_from_example()
    except ExampleError as problem:
        raise CliError(str(problem)) from None
    settings = check_settings()
    with open_store(args) as store:
        create_proposal(store, proposal, settings)
    out(
        tr("Stored a copy of the example “{title}” as a new draft (id {id}).").format(
            title=proposal.display_title, id=proposal.id
        )
    )
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        "example",
        "store a copy of the bundled example proposal as a new draft",
        add_example_arguments,
        run_example,
    ),
)
