"""Reading and writing the JSON members that proposal and review files have in common.

Each reader takes bytes already size-checked by the container, parses them strictly and
validates them with the model, turning every problem into an :class:`ExchangeError`
that says which member and which place in it is wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from mcdesigner.exchange.errors import ExchangeError, shown, summarise_validation_error
from mcdesigner.exchange.strict_json import dump_json, load_json_strict
from mcdesigner.i18n import tr
from mcdesigner.model.hashing import content_hash, document_hash
from mcdesigner.model.proposal import SCHEMA_VERSION, Proposal
from mcdesigner.model.review import Annotation, Review
from mcdesigner.model.upgrade import upgrade_document

PROPOSAL_MEMBER = "proposal.json"
ANNOTATIONS_MEMBER = "annotations.json"
REVIEWS_MEMBER = "reviews.json"

#: Most annotations or reviews one file may carry.
MAX_RECORDS = 20_000

T = TypeVar("T", bound=BaseModel)

_ANNOTATIONS: TypeAdapter[list[Annotation]] = TypeAdapter(list[Annotation])
_REVIEWS: TypeAdapter[list[Review]] = TypeAdapter(list[Review])


def require(members: dict[str, bytes], name: str) -> bytes:
    """The bytes of member ``name``; an error when the file lacks it."""
    if name not in members:
        raise ExchangeError(tr("it has no {name}").format(name=name))
    return members[name]


def check_schema_version(raw: Any, *, what: str) -> None:
    """Refuse a proposal document written for a newer model than this app knows."""
    if not isinstance(raw, dict):
        return
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ExchangeError(
            tr(
                "{what} was made by a newer version of MC Designer (proposal format "
                "{found}; this version reads up to {supported}). Please update MC Designer "
                "to open it"
            ).format(what=what, found=version, supported=SCHEMA_VERSION)
        )


def parse_proposal(data: bytes, *, what: str, description: str) -> Proposal:
    """A validated proposal from the JSON member ``what`` (``description`` names it in words)."""
    return parse_proposal_document(data, what=what, description=description)[0]


def parse_proposal_document(
    data: bytes, *, what: str, description: str
) -> tuple[Proposal, frozenset[str]]:
    """The proposal of member ``what`` and the content hashes it may be recorded with.

    A document of an earlier schema is upgraded (see :mod:`mcdesigner.model.upgrade`); its
    hash is that of the document it was written as, so the hashes recorded for it by the
    version that wrote it (manifest, revisions, reviews) still match. A current document
    matches the hash of the proposal as read and that of the document as written (they
    differ when reading cleaned a text, such as a direction override an earlier version
    kept in a title).
    """
    raw = load_json_strict(data, what=what)
    check_schema_version(raw, what=description)
    try:
        upgraded = upgrade_document(raw) if isinstance(raw, dict) else raw
        proposal = Proposal.model_validate(upgraded)
    except ValidationError as problem:
        raise ExchangeError(summarise_validation_error(problem, what=description)) from None
    except ValueError as problem:  # a malformed schema_version
        raise ExchangeError(
            tr("{what} has an unreadable format version: {detail}").format(
                what=description, detail=problem
            )
        ) from None
    if upgraded is raw:
        return proposal, frozenset({content_hash(proposal), document_hash(raw)})
    return proposal, frozenset({document_hash(raw)})


def _parse_list(data: bytes, adapter: TypeAdapter[list[T]], *, what: str) -> list[T]:
    raw = load_json_strict(data, what=what)
    if not isinstance(raw, list):
        raise ExchangeError(tr("{what} is not a JSON list").format(what=what))
    if len(raw) > MAX_RECORDS:
        raise ExchangeError(
            tr("{what} holds more than {limit} entries").format(what=what, limit=MAX_RECORDS)
        )
    try:
        return adapter.validate_python(raw)
    except ValidationError as problem:
        raise ExchangeError(summarise_validation_error(problem, what=what)) from None


def _check_records(
    records: Sequence[Annotation | Review], *, what: str, kind: str, proposal_id: str
) -> None:
    for number, record in enumerate(records, start=1):
        if record.proposal_id != proposal_id:
            raise ExchangeError(
                tr(
                    "{kind} {number} in {what} belongs to another proposal "
                    "(id “{found}” instead of “{expected}”)"
                ).format(
                    kind=kind,
                    number=number,
                    what=what,
                    found=shown(record.proposal_id),
                    expected=shown(proposal_id),
                )
            )
    twice = sorted(key for key, count in Counter(r.id for r in records).items() if count > 1)
    if twice:
        raise ExchangeError(
            tr("{what} contains the id “{id}” twice").format(what=what, id=shown(twice[0]))
        )


def parse_annotations(data: bytes, *, proposal_id: str) -> tuple[Annotation, ...]:
    """The annotations of ``annotations.json``, all of them on ``proposal_id``."""
    annotations = _parse_list(data, _ANNOTATIONS, what=ANNOTATIONS_MEMBER)
    check_annotations(annotations, proposal_id=proposal_id)
    return tuple(annotations)


def parse_reviews(data: bytes, *, proposal_id: str) -> tuple[Review, ...]:
    """The reviews of ``reviews.json``, all of them of ``proposal_id``."""
    reviews = _parse_list(data, _REVIEWS, what=REVIEWS_MEMBER)
    check_reviews(reviews, proposal_id=proposal_id)
    return tuple(reviews)


def check_annotations(annotations: Sequence[Annotation], *, proposal_id: str) -> None:
    """Raise unless every annotation is on ``proposal_id`` and ids are unique."""
    _check_records(
        annotations, what=ANNOTATIONS_MEMBER, kind=tr("Annotation"), proposal_id=proposal_id
    )


def check_reviews(reviews: Sequence[Review], *, proposal_id: str) -> None:
    """Raise unless every review is of ``proposal_id`` and ids are unique."""
    _check_records(reviews, what=REVIEWS_MEMBER, kind=tr("Review"), proposal_id=proposal_id)


def dump_models(records: Iterable[BaseModel]) -> bytes:
    """A JSON list of ``records`` as written into a file."""
    return dump_json([record.model_dump(mode="json") for record in records])


def dump_proposal(proposal: Proposal) -> bytes:
    """A proposal document as written into a file."""
    return dump_json(proposal.model_dump(mode="json"))
