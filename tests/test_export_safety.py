"""Hostile or odd input never breaks an export, and a failed export leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from mcdesigner.export import ExportError, build_context, export_document
from mcdesigner.export.blocks import Table
from mcdesigner.export.pdf_layout import load_layout
from mcdesigner.formatting import formatter
from mcdesigner.model.proposal import ContentUnit, Proposal, StaffMember
from test_export_support import MARKUP, docx_text, pdf_text, squash


def _both(p: Proposal, folder: Path, document: str = "proposal") -> dict[str, str]:
    texts = {}
    for fmt in ("docx", "pdf"):
        out = export_document(p, document=document, fmt=fmt, out=folder / f"x.{fmt}")  # type: ignore[arg-type]
        texts[fmt] = docx_text(out) if fmt == "docx" else pdf_text(out)
    return texts


def test_markup_in_user_text_is_printed_literally(tmp_path: Path) -> None:
    p = Proposal()
    p.general.title = MARKUP[0]
    p.general.description = "\n".join(MARKUP)
    p.staff = [StaffMember(name=MARKUP[2], responsibilities=MARKUP[3])]
    for fmt, text in _both(p, tmp_path).items():
        for value in MARKUP:
            assert squash(value) in squash(text), (fmt, value)
    raw = (tmp_path / "x.pdf").read_bytes()
    assert b"/Subtype /Image" not in raw  # no image pulled in from the user's disk
    assert b"/URI" not in raw  # no link, let alone a javascript: one


def test_control_characters_that_slip_past_the_model_are_removed(tmp_path: Path) -> None:
    p = Proposal()
    # Bypass validation, as a damaged store or a future bug might.
    p.general.__dict__["title"] = "Bad\x00 title\x0b with\x1b controls\ufffe"
    p.general.__dict__["description"] = "line\x0cone\ud800"
    for text in _both(p, tmp_path).values():
        assert "Bad title with controls" in text
        assert "lineone" in text


def test_a_huge_cell_flows_across_pages(tmp_path: Path) -> None:
    from pypdf import PdfReader

    words = " ".join(f"word{n}" for n in range(2_900))  # about 20,000 characters
    unbroken = "x" * 20_000
    p = Proposal()
    p.academic.content_units = [
        ContentUnit(title="Huge", description=words, hours=3),
        ContentUnit(title="Unbroken", description=unbroken, hours=2),
    ]
    p.general.description = words
    texts = _both(p, tmp_path)
    # The table's header row is repeated on each page the long row flows onto.
    headers = [
        squash("".join(b.columns))
        for b in build_context(p, document="proposal").blocks
        if isinstance(b, Table)
    ]
    for fmt, text in texts.items():
        flat = squash(text)
        for header in headers:
            flat = flat.replace(header, "")
        assert squash(words) in flat, fmt
        # The unbroken word wraps inside its cell; other cells of the row (its hours) are
        # read between its lines, so count its characters instead.
        assert sum(len(run) for run in re.findall("x{20,}", flat)) == len(unbroken), fmt
    assert len(PdfReader(str(tmp_path / "x.pdf")).pages) > 6


@pytest.mark.parametrize("document", ["proposal", "self-assessment", "dossier"])
def test_an_empty_proposal_exports(tmp_path: Path, document: str) -> None:
    texts = _both(Proposal(), tmp_path, document)
    for text in texts.values():
        assert "Untitled proposal" in text
        assert "Not provided" in text or "Not rated" in text


def test_a_failed_export_leaves_nothing_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mcdesigner.export.pdf_renderer as pdf_renderer

    target = tmp_path / "dossier.pdf"
    target.write_bytes(b"previous version")

    def broken(context: object, out: Path, **kwargs: object) -> None:
        out.write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pdf_renderer, "render_pdf", broken)
    with pytest.raises(ExportError, match="disk on fire"):
        export_document(Proposal(), document="proposal", fmt="pdf", out=target)
    assert target.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.pdf"]


def test_bad_requests_get_clear_messages(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_document(Proposal(), document="proposal", fmt="pdf", out=tmp_path / "no" / "x.pdf")
    with pytest.raises(ExportError, match="is a folder"):
        export_document(Proposal(), document="proposal", fmt="pdf", out=tmp_path)
    with pytest.raises(ExportError, match="Unknown document"):
        export_document(Proposal(), document="memo", fmt="pdf", out=tmp_path / "x.pdf")  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="Unknown format"):
        export_document(Proposal(), document="proposal", fmt="odt", out=tmp_path / "x.odt")  # type: ignore[arg-type]


def test_progress_is_reported_up_to_done(tmp_path: Path) -> None:
    seen: list[tuple[int, str]] = []
    export_document(
        Proposal(),
        document="dossier",
        fmt="pdf",
        out=tmp_path / "d.pdf",
        progress=lambda percent, message: seen.append((percent, message)),
    )
    percents = [p for p, _ in seen]
    assert percents == sorted(percents)
    assert seen[-1] == (100, "Done")
    assert any("Checking" in m for _, m in seen)


def test_importing_export_does_not_load_the_document_libraries() -> None:
    code = (
        "import sys, mcdesigner.export; "
        "print(sorted(m for m in ('docx', 'reportlab', 'pypdf') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_broken_layout_file_names_the_setting(tmp_path: Path) -> None:
    from mcdesigner.paths import templates_dir

    text = (templates_dir() / "pdf_layout.toml").read_text(encoding="utf-8")
    broken = tmp_path / "pdf_layout.toml"
    broken.write_text(text.replace('heading = "#1F4E79"', 'heading = "navy"'), encoding="utf-8")
    with pytest.raises(ExportError, match=r"\[colours\] heading"):
        load_layout(broken)
    broken.write_text("[page\n", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot be read"):
        load_layout(broken)


def test_a_damaged_word_template_gives_a_message(tmp_path: Path) -> None:
    from mcdesigner.export.docx_renderer import render_docx

    template = tmp_path / "base.docx"
    template.write_bytes(b"not a zip")
    context = build_context(Proposal(), document="proposal")
    with pytest.raises(ExportError, match="Word template"):
        render_docx(context, tmp_path / "out.docx", template=template)


def test_display_formats() -> None:
    fmt = formatter()
    assert fmt.date(dt.date(2026, 5, 10)) == "10 May 2026"
    assert fmt.money(Decimal("1250"), "EUR") == "1,250.00 EUR"
    assert fmt.number(12.0) == "12"
    assert fmt.number(12.5) == "12.5"
    assert fmt.number(1200) == "1,200"


def test_budget_tables_add_up(tmp_path: Path) -> None:
    from mcdesigner.model.proposal import ExpenditureLine, RevenueLine

    p = Proposal()
    p.financial.revenues = [RevenueLine(description="Fees", units=10, unit_cost=Decimal("99.99"))]
    p.financial.expenditures = [
        ExpenditureLine(description="Rooms", units=2, unit_cost=Decimal("500")),
        ExpenditureLine(description="Tea", units=3, unit_cost=Decimal("0.5")),
    ]
    context = build_context(p, document="proposal")
    tables = [b for b in context.blocks if isinstance(b, Table) and b.totals_row]
    totals = [t.totals_row for t in tables if t.totals_row is not None]
    assert ("Total", "", "", "", "999.90 EUR") in [tuple(t) for t in totals]
    assert ("Total", "", "", "", "1,001.50 EUR") in [tuple(t) for t in totals]
    flat = squash(_both(p, tmp_path)["pdf"])
    assert squash("-1.60 EUR") in flat  # balance


def test_the_shipped_font_covers_the_scripts_we_promise() -> None:
    import arabic_reshaper
    from reportlab.pdfbase.ttfonts import TTFont

    from mcdesigner.paths import resources_dir

    folder = resources_dir() / "fonts"
    assert (folder / "LICENSE-DejaVu.txt").is_file()
    sample = "Cărțiș Łódź Αθήνα Москва القاهرة ◆ € —" + arabic_reshaper.reshape("القاهرة")
    for face in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        covered = TTFont("probe", str(folder / face)).face.charToGlyph
        assert [ch for ch in sample if ch != " " and ord(ch) not in covered] == [], face
