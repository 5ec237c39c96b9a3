"""Opening the proposal library: the database the window and the command line work on.

The composition root opens it here and hands the opened library (a ``Store``, re-exported
by :mod:`mcdesigner.operations`) to the window as an opaque handle for the use cases.
"""

from __future__ import annotations

from pathlib import Path

from mcdesigner.storage import Store


def open_library(db_path: Path | None = None, *, exclusive: bool = True) -> Store:
    """Open the library at ``db_path`` (default: the user's own database).

    ``exclusive`` keeps any other window from opening the same database until it is
    closed: a second one gets ``StoreLocked``. Other failures raise ``StoreError``.
    """
    return Store.open(db_path, exclusive=exclusive)
