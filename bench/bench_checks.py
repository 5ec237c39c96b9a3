"""Benchmark of the completeness checks on a large proposal.

Builds a proposal far bigger than a real one (100 learning outcomes, 60 staff, 400 budget
lines, 50 activities and 50 assessments), then times ``mcdesigner.checks.run`` and
``check`` (run + readiness) against two baselines measured in the same run: one frame of
the editor (16 ms) and ``proposal.model_dump()`` of the same proposal. The bundled example
is timed the same way. Medians of many repetitions are reported, because the machine is
noisy.

Run: ``python bench/bench_checks.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from mcdesigner.checks import check, run
from mcdesigner.examples import load_example
from mcdesigner.model.proposal import (
    AcademicDescription,
    Assessment,
    CertifiedData,
    ExpenditureLine,
    FinancialStatement,
    GeneralInformation,
    Indicator,
    LearningActivity,
    LearningOutcome,
    Proposal,
    QualityAssurance,
    RevenueLine,
    StaffMember,
)

FRAME_SECONDS = 0.016
_VERBS = ("Analyse", "Know", "Design and document", "Critically evaluate", "Understand", "Apply")


def large_proposal() -> Proposal:
    """A proposal with every list far longer than in practice, and some issues in each."""
    outcomes = [
        LearningOutcome(
            id=f"lo{n}",
            text=f"LO{n}. {_VERBS[n % len(_VERBS)]} the regulatory framework number {n}"
            " relevant to micro-credentials, in the context of joint programmes.",
        )
        for n in range(100)
    ]
    activities = [
        LearningActivity(id=f"act{n}", title=f"Activity {n}", hours=1.5, taught=n % 2 == 0)
        for n in range(50)
    ]
    assessments = [
        Assessment(
            id=f"as{n}",
            title=f"Assessment {n}",
            weight=2.0 if n % 7 else None,
            outcome_ids=[f"lo{n}", f"lo{n + 50}"],
        )
        for n in range(50)
    ]
    roles = ("coordinator", "teacher", "tutor", "support", "administrative")
    staff = [
        StaffMember(
            id=f"st{n}",
            name=f"Person {n}" if n % 11 else "",
            email=f"person{n}@example.org" if n % 5 else "",
            role=roles[n % len(roles)],
            hours=2.0,
        )
        for n in range(60)
    ]
    revenues = [
        RevenueLine(
            id=f"rev{n}",
            description=f"Income {n}",
            category="tuition_fees" if n % 2 else "public_funding",
            units=10,
            unit_cost=Decimal("100.00"),
        )
        for n in range(200)
    ]
    expenditures = [
        ExpenditureLine(
            id=f"exp{n}",
            description=f"Cost {n}",
            category="materials" if n % 9 else None,
            units=3 if n % 13 else None,
            unit_cost=Decimal("350.00"),
        )
        for n in range(200)
    ]
    return Proposal(
        general=GeneralInformation(
            title="A very large micro-credential",
            start_date=dt.date(2026, 5, 10),
            end_date=dt.date(2026, 6, 30),
            application_deadline=dt.date(2026, 5, 1),
            places=100,
            max_places_per_institution=10,
            fee=Decimal("90.00"),
        ),
        certified=CertifiedData(
            learning_outcomes=outcomes,
            ects_credits=3,
            notional_hours=80,
            eqf_level="http://data.europa.eu/snb/eqf/6",
        ),
        academic=AcademicDescription(activities=activities, assessments=assessments),
        staff=staff,
        financial=FinancialStatement(revenues=revenues, expenditures=expenditures),
        quality=QualityAssurance(
            responsible_body="Quality committee",
            indicators=[Indicator(id=f"ind{n}", name=f"Indicator {n}") for n in range(20)],
        ),
    )


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` calls (after one warm-up call)."""
    action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed calls per measurement")
    args = parser.parse_args()
    proposal = large_proposal()
    issues = run(proposal)
    dump = median_seconds(proposal.model_dump, args.repeat)
    checks = median_seconds(lambda: run(proposal), args.repeat)
    full = median_seconds(lambda: check(proposal), args.repeat)
    example = load_example()
    example_dump = median_seconds(example.model_dump, args.repeat)
    example_check = median_seconds(lambda: check(example), args.repeat)
    print(f"large proposal: {len(issues)} issues")
    print(f"baseline model_dump():    {dump * 1000:8.3f} ms")
    for name, seconds in (("run()", checks), ("check() with readiness", full)):
        print(
            f"{name:<25} {seconds * 1000:8.3f} ms = {seconds / FRAME_SECONDS:5.2f} frames"
            f" of 16 ms = {seconds / dump:5.2f} x model_dump()"
        )
    print(
        f"bundled example, check(): {example_check * 1000:8.3f} ms ="
        f" {example_check / FRAME_SECONDS:5.2f} frames ="
        f" {example_check / example_dump:5.2f} x its model_dump()"
    )


if __name__ == "__main__":
    main()
