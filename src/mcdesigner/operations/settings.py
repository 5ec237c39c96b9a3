"""The check settings every use case runs with: the user's preferences and the form set.

Callers load preferences and forms once at their edge (the window at start-up, a command
when it starts) and pass them down; nothing below this reads them from a global. The
institution profile in use, when it sets the hours per ECTS credit, sets them for the
checks (:func:`institution_defaults`): they are the institution's rule, not a taste.
"""

from __future__ import annotations

from mcdesigner.checks import CheckSettings
from mcdesigner.formdefs import FormSet
from mcdesigner.profiles import InstalledProfile, ProfileError, installed_profile
from mcdesigner.settings import Preferences


def institution_defaults() -> InstalledProfile | None:
    """The profile whose defaults apply (None without one, or when it is damaged: the
    documents report a damaged profile, the checks and new proposals carry on without)."""
    try:
        return installed_profile()
    except ProfileError:
        return None


def check_settings(preferences: Preferences, forms: FormSet | None) -> CheckSettings:
    """The settings for the checks: hours per ECTS credit from ``preferences``, and ``forms``.

    ``forms`` are the form definitions whose required fields count towards completeness;
    ``None`` only when they could not be loaded (the checks then use the bundled forms).
    """
    low, high = preferences.hours_per_credit_min, preferences.hours_per_credit_max
    profile = institution_defaults()
    if profile is not None:
        defaults = profile.profile.defaults
        given = [h for h in (defaults.hours_per_credit_min, defaults.hours_per_credit_max) if h]
        if given:
            low, high = min(given), max(given)
    return CheckSettings(hours_per_credit_min=low, hours_per_credit_max=high, forms=forms)
