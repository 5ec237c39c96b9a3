"""Proposal and review files: round trips, strict rejection of bad files, atomic writes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from mcdesigner.exchange import (
    ExchangeError,
    Limits,
    ProposalBundle,
    ReviewBundle,
    RevisionEntry,
    load_json_strict,
    read_proposal_file,
    read_review_file,
    write_proposal_file,
    write_review_file,
)
from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.hashing import content_hash
from mcdesigner.model.proposal import StaffMember
from mcdesigner.model.review import CriterionScore
from strategies import proposals

MOMENT = dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=dt.UTC)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def sample_proposal() -> Proposal:
    proposal = Proposal(id="3b6e1f0a-5c2d-4e8f-9a7b-1c2d3e4f5a6b")
    proposal.general.title = "Sustainable Water Management — Łódź"
    proposal.general.description = "A short course.\nSecond line with <b>markup</b> & more."
    proposal.staff.append(
        StaffMember(id="staff-1", name="Ana Pérez", email="ana@example.org", hours=12.5)
    )
    return proposal


def sample_bundle(with_revisions: bool = True) -> ProposalBundle:
    proposal = sample_proposal()
    earlier = proposal.model_copy(deep=True)
    earlier.general.title = "Water Management (first draft)"
    annotation = Annotation(
        id="note-1",
        proposal_id=proposal.id,
        path="general.title",
        label="Title",
        revision_hash=content_hash(proposal),
        comments=[
            Comment(id="comment-1", author="Reviewer", body="Shorter, please.", created=MOMENT)
        ],
        created=MOMENT,
        updated=MOMENT,
    )
    review = Review(
        id="review-1",
        proposal_id=proposal.id,
        reviewer="Dr Reviewer",
        scores=[CriterionScore(criterion_id="c1", score=3, comment="Fine")],
        recommendation="approve_with_changes",
        summary="Good overall.",
        updated=MOMENT,
    )
    revisions: tuple[RevisionEntry, ...] = ()
    if with_revisions:
        revisions = (
            RevisionEntry(
                id="0f3c9a1b2c3d4e5f",
                label="Sent to the committee",
                kind="submit",
                created_at=MOMENT,
                content_hash=content_hash(earlier),
                proposal=earlier,
            ),
        )
    return ProposalBundle(
        proposal=proposal, annotations=(annotation,), reviews=(review,), revisions=revisions
    )


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> None:
    """Write a zip exactly as given (duplicates allowed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)


