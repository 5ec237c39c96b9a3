"""Nothing typed is lost: closing mid-edit saves, and a killed process loses only what it had
not yet reported as saved; the next start reopens the same proposal and section."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from gui.gui_helpers import editor, stored, type_text

pytestmark = pytest.mark.gui


def test_closing_right_after_typing_keeps_the_edit(
    qtbot: Any, open_window: Any, db_path: Path
) -> None:
    window = open_window()
    window.editor.show_section("certified")
    level = editor(window, "certified.national_level")
    level.line.setFocus()
    type_text(level.line, "MECES 2 – niveau")
    assert window.session.dirty, "closing before the autosave delay has passed"
    proposal_id = window.session.proposal_id
    window.close()
    assert stored(db_path, proposal_id).certified.national_level == "MECES 2 – niveau"

    again = open_window()
    assert again.session.proposal_id == proposal_id
    assert again.editor.current_section() == "certified"
    assert editor(again, "certified.national_level").line.text() == "MECES 2 – niveau"


CHILD = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    from mcdesigner.app import application, open_main_window

    app = application()
    window = open_main_window(Path(sys.argv[1]), example_if_empty=True)
    window.show()
    session = window.session
    page = window.editor.show_section("certified")
    field = page.editor("certified.national_level")
    field.line.setFocus()
    field.line.selectAll()
    print("OPEN", session.proposal_id, flush=True)
    letters = iter("αβγδεζηθικλμνξοπρστυφχψω" * 4)

    def report(state, message):
        if state == "saved":
            print("SAVED", session.proposal.certified.national_level, flush=True)

    def type_next():
        char = next(letters, None)
        if char is None:
            timer.stop()
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(field.line, event)

    session.save_state_changed.connect(report)
    timer = QTimer()
    timer.timeout.connect(type_next)
    timer.start(300)  # slower than the 200 ms autosave delay: every letter is saved
    app.exec()
    """
)


def test_a_killed_editor_keeps_what_it_reported_saved(
    qtbot: Any, open_window: Any, db_path: Path, tmp_path: Path
) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "mcdesigner"
    config.mkdir(parents=True, exist_ok=True)
    (config / "preferences.json").write_text(json.dumps({"autosave_delay_ms": 200}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env=env,
    )
    reported: list[str] = []
    proposal_id = ""
    deadline = time.monotonic() + 60
    try:
        assert child.stdout is not None
        with selectors.DefaultSelector() as watch:
            watch.register(child.stdout, selectors.EVENT_READ)
            while len(reported) < 4 and time.monotonic() < deadline:
                if not watch.select(timeout=deadline - time.monotonic()):
                    break
                line = child.stdout.readline()
                if not line:
                    break
                kind, _, value = line.rstrip("\n").partition(" ")
                if kind == "OPEN":
                    proposal_id = value
                elif kind == "SAVED" and value:
                    reported.append(value)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert proposal_id and len(reported) >= 4

    kept = stored(db_path, proposal_id).certified.national_level
    assert kept.startswith(reported[-1]), (kept, reported[-1])

    window = open_window()  # the lock of the killed process is gone
    assert window.session.proposal_id == proposal_id
    assert window.editor.current_section() == "certified"
    assert editor(window, "certified.national_level").line.text() == kept
