"""File helpers of the export dialog: suggested names and copying a finished export into place.

Pure Python (no Qt). :func:`copy_atomically` writes the copy to a temporary file in the
target folder and renames it over the target, so the target is either untouched or the
complete document, never half a file (a full disk or a missing permission leaves the
previous file as it was).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from mcdesigner.atomicfile import atomic_copy

_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")
MAX_STEM = 120


def safe_file_stem(text: str, fallback: str = "proposal") -> str:
    """``text`` as a file name without extension, readable and valid on every system."""
    cleaned = unicodedata.normalize("NFC", text)
    cleaned = _FORBIDDEN.sub(" ", cleaned)
    cleaned = _SPACES.sub(" ", cleaned).strip(" .")
    if len(cleaned) > MAX_STEM:
        cleaned = cleaned[:MAX_STEM].rsplit(" ", 1)[0].rstrip(" .-–") or cleaned[:MAX_STEM]
    return cleaned or fallback


def suggested_filename(title: str, document_label: str, extension: str) -> str:
    """``Towards INGENIUM Micro-credentials Framework - Committee dossier.pdf``."""
    stem = safe_file_stem(f"{safe_file_stem(title)} - {document_label}")
    return f"{stem}.{extension.lstrip('.')}"


def with_extension(path: Path, extension: str) -> Path:
    """``path`` with ``extension`` added unless it already ends with it (any case)."""
    suffix = "." + extension.lstrip(".")
    if path.name.lower().endswith(suffix.lower()):
        return path
    return path.with_name(path.name + suffix)


def copy_atomically(source: Path, target: Path, *, through_link: bool = False) -> Path:
    """Copy ``source`` to ``target`` completely or not at all; returns ``target``.

    Raises :class:`OSError` (permission denied, disk full, missing folder, a target that
    is a device or a named pipe, a symbolic link unless ``through_link``...) with nothing
    left behind in the target folder.
    """
    return atomic_copy(source, target, through_link=through_link)
