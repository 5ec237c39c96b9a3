"""``mcdesigner export-pack``: several proposals in one committee meeting pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesigner.cli import main
from mcdesigner.examples import load_example
from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.model.proposal import Proposal
from mcdesigner.storage import Store
from test_export_pack import ROBOTS, WATER, made_proposal
from test_export_support import docx_headings


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the packs (the database lives beside it)."""
    made = tmp_path / "packs"
    made.mkdir()
    return made


@pytest.fixture
def library(db_path: Path) -> dict[str, Proposal]:
    """The example and the water proposal stored in the library."""
    stored = {
        "example": load_example(),
        "water": made_proposal(WATER, ects=3, eqf="6", coordinator="Ingrid Østergaard"),
    }
    with Store.open(db_path) as store:
        for proposal in stored.values():
            store.save(proposal)
    return stored


def chapters(path: Path) -> list[str]:
    return [text for level, text in docx_headings(path) if level == 1]


def test_ids_prefixes_and_a_file_become_one_pack_in_the_order_given(
    library: dict[str, Proposal],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    robots_file = tmp_path / "robots.mcproposal"
    write_proposal_file(
        robots_file,
        ProposalBundle(made_proposal(ROBOTS, ects=2, eqf="5", coordinator="Tomás Ruiz")),
    )
    out = tmp_path / "pack.docx"
    code = main(
        [
            "--db",
            str(db_path),
            "export-pack",
            library["water"].id[:8],
            str(robots_file),
            library["example"].id,
            "--to",
            "docx",
            "-o",
            str(out),
            "--title",
            "Academic Board",
            "--date",
            "2026-05-12",
        ]
    )
    assert code == 0
    assert f"Wrote {out}." in capsys.readouterr().out
    assert chapters(out) == ["Agenda", WATER, ROBOTS, library["example"].general.title]


def test_pdf_pack_in_spanish(library: dict[str, Proposal], db_path: Path, tmp_path: Path) -> None:
    from test_export_support import pdf_outline

    out = tmp_path / "paquete.pdf"
    ids = [library["example"].id, library["water"].id]
    code = main(
        ["--db", str(db_path), "export-pack", *ids, "--to", "pdf", "-o", str(out), "--lang", "es"]
    )
    assert code == 0
    outline = pdf_outline(out)
    assert [title for depth, title in outline if depth == 1][1:] == [
        library["example"].general.title,
        WATER,
    ]
    assert (2, "Informe de completitud") in outline


def test_an_unknown_id_is_named_and_nothing_is_written(
    library: dict[str, Proposal],
    db_path: Path,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = folder / "pack.pdf"
    code = main(
        [
            "--db",
            str(db_path),
            "export-pack",
            library["water"].id,
            "zzz9",
            "--to",
            "pdf",
            "-o",
            str(out),
        ]
    )
    assert code == 1
    assert "zzz9" in capsys.readouterr().err
    assert not list(folder.iterdir())


def test_a_proposal_that_fails_is_named_and_no_file_is_left(
    library: dict[str, Proposal],
    db_path: Path,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import mcdesigner.export.pack as pack
    from mcdesigner.export.context import build_context

    def failing(proposal: Proposal, **kwargs: object) -> object:
        if proposal.general.title == WATER:
            raise RuntimeError("no room for the budget table")
        return build_context(proposal, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pack, "build_context", failing)
    out = folder / "pack.pdf"
    ids = [library["example"].id, library["water"].id]
    code = main(["--db", str(db_path), "export-pack", *ids, "--to", "pdf", "-o", str(out)])
    assert code == 1
    message = capsys.readouterr().err
    assert f"“{WATER}” could not be added to the pack" in message
    assert "no room for the budget table" in message
    assert not list(folder.iterdir())


@pytest.mark.parametrize("date", ["12/05/2026", "2026-13-01", "tomorrow"])
def test_a_date_that_is_not_iso_is_refused(
    library: dict[str, Proposal],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    date: str,
) -> None:
    out = tmp_path / "pack.pdf"
    code = main(
        [
            "--db",
            str(db_path),
            "export-pack",
            library["water"].id,
            "--to",
            "pdf",
            "-o",
            str(out),
            "--date",
            date,
        ]
    )
    assert code == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not out.exists()


def test_the_command_is_listed_with_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-pack", "--help"]) == 0
    shown = capsys.readouterr().out
    for option in ("--to", "--title", "--date", "--lang", "-o"):
        assert option in shown
