"""Killed exports and imports leave nothing behind.

An export writes ``.NAME.<pid>.<random>.part`` beside its target and renames it into
place. The file is removed on every exit the process survives (an error, Ctrl+C, SIGTERM);
one left by a SIGKILL is removed by the next export to the same target. An import is one
transaction, its "Imported from" revision included, so a kill leaves all of it or none.
Set ``MCDESIGNER_CRASH_SEED`` to replay the slow runs.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import mcdesigner.storage.importing as importing_module
from mcdesigner.atomicfile import STALE_TEMP_SECONDS, sweep_leftovers
from mcdesigner.cli import main
from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.model import Proposal
from mcdesigner.storage import Store, StoreError
from mcdesigner.storage.sql import insert_revision

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

PROPOSAL_ID = "leftovers-proposal"
FORMATS = ("pdf", "docx")


def _proposal() -> Proposal:
    proposal = Proposal(id=PROPOSAL_ID)
    proposal.general.title = "Nothing left behind"
    proposal.general.description = "A short proposal. " * 40
    return proposal


@pytest.fixture
def library(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.save(_proposal())
    return db_path


def _export_args(db: Path, fmt: str, out: Path) -> list[str]:
    if fmt == "mcproposal":
        return ["--db", str(db), "export-file", PROPOSAL_ID, str(out)]
    document = ["--document", "proposal", "--to", fmt, "-o", str(out)]
    return ["--db", str(db), "export", PROPOSAL_ID, *document]


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# The child stops inside the write, once the temporary file exists, until it is signalled.
_STALLED_EXPORT = textwrap.dedent(
    """
    import os, sys, time
    import mcdesigner.atomicfile as atomicfile
    from mcdesigner.cli import main

    real_fsync = os.fsync
    def stalled_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
    os.fsync = stalled_fsync
    sys.exit(main(sys.argv[1:]))
    """
)


def _stalled_child(args: list[str]) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _STALLED_EXPORT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    return child


@pytest.mark.parametrize(
    "fmt",
    [
        "pdf",
        pytest.param("docx", marks=pytest.mark.slow),
        pytest.param("mcproposal", marks=pytest.mark.slow),
    ],
)
def test_a_killed_export_leaves_a_part_file_that_the_next_export_removes(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path, fmt: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"proposal.{fmt}"
    child = _stalled_child(_export_args(library, fmt, target))
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    (left,) = _parts(out_dir)
    assert left.startswith(f".proposal.{fmt}.{child.pid}.")
    assert not target.exists()

    assert main(_export_args(library, fmt, target)) == 0
    assert _parts(out_dir) == []
    assert sorted(p.name for p in out_dir.iterdir()) == [target.name]


def test_a_terminated_export_removes_its_part_file_and_says_it_stopped(
    library: Path, tmp_path: Path
) -> None:
    target = tmp_path / "proposal.pdf"
    child = _stalled_child(_export_args(library, "pdf", target))
    os.kill(child.pid, signal.SIGTERM)
    _out, err = child.communicate(timeout=30)
    assert child.returncode == 128 + signal.SIGTERM
    assert err.strip() == "Stopped."
    assert _parts(tmp_path) == [] and not target.exists()


def test_the_sweep_keeps_running_writers_and_names_it_did_not_make(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = tmp_path / f".report.pdf.{sleeper.pid}.abcd1234.part"
        mine_now = tmp_path / f".report.pdf.{os.getpid()}.abcd1234.part"
        gone = subprocess.Popen([sys.executable, "-c", "pass"])
        gone.wait()
        abandoned = tmp_path / f".report.pdf.{gone.pid}.zz99_x1y.part"
        earlier_fresh = tmp_path / ".report.pdf.k2j4h5g6.part"
        earlier_stale = tmp_path / ".report.pdf.q1w2e3r4.part"
        foreign = [
            tmp_path / ".report.pdf.notes.part",  # not a name this app makes
            tmp_path / f".report.pdf.old.{gone.pid}.abcd1234.part",
            tmp_path / f".other.pdf.{gone.pid}.abcd1234.part",  # another target's
            tmp_path / "report.pdf.part",
        ]
        for path in (running, mine_now, abandoned, earlier_fresh, earlier_stale, *foreign):
            path.write_bytes(b"half")
        stale = time.time() - STALE_TEMP_SECONDS - 60
        os.utime(earlier_stale, (stale, stale))
        folder_link = tmp_path / f".report.pdf.{gone.pid}.link0000.part"
        folder_link.mkdir()  # not a file: never removed

        assert sorted(sweep_leftovers(target)) == sorted([abandoned, earlier_stale])
        for kept in (running, mine_now, earlier_fresh, *foreign, folder_link):
            assert kept.exists(), kept
    finally:
        sleeper.kill()
        sleeper.wait()


def test_an_interrupted_import_revision_rolls_the_whole_import_back(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file = tmp_path / "incoming.mcproposal"
    write_proposal_file(file, ProposalBundle(proposal=_proposal()))

    def failing_insert(
        conn: sqlite3.Connection,
        values: tuple[str, str, str, str, str, str, str],
        *,
        replace: bool = False,
    ) -> None:
        if values[3] == "import":
            raise sqlite3.OperationalError("disk I/O error")
        insert_revision(conn, values, replace=replace)

    monkeypatch.setattr(importing_module, "insert_revision", failing_insert)
    assert main(["--db", str(db_path), "import", str(file)]) != 0
    with Store.open(db_path) as store:
        assert store.list_proposals(include_deleted=True) == []


# The child imports, stopping after the proposal is committed if a second step follows.
_IMPORT_WITH_GAP = textwrap.dedent(
    """
    import sys, time
    from mcdesigner.cli import main
    from mcdesigner.storage import Store

    real_add = Store.add_revision
    def add_revision(self, *args, **kwargs):
        print("between", flush=True)
        time.sleep(60)
        return real_add(self, *args, **kwargs)
    Store.add_revision = add_revision
    print("done" if main(sys.argv[1:]) == 0 else "failed", flush=True)
    """
)


def test_an_import_is_never_stored_without_its_imported_from_revision(
    db_path: Path, tmp_path: Path
) -> None:
    file = tmp_path / "incoming.mcproposal"
    write_proposal_file(file, ProposalBundle(proposal=_proposal()))
    child = subprocess.Popen(
        [sys.executable, "-c", _IMPORT_WITH_GAP, "--db", str(db_path), "import", str(file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    said = child.stdout.readline().strip()
    if said == "between":  # a second commit would follow: this is where a kill loses it
        os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    with Store.open(db_path) as store:
        assert store.exists(PROPOSAL_ID)
        kinds = [(r.kind, r.label) for r in store.list_revisions(PROPOSAL_ID)]
    assert ("import", "Imported from incoming.mcproposal") in kinds


# ---------------------------------------------------------------------------
# At scale (slow run)
# ---------------------------------------------------------------------------
KILLS = 150

_EXPORT_LOOP = textwrap.dedent(
    """
    import sys
    from mcdesigner.cli import main
    print("ready", flush=True)
    while True:
        main(sys.argv[1:])
    """
)


_IMPORT_ONCE = _EXPORT_LOOP.replace("while True:", "if True:")


def _kill_exports(library: Path, folder: Path, fmt: str, rng: random.Random) -> int:
    """Start exporting in a loop and SIGKILL at a random moment, ``KILLS`` times."""
    target = folder / f"proposal.{fmt}"
    with_part = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", _EXPORT_LOOP, *_export_args(library, fmt, target)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.6))
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        with_part += bool(_parts(folder))
    return with_part


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_many_killed_exports_leave_nothing_after_the_next_one(
    library: Path, tmp_path: Path, fmt: str
) -> None:
    seed = int(os.environ.get("MCDESIGNER_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    folder = tmp_path / "out"
    folder.mkdir()
    killed_while_writing = _kill_exports(library, folder, fmt, rng)
    assert main(_export_args(library, fmt, folder / f"proposal.{fmt}")) == 0
    assert _parts(folder) == [], f"seed {seed}"
    assert sorted(p.name for p in folder.iterdir()) == [f"proposal.{fmt}"]
    print(f"{fmt}: {KILLS} kills, {killed_while_writing} left a part file, 0 after (seed {seed})")


@pytest.mark.slow
def test_many_killed_imports_keep_the_library_sound_and_whole(
    db_path: Path, tmp_path: Path
) -> None:
    seed = int(os.environ.get("MCDESIGNER_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    Store.open(db_path).close()
    stored = 0
    for cycle in range(KILLS):
        proposal = _proposal()
        proposal.id = f"imported-{cycle}"
        file = tmp_path / f"incoming-{cycle}.mcproposal"
        write_proposal_file(file, ProposalBundle(proposal=proposal))
        child = subprocess.Popen(
            [sys.executable, "-c", _IMPORT_ONCE, "--db", str(db_path), "import", str(file)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.5))
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        try:
            with Store.open(db_path) as store:
                assert store.integrity_ok(), f"cycle {cycle}, seed {seed}"
                if store.exists(proposal.id):
                    stored += 1
                    kinds = [r.kind for r in store.list_revisions(proposal.id)]
                    assert kinds == ["import"], f"cycle {cycle}, seed {seed}: {kinds}"
        except StoreError as error:  # pragma: no cover - reported with the seed
            pytest.fail(f"cycle {cycle}, seed {seed}: {error}")
    print(f"imports: {KILLS} kills, {stored} stored whole, 0 without their revision (seed {seed})")
