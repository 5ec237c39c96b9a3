"""Institution profiles: installing from a folder or a .mcprofile file, located refusals,
the profile in use, removing it, and the ``profile`` command."""

from __future__ import annotations

import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from mcdesigner.cli import main
from mcdesigner.paths import forms_dir, templates_dir
from mcdesigner.profiles import (
    PROFILE_FILE,
    ProfileError,
    install_profile,
    installed_profile,
    profile_dir,
    remove_profile,
)

PROFILE_TOML = """
[institution]
name = "Universidad de Oviedo"
country = "ESP"
website = "https://www.uniovi.es"
logo = "logo.png"

[defaults]
currency = "EUR"
hours_per_credit_min = 25
hours_per_credit_max = 25

[documents]
word_template = "base.docx"
pdf_layout = "pdf_layout.toml"

[review]
rubric = "rubric.toml"
"""


def png(width: int = 2, height: int = 1) -> bytes:
    """A real PNG picture (white pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A complete profile folder, as a quality office would hand it out."""
    source = tmp_path / "uniovi"
    source.mkdir()
    (source / PROFILE_FILE).write_text(PROFILE_TOML, encoding="utf-8")
    (source / "logo.png").write_bytes(png())
    shutil.copyfile(templates_dir() / "base.docx", source / "base.docx")
    shutil.copyfile(templates_dir() / "pdf_layout.toml", source / "pdf_layout.toml")
    shutil.copyfile(forms_dir() / "rubrics" / "peer_review.toml", source / "rubric.toml")
    return source


def packed(folder: Path, target: Path, *, top: str = "uniovi") -> Path:
    """``folder`` zipped as a .mcprofile file (its files inside one folder ``top``)."""
    with zipfile.ZipFile(target, "w") as archive:
        for entry in sorted(folder.iterdir()):
            archive.write(entry, f"{top}/{entry.name}" if top else entry.name)
    return target


def _refusal(source: Path) -> str:
    with pytest.raises(ProfileError) as caught:
        install_profile(source)
    return str(caught.value)


def test_a_profile_folder_is_installed_in_the_config_folder(folder: Path) -> None:
    installed = install_profile(folder)
    assert installed.folder == profile_dir()
    assert str(profile_dir()).startswith(os.environ["XDG_CONFIG_HOME"])
    assert installed.name == "Universidad de Oviedo"
    assert installed.logo is not None and installed.logo.read_bytes() == png()
    assert installed.word_template is not None and installed.word_template.is_file()
    again = installed_profile()
    assert again is not None
    assert again.profile == installed.profile
    assert again.profile.defaults.hours_per_credit_min == 25


def test_a_mcprofile_file_installs_with_or_without_a_top_folder(
    folder: Path, tmp_path: Path
) -> None:
    for top in ("uniovi", ""):
        file = packed(folder, tmp_path / f"uniovi-{top or 'flat'}.mcprofile", top=top)
        installed = install_profile(file)
        assert installed.name == "Universidad de Oviedo"
        assert sorted(p.name for p in installed.folder.iterdir()) == sorted(
            p.name for p in folder.iterdir()
        )


def test_installing_another_profile_replaces_the_first(folder: Path, tmp_path: Path) -> None:
    install_profile(folder)
    other = tmp_path / "uoc"
    other.mkdir()
    (other / PROFILE_FILE).write_text('[institution]\nname = "UOC"\n', encoding="utf-8")
    installed = install_profile(other)
    assert installed.name == "UOC"
    assert [p.name for p in profile_dir().iterdir()] == [PROFILE_FILE]  # no old logo left
    assert installed.logo is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("profile.toml", 'name = "x"'), "profile.toml"),
        (("profile.toml", "[institution]\nname = \n"), "line 2"),
        (("profile.toml", '[institution]\nname = ""\n'), "institution › name"),
        (("profile.toml", '[institution]\nname = "U"\ncountry = "XX"\n'), "institution › country"),
        (("profile.toml", '[institution]\nname = "U"\ncolour = "red"\n'), "institution › colour"),
        (
            ("profile.toml", '[institution]\nname = "U"\n[defaults]\nhours_per_credit_min = 5\n'),
            "defaults › hours_per_credit_min",
        ),
        (
            ("profile.toml", '[institution]\nname = "U"\nlogo = "missing.png"\n'),
            "institution › logo: the profile has no file “missing.png”",
        ),
        (("logo.png", "not a picture"), "institution › logo: “logo.png” is not a PNG or JPEG"),
        (("base.docx", "not a zip"), "documents › word_template: “base.docx” is not a Word file"),
        (("pdf_layout.toml", "[page]\nmargin_top = 500\n"), "pdf_layout.toml"),
        (("rubric.toml", 'id = "x"\n'), "rubric.toml"),
    ],
)
def test_a_faulty_profile_is_refused_naming_the_file_and_key(
    folder: Path, change: tuple[str, str], expected: str
) -> None:
    install_profile(folder)
    before = sorted((p.name, p.read_bytes()) for p in profile_dir().iterdir())
    name, text = change
    (folder / name).write_text(text, encoding="utf-8")
    message = _refusal(folder)
    assert expected in message
    assert str(folder) in message
    # The profile in use is left as it was.
    assert sorted((p.name, p.read_bytes()) for p in profile_dir().iterdir()) == before


