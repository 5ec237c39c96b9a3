"""The zip container shared by proposal and review files, read defensively.

A container is one zip file holding ``manifest.json`` plus JSON members. Reading never
extracts anything to disk. Before any member is trusted it checks, in this order: the
file size; that it is a zip; the member count; every member name (no folders climbing
out, absolute paths, backslashes, drive letters or control characters); no symlinks,
encrypted or unusually compressed members; no duplicate names; the declared sizes and
compression ratios; the manifest's format name and version; no unexpected members; the
manifest's fields; and finally each member's actual size (counted while decompressing,
not taken from the headers) and SHA-256 against the manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from mcdesigner import __version__
from mcdesigner.atomicfile import atomic_write_bytes
from mcdesigner.exchange.errors import ExchangeError, shown, summarise_validation_error
from mcdesigner.exchange.limits import DEFAULT_LIMITS, Limits
from mcdesigner.exchange.manifest import (
    FORMAT_VERSION,
    MANIFEST_NAME,
    PROPOSAL_FORMAT,
    REVIEW_FORMAT,
    ManifestBase,
)
from mcdesigner.exchange.strict_json import dump_json, load_json_strict
from mcdesigner.i18n import tr

M = TypeVar("M", bound=ManifestBase)

_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_READ_CHUNK = 64 * 1024
_ACCEPTED_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ENCRYPTED_FLAG = 0x1


def format_description(format_name: str) -> str:
    """How a user would call a file of ``format_name``."""
    if format_name == PROPOSAL_FORMAT:
        return tr("an MC Designer proposal file (.mcproposal)")
    if format_name == REVIEW_FORMAT:
        return tr("an MC Designer review file (.mcreview)")
    return tr("an MC Designer file")


# ---------------------------------------------------------------------------
# Member checks
# ---------------------------------------------------------------------------
def unsafe_name_reason(name: str) -> str | None:
    """Why ``name`` is not acceptable as a member name, or ``None`` when it is safe."""
    if not name:
        return tr("it has no name")
    if "\\" in name:
        return tr("it contains a backslash")
    if name.startswith("/"):
        return tr("it is an absolute path")
    if _DRIVE_LETTER.match(name):
        return tr("it starts with a drive letter")
    if _CONTROL.search(name):
        return tr("it contains control characters")
    if len(name.encode("utf-8", "surrogatepass")) > 255:
        return tr("it is longer than 255 bytes")
    segments = name.split("/")
    if any(segment in ("..", ".") for segment in segments):
        return tr("it points outside the file's own folder")
    if "" in segments:
        return tr("it is a folder or has an empty path segment")
    return None


def _check_member_headers(infos: list[zipfile.ZipInfo]) -> None:
    for info in infos:
        # orig_filename is the name as stored, before zipfile adapts it to this platform.
        for name in {info.orig_filename, info.filename}:
            reason = unsafe_name_reason(name)
            if reason is not None:
                raise ExchangeError(
                    tr("it contains a member with an unsafe name (“{name}”: {reason})").format(
                        name=shown(name), reason=reason
                    )
                )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ExchangeError(
                tr("the member “{name}” is a symbolic link").format(name=shown(info.filename))
            )
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise ExchangeError(
                tr("the member “{name}” is not a regular file").format(name=shown(info.filename))
            )
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise ExchangeError(
                tr("the member “{name}” is encrypted").format(name=shown(info.filename))
            )
        if info.compress_type not in _ACCEPTED_COMPRESSION:
            raise ExchangeError(
                tr("the member “{name}” uses an unsupported compression method").format(
                    name=shown(info.filename)
                )
            )
    counts = Counter(info.filename for info in infos)
    duplicates = sorted(name for name, count in counts.items() if count > 1)
    if duplicates:
        raise ExchangeError(
            tr("it contains the member “{name}” more than once").format(name=shown(duplicates[0]))
        )


def _check_unexpected(infos: list[zipfile.ZipInfo], is_allowed: Callable[[str], bool]) -> None:
    unexpected = sorted(info.filename for info in infos if not is_allowed(info.filename))
    if unexpected:
        raise ExchangeError(
            tr("it contains unexpected members ({names})").format(
                names=", ".join(f"“{shown(name)}”" for name in unexpected[:3])
            )
        )


def _check_member_count(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_members:
        raise ExchangeError(
            tr("it has {count} members; at most {limit} are accepted").format(
                count=len(infos), limit=limits.max_members
            )
        )


def _check_declared_sizes(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = 0
    for info in infos:
        cap = (
            limits.max_manifest_bytes if info.filename == MANIFEST_NAME else limits.max_member_bytes
        )
        if info.file_size > cap:
            raise ExchangeError(
                tr(
                    "the member “{name}” would unpack to {size} bytes; at most {limit} are accepted"
                ).format(name=shown(info.filename), size=info.file_size, limit=cap)
            )
        if info.file_size > limits.ratio_threshold_bytes and (
            info.file_size > limits.max_ratio * max(info.compress_size, 1)
        ):
            raise ExchangeError(
                tr(
                    "the member “{name}” is compressed suspiciously well (possible zip bomb)"
                ).format(name=shown(info.filename))
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise ExchangeError(
            tr("its members would unpack to {size} bytes; at most {limit} are accepted").format(
                size=total, limit=limits.max_total_bytes
            )
        )


class _Budget:
    """Bytes still allowed to be decompressed from the whole archive."""

    def __init__(self, total: int) -> None:
        self.left = total


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, budget: _Budget
) -> bytes:
    """The member's bytes, counted while decompressing; never more than ``cap``."""
    limit = min(cap, info.file_size)
    chunks: list[bytes] = []
    size = 0
    too_large = False
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_READ_CHUNK):
                size += len(chunk)
                budget.left -= len(chunk)
                if size > limit or budget.left < 0:
                    too_large = True
                    break
                chunks.append(chunk)
    except Exception:  # zipfile raises many types on damaged data; all mean the same here
        raise ExchangeError(
            tr("the member “{name}” is damaged and cannot be unpacked").format(
                name=shown(info.filename)
            )
        ) from None
    if too_large:
        raise ExchangeError(
            tr("the member “{name}” unpacks to more data than allowed").format(
                name=shown(info.filename)
            )
        )
    return b"".join(chunks)


