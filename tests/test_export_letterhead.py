"""Documents carry the institution profile's letterhead and their real properties: the
profile's logo in the Word and PDF headers (no picture without a profile), the user's name
as author, the export's own dates."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from mcdesigner.checks import CheckSettings
from mcdesigner.examples import new_from_example
from mcdesigner.operations.documents import export_document
from mcdesigner.profiles import install_profile, profile_dir
from mcdesigner.settings import preferences_path
from test_profiles import PROFILE_TOML, png


def _export(tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / f"proposal.{fmt}"
    export_document(
        new_from_example(),
        document="proposal",
        fmt=fmt,  # type: ignore[arg-type]
        out=out,
        settings=CheckSettings(),
    )
    return out


def _header_pictures(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as archive:
        headers = [n for n in archive.namelist() if n.startswith("word/header")]
        return [n for n in headers if n.endswith(".xml") and b"<a:blip" in archive.read(n)]


def _pdf_pictures(pdf: Path) -> int:
    page = PdfReader(pdf).pages[0]
    resources = page.get("/Resources") or {}
    objects = resources.get("/XObject") or {}
    return sum(1 for ref in objects.values() if ref.get_object().get("/Subtype") == "/Image")


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    source = tmp_path / "profile"
    source.mkdir()
    text = PROFILE_TOML.split("[documents]")[0]  # the bundled templates, the profile's logo
    (source / "profile.toml").write_text(text, encoding="utf-8")
    (source / "logo.png").write_bytes(png(30, 10))
    install_profile(source)
    return profile_dir()


def test_without_a_profile_documents_have_no_logo(tmp_path: Path) -> None:
    assert _header_pictures(_export(tmp_path, "docx")) == []
    assert _pdf_pictures(_export(tmp_path, "pdf")) == 0


def test_the_profiles_logo_is_in_the_word_and_pdf_headers(tmp_path: Path, profile: Path) -> None:
    docx = _export(tmp_path, "docx")
    assert _header_pictures(docx)
    with zipfile.ZipFile(docx) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert any(archive.read(n) == png(30, 10) for n in media)
    assert _pdf_pictures(_export(tmp_path, "pdf")) >= 1


def test_documents_name_their_author_dates_and_profile(tmp_path: Path, profile: Path) -> None:
    preferences_path().parent.mkdir(parents=True, exist_ok=True)
    preferences_path().write_text(json.dumps({"user_name": "Ana Fernández"}), encoding="utf-8")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    core = Document(str(_export(tmp_path, "docx"))).core_properties
    assert core.author == "Ana Fernández"
    assert core.last_modified_by == "Ana Fernández"
    assert core.created is not None
    assert core.created.replace(tzinfo=dt.UTC) >= before - dt.timedelta(seconds=2)
    assert core.modified == core.created
    assert "Universidad de Oviedo" in core.comments
    metadata = PdfReader(_export(tmp_path, "pdf")).metadata
    assert metadata is not None
    assert metadata.author == "Ana Fernández"
    assert "Universidad de Oviedo" in (metadata.subject or "")


def test_word_updates_the_dossiers_contents_with_page_numbers_on_opening(tmp_path: Path) -> None:
    out = tmp_path / "dossier.docx"
    export_document(
        new_from_example(), document="dossier", fmt="docx", out=out, settings=CheckSettings()
    )
    with zipfile.ZipFile(out) as archive:
        settings = archive.read("word/settings.xml").decode("utf-8")
        assert b"TOC \\o" in archive.read("word/document.xml")
    assert '<w:updateFields w:val="true"/>' in settings
    # In the order Word's schema gives the settings: before the compatibility settings.
    if "<w:compat" in settings:
        assert settings.index("<w:updateFields") < settings.index("<w:compat")
    proposal = tmp_path / "proposal.docx"  # no contents: nothing to update
    export_document(
        new_from_example(), document="proposal", fmt="docx", out=proposal, settings=CheckSettings()
    )
    with zipfile.ZipFile(proposal) as archive:
        assert b"updateFields" not in archive.read("word/settings.xml")
