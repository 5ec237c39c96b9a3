"""Reading, checking, installing and removing an institution profile.

A profile comes as a folder or as a ``.mcprofile`` zip of that folder (its files at the
top, or inside one folder). It is read into memory and checked before anything is
written: the size of the whole and of each file, the names (no folders climbing out, no
links), ``profile.toml`` against :class:`~mcdesigner.profiles.model.InstitutionProfile`,
and each file it names (the logo is a PNG or JPEG picture, the Word template a Word file,
the PDF layout and the rubric read as the documents and the reviews read them). Every
message names the file and the key. Only then is it copied into ``profile/`` in the
user's config folder, replacing the profile installed before in one rename.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import tempfile
import tomllib
import zipfile
from pathlib import Path

from pydantic import ValidationError

from mcdesigner.exchange.container import unsafe_name_reason
from mcdesigner.i18n import tr
from mcdesigner.model.validation import problem_text
from mcdesigner.profiles.model import InstalledProfile, InstitutionProfile
from mcdesigner.settings import preferences_path

#: The file describing a profile, at the top of its folder.
PROFILE_FILE = "profile.toml"
#: Extension of a profile packed in one file.
PROFILE_SUFFIX = ".mcprofile"
MAX_FILES = 20
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 30 * 1024 * 1024
MAX_LOGO_BYTES = 2 * 1024 * 1024
_PICTURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class ProfileError(Exception):
    """A profile that cannot be installed or read; the message says where and why."""


def profile_dir() -> Path:
    """Where the profile in use is installed (beside the preferences)."""
    return preferences_path().parent / "profile"


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------
def _refuse(source: Path, reason: str) -> ProfileError:
    return ProfileError(
        tr("The profile {source} cannot be installed: {reason}").format(
            source=source, reason=reason
        )
    )


def _read_folder(source: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for entry in sorted(source.iterdir()):
        if entry.is_symlink():
            raise _refuse(source, tr("“{name}” is a link").format(name=entry.name))
        if entry.is_dir():
            continue  # only the files at the top belong to the profile
        if len(files) >= MAX_FILES:
            raise _refuse(source, tr("it holds more than {count} files").format(count=MAX_FILES))
        size = entry.stat().st_size
        total += size
        if size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise _refuse(source, tr("“{name}” is too large").format(name=entry.name))
        files[entry.name] = entry.read_bytes()
    return files


def _read_zip(source: Path) -> dict[str, bytes]:
    if source.stat().st_size > MAX_TOTAL_BYTES:
        raise _refuse(source, tr("the file is too large"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.read_bytes()))
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(source, tr("it is not a profile file (or it is damaged)")) from None
    if len(infos) > MAX_FILES:
        raise _refuse(source, tr("it holds more than {count} files").format(count=MAX_FILES))
    tops = {info.filename.split("/", 1)[0] for info in infos if "/" in info.filename}
    prefix = f"{tops.pop()}/" if len(tops) == 1 and all("/" in i.filename for i in infos) else ""
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        reason = unsafe_name_reason(info.filename)
        name = info.filename[len(prefix) :]
        if reason is None and "/" in name:
            continue  # files in sub-folders are not part of the profile
        if reason is not None:
            raise _refuse(
                source, tr("“{name}”: {reason}").format(name=info.filename, reason=reason)
            )
        if stat.S_ISLNK(info.external_attr >> 16) or info.flag_bits & 0x1:
            raise _refuse(source, tr("“{name}” is a link or encrypted").format(name=name))
        total += info.file_size
        if info.file_size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise _refuse(source, tr("“{name}” is too large").format(name=name))
        try:
            with archive.open(info) as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise _refuse(source, tr("“{name}” is damaged").format(name=name)) from None
        if len(data) > MAX_FILE_BYTES:
            raise _refuse(source, tr("“{name}” is too large").format(name=name))
        files[name] = data
    return files


def _parse(source: Path, files: dict[str, bytes]) -> InstitutionProfile:
    raw = files.get(PROFILE_FILE)
    if raw is None:
        raise _refuse(source, tr("it has no {file}").format(file=PROFILE_FILE))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _refuse(source, tr("{file} is not UTF-8 text").format(file=PROFILE_FILE)) from None
    except tomllib.TOMLDecodeError as error:
        raise _refuse(source, f"{PROFILE_FILE}: {error}") from None
    try:
        return InstitutionProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = " › ".join(str(part) for part in first["loc"]) or PROFILE_FILE
        problem = problem_text(first) if first["type"] != "extra_forbidden" else ""
        if not problem:
            problem = tr("this is not a setting of a profile")
        raise _refuse(source, f"{PROFILE_FILE}, {where}: {problem}") from None


def _check_named_files(source: Path, profile: InstitutionProfile, files: dict[str, bytes]) -> None:
    for key, name in profile.files().items():
        where = f"{PROFILE_FILE}, {key.replace('.', ' › ')}"
        if "/" in name or "\\" in name or name in ("", ".", "..") or name == PROFILE_FILE:
            raise _refuse(
                source, tr("{where}: “{name}” is not a file name").format(where=where, name=name)
            )
        data = files.get(name)
        if data is None:
            raise _refuse(
                source,
                tr("{where}: the profile has no file “{name}”").format(where=where, name=name),
            )
        if key == "institution.logo":
            if not data.startswith(_PICTURES):
                raise _refuse(
                    source,
                    tr("{where}: “{name}” is not a PNG or JPEG picture").format(
                        where=where, name=name
                    ),
                )
            if len(data) > MAX_LOGO_BYTES:
                raise _refuse(
                    source,
                    tr("{where}: “{name}” is larger than 2 MB").format(where=where, name=name),
                )
        if key == "documents.word_template" and not _is_word_file(data):
            raise _refuse(
                source, tr("{where}: “{name}” is not a Word file").format(where=where, name=name)
            )


def _is_word_file(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def _check_readable_by_documents(source: Path, installed: InstalledProfile) -> None:
    """The PDF layout and the rubric read as the documents and the reviews read them."""
    from mcdesigner.export.errors import ExportError
    from mcdesigner.export.pdf_layout import load_layout
    from mcdesigner.review.rubrics import RubricError, load_rubric

    if installed.pdf_layout is not None:
        try:
            load_layout(installed.pdf_layout)
        except ExportError as error:
            raise _refuse(source, str(error).replace(str(installed.folder) + os.sep, "")) from None
    if installed.rubric is not None:
        try:
            load_rubric(installed.rubric)
        except RubricError as error:
            raise _refuse(source, str(error).replace(str(installed.folder) + os.sep, "")) from None


def read_profile(source: Path) -> tuple[InstitutionProfile, dict[str, bytes]]:
    """Read and check the profile at ``source`` (a folder or a ``.mcprofile`` file)."""
    source = Path(source)
    try:
        if source.is_dir():
            files = _read_folder(source)
        elif source.is_file():
            files = _read_zip(source)
        else:
            raise _refuse(source, tr("there is no such file or folder"))
    except OSError as error:
        raise _refuse(source, error.strerror or str(error)) from None
    profile = _parse(source, files)
    _check_named_files(source, profile, files)
    return profile, files


# ---------------------------------------------------------------------------
# Installing
# ---------------------------------------------------------------------------
def install_profile(source: Path, target: Path | None = None) -> InstalledProfile:
    """Check the profile at ``source`` and make it the one in use (replacing any other).

    Nothing changes when the profile is refused (:class:`ProfileError`).
    """
    profile, files = read_profile(source)
    target = target or profile_dir()
    wanted = {PROFILE_FILE, *profile.files().values()}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".profile-", dir=target.parent))
    except OSError as error:
        raise _refuse(Path(source), error.strerror or str(error)) from None
    try:
        for name in sorted(wanted):
            (staging / name).write_bytes(files[name])
        _check_readable_by_documents(Path(source), InstalledProfile(profile, staging))
        old = target.with_name(target.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as error:
        raise _refuse(Path(source), error.strerror or str(error)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return InstalledProfile(profile, target)


def installed_profile(folder: Path | None = None) -> InstalledProfile | None:
    """The profile in use, or None; raises :class:`ProfileError` when it is damaged."""
    folder = folder or profile_dir()
    if not (folder / PROFILE_FILE).is_file():
        return None
    try:
        profile, _files = read_profile(folder)
    except ProfileError as error:
        raise ProfileError(
            tr(
                "The installed profile in {folder} is damaged ({problem}); install it again."
            ).format(folder=folder, problem=error)
        ) from None
    return InstalledProfile(profile, folder)


def remove_profile(folder: Path | None = None) -> bool:
    """Stop using the installed profile (False when none was installed)."""
    folder = folder or profile_dir()
    if not folder.exists():
        return False
    try:
        shutil.rmtree(folder)
    except OSError as error:
        raise ProfileError(
            tr("The profile in {folder} cannot be removed: {problem}").format(
                folder=folder, problem=error.strerror or error
            )
        ) from None
    return True
