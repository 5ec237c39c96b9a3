"""Turning stored JSON documents into model objects, upgrading old document versions.

A proposal is stored as its canonical JSON (see :mod:`mcdesigner.model.hashing`), so the
stored text hashes to the stored ``content_hash``. Documents written by an older document
schema go through :func:`migrate_document` (the steps of :mod:`mcdesigner.model.upgrade`)
before validation. The stored text is upgraded when the proposal is next saved, so the
revisions and the reviews that name a revision by its hash keep their stored text.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import ValidationError

from mcdesigner.i18n import tr
from mcdesigner.model.hashing import canonical_json
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.upgrade import NewerDocument, upgrade_document
from mcdesigner.storage.errors import StoreError

Document = dict[str, Any]


class UnreadableDocument(StoreError):
    """A stored document no longer validates; it is left untouched in the database."""


def migrate_document(data: Document) -> Document:
    """Upgrade a stored proposal document to the current schema (see :mod:`model.upgrade`)."""
    try:
        return upgrade_document(data)
    except NewerDocument as newer:
        raise ValueError(
            f"it was written by a newer version of the application (document schema "
            f"{newer.version})"
        ) from None


def encode_proposal(proposal: Proposal) -> tuple[str, str]:
    """The text stored for ``proposal`` and its content hash."""
    text = canonical_json(proposal)
    return text, text_hash(text)


def text_hash(text: str) -> str:
    """SHA-256 of a stored document's text (equals ``content_hash`` of the proposal)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_proposal(text: str, where: str) -> Proposal:
    """Parse, upgrade and validate a stored proposal document.

    ``where`` names the record for the message (e.g. "proposal 'abc'"). Raises
    :class:`UnreadableDocument`; the stored text is never modified here.
    """
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("the stored document is not a JSON object")
        return Proposal.model_validate(migrate_document(data))
    except (ValueError, ValidationError) as error:
        raise UnreadableDocument(
            tr(
                "The stored {where} cannot be opened: {detail}. It was left unchanged in the "
                "database. Restore a backup or an earlier revision, or export the database "
                "for repair."
            ).format(where=where, detail=error_detail(error))
        ) from error


def error_detail(error: Exception) -> str:
    """One line saying why a stored document did not validate (first problem, with a count)."""
    if isinstance(error, ValidationError) and error.errors():
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "document"
        more = len(error.errors()) - 1
        suffix = f" (and {more} more problems)" if more else ""
        return f"{location}: {first['msg']}{suffix}"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
