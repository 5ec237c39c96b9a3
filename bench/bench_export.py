"""Benchmark of the Word and PDF exports against converting the Word file with LibreOffice.

Builds a large proposal (the bundled example plus 90 learning outcomes, 60 content units,
60 activities, 90 staff, 300 budget lines, 30 indicators and events and full
self-assessment narratives: about 60 PDF pages), then times, in one run:

* ``build_context`` (the shared document tree);
* the Word export (``export_document(..., fmt="docx")``);
* the PDF export (``export_document(..., fmt="pdf")``);
* the baseline: ``soffice --convert-to pdf`` of the same Word file (warm profile).

Medians of several repetitions are reported as a table with ratios to the baseline,
printed and written to ``bench/results/export.md``. Absolute times vary a lot on a shared
machine; the ratios are what to quote.

Run: ``python bench/bench_export.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from mcdesigner.examples import load_example
from mcdesigner.export import build_context, export_document
from mcdesigner.model.proposal import (
    Assessment,
    ContentUnit,
    EscoSkill,
    ExpenditureLine,
    Indicator,
    LearningActivity,
    LearningOutcome,
    MonitoringEvent,
    Proposal,
    RevenueLine,
    StaffMember,
)

RESULTS = Path(__file__).resolve().parent / "results" / "export.md"
_TEXT = (
    "Participants analyse the regulatory framework, design outcomes at the right level, "
    "document the assessment and explain how the credential is issued and recognised. "
)


def large_proposal() -> Proposal:
    """The example with every list long enough for a document of about 60 pages."""
    p = load_example()
    p.certified.learning_outcomes = [
        LearningOutcome(
            text=f"Outcome {n}: {_TEXT}",
            esco_skills=[
                EscoSkill(label=f"skill {n}.{k}", uri=f"http://data.europa.eu/esco/skill/{n}-{k}")
                for k in range(2)
            ],
        )
        for n in range(90)
    ]
    p.academic.content_units = [
        ContentUnit(title=f"Unit {n}", description=_TEXT * 3, hours=2) for n in range(60)
    ]
    p.academic.activities = [
        LearningActivity(title=f"Activity {n}", description=_TEXT, hours=1.5, taught=n % 2 == 0)
        for n in range(60)
    ]
    ids = [o.id for o in p.certified.learning_outcomes]
    p.academic.assessments = [
        Assessment(title=f"Assessment {n}", weight=5, criteria=_TEXT, outcome_ids=ids[n : n + 3])
        for n in range(20)
    ]
    p.staff = [
        StaffMember(
            name=f"Staff member {n}",
            institution="Universidad de Oviedo",
            email=f"staff{n}@example.org",
            role="teacher",
            affiliation="internal",
            category="Lecturer",
            responsibilities=_TEXT,
            hours=4,
        )
        for n in range(90)
    ]
    p.financial.revenues = [
        RevenueLine(
            description=f"Revenue {n}",
            category="tuition_fees",
            units=n + 1,
            unit_cost=Decimal("25.00"),
        )
        for n in range(80)
    ]
    p.financial.expenditures = [
        ExpenditureLine(
            description=f"Cost {n}", category="materials", units=2, unit_cost=Decimal("12.50")
        )
        for n in range(220)
    ]
    p.quality.indicators = [
        Indicator(name=f"Indicator {n}", target="80 %", data_source="Survey", frequency="annual")
        for n in range(30)
    ]
    p.quality.calendar = [
        MonitoringEvent(
            date=dt.date(2026, 1 + n % 12, 1 + n % 28),
            activity=f"Review {n}",
            responsible="Committee",
        )
        for n in range(30)
    ]
    for entry in p.self_assessment.entries:
        entry.rating = 3
        entry.evidence = _TEXT * 8
        entry.strengths = _TEXT * 2
        entry.weaknesses = _TEXT * 2
        entry.actions = _TEXT * 2
    return p


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
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) is needed for the baseline", file=sys.stderr)
        return 1
    proposal = large_proposal()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docx, pdf = work / "large.docx", work / "large.pdf"
        profile = (work / "profile").as_uri()

        def to_docx() -> object:
            return export_document(proposal, document="proposal", fmt="docx", out=docx)

        def to_pdf() -> object:
            return export_document(proposal, document="proposal", fmt="pdf", out=pdf)

        def libreoffice() -> object:
            return subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "lo"),
                    str(docx),
                ],
                check=True,
                capture_output=True,
            )

        # Warm-up: imports, font registration, LibreOffice profile creation.
        to_docx()
        to_pdf()
        libreoffice()
        timings = {
            "build_context (shared tree)": median_time(
                lambda: build_context(proposal, document="proposal"), args.repeat
            ),
            "Word export (python-docx)": median_time(to_docx, args.repeat),
            "PDF export (reportlab)": median_time(to_pdf, args.repeat),
            "LibreOffice docx → PDF (baseline)": median_time(libreoffice, args.repeat),
        }
        pages = {"pdf": page_count(pdf), "lo": page_count(work / "lo" / "large.pdf")}
    baseline = timings["LibreOffice docx → PDF (baseline)"]
    lines = [
        "# Export benchmark",
        "",
        f"Large proposal: {len(proposal.certified.learning_outcomes)} outcomes, "
        f"{len(proposal.staff)} staff, "
        f"{len(proposal.financial.revenues) + len(proposal.financial.expenditures)} budget lines; "
        f"the PDF export has {pages['pdf']} pages, LibreOffice's PDF of the Word export "
        f"{pages['lo']} pages.",
        f"Median of {args.repeat} runs, in-process (imports already loaded), "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"measured {dt.date.today().isoformat()}.",
        "",
        "| step | time (s) | ratio to LibreOffice |",
        "| --- | ---: | ---: |",
    ]
    for name, seconds in timings.items():
        lines.append(f"| {name} | {seconds:.2f} | {seconds / baseline:.2f} |")
    lines += [
        "",
        "The PDF export lays the document out twice (the second pass prints the page total "
        "in every footer and fills in the table of contents).",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
