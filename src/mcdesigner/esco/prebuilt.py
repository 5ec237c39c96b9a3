"""Ready-made parts of the ESCO indexes, shipped beside the data so start-up stays quick.

Working out the spelling-neutral form of 65,000 labels and the suggestion weights of 13,485
skills takes a couple of seconds of pure Python; ``scripts/build_esco.py`` does it once
and writes the results beside the data. Each file carries a *fingerprint*: the data file
it was computed from and :data:`INDEX_VERSION`. A file whose fingerprint does not match is
ignored (the part is computed at run time instead, with a warning in the log), so a stale
file can slow the app down but never make it wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from functools import cache
from pathlib import Path
from typing import Any

from mcdesigner.esco.data import RESOURCE

log = logging.getLogger(__name__)

#: Change it whenever word forms (:mod:`mcdesigner.esco.text`) or the suggestion ranking
#: change: the shipped files are then out of date (a test says so) until
#: ``scripts/build_esco.py`` is run again.
INDEX_VERSION = 1
LABELS: Path = RESOURCE.with_name("labels.json.gz")
SUGGESTIONS: Path = RESOURCE.with_name("suggestions.json.gz")


def fingerprint(data_file: bytes) -> str:
    """What a ready-made part is computed from: the data file and the index version."""
    return f"{INDEX_VERSION}:{hashlib.sha256(data_file).hexdigest()}"


@cache
def bundled_fingerprint() -> str:
    """The fingerprint the shipped parts must carry for the bundled data."""
    return fingerprint(RESOURCE.read_bytes())


def encode(content: Any, stamp: str) -> bytes:
    """``content`` with its fingerprint as compressed JSON."""
    text = json.dumps({"fingerprint": stamp, "content": content}, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def read(path: Path, stamp: str) -> Any:
    """The content of ``path`` if it carries ``stamp``, else ``None`` (missing, damaged or
    out-of-date files are left aside with a warning)."""
    try:
        document = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError, EOFError):
        log.warning("%s cannot be read: its index part is computed instead", path)
        return None
    if not isinstance(document, dict) or document.get("fingerprint") != stamp:
        log.warning("%s is out of date: its index part is computed instead", path)
        return None
    return document.get("content")
