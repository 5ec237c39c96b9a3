"""The check settings every use case runs with: the user's preferences and the form set.

Callers load preferences and forms once at their edge (the window at start-up, a command
when it starts) and pass them down; nothing below this reads them from a global.
"""

from __future__ import annotations

from mcdesigner.checks import CheckSettings
from mcdesigner.formdefs import FormSet
from mcdesigner.settings import Preferences


def check_settings(preferences: Preferences, forms: FormSet | None) -> CheckSettings:
    """The settings for the checks: hours per ECTS credit from ``preferences``, and ``forms``.

    ``forms`` are the form definitions whose required fields count towards completeness;
    ``None`` only when they could not be loaded (the checks then use the bundled forms).
    """
    return CheckSettings(
        hours_per_credit_min=preferences.hours_per_credit_min,
        hours_per_credit_max=preferences.hours_per_credit_max,
        forms=forms,
    )
