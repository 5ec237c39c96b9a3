"""A backup killed half-way leaves no ``backups/*.partial`` once the library is opened again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mcdesigner.storage import Store, backups_dir_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def _partials(db_path: Path) -> list[str]:
    return sorted(p.name for p in backups_dir_for(db_path).glob("*.partial"))


def test_a_killed_backup_leaves_no_partial_file_after_the_next_open(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.backup("first")
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from mcdesigner.storage import Store, backups
        store = Store.open(Path({str(db_path)!r}))
        def slow_sync(path):
            print("copying", flush=True)
            time.sleep(60)  # killed here, with the partial copy written
        backups._fsync_file = slow_sync
        store.backup("killed")
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "copying"
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert len(_partials(db_path)) == 1  # the kill left it behind
    with Store.open(db_path) as store:
        assert _partials(db_path) == []
        assert store.integrity_ok()


def test_the_sweep_keeps_a_running_backup_and_files_it_did_not_name(db_path: Path) -> None:
    Store.open(db_path).close()
    folder = backups_dir_for(db_path)
    folder.mkdir()
    running = folder / f"proposals-20260101T000000000000Z-now.sqlite3.{os.getpid()}.partial"
    foreign = folder / "my-notes.partial"
    other_db = folder / "other-20260101T000000000000Z-x.sqlite3.1.partial"
    for path in (running, foreign, other_db):
        path.write_bytes(b"x")
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    dead = folder / f"proposals-20260101T000000000000Z-dead.sqlite3.{finished.pid}.partial"
    dead.write_bytes(b"x")
    time.sleep(0.01)
    Store.open(db_path).close()
    assert _partials(db_path) == sorted([running.name, foreign.name, other_db.name])