# ---------------------------------------------------------------------------
# Manifest checks
# ---------------------------------------------------------------------------
def _check_format(raw: Any, format_name: str) -> None:
    if not isinstance(raw, dict):
        raise ExchangeError(tr("its manifest is not a JSON object"))
    found = raw.get("format")
    if found != format_name:
        if found in (PROPOSAL_FORMAT, REVIEW_FORMAT):
            raise ExchangeError(
                tr("it is {found}, not {expected}").format(
                    found=format_description(str(found)), expected=format_description(format_name)
                )
            )
        raise ExchangeError(
            tr("it is not {expected} (its manifest names the format “{found}”)").format(
                expected=format_description(format_name), found=shown(str(found))
            )
        )
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError(tr("its manifest has no valid format version"))
    if version > FORMAT_VERSION:
        raise ExchangeError(
            tr(
                "it was made by a newer version of MC Designer (file format version {found}; "
                "this version reads up to {supported}). Please update MC Designer to open it"
            ).format(found=version, supported=FORMAT_VERSION)
        )


def _check_members_against_manifest(manifest: ManifestBase, members: dict[str, bytes]) -> None:
    listed = Counter(entry.name for entry in manifest.members)
    twice = sorted(name for name, count in listed.items() if count > 1)
    if twice:
        raise ExchangeError(tr("its manifest lists “{name}” twice").format(name=shown(twice[0])))
    missing = sorted(set(listed) - set(members))
    if missing:
        raise ExchangeError(
            tr("its manifest lists “{name}”, but the file does not contain it").format(
                name=shown(missing[0])
            )
        )
    unlisted = sorted(set(members) - set(listed))
    if unlisted:
        raise ExchangeError(
            tr("it contains “{name}”, which its manifest does not list").format(
                name=shown(unlisted[0])
            )
        )
    for entry in manifest.members:
        data = members[entry.name]
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise ExchangeError(
                tr(
                    "the member “{name}” does not match the checksum in the manifest "
                    "(it was damaged or changed after the file was written)"
                ).format(name=shown(entry.name))
            )


