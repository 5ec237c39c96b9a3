"""Checks that follow the user's typing: a short pause after the last edit, then one run.

:class:`LiveChecker` collects edits with :meth:`LiveChecker.schedule`; once no edit has
arrived for the delay (150 ms by default) it runs the checks on the UI thread (a run
takes well under one frame) and emits :attr:`LiveChecker.checked` with the issues and
the readiness verdict. :meth:`LiveChecker.run_now` checks at once, for example after
loading a proposal or before exporting.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from mcdesigner import checks
from mcdesigner.checks import CheckSettings
from mcdesigner.formdefs import FormSet
from mcdesigner.model.proposal import Proposal
from mcdesigner.operations.settings import check_settings
from mcdesigner.settings import Preferences

DEFAULT_DELAY_MS = 150


def settings_from_preferences(
    preferences: Preferences, forms: FormSet | None = None
) -> CheckSettings:
    """The check settings a user chose in Preferences (hours per ECTS credit), with ``forms``."""
    return check_settings(preferences, forms)


class LiveChecker(QObject):
    """Debounced re-checking of a proposal.

    ``checked(issues, readiness)`` carries a ``list`` of
    :class:`~mcdesigner.checks.Issue` and a :class:`~mcdesigner.checks.Readiness`.
    """

    #: Emitted after each run: (list[Issue], Readiness).
    checked = Signal(list, object)

    def __init__(
        self,
        settings: CheckSettings | None = None,
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings or CheckSettings()
        self._proposal: Proposal | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(0, delay_ms))
        self._timer.timeout.connect(self._run_pending)
        self.last_issues: list[checks.Issue] = []
        self.last_readiness: checks.Readiness | None = None

    # -- configuration ----------------------------------------------------------
    @property
    def delay_ms(self) -> int:
        """The pause after the last edit before the checks run."""
        return self._timer.interval()

    @property
    def settings(self) -> CheckSettings:
        """The settings every run uses."""
        return self._settings

    def set_settings(self, settings: CheckSettings) -> None:
        """Use ``settings`` from now on; re-checks the last proposal if there is one."""
        self._settings = settings
        if self._proposal is not None:
            self.run_now(self._proposal)

    def set_preferences(self, preferences: Preferences) -> None:
        """Take the hours per credit from the user's preferences (see :meth:`set_settings`).

        The form set stays the one the settings already name.
        """
        self.set_settings(settings_from_preferences(preferences, self._settings.forms))

    # -- running ----------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Whether a run is waiting for the pause to end."""
        return self._timer.isActive()

    def schedule(self, proposal: Proposal) -> None:
        """Check ``proposal`` once the user pauses; every call restarts the pause."""
        self._proposal = proposal
        self._timer.start()

    def cancel(self) -> None:
        """Drop a pending run (for example when the proposal is closed)."""
        self._timer.stop()

    def run_now(self, proposal: Proposal | None = None) -> list[checks.Issue]:
        """Check ``proposal`` (or the last scheduled one) now; returns the issues too."""
        self._timer.stop()
        if proposal is not None:
            self._proposal = proposal
        if self._proposal is None:
            return []
        result = checks.check(self._proposal, self._settings)
        issues, readiness = result.issues, result.readiness
        self.last_issues = issues
        self.last_readiness = readiness
        self.checked.emit(issues, readiness)
        return issues

    def _run_pending(self) -> None:
        if self._proposal is not None:
            self.run_now(self._proposal)