def test_a_hostile_profile_file_is_refused(folder: Path, tmp_path: Path) -> None:
    climbing = tmp_path / "climbing.mcprofile"
    with zipfile.ZipFile(climbing, "w") as archive:
        archive.writestr(PROFILE_FILE, '[institution]\nname = "U"\n')
        archive.writestr("../outside.txt", "x")
    assert "outside" in _refusal(climbing)
    assert not (tmp_path.parent / "outside.txt").exists()
    assert "not a profile file" in _refusal(tmp_path / "uniovi" / "logo.png")  # not a zip
    assert "no such file" in _refusal(tmp_path / "nowhere")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "has no profile.toml" in _refusal(empty)
    link = folder / "link.png"
    link.symlink_to(folder / "logo.png")
    assert "link.png" in _refusal(folder)
    assert installed_profile() is None


def test_a_damaged_installed_profile_is_reported(folder: Path) -> None:
    install_profile(folder)
    (profile_dir() / "logo.png").write_bytes(b"broken")
    with pytest.raises(ProfileError, match=r"damaged.*install it again"):
        installed_profile()


def test_removing_the_profile(folder: Path) -> None:
    assert remove_profile() is False
    install_profile(folder)
    assert remove_profile() is True
    assert installed_profile() is None


def test_the_profile_command(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--db", str(tmp_path / "db.sqlite3"), "profile", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, output, _ = run()
    assert code == 0 and "No institution profile is installed" in output
    code, output, _ = run("install", str(folder))
    assert code == 0
    assert "The profile of Universidad de Oviedo is installed and in use." in output
    assert "Country:" in output and "Spain" in output
    assert "Hours per ECTS credit: 25" in output
    code, output, _ = run("show")
    assert "Institution:" in output and "Universidad de Oviedo" in output
    (folder / "logo.png").write_text("no", encoding="utf-8")
    code, _, error = run("install", str(folder))
    assert code != 0 and "is not a PNG or JPEG picture" in error and "Traceback" not in error
    code, output, _ = run("remove")
    assert code == 0 and "removed" in output
    code, _, error = run("install")
    assert code != 0 and "Give the profile's folder" in error


def test_the_profile_sets_the_checks_hours_and_what_new_proposals_start_from(
    folder: Path,
) -> None:
    from mcdesigner.operations.proposals import blank_proposal
    from mcdesigner.operations.settings import check_settings
    from mcdesigner.settings import Preferences

    preferences = Preferences(hours_per_credit_min=27, hours_per_credit_max=30)
    assert check_settings(preferences, None).hours_per_credit_min == 27
    assert blank_proposal(currency="USD", language="en").general.awarding_institutions == []
    install_profile(folder)
    settings = check_settings(preferences, None)
    assert (settings.hours_per_credit_min, settings.hours_per_credit_max) == (25, 25)
    proposal = blank_proposal(currency="USD", language="es")
    assert proposal.general.currency == "EUR"
    (institution,) = proposal.general.awarding_institutions
    assert (institution.name, institution.country, institution.website) == (
        "Universidad de Oviedo",
        "ESP",
        "https://www.uniovi.es",
    )


def test_the_profiles_rubric_is_offered_to_reviewers(folder: Path) -> None:
    from mcdesigner.operations.profiles import review_rubrics

    bundled = review_rubrics()
    text = (folder / "rubric.toml").read_text(encoding="utf-8")
    (folder / "rubric.toml").write_text(
        text.replace('id = "peer-review"', 'id = "uniovi_review"').replace(
            'title = "Peer-review rubric"', 'title = "Revisión de la Universidad de Oviedo"'
        ),
        encoding="utf-8",
    )
    install_profile(folder)
    offered = review_rubrics()
    assert set(offered) == {*bundled, "uniovi_review"}
    assert offered["uniovi_review"].title == "Revisión de la Universidad de Oviedo"
