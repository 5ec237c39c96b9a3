"""The issues panel: what the checks found, by section, and a way to jump to each field.

The panel is meant for a dock beside the editor. A summary line says how many errors,
warnings and pieces of advice there are, how complete the proposal is and whether it is
ready to submit. Below it, toggle buttons filter by severity, and a list shows the issues
grouped by section (in form order) with the counts of each section in its header. Each
issue shows its field (list items by number, e.g. "Learning outcome 3 › Outcome"), the
message and the rule's reference. *Check now* asks for every result to be shown beside
its field too. Activating an issue (double click or Enter) emits
:attr:`IssuesPanel.navigate_requested` with the exact field path. An issue that carries a
one-click fix (linking a skill to ESCO, for example) offers it as a button under the list
and in the issue's context menu; choosing it emits :attr:`IssuesPanel.fix_requested`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pydantic import BaseModel
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.checks import SEVERITIES, Issue, Readiness
from mcdesigner.formatting import formatter
from mcdesigner.formdefs import FormSet, default_forms
from mcdesigner.i18n import tr_n
from mcdesigner.ui.checks.fixes import IssueFixes
from mcdesigner.ui.checks.grouping import SectionIssues, count_by_severity, group_issues
from mcdesigner.ui.checks.icons import READY_COLOUR, SEVERITY_COLOURS, severity_icon
from mcdesigner.ui.checks.issue_delegate import (
    COUNTS_ROLE,
    FIX_ROLE,
    KIND_ROLE,
    LABEL_ROLE,
    LANGUAGE_ROLE,
    MESSAGE_ROLE,
    PATH_ROLE,
    REFERENCE_ROLE,
    SECTION_ROLE,
    SEVERITY_ROLE,
    IssueDelegate,
)


def _new_row(kind: str) -> QStandardItem:
    """An item with every custom role set.

    PySide6 6.12 on Python 3.11 loses a reference to ``None`` each time a role that holds
    no value is read from Python, which eventually crashes the interpreter; rows therefore
    never leave a role empty.
    """
    item = QStandardItem()
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    roles = (PATH_ROLE, SEVERITY_ROLE, LABEL_ROLE, REFERENCE_ROLE, MESSAGE_ROLE, SECTION_ROLE)
    for role in (*roles, LANGUAGE_ROLE):
        item.setData("", role)
    item.setData({}, COUNTS_ROLE)
    item.setData(-1, FIX_ROLE)
    return item


class _IssueTree(QTreeView):
    """A tree whose rows re-measure their wrapped text when the width changes, and which
    copies the current issue (with its reference) on Ctrl+C."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.matches(QKeySequence.StandardKey.Copy) and index.isValid():
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            reference = index.data(REFERENCE_ROLE) or ""
            if reference:
                text += "\n" + reference
            QGuiApplication.clipboard().setText(text)
            event.accept()
            return
        super().keyPressEvent(event)


