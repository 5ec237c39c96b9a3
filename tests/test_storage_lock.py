"""The single-window lock knows the database by its file, not by the name it was opened with.

A symlink or a hard link to a database that is open in a window, or deleting the ``.lock``
file beside it, must not let a second window open the same proposals.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mcdesigner.storage import Store, StoreLocked
from mcdesigner.storage.lock import lock_path_for


# ---------------------------------------------------------------------- the lock and file identity
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="links and flock as on Linux")
def test_the_same_database_through_a_symlink_is_refused_while_held(
    db_path: Path, tmp_path: Path
) -> None:
    Store.open(db_path).close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "my-proposals.sqlite3"
    link.symlink_to(db_path)
    with Store.open(db_path, exclusive=True), pytest.raises(StoreLocked, match="already open"):
        Store.open(link, exclusive=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="links and flock as on Linux")
def test_the_same_database_through_a_hard_link_is_refused_while_held(
    db_path: Path, tmp_path: Path
) -> None:
    Store.open(db_path).close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    hard = elsewhere / "copy-of-proposals.sqlite3"
    os.link(db_path, hard)
    with Store.open(hard, exclusive=True), pytest.raises(StoreLocked, match="already open"):
        Store.open(db_path, exclusive=True)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="flock as on Linux")
def test_deleting_the_lock_file_does_not_let_a_second_window_in(db_path: Path) -> None:
    with Store.open(db_path, exclusive=True) as first:
        lock_path_for(db_path).unlink()
        with pytest.raises(StoreLocked, match="already open"):
            Store.open(db_path, exclusive=True)
        assert first.list_proposals() == []
    with Store.open(db_path, exclusive=True) as again:  # given back on close
        assert again.list_proposals() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="flock as on Linux")
def test_a_hard_link_held_by_another_process_is_refused(db_path: Path, tmp_path: Path) -> None:
    Store.open(db_path).close()
    hard = tmp_path / "other-name.sqlite3"
    os.link(db_path, hard)
    script = (
        "import sys\nfrom pathlib import Path\nfrom mcdesigner.storage import Store\n"
        f"store = Store.open(Path({str(hard)!r}), exclusive=True)\n"
        "print('locked', flush=True)\nsys.stdin.readline()\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(StoreLocked):
                Store.open(db_path, exclusive=True)
        finally:
            holder.kill()
            holder.wait()
    with Store.open(db_path, exclusive=True) as store:
        assert store.list_proposals() == []
