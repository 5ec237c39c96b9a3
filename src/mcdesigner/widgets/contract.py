"""The one contract every field editor follows, whatever value it edits.

A field editor is a ``QWidget`` bound to one :class:`~mcdesigner.formdefs.definitions.FieldDef`
and one concrete field path. It offers:

- ``value()`` / ``set_value(v)``: read and show a model value (``set_value`` never emits);
- ``value_changed``: emitted with the new model value after every *user* change;
- ``editing_finished``: the user left the field (or confirmed it), so an undo step may close;
- ``set_issues(issues)``: show check results inline (red or amber border, a message, a tooltip);
- ``set_input_error(text)``: show that the typed text could not be stored;
- ``update_context(proposal)``: editors depending on other values (currency, outcome lists)
  refresh themselves from the proposal; ``context_paths()`` names those values, so an edit
  elsewhere leaves the editor alone.

The page talks to editors only through this class, so adding a widget never touches the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mcdesigner.formdefs.definitions import FieldDef

#: Frame and text colour of each severity: the checks' errors, warnings and advice, and
#: "info" for notes such as comment markers.
_ISSUE_COLOURS = {
    "error": "#c62828",
    "warning": "#e08a00",
    "advice": "#1565c0",
    "info": "#1565c0",
}
_SEVERITY_ORDER = ("error", "warning", "advice", "info")


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Block the signals of ``objects`` for the duration of the block (restoring the old state)."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was_blocked in zip(objects, previous, strict=True):
            obj.blockSignals(was_blocked)


def issue_severity(issue: Any) -> str:
    """The severity of a check result: ``error``, ``warning``, ``advice`` or ``info``."""
    severity = getattr(issue, "severity", "error")
    text = str(getattr(severity, "value", severity)).lower()
    return text if text in _ISSUE_COLOURS else "error"


def issue_colour(severity: str) -> str:
    """The colour an editor uses for ``severity`` (unknown severities look like errors)."""
    return _ISSUE_COLOURS.get(severity, _ISSUE_COLOURS["error"])


def worst_severity(issues: Iterable[Any]) -> str | None:
    """The most serious severity among ``issues`` (None when there are none)."""
    found = {issue_severity(issue) for issue in issues}
    return next((s for s in _SEVERITY_ORDER if s in found), None)


def _shown_as(issues: Iterable[Any]) -> list[tuple[str, str]]:
    return [(issue_severity(i), str(getattr(i, "message", i))) for i in issues]


class FieldEditor(QWidget):
    """Base class of every field editor (see the module docstring for the contract)."""

    value_changed = Signal(object)
    editing_finished = Signal()

    #: Whether consecutive changes (typing) should merge into one undo step.
    merges_typing = False

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.path = field.path
        self._issues: list[Any] = []
        self._input_error: str | None = None
        self._frame = QFrame(self)
        self._frame.setObjectName("issueFrame")
        self._frame_layout = QVBoxLayout(self._frame)
        self._frame_layout.setContentsMargins(2, 2, 2, 2)
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.setVisible(False)
        self._message.setObjectName("issueMessage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        outer.addWidget(self._frame)
        outer.addWidget(self._message)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._base_tooltip = field.help

    # ------------------------------------------------------------------ building
    def install(self, control: QWidget, *, focus: QWidget | None = None) -> None:
        """Put ``control`` inside the issue frame and route focus to ``focus`` (or ``control``)."""
        self._frame_layout.addWidget(control)
        target = focus or control
        self.setFocusProxy(target)
        self.describe_for_accessibility(target)
        self.watch_focus(control)

    def watch_focus(self, widget: QWidget) -> None:
        """Emit ``editing_finished`` when focus leaves the editor through ``widget``."""
        if not hasattr(self, "_focus_watcher"):
            self._focus_watcher = FocusWatcher(self)
            self._focus_watcher.left.connect(self.editing_finished)
        self._focus_watcher.watch(widget)
        for child in widget.findChildren(QWidget):
            self._focus_watcher.watch(child)

    def describe_for_accessibility(self, widget: QWidget, suffix: str = "") -> None:
        """Give ``widget`` the field's accessible name, description and tooltip."""
        name = self.field.label + (f" {suffix}" if suffix else "")
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(self.field.help)
        widget.setToolTip(self._tooltip_text())

    def set_path(self, path: str) -> None:
        """Bind the editor to the concrete path it edits (item ids filled in)."""
        self.path = path

    # ------------------------------------------------------------------ contract
    def value(self) -> Any:
        """The value currently shown, as the model stores it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without emitting ``value_changed``."""
        with signals_blocked(self):
            self._show(value)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def update_context(self, proposal: Any) -> None:
        """Refresh anything that depends on other parts of the proposal (default: nothing)."""

    def context_paths(self) -> tuple[str, ...]:
        """The paths of the other values :meth:`update_context` reads (default: none).

        A change at one of them, or inside it (an item of a list named here), makes the
        page call :meth:`update_context` again.
        """
        return ()

    def is_editing(self) -> bool:
        """Whether the user is in the middle of typing here (the page then leaves it alone)."""
        focus = self.focusProxy() or self
        return focus.hasFocus()

    def set_issues(self, issues: Iterable[Any]) -> None:
        """Show check results for this field (objects with ``severity`` and ``message``)."""
        issues = list(issues)
        if _shown_as(issues) == _shown_as(self._issues):
            self._issues = issues  # looks the same: no restyling while the user types
            return
        self._issues = issues
        self._render_issues()

    def issues(self) -> list[Any]:
        """The check results currently shown."""
        return list(self._issues)

    def set_input_error(self, message: str | None) -> None:
        """Show (or clear, with None) why the typed value could not be stored."""
        self._input_error = message
        self._render_issues()

    def input_error(self) -> str | None:
        """The message shown for a value that could not be stored, if any."""
        return self._input_error

    def emit_value(self) -> None:
        """Report the current value as a user change."""
        self.value_changed.emit(self.value())

    # ------------------------------------------------------------------ display
    def _messages(self) -> list[tuple[str, str]]:
        found = _shown_as(self._issues)
        if self._input_error:
            found.insert(0, ("error", self._input_error))
        return found

    def _render_issues(self) -> None:
        messages = self._messages()
        severity = next((s for s in _SEVERITY_ORDER if any(m[0] == s for m in messages)), None)
        # Restyle only when it looks different: typing sets "no error" on every key.
        if messages != getattr(self, "_rendered", None):
            self._rendered = messages
            if severity is None:
                self._frame.setStyleSheet("")
                self._message.setVisible(False)
                self._message.clear()
            else:
                colour = _ISSUE_COLOURS[severity]
                self._frame.setStyleSheet(
                    f"#issueFrame {{ border: 2px solid {colour}; border-radius: 3px; }}"
                )
                self._message.setStyleSheet(f"color: {colour};")
                self._message.setText("\n".join(text for _, text in messages))
                self._message.setVisible(True)
            self.setProperty("issueSeverity", severity or "")
        proxy = self.focusProxy()
        if proxy is not None:
            proxy.setToolTip(self._tooltip_text())

    def _tooltip_text(self) -> str:
        parts = [self._base_tooltip] if self._base_tooltip else []
        parts.extend(text for _, text in self._messages())
        return "\n\n".join(parts)


class FocusWatcher(QObject):
    """Emits ``left`` when keyboard focus moves out of ``owner`` (not into its own popups)."""

    left = Signal()

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner

    def watch(self, widget: QWidget) -> None:
        """Report focus leaving through ``widget`` (call for every focusable part)."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            new_focus = QApplication.focusWidget()
            if new_focus is None or not self._owner.isAncestorOf(new_focus):
                self.left.emit()
        return False
