"""Write a file so it is either the old version or the complete new one, never half-written.

Every file the app writes for the user (documents, proposal and review files, credential
data, preferences) goes through here. The content goes to a temporary file in the
target's folder, which is flushed to disk and then renamed over the target in one step
(``os.replace``); the folder is flushed too, so the rename survives a power cut. If
anything fails, the temporary file is removed and the target is untouched. An existing
target keeps its permissions.

The temporary file is named ``.<target name>.<process id>.<random>.part``. It is removed
on every exit the process survives (an error, Ctrl+C, a termination request turned into
an exception); one left by a killed process is removed by the next write to the same
target, once no process with that id runs. Nothing else is ever removed: only these
names, only beside their target.

A target must be a regular file or a new name: a device, a named pipe, a socket or a
folder is refused (renaming over it would replace it with a file), and so is a symbolic
link unless the caller says to write through it, which replaces the file it points to
and keeps the link.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from mcdesigner.i18n import tr

#: How long a replace is retried while another program holds the target open (Windows).
REPLACE_RETRY_SECONDS = 2.0
#: Ending of the temporary files written next to a target.
TEMP_SUFFIX = ".part"
#: Age after which a temporary file of an earlier version (no process id in its name) is
#: taken as abandoned.
STALE_TEMP_SECONDS = 3600.0
# What follows ".<target name>." in a temporary name: the writer's process id and
# tempfile's eight random characters, or (earlier versions) the random characters alone.
_TEMP_TAIL = re.compile(r"^(?:(?P<pid>[0-9]{1,10})\.)?[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")
_ON_WINDOWS = os.name == "nt"


class UnsafeTarget(OSError):
    """The target exists and is not a regular file, or is a link not to be written through.

    ``strerror`` says what it is, in words; ``is_link`` tells a symbolic link apart.
    """

    def __init__(self, target: Path, reason: str, *, is_link: bool = False) -> None:
        super().__init__(0, reason, str(target))
        self.is_link = is_link


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return tr("it is a folder, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("it is a device, not a file")
    if stat.S_ISFIFO(mode):
        return tr("it is a named pipe (FIFO), not a file")
    if stat.S_ISSOCK(mode):
        return tr("it is a socket, not a file")
    return tr("it is not a regular file")


def checked_target(target: Path, *, through_link: bool = False) -> Path:
    """The path to write for ``target``, or :class:`UnsafeTarget` when it must not be written.

    That is ``target`` itself when it is a regular file or a new name, and the file a
    symbolic link points to when ``through_link`` is true.
    """
    target = Path(target)
    try:
        mode = os.lstat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return target  # a new name (a missing folder is reported by the write itself)
    if stat.S_ISLNK(mode):
        if not through_link:
            raise UnsafeTarget(
                target,
                tr(
                    "it is a symbolic link (to {target}); it is written through only when "
                    "that is confirmed"
                ).format(target=os.readlink(target)),
                is_link=True,
            )
        real = Path(os.path.realpath(target))
        if real.is_symlink():  # a loop of links
            raise UnsafeTarget(target, tr("it is a symbolic link that leads to no file"))
        return checked_target(real)
    if not stat.S_ISREG(mode):
        raise UnsafeTarget(target, _kind_of(mode))
    return target


def temp_prefix(target: Path) -> str:
    """Name prefix of the temporary files written next to ``target``."""
    return f".{target.name}."


def sweep_leftovers(target: Path) -> list[Path]:
    """Remove the temporary files of ``target`` abandoned by writers that no longer run.

    Returns what was removed. A file still being written (its process alive) is kept, and
    so is every name this module does not make.
    """
    target = Path(target)
    prefix = temp_prefix(target)
    removed: list[Path] = []
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    cutoff = time.time() - STALE_TEMP_SECONDS
    for candidate in candidates:
        match = _TEMP_TAIL.match(candidate.name[len(prefix) :])
        if match is None:
            continue
        pid = match.group("pid")
        try:
            info = candidate.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            abandoned = info.st_mtime < cutoff if pid is None else not _running(int(pid))
            if abandoned:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id is alive (this one included)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell: an earlier temporary file is kept
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, but someone else's
    return True


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _replace(source: Path, target: Path) -> None:
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
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # Some file systems cannot flush a folder; the rename itself is still atomic.
    finally:
        os.close(fd)


def _new_temporary(target: Path) -> tuple[int, Path]:
    sweep_leftovers(target)
    handle, name = tempfile.mkstemp(
        prefix=f"{temp_prefix(target)}{os.getpid()}.", suffix=TEMP_SUFFIX, dir=target.parent
    )
    return handle, Path(name)


def _put_in_place(temporary: Path, target: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(temporary, _new_file_mode(target))
    _replace(temporary, target)


@contextlib.contextmanager
def atomic_path(target: Path, *, through_link: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; when the block succeeds it replaces ``target``.

    The caller writes the whole file to the yielded path (for libraries that want a file
    name). If the block raises, the temporary file is removed and ``target`` is left as it
    was. Raises ``OSError`` when the file cannot be written (:class:`UnsafeTarget` when
    ``target`` is not a file, see :func:`checked_target`).
    """
    target = checked_target(target, through_link=through_link)
    handle, temporary = _new_temporary(target)
    os.close(handle)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        _put_in_place(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


def atomic_write_bytes(target: Path, data: bytes, *, through_link: bool = False) -> None:
    """Replace ``target`` with ``data`` atomically; raise ``OSError`` if that is impossible."""
    target = checked_target(target, through_link=through_link)
    handle, temporary = _new_temporary(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _put_in_place(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(target.parent)


def atomic_copy(source: Path, target: Path, *, through_link: bool = False) -> Path:
    """Copy ``source`` to ``target`` completely or not at all; returns ``target``."""
    source, target = Path(source), Path(target)
    if target.exists() and target.resolve() == source.resolve():
        return target
    if target.is_dir():
        raise IsADirectoryError(21, os.strerror(21), str(target))
    with (
        atomic_path(target, through_link=through_link) as temporary,
        open(source, "rb") as data,
        open(temporary, "wb") as out,
    ):
        shutil.copyfileobj(data, out, 1024 * 1024)
    return target
