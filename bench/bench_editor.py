"""Benchmark of the editor's sections on a very large proposal, through the real window.

Opens the real main window (offscreen) on a private library holding the large proposal of
``bench_checks`` (100 learning outcomes, 60 staff, 400 budget lines, 50 activities, 50
assessments, 20 indicators), to which 50 contents and 20 rights are added so that every
section has a list to type in. With the checks' results shown, it

- visits every section twice, timing each visit from the request until the window has
  processed every event it caused (the first visit builds the page);
- types into one field of every section (a budget line's unit cost, a learning outcome's
  text, a staff member's name, a content's title, ...) with key events, one character at a
  time, as a user does, timing each keystroke until the window is idle again;
- reads the process's peak memory (resident set size) after visiting every section.

The bundled example (with 4 staff, 8 budget lines and 2 rights added, as it has none) is
measured the same way in the same run, as the baseline. Medians,
99th percentiles and maxima are reported, because the machine is noisy.

Run: ``python bench/bench_editor.py [--keys N] [--write]`` (``--write`` stores the tables
in ``bench/results/editor.md``).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_bench import private_user_folders, spread, timed_ms

_SCRATCH = private_user_folders("mcd-bench-editor-")

from bench_checks import large_proposal  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mcdesigner.app import application, open_main_window  # noqa: E402
from mcdesigner.examples import new_from_example  # noqa: E402
from mcdesigner.model.proposal import ContentUnit, Proposal, Right  # noqa: E402
from mcdesigner.storage import Store  # noqa: E402
from mcdesigner.ui.main_window import MainWindow  # noqa: E402
from mcdesigner.widgets.page_lists import placeholders_in_view  # noqa: E402
from mcdesigner.widgets.section_page import SectionPage  # noqa: E402

FRAME_MS = 16.0
TEXT = "Design and document the structure of a joint micro-credential, with its roles. "
DIGITS = "1234"
#: Targets: keystroke to idle (99th percentile), first visit of a section, peak memory.
TARGET_KEY_MS = 16.0
TARGET_VISIT_MS = 150.0
TARGET_MEMORY_MB = 250.0
#: The section the proposal opens in (its page is built while opening, not on a visit).
OPENED_IN = "self_assessment"
RESULTS = Path(__file__).resolve().parent / "results" / "editor.md"


def editor_proposal() -> Proposal:
    """The large proposal of ``bench_checks`` with 50 contents and 20 rights added."""
    proposal = large_proposal()
    proposal.academic.content_units = [
        ContentUnit(id=f"cu{n}", title=f"Content {n}", description=f"Unit {n}.", hours=1.0)
        for n in range(50)
    ]
    proposal.rights = [Right(id=f"right{n}", title=f"Right {n}") for n in range(20)]
    return proposal


def small_proposal() -> Proposal:
    """The bundled example with 4 staff, 8 budget lines and 2 rights (it has none)."""
    proposal = new_from_example()
    large = large_proposal()
    proposal.staff = large.staff[1:5]
    proposal.financial.revenues = large.financial.revenues[:4]
    proposal.financial.expenditures = large.financial.expenditures[:4]
    proposal.rights = [Right(id=f"right{n}", title=f"Right {n}") for n in range(2)]
    return proposal


def typing_targets(proposal: Proposal) -> dict[str, str]:
    """One field per section to type in, by section id: the middle item of its longest list."""

    def middle(items: list[Any]) -> str:
        return str(items[len(items) // 2].id)

    targets = {"general": "general.title"}
    outcomes = proposal.certified.learning_outcomes
    targets["certified"] = f"certified.learning_outcomes[{middle(list(outcomes))}].text"
    if proposal.rights:
        targets["rights"] = f"rights[{middle(list(proposal.rights))}].title"
    contents = proposal.academic.content_units
    if contents:
        targets["academic"] = f"academic.content_units[{middle(list(contents))}].title"
    if proposal.staff:
        targets["staff"] = f"staff[{middle(list(proposal.staff))}].name"
    lines = proposal.financial.expenditures
    if lines:
        targets["financial"] = f"financial.expenditures[{middle(list(lines))}].unit_cost"
    indicators = proposal.quality.indicators
    if indicators:
        targets["quality"] = f"quality.indicators[{middle(list(indicators))}].name"
    else:
        targets["quality"] = "quality.responsible_body"
    entries = proposal.self_assessment.entries
    targets["self_assessment"] = f"self_assessment.entries[{entries[0].id}].evidence"
    return targets


def _key(app: QApplication, box: QWidget, key: Qt.Key, text: str) -> float:
    start = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        app.sendEvent(box, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def _type(app: QApplication, box: QWidget, keys: int, numeric: bool) -> list[float]:
    """``keys`` keystrokes into ``box``: text, or digits typed and erased again for numbers."""
    samples: list[float] = []
    if not numeric:
        text = (TEXT * (keys // len(TEXT) + 1))[:keys]
        for char in text:
            samples.append(_key(app, box, Qt.Key.Key_unknown, char))
        return samples
    while len(samples) < keys:
        for char in DIGITS:
            samples.append(_key(app, box, Qt.Key.Key_unknown, char))
        for _ in DIGITS:
            samples.append(_key(app, box, Qt.Key.Key_Backspace, ""))
    return samples[:keys]


def _visit(app: QApplication, window: MainWindow, section_id: str) -> tuple[float, float]:
    """Milliseconds from asking for the section until the window is idle again (it answers
    the user), and until every item in view is built (the screen is complete)."""
    start = time.perf_counter()
    window.show_section(section_id)
    app.processEvents()
    idle = (time.perf_counter() - start) * 1000
    page = window.editor.current_page()
    assert page is not None
    while _waiting_items(page):
        app.processEvents()
    return idle, (time.perf_counter() - start) * 1000


def _waiting_items(page: SectionPage) -> bool:
    """Whether items of long lists near the visible part of the page are still unbuilt."""
    top = page.verticalScrollBar().value()
    return bool(placeholders_in_view(page.all_lists(), page.content, top, page.viewport().height()))


def _rss_mb() -> float:
    """The process's resident set size now, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_rss_mb() -> float:
    """The process's peak resident set size so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Run:
    """What one proposal measured."""

    opening: float = 0.0
    first: dict[str, float] = field(default_factory=dict)
    second: dict[str, float] = field(default_factory=dict)
    complete: dict[str, float] = field(default_factory=dict)
    keys: dict[str, list[float]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    rss: float = 0.0
    peak: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)


def measure(app: QApplication, proposal: Proposal, name: str, keys: int) -> Run:
    """Open ``proposal`` in the real window; time visits and typing; read the memory."""
    db_path = _SCRATCH / f"{name}.sqlite3"
    with Store.open(db_path) as store:
        store.save(proposal)
    window: MainWindow = open_main_window(db_path)
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    run = Run()
    load_before = os.getloadavg()[0]
    try:
        run.opening = timed_ms(
            lambda: (window.open_proposal(proposal.id, OPENED_IN), app.processEvents())
        )
        session = window.session
        assert session is not None
        window.checks.checker.run_now(session.proposal)
        app.processEvents()
        sections = window.editor.navigator.section_ids()
        for visits in (run.first, run.second):
            for section_id in sections:
                if visits is run.first and section_id == OPENED_IN:
                    continue
                idle, complete = _visit(app, window, section_id)
                visits[section_id] = idle
                if visits is run.first:
                    run.complete[section_id] = complete
        run.rss = _rss_mb()
        run.peak = _peak_rss_mb()
        run.paths = typing_targets(session.proposal)
        for section_id in sections:
            path = run.paths.get(section_id)
            if path is None:
                continue
            assert window.go_to_path(path), path
            app.processEvents()
            page = window.editor.current_page()
            assert page is not None
            while _waiting_items(page):  # the items scrolled into view are built first
                app.processEvents()
            editor = page.editor(path)
            assert editor is not None, path
            box = editor.focusProxy() or editor
            box.setFocus()
            app.processEvents()
            numeric = path.endswith("unit_cost")
            run.keys[section_id] = _type(app, box, keys, numeric)
            session.close_merge()
        run.load = (load_before, os.getloadavg()[0])
        return run
    finally:
        window.close()
        app.processEvents()


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(example: Run, large: Run, keys: int) -> str:
    """The results as Markdown tables."""
    lines = [
        "# The editor on a very large proposal",
        "",
        "Real main window, offscreen platform, 1280×860; Python"
        f" {platform.python_version()} on {platform.machine()} ({os.cpu_count()} cores)."
        " The large proposal: 100 learning outcomes, 60 staff, 400 budget lines, 50"
        " contents, 50 activities, 50 assessments, 20 indicators, 20 rights. Produced by"
        " `python bench/bench_editor.py --write`. Each keystroke is timed from the key press"
        " until the window has processed every event it caused.",
        "",
        f"## Keystroke to idle ({keys} keystrokes per field)",
        "",
        "The example is the bundled example with 4 staff, 8 budget lines and 2 rights"
        " added. Numbers are typed as four digits and erased again.",
        "",
        "| section | field typed in | example median | example p99 | large median |"
        " large p99 | large max |",
        "|---|---|---|---|---|---|---|",
    ]
    worst_p99 = 0.0
    for section_id, samples in large.keys.items():
        median, p99, worst = spread(samples, 0.99)
        worst_p99 = max(worst_p99, p99)
        base = example.keys.get(section_id)
        base_median, base_p99 = (spread(base, 0.99)[:2]) if base else (float("nan"), float("nan"))
        lines.append(
            f"| {section_id} | `{_schema(large.paths[section_id])}` | {base_median:.2f} ms |"
            f" {base_p99:.2f} ms | {median:.2f} ms | {p99:.2f} ms | {worst:.2f} ms |"
        )
    lines += [
        "",
        "## Visiting a section",
        "",
        "Timed from the request until the window is idle again (it answers the user); the"
        " first visit builds the page. Items of long lists are built in slices of 50 ms, so"
        ' "complete" is until every item in view is built (the window answering between'
        " slices).",
        "",
        "| section | example first | example second | large first | large first, complete |"
        " large second |",
        "|---|---|---|---|---|---|",
    ]
    worst_first = worst_complete = 0.0
    for section_id, second in large.second.items():
        first = large.first.get(section_id)
        if first is None:
            lines.append(
                f"| {section_id} | ¹ | {example.second[section_id]:.0f} ms | ¹ | ¹ |"
                f" {second:.0f} ms |"
            )
            continue
        complete = large.complete[section_id]
        worst_first = max(worst_first, first)
        worst_complete = max(worst_complete, complete)
        lines.append(
            f"| {section_id} | {example.first[section_id]:.0f} ms |"
            f" {example.second[section_id]:.0f} ms | {first:.0f} ms | {complete:.0f} ms |"
            f" {second:.0f} ms |"
        )
    lines += [
        "",
        f"¹ The proposal opens in this section, so its page is built while opening: opening"
        f" the proposal (reading it, building the page, running the checks) takes"
        f" {example.opening:.0f} ms for the example and {large.opening:.0f} ms for the large"
        " proposal.",
        "",
        "## Memory after visiting every section",
        "",
        "| | resident now | peak of the process |",
        "|---|---|---|",
        f"| Example | {example.rss:.0f} MB | {example.peak:.0f} MB |",
        f"| Large proposal (measured after the example) | {large.rss:.0f} MB |"
        f" {large.peak:.0f} MB |",
        "",
        "## Targets on the large proposal",
        "",
        "| target | reached | |",
        "|---|---|---|",
        f"| keystroke to idle ≤ {TARGET_KEY_MS:.0f} ms p99 in every section |"
        f" {worst_p99:.1f} ms (worst section) | {_verdict(worst_p99 <= TARGET_KEY_MS)} |",
        f"| first visit of any section ≤ {TARGET_VISIT_MS:.0f} ms |"
        f" {worst_first:.0f} ms (worst section) | {_verdict(worst_first <= TARGET_VISIT_MS)} |",
        f"| … until every item in view is built |"
        f" {worst_complete:.0f} ms (worst section) |"
        f" {_verdict(worst_complete <= TARGET_VISIT_MS)} |",
        f"| peak memory after visiting every section ≤ {TARGET_MEMORY_MB:.0f} MB |"
        f" {large.peak:.0f} MB | {_verdict(large.peak <= TARGET_MEMORY_MB)} |",
        "",
        "The machine is noisy: compare the large proposal with the example of the same run."
        f" Load average (1 minute) while measuring: {example.load[0]:.1f}–{large.load[1]:.1f}"
        f" on {os.cpu_count()} cores (other work shares the machine, so figures measured"
        " above 2 are inflated).",
        "",
    ]
    return "\n".join(lines)


def _schema(path: str) -> str:
    import re

    return re.sub(r"\[[^\]]*\]", "[]", path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=100, help="keystrokes per field")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()
    app = application()
    example = measure(app, small_proposal(), "example", args.keys)
    large = measure(app, editor_proposal(), "large", args.keys)
    table = report(example, large, args.keys)
    print(table)
    if args.write:
        RESULTS.write_text(table, encoding="utf-8")
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
