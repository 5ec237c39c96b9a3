"""Benchmark of typing in the Translations view of a very large proposal.

Opens the real main window (offscreen) on a private library holding the large proposal of
``bench_checks`` (309 translatable texts: 100 learning outcomes, 50 activities, 50
assessments, ...) written in English and Spanish, every text translated but one, shows the
Translations view and types into one learning outcome's Spanish text with key events, one
character at a time, as a user does. Each keystroke is timed from the key press until the
window has processed every event it caused (the edit, undo step, row mark, count, the
editor's height). Baselines measured in the same run: the same keystrokes in a bare Qt
window holding one plain text box, and typing in the Translations view of the small
bundled example. The work done once the user pauses (the checks after 150 ms, the autosave
after 750 ms) is timed too. Medians, 95th percentiles and maxima are reported as ratios and
as frames of 16 ms, because the machine is noisy.

Run: ``python bench/bench_translations.py [--keys N] [--write]`` (``--write`` stores the
table in ``bench/results/translations.md``).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_bench import private_user_folders, spread, timed_ms

_SCRATCH = private_user_folders("mcd-bench-translations-")

from bench_checks import large_proposal  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QMainWindow,
    QPlainTextEdit,
    QWidget,
)

from mcdesigner.app import application, open_main_window  # noqa: E402
from mcdesigner.examples import new_from_example  # noqa: E402
from mcdesigner.model.edits import SetTranslation, apply_edit  # noqa: E402
from mcdesigner.model.proposal import Proposal  # noqa: E402
from mcdesigner.model.translations import translated_paths  # noqa: E402
from mcdesigner.storage import Store  # noqa: E402
from mcdesigner.ui.main_window import MainWindow  # noqa: E402

FRAME_MS = 16.0
TEXT = "Diseñar y documentar la estructura de una microcredencial conjunta, con sus funciones. "
RESULTS = Path(__file__).resolve().parent / "results" / "translations.md"


def _translated_large_proposal() -> tuple[Proposal, str]:
    """The large proposal in English and Spanish; the path of the text left to translate."""
    proposal = large_proposal()
    proposal.languages.further = ["es"]
    proposal.languages.issued_in = ["en", "es"]
    paths = list(translated_paths(proposal))
    target = f"certified.learning_outcomes[{proposal.certified.learning_outcomes[50].id}].text"
    for path in paths:
        if path != target:
            apply_edit(proposal, SetTranslation("es", path, f"ES {path}"))
    return proposal, target


def _type(app: QApplication, box: QWidget, text: str) -> list[float]:
    """Type ``text`` into ``box``; milliseconds per keystroke until the events are done."""
    samples: list[float] = []
    for char in text:
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            app.sendEvent(box, event)
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _bare(app: QApplication, text: str) -> list[float]:
    window = QMainWindow()
    box = QPlainTextEdit(window)
    window.setCentralWidget(box)
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    box.setFocus()
    try:
        return _type(app, box, text)
    finally:
        window.close()


def _window(app: QApplication, proposal: Proposal, path: str, name: str) -> MainWindow:
    db_path = _SCRATCH / f"{name}.sqlite3"
    with Store.open(db_path) as store:
        store.save(proposal)
    window = open_main_window(db_path)
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    assert window.open_proposal(proposal.id)
    return window


def _in_view(
    app: QApplication, proposal: Proposal, path: str, name: str, text: str
) -> dict[str, object]:
    window = _window(app, proposal, path, name)
    try:
        opened = timed_ms(lambda: (window.show_translations(), app.processEvents()))
        view = window.editor.translations
        assert window.go_to_translation("es", path)
        app.processEvents()
        row = view.rows[path]
        box = row.editor.findChildren(QPlainTextEdit)[0]
        box.setFocus()
        content = view.content
        keys = _type(app, box, text)
        assert view.content is content, "typing rebuilt the rows"
        assert window.session is not None
        assert window.session.proposal.translations["es"][path] == text.strip()
        session = window.session
        checks = timed_ms(
            lambda: (window.checks.checker.run_now(session.proposal), app.processEvents())
        )
        save = timed_ms(session.save_now)
        rows = len(view.rows)
        return {"keys": keys, "open": opened, "checks": checks, "save": save, "rows": rows}
    finally:
        window.close()
        app.processEvents()


def report(results: dict[str, dict[str, object]], bare: list[float], keys: int) -> str:
    base_median = statistics.median(bare)
    lines = [
        "# Typing in the Translations view",
        "",
        f"{keys} keystrokes per case, each timed from the key press until the window has"
        " processed every event it caused; real main window, offscreen platform; Python"
        f" {platform.python_version()} on {platform.machine()} ({os.cpu_count()} cores)."
        " Produced by `python bench/bench_translations.py --write`.",
        "",
        "| case | median | 95th percentile | max | median / bare window | median in frames |",
        "|---|---|---|---|---|---|",
    ]
    median, p95, worst = spread(bare, 0.95)
    lines.append(
        f"| Bare Qt window, one plain text box (baseline) | {median:.2f} ms | {p95:.2f} ms |"
        f" {worst:.2f} ms | 1.00 | {median / FRAME_MS:.2f} |"
    )
    for label, result in results.items():
        samples = result["keys"]
        assert isinstance(samples, list)
        median, p95, worst = spread(samples, 0.95)
        lines.append(
            f"| {label} ({result['rows']} texts) | {median:.2f} ms | {p95:.2f} ms |"
            f" {worst:.2f} ms | {median / base_median:.2f} | {median / FRAME_MS:.2f} |"
        )
    lines += [
        "",
        "Once the user pauses (not while typing):",
        "",
        "| case | opening the view | checks after 150 ms | autosave after 750 ms |",
        "|---|---|---|---|",
    ]
    for label, result in results.items():
        lines.append(
            f"| {label} | {result['open']:.0f} ms | {result['checks']:.1f} ms |"
            f" {result['save']:.1f} ms |"
        )
    lines += [
        "",
        "A keystroke touches its own row only (the rows are checked to be the same widgets"
        " after typing). The machine is noisy, so compare ratios rather than milliseconds.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=len(TEXT), help="keystrokes per case")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()
    text = (TEXT * (args.keys // len(TEXT) + 1))[: args.keys]
    app = application()
    bare = _bare(app, text)
    large, large_path = _translated_large_proposal()
    example = new_from_example()
    outcome = example.certified.learning_outcomes[1]
    example_path = f"certified.learning_outcomes[{outcome.id}].text"
    apply_edit(example, SetTranslation("es", example_path, ""))
    results = {
        "Bundled example": _in_view(app, example, example_path, "example", text),
        "Large proposal": _in_view(app, large, large_path, "large", text),
    }
    table = report(results, bare, len(text))
    print(table)
    if args.write:
        RESULTS.write_text(table, encoding="utf-8")
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
