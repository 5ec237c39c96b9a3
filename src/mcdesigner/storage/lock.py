"""The editor window's hold on a database: advisory locks the kernel drops when it dies.

Two locks are taken. ``<database>.lock`` beside the database's *real* path (symlinks
resolved) holds the window's process id for people to read. On Linux the database file itself
is also locked with ``flock`` (which SQLite's own byte-range locks never touch), so the same
file reached through a symlink, a hard link, or after the ``.lock`` file was deleted is still
refused. A crash never leaves a stale lock behind.

Closing any descriptor of a file drops the POSIX locks the whole process holds on it, SQLite's
included, so the descriptor used for ``flock`` is closed only when no store of this process
still has that database open (:func:`note_opened` / :func:`note_closed`).
"""

from __future__ import annotations

import os
import sys
import threading
from collections import Counter
from pathlib import Path

from mcdesigner.i18n import tr
from mcdesigner.storage.errors import StoreError, StoreLocked

#: Whether the database file itself is locked too (flock is independent of SQLite's locks).
IDENTITY_LOCK = sys.platform.startswith("linux")

FileKey = tuple[int, int]

_registry_mutex = threading.Lock()
_open_stores: Counter[FileKey] = Counter()
_closing_later: dict[FileKey, list[int]] = {}


def lock_path_for(db_path: Path) -> Path:
    """The lock file that guards ``db_path`` (beside its real path, symlinks resolved)."""
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".lock")


def file_key(path: Path) -> FileKey | None:
    """The (device, inode) pair that identifies the file at ``path``; None when missing."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def note_opened(key: FileKey | None) -> None:
    """Record that a store of this process has the database ``key`` open."""
    if key is not None:
        with _registry_mutex:
            _open_stores[key] += 1


def note_closed(key: FileKey | None) -> None:
    """Record that a store closed ``key``; close released lock descriptors once none is open."""
    if key is None:
        return
    with _registry_mutex:
        _open_stores[key] -= 1
        if _open_stores[key] > 0:
            return
        del _open_stores[key]
        pending = _closing_later.pop(key, [])
    for fd in pending:
        os.close(fd)


class DatabaseLock:
    """The window's hold on one database: its ``.lock`` file and (on Linux) the file itself."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._file_lock = FileLock(lock_path_for(db_path))
        self._fd: int | None = None
        self._key: FileKey | None = None

    def acquire(self) -> None:
        """Take both locks now or raise :class:`StoreLocked`; the database must exist."""
        self._file_lock.acquire()
        if not IDENTITY_LOCK:
            return
        try:
            self._lock_database()
        except BaseException:
            self._file_lock.release()
            raise

    def _lock_database(self) -> None:
        try:
            fd = os.open(self.db_path, os.O_RDONLY)
        except OSError as error:
            raise StoreError(
                tr("Could not open the proposal database {path}: {detail}").format(
                    path=self.db_path, detail=error.strerror or error
                )
            ) from error
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino)
        try:
            _lock(fd)
        except OSError as error:
            self._close_later(key, fd)
            raise StoreLocked(
                tr(
                    "The proposals in {path} are already open in another window of MC "
                    "Designer, perhaps under another name or through a link. Switch to that "
                    "window, or close it and try again."
                ).format(path=self.db_path)
            ) from error
        self._fd, self._key = fd, key

    def release(self) -> None:
        """Give both locks up."""
        fd, self._fd = self._fd, None
        if fd is not None and self._key is not None:
            try:
                _unlock(fd)
            finally:
                self._close_later(self._key, fd)
        self._file_lock.release()

    @staticmethod
    def _close_later(key: FileKey, fd: int) -> None:
        with _registry_mutex:
            if _open_stores[key] > 0:
                _closing_later.setdefault(key, []).append(fd)
                return
        os.close(fd)


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
