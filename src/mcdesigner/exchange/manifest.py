"""The ``manifest.json`` of proposal and review files: what the zip holds and for whom.

The manifest names the file format and its version, the app that wrote it, when, and
every other member with its size and SHA-256, so a reader can tell a damaged or tampered
file from a good one before trusting any content.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from mcdesigner.model.base import Strict, Timestamp
from mcdesigner.model.text import ShortText

PROPOSAL_FORMAT = "mcdesigner-proposal"
REVIEW_FORMAT = "mcdesigner-review"
#: The newest version of each format this app reads and the one it writes.
FORMAT_VERSION = 1

MANIFEST_NAME = "manifest.json"

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
ProposalId = Annotated[str, Field(min_length=1, max_length=64)]


class MemberEntry(Strict):
    """One member of the zip as the manifest records it."""

    name: str = Field(min_length=1, max_length=255)
    size: int = Field(ge=0)
    sha256: Sha256


class ManifestBase(Strict):
    """Fields shared by every exchange file manifest."""

    format: str = Field(max_length=100)
    format_version: int = Field(ge=1)
    app_version: str = Field(max_length=100)
    created: Timestamp
    members: list[MemberEntry] = Field(max_length=10_000)


class ProposalManifest(ManifestBase):
    """Manifest of a ``.mcproposal`` file."""

    proposal_id: ProposalId
    title: str = Field(max_length=1_000)
    content_hash: Sha256


class ReviewManifest(ManifestBase):
    """Manifest of a ``.mcreview`` file: the review of one revision of one proposal."""

    proposal_id: ProposalId
    revision_hash: Sha256
    reviewer: ShortText = ""
