"""The bundled example proposal: a real staff micro-credential entered in full.

The example is the INGENIUM European University training "Towards INGENIUM
Micro-credentials Framework", stored as a proposal document in
``resources/examples/ingenium.json``. Fields its source does not state (fee, staff,
budget, quality assurance data, self-assessment ...) are deliberately left empty, so the
completeness checks have something real to point at.

:func:`load_example` returns the stored document as it is (fixed ids, for tests and
demonstrations); :func:`new_from_example` returns the same content under a fresh
proposal id, ready to be saved as the user's own draft.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from mcdesigner.i18n import tr
from mcdesigner.model.base import new_proposal_id
from mcdesigner.model.proposal import Proposal
from mcdesigner.paths import resources_dir

__all__ = ["EXAMPLE_PATH", "ExampleError", "load_example", "new_from_example"]

#: Where the bundled example proposal is stored.
EXAMPLE_PATH: Path = resources_dir() / "examples" / "ingenium.json"


class ExampleError(Exception):
    """The bundled example is missing or damaged (the installation is broken)."""


def load_example(path: Path | None = None) -> Proposal:
    """The bundled example proposal exactly as stored, with its fixed ids.

    ``path`` defaults to :data:`EXAMPLE_PATH`. Every call returns a new, independent object.
    Raises :class:`ExampleError` with a readable message when the file cannot be
    read or is not a valid proposal.
    """
    source = EXAMPLE_PATH if path is None else path
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExampleError(
            tr("The example proposal could not be read from {path}: {reason}").format(
                path=source, reason=exc
            )
        ) from exc
    try:
        return Proposal.model_validate_json(text)
    except ValidationError as exc:
        raise ExampleError(
            tr("The example proposal in {path} is not a valid proposal: {reason}").format(
                path=source, reason=exc
            )
        ) from exc


def new_from_example(path: Path | None = None) -> Proposal:
    """A new draft with the example's content and a fresh proposal id."""
    proposal = load_example(path)
    proposal.id = new_proposal_id()
    return proposal
