"""Changing a proposal's status: check the rule, save, snapshot on submit, record who and when."""

from __future__ import annotations

import datetime as dt

from mcdesigner.checks import CheckSettings, run
from mcdesigner.i18n import tr
from mcdesigner.review.workflow import check_transition
from mcdesigner.storage import StatusEvent, Store


def change_status(
    store: Store,
    proposal_id: str,
    target: str,
    *,
    actor: str,
    note: str = "",
    settings: CheckSettings | None = None,
) -> StatusEvent:
    """Move the proposal to ``target`` or raise ``TransitionRefused`` saying why not.

    Submitting runs the checks first (errors block it) and keeps a revision of exactly
    what was submitted, so reviewers' comments can always be traced to it.
    """
    proposal = store.get(proposal_id)
    expected = store.get_hash(proposal_id)
    issues = run(proposal, settings) if target == "submitted" else []
    new_status = check_transition(proposal.status, target, issues)
    previous = proposal.status
    proposal.status = new_status
    store.save(proposal, expected_hash=expected)
    if new_status == "submitted":
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        store.add_revision(
            proposal_id, tr("Submitted {moment}").format(moment=stamp), kind="submit"
        )
    return store.add_status_event(proposal_id, previous, new_status, actor or tr("Unknown"), note)
