"""The committee meeting pack: three proposals in one PDF and one Word document.

The example and two proposals made here go into a pack; the PDF is read back with
``pdftotext`` and pypdf, the Word file with python-docx.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from mcdesigner.examples import load_example
from mcdesigner.export import FORMATS, ExportError
from mcdesigner.export.pack import PackInfo, PackProposal, export_pack
from mcdesigner.model.proposal import LearningOutcome, Proposal, StaffMember
from mcdesigner.model.review import CriterionScore, Review
from test_export_support import docx_headings, docx_text, squash

WATER = "Water Management for Municipal Engineers"
ROBOTS = "Robotics in Primary Schools"
EXAMPLE = load_example().general.title

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def made_proposal(title: str, *, ects: float, eqf: str, coordinator: str) -> Proposal:
    proposal = Proposal()
    proposal.general.title = title
    proposal.general.description = f"What {title} teaches."
    proposal.certified.ects_credits = ects
    proposal.certified.eqf_level = f"http://data.europa.eu/snb/eqf/{eqf}"
    proposal.certified.learning_outcomes.append(
        LearningOutcome(text="Design a monitoring plan for a small network.")
    )
    proposal.staff.append(StaffMember(name=coordinator, role="coordinator", hours=10))
    return proposal


def pack_parts() -> list[PackProposal]:
    water = made_proposal(WATER, ects=3, eqf="6", coordinator="Ingrid Østergaard")
    robots = made_proposal(ROBOTS, ects=2, eqf="5", coordinator="Tomás Ruiz")
    reviews = (
        Review(
            proposal_id=water.id,
            reviewer="Ana",
            recommendation="approve",
            scores=[CriterionScore(criterion_id="alignment", score=4)],
        ),
        Review(
            proposal_id=water.id,
            reviewer="Luis",
            recommendation="approve_with_changes",
            scores=[CriterionScore(criterion_id="alignment", score=3)],
        ),
    )
    return [
        PackProposal(load_example()),
        PackProposal(water, reviews=reviews),
        PackProposal(robots),
    ]


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pack")
    info = PackInfo("Academic Board, May meeting", dt.date(2026, 5, 12))
    return {
        fmt: export_pack(pack_parts(), info, fmt=fmt, out=folder / f"pack.{fmt}") for fmt in FORMATS
    }


def pdf_pages(path: Path) -> list[str]:
    """The text of each page as ``pdftotext`` reads it (running header and footer included)."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.split("\f")[:-1]


def positions(text: str, titles: list[str]) -> list[int]:
    flat = squash(text)
    return [flat.find(squash(title)) for title in titles]


@needs_pdftotext
def test_pdf_agenda_and_body_follow_the_agenda_order(packs: dict[str, Path]) -> None:
    pages = pdf_pages(packs["pdf"])
    titles = [EXAMPLE, WATER, ROBOTS]
    agenda = next(n for n, page in enumerate(pages) if "Agenda" in page and "Readiness" in page)
    found = positions(pages[agenda], titles)
    assert -1 not in found, "every proposal has its row in the agenda"
    assert found == sorted(found)
    for expected in ("Ingrid Østergaard", "Tomás Ruiz", "Level 6", "Level 5", "Approve (1)"):
        assert squash(expected) in squash(pages[agenda]), expected
    assert squash("Mean score: 3.5") in squash(pages[agenda])
    # Each proposal's dossier starts on a page of its own, in agenda order, and every page
    # of it names the proposal in its header.
    starts = [
        next(n for n in range(agenda + 1, len(pages)) if squash(t) in squash(pages[n]))
        for t in titles
    ]
    assert starts == sorted(starts) and len(set(starts)) == 3
    for number, title in enumerate(titles):
        end = starts[number + 1] if number + 1 < len(titles) else len(pages)
        for page in pages[starts[number] : end]:
            assert page.strip().splitlines()[0].startswith(title[:30]), page[:80]
    body = "".join(pages[starts[0] :])
    assert squash("Completeness report") in squash(body)


