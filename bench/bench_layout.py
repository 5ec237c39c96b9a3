"""Benchmark of the PDF layout's worst cases: texts built to make line breaking expensive.

Each case is a proposal whose 15 long-text fields (description, rationale, methodology,
...) hold 50,000 characters each, the most a field takes, written as a proposal file
(``.mcproposal``) and exported as the proposal PDF from that file through the command
line's code path (``export FILE --document proposal --to pdf``):

* one 50,000-letter word per field (the file is about 7 KB);
* words of 199 letters, each wider than a table cell;
* 500 lines of one 99-letter word each;
* 50,000 Arabic letters without a space (shaped and laid out right to left);
* the baseline: ordinary prose of the same length (words of 2 to 12 letters).

Medians of several repetitions are reported with the file size, the page count and the
ratio to the baseline, printed and written to ``bench/results/layout.md``. The limit the
tests hold is 10 s for each case on this machine.

Run: ``python bench/bench_layout.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mcdesigner.exchange import ProposalBundle, read_proposal_file, write_proposal_file
from mcdesigner.export import export_document
from mcdesigner.model import Proposal
from mcdesigner.model.fieldpath import shape_of
from mcdesigner.model.text import LONG_TEXT_MAX

RESULTS = Path(__file__).resolve().parent / "results" / "layout.md"
_PROSE = "Participants analyse the framework and design outcomes at the right level. "


def long_text_fields(model: BaseModel) -> list[tuple[BaseModel, str]]:
    """Every long-text field of ``model`` outside lists, depth first."""
    found: list[tuple[BaseModel, str]] = []
    for name, info in type(model).model_fields.items():
        shape = shape_of(info.annotation, list(info.metadata))
        value: Any = getattr(model, name)
        if shape.kind == "longtext":
            found.append((model, name))
        elif shape.kind == "object" and isinstance(value, BaseModel):
            found.extend(long_text_fields(value))
    return found


def filled(text: str) -> Proposal:
    """A proposal with ``text`` in each of its first 15 long-text fields."""
    proposal = Proposal(id="layout-worst-case")
    proposal.general.title = "Layout worst case"
    for model, name in long_text_fields(proposal)[:15]:
        setattr(model, name, text[:LONG_TEXT_MAX].strip())
    return proposal


CASES: dict[str, str] = {
    "one 50,000-letter word per field": "a" * LONG_TEXT_MAX,
    "words of 199 letters": " ".join(["b" * 199] * 250),
    "500 lines of a 99-letter word": "\n".join(["c" * 99] * 500),
    "50,000 Arabic letters, no space": "\u0628" * LONG_TEXT_MAX,
    "ordinary prose (baseline)": _PROSE * (LONG_TEXT_MAX // len(_PROSE) + 1),
}
BASELINE = "ordinary prose (baseline)"


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, int, int, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # Warm-up: imports and font registration.
        export_document(filled("warm up"), document="proposal", fmt="pdf", out=work / "w.pdf")
        for name, text in CASES.items():
            source = work / "case.mcproposal"
            write_proposal_file(source, ProposalBundle(proposal=filled(text)))
            pdf = work / "case.pdf"

            def export(source: Path = source, pdf: Path = pdf) -> object:
                proposal = read_proposal_file(source).proposal
                return export_document(proposal, document="proposal", fmt="pdf", out=pdf)

            seconds = median_time(export, args.repeat)
            rows.append((name, source.stat().st_size, page_count(pdf), seconds))
    baseline = next(seconds for name, _size, _pages, seconds in rows if name == BASELINE)
    lines = [
        "# PDF layout worst cases",
        "",
        "15 long-text fields of 50,000 characters each, exported as the proposal PDF from the "
        "proposal file.",
        f"Median of {args.repeat} runs, in-process (imports already loaded), "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"measured {dt.date.today().isoformat()}.",
        "",
        "| text in each field | file (KB) | pages | time (s) | ratio to prose |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, size, pages, seconds in rows:
        lines.append(
            f"| {name} | {size / 1024:.1f} | {pages} | {seconds:.2f} | {seconds / baseline:.2f} |"
        )
    lines += [
        "",
        "A word wider than its line is cut between letters without a hyphen; the lines of a "
        "long text are broken once per width and split between pages without being broken "
        "again. Before this, the first case took 147 s from the command line on the same "
        "machine (measured once, 2026-12-08); it now takes about 2 s there.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
