"""Background jobs with progress, cancellation and clean-up, for work that must not freeze
the window (building documents, reading and writing files). The one helper for slow work:
:class:`~mcdesigner.ui.ops.Op` is its short form for one-off file work.

A :class:`BackgroundJob` runs ``work(report)`` in Qt's global thread pool. ``work`` calls
``report(percent, message)`` as it advances; the job re-emits that as :attr:`progress` on
the UI thread. When the work ends, exactly one of :attr:`finished` (with the result),
:attr:`failed` (with a message for the user) or :attr:`cancelled` is emitted on the UI
thread; :attr:`BackgroundJob.error` keeps the exception itself.

:meth:`BackgroundJob.cancel` asks the work to stop: the next ``report`` call raises
:class:`JobCancelled`, which unwinds the work (so code that writes through a temporary
file removes it). Whether the work stopped early or had already finished, the ``discard``
callback then runs on the worker thread to remove whatever it produced, so a cancelled job
never leaves files behind, even if the window that started it is gone.

``work`` must not touch widgets or other Qt objects of the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

Report = Callable[[int, str], None]
JobState = Literal["idle", "running", "finished", "failed", "cancelled"]

# Jobs whose outcome has not reached the UI thread yet; keeps them alive when the window
# that started them has already dropped its reference.
_active: set[BackgroundJob] = set()


class JobCancelled(BaseException):
    """Raised inside the work by ``report`` once the job has been cancelled.

    It derives from :class:`BaseException` so that ``except Exception`` blocks in the
    work (which turn failures into messages) do not swallow it.
    """


def describe_error(error: BaseException) -> str:
    """A message for the user from an exception the work raised."""
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        if error.filename:
            return f"{reason}: {error.filename}"
        return reason
    return str(error) or type(error).__name__


class _Relay(QObject):
    """Carries reports from the worker thread to the UI thread (queued signals)."""

    progress = Signal(int, str)
    settled = Signal(str, object)


class _Runnable(QRunnable):
    def __init__(self, job: BackgroundJob) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = job._work
        self._relay = job._relay
        self._control = job._control
        self._describe = job._describe
        self._discard = job._discard

    def run(self) -> None:
        control = self._control

        def report(percent: int, message: str) -> None:
            if control.cancel_requested.is_set():
                raise JobCancelled
            self._relay.progress.emit(int(percent), str(message))

        outcome: str
        payload: Any = None
        try:
            payload = self._work(report)
            outcome = "finished"
        except JobCancelled:
            outcome = "cancelled"
        except Exception as error:
            log.info("background job failed", exc_info=True)
            outcome, payload = "failed", (self._describe(error), error)
        with control.lock:
            control.done = True
            cancelled = control.cancel_requested.is_set()
        if cancelled:
            outcome, payload = "cancelled", None
            if self._discard is not None:
                try:
                    self._discard()
                except Exception:
                    log.warning("could not remove the output of a cancelled job", exc_info=True)
        self._relay.settled.emit(outcome, payload)
        control.finished.set()


class _Control:
    """State shared between the UI thread and the worker thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cancel_requested = threading.Event()
        self.finished = threading.Event()
        self.done = False


class BackgroundJob(QObject):
    """One piece of work in the thread pool with progress, result or error, and cancel."""

    #: (percent 0-100, what is happening) while the work advances.
    progress = Signal(int, str)
    #: The work's return value.
    finished = Signal(object)
    #: A message for the user saying why the work failed.
    failed = Signal(str)
    #: The work was cancelled; its output (if any) has been discarded.
    cancelled = Signal()

    def __init__(
        self,
        work: Callable[[Report], Any],
        *,
        discard: Callable[[], None] | None = None,
        describe: Callable[[BaseException], str] = describe_error,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._discard = discard
        self._describe = describe
        self._pool = pool
        self._control = _Control()
        self._relay = _Relay()
        self._relay.progress.connect(self._forward_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.settled.connect(self._settle, Qt.ConnectionType.QueuedConnection)
        self._state: JobState = "idle"
        self.result: Any = None
        self.error_message = ""
        self.error: Exception | None = None

    @property
    def state(self) -> JobState:
        """``idle``, ``running``, ``finished``, ``failed`` or ``cancelled`` (UI thread view)."""
        return self._state

    @property
    def is_running(self) -> bool:
        """Started and its outcome not yet delivered to the UI thread."""
        return self._state == "running"

    def start(self) -> BackgroundJob:
        """Run the work in the thread pool (once)."""
        if self._state != "idle":
            raise RuntimeError("a background job runs only once")
        self._state = "running"
        _active.add(self)
        (self._pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the work to stop and discard its output (also after it has finished)."""
        with self._control.lock:
            self._control.cancel_requested.set()
            already_done = self._control.done
        if already_done and self._state == "running" and self._discard is not None:
            # The worker had finished before the request; its outcome is on its way but
            # the output must still go.
            try:
                self._discard()
            except Exception:
                log.warning("could not remove the output of a cancelled job", exc_info=True)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker thread is done (for shutdown and tests); True if it is."""
        if self._state == "idle":
            return True
        return self._control.finished.wait(timeout)

    def _forward_progress(self, percent: int, message: str) -> None:
        if self._state == "running" and not self._control.cancel_requested.is_set():
            self.progress.emit(percent, message)

    def _settle(self, outcome: str, payload: Any) -> None:
        _active.discard(self)
        if self._control.cancel_requested.is_set():
            outcome = "cancelled"
        if outcome == "finished":
            self._state = "finished"
            self.result = payload
            self.finished.emit(payload)
        elif outcome == "failed":
            self._state = "failed"
            message, self.error = payload
            self.error_message = str(message)
            self.failed.emit(self.error_message)
        else:
            self._state = "cancelled"
            self.cancelled.emit()