# ---------------------------------------------------------------------------
# Reading and writing
# ---------------------------------------------------------------------------
def _too_large(path: Path, limits: Limits) -> ExchangeError:
    return ExchangeError(
        tr("it is larger than {limit} bytes").format(limit=limits.max_archive_bytes), file=path
    )


def _read_archive_bytes(path: Path, limits: Limits) -> bytes:
    try:
        # Refuse a huge file from its size alone, before reading any of it, and anything
        # that is not a plain file (a pipe or a device could block or never end).
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise ExchangeError(tr("it is a folder, not a file"), file=path)
        if not stat.S_ISREG(status.st_mode):
            raise ExchangeError(tr("it is not a regular file"), file=path)
        if status.st_size > limits.max_archive_bytes:
            raise _too_large(path, limits)
        with path.open("rb") as handle:
            data = handle.read(limits.max_archive_bytes + 1)
    except FileNotFoundError:
        raise ExchangeError(tr("the file does not exist"), file=path) from None
    except IsADirectoryError:
        raise ExchangeError(tr("it is a folder, not a file"), file=path) from None
    except OSError as problem:
        raise ExchangeError(
            tr("it cannot be read ({problem})").format(problem=problem.strerror or problem),
            file=path,
        ) from None
    except ValueError:  # a path the system cannot even look up (e.g. a NUL character)
        raise ExchangeError(tr("the file name is not valid"), file=path) from None
    if len(data) > limits.max_archive_bytes:
        raise _too_large(path, limits)
    return data


