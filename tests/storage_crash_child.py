"""Child process of the crash test: autosaves one proposal through the real store, forever.

Usage: ``python storage_crash_child.py <database> <proposal id>``

It opens the store exclusively (as the editor window does), prints ``ready``, then edits and
saves the proposal in a loop. After each save *returns* it prints ``confirmed <n> <hash>``;
every 10th save it also keeps a revision and prints ``revision <n> <revision id>`` after that
returns. The parent kills it with SIGKILL at a random moment and checks that everything
confirmed is still stored. Only the store and the model are imported, so it starts quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mcdesigner.storage import Store


def main(db_path: Path, proposal_id: str) -> None:
    store = Store.open(db_path, exclusive=True)
    proposal = store.get(proposal_id)
    saved_hash = store.get_hash(proposal_id)
    counter = proposal.general.places or 0
    base_description = proposal.general.description.split("\n\nAutosave ")[0]
    print("ready", flush=True)
    while True:
        counter += 1
        proposal.general.places = counter
        proposal.general.title = f"Autosave {counter}"
        # Vary the size so pages are added and freed, as real typing does.
        proposal.general.description = f"{base_description}\n\nAutosave {counter} " + "typing " * (
            counter % 97
        )
        saved_hash = store.save(proposal, expected_hash=saved_hash)
        print(f"confirmed {counter} {saved_hash}", flush=True)
        if counter % 10 == 0:
            info = store.add_revision(proposal_id, f"Autosave {counter}", kind="auto")
            print(f"revision {counter} {info.id}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
