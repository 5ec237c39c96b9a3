"""Benchmark of the committee meeting pack against exporting the same dossiers one by one.

Twenty proposals the size of the bundled example (each a copy with its own title, two
reviews and a comment thread) are written, in one run:

* as 20 separate committee dossiers (``export_document(..., document="dossier")``, each
  with its completeness checks), the baseline;
* as one pack of the 20 (``export_pack``: the checks, the agenda, one table of contents,
  the 20 dossiers).

Both in Word and in PDF. The pack must not cost more than the separate exports together
(ratio at most 1). The two are timed in turns, by the processor time of this process (the
work is single-threaded; on a busy shared machine the wall-clock time says more about the
neighbours than about the export). Medians of several repetitions are printed and written
to ``bench/results/pack.md``; the ratios are what to quote.

Run: ``python bench/bench_pack.py [--repeat N] [--proposals N]``
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

from mcdesigner.examples import load_example
from mcdesigner.export import export_document
from mcdesigner.export.pack import PackInfo, PackProposal, export_pack
from mcdesigner.model.base import new_proposal_id
from mcdesigner.model.review import Annotation, Comment, CriterionScore, Review

RESULTS = Path(__file__).resolve().parent / "results" / "pack.md"


def proposals(count: int) -> list[PackProposal]:
    """``count`` copies of the example, each with its own id, title and reviews."""
    parts = []
    for number in range(1, count + 1):
        proposal = load_example()
        proposal.id = new_proposal_id()
        proposal.general.title = f"{proposal.general.title} ({number})"
        reviews = tuple(
            Review(
                proposal_id=proposal.id,
                reviewer=reviewer,
                recommendation=recommendation,
                scores=[CriterionScore(criterion_id="alignment", score=3 + n % 2)],
                summary="Clear outcomes; the budget needs a second look.",
            )
            for n, (reviewer, recommendation) in enumerate(
                (("Ana", "approve"), ("Luis", "approve_with_changes"))
            )
        )
        annotations = (
            Annotation(
                proposal_id=proposal.id,
                path="general.title",
                comments=[Comment(author="Ana", body="A shorter title would print better.")],
            ),
        )
        parts.append(PackProposal(proposal, annotations, reviews))
    return parts


def cpu_time(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def median_times(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median processor time of each, the two run in turns so both see the same machine."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        times[0].append(cpu_time(first))
        times[1].append(cpu_time(second))
    return statistics.median(times[0]), statistics.median(times[1])


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--proposals", type=int, default=20)
    args = parser.parse_args()
    parts = proposals(args.proposals)
    info = PackInfo("Academic Board", dt.date(2026, 5, 12))
    rows = []
    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for fmt in ("docx", "pdf"):

            def separate(fmt: str = fmt) -> object:
                for number, part in enumerate(parts):
                    export_document(
                        part.proposal,
                        document="dossier",
                        fmt=fmt,  # type: ignore[arg-type]
                        out=work / f"dossier-{number}.{fmt}",
                        annotations=part.annotations,
                        reviews=part.reviews,
                    )
                return None

            def pack(fmt: str = fmt) -> object:
                return export_pack(parts, info, fmt=fmt, out=work / f"pack.{fmt}")  # type: ignore[arg-type]

            separate()  # warm-up: imports, fonts, templates
            pack()
            alone, together = median_times(separate, pack, args.repeat)
            rows.append((fmt, alone, together))
        pages["pack"] = page_count(work / "pack.pdf")
        pages["dossiers"] = sum(page_count(work / f"dossier-{n}.pdf") for n in range(len(parts)))
    names = {"docx": "Word", "pdf": "PDF"}
    lines = [
        "# Committee pack benchmark",
        "",
        f"{len(parts)} proposals the size of the bundled example, each with two reviews and a "
        f"comment thread: the separate dossiers have {pages['dossiers']} PDF pages together, "
        f"the pack {pages['pack']} (its cover, contents and agenda included).",
        f"Median processor time of {args.repeat} runs taken in turns, in-process (imports "
        "already loaded), "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"measured {dt.date.today().isoformat()}.",
        "",
        f"| format | {len(parts)} separate dossiers (s) | one pack (s) | pack ÷ separate |",
        "| --- | ---: | ---: | ---: |",
    ]
    for fmt, alone, together in rows:
        lines.append(f"| {names[fmt]} | {alone:.2f} | {together:.2f} | {together / alone:.2f} |")
    worst = max(together / alone for _fmt, alone, together in rows)
    verdict = "holds" if worst <= 1 else "FAILS"
    lines += [
        "",
        f"The pack costs at most {worst:.2f} × the separate exports together: the goal (at "
        f"most 1) {verdict}. Both run the completeness checks of every proposal; the PDF of "
        "each is laid out until its page total and contents are stable.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return 0 if worst <= 1 else 1


if __name__ == "__main__":
    sys.exit(main())
