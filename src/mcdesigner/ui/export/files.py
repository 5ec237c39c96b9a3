"""File helpers of the export dialog: suggested names and copying a finished export into place.

Pure Python (no Qt). :func:`copy_atomically` writes the copy to a temporary file in the
target folder and renames it over the target, so the target is either untouched or the
complete document, never half a file (a full disk or a missing permission leaves the
previous file as it was).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

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


def _new_file_mode(target: Path) -> int:
    """The permissions the copy gets: those of the file it replaces, else the usual ones."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` completely or not at all; returns ``target``.

    Raises :class:`OSError` (permission denied, disk full, missing folder...) with
    nothing left behind in the target folder.
    """
    source, target = Path(source), Path(target)
    if target.exists() and target.resolve() == source.resolve():
        return target
    if target.is_dir():
        raise IsADirectoryError(21, os.strerror(21), str(target))
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out, open(source, "rb") as data:
            shutil.copyfileobj(data, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        if os.name == "posix":
            os.chmod(temporary, _new_file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target
