"""Write a file completely or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_write(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target``.

    The caller writes the whole file to the yielded path. If the block raises, the
    temporary file is removed and ``target`` is left as it was (absent or the old file),
    so a reader never sees a half-written document.
    """
    target = Path(target)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=f"{target.suffix}.part", dir=target.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