def manifest_for(members: dict[str, bytes], base: dict[str, Any]) -> bytes:
    manifest = dict(base)
    manifest["members"] = [
        {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in members.items()
    ]
    return json.dumps(manifest).encode()


def rebuild(
    path: Path,
    change: Callable[[dict[str, bytes]], object],
    *,
    manifest_changes: dict[str, Any] | None = None,
    refresh_checksums: bool = True,
) -> None:
    """Rewrite the valid file at ``path`` after ``change`` edits its members."""
    members = members_of(path)
    manifest = json.loads(members.pop("manifest.json"))
    change(members)
    manifest.update(manifest_changes or {})
    data = manifest_for(members, manifest) if refresh_checksums else json.dumps(manifest).encode()
    write_zip(path, [("manifest.json", data), *members.items()])


def edit_json(member: str, edit: Callable[[Any], Any]) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        members[member] = json.dumps(edit(json.loads(members[member]))).encode()

    return change


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "proposal.mcproposal"
    write_proposal_file(path, sample_bundle(), created=MOMENT)
    return path


def rejected(path: Path, *fragments: str, limits: Limits | None = None) -> str:
    """Read ``path``, expect an ExchangeError containing every fragment; return the message."""
    with pytest.raises(ExchangeError) as caught:
        if limits is None:
            read_proposal_file(path)
        else:
            read_proposal_file(path, limits=limits)
    message = str(caught.value)
    assert path.name in message
    assert "Nothing was changed" in message
    for fragment in fragments:
        assert fragment in message, message
    return message


# ---------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------
def test_round_trip_keeps_everything(good_file: Path) -> None:
    assert read_proposal_file(good_file) == sample_bundle()


def test_file_layout_and_manifest(good_file: Path) -> None:
    bundle = sample_bundle()
    members = members_of(good_file)
    revision_id = bundle.revisions[0].id
    assert sorted(members) == sorted(
        [
            "manifest.json",
            "proposal.json",
            "annotations.json",
            "reviews.json",
            "revisions.json",
            f"revisions/{revision_id}.json",
        ]
    )
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "mcdesigner-proposal"
    assert manifest["format_version"] == 1
    assert manifest["proposal_id"] == bundle.proposal.id
    assert manifest["title"] == bundle.proposal.general.title
    assert manifest["content_hash"] == content_hash(bundle.proposal)
    assert dt.datetime.fromisoformat(manifest["created"]) == MOMENT
    listed = {entry["name"]: entry for entry in manifest["members"]}
    assert set(listed) == set(members) - {"manifest.json"}
    for name, entry in listed.items():
        assert entry["size"] == len(members[name])
        assert entry["sha256"] == hashlib.sha256(members[name]).hexdigest()
    index = json.loads(members["revisions.json"])
    assert index == [
        {
            "id": revision_id,
            "label": "Sent to the committee",
            "kind": "submit",
            "created_at": "2025-03-14T09:26:53Z",
            "content_hash": bundle.revisions[0].content_hash,
        }
    ]


def test_round_trip_without_revisions_or_records(tmp_path: Path) -> None:
    path = tmp_path / "plain.mcproposal"
    bundle = ProposalBundle(proposal=Proposal())
    write_proposal_file(path, bundle)
    assert read_proposal_file(path) == bundle
    assert "revisions.json" not in members_of(path)


def test_review_file_round_trip(tmp_path: Path) -> None:
    source = sample_bundle()
    bundle = ReviewBundle(
        proposal_id=source.proposal.id,
        revision_hash=content_hash(source.proposal),
        annotations=source.annotations,
        reviews=source.reviews,
        reviewer="Dr Reviewer",
    )
    path = tmp_path / "review.mcreview"
    write_review_file(path, bundle)
    assert read_review_file(path) == bundle
    assert sorted(members_of(path)) == ["annotations.json", "manifest.json", "reviews.json"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(proposal=proposals())
def test_any_proposal_survives_the_file(tmp_path: Path, proposal: Proposal) -> None:
    path = tmp_path / "any.mcproposal"  # overwritten atomically by every example
    revision = RevisionEntry(
        id="r1",
        label=proposal.general.title,
        kind="manual",
        created_at=MOMENT,
        content_hash=content_hash(proposal),
        proposal=proposal,
    )
    bundle = ProposalBundle(proposal=proposal, revisions=(revision,))
    write_proposal_file(path, bundle)
    back = read_proposal_file(path)
    assert back == bundle
    assert content_hash(back.proposal) == content_hash(proposal)


# ---------------------------------------------------------------------------
# Files that are not bundles at all
# ---------------------------------------------------------------------------
def test_rejects_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "letter.mcproposal"
    path.write_text("Dear committee, please find attached ...")
    rejected(path, "not a zip archive")


def test_rejects_a_truncated_zip(good_file: Path) -> None:
    data = good_file.read_bytes()
    good_file.write_bytes(data[: len(data) // 2])
    rejected(good_file, "not a zip archive")


def test_rejects_a_missing_file(tmp_path: Path) -> None:
    rejected(tmp_path / "nowhere.mcproposal", "does not exist")


def test_rejects_a_zip_without_manifest(tmp_path: Path) -> None:
    path = tmp_path / "bare.mcproposal"
    write_zip(path, [("proposal.json", b"{}")])
    rejected(path, "no manifest.json")


# ---------------------------------------------------------------------------
# Member names and kinds
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "../../evil.json",
        "/etc/passwd",
        "..\\evil.json",
        "C:\\evil.json",
        "C:/evil.json",
        "revisions/../../up.json",
        "revisions//x.json",
        "bad\x01name.json",
    ],
)
def test_rejects_unsafe_member_names(good_file: Path, name: str) -> None:
    def add(members: dict[str, bytes]) -> None:
        members[name] = b"{}"

    rebuild(good_file, add)
    rejected(good_file, "unsafe name")


def test_rejects_duplicate_member_names(good_file: Path) -> None:
    members = members_of(good_file)
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = list(members.items())
    entries.append(("manifest.json", members["manifest.json"]))
    write_zip(good_file, entries)
    rejected(good_file, "“manifest.json” more than once")


@pytest.mark.parametrize("name", ["notes.txt", "attachments/cv.pdf", "revisions/x.txt"])
def test_rejects_unexpected_members(good_file: Path, name: str) -> None:
    def add(members: dict[str, bytes]) -> None:
        members[name] = b"hello"

    rebuild(good_file, add)
    rejected(good_file, "unexpected members", name)


def test_rejects_symlink_members(good_file: Path) -> None:
    members = members_of(good_file)
    link = zipfile.ZipInfo("annotations.json")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = [
        (name, data) for name, data in members.items() if name != "annotations.json"
    ]
    entries.append((link, b"/etc/passwd"))
    write_zip(good_file, entries)
    rejected(good_file, "symbolic link")


def test_rejects_encrypted_members(good_file: Path) -> None:
    members = members_of(good_file)
    with zipfile.ZipFile(good_file, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        # Mark one member as encrypted in the central directory written on close.
        archive.getinfo("proposal.json").flag_bits |= 0x1
    rejected(good_file, "“proposal.json” is encrypted")


def test_rejects_a_member_listed_in_the_manifest_but_missing(good_file: Path) -> None:
    rebuild(good_file, lambda members: members.pop("reviews.json"), refresh_checksums=False)
    rejected(good_file, "lists “reviews.json”", "does not contain it")


def test_rejects_a_member_missing_from_the_manifest(good_file: Path) -> None:
    members = members_of(good_file)
    manifest = json.loads(members["manifest.json"])
    manifest["members"] = [m for m in manifest["members"] if m["name"] != "reviews.json"]
    members["manifest.json"] = json.dumps(manifest).encode()
    write_zip(good_file, list(members.items()))
    rejected(good_file, "“reviews.json”, which its manifest does not list")


# ---------------------------------------------------------------------------
# Zip bombs and size limits
# ---------------------------------------------------------------------------
def test_rejects_a_member_declaring_a_huge_size(good_file: Path) -> None:
    def inflate(members: dict[str, bytes]) -> None:
        members["proposal.json"] = b" " * 1_000 + members["proposal.json"]

    rebuild(good_file, inflate)
    message = rejected(
        good_file, "proposal.json", "would unpack to", limits=Limits(max_member_bytes=900)
    )
    assert "900" in message


def test_rejects_a_highly_compressed_member(good_file: Path) -> None:
    # 8 MiB of spaces deflate to a few kilobytes: a ratio no proposal ever reaches.
    def bomb(members: dict[str, bytes]) -> None:
        members["proposal.json"] = b" " * (8 * 1024 * 1024) + members["proposal.json"]

    rebuild(good_file, bomb)
    rejected(good_file, "possible zip bomb")


def test_rejects_too_much_data_in_total(good_file: Path) -> None:
    total = sum(len(data) for name, data in members_of(good_file).items())
    rejected(good_file, "would unpack to", limits=Limits(max_total_bytes=total - 1))


def test_rejects_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "crowded.mcproposal"
    write_zip(path, [(f"revisions/r{number}.json", b"{}") for number in range(1_001)])
    rejected(path, "1001 members")


def test_rejects_a_member_that_inflates_beyond_its_declared_size(good_file: Path) -> None:
    members = members_of(good_file)
    with zipfile.ZipFile(good_file, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        # The header now claims far less than the compressed stream really holds.
        archive.getinfo("proposal.json").file_size = 100
    rejected(good_file, "“proposal.json” is damaged")


def test_reading_counts_bytes_instead_of_trusting_headers(
    good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulate a decompressor that yields more than the header declared.
    real_open = zipfile.ZipFile.open

    def lying_open(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        stream = real_open(self, name, *args, **kwargs)
        if getattr(name, "filename", name) != "proposal.json":
            return stream

        class Endless:
            def __enter__(self) -> Endless:
                return self

            def __exit__(self, *exc: object) -> None:
                stream.close()

            def read(self, size: int = -1) -> bytes:
                return b" " * max(size, 1)

        return Endless()

    monkeypatch.setattr(zipfile.ZipFile, "open", lying_open)
    rejected(good_file, "more data than allowed")


def test_rejects_an_oversized_archive(good_file: Path) -> None:
    rejected(good_file, "larger than", limits=Limits(max_archive_bytes=100))


# ---------------------------------------------------------------------------
# JSON hazards
# ---------------------------------------------------------------------------
def test_load_json_strict_rejects_duplicate_keys() -> None:
    with pytest.raises(ExchangeError, match="“title” appears twice"):
        load_json_strict(b'{"title": "a", "title": "b"}', what="proposal.json")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_load_json_strict_rejects_non_numbers(literal: str) -> None:
    with pytest.raises(ExchangeError, match=literal):
        load_json_strict(f'{{"hours": {literal}}}'.encode(), what="proposal.json")


def test_load_json_strict_limits_depth() -> None:
    assert load_json_strict(b"[" * 64 + b"]" * 64, what="x") == eval("[" * 64 + "]" * 64)
    with pytest.raises(ExchangeError, match="nested more than 64 levels"):
        load_json_strict(b"[" * 65 + b"]" * 65, what="x")
    with pytest.raises(ExchangeError, match="nested more than 64 levels"):
        load_json_strict(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, what="x")
    # Brackets inside strings are text, not nesting.
    assert load_json_strict(json.dumps({"t": "[" * 500}).encode(), what="x") == {"t": "[" * 500}


def test_load_json_strict_limits_size() -> None:
    with pytest.raises(ExchangeError, match="too large"):
        load_json_strict(b'"' + b"a" * 200 + b'"', what="x", max_bytes=100)
    with pytest.raises(ExchangeError, match="too large"):
        load_json_strict(b" " * (16 * 1024 * 1024 + 1), what="x")


def test_load_json_strict_other_hazards() -> None:
    assert load_json_strict(b'\xef\xbb\xbf{"a": 1}', what="x") == {"a": 1}
    for bad, fragment in [
        (b'{"a": "\xff"}', "not UTF-8"),
        (b'{"a": "\\ud800"}', "unpaired surrogate"),
        (b'{"a": ' + b"9" * 5_000 + b"}", "too large to read"),
        (b'{"a": }', "not valid JSON"),
    ]:
        with pytest.raises(ExchangeError, match=fragment):
            load_json_strict(bad, what="x")


def test_rejects_duplicate_keys_in_a_member(good_file: Path) -> None:
    def duplicate(members: dict[str, bytes]) -> None:
        text = members["proposal.json"].decode()
        members["proposal.json"] = text.replace(
            '"status": "draft"', '"status": "draft", "status": "approved"', 1
        ).encode()

    rebuild(good_file, duplicate)
    rejected(good_file, "proposal.json", "“status” appears twice")


def test_rejects_nan_in_a_member(good_file: Path) -> None:
    def nan(members: dict[str, bytes]) -> None:
        text = members["proposal.json"].decode()
        members["proposal.json"] = text.replace('"places": null', '"places": NaN', 1).encode()

    rebuild(good_file, nan)
    rejected(good_file, "proposal.json", "NaN")


def test_rejects_deeply_nested_member(good_file: Path) -> None:
    def nest(members: dict[str, bytes]) -> None:
        members["annotations.json"] = b"[" * 200 + b"]" * 200

    rebuild(good_file, nest)
    rejected(good_file, "annotations.json", "nested more than 64 levels")


def test_rejects_oversized_json_member(good_file: Path) -> None:
    def grow(members: dict[str, bytes]) -> None:
        members["reviews.json"] = b"[" + b" " * 100_000 + b"]"

    rebuild(good_file, grow)
    rejected(good_file, "reviews.json", "100002 bytes", limits=Limits(max_member_bytes=50_000))


# ---------------------------------------------------------------------------
# Formats and versions
# ---------------------------------------------------------------------------
def test_rejects_a_foreign_format_name(good_file: Path) -> None:
    rebuild(good_file, lambda members: None, manifest_changes={"format": "something-else"})
    rejected(good_file, "not an MC Designer proposal file", "something-else")


def test_rejects_a_review_file_given_as_proposal_file(tmp_path: Path) -> None:
    path = tmp_path / "review.mcproposal"
    write_review_file(path, ReviewBundle(proposal_id="p1", revision_hash="a" * 64, reviewer="R"))
    rejected(path, "is an MC Designer review file", "not an MC Designer proposal file")


def test_rejects_a_proposal_file_given_as_review_file(good_file: Path) -> None:
    with pytest.raises(ExchangeError, match="is an MC Designer proposal file"):
        read_review_file(good_file)


def test_rejects_a_newer_file_format(good_file: Path) -> None:
    rebuild(good_file, lambda members: None, manifest_changes={"format_version": 2})
    rejected(good_file, "made by a newer version of MC Designer")


def test_rejects_a_newer_proposal_schema(good_file: Path) -> None:
    rebuild(good_file, edit_json("proposal.json", lambda data: {**data, "schema_version": 4}))
    rejected(good_file, "made by a newer version of MC Designer")


def test_rejects_member_bytes_that_do_not_match_the_manifest(good_file: Path) -> None:
    def tamper(members: dict[str, bytes]) -> None:
        members["proposal.json"] = members["proposal.json"].replace(b"Water", b"Wine ")

    rebuild(good_file, tamper, refresh_checksums=False)
    rejected(good_file, "“proposal.json” does not match the checksum")


def test_rejects_a_proposal_that_does_not_match_the_content_hash(good_file: Path) -> None:
    def retitle(data: Any) -> Any:
        data["general"]["title"] = "Changed after writing"
        return data

    rebuild(good_file, edit_json("proposal.json", retitle))
    rejected(good_file, "content hash")


def test_rejects_a_manifest_with_bad_fields(good_file: Path) -> None:
    rebuild(good_file, lambda members: None, manifest_changes={"content_hash": "xyz"})
    rejected(good_file, "its manifest is not valid", "content hash")


# ---------------------------------------------------------------------------
# Model validation and consistency
# ---------------------------------------------------------------------------
def test_rejects_an_invalid_proposal_with_located_problems(good_file: Path) -> None:
    def spoil(data: Any) -> Any:
        data["general"]["title"] = "x" * 600
        data["general"]["places"] = -3
        data["general"]["colour"] = "blue"
        data["staff"][0]["email"] = "not an address"
        data["staff"][0]["hours"] = "many"
        return data

    rebuild(good_file, edit_json("proposal.json", spoil))
    message = rejected(good_file, "the proposal is not valid")
    assert "general › title: " in message and "at most 500" in message
    assert "general › places: enter 0 or more" in message
    assert "general › colour: this is not a field MC Designer knows" in message
    assert "(and 2 more problems)" in message
    assert "Traceback" not in message


def test_validation_problems_name_list_items(good_file: Path) -> None:
    def spoil(data: Any) -> Any:
        data["staff"][0]["email"] = "not an address"
        return data

    rebuild(good_file, edit_json("proposal.json", spoil))
    rejected(good_file, "staff › item 1 › email: 'not an address' is not an e-mail address")


def test_rejects_annotations_of_another_proposal(good_file: Path) -> None:
    def move(data: Any) -> Any:
        data[0]["proposal_id"] = "someone-else"
        return data

    rebuild(good_file, edit_json("annotations.json", move))
    rejected(good_file, "Annotation 1", "belongs to another proposal", "someone-else")


def test_rejects_reviews_of_another_proposal(good_file: Path) -> None:
    def move(data: Any) -> Any:
        data[0]["proposal_id"] = "someone-else"
        return data

    rebuild(good_file, edit_json("reviews.json", move))
    rejected(good_file, "Review 1", "belongs to another proposal")


def test_rejects_a_revision_whose_hash_does_not_match(good_file: Path) -> None:
    def wrong(data: Any) -> Any:
        data[0]["content_hash"] = "0" * 64
        return data

    rebuild(good_file, edit_json("revisions.json", wrong))
    rejected(good_file, "does not match its recorded content hash")


def test_rejects_revision_files_without_index_entry(good_file: Path) -> None:
    def extra(members: dict[str, bytes]) -> None:
        members["revisions/stray.json"] = members["proposal.json"]

    rebuild(good_file, extra)
    rejected(good_file, "revisions/stray.json", "revisions.json does not list")


def test_writer_refuses_records_of_another_proposal(tmp_path: Path) -> None:
    bundle = sample_bundle()
    stray = Annotation(proposal_id="other", path="general.title")
    path = tmp_path / "out.mcproposal"
    with pytest.raises(ExchangeError, match="belongs to another proposal"):
        write_proposal_file(path, ProposalBundle(proposal=bundle.proposal, annotations=(stray,)))
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_review_file_rejects_records_of_another_proposal(tmp_path: Path) -> None:
    bundle = ReviewBundle(
        proposal_id="p1",
        revision_hash="b" * 64,
        annotations=(Annotation(proposal_id="p1", path="general.title"),),
    )
    path = tmp_path / "r.mcreview"
    write_review_file(path, bundle)
    members = members_of(path)
    manifest = json.loads(members.pop("manifest.json"))
    annotations = json.loads(members["annotations.json"])
    annotations[0]["proposal_id"] = "p2"
    members["annotations.json"] = json.dumps(annotations).encode()
    write_zip(path, [("manifest.json", manifest_for(members, manifest)), *members.items()])
    with pytest.raises(ExchangeError, match="belongs to another proposal"):
        read_review_file(path)


# ---------------------------------------------------------------------------
# Atomic writing
# ---------------------------------------------------------------------------
def _fail(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failed_write_keeps_the_old_file_and_leaves_no_temp(
    good_file: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before = good_file.read_bytes()
    monkeypatch.setattr(f"mcdesigner.atomicfile.os.{step}", _fail)
    new = ProposalBundle(proposal=Proposal())
    with pytest.raises(ExchangeError) as caught:
        write_proposal_file(good_file, new)
    assert "No space left on device" in str(caught.value)
    assert good_file.name in str(caught.value)
    monkeypatch.undo()
    assert good_file.read_bytes() == before
    assert read_proposal_file(good_file) == sample_bundle()
    assert sorted(p.name for p in good_file.parent.iterdir()) == [good_file.name]


def test_write_interrupted_half_way_keeps_the_old_file(
    good_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = good_file.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self._handle = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def write(self, data: bytes) -> int:
            self._handle.write(data[: len(data) // 2])
            self._handle.flush()
            raise KeyboardInterrupt  # the user or the system stops the program mid-write

    monkeypatch.setattr("mcdesigner.atomicfile.os.fdopen", HalfWriter)
    with pytest.raises(KeyboardInterrupt):
        write_proposal_file(good_file, ProposalBundle(proposal=Proposal()))
    monkeypatch.undo()
    assert good_file.read_bytes() == before
    assert sorted(p.name for p in good_file.parent.iterdir()) == [good_file.name]


def test_successful_write_replaces_the_file_whole(good_file: Path) -> None:
    new = ProposalBundle(proposal=Proposal())
    write_proposal_file(good_file, new)
    assert read_proposal_file(good_file) == new
    assert sorted(p.name for p in good_file.parent.iterdir()) == [good_file.name]


def test_writer_refuses_content_it_could_not_read_back(tmp_path: Path) -> None:
    proposal = Proposal()
    stray = Annotation.model_construct(proposal_id=proposal.id, path="general.title\ud800")
    path = tmp_path / "out.mcproposal"
    with pytest.raises(ExchangeError, match="unpaired surrogate"):
        write_proposal_file(path, ProposalBundle(proposal=proposal, annotations=(stray,)))
    assert list(tmp_path.iterdir()) == []
