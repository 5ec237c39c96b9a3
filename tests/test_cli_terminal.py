"""Nothing the command line prints can control the terminal or forge a line of output.

Proposal ids come from received files and file names from the user's shell; either may
hold escape sequences (colours, OSC window titles, cursor moves), carriage returns, line
breaks or direction overrides. The command line prints them escaped. Titles and other
single-line texts lose their direction overrides on the way in.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest

from mcdesigner.cli import main
from mcdesigner.cli.terminal import for_terminal, one_line
from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.model import Proposal
from mcdesigner.model.hashing import document_hash
from mcdesigner.model.review import Comment
from mcdesigner.storage import Store

# An OSC sequence setting the window title, a colour, a cursor move, a C1 CSI, a carriage
# return and a line break forging a second line of output.
HOSTILE_ID = "ok\x1b]0;owned\x07\x1b[2J\x9b31m\rFAKE\nLINE"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _assert_inert(text: str) -> None:
    assert not RAW_CONTROLS.search(text), repr(text)


def _hostile_file(path: Path) -> Path:
    proposal = Proposal(id=HOSTILE_ID)
    proposal.general.title = "Title\u202e\u2066 reversed\u2069"
    write_proposal_file(path, ProposalBundle(proposal=proposal))
    return path


def test_a_hostile_proposal_id_is_printed_escaped_by_every_command(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file = _hostile_file(tmp_path / "hostile.mcproposal")
    code, out, err = _run(capsys, db_path, "import", str(file))
    assert (code, err) == (0, "")
    _assert_inert(out)
    assert "ok\\u001b]0;owned\\u0007" in out and "\\rFAKE\\nLINE" in out
    assert not any(line.startswith("LINE") for line in out.splitlines())

    code, out, err = _run(capsys, db_path, "list")
    assert (code, err) == (0, "")
    _assert_inert(out)
    assert len(out.splitlines()) == 2  # the header and one proposal

    for command in (["show", "ok"], ["check", "ok"], ["revisions", "ok"], ["status", "ok"]):
        code, out, err = _run(capsys, db_path, *command)
        assert code in (0, 1), (command, err)
        _assert_inert(out + err)
    code, out, err = _run(capsys, db_path, "show", "ok")
    assert "Id: " in out and "\\nLINE" in out

    exported = tmp_path / "again\x1b[31m.mcproposal"
    code, out, err = _run(capsys, db_path, "export-file", "ok", str(exported))
    assert (code, err) == (0, ""), err
    _assert_inert(out)
    assert exported.exists() and "again\\u001b[31m.mcproposal" in out


def test_json_output_stays_valid_and_carries_the_id_unchanged(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _run(capsys, db_path, "import", str(_hostile_file(tmp_path / "hostile.mcproposal")))
    code, out, err = _run(capsys, db_path, "list", "--json")
    assert (code, err) == (0, "")
    _assert_inert(out)
    assert [entry["id"] for entry in json.loads(out)] == [HOSTILE_ID]


def test_titles_lose_their_direction_overrides_on_the_way_in(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    _run(capsys, db_path, "import", str(_hostile_file(tmp_path / "hostile.mcproposal")))
    with Store.open(db_path) as store:
        assert store.get(HOSTILE_ID).general.title == "Title reversed"
    comment = Comment(author="\u202dAna\u202c", body="Right\u202eto left kept in prose")
    assert comment.author == "Ana"
    assert "\u202e" in comment.body


def test_a_right_to_left_title_keeps_its_letters_in_order() -> None:
    proposal = Proposal()
    proposal.general.title = "\u2067تحليل البيانات\u2069"
    assert proposal.general.title == "تحليل البيانات"


@pytest.mark.parametrize(
    "name", ["missing\x1b]0;owned\x07.mcproposal", "two\nlines.mcproposal", "\u202eslx.mcproposal"]
)
def test_a_hostile_file_name_in_an_error_is_one_escaped_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, name: str
) -> None:
    for command in (["import"], ["review-import"], ["check"]):
        code, out, err = _run(capsys, db_path, *command, str(tmp_path / name))
        assert code != 0
        _assert_inert(out + err)
        assert len(err.strip().splitlines()) == 1, err


def test_usage_errors_repeat_what_was_typed_escaped(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, err = _run(capsys, db_path, "list", "--colour\x1b[31m")
    assert code != 0
    _assert_inert(out + err)
    assert "--colour\\u001b[31m" in err
    code, out, err = _run(capsys, db_path, "export", "x", "--to", "\x1b[2Jpdf", "-o", "y")
    assert code != 0
    _assert_inert(out + err)


def test_the_escaping_keeps_ordinary_text_and_marks_what_it_changed() -> None:
    assert for_terminal("Línea 1\n\tÅrhus, Łódź, تحليل") == "Línea 1\n\tÅrhus, Łódź, تحليل"
    assert for_terminal("a\x1bb\x9bc\u202ed\udcffe") == "a\\u001bb\\u009bc\\u202ed\\udcffe"
    assert one_line("two\nlines\tand\rreturn") == "two\\nlines\\tand\\rreturn"


def test_a_file_an_earlier_version_wrote_with_an_override_in_its_title_still_opens(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file = tmp_path / "earlier.mcproposal"
    proposal = Proposal(id="earlier")
    proposal.general.title = "Plain"
    write_proposal_file(file, ProposalBundle(proposal=proposal))
    with zipfile.ZipFile(file) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    raw = json.loads(members["proposal.json"])
    raw["general"]["title"] = "Plain \u202eeman"  # as the earlier version kept it
    members["proposal.json"] = json.dumps(raw).encode("utf-8")
    manifest = json.loads(members["manifest.json"])
    manifest["content_hash"] = document_hash(raw)
    for entry in manifest["members"]:
        entry["size"] = len(members[entry["name"]])
        entry["sha256"] = hashlib.sha256(members[entry["name"]]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(file, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    code, _out, err = _run(capsys, db_path, "import", str(file))
    assert (code, err) == (0, "")
    with Store.open(db_path) as store:
        assert store.get("earlier").general.title == "Plain eman"
