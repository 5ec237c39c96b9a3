"""The status workflow of a proposal and the rules for moving between statuses.

draft → submitted → in review → changes requested → (resubmitted) → approved / rejected.
Submitting is refused while the checks report errors. The caller records each
transition (who, when) in the store and snapshots a revision on submit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from mcdesigner.i18n import tr, tr_n
from mcdesigner.model.proposal import ProposalStatus
from mcdesigner.model.status import STATUS_LABELS, status_label

__all__ = [
    "EDITABLE_STATUSES",
    "STATUS_LABELS",
    "TransitionRefused",
    "allowed_transitions",
    "check_transition",
    "status_label",
]

#: Statuses in which the author may edit the proposal.
EDITABLE_STATUSES: frozenset[str] = frozenset({"draft", "changes_requested"})

_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "draft": ("submitted",),
    "submitted": ("in_review", "draft"),
    "in_review": ("changes_requested", "approved", "rejected"),
    "changes_requested": ("submitted",),
    "approved": (),
    "rejected": ("draft",),
}


class _IssueLike(Protocol):
    @property
    def severity(self) -> str: ...


class TransitionRefused(Exception):
    """A status change that is not allowed now; the message says why and what to do."""


def allowed_transitions(status: str) -> tuple[str, ...]:
    """The statuses a proposal in ``status`` may move to."""
    return _TRANSITIONS.get(status, ())


def check_transition(
    current: ProposalStatus, target: str, issues: Sequence[_IssueLike] = ()
) -> ProposalStatus:
    """Return ``target`` when the move is allowed, else raise :class:`TransitionRefused`.

    ``issues`` are the check results for the proposal; any error blocks submission.
    """
    if target not in allowed_transitions(current):
        raise TransitionRefused(
            tr("A proposal that is {current} cannot be moved to {target}.").format(
                current=status_label(current).lower(), target=status_label(target).lower()
            )
        )
    if target == "submitted":
        errors = sum(1 for issue in issues if issue.severity == "error")
        if errors:
            raise TransitionRefused(
                tr_n(
                    "The proposal cannot be submitted while the checks report {count} error. "
                    "Fix it first: the issues list shows it and takes you to the field.",
                    "The proposal cannot be submitted while the checks report {count} errors. "
                    "Fix them first: the issues list shows each one and takes you to the field.",
                    errors,
                ).format(count=errors)
            )
    return target  # type: ignore[return-value]
