"""Kill -9 during autosaves: the database stays sound and every confirmed save is kept.

A child process (``storage_crash_child.py``) saves a proposal through the real store in a
loop and reports each save only after it returned. The parent kills it with SIGKILL at
random moments (sometimes while it is still opening the database), then reopens the store
and checks ``PRAGMA integrity_check`` and that the newest confirmed save (and every confirmed
revision) is there. Set ``MCDESIGNER_CRASH_SEED`` to replay a run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mcdesigner.examples import load_example
from mcdesigner.model.hashing import content_hash
from mcdesigner.storage import Store

CHILD = Path(__file__).with_name("storage_crash_child.py")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


@dataclass
class Tally:
    """What the run did, for the failure message and the summary line."""

    seed: int
    kills: int = 0
    confirmed_saves: int = 0
    kills_before_ready: int = 0
    killed_after_unconfirmed_commit: int = 0
    revisions: dict[str, int] = field(default_factory=dict)


def run_kill_cycles(db_path: Path, cycles: int, seed: int) -> Tally:
    rng = random.Random(seed)
    tally = Tally(seed=seed)
    proposal = load_example()
    proposal.general.places = 0  # the child's save counter
    with Store.open(db_path) as store:
        last_hash = store.save(proposal)
    last_confirmed = 0

    for cycle in range(cycles):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), proposal.id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        ready = False
        if rng.random() < 0.1:  # kill while it may still be starting or opening the database
            time.sleep(rng.uniform(0.0, 0.35))
        else:
            ready = child.stdout.readline().strip() == "ready"
            if not ready:
                child.kill()
                _, errors = child.communicate()
                pytest.fail(f"cycle {cycle} (seed {seed}): child did not start: {errors}")
            time.sleep(rng.uniform(0.0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        output, errors = child.communicate()
        assert child.returncode == -signal.SIGKILL, f"child ended by itself: {errors}"
        tally.kills += 1

        lines = output.splitlines()
        if not ready and "ready" not in lines:
            tally.kills_before_ready += 1
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "confirmed":
                last_confirmed, last_hash = int(parts[1]), parts[2]
                tally.confirmed_saves += 1
            elif len(parts) == 3 and parts[0] == "revision":
                tally.revisions[parts[2]] = int(parts[1])

        where = f"cycle {cycle}, seed {seed}, last confirmed save {last_confirmed}"
        with Store.open(db_path) as store:
            assert store.integrity_ok(), where
            stored = store.get(proposal.id)  # also verifies the stored checksum
            stored_counter = stored.general.places or 0
            stored_hash = store.get_hash(proposal.id)
            assert content_hash(stored) == stored_hash, where
            assert stored_counter >= last_confirmed, f"lost a confirmed save ({where})"
            # The kill may land after COMMIT but before the child could report it.
            assert stored_counter <= last_confirmed + 1, where
            if stored_counter == last_confirmed:
                assert stored_hash == last_hash, where
            else:
                tally.killed_after_unconfirmed_commit += 1
            if stored_counter:
                assert stored.general.title == f"Autosave {stored_counter}", where
            stored_revisions = {r.id: r.label for r in store.list_revisions(proposal.id)}
            for revision_id, counter in tally.revisions.items():
                assert stored_revisions.get(revision_id) == f"Autosave {counter}", where
        if stored_counter != last_confirmed:
            last_confirmed, last_hash = stored_counter, stored_hash
    return tally


def _seed() -> int:
    return int(os.environ.get("MCDESIGNER_CRASH_SEED") or random.SystemRandom().randrange(10**6))


def test_kill_during_autosave_loses_no_confirmed_save(db_path: Path) -> None:
    tally = run_kill_cycles(db_path, cycles=10, seed=_seed())
    assert tally.kills == 10
    assert tally.confirmed_saves > 0


@pytest.mark.slow
def test_kill_during_autosave_many_times(db_path: Path) -> None:
    cycles = int(os.environ.get("MCDESIGNER_CRASH_CYCLES", "200"))
    tally = run_kill_cycles(db_path, cycles=cycles, seed=_seed())
    print(
        f"\ncrash test: seed {tally.seed}, {tally.kills} kills, {tally.confirmed_saves} "
        f"confirmed saves, {len(tally.revisions)} confirmed revisions, "
        f"{tally.kills_before_ready} kills before the store was ready, "
        f"{tally.killed_after_unconfirmed_commit} kills after a commit but before its report, "
        "0 integrity failures, 0 lost confirmed saves"
    )
    assert tally.kills == cycles
    assert tally.confirmed_saves >= cycles
