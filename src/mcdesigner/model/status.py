"""The statuses a proposal moves through, and their names as users read them."""

from __future__ import annotations

from mcdesigner.i18n import tr

#: English names of the statuses, translated when shown.
STATUS_LABELS: dict[str, str] = {
    "draft": "Draft",
    "submitted": "Submitted",
    "in_review": "In review",
    "changes_requested": "Changes requested",
    "approved": "Approved",
    "rejected": "Rejected",
}


def status_label(status: str) -> str:
    """The translated name of ``status`` (the raw value when it is unknown)."""
    text = STATUS_LABELS.get(status)
    return tr(text) if text else status
