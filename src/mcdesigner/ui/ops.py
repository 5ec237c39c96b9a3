"""One-off slow work (reading and writing files) off the UI thread, as a short form of
:class:`~mcdesigner.ui.jobs.BackgroundJob`.

Usage::

    Op(parent, write_file, path=target, label=self.tr("Exporting…")) \\
        .success(lambda result: ...) \\
        .failure(lambda error: ...) \\
        .run()

The callable runs in the global ``QThreadPool`` with its keyword arguments. The callbacks
run on the UI thread afterwards; the failure callback gets the exception itself. While it
runs, a busy progress dialog appears if the work takes longer than ``show_after_ms``. The
callable must not touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mcdesigner.ui.jobs import BackgroundJob, Report

_running: set[Op] = set()


class Op(QObject):
    """One piece of background work with success and failure callbacks."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[..., Any],
        *,
        label: str = "",
        show_after_ms: int = 400,
        **kwargs: Any,
    ) -> None:
        super().__init__(parent)

        def work(_report: Report) -> Any:
            return fn(**kwargs)

        self._job = BackgroundJob(work, parent=self)
        self._job.finished.connect(self._succeeded)
        self._job.failed.connect(lambda _message: self._failed())
        self._label = label
        self._show_after_ms = show_after_ms
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._progress: QProgressDialog | None = None
        self._parent_widget = parent
        self.running = False

    def success(self, callback: Callable[[Any], None]) -> Op:
        """Call ``callback(result)`` on the UI thread when the work returns."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        """Call ``callback(error)`` on the UI thread when the work raises."""
        self._on_failure = callback
        return self

    def run(self) -> Op:
        """Start the work in the thread pool."""
        self.running = True
        _running.add(self)
        if self._label and self._parent_widget is not None:
            QTimer.singleShot(self._show_after_ms, self._show_progress)
        self._job.start()
        return self

    def _show_progress(self) -> None:
        if not self.running:
            return
        dialog = QProgressDialog(self._label, "", 0, 0, self._parent_widget)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._progress = dialog

    def _finish(self) -> None:
        self.running = False
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        _running.discard(self)
        self.finished.emit()

    def _succeeded(self, result: Any) -> None:
        self._finish()
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self) -> None:
        self._finish()
        error = self._job.error
        assert error is not None  # set before the job reports a failure
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            raise error


def running_ops() -> int:
    """How many operations are still running (tests wait for zero)."""
    return len(_running)
