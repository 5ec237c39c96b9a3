"""Changing a proposal's status: check the rule, save, snapshot on submit, record who and when."""

from __future__ import annotations

import datetime as dt

from mcdesigner.checks import CheckSettings, run
from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.operations.completeness import record_completeness
from mcdesigner.review.workflow import check_transition
from mcdesigner.storage import StatusEvent, Store


def change_status(
    store: Store,
    proposal_id: str,
    target: str,
    *,
    actor: str,
    settings: CheckSettings,
    note: str = "",
) -> StatusEvent:
    """Move the proposal to ``target`` or raise ``TransitionRefused`` saying why not.

    Submitting runs the checks with ``settings`` (the user's hours per ECTS credit and the
    form set) first: errors block it. It keeps a revision of exactly what was submitted, so
    reviewers' comments can always be traced to it. The new status, the revision and the
    history entry are stored in one transaction: if any of them fails, none is kept.
    """
    proposal, expected = store.get_with_hash(proposal_id)
    issues = run(proposal, settings) if target == "submitted" else []
    new_status = check_transition(proposal.status, target, issues)
    previous = proposal.status
    proposal.status = new_status
    with store.transaction(tr("change the status")):
        store.save(proposal, expected_hash=expected)
        if new_status == "submitted":
            stamp = formatter().short_datetime(dt.datetime.now(dt.UTC))
            store.add_revision(
                proposal_id, tr("Submitted {moment}").format(moment=stamp), kind="submit"
            )
        event = store.add_status_event(
            proposal_id, previous, new_status, actor or tr("Unknown"), note
        )
    record_completeness(store, proposal, settings)
    return event
