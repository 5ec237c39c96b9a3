"""The local proposal store: proposals, revisions, annotations, reviews and status history.

Every change runs in its own ``BEGIN IMMEDIATE`` transaction on a WAL database with
``synchronous=FULL``: when a method returns, the change is on disk and survives a crash or a
power cut. Edits made elsewhere are never overwritten silently: saving an existing proposal
requires the content hash the caller read (``expected_hash``), and a different stored hash
raises :class:`EditConflict`.

:class:`Store` is composed of one part per concern: :mod:`~mcdesigner.storage.core` (the
connection, transactions, backups), :mod:`~mcdesigner.storage.proposals`,
:mod:`~mcdesigner.storage.revisions`, :mod:`~mcdesigner.storage.reviews` (comment threads and
reviews), :mod:`~mcdesigner.storage.history` (status changes) and
:mod:`~mcdesigner.storage.importing`; statements shared between them are in
:mod:`~mcdesigner.storage.sql`.
"""

from __future__ import annotations

from mcdesigner.storage.history import StatusHistory
from mcdesigner.storage.importing import BundleImport, ProposalExists
from mcdesigner.storage.reviews import ReviewRecords
from mcdesigner.storage.revisions import RevisionRecords

__all__ = ["ProposalExists", "Store"]


class Store(BundleImport, RevisionRecords, ReviewRecords, StatusHistory):
    """The proposal database. Open it with :meth:`Store.open`; use it as a context manager.

    Methods may be called from any thread; calls are serialised. The proposals' own records
    come from :class:`~mcdesigner.storage.proposals.ProposalRecords`, on which the import
    (:meth:`import_bundle`) builds.
    """
