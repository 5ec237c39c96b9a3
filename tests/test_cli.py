"""The command line: list, show, import and export-file against a private database."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from mcdesigner.cli import COMMANDS, main
from mcdesigner.exchange import (
    ProposalBundle,
    RevisionEntry,
    read_proposal_file,
    write_proposal_file,
)
from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.edits import SetTranslation, apply_edit
from mcdesigner.model.hashing import content_hash
from mcdesigner.model.proposal import LearningOutcome, StaffMember
from mcdesigner.storage import Store

MOMENT = dt.datetime(2025, 5, 2, 10, 0, tzinfo=dt.UTC)


def make_bundle(proposal_id: str = "5f1d7a2e-0c44-4b8e-9d41-2a7c9e3b6f10") -> ProposalBundle:
    proposal = Proposal(id=proposal_id)
    proposal.general.title = "Data Literacy for Librarians"
    proposal.general.description = "Hands-on course on open data.\nSecond paragraph."
    proposal.certified.learning_outcomes.append(
        LearningOutcome(id="lo-1", text="Clean a messy spreadsheet with open tools.")
    )
    proposal.certified.ects_credits = 2.0
    proposal.staff.append(StaffMember(id="st-1", name="Ingrid Østergaard", hours=10))
    earlier = proposal.model_copy(deep=True)
    earlier.general.title = "Data Literacy (draft)"
    return ProposalBundle(
        proposal=proposal,
        annotations=(
            Annotation(
                id="an-1",
                proposal_id=proposal.id,
                path="general.title",
                comments=[Comment(id="c-1", author="R", body="Fine", created=MOMENT)],
                created=MOMENT,
                updated=MOMENT,
            ),
        ),
        reviews=(
            Review(
                id="rv-1", proposal_id=proposal.id, reviewer="R", summary="Good", updated=MOMENT
            ),
        ),
        revisions=(
            RevisionEntry(
                id="a1b2c3d4e5f60718",
                label="First draft",
                kind="manual",
                created_at=MOMENT,
                content_hash=content_hash(earlier),
                proposal=earlier,
            ),
        ),
    )


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def proposal_file(tmp_path: Path) -> Path:
    path = tmp_path / "incoming.mcproposal"
    write_proposal_file(path, make_bundle())
    return path


@pytest.fixture
def imported(db_path: Path, proposal_file: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(db_path, "import", str(proposal_file)) == 0
    capsys.readouterr()
    return db_path


def test_list_of_an_empty_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_path, "list") == 0
    assert "No proposals yet" in capsys.readouterr().out
    assert run(db_path, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_example_stores_a_new_draft_copy_each_time(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mcdesigner.examples import load_example

    example = load_example()
    assert run(db_path, "example") == 0
    first = capsys.readouterr().out
    assert f"“{example.display_title}”" in first
    assert run(db_path, "example") == 0
    capsys.readouterr()
    assert run(db_path, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 2
    ids = {entry["id"] for entry in listed}
    assert example.id not in ids, "each copy gets a fresh id"
    assert {entry["title"] for entry in listed} == {example.general.title}
    assert {entry["status"] for entry in listed} == {"draft"}
    with Store.open(db_path) as store:
        stored = store.get(next(i for i in ids if f"(id {i})" in first))
    assert stored.certified.learning_outcomes == example.certified.learning_outcomes


def test_import_reports_what_was_imported(
    db_path: Path, proposal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "import", str(proposal_file)) == 0
    out = capsys.readouterr().out
    assert "Imported “Data Literacy for Librarians”" in out
    assert make_bundle().proposal.id in out
    assert "1 comment thread, 1 review, 1 revision" in out


def test_list_shows_the_imported_proposal(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(imported, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "Title", "Status", "Complete", "Last", "change"]
    assert lines[1].startswith("5f1d7a2e ")
    assert "Data Literacy for Librarians" in lines[1]
    assert "draft" in lines[1]
    assert run(imported, "list", "--json") == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["id"] == make_bundle().proposal.id
    assert entry["title"] == "Data Literacy for Librarians"
    assert entry["status"] == "draft"
    assert entry["content_hash"] == content_hash(make_bundle().proposal)


def test_show_prints_every_section(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(imported, "show", "5f1d") == 0
    out = capsys.readouterr().out
    for heading in ("General information", "Certified academic data", "Financial statement"):
        assert heading in out
    assert "Data Literacy for Librarians" in out
    assert "Hands-on course on open data." in out
    assert "Clean a messy spreadsheet with open tools." in out
    assert "Ingrid Østergaard" in out
    assert "Revisions:    2" in out  # the one in the file and the import snapshot
    assert "Comments:     1 thread, 1 open" in out


def test_show_json_is_the_full_document(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(imported, "show", "--json", make_bundle().proposal.id) == 0
    document = json.loads(capsys.readouterr().out)
    expected = make_bundle().proposal
    assert document == expected.model_dump(mode="json")
    assert Proposal.model_validate(document) == expected


def test_export_file_then_reimport_with_replace(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "outgoing.mcproposal"
    assert run(imported, "export-file", "5f1d7a2e", str(out), "--with-revisions") == 0
    # The revision from the file, plus the snapshot the import kept.
    assert "2 revisions" in capsys.readouterr().out
    exported = read_proposal_file(out)
    expected = make_bundle()
    assert exported.proposal == expected.proposal
    assert exported.annotations == expected.annotations
    assert exported.reviews == expected.reviews
    assert [r.proposal for r in exported.revisions][:1] == [r.proposal for r in expected.revisions]
    assert exported.revisions[-1].kind == "import"

    # Importing the same id again needs --replace, and nothing changes without it.
    assert run(imported, "import", str(out)) == 1
    err = capsys.readouterr().err
    assert "already stored" in err and "--replace" in err

    changed = ProposalBundle(proposal=exported.proposal.model_copy(deep=True))
    changed.proposal.general.title = "Data Literacy, second edition"
    write_proposal_file(out, changed)
    assert run(imported, "import", "--replace", str(out)) == 0
    assert "Replaced “Data Literacy, second edition”" in capsys.readouterr().out
    assert run(imported, "show", "--json", "5f1d") == 0
    assert (
        json.loads(capsys.readouterr().out)["general"]["title"] == "Data Literacy, second edition"
    )


def test_export_without_revisions(imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "plain.mcproposal"
    assert run(imported, "export-file", "5f1d", str(out)) == 0
    assert read_proposal_file(out).revisions == ()


def test_bad_file_is_refused_with_a_clear_message(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.mcproposal"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert run(db_path, "import", str(bad)) != 0
    captured = capsys.readouterr()
    assert "broken.mcproposal" in captured.err
    assert "not a zip archive" in captured.err
    assert "Nothing was changed" in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert run(db_path, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unknown_id_is_reported(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(imported, "show", "ffff") == 1
    assert "No proposal has an id starting with “ffff”" in capsys.readouterr().err
    assert run(imported, "export-file", "nope", "x.mcproposal") == 1
    assert "No proposal has an id starting with “nope”" in capsys.readouterr().err


def test_ambiguous_prefix_is_reported(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for suffix in ("1", "2"):
        path = tmp_path / f"p{suffix}.mcproposal"
        write_proposal_file(path, ProposalBundle(proposal=Proposal(id=f"shared-prefix-{suffix}")))
        assert run(db_path, "import", str(path)) == 0
    capsys.readouterr()
    assert run(db_path, "show", "shared") == 1
    err = capsys.readouterr().err
    assert "matches several proposals" in err
    assert "shared-prefix-1" in err and "shared-prefix-2" in err
    assert run(db_path, "show", "shared-prefix-2") == 0


def test_usage_errors_return_a_status(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_path, "show") == 2
    assert "usage" in capsys.readouterr().err
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command.name in out


def test_without_a_command_the_app_is_started_or_explained(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "mcdesigner.app", None)  # makes the import fail
    # Recorded so the variable the command sets for the application is undone afterwards.
    monkeypatch.setenv("MCDESIGNER_DB", "unused")
    assert run(db_path) == 2
    assert "desktop application cannot start" in capsys.readouterr().err
    assert os.environ["MCDESIGNER_DB"] == str(db_path)


def test_command_line_does_not_load_qt() -> None:
    code = (
        "import sys, mcdesigner.cli;"
        "sys.exit(1 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_python_dash_m_runs_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "mcdesigner", "--db", str(db), "list", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_show_prints_numbers_money_and_dates_as_documents_do(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = make_bundle()
    general, certified = bundle.proposal.general, bundle.proposal.certified
    general.currency = "EUR"
    general.fee = Decimal("1250.5")
    general.start_date = dt.date(2026, 5, 10)
    certified.notional_hours = 1200
    path = tmp_path / "numbers.mcproposal"
    write_proposal_file(path, bundle)
    assert run(db_path, "import", str(path)) == 0
    capsys.readouterr()
    assert run(db_path, "show", "5f1d") == 0
    out = capsys.readouterr().out
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert any(line.endswith(": 1,200") for line in lines), out
    assert any(line.endswith(": 2") for line in lines)  # 2.0 ECTS credits
    assert any(line.endswith(": 1,250.50 EUR") for line in lines)
    assert any(line.endswith(": 10 May 2026") for line in lines)
    assert "1200" not in out and "2.0" not in out


def test_show_prints_the_translations_after_the_main_text(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proposal = Proposal(id="b1lingual")
    proposal.languages.further = ["es"]
    proposal.general.title = "Open data for libraries"
    proposal.general.description = "A short course."
    proposal.certified.learning_outcomes = [LearningOutcome(id="lo1", text="Clean a dataset.")]
    apply_edit(proposal, SetTranslation("es", "general.title", "Datos abiertos para bibliotecas"))
    apply_edit(
        proposal,
        SetTranslation(
            "es", "certified.learning_outcomes[lo1].text", "Depurar un conjunto de datos."
        ),
    )
    with Store.open(db_path) as store:
        store.save(proposal)
    assert run(db_path, "show", "b1lingual") == 0
    out = capsys.readouterr().out
    assert "Main language: English" in out and "Further languages: Spanish" in out
    spanish = out[out.index("Translation: Spanish") :]
    assert "Title: Datos abiertos para bibliotecas" in spanish
    assert "Learning outcome 1 › " in spanish and "Depurar un conjunto de datos." in spanish
    assert "(1 text not translated yet)" in spanish  # the description


def test_list_search_keeps_the_proposals_whose_texts_match(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(imported, "list", "--search", "hands-on OPEN dat") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "Data Literacy for Librarians" in lines[1]
    assert run(imported, "list", "--search", "hands-on OPEN dat", "--json") == 0
    assert [e["title"] for e in json.loads(capsys.readouterr().out)] == [
        "Data Literacy for Librarians"
    ]
    assert run(imported, "list", "--search", "xylophone") == 0
    assert capsys.readouterr().out.strip() == "No proposal matches “xylophone”."
    assert run(imported, "list", "--search", "xylophone", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
