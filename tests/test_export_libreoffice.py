"""Exported Word files open in another word processor: LibreOffice converts them to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mcdesigner.export import DocumentKind, export_document
from test_export_support import pdf_text, rich_proposal, sample_reviews, squash

SOFFICE = shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("document", ["proposal", "dossier"])
def test_libreoffice_converts_the_word_file(tmp_path: Path, document: DocumentKind) -> None:
    from pypdf import PdfReader

    assert SOFFICE is not None
    p = rich_proposal()
    annotations, reviews = sample_reviews(p)
    docx = export_document(
        p,
        document=document,
        fmt="docx",
        out=tmp_path / f"{document}.docx",
        annotations=annotations,
        reviews=reviews,
    )
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    converted = tmp_path / "out" / f"{document}.pdf"
    # soffice exits 0 even when it fails, so the output itself is the evidence.
    assert converted.is_file(), result.stderr
    pages = PdfReader(str(converted)).pages
    assert len(pages) >= 5
    text = squash(pdf_text(converted))
    assert squash(p.general.title) in text
    assert squash("Łódź Voivodeship") in text
    assert squash("Cărțiș Ionescu") in text
