"""Exports write only regular files: a device, a named pipe or a socket given as the file to
write is refused with a message and left as it was; a symbolic link is written through
(the file it points to replaced, the link kept) only with ``--force``."""

from __future__ import annotations

import os
import socket
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mcdesigner.atomicfile import UnsafeTarget, atomic_write_bytes, checked_target
from mcdesigner.cli import main
from mcdesigner.exchange import read_proposal_file
from mcdesigner.model import Proposal
from mcdesigner.settings import Preferences, save_preferences
from mcdesigner.storage import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")

PROPOSAL_ID = "targets-proposal"


@pytest.fixture
def library(db_path: Path) -> Path:
    proposal = Proposal(id=PROPOSAL_ID)
    proposal.general.title = "Where exports go"
    with Store.open(db_path) as store:
        store.save(proposal)
    return db_path


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "listening.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def _device(path: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # the same device as /dev/null
    return path


EXPORTS: dict[str, Callable[[Path], list[str]]] = {
    "export-file": lambda out: ["export-file", PROPOSAL_ID, str(out)],
    "pdf": lambda out: [
        "export",
        PROPOSAL_ID,
        "--document",
        "proposal",
        "--to",
        "pdf",
        "-o",
        str(out),
    ],
    "docx": lambda out: [
        "export",
        PROPOSAL_ID,
        "--document",
        "proposal",
        "--to",
        "docx",
        "-o",
        str(out),
    ],
    "ob3": lambda out: ["export", PROPOSAL_ID, "--to", "ob3", "-o", str(out)],
    "review": lambda out: ["review-export", PROPOSAL_ID, str(out), "--reviewer", "Ana"],
}


@pytest.mark.parametrize("command", sorted(EXPORTS))
@pytest.mark.parametrize("special", ["fifo", "device"])
def test_an_export_onto_a_special_file_is_refused_and_leaves_it_as_it_was(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path, command: str, special: str
) -> None:
    target = tmp_path / "target"
    made = _fifo(target) if special == "fifo" else _device(target)
    kind = stat.S_IFMT(os.lstat(made).st_mode)
    code, out, err = _run(capsys, library, *EXPORTS[command](made))
    assert code != 0 and out == ""
    expected = "named pipe (FIFO)" if special == "fifo" else "device"
    assert f"it is a {expected}, not a file" in err, err
    assert len(err.strip().splitlines()) == 1 and "Unexpected" not in err
    assert stat.S_IFMT(os.lstat(made).st_mode) == kind  # still the pipe or the device
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_socket_is_not_replaced_by_an_export(
    capsys: pytest.CaptureFixture[str], library: Path, unix_socket: Path
) -> None:
    code, _out, err = _run(capsys, library, *EXPORTS["export-file"](unix_socket))
    assert code != 0 and "it is a socket, not a file" in err
    assert stat.S_ISSOCK(os.lstat(unix_socket).st_mode)


@pytest.mark.parametrize("command", sorted(EXPORTS))
def test_a_symbolic_link_is_written_through_only_with_force(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path, command: str
) -> None:
    real = tmp_path / "elsewhere" / "kept.bin"
    real.parent.mkdir()
    real.write_bytes(b"the user's own file")
    link = tmp_path / "link.out"
    link.symlink_to(real)
    code, out, err = _run(capsys, library, *EXPORTS[command](link))
    assert code != 0 and out == ""
    assert "symbolic link" in err and "--force" in err, err
    assert link.is_symlink() and real.read_bytes() == b"the user's own file"

    code, out, err = _run(capsys, library, *EXPORTS[command](link), "--force")
    assert (code, err) == (0, ""), err
    assert link.is_symlink() and link.resolve() == real  # the link itself is kept
    assert real.read_bytes() != b"the user's own file"
    if command == "export-file":
        assert read_proposal_file(link).proposal.id == PROPOSAL_ID
    assert sorted(p.name for p in real.parent.iterdir()) == ["kept.bin"]


def test_a_link_to_a_device_is_refused_even_with_force(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    pipe = _fifo(tmp_path / "pipe")
    link = tmp_path / "link.mcproposal"
    link.symlink_to(pipe)
    code, _out, err = _run(capsys, library, *EXPORTS["export-file"](link), "--force")
    assert code != 0 and "named pipe" in err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_dangling_link_with_force_creates_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "new.txt")
    with pytest.raises(UnsafeTarget):
        atomic_write_bytes(link, b"x")
    atomic_write_bytes(link, b"x", through_link=True)
    assert link.is_symlink() and (tmp_path / "new.txt").read_bytes() == b"x"


def test_a_linked_preferences_file_stays_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "dotfiles" / "preferences.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    (config / "preferences.json").symlink_to(real)
    save_preferences(Preferences(user_name="Ana"), config / "preferences.json")
    assert (config / "preferences.json").is_symlink()
    assert '"user_name": "Ana"' in real.read_text(encoding="utf-8")


def test_regular_files_and_new_names_are_written_as_before(tmp_path: Path) -> None:
    assert checked_target(tmp_path / "new.pdf") == tmp_path / "new.pdf"
    existing = tmp_path / "old.pdf"
    existing.write_bytes(b"old")
    assert checked_target(existing) == existing
    assert checked_target(tmp_path / "missing" / "x.pdf") == tmp_path / "missing" / "x.pdf"
