"""Check results in the window: the issues panel, live re-checking and navigator badges.

- :class:`~mcdesigner.ui.checks.issues_panel.IssuesPanel` lists the issues by section;
- :class:`~mcdesigner.ui.checks.live_checker.LiveChecker` re-runs the checks while the user types;
- :mod:`~mcdesigner.ui.checks.grouping` (no Qt) orders issues and makes badges.
"""

from __future__ import annotations

from mcdesigner.ui.checks.grouping import (
    badge_for,
    badge_tooltip,
    group_issues,
    issues_by_path,
)
from mcdesigner.ui.checks.issues_panel import IssuesPanel
from mcdesigner.ui.checks.live_checker import LiveChecker, settings_from_preferences

__all__ = [
    "IssuesPanel",
    "LiveChecker",
    "badge_for",
    "badge_tooltip",
    "group_issues",
    "issues_by_path",
    "settings_from_preferences",
]
