"""The PDF layout's cost stays proportional to the text, whatever the text is.

A word wider than its line wraps between letters without a hyphen, and a long text is
broken into lines once per width: a 50,000-letter word in a table cell no longer makes
reportlab measure it letter by letter on every page it flows over.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from reportlab.pdfbase.ttfonts import TTFont

from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.export import export_document
from mcdesigner.export.pdf_text import register_fonts
from mcdesigner.export.pdf_wrap import break_lines
from mcdesigner.model import Proposal
from mcdesigner.model.fieldpath import shape_of
from mcdesigner.model.text import LONG_TEXT_MAX


def _long_text_fields(model: BaseModel) -> list[tuple[BaseModel, str]]:
    found: list[tuple[BaseModel, str]] = []
    for name, info in type(model).model_fields.items():
        shape = shape_of(info.annotation, list(info.metadata))
        value: Any = getattr(model, name)
        if shape.kind == "longtext":
            found.append((model, name))
        elif shape.kind == "object" and isinstance(value, BaseModel):
            found.extend(_long_text_fields(value))
    return found


def filled(text: str) -> Proposal:
    """A proposal with ``text`` in each of its first 15 long-text fields."""
    proposal = Proposal(id="layout-worst-case")
    for model, name in _long_text_fields(proposal)[:15]:
        setattr(model, name, text)
    return proposal


FONTS = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def test_an_unbreakable_word_is_cut_between_letters_within_the_width() -> None:
    font = register_fonts(FONTS).regular
    word = "Donaudampfschifffahrtsgesellschaftskapitän" * 40
    lines = break_lines(f"before {word} after", font, 9, 120.0)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(line, font, 9) <= 120.0 for line, _sep in lines)
    assert "".join(line + sep for line, sep in lines) == f"before {word} after"
    assert lines[0] == ("before", " ")  # the long word starts a line of its own
    assert not any(line.endswith("-") for line, _sep in lines)


def test_a_twenty_thousand_letter_word_is_printed_whole_and_measured_by_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured = 0
    real = TTFont.stringWidth

    def counting(self: TTFont, text: str, size: float, encoding: str = "utf8") -> float:
        nonlocal measured
        measured += 1
        return float(real(self, text, size, encoding))

    monkeypatch.setattr(TTFont, "stringWidth", counting)
    proposal = Proposal()
    letters = 20_000
    proposal.general.description = "z" * letters
    out = tmp_path / "word.pdf"
    export_document(proposal, document="proposal", fmt="pdf", out=out)
    text = _pdf_text(out)
    assert sum(len(run) for run in re.findall("z+", text)) == letters
    assert "-" not in "".join(re.findall(r"z[-\s]*z", text))  # no hyphen where it wraps
    # reportlab measured such a word letter by letter for every page it flowed over (a
    # million measurements and more); it is now measured by the line.
    assert measured < letters, measured


def test_a_long_right_to_left_word_wraps_in_display_order(tmp_path: Path) -> None:
    proposal = Proposal()
    proposal.general.description = "\u0628" * 2_000  # Arabic beh, shaped as it joins
    out = tmp_path / "rtl.pdf"
    export_document(proposal, document="proposal", fmt="pdf", out=out)
    assert len(re.findall("[\ufe8f-\ufe92\u0628]", _pdf_text(out))) == 2_000


@pytest.mark.slow
def test_the_seven_kilobyte_worst_case_exports_in_under_ten_seconds(tmp_path: Path) -> None:
    source = tmp_path / "worst.mcproposal"
    write_proposal_file(source, ProposalBundle(proposal=filled("a" * LONG_TEXT_MAX)))
    assert source.stat().st_size < 8_000
    from mcdesigner.cli import main

    start = time.perf_counter()
    out = tmp_path / "worst.pdf"
    code = main(["export", str(source), "--document", "proposal", "--to", "pdf", "-o", str(out)])
    seconds = time.perf_counter() - start
    assert code == 0
    assert seconds < 10, f"{seconds:.1f} s"
