"""Tags saying where a field's value ends up (credential, budget, self-assessment...)."""

from __future__ import annotations

from mcdesigner.i18n import tr

#: Every tag a form may put in ``feeds``, with its English explanation.
FEED_LABELS: dict[str, str] = {
    "credential": "goes onto the digital credential",
    "catalogue": "is published in the course catalogue",
    "self-assessment": "is used in the self-assessment report",
    "budget": "is used in the financial statement",
    "quality": "is used in the internal quality assurance plan",
    "workload": "is used to check the workload against the credits",
}


def feed_label(tag: str) -> str:
    """Human text for a ``feeds`` tag (the tag itself when it is unknown)."""
    text = FEED_LABELS.get(tag)
    return tr(text, "forms") if text is not None else tag
