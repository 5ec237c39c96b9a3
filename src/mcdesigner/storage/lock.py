"""An operating-system advisory lock on ``<database>.lock``, held by the editor window.

The lock is released when the holder closes it or when its process dies (the kernel drops it),
so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mcdesigner.i18n import tr
from mcdesigner.storage.errors import StoreError, StoreLocked


def lock_path_for(db_path: Path) -> Path:
    """The lock file that guards ``db_path``."""
    return db_path.with_name(db_path.name + ".lock")


class FileLock:
    """A non-blocking exclusive lock on one file; :meth:`acquire` raises :class:`StoreLocked`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`StoreLocked` naming the file."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreError(
                tr("Could not create the lock file {path}: {detail}").format(
                    path=self.path, detail=error.strerror or error
                )
            ) from error
        try:
            _lock(fd)
        except OSError as error:
            os.close(fd)
            raise StoreLocked(
                tr(
                    "The proposals are already open in another window of MC Designer "
                    "(the lock file {path} is held). Switch to that window, or close it and "
                    "try again."
                ).format(path=self.path)
            ) from error
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            pass  # The pid is only a hint for people; the lock itself is what counts.
        self._fd = fd

    def release(self) -> None:
        """Give the lock up (closing the file descriptor releases it)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
