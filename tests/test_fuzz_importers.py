"""Fuzzing the file readers: whatever arrives by e-mail, the only failure is an ExchangeError.

``read_proposal_file`` and ``read_review_file`` get random bytes and mutations of valid
files: flipped bytes, truncations, inserted garbage, and zips rebuilt with duplicated,
renamed, dropped, added or edited members (with the manifest's checksums recomputed so
the edits reach the JSON and model checks). ``load_json_strict`` gets JSON-like values
and mangled JSON text. Any exception other than :class:`ExchangeError` fails the test,
and every example has a deadline, so a hang or a slow path shows up as a failure too.

The default run keeps about 50 examples per property; the ``slow`` variants run a few
hundred (``MCDESIGNER_FUZZ_EXAMPLES`` sets how many, for a long nightly run).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import math
import os
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mcdesigner.exchange import (
    ExchangeError,
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
from mcdesigner.model.proposal import LearningOutcome, StaffMember
from mcdesigner.model.review import CriterionScore

MOMENT = dt.datetime(2025, 5, 2, 10, 0, tzinfo=dt.UTC)
PROPOSAL_ID = "fuzz-proposal"
Reader = Callable[[Path], Any]

_DEADLINE = dt.timedelta(seconds=3)
_TOLERATED = [HealthCheck.too_slow, HealthCheck.data_too_large]
FAST = settings(max_examples=50, deadline=_DEADLINE, suppress_health_check=_TOLERATED)
#: The slow variants' examples per property; a nightly run may ask for many more.
LONG_EXAMPLES = int(os.environ.get("MCDESIGNER_FUZZ_EXAMPLES", "400"))
LONG = settings(max_examples=LONG_EXAMPLES, deadline=_DEADLINE, suppress_health_check=_TOLERATED)


# ---------------------------------------------------------------------------
# Valid files to start from
# ---------------------------------------------------------------------------
def _proposal() -> Proposal:
    proposal = Proposal(id=PROPOSAL_ID)
    proposal.general.title = "Fuzzing <b>Łódź</b> & co"
    proposal.general.description = "Two lines.\nSecond line."
    proposal.certified.learning_outcomes.append(LearningOutcome(id="lo-1", text="Explain."))
    proposal.staff.append(StaffMember(id="st-1", name="Ana", hours=4.5))
    return proposal


def _records(proposal_id: str) -> tuple[tuple[Annotation, ...], tuple[Review, ...]]:
    annotation = Annotation(
        id="an-1",
        proposal_id=proposal_id,
        path="general.title",
        comments=[Comment(id="c-1", author="R", body="Fine.", created=MOMENT)],
        created=MOMENT,
        updated=MOMENT,
    )
    review = Review(
        id="rv-1",
        proposal_id=proposal_id,
        reviewer="R",
        scores=[CriterionScore(criterion_id="c1", score=3)],
        updated=MOMENT,
    )
    return (annotation,), (review,)


@functools.cache
def proposal_file_bytes() -> bytes:
    proposal = _proposal()
    earlier = proposal.model_copy(deep=True)
    earlier.general.title = "Earlier"
    annotations, reviews = _records(proposal.id)
    bundle = ProposalBundle(
        proposal=proposal,
        annotations=annotations,
        reviews=reviews,
        revisions=(
            RevisionEntry(
                id="rev-1",
                label="First",
                kind="manual",
                created_at=MOMENT,
                content_hash=content_hash(earlier),
                proposal=earlier,
            ),
        ),
    )
    buffer = io.BytesIO()
    _write_through_file(lambda path: write_proposal_file(path, bundle, created=MOMENT), buffer)
    return buffer.getvalue()


@functools.cache
def review_file_bytes() -> bytes:
    annotations, reviews = _records(PROPOSAL_ID)
    bundle = ReviewBundle(
        proposal_id=PROPOSAL_ID,
        revision_hash=content_hash(_proposal()),
        annotations=annotations,
        reviews=reviews,
        reviewer="R",
    )
    buffer = io.BytesIO()
    _write_through_file(lambda path: write_review_file(path, bundle, created=MOMENT), buffer)
    return buffer.getvalue()


def _write_through_file(write: Callable[[Path], None], buffer: io.BytesIO) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file"
        write(path)
        buffer.write(path.read_bytes())


def members_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)

MEMBER_NAMES = st.sampled_from(
    [
        "manifest.json",
        "proposal.json",
        "annotations.json",
        "reviews.json",
        "revisions.json",
        "revisions/rev-1.json",
        "revisions/other.json",
        "../../evil.json",
        "/etc/passwd",
        "C:\\evil.json",
        "a\\b.json",
        "folder/",
        "nul\x00.json",
        "",
        "x" * 300,
    ]
) | st.text(max_size=30)


def mutate_bytes(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with bytes flipped, cut off, overwritten or garbage inserted."""
    data = bytearray(base)
    kind = draw(st.sampled_from(["flip", "truncate", "insert", "overwrite"]))
    if not data:
        kind = "insert"
    if kind == "flip":
        for _ in range(draw(st.integers(1, 8))):
            index = draw(st.integers(0, len(data) - 1))
            data[index] ^= draw(st.integers(1, 255))
    elif kind == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif kind == "insert":
        index = draw(st.integers(0, len(data)))
        data[index:index] = draw(st.binary(min_size=1, max_size=64))
    else:
        index = draw(st.integers(0, len(data) - 1))
        chunk = draw(st.binary(min_size=1, max_size=64))
        data[index : index + len(chunk)] = chunk
    return bytes(data)


