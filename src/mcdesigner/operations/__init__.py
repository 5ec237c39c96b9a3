"""Use cases shared by the command line and the window: each combines store, checks and files.

These functions are pure Python (no Qt). The window runs the slow ones off the UI thread.
Open, save, create and copy: :mod:`.proposals`; import and export files: :mod:`.files`;
documents: :mod:`.documents`; status changes: :mod:`.workflow`; review files and merging:
:mod:`.reviews`; completeness: :mod:`.completeness`; check settings: :mod:`.settings`;
opening the library: :mod:`.library`; the trash: :mod:`.trash`.

The store's record types and errors are re-exported here, so the window needs no import
of :mod:`mcdesigner.storage`.
"""

from mcdesigner.storage import (
    EditConflict,
    ProposalExists,
    ProposalSummary,
    RevisionInfo,
    StatusEvent,
    Store,
    StoreError,
    StoreLocked,
    ThreadConflict,
)

__all__ = [
    "EditConflict",
    "ProposalExists",
    "ProposalSummary",
    "RevisionInfo",
    "StatusEvent",
    "Store",
    "StoreError",
    "StoreLocked",
    "ThreadConflict",
]
