"""Command line: check, export, status, review files, revisions and compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcdesigner.cli import main
from mcdesigner.examples import load_example
from mcdesigner.model import Annotation, Comment
from mcdesigner.operations.files import export_proposal_file
from mcdesigner.storage import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    with Store.open(path) as store:
        store.save(load_example())
    return path


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_check_lists_issues_and_fails_when_not_ready(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "check", "example") == 1
    out = capsys.readouterr().out
    assert "know" in out.lower()  # the vague verb of LO3
    assert "Annex I" in out
    # Fields read as on the forms, numbered in the proposal, with the path after them.
    assert "Learning outcome 3 › Outcome (certified.learning_outcomes[lo3].text)" in out


def test_check_json_names_rules_and_paths(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "check", "example", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    issues = data["issues"]
    vague = [i for i in issues if i["rule"] == "outcome.vague-verb"]
    assert [i["path"] for i in vague] == ["certified.learning_outcomes[lo3].text"]
    assert data["ready"] is False


def test_check_a_received_file_without_importing_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    received = tmp_path / "received.mcproposal"
    with Store.open(db) as store:
        export_proposal_file(store, "example-ingenium-mc-framework", received)
    other_db = tmp_path / "empty.sqlite3"
    assert run(other_db, "check", str(received)) == 1
    assert "know" in capsys.readouterr().out.lower()
    with Store.open(other_db) as store:
        assert store.list_proposals() == []


@pytest.mark.parametrize(
    ("to", "suffix"), [("docx", ".docx"), ("pdf", ".pdf"), ("elm", ".jsonld"), ("ob3", ".json")]
)
def test_export_writes_each_format(db: Path, tmp_path: Path, to: str, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    assert run(db, "export", "example", "--to", to, "-o", str(target)) == 0
    data = target.read_bytes()
    assert len(data) > 500
    if to == "pdf":
        assert data.startswith(b"%PDF")
    elif to == "docx":
        assert data.startswith(b"PK")
    else:
        assert "Towards INGENIUM" in json.dumps(json.loads(data), ensure_ascii=False)


def test_export_into_a_missing_folder_fails_cleanly(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.pdf"
    assert run(db, "export", "example", "--to", "pdf", "-o", str(target)) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not target.exists()


def test_submission_refused_while_errors_remain(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "status", "example", "submitted", "--by", "Ana") == 1
    assert "cannot be submitted" in capsys.readouterr().err
    assert run(db, "status", "example") == 0
    assert "Status: draft" in capsys.readouterr().out


def test_status_history_is_recorded(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import mcdesigner.operations.workflow as workflow

    monkeypatch.setattr(workflow, "run", lambda proposal, settings=None: [])
    assert run(db, "status", "example", "submitted", "--by", "Ana", "--note", "first round") == 0
    assert run(db, "status", "example", "in_review", "--by", "Committee") == 0
    capsys.readouterr()
    assert run(db, "status", "example") == 0
    out = capsys.readouterr().out
    assert "Status: in review" in out
    assert "draft → submitted  by Ana  (first round)" in out
    assert "submitted → in review  by Committee" in out
    assert run(db, "revisions", "example") == 0
    assert "submit" in capsys.readouterr().out


def test_review_files_round_trip(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db) as store:
        store.save_annotation(
            Annotation(
                proposal_id="example-ingenium-mc-framework",
                path="certified.learning_outcomes[lo3].text",
                comments=[Comment(author="Bo", body="Use an observable verb.")],
            )
        )
    review = tmp_path / "bo.mcreview"
    assert run(db, "review-export", "example", str(review), "--reviewer", "Bo") == 0
    assert run(db, "review-import", str(review)) == 0
    assert "0 new, 0 updated, 1 already there" in capsys.readouterr().out


def test_revisions_and_compare(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "revisions", "example", "--save", "Before edits") == 0
    capsys.readouterr()
    with Store.open(db) as store:
        proposal = store.get("example-ingenium-mc-framework")
        proposal.certified.learning_outcomes[2].text = "Select the digital tools that fit a task."
        store.save(proposal, expected_hash=store.get_hash(proposal.id))
        (revision,) = store.list_revisions(proposal.id)
    assert run(db, "compare", "example", revision.id[:8]) == 0
    out = capsys.readouterr().out
    assert "~ " in out and "certified.learning_outcomes[lo3].text" in out


def test_compare_names_the_language_of_a_changed_translation(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "revisions", "example", "--save", "Before edits") == 0
    with Store.open(db) as store:
        proposal = store.get("example-ingenium-mc-framework")
        path = "certified.learning_outcomes[lo3].text"
        assert proposal.translations["es"][path]
        proposal.translations["es"][path] = "Seleccionar las herramientas digitales adecuadas."
        store.save(proposal, expected_hash=store.get_hash(proposal.id))
        (revision,) = store.list_revisions(proposal.id)
    capsys.readouterr()
    assert run(db, "compare", "example", revision.id[:8]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"~ Outcome (Spanish)  [{path}]"]


def test_rules_lists_the_catalogue(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db, "rules") == 0
    out = capsys.readouterr().out
    assert "outcome.vague-verb" in out and "ESG" in out


def test_compare_speaks_the_language_of_the_messages(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "revisions", "example", "--save", "Before edits") == 0
    with Store.open(db) as store:
        proposal = store.get("example-ingenium-mc-framework")
        path = "certified.learning_outcomes[lo3].text"
        proposal.translations["es"][path] = "Seleccionar las herramientas digitales adecuadas."
        store.save(proposal, expected_hash=store.get_hash(proposal.id))
        (revision,) = store.list_revisions(proposal.id)
    capsys.readouterr()
    assert run(db, "--lang", "es", "compare", "example", revision.id[:8]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("~ ") and "(español)" in line and "Outcome" not in line
