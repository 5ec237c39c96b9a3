"""Smoke test of the Linux bundle: it works on a machine with no Python of its own.

Every run of the bundled ``mcdesigner`` gets a clean environment: ``PATH=/usr/bin:/bin``,
no ``PYTHONHOME`` or ``PYTHONPATH``, a fresh home folder (and XDG folders inside it) and
the offscreen Qt platform. The test

1. starts the window on a first start, lets it run for a few seconds
   (``MCDESIGNER_QUIT_AFTER``) and checks that it closed cleanly, created nothing (a first
   start shows the welcome page), and loaded no Python library from outside the bundle;
2. stores the example from the command line (``mcdesigner example``), exports it as PDF,
   Word and ELM, and checks the files: a PDF with pages, a Word file holding the title, an
   ELM credential whose title is the example's;
3. checks the bundle holds no test library and no Qt module the app does not use;
4. times the start-up to an idle window and back (first start, ``MCDESIGNER_QUIT_AFTER=0``)
   for the bundle and for the pip install, interleaved, and reports the bundle's size and
   the ratio of the medians.

Run: ``python scripts/smoke_bundle.py [--build] [--runs N] [--write]`` (``--build`` runs
``scripts/build_bundle.py`` first; ``--write`` updates ``bench/results/bundle.md``). Exits
non-zero, naming the failed check, when anything is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mcdesigner import __version__  # noqa: E402

BUNDLE = ROOT / "dist" / "mcdesigner"
PIP_COMMAND = ROOT / ".venv" / "bin" / "mcdesigner"
RESULTS = ROOT / "bench" / "results" / "bundle.md"
EXAMPLE_TITLE = "Towards INGENIUM Micro-credentials Framework"
WINDOW_SECONDS = 3.0
TIMEOUT = 180

#: What the bundle must not hold: test libraries and Qt modules the app never imports.
FORBIDDEN = re.compile(
    r"(^|/)(pytest|_pytest|pytestqt|hypothesis|pypdf|rdflib|pyshacl|markdown_it|mypy|PyInstaller)"
    r"(/|$)|libQt6(Quick|Qml|WebEngine|3D|Multimedia|Charts|Designer|Sql|Test)"
)


class SmokeFailure(Exception):
    """A check of the bundle failed; the message says which and what was seen."""


def clean_environment(home: Path) -> dict[str, str]:
    """The environment of a user who never installed Python: a fresh home, a bare PATH."""
    runtime = home / "runtime"
    for folder in (home, home / "data", home / "config", home / "cache", runtime):
        folder.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }


def run(command: Path, args: Sequence[str], env: dict[str, str]) -> str:
    """Run ``command args`` and return its output; a non-zero exit is a failure."""
    result = subprocess.run(
        [str(command), *args], env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    if result.returncode != 0:
        raise SmokeFailure(
            f"`mcdesigner {' '.join(args)}` exited with {result.returncode}:\n{result.stderr}"
        )
    return result.stdout


def mapped_files(pid: int) -> set[str]:
    """The files the process has mapped (its executable, libraries and data)."""
    try:
        text = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return set()
    fields = (line.split(maxsplit=5) for line in text.splitlines())
    return {parts[5] for parts in fields if len(parts) == 6 and parts[5].startswith("/")}


def check_window(executable: Path, home: Path) -> None:
    """The window starts, stays up for a few seconds, closes cleanly and used only the
    bundle's Python."""
    env = clean_environment(home)
    env["MCDESIGNER_QUIT_AFTER"] = str(WINDOW_SECONDS)
    started = time.monotonic()
    process = subprocess.Popen(
        [str(executable)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    seen: set[str] = set()
    while process.poll() is None and time.monotonic() - started < TIMEOUT:
        seen |= mapped_files(process.pid)
        time.sleep(0.2)
    if process.poll() is None:
        process.kill()
        raise SmokeFailure("the window did not close by itself")
    _out, err = process.communicate()
    if process.returncode != 0:
        raise SmokeFailure(f"the window exited with {process.returncode}:\n{err}")
    if time.monotonic() - started < WINDOW_SECONDS:
        raise SmokeFailure("the window closed before it had been shown for the time asked")
    bundle = str(executable.parent.resolve())
    pythons = sorted(f for f in seen if re.search(r"python3|site-packages|\.cpython-", f))
    if not pythons:
        raise SmokeFailure("no Python library was seen in the running window")
    outside = [f for f in pythons if not f.startswith(bundle)]
    if outside:
        names = ", ".join(outside)
        raise SmokeFailure(f"the window loaded Python from outside the bundle: {names}")
    listed = json.loads(run(executable, ["list", "--json"], env))
    if listed:  # a first start shows the welcome page and creates nothing uninvited
        raise SmokeFailure(f"the first start stored proposals nobody asked for: {listed}")


def check_exports(executable: Path, home: Path, out: Path) -> None:
    """Store the example from the command line and export it as PDF, Word and ELM."""
    env = clean_environment(home)
    version = run(executable, ["--version"], env)
    if __version__ not in version:
        raise SmokeFailure(f"--version says {version!r}, not {__version__}")
    stored = run(executable, ["example"], env)
    found = re.search(r"\(id ([0-9a-f-]{36})\)", stored)
    if found is None:
        raise SmokeFailure(f"`mcdesigner example` printed no id: {stored!r}")
    proposal_id = found.group(1)
    pdf, docx, elm = out / "proposal.pdf", out / "proposal.docx", out / "credential.json"
    run(executable, ["export", proposal_id, "--to", "pdf", "-o", str(pdf)], env)
    run(executable, ["export", proposal_id, "--to", "docx", "-o", str(docx)], env)
    run(executable, ["export", proposal_id, "--to", "elm", "-o", str(elm)], env)
    check_pdf(pdf)
    check_docx(docx)
    check_elm(elm)


def check_pdf(path: Path) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SmokeFailure(f"{path.name} is not a PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if pages < 2:
        raise SmokeFailure(f"{path.name} has {pages} pages; the example fills several")


def check_docx(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            document = archive.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as problem:
        raise SmokeFailure(f"{path.name} is not a Word file: {problem}") from None
    if "INGENIUM" not in document:
        raise SmokeFailure(f"{path.name} does not hold the example's title")


def check_elm(path: Path) -> None:
    try:
        credential = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise SmokeFailure(f"{path.name} is not JSON: {problem}") from None
    if EXAMPLE_TITLE not in json.dumps(credential.get("title", credential), ensure_ascii=False):
        raise SmokeFailure(f"{path.name} does not carry the example's title")


def check_contents(bundle: Path) -> None:
    """No test library and no unused Qt module went into the bundle."""
    unwanted = sorted(
        str(p.relative_to(bundle)) for p in bundle.rglob("*") if FORBIDDEN.search(str(p))
    )
    if unwanted:
        raise SmokeFailure("the bundle holds what it does not need: " + ", ".join(unwanted[:10]))


def start_up_seconds(command: Path, home: Path) -> float:
    """Seconds from launch to the exit of a first start that closes once it is idle."""
    env = clean_environment(home)
    env["MCDESIGNER_QUIT_AFTER"] = "0"
    started = time.perf_counter()
    run(command, [], env)
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def measure(bundle: Path, pip_command: Path, runs: int, scratch: Path) -> dict[str, float]:
    """Interleaved start-up times of the bundle and the pip install, and the bundle's size."""
    timings: dict[str, list[float]] = {"bundle": [], "pip": []}
    for index in range(runs):
        for name, command in (("bundle", bundle / "mcdesigner"), ("pip", pip_command)):
            timings[name].append(start_up_seconds(command, scratch / f"{name}-{index}"))
    archives = sorted((bundle.parent).glob(f"mcdesigner-{__version__}-linux-*.tar.gz"))
    bundle_median = statistics.median(timings["bundle"])
    pip_median = statistics.median(timings["pip"])
    return {
        "size_mib": folder_size(bundle) / 2**20,
        "archive_mib": archives[-1].stat().st_size / 2**20 if archives else 0.0,
        "bundle_s": bundle_median,
        "pip_s": pip_median,
        "ratio": bundle_median / pip_median,
    }


def report(figures: dict[str, float], runs: int) -> str:
    archive = (
        f"; the .tar.gz handed out is {figures['archive_mib']:.0f} MiB"
        if figures["archive_mib"]
        else ""
    )
    return (
        "# Linux bundle (`scripts/smoke_bundle.py`)\n\n"
        f"MC Designer {__version__}, PyInstaller one-folder bundle, {os.cpu_count()} cores.\n\n"
        "| what | result |\n|---|---|\n"
        f"| size of `dist/mcdesigner/` | {figures['size_mib']:.0f} MiB{archive} |\n"
        f"| first start to an idle window and back, median of {runs} | bundle "
        f"{figures['bundle_s']:.2f} s, pip install {figures['pip_s']:.2f} s: "
        f"**{figures['ratio']:.2f} ×** |\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke test and measure the Linux bundle.")
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--pip-command", type=Path, default=PIP_COMMAND)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args(argv)
    if args.build:
        built = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build_bundle.py"), "--package"],
            timeout=1800,
        )
        if built.returncode != 0:
            print("smoke: the bundle could not be built", file=sys.stderr)
            return 1
    executable = args.bundle / "mcdesigner"
    if not executable.is_file():
        print(f"smoke: no bundle at {args.bundle}; run with --build", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="mcd-smoke-") as scratch:
        folder = Path(scratch)
        checks: tuple[tuple[Callable[[], None], str], ...] = (
            (lambda: check_contents(args.bundle), "holds no test library, no unused Qt module"),
            (
                lambda: check_window(executable, folder / "window"),
                f"the window ran {WINDOW_SECONDS:g} s and closed; only the bundle's Python",
            ),
            (
                lambda: check_exports(executable, folder / "cli", folder / "out"),
                "example stored; PDF, Word and ELM exported and checked",
            ),
        )
        (folder / "out").mkdir()
        passed = 0
        for check, name in checks:
            try:
                check()
            except (SmokeFailure, subprocess.TimeoutExpired) as failure:
                print(f"smoke: FAILED: {failure}", file=sys.stderr)
                print(f"bundle: {passed} passed, 1 failed")
                return 1
            passed += 1
            print(f"smoke: ok: {name}")
        if args.runs > 0:
            if not args.pip_command.is_file():
                print(f"smoke: no pip install at {args.pip_command}", file=sys.stderr)
                return 1
            try:
                figures = measure(args.bundle, args.pip_command, args.runs, folder / "timing")
            except (SmokeFailure, subprocess.TimeoutExpired) as failure:
                print(f"smoke: FAILED while timing the start-up: {failure}", file=sys.stderr)
                print(f"bundle: {passed} passed, 1 failed")
                return 1
            text = report(figures, args.runs)
            print(text)
            if args.write:
                RESULTS.write_text(text, encoding="utf-8")
    print(f"bundle: {passed} passed, 0 failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
