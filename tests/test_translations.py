"""Translations: every text has its Spanish, placeholders match, plurals are real, a broken
catalog or an unknown language never stops anyone, and a third language is data only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from mcdesigner.examples import load_example
from mcdesigner.i18n import current_language, tr, tr_n
from mcdesigner.paths import data_root
from mcdesigner.translations import (
    UnknownLanguage,
    available_languages,
    catalog_for,
    choose_language,
    language_name,
    language_scope,
    load_catalog,
    resolve_language,
    use_language,
)
from mcdesigner.translations.extract import (
    check_language,
    collect_messages,
    placeholders,
    update_catalogs,
)

ROOT = data_root()


def test_every_text_has_a_spanish_translation_with_the_same_placeholders() -> None:
    problems = check_language("es")
    listing = "\n".join(f"[{p.area}] {p.problem}: {p.source[:80]!r}" for p in problems[:40])
    assert problems == [], f"{len(problems)} texts lack a correct Spanish translation:\n{listing}"


def test_the_extractor_finds_texts_of_code_forms_rubrics_and_vocabularies() -> None:
    messages = collect_messages()
    assert "&Preferences…" in messages  # a menu of the window
    assert "Every learning outcome is assessed" in messages  # a rule's title
    assert "Peer-review rubric" in messages  # a rubric
    assert "Level 6" in messages  # an ELM vocabulary term
    assert [path for path, _ in messages["Contact phone"].locations] == ["forms/general.toml"]
    plural = messages["{n} error"]
    assert plural.plural == "{n} errors"


def test_placeholders_are_read_in_every_notation() -> None:
    assert placeholders("{count} of {total!r} at {percent:.0f} %n %(prog)s %s") == sorted(
        ["{count}", "{total!r}", "{percent:.0f}", "%n", "%(prog)s", "%s"]
    )


def test_spanish_reads_as_spanish_with_real_plurals() -> None:
    use_language("es")
    assert current_language() == "es"
    assert tr("Preferences") == "Preferencias"
    assert tr_n("{n} error", "{n} errors", 1).format(n=1) == "1 error"
    assert tr_n("{n} error", "{n} errors", 3).format(n=3) == "3 errores"
    use_language("en")
    assert tr_n("{n} error", "{n} errors", 3).format(n=3) == "3 errors"


def test_a_language_scope_changes_only_this_thread() -> None:
    import threading

    seen: list[str] = []
    with language_scope("es"):
        worker = threading.Thread(target=lambda: seen.append(tr("Preferences")))
        worker.start()
        worker.join()
        assert tr("Preferences") == "Preferencias"
    assert seen == ["Preferences"]
    assert tr("Preferences") == "Preferences"


def test_languages_are_listed_from_the_catalogs_present() -> None:
    assert available_languages()[:2] == ("en", "es")
    assert [language_name(code) for code in ("en", "es")] == ["English", "Español"]


def test_an_unknown_language_gets_a_message_listing_the_languages() -> None:
    with pytest.raises(UnknownLanguage) as raised:
        resolve_language("klingon")
    assert "“klingon”" in str(raised.value)
    assert "en (English)" in str(raised.value) and "es (Español)" in str(raised.value)


def test_the_language_follows_the_environment_then_the_preferences_then_the_system(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert choose_language("") == ("es", [])
    assert choose_language("en") == ("en", [])
    monkeypatch.setenv("MCDESIGNER_LANG", "es")
    assert choose_language("en") == ("es", [])
    monkeypatch.setenv("MCDESIGNER_LANG", "xx")
    language, problems = choose_language("")
    assert language == "es"  # the system's language, after saying what was wrong
    assert "“xx”" in problems[0]
    monkeypatch.delenv("MCDESIGNER_LANG")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert choose_language("") == ("en", [])


def test_a_broken_catalog_falls_back_to_english_and_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "es"
    folder.mkdir()
    (folder / "good.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Preferences"\nmsgstr "Preferencias"\n',
        encoding="utf-8",
    )
    (folder / "broken.po").write_text('msgid "Quit"\nmsgstr "Salir\n', encoding="utf-8")
    (folder / "binary.po").write_bytes(b"\xff\xfe\x00garbage")
    catalog = load_catalog("es", tmp_path)
    assert catalog.text("Preferences") == "Preferencias"
    assert catalog.text("Quit") is None  # shown in English
    assert catalog.translate("", "Quit") == "Quit"
    assert len(catalog.problems) == 2
    assert any("broken.po" in problem for problem in catalog.problems)
    assert all("English" in problem for problem in catalog.problems)


def test_a_third_language_is_a_data_only_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recipe of CONTRIBUTING.md, "Adding a language": extract, translate, nothing else."""
    from mcdesigner import translations

    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "resources" / "locale" / "es", locale / "es")
    counts = update_catalogs("fr", folder=locale)
    assert counts["window"] > 100
    french = locale / "fr" / "window.po"
    text = french.read_text(encoding="utf-8")
    assert 'msgid "&Preferences…"\nmsgstr ""' in text
    french.write_text(
        text.replace(
            'msgid "&Preferences…"\nmsgstr ""', 'msgid "&Preferences…"\nmsgstr "&Préférences…"'
        ),
        encoding="utf-8",
    )

    monkeypatch.setattr(translations.catalog, "locale_dir", lambda: locale)
    monkeypatch.setattr(translations.languages, "locale_dir", lambda: locale)
    monkeypatch.setattr(translations, "_catalogs", {})
    assert available_languages() == ("en", "es", "fr")
    assert language_name("fr") == "Français"
    use_language("fr")
    assert tr("&Preferences…") == "&Préférences…"
    assert tr("&Quit") == "&Quit"  # not translated yet: English
    use_language("en")


