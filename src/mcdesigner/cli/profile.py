"""The ``profile`` command: show, install or remove the institution profile in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from mcdesigner.cli.common import CliError, Command, out
from mcdesigner.i18n import tr
from mcdesigner.operations.profiles import (
    ProfileError,
    current_profile,
    install,
    profile_summary,
    remove,
)


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        nargs="?",
        default="show",
        choices=("show", "install", "remove"),
        help=tr("show the profile in use (the default), install one, or stop using it"),
    )
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        help=tr("with install: the profile's folder or .mcprofile file"),
    )


def _show_lines() -> None:
    installed = current_profile()
    if installed is None:
        out(
            tr(
                "No institution profile is installed. Install the one your quality office"
                " gives you with “mcdesigner profile install FILE”."
            )
        )
        return
    lines = profile_summary(installed)
    width = max(len(line.label) for line in lines)
    for line in lines:
        out(f"{line.label + ':':<{width + 1}} {line.value}")


def run_profile(args: argparse.Namespace) -> int:
    try:
        if args.action == "install":
            if args.source is None:
                raise CliError(tr("Give the profile's folder or .mcprofile file to install."))
            installed = install(args.source)
            out(tr("The profile of {name} is installed and in use.").format(name=installed.name))
            _show_lines()
        elif args.action == "remove":
            if remove():
                out(tr("The institution profile is removed; the bundled defaults apply."))
            else:
                out(tr("No institution profile was installed."))
        else:
            _show_lines()
    except ProfileError as error:
        raise CliError(str(error)) from None
    return 0


COMMANDS: tuple[Command, ...] = (
    Command(
        "profile",
        "show, install or remove your institution's profile",
        add_profile_arguments,
        run_profile,
    ),
)