@st.composite
def byte_mutations(draw: st.DrawFn, base: Callable[[], bytes]) -> bytes:
    """The file made by ``base`` with a few bytes changed."""
    return mutate_bytes(draw, base())


def _json_edit(value: Any, draw: st.DrawFn) -> Any:
    """``value`` with one randomly chosen place replaced by a random JSON value."""
    if isinstance(value, dict) and value and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(value)))
        return {**value, key: _json_edit(value[key], draw)}
    if isinstance(value, list) and value and draw(st.booleans()):
        index = draw(st.integers(0, len(value) - 1))
        return [*value[:index], _json_edit(value[index], draw), *value[index + 1 :]]
    return draw(JSON_VALUES)


def _resign(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Recompute the manifest's sizes and checksums so edited members pass the checksum check."""
    names = [name for name, _ in members]
    if "manifest.json" not in names:
        return members
    try:
        manifest = json.loads(dict(members)["manifest.json"])
        data = dict(members)
        manifest["members"] = [
            {"name": n, "size": len(data[n]), "sha256": hashlib.sha256(data[n]).hexdigest()}
            for n in dict.fromkeys(names)
            if n != "manifest.json"
        ]
    except (ValueError, TypeError, KeyError):
        return members
    encoded = json.dumps(manifest).encode()
    return [(n, encoded if n == "manifest.json" else d) for n, d in members]


@st.composite
def member_mutations(draw: st.DrawFn, base: Callable[[], bytes]) -> bytes:
    """A zip rebuilt from the members of the file ``base`` makes, after structural edits."""
    members = members_of(base())
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(
            st.sampled_from(["duplicate", "rename", "drop", "add", "edit-json", "garble", "swap"])
        )
        if not members and operation != "add":
            continue
        index = draw(st.integers(0, max(len(members) - 1, 0)))
        if operation == "duplicate":
            members.append(members[index])
        elif operation == "rename":
            members[index] = (draw(MEMBER_NAMES), members[index][1])
        elif operation == "drop":
            del members[index]
        elif operation == "add":
            members.append((draw(MEMBER_NAMES), draw(st.binary(max_size=200))))
        elif operation == "edit-json":
            name, data = members[index]
            try:
                value = json.loads(data)
            except ValueError:
                continue
            members[index] = (name, json.dumps(_json_edit(value, draw)).encode())
        elif operation == "garble":
            name, data = members[index]
            members[index] = (name, mutate_bytes(draw, data))
        else:
            other = draw(st.integers(0, len(members) - 1))
            members[index], members[other] = members[other], members[index]
    if draw(st.booleans()):
        members = _resign(members)
    compression = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, data in members:
                try:
                    archive.writestr(name, data)
                except (ValueError, IndexError):
                    continue  # zipfile itself refuses some names (e.g. empty ones)
    return buffer.getvalue()


def mutations(base: Callable[[], bytes]) -> st.SearchStrategy[bytes]:
    return byte_mutations(base) | member_mutations(base)


# ---------------------------------------------------------------------------
# The properties
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "received.mcproposal"


def read_only_fails_cleanly(read: Reader, path: Path, data: bytes) -> None:
    """``read`` returns a result or raises ExchangeError with a message naming the file."""
    path.write_bytes(data)
    try:
        read(path)
    except ExchangeError as error:
        message = str(error)
        assert path.name in message and "Traceback" not in message
        assert "\n" not in message.strip()


def both_readers_survive(path: Path, data: bytes) -> None:
    read_only_fails_cleanly(read_proposal_file, path, data)
    read_only_fails_cleanly(read_review_file, path, data)


def test_the_base_files_are_valid(target: Path) -> None:
    target.write_bytes(proposal_file_bytes())
    assert read_proposal_file(target).revisions
    target.write_bytes(review_file_bytes())
    assert read_review_file(target).reviews


@FAST
@given(data=st.binary(max_size=2048))
def test_random_bytes(target: Path, data: bytes) -> None:
    both_readers_survive(target, data)


@FAST
@given(data=mutations(proposal_file_bytes))
def test_mutated_proposal_files(target: Path, data: bytes) -> None:
    both_readers_survive(target, data)


@FAST
@given(data=mutations(review_file_bytes))
def test_mutated_review_files(target: Path, data: bytes) -> None:
    both_readers_survive(target, data)


@pytest.mark.slow
@LONG
@given(data=st.binary(max_size=8192))
def test_random_bytes_long(target: Path, data: bytes) -> None:
    both_readers_survive(target, data)


@pytest.mark.slow
@LONG
@given(data=mutations(proposal_file_bytes))
def test_mutated_proposal_files_long(target: Path, data: bytes) -> None:
    both_readers_survive(target, data)


@pytest.mark.slow
@LONG
@given(data=mutations(review_file_bytes))
def test_mutated_review_files_long(target: Path, data: bytes) -> None:
    both_readers_survive(target, data)


# ---------------------------------------------------------------------------
# load_json_strict
# ---------------------------------------------------------------------------
def _unreadable(value: Any) -> bool:
    """Whether ``value`` holds something strict JSON must refuse (NaN, infinity, surrogates)."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, str):
        return any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, list):
        return any(_unreadable(v) for v in value)
    if isinstance(value, dict):
        return any(_unreadable(k) or _unreadable(v) for k, v in value.items())
    return False


def json_round_trip(value: Any, ensure_ascii: bool) -> None:
    data = json.dumps(value, ensure_ascii=ensure_ascii).encode("utf-8", "surrogatepass")
    if _unreadable(value):
        with pytest.raises(ExchangeError):
            load_json_strict(data, what="value.json")
    else:
        assert load_json_strict(data, what="value.json") == value


def json_mangling_fails_cleanly(data: bytes) -> None:
    try:
        load_json_strict(data, what="value.json")
    except ExchangeError as error:
        assert "value.json" in str(error).lower()


@st.composite
def mangled_json(draw: st.DrawFn) -> bytes:
    text = json.dumps(draw(JSON_VALUES), ensure_ascii=draw(st.booleans()))
    data = text.encode("utf-8", "surrogatepass")
    mangled = mutate_bytes(draw, data)
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"[" * 70, b'"', b"\\"]))
    suffix = draw(st.sampled_from([b"", b"]" * 70, b',"a":1}', b"NaN", b" 1e400", b"\x00"]))
    return prefix + mangled + suffix


@FAST
@given(value=JSON_VALUES, ensure_ascii=st.booleans())
def test_load_json_strict_reads_back_or_refuses_values(value: Any, ensure_ascii: bool) -> None:
    json_round_trip(value, ensure_ascii)


@FAST
@given(data=mangled_json() | st.binary(max_size=512))
def test_load_json_strict_on_mangled_text(data: bytes) -> None:
    json_mangling_fails_cleanly(data)


@pytest.mark.slow
@LONG
@given(value=JSON_VALUES, ensure_ascii=st.booleans())
def test_load_json_strict_reads_back_or_refuses_values_long(value: Any, ensure_ascii: bool) -> None:
    json_round_trip(value, ensure_ascii)


@pytest.mark.slow
@LONG
@given(data=mangled_json() | st.binary(max_size=4096))
def test_load_json_strict_on_mangled_text_long(data: bytes) -> None:
    json_mangling_fails_cleanly(data)


def test_load_json_strict_refuses_the_classic_traps() -> None:
    traps = {
        b'{"a": 1, "a": 2}': "appears twice",
        b"[NaN]": "not a number",
        b"[-Infinity]": "not a number",
        b'["\\ud800"]': "unpaired surrogate",
        b"[" + b"9" * 5000 + b"]": "too large to read",
        b"[" * 100_000: "nested more than",
        b"\xff\xfe[\x00]\x00": "not UTF-8",
        b"": "not valid JSON",
    }
    for data, expected in traps.items():
        with pytest.raises(ExchangeError, match=expected):
            load_json_strict(data, what="trap.json")
    assert load_json_strict(b'\xef\xbb\xbf{"a": [1, -0]}', what="bom.json") == {"a": [1, 0]}
