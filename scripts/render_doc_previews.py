"""Render PNG previews of the exported documents into ``docs/documents/``.

Exports the bundled example proposal as a proposal PDF, a self-assessment report PDF and
a committee dossier PDF (with a sample reviewer comment and rubric score), and turns
their first pages into PNG files with ``pdftoppm`` (poppler-utils). When LibreOffice is
installed, the first page of the Word proposal is rendered too, to compare both formats.

Run: ``python scripts/render_doc_previews.py``; ``python scripts/render_doc_previews.py es``
writes the first page of the Spanish proposal (``es-proposal-p1.png``) instead.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mcdesigner.examples import load_example
from mcdesigner.export import DocumentKind, export_document
from mcdesigner.model.review import Annotation, Comment, CriterionScore, Review

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "documents"
RESOLUTION = "70"

PAGES: dict[DocumentKind, int] = {"proposal": 2, "self-assessment": 2, "dossier": 4}


def _png(pdf: Path, stem: str, pages: int) -> list[Path]:
    written = []
    for page in range(1, pages + 1):
        prefix = TARGET / f"{stem}-p{page}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                RESOLUTION,
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
        written.append(prefix.with_suffix(".png"))
    return written


def _in_language(language: str) -> int:
    """The first page of the proposal written in ``language``."""
    from mcdesigner.translations import language_scope

    with tempfile.TemporaryDirectory() as folder, language_scope(language):
        pdf = Path(folder) / "proposal.pdf"
        export_document(load_example(), document="proposal", fmt="pdf", out=pdf)
        for path in _png(pdf, f"{language}-proposal", 1):
            print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    arguments = sys.argv[1:] if argv is None else argv
    if arguments:
        return _in_language(arguments[0])
    proposal = load_example()
    outcome = proposal.certified.learning_outcomes[0]
    when = dt.datetime(2026, 3, 2, 10, 15, tzinfo=dt.UTC)
    annotations = [
        Annotation(
            proposal_id=proposal.id,
            path=f"certified.learning_outcomes[{outcome.id}].text",
            comments=[
                Comment(
                    author="Reviewer A",
                    created=when,
                    body="Split this outcome in two: it assesses two different skills.",
                ),
            ],
        )
    ]
    reviews = [
        Review(
            proposal_id=proposal.id,
            reviewer="Reviewer A",
            scores=[CriterionScore(criterion_id="learning-outcomes", score=3, comment="Clear.")],
            recommendation="approve_with_changes",
            summary="Complete the budget and the quality assurance data.",
            updated=when,
        )
    ]
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        for document, pages in PAGES.items():
            pdf = Path(folder) / f"{document}.pdf"
            export_document(
                proposal,
                document=document,
                fmt="pdf",
                out=pdf,
                annotations=annotations,
                reviews=reviews,
            )
            written += _png(pdf, document, pages)
        soffice = shutil.which("soffice")
        if soffice is not None:
            docx = export_document(
                proposal, document="proposal", fmt="docx", out=Path(folder) / "word.docx"
            )
            profile = Path(folder) / "profile"
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(docx),
                ],
                check=True,
                capture_output=True,
            )
            written += _png(Path(folder) / "word.pdf", "proposal-word", 1)
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
