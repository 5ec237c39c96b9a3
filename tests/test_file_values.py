"""Every moment a proposal or review file carries is one the store can write.

A file may be well formed and still hold a date and time at the very edge of the calendar
(which cannot be turned into UTC) or one without its time zone (which cannot be compared
with the app's own). Both are refused when the file is read, with a message naming the
file, the member and the field, and the library is left as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mcdesigner.cli import main
from mcdesigner.exchange import (
    ExchangeError,
    ProposalBundle,
    ReviewBundle,
    RevisionEntry,
    read_proposal_file,
    write_proposal_file,
    write_review_file,
)
from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.hashing import content_hash
from mcdesigner.storage import Store

PROPOSAL_ID = "edge-of-time"
EDGE_MOMENTS = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-05:00"]
NAIVE_MOMENT = "2026-05-10T09:30:00"


def _proposal() -> Proposal:
    proposal = Proposal(id=PROPOSAL_ID)
    proposal.general.title = "Dates at the edge"
    return proposal


def _thread() -> Annotation:
    return Annotation(
        id="thread-1",
        proposal_id=PROPOSAL_ID,
        path="general.title",
        comments=[Comment(id="c-1", author="Reviewer", body="Shorter, please.")],
    )


def _review() -> Review:
    return Review(id="rv-1", proposal_id=PROPOSAL_ID, reviewer="Reviewer", summary="Fine.")


def _rewrite_member(path: Path, member: str, edit: Callable[[Any], None]) -> None:
    """Change one JSON member of an exchange file, keeping its manifest's checksums right."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    value = json.loads(members[member])
    edit(value)
    members[member] = json.dumps(value).encode("utf-8")
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["members"]:
        data = members[entry["name"]]
        entry["size"] = len(data)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _proposal_file(path: Path) -> Path:
    proposal = _proposal()
    revision = RevisionEntry(
        id="rev-1",
        label="First",
        kind="manual",
        created_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC),
        content_hash=content_hash(proposal),
        proposal=proposal,
    )
    bundle = ProposalBundle(
        proposal=proposal, annotations=(_thread(),), reviews=(_review(),), revisions=(revision,)
    )
    write_proposal_file(path, bundle)
    return path


def _review_file(path: Path) -> Path:
    bundle = ReviewBundle(
        proposal_id=PROPOSAL_ID,
        revision_hash=content_hash(_proposal()),
        annotations=(_thread(),),
        reviews=(_review(),),
        reviewer="Reviewer",
    )
    write_review_file(path, bundle)
    return path


def _set_comment_created(value: str) -> Callable[[Any], None]:
    def edit(annotations: Any) -> None:
        annotations[0]["comments"][0]["created"] = value

    return edit


def _set_review_updated(value: str) -> Callable[[Any], None]:
    def edit(reviews: Any) -> None:
        reviews[0]["updated"] = value

    return edit


def _set_revision_created(value: str) -> Callable[[Any], None]:
    def edit(index: Any) -> None:
        index[0]["created_at"] = value

    return edit


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    return code, capsys.readouterr().err


def _library(db: Path) -> list[Any]:
    with Store.open(db) as store:
        return [
            (
                s.id,
                s.content_hash,
                [a.model_dump() for a in store.list_annotations(s.id)],
                [r.model_dump() for r in store.list_reviews(s.id)],
                [r.id for r in store.list_revisions(s.id)],
            )
            for s in store.list_proposals(include_deleted=True)
        ]


def _assert_refused(err: str, *names: str) -> None:
    text = err.strip()
    assert len(text.splitlines()) == 1, text
    assert "Unexpected error" not in text and "Traceback" not in text, text
    assert "Nothing was changed" in text, text
    for name in names:
        assert name in text, (name, text)


@pytest.mark.parametrize("moment", EDGE_MOMENTS)
@pytest.mark.parametrize(
    ("member", "edit", "field"),
    [
        ("annotations.json", _set_comment_created, "created"),
        ("reviews.json", _set_review_updated, "updated"),
        ("revisions.json", _set_revision_created, "created at"),
    ],
)
def test_a_proposal_file_with_a_moment_at_the_calendar_edge_is_refused_by_name(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    moment: str,
    member: str,
    edit: Callable[[str], Callable[[Any], None]],
    field: str,
) -> None:
    file = _proposal_file(tmp_path / "edge.mcproposal")
    _rewrite_member(file, member, edit(moment))
    before = _library(db_path)
    code, err = _run(capsys, db_path, "import", str(file))
    assert code != 0
    _assert_refused(err, "edge.mcproposal", member, field, "1 to 9999")
    assert _library(db_path) == before


@pytest.mark.parametrize(
    ("member", "edit", "field"),
    [
        ("annotations.json", _set_comment_created, "created"),
        ("reviews.json", _set_review_updated, "updated"),
        ("revisions.json", _set_revision_created, "created at"),
    ],
)
def test_a_moment_without_its_time_zone_is_refused_on_import(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    member: str,
    edit: Callable[[str], Callable[[Any], None]],
    field: str,
) -> None:
    file = _proposal_file(tmp_path / "naive.mcproposal")
    _rewrite_member(file, member, edit(NAIVE_MOMENT))
    code, err = _run(capsys, db_path, "import", str(file))
    assert code != 0
    _assert_refused(err, "naive.mcproposal", member, field, "time zone")
    assert _library(db_path) == []


@pytest.mark.parametrize("moment", [*EDGE_MOMENTS, NAIVE_MOMENT])
def test_a_review_file_with_an_unstorable_comment_date_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, moment: str
) -> None:
    with Store.open(db_path) as store:
        store.save(_proposal())
        store.save_annotation(_thread())
    before = _library(db_path)
    file = _review_file(tmp_path / "from-reviewer.mcreview")
    _rewrite_member(file, "annotations.json", _set_comment_created(moment))
    code, err = _run(capsys, db_path, "review-import", str(file))
    assert code != 0
    _assert_refused(err, "from-reviewer.mcreview", "annotations.json", "created")
    assert _library(db_path) == before


def test_a_manifest_date_without_time_zone_is_refused(tmp_path: Path) -> None:
    file = _proposal_file(tmp_path / "manifest.mcproposal")
    _rewrite_member(file, "manifest.json", lambda manifest: manifest.update(created=NAIVE_MOMENT))
    with pytest.raises(ExchangeError) as raised:
        read_proposal_file(file)
    assert "manifest.mcproposal" in str(raised.value) and "time zone" in str(raised.value)


def test_moments_inside_the_calendar_with_any_offset_are_kept(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file = _proposal_file(tmp_path / "fine.mcproposal")
    _rewrite_member(file, "annotations.json", _set_comment_created("0001-01-03T00:00:00+14:00"))
    code, err = _run(capsys, db_path, "import", str(file))
    assert (code, err) == (0, "")
    with Store.open(db_path) as store:
        (thread,) = store.list_annotations(PROPOSAL_ID)
    assert thread.comments[0].created.isoformat() == "0001-01-03T00:00:00+14:00"
