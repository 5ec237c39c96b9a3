"""Every size limit of the exchange files, exactly at the limit (accepted) and one over
(refused with a message naming the limit), for reading, writing and strict JSON."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mcdesigner.exchange import (
    ExchangeError,
    Limits,
    load_json_strict,
    read_proposal_file,
    write_proposal_file,
)
from test_exchange import MOMENT, sample_bundle


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "proposal.mcproposal"
    write_proposal_file(path, sample_bundle(), created=MOMENT)
    return path


def _sizes(path: Path) -> dict[str, int]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: info.file_size for info in archive.infolist()}


def _refused(path: Path, limits: Limits) -> str:
    with pytest.raises(ExchangeError) as caught:
        read_proposal_file(path, limits=limits)
    message = str(caught.value)
    assert message.startswith(f"Cannot open “{path.name}”: ")
    assert message.endswith("Nothing was changed.")
    return message


def _write_refused(path: Path, limits: Limits) -> str:
    with pytest.raises(ExchangeError) as caught:
        write_proposal_file(path, sample_bundle(), created=MOMENT, limits=limits)
    message = str(caught.value)
    assert message.startswith(f"Cannot write “{path.name}”: ")
    assert not path.exists()
    return message


# ---------------------------------------------------------------------------
# Reading a file
# ---------------------------------------------------------------------------
def test_member_count_exactly_at_the_limit_is_read_and_one_more_is_refused(
    good_file: Path,
) -> None:
    count = len(_sizes(good_file))
    assert read_proposal_file(good_file, limits=Limits(max_members=count)) == sample_bundle()
    message = _refused(good_file, Limits(max_members=count - 1))
    assert f"it has {count} members; at most {count - 1} are accepted" in message


def test_file_size_exactly_at_the_limit_is_read_and_one_byte_more_is_refused(
    good_file: Path,
) -> None:
    size = good_file.stat().st_size
    assert read_proposal_file(good_file, limits=Limits(max_archive_bytes=size)) == sample_bundle()
    message = _refused(good_file, Limits(max_archive_bytes=size - 1))
    assert f"it is larger than {size - 1} bytes" in message


def test_member_size_exactly_at_the_limit_is_read_and_one_byte_more_is_refused(
    good_file: Path,
) -> None:
    sizes = _sizes(good_file)
    name, largest = max(
        ((n, s) for n, s in sizes.items() if n != "manifest.json"), key=lambda item: item[1]
    )
    limits = Limits(max_member_bytes=largest, max_manifest_bytes=sizes["manifest.json"])
    assert read_proposal_file(good_file, limits=limits) == sample_bundle()
    message = _refused(good_file, Limits(max_member_bytes=largest - 1))
    assert (
        f"the member “{name}” would unpack to {largest} bytes; at most {largest - 1} are accepted"
        in message
    )


def test_manifest_size_exactly_at_the_limit_is_read_and_one_byte_more_is_refused(
    good_file: Path,
) -> None:
    size = _sizes(good_file)["manifest.json"]
    assert read_proposal_file(good_file, limits=Limits(max_manifest_bytes=size)) == sample_bundle()
    message = _refused(good_file, Limits(max_manifest_bytes=size - 1))
    assert f"the member “manifest.json” would unpack to {size} bytes; at most {size - 1}" in message


def test_total_size_exactly_at_the_limit_is_read_and_one_byte_more_is_refused(
    good_file: Path,
) -> None:
    total = sum(_sizes(good_file).values())
    assert read_proposal_file(good_file, limits=Limits(max_total_bytes=total)) == sample_bundle()
    message = _refused(good_file, Limits(max_total_bytes=total - 1))
    assert f"its members would unpack to {total} bytes; at most {total - 1} are accepted" in message


# ---------------------------------------------------------------------------
# Writing a file: never one its own reader would refuse
# ---------------------------------------------------------------------------
def test_writing_exactly_the_member_limit_works_and_one_more_is_refused(
    good_file: Path, tmp_path: Path
) -> None:
    count = len(_sizes(good_file))
    at_limit = tmp_path / "at-limit.mcproposal"
    write_proposal_file(at_limit, sample_bundle(), created=MOMENT, limits=Limits(max_members=count))
    assert read_proposal_file(at_limit, limits=Limits(max_members=count)) == sample_bundle()
    message = _write_refused(tmp_path / "over.mcproposal", Limits(max_members=count - 1))
    assert f"it would hold {count} members; at most {count - 1} are accepted" in message


def test_writing_exactly_the_member_size_works_and_one_byte_more_is_refused(
    good_file: Path, tmp_path: Path
) -> None:
    sizes = _sizes(good_file)
    name, largest = max(
        ((n, s) for n, s in sizes.items() if n != "manifest.json"), key=lambda item: item[1]
    )
    at_limit = tmp_path / "at-limit.mcproposal"
    write_proposal_file(
        at_limit, sample_bundle(), created=MOMENT, limits=Limits(max_member_bytes=largest)
    )
    assert _sizes(at_limit) == sizes
    message = _write_refused(tmp_path / "over.mcproposal", Limits(max_member_bytes=largest - 1))
    assert f"“{name}” would be larger than {largest - 1} bytes" in message


def test_writing_exactly_the_total_size_works_and_one_byte_more_is_refused(
    good_file: Path, tmp_path: Path
) -> None:
    # The reader counts the manifest in the total, so a file written at the limit reads back.
    total = sum(_sizes(good_file).values())
    at_limit = tmp_path / "at-limit.mcproposal"
    limits = Limits(max_total_bytes=total)
    write_proposal_file(at_limit, sample_bundle(), created=MOMENT, limits=limits)
    assert read_proposal_file(at_limit, limits=limits) == sample_bundle()
    message = _write_refused(tmp_path / "over.mcproposal", Limits(max_total_bytes=total - 1))
    assert f"the content would be {total} bytes; at most {total - 1} are accepted" in message


def test_writing_exactly_the_manifest_size_works_and_one_byte_more_is_refused(
    good_file: Path, tmp_path: Path
) -> None:
    size = _sizes(good_file)["manifest.json"]
    at_limit = tmp_path / "at-limit.mcproposal"
    limits = Limits(max_manifest_bytes=size)
    write_proposal_file(at_limit, sample_bundle(), created=MOMENT, limits=limits)
    assert read_proposal_file(at_limit, limits=limits) == sample_bundle()
    message = _write_refused(tmp_path / "over.mcproposal", Limits(max_manifest_bytes=size - 1))
    assert f"its manifest would be larger than {size - 1} bytes" in message


# ---------------------------------------------------------------------------
# Strict JSON
# ---------------------------------------------------------------------------
def test_json_exactly_at_the_size_limit_is_read_and_one_byte_more_is_refused() -> None:
    data = b'{"title": "Water"}'
    assert load_json_strict(data, what="proposal.json", max_bytes=len(data)) == {"title": "Water"}
    with pytest.raises(ExchangeError) as caught:
        load_json_strict(data + b" ", what="proposal.json", max_bytes=len(data))
    assert str(caught.value) == (
        f"Proposal.json is too large ({len(data) + 1} bytes; at most {len(data)} are accepted)."
        " Nothing was changed."
    )


def test_json_exactly_at_the_nesting_limit_is_read_and_one_level_more_is_refused() -> None:
    at_limit = b"[" * 5 + b'"]]]"' + b"]" * 5
    assert load_json_strict(at_limit, what="reviews.json", max_depth=5) == [[[[["]]]"]]]]]
    with pytest.raises(ExchangeError) as caught:
        load_json_strict(b"[" + at_limit + b"]", what="reviews.json", max_depth=5)
    assert str(caught.value) == (
        "Reviews.json is nested more than 5 levels deep. Nothing was changed."
    )


@pytest.mark.parametrize(
    "data",
    [
        b'{"\\ud800": 1}',
        b'{"title": "ok", "\\udfff tail": "ok"}',
        b'{"outer": [{"inner \\udc00": null}]}',
    ],
    ids=["key", "second key", "nested key"],
)
def test_a_lone_surrogate_in_an_object_key_is_refused_like_one_in_a_value(data: bytes) -> None:
    with pytest.raises(ExchangeError) as caught:
        load_json_strict(data, what="proposal.json")
    assert str(caught.value) == (
        "Proposal.json is not acceptable: it contains a broken character"
        " (an unpaired surrogate). Nothing was changed."
    )


def test_a_surrogate_pair_in_a_key_is_a_real_character_and_accepted() -> None:
    assert load_json_strict(b'{"\\ud83d\\ude00": 1}', what="proposal.json") == {"\U0001f600": 1}
