"""Review files (``.mcreview``): a reviewer's annotations and reviews of one revision.

Same container as a proposal file, with format name ``mcdesigner-review``. The manifest
ties the file to a proposal id and the content hash of the revision that was reviewed;
the zip holds only ``annotations.json`` and ``reviews.json``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from mcdesigner.exchange.bundles import ReviewBundle
from mcdesigner.exchange.container import build_container, read_container, write_container
from mcdesigner.exchange.errors import ExchangeError, summarise_validation_error
from mcdesigner.exchange.limits import DEFAULT_LIMITS, Limits
from mcdesigner.exchange.manifest import FORMAT_VERSION, REVIEW_FORMAT, ReviewManifest
from mcdesigner.exchange.members import (
    ANNOTATIONS_MEMBER,
    REVIEWS_MEMBER,
    check_annotations,
    check_reviews,
    dump_models,
    parse_annotations,
    parse_reviews,
    require,
)
from mcdesigner.i18n import tr
from mcdesigner.model.review import utc_now

REVIEW_SUFFIX = ".mcreview"
_MEMBERS = frozenset({ANNOTATIONS_MEMBER, REVIEWS_MEMBER})


def write_review_file(
    path: Path,
    bundle: ReviewBundle,
    *,
    created: dt.datetime | None = None,
    limits: Limits = DEFAULT_LIMITS,
    through_link: bool = False,
) -> None:
    """Write ``bundle`` to ``path`` atomically; raise :class:`ExchangeError` on failure."""
    try:
        check_annotations(bundle.annotations, proposal_id=bundle.proposal_id)
        check_reviews(bundle.reviews, proposal_id=bundle.proposal_id)
        fields = {
            "format": REVIEW_FORMAT,
            "proposal_id": bundle.proposal_id,
            "revision_hash": bundle.revision_hash,
            "reviewer": bundle.reviewer,
        }
        members = {
            ANNOTATIONS_MEMBER: dump_models(bundle.annotations),
            REVIEWS_MEMBER: dump_models(bundle.reviews),
        }
        # Validating the manifest fields here keeps the writer from producing a file
        # that its own reader would refuse (e.g. a malformed revision hash).
        ReviewManifest.model_validate(
            {
                **fields,
                "format_version": FORMAT_VERSION,
                "app_version": "",
                "created": utc_now(),
                "members": [],
            }
        )
        data = build_container(fields, members, created=created or utc_now(), limits=limits)
    except ExchangeError as problem:
        raise ExchangeError(problem.reason, file=path, writing=True) from None
    except ValidationError as problem:
        reason = summarise_validation_error(problem, what=tr("the review's details"))
        raise ExchangeError(reason, file=path, writing=True) from None
    write_container(path, data, through_link=through_link)


def read_review_file(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> ReviewBundle:
    """Read and fully check the review file at ``path``; raise :class:`ExchangeError`."""
    manifest, members = read_container(
        path,
        format_name=REVIEW_FORMAT,
        manifest_model=ReviewManifest,
        is_allowed=_MEMBERS.__contains__,
        limits=limits,
    )
    try:
        annotations = parse_annotations(
            require(members, ANNOTATIONS_MEMBER), proposal_id=manifest.proposal_id
        )
        reviews = parse_reviews(require(members, REVIEWS_MEMBER), proposal_id=manifest.proposal_id)
    except ExchangeError as problem:
        raise problem.for_file(path) from None
    return ReviewBundle(
        proposal_id=manifest.proposal_id,
        revision_hash=manifest.revision_hash,
        annotations=annotations,
        reviews=reviews,
        reviewer=manifest.reviewer,
    )