# ---------------------------------------------------------------------------
# The command line in Spanish
# ---------------------------------------------------------------------------
_PLACEHOLDER_SPLIT = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdrn]")


def english_fragments() -> set[str]:
    """Pieces of English sources (three words or more) that Spanish translates differently."""
    catalog = catalog_for("es")
    fragments = set()
    for message in collect_messages().values():
        translated = catalog.text(message.id)
        if translated is None or translated == message.id:
            continue
        for piece in _PLACEHOLDER_SPLIT.split(message.id):
            piece = " ".join(piece.split()).strip(" .,:;“”")
            if len(piece.split()) >= 3:
                fragments.add(piece)
    return fragments


def _typed_texts(node: object) -> set[str]:
    """Every text the user wrote in ``node`` (a proposal or a part of it)."""
    if isinstance(node, str):
        return {node} if node.strip() else set()
    if isinstance(node, list):
        return {text for element in node for text in _typed_texts(element)}
    if isinstance(node, BaseModel):
        return {
            text for name in type(node).model_fields for text in _typed_texts(getattr(node, name))
        }
    return set()


def _english_in(output: str, proposal: BaseModel | None = None) -> list[str]:
    """English sources in ``output``, leaving out what the user wrote in ``proposal``."""
    text = " ".join(output.split())
    for typed in sorted(_typed_texts(proposal), key=len, reverse=True):
        text = text.replace(" ".join(typed.split()), " ")
    return sorted(fragment for fragment in english_fragments() if fragment in text)


@pytest.fixture
def stored_example(tmp_path: Path) -> tuple[Path, str]:
    from mcdesigner.examples import load_example
    from mcdesigner.storage import Store

    db = tmp_path / "proposals.sqlite3"
    proposal = load_example()
    with Store.open(db) as store:
        store.save(proposal)
    return db, proposal.id


def test_the_command_line_speaks_spanish(
    stored_example: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from mcdesigner.cli import main

    db, proposal_id = stored_example
    assert main(["--lang", "es", "--db", str(db), "rules"]) == 0
    rules = capsys.readouterr().out
    assert "Todos los resultados de aprendizaje" in rules or "resultados de aprendizaje" in rules
    assert _english_in(rules) == []

    main(["--lang", "es", "--db", str(db), "check", proposal_id])
    check = capsys.readouterr().out
    assert "No está lista para enviar" in check or "Lista para enviar" in check
    assert _english_in(check, load_example()) == []


def test_a_spanish_proposal_document_has_spanish_headings_dates_and_amounts(
    stored_example: tuple[Path, str], tmp_path: Path
) -> None:
    from mcdesigner.cli import main
    from test_export_support import pdf_text

    db, proposal_id = stored_example
    out = tmp_path / "propuesta.pdf"
    arguments = ["--lang", "es", "--db", str(db), "export", proposal_id]
    code = main([*arguments, "--document", "proposal", "--to", "pdf", "-o", str(out)])
    assert code == 0
    text = pdf_text(out)
    assert "Resultados de aprendizaje" in text or "resultados de aprendizaje" in text
    assert " €" in text and re.search(r"\d{1,3}(\.\d{3})*,\d{2}\s€", text)
    assert re.search(r"\d{1,2} de [a-z]+ de 20\d\d", text)
    assert _english_in(text, load_example()) == []


def test_a_document_can_be_written_in_spanish_while_messages_stay_english(
    stored_example: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mcdesigner.cli import main
    from test_export_support import pdf_text

    db, proposal_id = stored_example
    out = tmp_path / "propuesta.pdf"
    arguments = ["--db", str(db), "export", proposal_id, "--document", "proposal", "--to", "pdf"]
    assert main([*arguments, "-o", str(out), "--lang", "es"]) == 0
    assert capsys.readouterr().out.startswith("Wrote ")  # the messages stay English
    text = pdf_text(out)
    assert "Propuesta de microcredencial" in text
    assert "Micro-credential proposal" not in text
    assert tr("Preferences") == "Preferences"  # and so does the rest of the application

    assert main([*arguments, "-o", str(out), "--lang", "xx"]) == 1
    assert "“xx”" in capsys.readouterr().err
