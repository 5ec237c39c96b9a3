"""Exported Word and PDF documents show every value of the proposal, in both formats alike."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from mcdesigner.export import FORMATS, DocumentKind, Format, build_context, export_document
from mcdesigner.export.formatting import has_rtl
from mcdesigner.formdefs import default_forms, path_label
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.standards import ESG_PART_1, RATING_SCALE
from strategies import proposals
from test_export_support import (
    ARABIC,
    UNICODE_NAMES,
    docx_headings,
    docx_text,
    every_value,
    pdf_outline,
    pdf_text,
    rich_proposal,
    sample_reviews,
    squash,
)


@pytest.fixture(scope="module")
def rich() -> Proposal:
    return rich_proposal()


@pytest.fixture(scope="module")
def proposal_files(rich: Proposal, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("proposal")
    return {
        fmt: export_document(rich, document="proposal", fmt=fmt, out=folder / f"p.{fmt}")
        for fmt in ("docx", "pdf")
    }


@functools.cache
def _font_characters() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFont

    from mcdesigner.paths import resources_dir

    font = TTFont("coverage", str(resources_dir() / "fonts" / "DejaVuSans.ttf"))
    return frozenset(font.face.charToGlyph)


def _pdf_checkable(value: str) -> bool:
    """Text extraction can find this value in a PDF.

    Right-to-left text is drawn shaped (other code points than stored; it is checked
    through the Word file instead). Letters the embedded font lacks (Chinese, Korean...)
    print as empty boxes and cannot be extracted again, and reportlab writes no valid text
    mapping for characters beyond U+FFFF (drawn, but not extractable).
    """
    covered = _font_characters()
    return not has_rtl(value) and all(
        (ord(ch) in covered and ord(ch) <= 0xFFFF) or ch.isspace() for ch in value
    )


def _missing(p: Proposal, text: str, *, pdf: bool = False) -> list[tuple[str, str]]:
    haystack = squash(text)
    return [
        (path, value)
        for path, value in every_value(p)
        if (not pdf or _pdf_checkable(value)) and squash(value) not in haystack
    ]


def test_word_proposal_shows_every_field_value(
    rich: Proposal, proposal_files: dict[str, Path]
) -> None:
    assert _missing(rich, docx_text(proposal_files["docx"])) == []


def test_pdf_proposal_shows_every_field_value(
    rich: Proposal, proposal_files: dict[str, Path]
) -> None:
    assert _missing(rich, pdf_text(proposal_files["pdf"]), pdf=True) == []


def test_values_checked_cover_every_section(rich: Proposal) -> None:
    sections = {path.split(".")[0].split("[")[0] for path, _ in every_value(rich)}
    assert sections == {
        "general",
        "languages",
        "certified",
        "rights",
        "academic",
        "staff",
        "financial",
        "quality",
        "self_assessment",
    }


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_unicode_names_and_computed_totals(proposal_files: dict[str, Path], fmt: str) -> None:
    text = docx_text(proposal_files[fmt]) if fmt == "docx" else pdf_text(proposal_files[fmt])
    flat = squash(text)
    for name in UNICODE_NAMES:
        assert name in text
    # Revenue 50 x 25.00; expenditure 20 x 60.50 + 300; balance -260.00.
    assert "1,250.00EUR" in flat
    assert "1,510.00EUR" in flat
    assert "-260.00EUR" in flat
    # Activities, staff and assessment weights are added up.
    assert "21.5" in flat  # staff hours 12.5 + 6 + 3
    assert "Learningoutcome1Learningoutcome2" in flat


def test_arabic_is_kept_logically_in_word_and_shaped_in_pdf(
    proposal_files: dict[str, Path],
) -> None:
    import arabic_reshaper
    from bidi import get_display

    assert ARABIC in docx_text(proposal_files["docx"])
    shaped = arabic_reshaper.reshape(ARABIC)
    # Shaped means contextual presentation forms, not the isolated letters.
    assert all("\ufe70" <= ch <= "\ufeff" for ch in shaped)
    pdf = pdf_text(proposal_files["pdf"])
    # Text extraction may give the glyphs in display order or put them back in reading order.
    assert shaped in pdf or get_display(shaped) in pdf
    assert ARABIC not in pdf  # the unshaped letters are never drawn


def test_word_arabic_paragraph_is_marked_right_to_left(proposal_files: dict[str, Path]) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(proposal_files["docx"]))
    runs = [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if ARABIC in run.text
    ]
    assert runs
    r_pr = runs[0]._r.rPr
    assert r_pr.find(qn("w:rtl")) is not None
    assert r_pr.rFonts.get(qn("w:cs"))
    paragraph = runs[0]._parent
    assert paragraph._p.pPr.find(qn("w:bidi")) is not None


def test_credential_fields_are_marked(proposal_files: dict[str, Path]) -> None:
    for text in (docx_text(proposal_files["docx"]), pdf_text(proposal_files["pdf"])):
        assert "◆ marks information that goes onto the digital credential" in text
        assert "◆ Title" in text or "◆Title" in text


def test_word_headings_use_heading_styles_and_match_pdf_bookmarks(
    rich: Proposal, proposal_files: dict[str, Path]
) -> None:
    context = build_context(rich, document="proposal")
    expected = [(h.level, h.text) for h in context.headings()]
    assert docx_headings(proposal_files["docx"]) == expected
    assert pdf_outline(proposal_files["pdf"]) == expected
    assert expected[0] == (1, "General information")


@pytest.mark.parametrize("document", ["self-assessment", "dossier"])
def test_both_formats_have_the_same_headings(
    rich: Proposal, tmp_path: Path, document: DocumentKind
) -> None:
    from mcdesigner.checks import readiness, run

    annotations, reviews = sample_reviews(rich)
    issues = run(rich)
    context = build_context(
        rich,
        document=document,
        issues=issues,
        readiness=readiness(rich, issues),
        annotations=annotations,
        reviews=reviews,
    )
    expected = [(h.level, h.text) for h in context.headings()]
    files = {
        fmt: export_document(
            rich,
            document=document,
            fmt=fmt,
            out=tmp_path / f"h.{fmt}",
            annotations=annotations,
            reviews=reviews,
        )
        for fmt in FORMATS
    }
    assert docx_headings(files["docx"]) == pdf_outline(files["pdf"])
    assert [text for _, text in pdf_outline(files["pdf"])] == [text for _, text in expected]


def test_pdf_pages_say_page_x_of_n(proposal_files: dict[str, Path]) -> None:
    from pypdf import PdfReader

    pages = PdfReader(str(proposal_files["pdf"])).pages
    total = len(pages)
    assert total > 3
    assert f"Page 1 of {total}" in (pages[0].extract_text() or "")
    assert f"Page {total} of {total}" in (pages[-1].extract_text() or "")


def test_word_footer_has_page_and_numpages_fields(proposal_files: dict[str, Path]) -> None:
    import docx

    footer = docx.Document(str(proposal_files["docx"])).sections[0].footer._element.xml
    assert 'w:instr=" PAGE "' in footer
    assert 'w:instr=" NUMPAGES "' in footer


def test_word_tables_have_fixed_widths_and_repeated_headers(
    proposal_files: dict[str, Path],
) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(proposal_files["docx"]))
    data_tables = [t for t in document.tables if t.rows[0]._tr.trPr is not None]
    assert data_tables
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert all(width > 0 for width in grid)
        assert 9000 < sum(grid) < 9700  # twentieths of a point: 17 cm of text width
    first_row = data_tables[0].rows[0]._tr
    assert first_row.trPr is not None
    assert first_row.trPr.find(qn("w:tblHeader")) is not None


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_self_assessment_report(rich: Proposal, tmp_path: Path, fmt: Format) -> None:
    out = export_document(rich, document="self-assessment", fmt=fmt, out=tmp_path / f"s.{fmt}")
    text = docx_text(out) if fmt == "docx" else pdf_text(out)
    flat = squash(text)
    for info in ESG_PART_1:
        assert squash(f"ESG {info.number} {info.title}") in flat
    for label in RATING_SCALE.values():
        assert squash(label) in flat
    for entry in rich.self_assessment.entries:
        for value in (entry.evidence, entry.strengths, entry.weaknesses, entry.actions):
            assert squash(value) in flat
    # Evidence drawn from the proposal: staff for 1.5, indicators for 1.7.
    assert squash("Cărțiș Ionescu") in flat
    assert squash("Completion rate") in flat


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_dossier_has_cover_contents_checks_and_reviews(
    rich: Proposal, tmp_path: Path, fmt: Format
) -> None:
    from mcdesigner.checks import run

    annotations, reviews = sample_reviews(rich)
    out = export_document(
        rich,
        document="dossier",
        fmt=fmt,
        out=tmp_path / f"d.{fmt}",
        annotations=annotations,
        reviews=reviews,
    )
    text = docx_text(out) if fmt == "docx" else pdf_text(out)
    flat = squash(text)
    for expected in (
        "Committee dossier",
        "Contents",
        "Completeness report",
        "Overall readiness",
        "Self-assessment report",
        "Reviewers' annotations",
        "Rubric scores",
        "Use an action verb <b>here</b>.",
        "Łucja Nowak",
        "2 May 2026, 09:30 UTC",
        "Approve with changes",
        "Solid proposal; fix the budget.",
        "Dr. Мария Иванова",
        "Learning outcome 1 › Outcome — Open",
    ):
        assert squash(expected) in flat, expected
    issues = run(rich)
    assert issues, "the rich proposal still has something to report"
    forms = default_forms()
    for issue in issues:
        if fmt == "docx" or not has_rtl(issue.message):
            assert squash(issue.message) in flat
        # The Field column names the field as the editor does, not by its path.
        assert squash(path_label(forms, issue.path, rich)) in flat, issue.path
    if fmt == "pdf":
        outline = [title for _, title in pdf_outline(out)]
        assert outline[:2] == ["The proposal", "General information"]
        assert "Completeness report" in outline
        assert "Rubric scores" in outline
    else:
        assert (1, "Completeness report") in docx_headings(out)


@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(p=proposals())
def test_generated_proposals_show_every_value(p: Proposal, tmp_path: Path) -> None:
    for fmt in ("docx", "pdf"):
        out = export_document(p, document="proposal", fmt=fmt, out=tmp_path / f"g.{fmt}")
        text = docx_text(out) if fmt == "docx" else pdf_text(out)
        assert _missing(p, text, pdf=fmt == "pdf") == [], fmt
