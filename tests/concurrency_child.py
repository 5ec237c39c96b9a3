"""Child process of the concurrency tests: races other children on one library.

Usage:
- ``python concurrency_child.py edit <database> <proposal id> <seconds>``: for ``seconds``,
  open the proposal the way the window does (document and hash), add 1 to its number of
  places and save with the hash it read, retrying after a conflict; prints ``saved <n>``
  (how many saves were accepted) at the end.
- ``python concurrency_child.py review-import <database> <review file>``: waits for the file
  ``<database>.go`` to appear, then imports the review file; prints ``merged`` or the error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mcdesigner.operations.proposals import open_proposal, save_proposal
from mcdesigner.storage import EditConflict, Store, StoreError


def edit(db_path: Path, proposal_id: str, seconds: float) -> None:
    saved = 0
    with Store.open(db_path) as store:
        print("ready", flush=True)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            opened = open_proposal(store, proposal_id)
            opened.proposal.general.places = (opened.proposal.general.places or 0) + 1
            try:
                save_proposal(store, opened.proposal, expected_hash=opened.content_hash)
            except EditConflict:
                continue
            except StoreError:  # busy for longer than the timeout: try again
                continue
            saved += 1
    print(f"saved {saved}", flush=True)


def review_import(db_path: Path, review_file: Path) -> None:
    from mcdesigner.operations.reviews import import_review

    go = db_path.with_name(db_path.name + ".go")
    with Store.open(db_path) as store:
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.001)
        try:
            import_review(store, review_file)
        except StoreError as error:
            print(f"refused {error}", flush=True)
            return
    print("merged", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        edit(Path(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
    else:
        review_import(Path(sys.argv[2]), Path(sys.argv[3]))
