"""Proposal and review files exchanged by email (``.mcproposal`` and ``.mcreview``).

Both are zip files with a ``manifest.json`` and JSON members. Readers are strict: a file
is checked completely (structure, sizes, checksums, model validation) before anything is
returned, so a caller never stores part of a bad file. Writers replace the target
atomically. Pure Python: no Qt, no database.
"""

from __future__ import annotations

from mcdesigner.exchange.bundles import ProposalBundle, ReviewBundle, RevisionEntry
from mcdesigner.exchange.errors import ExchangeError
from mcdesigner.exchange.limits import DEFAULT_LIMITS, Limits
from mcdesigner.exchange.manifest import FORMAT_VERSION, PROPOSAL_FORMAT, REVIEW_FORMAT
from mcdesigner.exchange.proposal_file import (
    PROPOSAL_SUFFIX,
    proposal_file_name,
    read_proposal_file,
    write_proposal_file,
)
from mcdesigner.exchange.review_file import REVIEW_SUFFIX, read_review_file, write_review_file
from mcdesigner.exchange.strict_json import load_json_strict

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "PROPOSAL_FORMAT",
    "PROPOSAL_SUFFIX",
    "REVIEW_FORMAT",
    "REVIEW_SUFFIX",
    "ExchangeError",
    "Limits",
    "ProposalBundle",
    "ReviewBundle",
    "RevisionEntry",
    "load_json_strict",
    "proposal_file_name",
    "read_proposal_file",
    "read_review_file",
    "write_proposal_file",
    "write_review_file",
]
