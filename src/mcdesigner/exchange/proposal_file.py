"""Proposal files (``.mcproposal``): one proposal with its annotations, reviews and revisions.

Layout of the zip::

    manifest.json             format, version, app, time, proposal id, title, hash, checksums
    proposal.json             the proposal document
    annotations.json          list of annotations on it
    reviews.json              list of reviews of it
    revisions.json            optional index: id, label, kind, created_at, content_hash
    revisions/<id>.json       optional: the proposal as it was at each indexed revision

:func:`read_proposal_file` checks everything before returning, so a caller can hand the
result to the store knowing the file is complete, consistent and valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, ValidationError

from mcdesigner.exchange.bundles import ProposalBundle, RevisionEntry
from mcdesigner.exchange.container import build_container, read_container, write_container
from mcdesigner.exchange.errors import ExchangeError, shown, summarise_validation_error
from mcdesigner.exchange.limits import DEFAULT_LIMITS, Limits
from mcdesigner.exchange.manifest import PROPOSAL_FORMAT, ProposalManifest, Sha256
from mcdesigner.exchange.members import (
    ANNOTATIONS_MEMBER,
    PROPOSAL_MEMBER,
    REVIEWS_MEMBER,
    check_annotations,
    check_reviews,
    dump_models,
    dump_proposal,
    parse_annotations,
    parse_proposal_document,
    parse_reviews,
    require,
)
from mcdesigner.exchange.strict_json import load_json_strict
from mcdesigner.i18n import tr
from mcdesigner.model.base import ItemId, Strict, Timestamp
from mcdesigner.model.hashing import content_hash
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.review import utc_now
from mcdesigner.model.text import ShortText

PROPOSAL_SUFFIX = ".mcproposal"
REVISIONS_INDEX = "revisions.json"
_REVISION_MEMBER = re.compile(r"^revisions/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\.json$")
#: Why a revision was kept: by hand, on submission, on import, or automatically.
RevisionKind = Literal["manual", "submit", "import", "auto"]
_FIXED_MEMBERS = frozenset({PROPOSAL_MEMBER, ANNOTATIONS_MEMBER, REVIEWS_MEMBER, REVISIONS_INDEX})


class RevisionIndexEntry(Strict):
    """One line of ``revisions.json``."""

    id: ItemId
    label: ShortText = ""
    kind: RevisionKind
    created_at: Timestamp
    content_hash: Sha256


_INDEX: TypeAdapter[list[RevisionIndexEntry]] = TypeAdapter(
    Annotated[list[RevisionIndexEntry], Field(max_length=990)]
)


def revision_member(revision_id: str) -> str:
    """The member name holding revision ``revision_id``."""
    return f"revisions/{revision_id}.json"


def _is_allowed(name: str) -> bool:
    return name in _FIXED_MEMBERS or _REVISION_MEMBER.match(name) is not None


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------
def _index_entry(revision: RevisionEntry) -> RevisionIndexEntry:
    try:
        return RevisionIndexEntry(
            id=revision.id,
            label=revision.label,
            kind=revision.kind,
            created_at=revision.created_at,
            content_hash=content_hash(revision.proposal),
        )
    except ValidationError as problem:
        raise ExchangeError(
            summarise_validation_error(
                problem, what=tr("revision “{id}”").format(id=shown(revision.id))
            )
        ) from None


def _check_owner(revision: RevisionEntry, proposal_id: str) -> None:
    if revision.proposal.id != proposal_id:
        raise ExchangeError(
            tr("revision “{id}” is of another proposal").format(id=shown(revision.id))
        )


def _check_revision(revision: RevisionEntry, proposal_id: str, written: frozenset[str]) -> None:
    _check_owner(revision, proposal_id)
    if revision.content_hash not in written:
        raise ExchangeError(
            tr("revision “{id}” does not match its recorded content hash").format(
                id=shown(revision.id)
            )
        )


def _proposal_members(bundle: ProposalBundle) -> dict[str, bytes]:
    proposal_id = bundle.proposal.id
    check_annotations(bundle.annotations, proposal_id=proposal_id)
    check_reviews(bundle.reviews, proposal_id=proposal_id)
    members = {
        PROPOSAL_MEMBER: dump_proposal(bundle.proposal),
        ANNOTATIONS_MEMBER: dump_models(bundle.annotations),
        REVIEWS_MEMBER: dump_models(bundle.reviews),
    }
    if not bundle.revisions:
        return members
    index = [_index_entry(revision) for revision in bundle.revisions]
    twice = [key for key, count in Counter(entry.id for entry in index).items() if count > 1]
    if twice:
        raise ExchangeError(tr("two revisions share the id “{id}”").format(id=shown(twice[0])))
    members[REVISIONS_INDEX] = dump_models(index)
    for revision in bundle.revisions:
        # A revision upgraded from an earlier schema is written in the current one, and the
        # index records the hash of the document as written (see _index_entry).
        _check_owner(revision, proposal_id)
        members[revision_member(revision.id)] = dump_proposal(revision.proposal)
    return members


def write_proposal_file(
    path: Path,
    bundle: ProposalBundle,
    *,
    created: dt.datetime | None = None,
    limits: Limits = DEFAULT_LIMITS,
    through_link: bool = False,
) -> None:
    """Write ``bundle`` to ``path`` atomically (an existing file is replaced whole or kept).

    Raises :class:`ExchangeError` when the bundle is inconsistent (records of another
    proposal, revisions whose hash does not match) or the file cannot be written (``path``
    is not a file, or a symbolic link and ``through_link`` is false).
    """
    try:
        members = _proposal_members(bundle)
        fields = {
            "format": PROPOSAL_FORMAT,
            "proposal_id": bundle.proposal.id,
            "title": bundle.proposal.general.title,
            "content_hash": content_hash(bundle.proposal),
        }
        data = build_container(fields, members, created=created or utc_now(), limits=limits)
    except ExchangeError as problem:
        raise ExchangeError(problem.reason, file=path, writing=True) from None
    write_container(path, data, through_link=through_link)


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------
def _read_revisions(members: dict[str, bytes], proposal_id: str) -> tuple[RevisionEntry, ...]:
    revision_files = {name for name in members if _REVISION_MEMBER.match(name)}
    if REVISIONS_INDEX not in members:
        if revision_files:
            raise ExchangeError(tr("it contains revisions but no revisions.json index"))
        return ()
    raw = load_json_strict(members[REVISIONS_INDEX], what=REVISIONS_INDEX)
    try:
        index = _INDEX.validate_python(raw)
    except ValidationError as problem:
        raise ExchangeError(summarise_validation_error(problem, what=REVISIONS_INDEX)) from None
    twice = [key for key, count in Counter(entry.id for entry in index).items() if count > 1]
    if twice:
        raise ExchangeError(
            tr("revisions.json lists the revision “{id}” twice").format(id=shown(twice[0]))
        )
    listed = {revision_member(entry.id) for entry in index}
    for name in sorted(revision_files ^ listed):
        if name in listed:
            raise ExchangeError(
                tr("revisions.json lists “{name}”, but the file does not contain it").format(
                    name=shown(name)
                )
            )
        raise ExchangeError(
            tr("it contains “{name}”, which revisions.json does not list").format(name=shown(name))
        )
    revisions = []
    for entry in index:
        description = tr("revision “{id}”").format(id=entry.id)
        proposal, written = parse_proposal_document(
            members[revision_member(entry.id)],
            what=revision_member(entry.id),
            description=description,
        )
        revision = RevisionEntry(
            id=entry.id,
            label=entry.label,
            kind=entry.kind,
            created_at=entry.created_at,
            content_hash=entry.content_hash,
            proposal=proposal,
        )
        _check_revision(revision, proposal_id, written)
        revisions.append(revision)
    return tuple(revisions)


def _bundle_from_members(manifest: ProposalManifest, members: dict[str, bytes]) -> ProposalBundle:
    proposal, written = parse_proposal_document(
        require(members, PROPOSAL_MEMBER), what=PROPOSAL_MEMBER, description=tr("the proposal")
    )
    if proposal.id != manifest.proposal_id:
        raise ExchangeError(tr("the proposal's id does not match the id in the manifest"))
    if manifest.content_hash not in written:
        raise ExchangeError(tr("the proposal does not match the content hash in the manifest"))
    annotations = parse_annotations(require(members, ANNOTATIONS_MEMBER), proposal_id=proposal.id)
    reviews = parse_reviews(require(members, REVIEWS_MEMBER), proposal_id=proposal.id)
    revisions = _read_revisions(members, proposal.id)
    return ProposalBundle(
        proposal=proposal, annotations=annotations, reviews=reviews, revisions=revisions
    )


def read_proposal_file(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> ProposalBundle:
    """Read and fully check the proposal file at ``path``.

    Raises :class:`ExchangeError` naming the file and the first problem found; nothing
    has been changed anywhere when it does.
    """
    manifest, members = read_container(
        path,
        format_name=PROPOSAL_FORMAT,
        manifest_model=ProposalManifest,
        is_allowed=_is_allowed,
        limits=limits,
    )
    try:
        return _bundle_from_members(manifest, members)
    except ExchangeError as problem:
        raise problem.for_file(path) from None


def proposal_file_name(proposal: Proposal) -> str:
    """A file name for exporting ``proposal``: its title made safe, with the suffix."""
    title = re.sub(r"[^\w\- ]+", "", proposal.general.title, flags=re.UNICODE).strip()
    title = re.sub(r"\s+", " ", title)[:80].strip() or "proposal"
    return title + PROPOSAL_SUFFIX