@needs_pdftotext
def test_pdf_pages_say_page_x_of_the_whole_pack(packs: dict[str, Path]) -> None:
    pages = pdf_pages(packs["pdf"])
    total = len(pages)
    assert total > 10
    for number in (1, total // 2, total):
        assert f"Page {number} of {total}" in pages[number - 1]
    cover = pages[0]
    assert "Committee meeting pack" in cover
    assert squash("Academic Board, May meeting") in squash(cover)
    assert "12 May 2026" in cover


def test_pdf_bookmarks_go_from_each_proposal_to_its_sections(packs: dict[str, Path]) -> None:
    from pypdf import PdfReader

    outline = PdfReader(str(packs["pdf"])).outline
    top = [str(item.title) for item in outline if not isinstance(item, list)]
    assert top == ["Agenda", EXAMPLE, WATER, ROBOTS]
    for title in (EXAMPLE, WATER, ROBOTS):
        position = next(
            n
            for n, item in enumerate(outline)
            if not isinstance(item, list) and item.title == title
        )
        children = outline[position + 1]
        assert isinstance(children, list)
        names = [str(c.title) for c in children if not isinstance(c, list)]
        assert names[:3] == ["The proposal", "Completeness report", "Self-assessment report"]


def test_word_pack_has_the_agenda_the_parts_and_a_header_per_proposal(
    packs: dict[str, Path],
) -> None:
    import docx

    titles = [EXAMPLE, WATER, ROBOTS]
    headings = docx_headings(packs["docx"])
    assert [text for level, text in headings if level == 1] == ["Agenda", *titles]
    document = docx.Document(str(packs["docx"]))
    agenda = document.tables[1]  # the cover's facts come first
    assert [row.cells[1].text for row in agenda.rows[1:]] == titles
    assert "Ingrid Østergaard" in agenda.rows[2].cells[2].text
    headers = [" ".join(p.text for p in s.header.paragraphs) for s in document.sections]
    assert len(headers) == 4
    assert "Academic Board, May meeting" in headers[0]
    for header, title in zip(headers[1:], titles, strict=True):
        assert title in header and "Committee meeting pack" in header
    text = squash(docx_text(packs["docx"]))
    assert squash("Table of contents") in text and squash("12 May 2026") in text


def test_a_failing_proposal_is_named_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mcdesigner.export.pack as pack
    from mcdesigner.export.context import build_context as real

    parts = pack_parts()

    def failing(proposal: Proposal, **kwargs: object) -> object:
        if proposal.general.title == WATER:
            raise ValueError("the budget cannot be read")
        return real(proposal, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pack, "build_context", failing)
    existing = tmp_path / "pack.pdf"
    existing.write_bytes(b"the previous pack")
    for fmt, target in (("pdf", existing), ("docx", tmp_path / "new.docx")):
        with pytest.raises(ExportError) as raised:
            export_pack(parts, PackInfo("Board"), fmt=fmt, out=target)  # type: ignore[arg-type]
        assert WATER in str(raised.value) and "the budget cannot be read" in str(raised.value)
    assert existing.read_bytes() == b"the previous pack"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_an_empty_pack_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="at least one proposal"):
        export_pack([], PackInfo("Board"), fmt="pdf", out=tmp_path / "pack.pdf")
    parts = pack_parts()[1:]
    with pytest.raises(ExportError, match="is a folder"):
        export_pack(parts, PackInfo("Board"), fmt="pdf", out=tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        export_pack(parts, PackInfo("Board"), fmt="docx", out=tmp_path / "gone" / "pack.docx")
    assert not list(tmp_path.iterdir())


def test_progress_names_each_proposal_in_turn(tmp_path: Path) -> None:
    messages: list[tuple[int, str]] = []
    export_pack(
        pack_parts()[1:],
        PackInfo("Board"),
        fmt="docx",
        out=tmp_path / "pack.docx",
        progress=lambda percent, message: messages.append((percent, message)),
    )
    named = [m for _p, m in messages if WATER in m or ROBOTS in m]
    assert named[0].startswith("Checking") and WATER in named[0]
    assert any(ROBOTS in m and "2 of 2" in m for m in named)
    percents = [p for p, _m in messages]
    assert percents == sorted(percents) and percents[-1] == 100


def test_the_pack_in_spanish(tmp_path: Path) -> None:
    from mcdesigner.operations.pack import export_pack as export_in_language
    from mcdesigner.operations.settings import check_settings
    from mcdesigner.settings import Preferences

    out = export_in_language(
        pack_parts()[1:],
        title="Junta de Facultad",
        meeting_date=dt.date(2026, 5, 12),
        fmt="docx",
        out=tmp_path / "paquete.docx",
        settings=check_settings(Preferences(), None),
        language="es",
        institution="Universidad de Oviedo",
    )
    text = squash(docx_text(out))
    assert squash("Universidad de Oviedo") in text
    assert squash("12 de mayo de 2026") in text
    assert squash("Informe de completitud") in text


@pytest.mark.slow
@needs_pdftotext
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_each_proposal_under_its_own_header(
    packs: dict[str, Path], tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    assert soffice is not None
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(packs["docx"]),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    converted = tmp_path / "pack.pdf"
    assert converted.is_file()  # soffice exits 0 even when it fails
    pages = pdf_pages(converted)
    titles = [EXAMPLE, WATER, ROBOTS]
    first_lines = [page.strip().splitlines()[0] if page.strip() else "" for page in pages]
    # Each proposal's pages follow one another, headed by its title, in agenda order.
    headed = [
        next(t for t in titles if line.startswith(t[:30]))
        for line in first_lines
        if any(line.startswith(t[:30]) for t in titles)
    ]
    assert headed == sorted(headed, key=titles.index)
    assert set(headed) == set(titles)
    assert f"of {len(pages)}" in pages[-1]


def test_the_pack_carries_the_institution_profile(tmp_path: Path) -> None:
    """With an institution profile, the cover names the institution and every proposal's
    header shows its logo."""
    import zipfile

    from mcdesigner.checks import CheckSettings
    from mcdesigner.examples import new_from_example
    from mcdesigner.export.pack import PackProposal
    from mcdesigner.operations.pack import export_pack
    from mcdesigner.profiles import install_profile
    from test_profiles import png

    source = tmp_path / "profile"
    source.mkdir()
    (source / "profile.toml").write_text(
        '[institution]\nname = "Universidad de Oviedo"\nlogo = "logo.png"\n', encoding="utf-8"
    )
    (source / "logo.png").write_bytes(png(30, 10))
    install_profile(source)
    first, second = new_from_example(), new_from_example()
    second.general.title = "Second proposal"
    out = export_pack(
        [PackProposal(first), PackProposal(second)],
        title="Comisión de títulos",
        meeting_date=None,
        fmt="docx",
        out=tmp_path / "pack.docx",
        settings=CheckSettings(),
    )
    with zipfile.ZipFile(out) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        headers = [n for n in archive.namelist() if n.startswith("word/header")]
        with_logo = [n for n in headers if n.endswith(".xml") and b"<a:blip" in archive.read(n)]
    assert "Universidad de Oviedo" in body
    assert len(with_logo) >= 2  # the template's header and each proposal's
