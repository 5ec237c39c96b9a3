"""Record how complete a proposal is, for the percentage shown in the library."""

from __future__ import annotations

import contextlib

from mcdesigner.model.proposal import Proposal
from mcdesigner.storage import Store, StoreError


def record_completeness(store: Store, proposal: Proposal) -> None:
    """Compute the proposal's completeness with the checks and store it (best effort)."""
    from mcdesigner.checks import readiness  # loaded on first use, not at start-up

    # The percentage is a convenience for the library; a failure here loses nothing.
    with contextlib.suppress(StoreError, ValueError):
        store.set_completeness(proposal.id, readiness(proposal).overall_percent)
