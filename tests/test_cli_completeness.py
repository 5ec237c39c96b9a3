"""The command line computes completeness itself, and takes --db before or after the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcdesigner.checks import readiness
from mcdesigner.cli import main
from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.model import Proposal
from mcdesigner.model.proposal import LearningOutcome


@pytest.fixture
def proposal_file(tmp_path: Path) -> Path:
    proposal = Proposal(id="5f1d7a2e-0c44-4b8e-9d41-2a7c9e3b6f10")
    proposal.general.title = "Data Literacy for Librarians"
    proposal.general.description = "Hands-on course on open data."
    proposal.certified.learning_outcomes.append(LearningOutcome(text="Clean a spreadsheet."))
    path = tmp_path / "incoming.mcproposal"
    write_proposal_file(path, ProposalBundle(proposal=proposal))
    return path


def expected_percent(path: Path) -> str:
    from mcdesigner.exchange import read_proposal_file

    return f"{readiness(read_proposal_file(path).proposal).overall_percent:.0f}%"


def test_import_then_list_shows_the_completeness(
    db_path: Path, proposal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    percent = expected_percent(proposal_file)
    assert percent not in ("0%", "100%")  # a partly filled proposal
    assert main(["--db", str(db_path), "import", str(proposal_file)]) == 0
    assert f"Complete: {percent}" in capsys.readouterr().out
    assert main(["--db", str(db_path), "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert "Complete" in header
    assert "Data Literacy for Librarians" in row
    assert percent in row.split()
    assert "–" not in row
    assert main(["--db", str(db_path), "list", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert f"{entry['completeness']:.0f}%" == percent


def test_db_is_accepted_before_and_after_the_command(
    tmp_path: Path, proposal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before.sqlite3", tmp_path / "after.sqlite3"
    assert main(["--db", str(before), "import", str(proposal_file)]) == 0
    assert main(["list", "--db", str(after)]) == 0
    assert "No proposals yet" in capsys.readouterr().out.splitlines()[-1]
    assert main(["list", "--db", str(before)]) == 0
    assert "Data Literacy for Librarians" in capsys.readouterr().out
    assert main(["import", str(proposal_file), "--db", str(after)]) == 0
    assert main(["--db", str(after), "list"]) == 0
    assert "Data Literacy for Librarians" in capsys.readouterr().out
    # Given in both places, the one after the command wins.
    assert main(["--db", str(tmp_path / "empty.sqlite3"), "list", "--db", str(before)]) == 0
    assert "Data Literacy for Librarians" in capsys.readouterr().out


def test_db_is_listed_in_each_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--help"]) == 0
    assert "--db PATH" in capsys.readouterr().out
