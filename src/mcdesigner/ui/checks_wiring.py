"""The checks in the window: one live checker, the Issues dock, badges and inline issues.

The checker runs as soon as a proposal opens and again shortly after every edit, undo or
redo. Each run updates the Issues dock, the navigator's badge of every section (with a
tooltip explaining it) and the issues shown beside the fields (those of the fields the
author has been to, or all of them after *Check now*). The dock's list follows the
section shown in the editor; clicking an issue (or Enter) opens its field. The completeness
percentage shown in the library is written along with the autosave, and only when it
changed, so typing never costs an extra write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QFrame, QMainWindow, QScrollArea

from mcdesigner.checks import CheckSettings, Issue, Readiness
from mcdesigner.checks.issues import Fix
from mcdesigner.model.proposal import Proposal
from mcdesigner.operations.completeness import record_completeness
from mcdesigner.settings import Preferences
from mcdesigner.ui.checks import (
    IssuesPanel,
    LiveChecker,
    badge_for,
    badge_tooltip,
    settings_from_preferences,
)
from mcdesigner.ui.checks.issue_delegate import KIND_ROLE, PATH_ROLE
from mcdesigner.ui.session import EditSession

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from mcdesigner.formdefs.definitions import FormSet
    from mcdesigner.operations import Store
    from mcdesigner.ui.editor_area import EditorArea


class ChecksHost(Protocol):
    """What the checks need from the window: the store, forms, preferences and editor."""

    store: Store
    forms: FormSet
    preferences: Preferences
    editor: EditorArea

    @property
    def session_opened(self) -> SignalInstance: ...

    def go_to_path(self, path: str) -> bool: ...

    def go_to_translation(self, language: str, path: str) -> bool: ...


class ChecksWiring(QObject):
    """Connects the live checker of the open proposal to the dock, navigator and editor."""

    def __init__(self, window: ChecksHost, frame: QMainWindow) -> None:
        super().__init__(frame)
        self.window = window
        self.checker = LiveChecker(
            settings_from_preferences(window.preferences, window.forms), parent=self
        )
        self.panel = IssuesPanel(forms=window.forms)
        self.dock = QDockWidget(self.tr("Issues"), frame)
        self.dock.setObjectName("issuesDock")
        # Scrolls sideways rather than forcing the window wider on a small screen.
        holder = QScrollArea(self.dock)
        holder.setObjectName("issuesHolder")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(self.panel)
        holder.setFocusProxy(self.panel)
        self.dock.setWidget(holder)
        frame.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._session: EditSession | None = None
        self._recorded: dict[str, float] = {}
        self.checker.checked.connect(self._on_checked)
        self._navigating = False
        self.panel.navigate_requested.connect(self._go_to_issue)
        self.panel.translation_requested.connect(self._go_to_translation)
        self.panel.fix_requested.connect(self.apply_fix)
        self.panel.view.clicked.connect(self._clicked)  # a single click is enough
        self.panel.check_requested.connect(self.check_now)
        self.panel.check_button.setEnabled(False)  # until a proposal is open
        window.session_opened.connect(self._on_session_opened)
        window.editor.section_changed.connect(self.follow_section)

    # ------------------------------------------------------------------ session
    def _on_session_opened(self, session: EditSession) -> None:
        if self._session is not None:
            self._disconnect(self._session)
        self._session = session
        session.changed.connect(self._on_edit)
        session.proposal_changed.connect(self._on_replaced)
        session.destroyed.connect(lambda _obj=None, s=session: self._forget(s))
        self.panel.check_button.setEnabled(True)
        self.checker.run_now(session.proposal)

    def _disconnect(self, session: EditSession) -> None:
        try:
            session.changed.disconnect(self._on_edit)
            session.proposal_changed.disconnect(self._on_replaced)
        except (RuntimeError, TypeError):
            pass  # already gone with the session

    def _forget(self, session: EditSession) -> None:
        if self._session is session:
            self._session = None

    def session_closed(self) -> None:
        """Nothing is open any more: stop checking and empty the dock."""
        if self._session is not None:
            self._disconnect(self._session)
        self._session = None
        self.checker.cancel()
        self.panel.check_button.setEnabled(False)
        self.panel.set_issues([], None, None)
        for section_id in self.window.editor.navigator.section_ids():
            self.window.editor.navigator.set_badge(section_id, "")

    def _on_edit(self, *_args: Any) -> None:
        if self._session is not None:
            self.checker.schedule(self._session.proposal)

    def _on_replaced(self, proposal: Proposal) -> None:
        self.checker.run_now(proposal)

    # ------------------------------------------------------------------ results
    def _on_checked(self, issues: list[Issue], readiness: Readiness) -> None:
        session = self._session
        proposal = session.proposal if session is not None else None
        self.panel.set_issues(issues, readiness, proposal)
        navigator = self.window.editor.navigator
        for section_id in navigator.section_ids():
            navigator.set_badge(
                section_id,
                badge_for(section_id, readiness, issues),
                badge_tooltip(section_id, readiness, issues),
            )
        self.window.editor.set_check_issues(issues)

    def record_completeness(self, proposal: Proposal) -> None:
        """After a save: store the completeness for the library if it changed."""
        readiness: Readiness | None = None
        if self._session is not None and self._session.proposal is proposal:
            if self.checker.pending or self.checker.last_readiness is None:
                self.checker.run_now(proposal)  # the edits just saved are not checked yet
            readiness = self.checker.last_readiness
            if readiness is None:
                return
            if self._recorded.get(proposal.id) == float(readiness.overall_percent):
                return
        percent = record_completeness(
            self.window.store, proposal, self.checker.settings, known=readiness
        )
        if percent is not None:  # a convenience for the library; nothing is lost otherwise
            self._recorded[proposal.id] = percent

    def _go_to_issue(self, path: str) -> None:
        """An issue was activated: open its field; the list stays where the user is."""
        self._navigating = True
        try:
            self.window.go_to_path(path)
        finally:
            self._navigating = False

    def _go_to_translation(self, language: str, path: str) -> None:
        """An issue about a translation was activated: open it in the Translations view."""
        self._navigating = True
        try:
            self.window.go_to_translation(language, path)
        finally:
            self._navigating = False

    def apply_fix(self, fix: Fix) -> bool:
        """Apply an issue's one-click fix to the open proposal, as one undo step."""
        if self._session is None:
            return False
        problem = self._session.apply(fix.edit, fix.description)
        if problem is not None:
            self.panel.fixes.show_problem(problem)
            return False
        return True

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "issue":
            self.panel.open_issue(index)

    def follow_section(self, section_id: str) -> bool:
        """Scroll the issues list to the section shown in the editor (False: no issues there)."""
        if self._navigating:
            return False
        view = self.panel.view
        model = view.model()
        for row in range(model.rowCount()):
            header = model.index(row, 0)
            if header.data(KIND_ROLE) == "section" and header.data(PATH_ROLE) == section_id:
                view.scrollTo(header, QAbstractItemView.ScrollHint.PositionAtTop)
                return True
        return False

    # ------------------------------------------------------------------ actions
    @property
    def settings(self) -> CheckSettings:
        """The window's check settings: the user's preferences and the form set."""
        return self.checker.settings

    def apply_preferences(self, preferences: Preferences) -> None:
        """Use the hours per credit the user chose (re-checks the open proposal)."""
        self.checker.set_preferences(preferences)

    def check_now(self, *, show_dock: bool = True) -> list[Issue]:
        """Check the open proposal now and show every result beside its field too (the
        author asked for them); with ``show_dock`` the Issues dock comes to the front."""
        if self._session is None:
            return []
        issues = self.checker.run_now(self._session.proposal)
        self.window.editor.reveal_issues(issues)
        if show_dock:
            self.show_dock()
        return issues

    def show_dock(self) -> None:
        """Show the Issues dock and put the keyboard focus into its list."""
        self.dock.show()
        self.dock.raise_()
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def issues(self) -> list[Issue]:
        """The issues of the last run."""
        return list(self.checker.last_issues)

    def readiness(self) -> Readiness | None:
        return self.checker.last_readiness