class IssuesPanel(QWidget):
    """Check results grouped by section, filterable by severity, with navigation.

    Call :meth:`set_issues` after every check run; connect :attr:`navigate_requested`
    to open the section and focus the field.
    """

    #: The user activated an issue: the concrete field path to open (item ids included).
    navigate_requested = Signal(str)
    #: The user activated an issue about a text in a further language: (language, path).
    translation_requested = Signal(str, str)
    #: The user asked to check the proposal now and see every result beside its field.
    check_requested = Signal()
    #: The user chose the one-click fix of an issue: the :class:`~mcdesigner.checks.Fix`.
    fix_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, forms: FormSet | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IssuesPanel")
        self._forms = forms or default_forms()
        self._issues: list[Issue] = []
        self._readiness: Readiness | None = None
        self._proposal: BaseModel | None = None
        self._shown: set[str] = set(SEVERITIES)
        self._groups: list[SectionIssues] | None = None
        self._collapsed: set[str] = set()

        self._summary_icon = QLabel(self)
        self._summary_icon.setFixedSize(QSize(20, 20))
        self._summary = QLabel(self)
        self._summary.setWordWrap(True)
        self._summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._summary.setAccessibleName(self.tr("Check summary"))
        self._summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        filters = self._build_filters()
        self._build_view()

        self._empty = QLabel(self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setAccessibleName(self.tr("No issues"))
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self._empty)
        self.fixes = IssueFixes(self.view, self)
        self.fixes.fix_requested.connect(self.fix_requested)
        self.fix_button = self.fixes.button

        self.check_button = QToolButton(self)
        self.check_button.setObjectName("checkNowButton")
        self.check_button.setText(self.tr("Check now"))
        self.check_button.setToolTip(
            self.tr("Check the whole proposal and show every issue beside its field (F7)")
        )
        self.check_button.clicked.connect(self.check_requested)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._summary_icon, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self._summary, 1)
        # On its own line, at the left: it stays in view in a narrow dock.
        check_row = QHBoxLayout()
        check_row.setContentsMargins(0, 0, 0, 0)
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(check_row)
        layout.addLayout(filters)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.fixes)
        self.setFocusProxy(self.view)
        self._refresh()

    def _build_filters(self) -> QHBoxLayout:
        """One toggle button per severity, all shown at first."""
        self._filter_buttons: dict[str, QToolButton] = {}
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(4)
        show_label = QLabel(self.tr("Show:"), self)
        filters.addWidget(show_label)
        for severity in SEVERITIES:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.toggled.connect(self._filter_toggled)
            filters.addWidget(button)
            self._filter_buttons[severity] = button
        filters.addStretch(1)
        show_label.setBuddy(self._filter_buttons[SEVERITIES[0]])
        return filters

    def _build_view(self) -> None:
        """The tree of issues grouped by section."""
        self._model = QStandardItemModel(self)
        self.view = _IssueTree(self)
        self.view.setObjectName("IssuesList")
        self.view.setModel(self._model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setExpandsOnDoubleClick(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(IssueDelegate(self.view))
        self.view.setAccessibleName(self.tr("Issues"))
        self.view.setAccessibleDescription(
            self.tr("Press Enter or double-click an issue to go to its field.")
        )
        self.view.activated.connect(self._activated)
        self.view.collapsed.connect(self._remember_collapsed)
        self.view.expanded.connect(self._remember_expanded)

    # -- public API -------------------------------------------------------------
    def set_issues(
        self,
        issues: Sequence[Issue],
        readiness: Readiness | None,
        proposal: BaseModel | None = None,
    ) -> None:
        """Show ``issues`` (from :func:`mcdesigner.checks.run`) and the ``readiness`` verdict.

        ``proposal`` numbers list items ("Learning outcome 3"); when omitted, the proposal
        given last is used. Selection, scroll position
        and collapsed sections are kept across updates.
        """
        self._issues = list(issues)
        self._readiness = readiness
        if proposal is not None:
            self._proposal = proposal
        self._refresh()

    def issues(self) -> list[Issue]:
        """Every issue last given to :meth:`set_issues` (filtered or not)."""
        return list(self._issues)

    def visible_issues(self) -> list[Issue]:
        """The issues currently listed, in display order."""
        shown: list[Issue] = []
        for group in self._groups or []:
            shown.extend(entry.issue for entry in group.entries)
        return shown

    def severity_filter(self) -> frozenset[str]:
        """The severities currently shown."""
        return frozenset(self._shown)

    def set_severity_filter(self, severities: Iterable[str]) -> None:
        """Show only issues of ``severities`` (``"error"``, ``"warning"``, ``"advice"``)."""
        wanted = set(severities)
        for severity, button in self._filter_buttons.items():
            button.blockSignals(True)
            button.setChecked(severity in wanted)
            button.blockSignals(False)
        self._shown = wanted & set(SEVERITIES)
        self._refresh()

    def summary_text(self) -> str:
        """The summary line as shown."""
        return self._summary.text()

    def select_path(self, path: str) -> bool:
        """Select (and scroll to) the first listed issue about ``path``; False if none."""
        for row in range(self._model.rowCount()):
            section = self._model.item(row)
            for child_row in range(section.rowCount()):
                child = section.child(child_row)
                if child.data(PATH_ROLE) == path:
                    index = child.index()
                    self.view.expand(section.index())
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index)
                    return True
        return False

    # -- building ---------------------------------------------------------------
    def _refresh(self) -> None:
        counts = count_by_severity(self._issues)
        if self._readiness is not None:
            for kind, number in self._readiness.counts.items():
                counts[kind] = number
        self._update_summary(counts)
        for severity, button in self._filter_buttons.items():
            button.setText(f"{self._severity_name(severity, counts.get(severity, 0))}")
            button.setAccessibleName(self.tr("Show {kind}").format(kind=self._plural(severity)))
            button.setToolTip(self.tr("Show or hide {kind}").format(kind=self._plural(severity)))
        groups = group_issues(self._issues, self._forms, self._proposal, self._shown)
        if groups != self._groups:
            self._groups = groups
            self._rebuild(groups)
        if groups:
            self._stack.setCurrentWidget(self.view)
        else:
            self._empty.setText(self._empty_text())
            self._stack.setCurrentWidget(self._empty)

    def _empty_text(self) -> str:
        if self._readiness is None and not self._issues:
            return self.tr("The proposal has not been checked yet.")
        if not self._issues:
            return self.tr("No issues found.")
        return self.tr("No issues of the selected kinds. Use the buttons above to show others.")

    def _update_summary(self, counts: dict[str, int]) -> None:
        readiness = self._readiness
        if readiness is None and not self._issues:
            self._summary.setText(self.tr("Not checked yet."))
            self._summary_icon.clear()
            return
        parts = [self._counts_text(counts)]
        if readiness is not None:
            parts.append(
                self.tr("{percent} complete").format(
                    percent=formatter().percent(int(readiness.overall_percent))
                )
            )
        ready = readiness.ready if readiness is not None else counts.get("error", 0) == 0
        if ready:
            self._summary.setText(" – ".join([self.tr("Ready to submit"), *parts]))
            self._summary_icon.setPixmap(severity_icon("ready").pixmap(QSize(20, 20)))
            colour = READY_COLOUR
        else:
            self._summary.setText(" – ".join([*parts, self.tr("not ready to submit")]))
            self._summary_icon.setPixmap(severity_icon("error").pixmap(QSize(20, 20)))
            colour = SEVERITY_COLOURS["error"]
        self._summary_icon.setToolTip(
            self.tr("Ready to submit") if ready else self.tr("Not ready to submit")
        )
        self._summary.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}")

    def _counts_text(self, counts: dict[str, int]) -> str:
        return ", ".join(self._severity_name(s, counts.get(s, 0), lower=True) for s in SEVERITIES)

    def _severity_name(self, severity: str, number: int, *, lower: bool = False) -> str:
        if severity == "error":
            text = tr_n("{n} error", "{n} errors", number)
        elif severity == "warning":
            text = tr_n("{n} warning", "{n} warnings", number)
        else:
            text = tr_n("{n} piece of advice", "{n} pieces of advice", number)
        return text.format(n=number)

    def _plural(self, severity: str) -> str:
        return {
            "error": self.tr("errors"),
            "warning": self.tr("warnings"),
            "advice": self.tr("advice"),
        }[severity]

    def _rebuild(self, groups: list[SectionIssues]) -> None:
        current = self.view.currentIndex()
        selected_path = current.data(PATH_ROLE) if current.isValid() else None
        selected_section = current.data(SECTION_ROLE) if current.isValid() else None
        scroll = self.view.verticalScrollBar().value()
        had_focus = self.view.hasFocus()

        self._model.clear()
        fix_of = self.fixes.collect(entry.issue for group in groups for entry in group.entries)
        for group in groups:
            header = _new_row("section")
            header.setData(group.section_id, PATH_ROLE)
            header.setData(group.title, SECTION_ROLE)
            header.setData(dict(group.counts), COUNTS_ROLE)
            described = f"{group.title}: {self._counts_text(group.counts)}"
            header.setText(described)
            header.setToolTip(described)
            header.setAccessibleText(described)
            for entry in group.entries:
                issue = entry.issue
                row = _new_row("issue")
                row.setData(issue.path, PATH_ROLE)
                row.setData(issue.language, LANGUAGE_ROLE)
                row.setData(group.title, SECTION_ROLE)
                row.setData(issue.severity, SEVERITY_ROLE)
                row.setData(entry.label, LABEL_ROLE)
                row.setData(issue.message, MESSAGE_ROLE)
                row.setData(issue.reference, REFERENCE_ROLE)
                fix = self.fixes.for_path(issue.path, fix_of)
                if fix is not None:
                    row.setData(fix_of[issue.path], FIX_ROLE)
                kind = self._severity_word(issue.severity)
                row.setText(f"{kind}: {entry.label}: {issue.message}")
                row.setAccessibleText(f"{kind}: {entry.label}: {issue.message}")
                tooltip = issue.message
                if issue.reference:
                    tooltip += "\n\n" + self.tr("Rule: {reference}").format(
                        reference=issue.reference
                    )
                if fix is not None:
                    tooltip += "\n\n" + self.tr(
                        "One click fixes it: “{fix}” (under the list, or right-click)."
                    ).format(fix=fix.description)
                row.setToolTip(tooltip)
                header.appendRow(row)
            self._model.appendRow(header)
            if group.section_id not in self._collapsed:
                self.view.expand(header.index())

        self.view.doItemsLayout()
        restored = self._find(selected_path, selected_section)
        if restored is not None:
            self.view.setCurrentIndex(restored)
        self.view.verticalScrollBar().setValue(scroll)
        if had_focus:
            self.view.setFocus()
        self.fixes.update_current()

    def _severity_word(self, severity: str) -> str:
        return {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "advice": self.tr("Advice"),
        }.get(severity, severity)

    def _find(self, path: str | None, section: str | None) -> QModelIndex | None:
        if path is None:
            return None
        for row in range(self._model.rowCount()):
            header = self._model.item(row)
            if header.data(PATH_ROLE) == path and header.data(KIND_ROLE) == "section":
                return header.index()
            for child_row in range(header.rowCount()):
                child = header.child(child_row)
                if child.data(PATH_ROLE) == path and child.data(SECTION_ROLE) == section:
                    return child.index()
        return None

    # -- reactions --------------------------------------------------------------
    def _filter_toggled(self) -> None:
        self._shown = {s for s, b in self._filter_buttons.items() if b.isChecked()}
        self._refresh()

    def _activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "issue":
            self.open_issue(index)

    def open_issue(self, index: QModelIndex) -> None:
        """Ask to open the field of the issue at ``index`` (its translation, if it is about
        a text in a further language)."""
        language = str(index.data(LANGUAGE_ROLE) or "")
        if language:
            self.translation_requested.emit(language, str(index.data(PATH_ROLE)))
        else:
            self.navigate_requested.emit(str(index.data(PATH_ROLE)))

    def _remember_collapsed(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "section":
            self._collapsed.add(index.data(PATH_ROLE))

    def _remember_expanded(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "section":
            self._collapsed.discard(index.data(PATH_ROLE))
