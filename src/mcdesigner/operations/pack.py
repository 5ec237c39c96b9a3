"""Writing a committee meeting pack: several stored proposals in one Word or PDF document.

The proposals are read with their comment threads and reviews (:func:`read_pack`, quick,
on the caller's thread); the pack is then checked and written (:func:`export_pack`, slow:
the window runs it in the background) with the user's check settings, in the document
language chosen, as :func:`~mcdesigner.operations.documents.export_document` does for one
proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesigner.operations.documents import criterion_titles, in_document_language, letterhead
from mcdesigner.storage import Store

if TYPE_CHECKING:  # the documents package loads when a document is written
    from mcdesigner.checks import CheckSettings
    from mcdesigner.export import Format, Progress
    from mcdesigner.export.pack import PackProposal


def read_pack(store: Store, proposal_ids: Iterable[str]) -> list[PackProposal]:
    """The stored proposals ``proposal_ids`` (in that order, each once) with their comment
    threads and reviews; raises ``StoreError`` when one cannot be read."""
    from mcdesigner.export.pack import PackProposal

    parts = []
    for proposal_id in dict.fromkeys(proposal_ids):
        parts.append(
            PackProposal(
                store.get(proposal_id),
                tuple(store.list_annotations(proposal_id)),
                tuple(store.list_reviews(proposal_id)),
            )
        )
    return parts


def export_pack(
    parts: Sequence[PackProposal],
    *,
    title: str,
    meeting_date: dt.date | None,
    fmt: Format,
    out: Path,
    settings: CheckSettings,
    language: str | None = None,
    progress: Progress | None = None,
    institution: str = "",
) -> Path:
    """Check ``parts`` and write them as one pack (agenda order as given) to ``out``.

    ``title`` names the committee (empty: a general title), ``meeting_date`` is printed on
    the cover when given, ``language`` is the language of the labels (None: the language
    in use), ``institution`` the name the cover gives the institution (by default the one of
    the institution profile in use, whose logo and templates the pack carries too).
    Raises ``ExportError``, naming the proposal when one of them is the cause; nothing is
    written then.
    """
    from mcdesigner.export.pack import PackInfo
    from mcdesigner.export.pack import export_pack as write_pack

    sender = letterhead()
    with in_document_language(language, settings) as document_settings:
        return write_pack(
            parts,
            PackInfo(title.strip(), meeting_date, institution or sender.institution),
            letterhead=sender,
            fmt=fmt,
            out=out,
            settings=document_settings,
            criterion_titles=criterion_titles(),
            progress=progress,
        )
