"""How complete a proposal is: computed here with the checks, recorded for the library list.

The store only keeps the percentage; the window and the command line both come here, so
a proposal imported from the command line shows its completeness in ``mcdesigner list``.
"""

from __future__ import annotations

from mcdesigner.checks import CheckSettings, Readiness, readiness
from mcdesigner.model.proposal import Proposal
from mcdesigner.storage import Store, StoreError


def completeness(proposal: Proposal, settings: CheckSettings) -> float:
    """The share of required fields filled in, 0 to 100, as the checks with ``settings`` see it."""
    return float(readiness(proposal, settings=settings).overall_percent)


def record_completeness(
    store: Store,
    proposal: Proposal,
    settings: CheckSettings,
    *,
    known: Readiness | None = None,
) -> float | None:
    """Store the proposal's completeness for the library and return it.

    ``known`` is a readiness already computed with the same settings (the window's live
    checks), which saves running the checks again. The percentage is a convenience for the
    list: when it cannot be stored, ``None`` is returned and nothing else is affected.
    """
    percent = (
        float(known.overall_percent) if known is not None else completeness(proposal, settings)
    )
    try:
        store.set_completeness(proposal.id, percent)
    except (StoreError, ValueError):
        return None
    return percent
