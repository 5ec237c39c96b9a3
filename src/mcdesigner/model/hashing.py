"""Content hashes: a short fingerprint of a proposal's content.

The hash identifies a revision (reviews record which revision they read) and detects
edits made elsewhere (the store refuses to overwrite a proposal whose hash changed).
"""

from __future__ import annotations

import hashlib
import json

from mcdesigner.model.proposal import Proposal


def canonical_json(proposal: Proposal) -> str:
    """The proposal as JSON with sorted keys and no whitespace: equal content, equal text."""
    data = proposal.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_hash(data: dict[str, object]) -> str:
    """SHA-256 of a proposal document as plain JSON data (e.g. one of an earlier schema).

    For the JSON of a current proposal it equals :func:`content_hash`.
    """
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(proposal: Proposal) -> str:
    """SHA-256 of the canonical JSON, as 64 hex digits."""
    return hashlib.sha256(canonical_json(proposal).encode("utf-8")).hexdigest()
