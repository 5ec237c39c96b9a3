"""Render the issues panel and the export dialog offscreen to PNG files for a visual check.

Uses the bundled example proposal. Writes ``issues_panel.png``, ``issues_panel_narrow.png``
and ``export_dialog.png`` (plus ``export_dialog_word.png`` and ``export_dialog_json.png``)
into the folder given as the first argument (default: the system temporary folder)::

    QT_QPA_PLATFORM=offscreen python scripts/shot_checks_export.py /tmp/shots
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication, QEventLoop, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

import mcdesigner.qt_workaround  # noqa: F401  (before any Qt call)


def _quiet(kind: QtMsgType, context: object, message: str) -> None:
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def _settle(
    app: QCoreApplication, widget: QWidget, until: Callable[[], bool] | None = None
) -> None:
    widget.show()
    deadline = time.monotonic() + 30
    while until is not None and not until() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for _ in range(20):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir())
    out.mkdir(parents=True, exist_ok=True)
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication(sys.argv)

    from mcdesigner import checks
    from mcdesigner.examples import load_example
    from mcdesigner.ui.checks.issues_panel import IssuesPanel

    proposal = load_example()
    issues = checks.run(proposal)
    readiness = checks.readiness(proposal, issues)

    panel = IssuesPanel()
    panel.set_issues(issues, readiness, proposal)
    panel.resize(460, 720)
    _settle(app, panel)
    panel.select_path(issues[1].path)
    _settle(app, panel)
    panel.grab().save(str(out / "issues_panel.png"))
    panel.resize(300, 600)
    _settle(app, panel)
    panel.grab().save(str(out / "issues_panel_narrow.png"))
    panel.set_severity_filter({"warning", "advice"})
    panel.resize(460, 500)
    _settle(app, panel)
    panel.grab().save(str(out / "issues_panel_filtered.png"))
    print(out / "issues_panel.png")

    from mcdesigner.ui.export.export_dialog import ExportDialog

    for document, fmt, name in (
        ("dossier", "pdf", "export_dialog.png"),
        ("proposal", "docx", "export_dialog_word.png"),
        ("elm", None, "export_dialog_json.png"),
    ):
        dialog = ExportDialog(proposal, initial_document=document, initial_format=fmt)
        _settle(app, dialog)
        if name == "export_dialog.png":
            dialog.grab().save(str(out / "export_dialog_idle.png"))
        dialog.start_export()
        _settle(app, dialog, lambda d=dialog: d.state != "running")  # type: ignore[misc]
        pause = time.monotonic() + 1.5  # the PDF view renders pages asynchronously
        _settle(app, dialog, lambda until=pause: time.monotonic() > until)  # type: ignore[misc]
        dialog.grab().save(str(out / name))
        print(out / name, dialog.state, dialog.error_text())
        dialog.reject()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
