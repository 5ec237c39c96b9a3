"""Write a file so it is either the old version or the complete new one, never half-written.

The bytes go to a temporary file in the target's folder, which is flushed to disk and
then renamed over the target in one step (``os.replace``); the folder is flushed too so
the rename survives a power cut. If anything fails the temporary file is removed and the
target is untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

#: How long a replace is retried while another program holds the target open (Windows).
REPLACE_RETRY_SECONDS = 2.0
_TEMP_SUFFIX = ".part"
_ON_WINDOWS = os.name == "nt"


def temp_prefix(target: Path) -> str:
    """Name prefix of the temporary files written next to ``target``."""
    return f".{target.name}."


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o644


def _replace(source: str, target: Path) -> None:
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            # On Windows a file open in another program cannot be replaced for a moment.
            if not _ON_WINDOWS or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


def _sync_folder(folder: Path) -> None:
    if _ON_WINDOWS:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # Some file systems cannot flush a folder; the rename itself is still atomic.
    finally:
        os.close(fd)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically; raise ``OSError`` if that is impossible."""
    folder = target.parent
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=temp_prefix(target), suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp_name, _new_file_mode(target))
        _replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(folder)
