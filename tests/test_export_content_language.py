"""Word and PDF documents in any of the proposal's languages (``export --content-lang``):
the texts in that language, a missing translation shown in the main language and marked,
the labels following the content language, the document's language in its metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesigner.cli import main
from mcdesigner.examples import load_example
from mcdesigner.export import build_context
from mcdesigner.model.proposal import Proposal
from mcdesigner.operations.documents import labels_language
from mcdesigner.storage import Store
from test_export_support import docx_text, pdf_text, squash

SPANISH_TITLE = "Hacia un marco de microcredenciales INGENIUM"
ENGLISH_TITLE = "Towards INGENIUM Micro-credentials Framework"
LO2 = "certified.learning_outcomes[lo2].text"
UNIT1 = "academic.content_units[unit1].title"


def _store(tmp_path: Path, proposal: Proposal) -> tuple[Path, str]:
    db = tmp_path / "proposals.sqlite3"
    with Store.open(db) as store:
        store.save(proposal)
    return db, proposal.id


@pytest.fixture
def example() -> Proposal:
    return load_example()


@pytest.fixture
def stored(tmp_path: Path, example: Proposal) -> tuple[Path, str]:
    return _store(tmp_path, example)


def _export(
    db: Path,
    proposal_id: str,
    out: Path,
    *options: str,
    document: str = "proposal",
    messages: str | None = None,
) -> int:
    """``mcdesigner [--lang messages] export ...`` writing ``out`` (its suffix is the format)."""
    fmt = out.suffix.lstrip(".")
    prefix = ["--lang", messages] if messages else []
    arguments = ["export", proposal_id, "--document", document, "--to", fmt, "-o", str(out)]
    return main([*prefix, "--db", str(db), *arguments, *options])


def _text(path: Path) -> str:
    return squash(docx_text(path) if path.suffix == ".docx" else pdf_text(path))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_example_proposal_in_spanish(
    stored: tuple[Path, str], example: Proposal, tmp_path: Path, fmt: str
) -> None:
    db, proposal_id = stored
    out = tmp_path / f"propuesta.{fmt}"
    assert _export(db, proposal_id, out, "--content-lang", "es", messages="es") == 0
    text = _text(out)
    spanish = example.translations["es"]
    assert squash(SPANISH_TITLE) in text
    assert squash(spanish["certified.learning_outcomes[lo1].text"]) in text
    assert squash(spanish[LO2]) in text
    assert squash(spanish[UNIT1]) in text
    assert squash(ENGLISH_TITLE) not in text
    for outcome in example.certified.learning_outcomes:
        assert squash(outcome.text) not in text
    assert squash("(en inglés)") not in text  # every text of the example is translated
    assert squash("Propuesta de microcredencial") in text  # and the labels are Spanish


def test_the_document_language_is_in_the_metadata(stored: tuple[Path, str], tmp_path: Path) -> None:
    import docx
    from pypdf import PdfReader

    db, proposal_id = stored
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"p.{fmt}"
        assert _export(db, proposal_id, out, "--content-lang", "es") == 0
    assert docx.Document(str(tmp_path / "p.docx")).core_properties.language == "es"
    catalog = PdfReader(str(tmp_path / "p.pdf")).root_object
    assert str(catalog["/Lang"]) == "es"
    assert _export(db, proposal_id, tmp_path / "en.docx") == 0
    assert docx.Document(str(tmp_path / "en.docx")).core_properties.language == "en"


def test_a_missing_translation_shows_the_main_text_marked(
    example: Proposal, tmp_path: Path
) -> None:
    english = example.certified.learning_outcomes[1].text
    spanish_unit = example.translations["es"][UNIT1]
    del example.translations["es"][LO2]
    db, proposal_id = _store(tmp_path, example)

    out = tmp_path / "propuesta.docx"
    assert _export(db, proposal_id, out, "--content-lang", "es") == 0
    text = _text(out)
    assert squash(f"{english} (en inglés)") in text
    assert squash("Los textos marcados «(en inglés)» aún no están traducidos al español") in text
    assert squash(spanish_unit) in text and squash(SPANISH_TITLE) in text

    out = tmp_path / "labels-en.pdf"
    assert _export(db, proposal_id, out, "--lang", "en", "--content-lang", "es") == 0
    text = _text(out)
    assert squash(f"{english} (in English)") in text
    assert squash("Texts marked “(in English)” are not yet translated into Spanish") in text
    assert squash("Micro-credential proposal") in text and squash(SPANISH_TITLE) in text


def test_the_main_language_document_has_no_marker(example: Proposal) -> None:
    del example.translations["es"][LO2]
    text = repr(build_context(example, document="proposal").blocks)
    assert ENGLISH_TITLE in text and SPANISH_TITLE not in text
    assert "(in English)" not in text and "not yet translated" not in text


def test_a_language_the_proposal_is_not_written_in_is_refused(
    stored: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, proposal_id = stored
    out = tmp_path / "p.pdf"
    assert _export(db, proposal_id, out, "--content-lang", "fr") == 1
    error = capsys.readouterr().err
    assert "The proposal is not written in “fr”" in error
    assert "en (English), es (Spanish)" in error
    assert not out.exists()

    assert _export(db, proposal_id, out, "--content-lang", "fr", messages="es") == 1
    error = capsys.readouterr().err
    assert "La propuesta no está redactada en «fr»" in error
    assert "en (inglés), es (español)" in error


def test_the_dossier_and_self_assessment_show_the_spanish_texts(
    stored: tuple[Path, str], example: Proposal, tmp_path: Path
) -> None:
    db, proposal_id = stored
    out = tmp_path / "dosier.docx"
    assert _export(db, proposal_id, out, "--content-lang", "es", document="dossier") == 0
    text = _text(out)
    assert squash(SPANISH_TITLE) in text and squash(ENGLISH_TITLE) not in text
    assert squash(example.translations["es"][LO2]) in text
    assert squash("Dosier para la comisión") in text  # the labels follow the content language

    out = tmp_path / "autoevaluacion.docx"
    assert _export(db, proposal_id, out, "--content-lang", "es", document="self-assessment") == 0
    text = _text(out)
    assert squash(SPANISH_TITLE) in text and squash(ENGLISH_TITLE) not in text


def test_credential_data_ignores_the_content_language_with_a_note(
    stored: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, proposal_id = stored
    out = tmp_path / "credential.jsonld"
    code = main(
        [
            *("--db", str(db), "export", proposal_id, "--to", "elm"),
            *("-o", str(out), "--content-lang", "es"),
        ]
    )
    assert code == 0 and out.is_file()
    captured = capsys.readouterr()
    assert "--content-lang applies to Word and PDF documents only" in captured.err
    assert "every language it is issued in (en, es)" in captured.err


def test_labels_follow_the_content_language_when_the_interface_has_it() -> None:
    assert labels_language(None, "es") == "es"
    assert labels_language("en", "es") == "en"
    assert labels_language(None, "fr") is None  # no French catalogue: the messages' language
    assert labels_language(None, None) is None