def read_container(
    path: Path,
    *,
    format_name: str,
    manifest_model: type[M],
    is_allowed: Callable[[str], bool],
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[M, dict[str, bytes]]:
    """Check the container at ``path`` and return its manifest and its other members.

    ``is_allowed(name)`` says which member names the format permits besides the
    manifest. Raises :class:`ExchangeError` (naming ``path``) on the first problem.
    """
    data = _read_archive_bytes(path, limits)
    try:
        return _read_container_bytes(
            data,
            format_name=format_name,
            manifest_model=manifest_model,
            is_allowed=is_allowed,
            limits=limits,
        )
    except ExchangeError as problem:
        raise problem.for_file(path) from None


def _open_zip(data: bytes, format_name: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.infolist()
    except Exception:  # zipfile raises many types on damaged data; all mean the same here
        raise ExchangeError(
            tr("it is not a zip archive, so it is not {expected} (or it is damaged)").format(
                expected=format_description(format_name)
            )
        ) from None
    return archive


def _read_container_bytes(
    data: bytes,
    *,
    format_name: str,
    manifest_model: type[M],
    is_allowed: Callable[[str], bool],
    limits: Limits,
) -> tuple[M, dict[str, bytes]]:
    with _open_zip(data, format_name) as archive:
        infos = archive.infolist()
        _check_member_count(infos, limits)
        _check_member_headers(infos)
        _check_declared_sizes(infos, limits)
        by_name = {info.filename: info for info in infos}
        if MANIFEST_NAME not in by_name:
            raise ExchangeError(
                tr("it has no manifest.json, so it is not {expected}").format(
                    expected=format_description(format_name)
                )
            )
        budget = _Budget(limits.max_total_bytes)
        raw_manifest = load_json_strict(
            _read_member(archive, by_name[MANIFEST_NAME], limits.max_manifest_bytes, budget),
            what="manifest.json",
            max_bytes=limits.max_manifest_bytes,
        )
        _check_format(raw_manifest, format_name)
        _check_unexpected(infos, lambda name: name == MANIFEST_NAME or is_allowed(name))
        try:
            manifest = manifest_model.model_validate(raw_manifest)
        except ValidationError as problem:
            raise ExchangeError(
                summarise_validation_error(problem, what=tr("its manifest"))
            ) from None
        members = {
            info.filename: _read_member(archive, info, limits.max_member_bytes, budget)
            for info in infos
            if info.filename != MANIFEST_NAME
        }
    _check_members_against_manifest(manifest, members)
    return manifest, members


def _member_compression(data: bytes, limits: Limits) -> int:
    """Deflate, unless the result would look like a zip bomb to a reader."""
    if len(data) <= limits.ratio_threshold_bytes:
        return zipfile.ZIP_DEFLATED
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    compressed = len(compressor.compress(data)) + len(compressor.flush())
    if len(data) > (limits.max_ratio // 2) * max(compressed, 1):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def build_container(
    fields: dict[str, Any],
    members: dict[str, bytes],
    *,
    created: dt.datetime,
    limits: Limits = DEFAULT_LIMITS,
) -> bytes:
    """The bytes of a container with a manifest made of ``fields`` plus member checksums.

    Refuses (``ExchangeError``) to build a file its own reader would reject as too big.
    """
    count = len(members) + 1  # the manifest is a member too
    if count > limits.max_members:
        raise ExchangeError(
            tr("it would hold {count} members; at most {limit} are accepted").format(
                count=count, limit=limits.max_members
            ),
            writing=True,
        )
    total = 0
    for name, data in members.items():
        total += len(data)
        if len(data) > limits.max_member_bytes:
            raise ExchangeError(
                tr("“{name}” would be larger than {limit} bytes").format(
                    name=name, limit=limits.max_member_bytes
                ),
                writing=True,
            )
    manifest = {
        "format": fields["format"],
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "created": created.isoformat(),
        **fields,
        "members": [
            {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in members.items()
        ],
    }
    manifest_bytes = dump_json(manifest)
    if len(manifest_bytes) > limits.max_manifest_bytes:
        raise ExchangeError(
            tr("its manifest would be larger than {limit} bytes").format(
                limit=limits.max_manifest_bytes
            ),
            writing=True,
        )
    # The reader counts the manifest in the total, so the writer does too.
    total += len(manifest_bytes)
    if total > limits.max_total_bytes:
        raise ExchangeError(
            tr("the content would be {size} bytes; at most {limit} are accepted").format(
                size=total, limit=limits.max_total_bytes
            ),
            writing=True,
        )
    stamp = created.astimezone(dt.UTC) if created.tzinfo else created
    date_time = (
        max(stamp.year, 1980),
        stamp.month,
        stamp.day,
        stamp.hour,
        stamp.minute,
        stamp.second,
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [(MANIFEST_NAME, manifest_bytes), *members.items()]:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = _member_compression(data, limits)
            archive.writestr(info, data)
    return buffer.getvalue()


def write_container(path: Path, data: bytes, *, through_link: bool = False) -> None:
    """Write container bytes to ``path`` atomically, reporting failures as ExchangeError.

    ``path`` must be a regular file or a new name; a symbolic link is written through
    (the file it points to replaced) only when ``through_link`` is true.
    """
    try:
        atomic_write_bytes(path, data, through_link=through_link)
    except OSError as problem:
        raise ExchangeError(str(problem.strerror or problem), file=path, writing=True) from None
    except ValueError:  # a path the system cannot even look up (e.g. a NUL character)
        raise ExchangeError(tr("the file name is not valid"), file=path, writing=True) from None
