"""What a digital credential needs that the proposal does not yet say.

The rules live in :mod:`mcdesigner.checks.credential_readiness`, so the completeness
checks (rule ``credential.missing``) and the credential export always report the same
gaps; this module gives them the credential's name.
"""

from __future__ import annotations

from mcdesigner.checks.credential_readiness import CredentialGap, awarding_country, credential_gaps
from mcdesigner.model.proposal import Proposal

__all__ = ["CredentialGap", "awarding_country", "missing_for_credential"]


def missing_for_credential(proposal: Proposal) -> list[CredentialGap]:
    """Every value the digital credential needs but ``proposal`` leaves empty, in form order.

    The gaps are reported, never filled: the export leaves the matching properties out.
    """
    return credential_gaps(proposal)
