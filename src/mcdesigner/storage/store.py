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

from collections.abc import Iterable, Sequence

from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.storage import importing
from mcdesigner.storage.history import StatusHistory
from mcdesigner.storage.importing import ProposalExists
from mcdesigner.storage.proposals import ProposalRecords
from mcdesigner.storage.records import RevisionInfo, now_utc, to_text
from mcdesigner.storage.reviews import ReviewRecords
from mcdesigner.storage.reviews import upsert_annotation as _upsert_annotation
from mcdesigner.storage.reviews import upsert_review as _upsert_review
from mcdesigner.storage.revisions import RevisionRecords

__all__ = ["ProposalExists", "Store"]


class Store(ProposalRecords, RevisionRecords, ReviewRecords, StatusHistory):
    """The proposal database. Open it with :meth:`Store.open`; use it as a context manager.

    Methods may be called from any thread; calls are serialised.
    """

    def import_bundle(
        self,
        proposal: Proposal,
        *,
        annotations: Iterable[Annotation] = (),
        reviews: Iterable[Review] = (),
        revisions: Sequence[tuple[RevisionInfo, Proposal]] = (),
        replace: bool = False,
    ) -> str:
        """Store a received proposal with its comments, reviews and revisions at once.

        A backup is taken first and everything is written in one transaction. If the id is
        already stored and ``replace`` is false, :class:`ProposalExists` is raised and nothing
        changes. When replacing, the stored version is kept as a revision ("Before import")
        and stored comments, reviews and revisions with other ids are kept.
        Returns the content hash of the imported proposal.
        """
        annotations = list(annotations)
        reviews = list(reviews)
        importing.check_bundle(proposal, annotations, reviews, revisions)
        if not replace and self.exists(proposal.id):
            raise importing.exists_error(proposal)
        self.backup("before import")
        with self._writing(tr("import the proposal")) as conn:
            moment = to_text(now_utc())
            new_hash = importing.write_proposal(conn, proposal, moment, replace=replace)
            importing.write_revisions(conn, proposal.id, revisions)
            for annotation in annotations:
                _upsert_annotation(conn, annotation)
            for review in reviews:
                _upsert_review(conn, review)
        return new_hash
