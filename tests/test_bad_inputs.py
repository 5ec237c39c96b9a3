"""Bad input end to end: every pure-Python entry point gives a clear message and loses nothing.

Covers the command line (``import``, ``check FILE``, ``export FILE``, ``review-import``) and
the library functions behind it, fed with broken and hostile files, text full of control
characters and markup, huge text, a full disk, an interrupted import and read-only
folders. A "clear message" is one paragraph on stderr (or in the exception), without a
traceback; "loses nothing" means the library lists the same proposals with the same
content hashes afterwards and an earlier file at an output path is still intact.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import random
import re
import shutil
import threading
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import mcdesigner.storage.connection as storage_connection
import mcdesigner.storage.importing as importing_module
from mcdesigner.checks import CheckSettings, check
from mcdesigner.cli import main
from mcdesigner.credential import CredentialError, export_credential
from mcdesigner.examples import load_example
from mcdesigner.exchange import (
    ExchangeError,
    ProposalBundle,
    ReviewBundle,
    RevisionEntry,
    load_json_strict,
    read_proposal_file,
    read_review_file,
    write_proposal_file,
    write_review_file,
)
from mcdesigner.export import ExportError, Format, export_document
from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.fieldpath import shape_of
from mcdesigner.model.hashing import content_hash
from mcdesigner.model.proposal import LearningOutcome
from mcdesigner.model.review import CriterionScore
from mcdesigner.model.text import clean_line, clean_text
from mcdesigner.operations.files import import_proposal_file
from mcdesigner.settings import Preferences, load_preferences, save_preferences
from mcdesigner.storage import Store, StoreError, list_backups

SEED_ID = "seed-proposal"
INCOMING_ID = "incoming-proposal"

# Markup that must always be printed literally, never interpreted.
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
LINK = '<a href="javascript:alert(1)">open me</a>'
MARKUP = f"{SCRIPT} R&D &amp; {IMG} {LINK} </para> <b>bold a<b"
BIDI = "\u202eevil\u202c \u2066isolated\u2069"
CONTROLS = "".join(chr(code) for code in range(0x20)) + "\x7f\x85\ufffe\uffff"
DIRTY = f"Start{CONTROLS} {BIDI} {MARKUP} end"
LITERALS = (IMG, SCRIPT, "&amp;", "R&D", "javascript:alert(1)", "</para>", "<b>bold a<b")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def run_cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    """Run the command line on ``db``; return the exit code, stdout and stderr."""
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_clear_message(message: str, *names: str) -> None:
    """One paragraph, no traceback, naming each of ``names``."""
    text = message.strip()
    assert text, "no message at all"
    assert "Traceback" not in text and 'File "' not in text, text
    assert len(text.splitlines()) == 1, f"more than one paragraph: {text!r}"
    assert "Unexpected error" not in text, text
    for name in names:
        assert name in text, f"{name!r} not named in {text!r}"


def library_state(db: Path) -> list[tuple[Any, ...]]:
    """Everything a user would notice in the library: entries, hashes and what hangs off them."""
    with Store.open(db) as store:
        return [
            (
                summary,
                store.get_hash(summary.id),
                [a.model_dump() for a in store.list_annotations(summary.id)],
                [r.model_dump() for r in store.list_reviews(summary.id)],
                [(r.id, r.content_hash) for r in store.list_revisions(summary.id)],
            )
            for summary in store.list_proposals(include_deleted=True)
        ]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_proposal(proposal_id: str = INCOMING_ID, title: str = "Open Data Literacy") -> Proposal:
    proposal = Proposal(id=proposal_id)
    proposal.general.title = title
    proposal.general.description = "Working with open data, step by step."
    proposal.certified.learning_outcomes.append(
        LearningOutcome(id="lo-1", text="Clean a messy spreadsheet with open tools.")
    )
    return proposal


def bundle_with_records(proposal: Proposal) -> ProposalBundle:
    annotation = Annotation(
        id=f"an-{proposal.id}",
        proposal_id=proposal.id,
        path="general.title",
        comments=[Comment(id="c-1", author="Reviewer", body="Please shorten the title.")],
    )
    review = Review(
        id=f"rv-{proposal.id}", proposal_id=proposal.id, reviewer="Reviewer", summary="Promising."
    )
    return ProposalBundle(proposal=proposal, annotations=(annotation,), reviews=(review,))


def dirty_member_bytes(value: Any) -> bytes:
    """JSON as another tool might write it: raw non-ASCII, control characters escaped."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def build_proposal_file(
    path: Path,
    raw_proposal: Any,
    *,
    annotations: Any = (),
    reviews: Any = (),
    manifest_hash: str | None = None,
) -> Path:
    """A ``.mcproposal`` whose container is sound (checksums match) around any JSON content.

    The manifest's content hash is that of the proposal as the model reads it, so a file
    whose only fault is in its content reaches model validation.
    """
    members = {
        "proposal.json": dirty_member_bytes(raw_proposal),
        "annotations.json": dirty_member_bytes(list(annotations)),
        "reviews.json": dirty_member_bytes(list(reviews)),
    }
    if manifest_hash is None:
        try:
            manifest_hash = content_hash(Proposal.model_validate(raw_proposal))
        except ValueError:
            manifest_hash = "0" * 64
    proposal_id = raw_proposal.get("id", "x") if isinstance(raw_proposal, dict) else "x"
    manifest = {
        "format": "mcdesigner-proposal",
        "format_version": 1,
        "app_version": "1.0",
        "created": "2025-05-02T10:00:00+00:00",
        "proposal_id": str(proposal_id)[:64] or "x",
        "title": "Crafted file",
        "content_hash": manifest_hash,
        "members": [
            {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in members.items()
        ],
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def docx_text(path: Path) -> str:
    """Every paragraph of a Word file (body, tables, headers), one per line."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        parts.extend([section.header._element, section.footer._element])
    lines: list[str] = []
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            pieces = []
            for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
                pieces.append(node.text or "" if node.tag == qn("w:t") else " ")
            lines.append("".join(pieces))
    return "\n".join(lines)


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    """Whitespace folded to single spaces (line wrapping differs between formats)."""
    return " ".join(text.split())


def assert_no_active_content(pdf: Path) -> None:
    raw = pdf.read_bytes()
    # The texts themselves may say "javascript:" (in the pages and the document's title);
    # what must not exist is an action that runs or opens anything.
    actions = re.findall(rb"/(?:JavaScript|JS|URI|Launch|OpenAction|AA|SubmitForm)\b", raw)
    assert not actions, f"active content made: {actions}"


def assert_docx_has_no_links(path: Path) -> None:
    from docx import Document

    document = Document(str(path))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert not [t for t in targets if t.lower().startswith("javascript")], targets


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------
@pytest.fixture
def seeded_db(db_path: Path) -> Path:
    """A library holding one proposal with a comment thread, a review and a revision."""
    with Store.open(db_path) as store:
        proposal = small_proposal(SEED_ID, "Already in the library")
        bundle = bundle_with_records(proposal)
        store.import_bundle(proposal, annotations=bundle.annotations, reviews=bundle.reviews)
        store.add_revision(SEED_ID, "First version", kind="manual")
    return db_path


@pytest.fixture
def valid_file(tmp_path: Path) -> Path:
    path = tmp_path / "valid.mcproposal"
    write_proposal_file(path, bundle_with_records(small_proposal()))
    return path


# ---------------------------------------------------------------------------
# Broken files given to every command that reads one
# ---------------------------------------------------------------------------
def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(4096))


def _text_file(path: Path) -> None:
    path.write_text("Dear committee,\nplease find the proposal attached.\n", encoding="utf-8")


def _pdf_file(path: Path) -> None:
    path.write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _huge_sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)


def _example_raw() -> dict[str, Any]:
    return small_proposal().model_dump(mode="json")


def _model_violation(edit: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        raw = _example_raw()
        edit(raw)
        build_proposal_file(path, raw)

    return make


def _negative_hours(raw: dict[str, Any]) -> None:
    raw["academic"]["activities"] = [{"id": "act-1", "title": "Lab", "hours": -12}]


def _nan_as_string(raw: dict[str, Any]) -> None:
    raw["certified"]["ects_credits"] = "NaN"


def _unknown_keys(raw: dict[str, Any]) -> None:
    raw["general"]["colour"] = "blue"
    raw["macro"] = {"run": "rm -rf /"}


def _long_title(raw: dict[str, Any]) -> None:
    raw["general"]["title"] = "T" * 10_000


def _bare_nan(path: Path) -> None:
    build_proposal_file(path, _example_raw())
    members = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    text = members["proposal.json"].decode()
    members["proposal.json"] = text.replace('"ects_credits": null', '"ects_credits": NaN').encode()
    assert members["proposal.json"] != text.encode()
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["members"]:
        data = members[entry["name"]]
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _stray_quotes_manifest(path: Path) -> None:
    # Unmatched quotes once made the nesting pre-scan quadratic (hours for 1 MB).
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", "[" + '\\"' * 400_000)


BROKEN_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    # name: (how to make it, words the message must contain)
    "empty": (_empty, "not a zip archive"),
    "random-bytes": (_random_bytes, "not a zip archive"),
    "text-renamed": (_text_file, "not a zip archive"),
    "pdf-renamed": (_pdf_file, "not a zip archive"),
    "huge-sparse": (_huge_sparse, "larger than"),
    "negative-hours": (_model_violation(_negative_hours), "hours: enter 0 or more"),
    "nan-as-string": (_model_violation(_nan_as_string), "enter a number"),
    "unknown-keys": (_model_violation(_unknown_keys), "not a field MC Designer knows"),
    "10000-character-title": (_model_violation(_long_title), "at most 500 characters"),
    "bare-nan": (_bare_nan, "not a number"),
    "stray-quotes": (_stray_quotes_manifest, "manifest.json"),
}
READING_COMMANDS = ("import", "check", "export-docx", "export-pdf", "review-import")


def _command(name: str, file: Path, out_dir: Path) -> list[str]:
    if name == "import":
        return ["import", str(file)]
    if name == "check":
        return ["check", str(file)]
    if name.startswith("export-"):
        fmt = name.removeprefix("export-")
        return ["export", str(file), "--to", fmt, "-o", str(out_dir / f"out.{fmt}")]
    return ["review-import", str(file)]


@pytest.mark.parametrize("command", READING_COMMANDS)
@pytest.mark.parametrize("kind", list(BROKEN_FILES))
def test_broken_file_gets_a_message_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, tmp_path: Path, kind: str, command: str
) -> None:
    make, expected = BROKEN_FILES[kind]
    file = tmp_path / f"{kind}.mcproposal"
    make(file)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = library_state(seeded_db)

    code, out, err = run_cli(capsys, seeded_db, *_command(command, file, out_dir))

    assert code != 0
    assert out == ""
    assert_clear_message(err, file.name, "Nothing was changed")
    if command != "review-import" or kind in ("empty", "random-bytes", "huge-sparse"):
        assert expected in err
    assert list(out_dir.iterdir()) == []
    assert library_state(seeded_db) == before


def test_huge_file_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "huge.mcproposal"
    _huge_sparse(file)
    tracemalloc.start()
    try:
        with pytest.raises(ExchangeError, match="larger than") as caught:
            read_proposal_file(file)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, f"{peak} bytes allocated to refuse a file by its size"
    assert_clear_message(str(caught.value), file.name)


def test_a_pipe_named_like_a_proposal_file_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.mcproposal"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            read_proposal_file(fifo)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so the test run can go on, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        pytest.fail("reading a named pipe blocked")
    assert isinstance(outcome[0], ExchangeError)
    assert "not a regular file" in str(outcome[0])


def test_folder_given_as_a_file_gets_a_message(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "folder.mcproposal"
    folder.mkdir()
    before = library_state(seeded_db)
    for args in (["import", str(folder)], ["review-import", str(folder)]):
        code, _out, err = run_cli(capsys, seeded_db, *args)
        assert code != 0
        assert_clear_message(err, "folder")
    assert library_state(seeded_db) == before


def test_model_violations_are_listed_with_their_places(tmp_path: Path) -> None:
    raw = _example_raw()
    _negative_hours(raw)
    _nan_as_string(raw)
    _unknown_keys(raw)
    _long_title(raw)
    file = build_proposal_file(tmp_path / "many.mcproposal", raw)
    with pytest.raises(ExchangeError) as caught:
        read_proposal_file(file)
    message = str(caught.value)
    assert_clear_message(message, file.name)
    assert "general › title" in message
    assert "more problems" in message
    assert "T" * 600 not in message  # the offending value is not echoed in full


def test_too_many_keywords_are_refused_with_the_limit(tmp_path: Path) -> None:
    raw = _example_raw()
    raw["general"]["keywords"] = [f"keyword {n}" for n in range(500)]
    file = build_proposal_file(tmp_path / "keywords.mcproposal", raw)
    with pytest.raises(ExchangeError, match=r"keywords: a list holds at most 200 entries"):
        read_proposal_file(file)


# ---------------------------------------------------------------------------
# Valid files with dirty text: accepted, cleaned, printed literally
# ---------------------------------------------------------------------------
def _fill_text(model: Any, short: str, long: str) -> None:
    """Put ``short``/``long`` into every free-text field of ``model``, adding one item per list."""
    for name, info in type(model).model_fields.items():
        if name == "id":
            continue
        shape = shape_of(info.annotation, list(info.metadata))
        current = getattr(model, name)
        if shape.kind == "text" and isinstance(current, str):
            setattr(model, name, short)
        elif shape.kind == "longtext":
            setattr(model, name, long)
        elif shape.kind == "texts":
            setattr(model, name, [short, f"second {short}"])
        elif shape.kind == "object" and current is not None:
            _fill_text(current, short, long)
        elif shape.kind == "items":
            items = list(current)
            if not items:
                assert shape.item_model is not None
                items = [shape.item_model()]
            for item in items:
                _fill_text(item, short, long)
            setattr(model, name, items)


SHORT_MARK = "SHORT-TEXT-MARK"
LONG_MARK = "LONG-TEXT-MARK"


def _replace_marks(value: Any) -> Any:
    """Swap the marks for the dirty text in raw JSON data (before the model cleans it)."""
    if isinstance(value, str):
        return value.replace(SHORT_MARK, DIRTY).replace(LONG_MARK, DIRTY + "\r\nsecond line\r")
    if isinstance(value, list):
        return [_replace_marks(v) for v in value]
    if isinstance(value, dict):
        return {k: _replace_marks(v) for k, v in value.items()}
    return value


def dirty_file(path: Path) -> tuple[Path, Proposal]:
    """A proposal file with control characters, bidi overrides and markup in every text.

    Returns the file and the proposal as the model must read it.
    """
    proposal = small_proposal()
    _fill_text(proposal, SHORT_MARK, LONG_MARK)
    raw = _replace_marks(proposal.model_dump(mode="json"))
    annotation = Annotation(
        id="an-dirty",
        proposal_id=proposal.id,
        path="general.title",
        label=SHORT_MARK,
        comments=[Comment(id="c-dirty", author=SHORT_MARK, body=LONG_MARK)],
    )
    review = Review(
        id="rv-dirty",
        proposal_id=proposal.id,
        reviewer=SHORT_MARK,
        summary=LONG_MARK,
        scores=[CriterionScore(criterion_id="c1", score=3, comment=LONG_MARK)],
    )
    raw_annotations = _replace_marks([annotation.model_dump(mode="json")])
    raw_reviews = _replace_marks([review.model_dump(mode="json")])
    build_proposal_file(path, raw, annotations=raw_annotations, reviews=raw_reviews)
    return path, Proposal.model_validate(raw)


def test_dirty_text_is_cleaned_on_the_way_in() -> None:
    short, long = clean_line(DIRTY), clean_text(DIRTY + "\r\nsecond line\r")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\x85\ufffe\uffff]", short + long)
    assert "\r" not in long and long.endswith("end\nsecond line")
    for literal in (*LITERALS, BIDI):
        assert literal in long
    for literal in LITERALS:
        assert literal in short
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", short)
    assert "evil isolated" in short


def test_dirty_text_survives_store_file_store_and_exports(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    file, expected = dirty_file(tmp_path / "dirty.mcproposal")
    assert expected.general.title == clean_line(DIRTY)

    # file -> store
    code, out, err = run_cli(capsys, db_path, "import", str(file))
    assert (code, err) == (0, ""), err
    with Store.open(db_path) as store:
        stored = store.get(INCOMING_ID)
        annotations = store.list_annotations(INCOMING_ID)
        reviews = store.list_reviews(INCOMING_ID)
    assert stored == expected
    assert annotations[0].comments[0].body == clean_text(DIRTY + "\r\nsecond line\r")
    assert reviews[0].scores[0].comment == annotations[0].comments[0].body

    # store -> file -> store (a second library)
    again = tmp_path / "again.mcproposal"
    code, _out, err = run_cli(capsys, db_path, "export-file", INCOMING_ID, str(again))
    assert (code, err) == (0, "")
    other_db = tmp_path / "other.sqlite3"
    code, _out, err = run_cli(capsys, other_db, "import", str(again))
    assert (code, err) == (0, "")
    with Store.open(other_db) as store:
        assert store.get(INCOMING_ID) == expected
        assert store.list_annotations(INCOMING_ID) == annotations
        assert store.list_reviews(INCOMING_ID) == reviews

    # check and the digital credential accept it
    code, out, err = run_cli(capsys, other_db, "check", INCOMING_ID)
    assert code in (0, 1) and err == "" and out
    credential = tmp_path / "credential.json"
    code, _out, err = run_cli(
        capsys, other_db, "export", INCOMING_ID, "--to", "ob3", "-o", str(credential)
    )
    assert (code, err) == (0, "")
    assert IMG in credential.read_text(encoding="utf-8")

    # store -> Word and PDF: the markup is printed, never interpreted
    docx_out, pdf_out = tmp_path / "dossier.docx", tmp_path / "dossier.pdf"
    for out_file in (docx_out, pdf_out):
        fmt = out_file.suffix[1:]
        args = ["export", INCOMING_ID, "--document", "dossier", "--to", fmt, "-o", str(out_file)]
        code, _out, err = run_cli(capsys, other_db, *args)
        assert (code, err) == (0, ""), err
    word = squash(docx_text(docx_out))
    pdf = squash(" ".join(pdf_pages(pdf_out)))
    for literal in LITERALS:
        assert literal in word, literal
        assert literal in pdf, literal
    assert_docx_has_no_links(docx_out)
    assert_no_active_content(pdf_out)


def test_check_and_export_read_a_dirty_file_directly(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, tmp_path: Path
) -> None:
    file, _expected = dirty_file(tmp_path / "dirty.mcproposal")
    before = library_state(seeded_db)
    code, out, err = run_cli(capsys, seeded_db, "check", str(file), "--format", "json")
    assert code in (0, 1) and err == ""
    assert json.loads(out)
    target = tmp_path / "from-file.docx"
    code, _out, err = run_cli(
        capsys, seeded_db, "export", str(file), "--to", "docx", "-o", str(target)
    )
    assert (code, err) == (0, "")
    assert IMG in docx_text(target)
    assert library_state(seeded_db) == before


# ---------------------------------------------------------------------------
# Huge text
# ---------------------------------------------------------------------------
_TEXT = (
    "learners analyse evaluate design digital credentials quality assurance curriculum "
    "assessment outcomes stakeholders institution workload evidence"
)
_WORDS = _TEXT.split()


def prose(length: int, end: str, seed: int) -> str:
    """Ordinary words up to exactly ``length`` characters, finishing with ``end``."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < length - len(end) - 20:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    text = " ".join(words)
    text = text[: length - len(end) - 1].rstrip()
    text = text + " " * (length - len(end) - len(text)) + end
    assert len(text) == length
    return text


def test_huge_text_saves_checks_and_exports(db_path: Path, tmp_path: Path) -> None:
    proposal = load_example()
    proposal.general.description = prose(49_000, "END-OF-DESCRIPTION", seed=1)
    proposal.certified.learning_outcomes.append(
        LearningOutcome(id="lo-long", text=prose(2_900, "END-OF-OUTCOME", seed=2))
    )
    proposal.general.keywords = [f"keyword number {n}" for n in range(200)]  # the model's cap
    proposal.general.title = "A very long title " * 25  # longer than Word's property limit

    with Store.open(db_path) as store:
        saved = store.save(proposal)
        stored = store.get(proposal.id)
    assert saved == content_hash(proposal) and stored == proposal
    result = check(stored)
    assert result.readiness is not None

    docx_out = export_document(stored, document="proposal", fmt="docx", out=tmp_path / "p.docx")
    pdf_out = export_document(stored, document="proposal", fmt="pdf", out=tmp_path / "p.pdf")

    word = docx_text(docx_out)
    assert stored.general.description in word
    assert stored.certified.learning_outcomes[-1].text in word
    assert "keyword number 199" in word

    pages = pdf_pages(pdf_out)
    first = next(n for n, text in enumerate(pages) if "END-OF-DESCRIPTION" in text)
    opening = squash(stored.general.description[:60])
    start = next(n for n, text in enumerate(pages) if opening in squash(text))
    assert first > start, "the long description did not continue onto a later page"
    assert any("END-OF-OUTCOME" in text for text in pages)


# ---------------------------------------------------------------------------
# Full disk
# ---------------------------------------------------------------------------
def _enospc() -> OSError:
    return OSError(errno.ENOSPC, "No space left on device")


class _FailingWrites(io.RawIOBase):
    """A file object whose writes fail as on a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: Any) -> int:
        raise _enospc()

    def fileno(self) -> int:
        return int(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()
        super().close()

    def writable(self) -> bool:
        return True


def fill_the_disk(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Make the next atomic write fail with ENOSPC at ``stage`` (write, fsync or replace)."""
    if stage == "write":
        real_fdopen = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            handle = real_fdopen(fd, *args, **kwargs)
            if "w" not in (args[0] if args else kwargs.get("mode", "r")):
                return handle
            return _FailingWrites(handle)

        monkeypatch.setattr(os, "fdopen", fdopen)
    elif stage == "fsync":

        def fsync(fd: int) -> None:
            raise _enospc()

        monkeypatch.setattr(os, "fsync", fsync)
    else:

        def replace(src: Any, dst: Any) -> None:
            raise _enospc()

        monkeypatch.setattr(os, "replace", replace)


def assert_only(folder: Path, *names: str) -> None:
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(names), f"left behind: {left}"


@pytest.mark.parametrize("stage", ["fsync", "replace"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_export_on_a_full_disk_keeps_the_previous_document(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: Format, stage: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"proposal.{fmt}"
    target.write_bytes(b"the previous export")
    fill_the_disk(monkeypatch, stage)
    with pytest.raises(ExportError) as caught:
        export_document(small_proposal(), document="proposal", fmt=fmt, out=target)
    assert_clear_message(str(caught.value), "No space left on device", target.name)
    assert target.read_bytes() == b"the previous export"
    assert_only(folder, target.name)


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_credential_on_a_full_disk_keeps_the_previous_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stage: str
) -> None:
    folder = tmp_path / "credentials"
    folder.mkdir()
    target = folder / "credential.json"
    target.write_text('{"previous": true}\n', encoding="utf-8")
    fill_the_disk(monkeypatch, stage)
    with pytest.raises(CredentialError) as caught:
        export_credential(small_proposal(), "elm", target)
    assert_clear_message(str(caught.value), "No space left on device", target.name)
    assert target.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert_only(folder, target.name)


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_proposal_file_on_a_full_disk_keeps_the_previous_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stage: str
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    target = folder / "proposal.mcproposal"
    write_proposal_file(target, ProposalBundle(proposal=small_proposal(title="Previous")))
    previous = sha256_of(target)
    fill_the_disk(monkeypatch, stage)
    with pytest.raises(ExchangeError) as caught:
        write_proposal_file(target, bundle_with_records(small_proposal(title="New")))
    assert_clear_message(str(caught.value), "No space left on device", target.name)
    assert "left as it was" in str(caught.value)
    monkeypatch.undo()
    assert sha256_of(target) == previous
    assert read_proposal_file(target).proposal.general.title == "Previous"
    assert_only(folder, target.name)


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_review_file_on_a_full_disk_keeps_the_previous_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stage: str
) -> None:
    target = tmp_path / "review.mcreview"
    bundle = ReviewBundle(proposal_id=INCOMING_ID, revision_hash="a" * 64, reviewer="First")
    write_review_file(target, bundle)
    previous = sha256_of(target)
    fill_the_disk(monkeypatch, stage)
    with pytest.raises(ExchangeError, match="No space left on device"):
        write_review_file(target, ReviewBundle(INCOMING_ID, "b" * 64, reviewer="Second"))
    monkeypatch.undo()
    assert sha256_of(target) == previous
    assert read_review_file(target).reviewer == "First"
    assert_only(tmp_path, target.name)


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_preferences_on_a_full_disk_keep_the_previous_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stage: str
) -> None:
    folder = tmp_path / "config"
    target = folder / "preferences.json"
    save_preferences(Preferences(user_name="Ana Popescu"), target)
    fill_the_disk(monkeypatch, stage)
    with pytest.raises(OSError) as caught:
        save_preferences(Preferences(user_name="Someone Else"), target)
    # The window shows str(error) under "Could not save your preferences".
    assert caught.value.errno == errno.ENOSPC
    assert_clear_message(str(caught.value), "No space left on device")
    monkeypatch.undo()
    prefs, problem = load_preferences(target)
    assert problem is None and prefs.user_name == "Ana Popescu"
    assert_only(folder, target.name)


def _limit_database_growth(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection the store opens from now on may not grow its database file."""
    real = storage_connection.check_and_configure

    def check_and_configure(conn: Any, path: Path) -> int:
        version = real(conn, path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return version

    monkeypatch.setattr(storage_connection, "check_and_configure", check_and_configure)


def _big_bundle_file(tmp_path: Path) -> Path:
    proposal = small_proposal()
    proposal.general.description = prose(45_000, "END", seed=3)
    proposal.certified.learning_outcomes = [
        LearningOutcome(text=prose(2_900, f"outcome {n}", seed=n)) for n in range(30)
    ]
    file = tmp_path / "big.mcproposal"
    write_proposal_file(file, bundle_with_records(proposal))
    return file


def test_cli_import_on_a_full_database_disk(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeded_db: Path,
    tmp_path: Path,
) -> None:
    file = _big_bundle_file(tmp_path)
    before = library_state(seeded_db)
    _limit_database_growth(monkeypatch)

    code, out, err = run_cli(capsys, seeded_db, "import", str(file))

    assert code != 0 and out == ""
    assert_clear_message(err, "is full", "previous version is still stored")
    monkeypatch.undo()
    assert library_state(seeded_db) == before
    with Store.open(seeded_db) as store:
        assert store.integrity_ok()
    # Once there is room again the same import works.
    code, _out, err = run_cli(capsys, seeded_db, "import", str(file))
    assert (code, err) == (0, "")


def test_cli_import_when_the_backup_cannot_be_written(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeded_db: Path,
    valid_file: Path,
) -> None:
    before = library_state(seeded_db)
    backups_before = list_backups(seeded_db)
    fill_the_disk(monkeypatch, "replace")  # the snapshot is renamed into place last

    code, out, err = run_cli(capsys, seeded_db, "import", str(valid_file))

    assert code != 0 and out == ""
    assert_clear_message(err, "backup", "No space left on device")
    monkeypatch.undo()
    assert library_state(seeded_db) == before
    assert list_backups(seeded_db) == backups_before
    backups = seeded_db.parent / "backups"
    assert not list(backups.glob("*.partial")), "a half-written backup was left behind"


# ---------------------------------------------------------------------------
# An import interrupted half-way
# ---------------------------------------------------------------------------
def _interrupt_after_the_proposal_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(importing_module, "upsert_annotation", interrupted)


def test_interrupted_import_leaves_no_half_imported_proposal(
    monkeypatch: pytest.MonkeyPatch, seeded_db: Path, valid_file: Path, tmp_path: Path
) -> None:
    before = library_state(seeded_db)
    backups_before = set(list_backups(seeded_db))
    _interrupt_after_the_proposal_row(monkeypatch)

    with Store.open(seeded_db) as store:
        with pytest.raises(KeyboardInterrupt):
            import_proposal_file(store, valid_file, settings=CheckSettings())
        assert not store.exists(INCOMING_ID)
        # The store is still usable in the same session.
        monkeypatch.undo()
        proposal = store.get(SEED_ID)
        proposal.general.title = "Edited after the interruption"
        store.save(proposal, expected_hash=store.get_hash(SEED_ID))

    new_backups = set(list_backups(seeded_db)) - backups_before
    assert len(new_backups) == 1 and "before-import" in next(iter(new_backups)).name
    copy_path = tmp_path / "restored.sqlite3"
    shutil.copy(next(iter(new_backups)), copy_path)
    with Store.open(copy_path) as restored:
        assert [s.id for s in restored.list_proposals()] == [SEED_ID]
        assert restored.integrity_ok()
    after = library_state(seeded_db)
    assert [row[0].id for row in after] == [row[0].id for row in before]


def test_interrupted_cli_import_says_stopped_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeded_db: Path,
    valid_file: Path,
) -> None:
    before = library_state(seeded_db)
    _interrupt_after_the_proposal_row(monkeypatch)
    code, out, err = run_cli(capsys, seeded_db, "import", str(valid_file))
    assert code == 130 and out == ""
    assert_clear_message(err, "Stopped")
    monkeypatch.undo()
    assert library_state(seeded_db) == before


# ---------------------------------------------------------------------------
# Read-only folders
# ---------------------------------------------------------------------------
@pytest.fixture
def read_only_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder nobody may write into (simulated for root, who ignores permissions)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "earlier.pdf").write_bytes(b"an earlier document")
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real_open, real_replace = os.open, os.replace

        def denied(path: Any) -> PermissionError:
            return PermissionError(errno.EACCES, "Permission denied", str(path))

        def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if flags & os.O_CREAT and Path(os.fsdecode(path)).parent == folder:
                raise denied(path)
            return real_open(path, flags, *args, **kwargs)

        def guarded_replace(src: Any, dst: Any, **kwargs: Any) -> None:
            if Path(os.fsdecode(dst)).parent == folder:
                raise denied(dst)
            real_replace(src, dst, **kwargs)

        monkeypatch.setattr(os, "open", guarded_open)
        monkeypatch.setattr(os, "replace", guarded_replace)
    yield folder
    monkeypatch.undo()
    folder.chmod(0o755)


def test_exports_into_a_read_only_folder_get_a_message(read_only_dir: Path) -> None:
    proposal = small_proposal()
    for fmt in ("docx", "pdf"):
        with pytest.raises(ExportError) as caught:
            export_document(proposal, document="proposal", fmt=fmt, out=read_only_dir / f"p.{fmt}")
        assert_clear_message(str(caught.value), "permission denied")
    with pytest.raises(CredentialError) as credential_error:
        export_credential(proposal, "elm", read_only_dir / "credential.json")
    assert_clear_message(str(credential_error.value), "Permission denied")
    with pytest.raises(ExchangeError) as exchange_error:
        write_proposal_file(read_only_dir / "p.mcproposal", ProposalBundle(proposal=proposal))
    assert_clear_message(str(exchange_error.value), "Permission denied", "p.mcproposal")
    assert_only(read_only_dir, "earlier.pdf")
    assert (read_only_dir / "earlier.pdf").read_bytes() == b"an earlier document"


@pytest.mark.parametrize(
    "args",
    [
        ["export", SEED_ID, "--to", "pdf", "-o", "{dir}/earlier.pdf"],
        ["export", SEED_ID, "--to", "elm", "-o", "{dir}/credential.json"],
        ["export-file", SEED_ID, "{dir}/copy.mcproposal"],
        ["review-export", SEED_ID, "{dir}/review.mcreview", "--reviewer", "Reviewer"],
    ],
    ids=["export-pdf", "export-elm", "export-file", "review-export"],
)
def test_cli_writes_into_a_read_only_folder_get_a_message(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, read_only_dir: Path, args: list[str]
) -> None:
    before = library_state(seeded_db)
    filled = [a.format(dir=read_only_dir) for a in args]
    code, out, err = run_cli(capsys, seeded_db, *filled)
    assert code != 0 and out == ""
    assert_clear_message(err)
    assert "permission denied" in err.lower()
    assert_only(read_only_dir, "earlier.pdf")
    assert (read_only_dir / "earlier.pdf").read_bytes() == b"an earlier document"
    assert library_state(seeded_db) == before


# ---------------------------------------------------------------------------
# Regressions found by this suite
# ---------------------------------------------------------------------------
def finishes(work: Callable[[], None], seconds: float = 60) -> bool:
    """Whether ``work`` returns within ``seconds`` (a guard against hangs, not a speed test)."""
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    return not worker.is_alive()


def test_stray_quotes_do_not_hang_json_reading() -> None:
    # Each unmatched quote once rescanned the rest of the text: hours for this input.
    data = ("[" + '\\"' * 400_000).encode()
    errors: list[str] = []

    def read() -> None:
        try:
            load_json_strict(data, what="x.json")
        except ExchangeError as error:
            errors.append(str(error))

    assert finishes(read), "reading stray quotes hung"
    assert errors and "not valid JSON" in errors[0]
    # The depth limit still sees brackets after an escaped quote inside a string.
    nested = ('["\\"",' + "[" * 100 + "]" * 100 + "]").encode()
    with pytest.raises(ExchangeError, match="nested more than"):
        load_json_strict(nested, what="x.json")


def test_word_export_of_a_long_title_and_many_keywords(tmp_path: Path) -> None:
    proposal = small_proposal(title="Long title " * 45)
    proposal.general.keywords = [f"keyword {n}" for n in range(200)]
    out = export_document(proposal, document="proposal", fmt="docx", out=tmp_path / "p.docx")
    from docx import Document

    properties = Document(str(out)).core_properties
    assert len(properties.title) <= 255 and properties.title.endswith("…")
    assert len(properties.keywords) <= 255
    assert proposal.general.title in docx_text(out)  # the document itself keeps it all


def test_failed_backup_removes_its_partial_copy(
    monkeypatch: pytest.MonkeyPatch, seeded_db: Path
) -> None:
    fill_the_disk(monkeypatch, "replace")
    with Store.open(seeded_db) as store, pytest.raises(StoreError, match="No space left"):
        store.backup("manual")
    monkeypatch.undo()
    folder = seeded_db.parent / "backups"
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".partial")]


def test_check_and_export_name_a_missing_proposal_file(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "not-there.mcproposal"
    for args in (
        ["check", str(missing)],
        ["export", str(missing), "--to", "pdf", "-o", str(tmp_path / "out.pdf")],
    ):
        code, _out, err = run_cli(capsys, seeded_db, *args)
        assert code != 0
        assert_clear_message(err, "not-there.mcproposal", "does not exist")
    assert not (tmp_path / "out.pdf").exists()


HOSTILE_ARGUMENTS = [
    "",
    "\udcff-undecodable-byte",  # how Python passes a file name that is not valid UTF-8
    "../../etc/passwd",
    IMG,
    "x" * 5_000,
    "\u202eevil\x1b[31m",
]
ARGUMENT_TEMPLATES = [
    ["show", "{}"],
    ["check", "{}"],
    ["status", "{}"],
    ["compare", SEED_ID, "{}"],
    ["revisions", SEED_ID, "--save", "{}"],
    ["review-export", SEED_ID, "{dir}/r.mcreview", "--reviewer", "{}"],
    ["import", "{}"],
    ["review-import", "{}"],
    ["export-file", SEED_ID, "{dir}/{}"],
]


def test_hostile_command_line_arguments_get_plain_messages(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for template in ARGUMENT_TEMPLATES:
        for value in HOSTILE_ARGUMENTS:
            args = [a.replace("{dir}", str(out_dir)).replace("{}", value) for a in template]
            code, _out, err = run_cli(capsys, seeded_db, *args)
            where = f"{template[0]} {value[:20]!r}"
            assert isinstance(code, int), where
            assert "Unexpected error" not in err and "Traceback" not in err, (where, err)
            if code != 0:
                assert err.strip(), where
    with Store.open(seeded_db) as store:
        labels = [r.label for r in store.list_revisions(SEED_ID)]
        assert store.get(SEED_ID).general.title == "Already in the library"
    assert "-undecodable-byte" in labels  # the broken character was dropped, the rest kept
    assert "evil[31m" in labels  # the escape character and the direction override removed


def test_revision_labels_and_status_notes_are_cleaned(seeded_db: Path) -> None:
    with Store.open(seeded_db) as store:
        info = store.add_revision(SEED_ID, "Before\x00 the\udcff\x1b meeting\n<b>", kind="manual")
        event = store.add_status_event(SEED_ID, "draft", "draft", "Ana\x07", "Line\x0b one\r\ntwo")
        assert info.label == "Before the meeting <b>"
        assert [r.label for r in store.list_revisions(SEED_ID)][-1] == info.label
        assert (event.actor, event.note) == ("Ana", "Line one\ntwo")
        assert store.list_status_events(SEED_ID)[-1] == event


def test_file_names_the_system_cannot_use_get_an_exchange_error(tmp_path: Path) -> None:
    bad = tmp_path / "nul\x00name.mcproposal"
    with pytest.raises(ExchangeError, match="file name is not valid"):
        read_proposal_file(bad)
    with pytest.raises(ExchangeError, match="file name is not valid"):
        write_proposal_file(bad, ProposalBundle(proposal=small_proposal()))
    assert_only(tmp_path)


DAMAGED_PREFERENCES = {
    "not-utf8": b"\xff\xfe{\x00}\x00",
    "nan": b'{"hours_per_credit_min": NaN}',
    "deep": b"[" * 100_000,
    "huge-number": b"9" * 5_000,
    "not-an-object": b"[1, 2]",
    "huge-file": b"{" + b" " * (2 * 1024 * 1024) + b"}",
}


@pytest.mark.parametrize("kind", list(DAMAGED_PREFERENCES))
def test_damaged_preferences_fall_back_to_defaults(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seeded_db: Path,
    tmp_path: Path,
    kind: str,
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("MCDESIGNER_CONFIG", str(folder))
    damaged = folder / "preferences.json"
    damaged.write_bytes(DAMAGED_PREFERENCES[kind])

    prefs, problem = load_preferences()
    assert prefs == Preferences()
    assert problem is not None and "damaged" in problem
    # Commands that read the preferences still work, and the file is left for the user.
    code, out, err = run_cli(capsys, seeded_db, "check", SEED_ID)
    assert code in (0, 1) and out and err == ""
    assert damaged.read_bytes() == DAMAGED_PREFERENCES[kind]


def test_a_file_cannot_take_over_records_of_another_proposal(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, tmp_path: Path
) -> None:
    with Store.open(seeded_db) as store:
        seed_revision = store.list_revisions(SEED_ID)[0]
    before = library_state(seeded_db)
    proposal = small_proposal()
    thief = bundle_with_records(proposal)
    reused = {
        "comment thread": ProposalBundle(
            proposal=proposal,
            annotations=(thief.annotations[0].model_copy(update={"id": f"an-{SEED_ID}"}),),
        ),
        "review": ProposalBundle(
            proposal=proposal,
            reviews=(thief.reviews[0].model_copy(update={"id": f"rv-{SEED_ID}"}),),
        ),
        "revision": ProposalBundle(
            proposal=proposal,
            revisions=(
                RevisionEntry(
                    id=seed_revision.id,
                    label="Same id as the seed's revision",
                    kind="manual",
                    created_at=seed_revision.created_at,
                    content_hash=content_hash(proposal),
                    proposal=proposal,
                ),
            ),
        ),
    }
    for what, bundle in reused.items():
        file = tmp_path / f"{what.replace(' ', '-')}.mcproposal"
        write_proposal_file(file, bundle)
        code, out, err = run_cli(capsys, seeded_db, "import", str(file))
        assert code != 0 and out == ""
        assert_clear_message(err, what, "another proposal", SEED_ID)
        assert library_state(seeded_db) == before


def test_a_review_file_cannot_take_over_comments_of_another_proposal(
    capsys: pytest.CaptureFixture[str], seeded_db: Path, valid_file: Path, tmp_path: Path
) -> None:
    code, _out, err = run_cli(capsys, seeded_db, "import", str(valid_file))
    assert (code, err) == (0, "")
    before = library_state(seeded_db)
    with Store.open(seeded_db) as store:
        revision_hash = store.get_hash(INCOMING_ID)
    stolen = Annotation(
        id=f"an-{SEED_ID}",
        proposal_id=INCOMING_ID,
        path="general.title",
        comments=[Comment(id="c-x", author="Reviewer", body="Not yours.")],
    )
    review_file = tmp_path / "review.mcreview"
    write_review_file(
        review_file,
        ReviewBundle(INCOMING_ID, revision_hash, annotations=(stolen,), reviewer="Reviewer"),
    )
    code, out, err = run_cli(capsys, seeded_db, "review-import", str(review_file))
    assert code != 0 and out == ""
    assert_clear_message(err, "another proposal", SEED_ID)
    assert library_state(seeded_db) == before
