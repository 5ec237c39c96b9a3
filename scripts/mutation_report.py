"""Summarise a mutation-testing run of the core packages as a Markdown report.

Run ``.venv/bin/mutmut run`` first (configured under ``[tool.mutmut]`` in pyproject.toml);
it leaves one ``.meta`` file per mutated module under ``mutants/``. This script reads them
and writes the score of each core package and the surviving mutants to
``bench/results/mutation.md`` (or the path given with ``--out``).

Survivors that change nothing a user could observe (buffer sizes, ``frozen=True`` on
objects nothing mutates, output indentation) are listed in ``bench/mutation_equivalent.toml``
with a reason; they leave the score's denominator and are reported apart.

The score counts a mutant as caught when a test failed, the test run timed out or the type
checker refused it; a mutant no test runs counts as a survivor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = (
    "model",
    "fieldtypes",
    "checks",
    "storage",
    "exchange",
    "export",
    "credential",
    "review",
    "operations",
)

_STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped"}
_STATUS.update({36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout"})
_STATUS.update({37: "caught by type check", -11: "segfault", -9: "segfault"})
_CAUGHT = {"killed", "timeout", "caught by type check", "segfault"}


def status_of(exit_code: int | None) -> str:
    """mutmut's name for a mutant's exit code."""
    if exit_code is None:
        return "not checked"
    return _STATUS.get(exit_code, "suspicious")


def load_equivalent(path: Path) -> dict[str, str]:
    """Mutant keys judged equivalent, with the reason for each."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {entry["key"]: entry["reason"] for entry in data.get("equivalent", [])}


def collect(mutants: Path) -> dict[str, dict[str, str]]:
    """Status of every mutant, by core package, keyed by mutant name."""
    by_package: dict[str, dict[str, str]] = defaultdict(dict)
    for meta in sorted(mutants.glob("src/mcdesigner/*/**/*.py.meta")):
        package = meta.relative_to(mutants / "src" / "mcdesigner").parts[0]
        if package not in CORE:
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        for key, code in data.get("exit_code_by_key", {}).items():
            by_package[package][key] = status_of(code)
    return by_package


def report(by_package: dict[str, dict[str, str]], equivalent: dict[str, str], tree: Path) -> str:
    """The Markdown report: a table of scores, then the survivors by package."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=tree, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Mutation testing of the core packages",
        "",
        f"Run of {dt.date.today().isoformat()} at commit {commit or 'unknown'} with mutmut.",
        "",
        "| package | mutants | caught | survived | not run by any test | equivalent | score |",
        "|---|---|---|---|---|---|---|",
    ]
    totals: Counter[str] = Counter()
    survivors: dict[str, list[str]] = {}
    for package in CORE:
        statuses = by_package.get(package, {})
        counts: Counter[str] = Counter()
        for key, status in statuses.items():
            if key in equivalent:
                counts["equivalent"] += 1
            elif status in _CAUGHT:
                counts["caught"] += 1
            elif status == "no tests":
                counts["no tests"] += 1
                survivors.setdefault(package, []).append(key)
            elif status in ("survived", "suspicious"):
                counts["survived"] += 1
                survivors.setdefault(package, []).append(key)
            else:
                counts["unchecked"] += 1
        counts["mutants"] = len(statuses)
        totals.update(counts)
        lines.append(_row(package, counts))
    lines.append(_row("**all core packages**", totals))
    lines += ["", f"mutation score: {_score(totals)}", ""]
    if totals["unchecked"]:
        lines += [f"{totals['unchecked']} mutants were not checked yet (run unfinished).", ""]
    if equivalent:
        lines += ["## Equivalent mutants", ""]
        lines += [f"- `{key}`: {reason}" for key, reason in sorted(equivalent.items())]
        lines.append("")
    lines += ["## Surviving mutants", "", "Show one with `.venv/bin/mutmut show NAME`.", ""]
    for package, keys in survivors.items():
        lines.append(f"### {package} ({len(keys)})")
        lines.append("")
        lines += [f"- `{key}`" for key in sorted(keys)]
        lines.append("")
    return "\n".join(lines)


def _score(counts: Counter[str]) -> str:
    judged = counts["caught"] + counts["survived"] + counts["no tests"]
    return f"{100 * counts['caught'] / judged:.0f} %" if judged else "n/a"


def _row(name: str, counts: Counter[str]) -> str:
    return (
        f"| {name} | {counts['mutants']} | {counts['caught']} | {counts['survived']} "
        f"| {counts['no tests']} | {counts['equivalent']} | {_score(counts)} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants")
    parser.add_argument("--equivalent", type=Path, default=ROOT / "bench/mutation_equivalent.toml")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/mutation.md")
    args = parser.parse_args(argv)
    by_package = collect(args.mutants)
    if not by_package:
        print(f"no mutation results under {args.mutants}: run `mutmut run` first", file=sys.stderr)
        return 1
    text = report(by_package, load_equivalent(args.equivalent), args.mutants.resolve().parent)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(next(line for line in text.splitlines() if line.startswith("mutation score:")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
