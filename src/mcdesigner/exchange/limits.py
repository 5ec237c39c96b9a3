"""Size limits that keep a hostile or broken exchange file from exhausting the machine.

Every limit is far above what a real proposal needs (a proposal with thousands of list
items is a few megabytes of JSON) and low enough that a zip bomb is refused before it is
decompressed. Readers take a :class:`Limits` so tests can use small numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps applied while reading (and, to stay readable, while writing) exchange files."""

    #: Size of the whole file on disk.
    max_archive_bytes: int = 64 * _MIB
    #: Number of members in the zip.
    max_members: int = 1_000
    #: Uncompressed size of one member (also the largest JSON document parsed).
    max_member_bytes: int = 16 * _MIB
    #: Uncompressed size of all members together.
    max_total_bytes: int = 128 * _MIB
    #: Uncompressed size of ``manifest.json``.
    max_manifest_bytes: int = 1 * _MIB
    #: Highest uncompressed:compressed ratio of a member ...
    max_ratio: int = 200
    #: ... checked for members larger than this (tiny members compress arbitrarily well).
    ratio_threshold_bytes: int = 1 * _MIB


DEFAULT_LIMITS = Limits()
