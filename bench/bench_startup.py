"""Benchmark: start-up of MC Designer to an interactive window, against a bare Qt window.

Each measurement is a fresh process, timed from launch until it exits at its first idle
moment: for MC Designer, once the main window is shown with the example proposal open and
the event loop has nothing left to do; for the baseline, once a bare ``QMainWindow`` is shown
and the event loop is idle. Both run in the same session, interleaved, so machine noise
affects both alike; the ratio is the figure to compare between runs.

Two MC Designer cases are measured:

* **first start**: an empty database, so the example is copied into the library first;
* **next start**: the database of the first start, reopening the proposal and section.

Run: ``python bench/bench_startup.py [--runs N] [--write]`` (``--write`` updates
``bench/results/startup.md``). Uses the offscreen platform; nothing of yours is touched.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "startup.md"

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 860)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from mcdesigner.app import application, open_main_window
app = application()
window = open_main_window(Path(sys.argv[1]), example_if_empty=True)
window.show()
assert window.session is not None, "no proposal open"
heavy = [m for m in sys.modules if m.split(".")[0] in ("docx", "reportlab")]
assert not heavy, heavy
QTimer.singleShot(0, app.quit)
app.exec()
window.close()
"""


PHASES = """
import sys, time
marks = [("start", time.perf_counter())]
import PySide6.QtWidgets
marks.append(("Qt widgets imported", time.perf_counter()))
import mcdesigner.model.proposal
marks.append(("proposal model imported (pydantic)", time.perf_counter()))
import mcdesigner.storage
marks.append(("store imported (sqlite-utils)", time.perf_counter()))
import mcdesigner.app
marks.append(("forms, widgets and windows imported", time.perf_counter()))
from pathlib import Path
from PySide6.QtCore import QTimer
app = mcdesigner.app.application()
window = mcdesigner.app.open_main_window(Path(sys.argv[1]), example_if_empty=True)
window.show()
marks.append(("window built, proposal open", time.perf_counter()))
QTimer.singleShot(0, app.quit)
app.exec()
marks.append(("event loop idle", time.perf_counter()))
window.close()
for (_, before), (name, after) in zip(marks, marks[1:]):
    print(f"{name}\t{after - before:.6f}")
"""


def _environment(scratch: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("data", "config", "cache", "runtime"):
        folder = scratch / name
        folder.mkdir(mode=0o700, exist_ok=True)
    env.update(
        XDG_DATA_HOME=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_CACHE_HOME=str(scratch / "cache"),
        XDG_RUNTIME_DIR=str(scratch / "runtime"),
    )
    env.pop("MCDESIGNER_DB", None)
    env.pop("MCDESIGNER_CONFIG", None)
    return env


def _time(code: str, env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], env=env, check=True)
    return time.perf_counter() - start


def phases(runs: int) -> dict[str, list[float]]:
    """Where a next start spends its time, phase by phase (seconds, in-process clocks)."""
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        scratch = Path(tempfile.mkdtemp(prefix="mcd-bench-"))
        try:
            env = _environment(scratch)
            db = str(scratch / "proposals.sqlite3")
            _time(APP, env, db)  # first start: the example is in the library now
            result = subprocess.run(
                [sys.executable, "-c", PHASES, db],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            for line in result.stdout.splitlines():
                name, _, seconds = line.partition("\t")
                found.setdefault(name, []).append(float(seconds))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return found


def measure(runs: int) -> dict[str, list[float]]:
    """Interleaved timings (seconds) of the bare window, a first start and a next start."""
    times: dict[str, list[float]] = {"bare": [], "first": [], "next": []}
    for _ in range(runs):
        scratch = Path(tempfile.mkdtemp(prefix="mcd-bench-"))
        try:
            env = _environment(scratch)
            db = str(scratch / "proposals.sqlite3")
            times["bare"].append(_time(BARE, env))
            times["first"].append(_time(APP, env, db))
            times["next"].append(_time(APP, env, db))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return times


def report(times: dict[str, list[float]], runs: int, steps: dict[str, list[float]]) -> str:
    """The results as a Markdown table."""
    bare = statistics.median(times["bare"])
    rows = [
        ("Bare PySide6 window (baseline)", "bare"),
        ("MC Designer, first start (example copied into an empty library)", "first"),
        ("MC Designer, next start (reopens the last proposal)", "next"),
    ]
    lines = [
        "# Start-up to an interactive window",
        "",
        f"Median of {runs} fresh processes each, interleaved in one session, offscreen platform;"
        f" Python {platform.python_version()} on {platform.machine()}"
        f" ({os.cpu_count()} cores). Produced by `python bench/bench_startup.py --write`.",
        "",
        "| case | median | min | max | ratio to bare window |",
        "|---|---|---|---|---|",
    ]
    for label, key in rows:
        values = times[key]
        median = statistics.median(values)
        lines.append(
            f"| {label} | {median * 1000:.0f} ms | {min(values) * 1000:.0f} ms |"
            f" {max(values) * 1000:.0f} ms | {median / bare:.2f} |"
        )
    lines += [
        "",
        "Where a next start spends its time after the interpreter is up (medians, same runs"
        " count):",
        "",
        "| phase | median |",
        "|---|---|",
    ]
    for name, values in steps.items():
        lines.append(f"| {name} | {statistics.median(values) * 1000:.0f} ms |")
    lines += [
        "",
        "Times include starting the interpreter. The export libraries (python-docx, reportlab)"
        " are checked to be absent from `sys.modules` when the window is up; they load when"
        " the user exports. The machine is noisy, so compare ratios rather than milliseconds.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="processes per case (default 9)")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS}")
    args = parser.parse_args()
    times = measure(args.runs)
    text = report(times, args.runs, phases(args.runs))
    print(text)
    bare = statistics.median(times["bare"])
    for key in ("first", "next"):
        median = statistics.median(times[key])
        print(
            f"{key}: {median * 1000:.0f} ms vs bare {bare * 1000:.0f} ms, ratio {median / bare:.2f}"
        )
    if args.write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
