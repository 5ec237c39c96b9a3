"""Numbers in exported proposal documents read as a person writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mcdesigner.examples import load_example
from mcdesigner.export import export_document
from mcdesigner.model.proposal import Assessment, ExpenditureLine, LearningActivity, Proposal
from test_export_support import docx_text, pdf_text, squash


def _proposal() -> Proposal:
    p = load_example()
    p.general.currency = "EUR"
    p.general.start_date = dt.date(2026, 5, 10)
    p.certified.ects_credits = 6.0
    p.certified.notional_hours = 1200
    p.academic.assessments = [Assessment(title="Portfolio", weight=40.0)]
    p.academic.activities = [LearningActivity(title="Project work", hours=1200.0)]
    p.financial.expenditures = [
        ExpenditureLine(description="Tutors", units=3, unit_cost=Decimal("1254.17"))
    ]
    return p


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("numbers")
    p = _proposal()
    word = export_document(p, document="proposal", fmt="docx", out=folder / "p.docx")
    pdf = export_document(p, document="proposal", fmt="pdf", out=folder / "p.pdf")
    return {"docx": docx_text(word), "pdf": pdf_text(pdf)}


def _after(lines: list[str], label: str) -> str:
    """The first non-empty line after the line ending in ``label``."""
    start = next(n for n, line in enumerate(lines) if line.endswith(label))
    return next(line for line in lines[start + 1 :] if line.strip())


def test_word_numbers_have_units_group_separators_and_no_needless_decimals(
    texts: dict[str, str],
) -> None:
    lines = texts["docx"].split("\n")
    assert _after(lines, "ECTS credits") == "6"
    assert _after(lines, "Notional learning hours") == "1,200"
    assert _after(lines, "Total hours of the activities") == "1,200"
    assert _after(lines, "Start date") == "10 May 2026"
    weight_row = lines[lines.index("Portfolio") :][:6]
    assert "40%" in weight_row
    assert "1,254.17 EUR" in lines and "3,762.51 EUR" in lines
    assert _after(lines, "Balance") == "-3,762.51 EUR"
    for unformatted in ("40.0", "1200", "6.0"):
        assert unformatted not in texts["docx"]


def test_pdf_numbers_read_the_same(texts: dict[str, str]) -> None:
    flat = squash(texts["pdf"])
    assert "ECTScredits6" in flat
    assert "Notionallearninghours1,200" in flat
    assert "Portfolio" in flat and "40%" in flat
    assert "3,762.51EUR" in flat
    for unformatted in ("40.0", "1200", "6.0"):
        assert unformatted not in flat
