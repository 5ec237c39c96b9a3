"""The export dialog and background jobs: create, preview, save, print, fail and cancel."""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

import mcdesigner.export
from mcdesigner.examples import load_example
from mcdesigner.export import ExportError
from mcdesigner.ui.export.export_dialog import ExportDialog
from mcdesigner.ui.export.files import copy_atomically, suggested_filename
from mcdesigner.ui.export.worker import BackgroundJob

pytestmark = pytest.mark.gui


EXPORT_TIMEOUT_MS = 30_000


@pytest.fixture
def open_dialog(qtbot: QtBot) -> Iterator[Any]:
    """Make export dialogs for the example proposal; closes them and waits for their jobs."""
    made: list[ExportDialog] = []

    def make(document: str = "proposal", fmt: str | None = None) -> ExportDialog:
        dialog = ExportDialog(load_example(), initial_document=document, initial_format=fmt)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()
        if dialog.job is not None:
            assert dialog.job.wait(10)


def _create(qtbot: QtBot, dialog: ExportDialog) -> None:
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=EXPORT_TIMEOUT_MS)
    assert dialog.state == "ready", dialog.error_text()


def _page_count(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    count = document.pageCount()
    document.close()
    return count


def test_a_pdf_is_created_in_the_background_and_previewed(qtbot: QtBot, open_dialog: Any) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    assert dialog.state == "idle"
    assert not dialog._save_button.isEnabled()
    reports: list[int] = []
    dialog.start_export()
    assert dialog.state == "running"  # the work happens off the UI thread
    assert dialog.job is not None
    dialog.job.progress.connect(lambda percent, message: reports.append(percent))
    assert not dialog._create_button.isEnabled()
    assert dialog._close_button.text() == "Cancel"
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=EXPORT_TIMEOUT_MS)
    assert dialog.state == "ready", dialog.error_text()
    output = dialog.output_path
    assert output is not None and output.read_bytes().startswith(b"%PDF")
    assert dialog.pdf_document.pageCount() > 0
    assert dialog.pdf_document.pageCount() == _page_count(output)
    assert dialog._save_button.isEnabled() and dialog._print_button.isEnabled()
    assert "Page 1 of" in dialog._pages_label.text()
    assert all(0 <= p <= 100 for p in reports)


def test_save_as_copies_the_document_to_the_chosen_file(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    _create(qtbot, dialog)
    asked: list[str] = []

    def choose(parent: Any, caption: str, suggestion: str, filters: str) -> tuple[str, str]:
        asked.append(suggestion)
        return str(tmp_path / "for the committee"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(dialog.saved, timeout=1000) as saved:
        result = dialog.save_as()
    target = tmp_path / "for the committee.pdf"
    assert result == target and saved.args == [str(target)]
    assert dialog.output_path is not None
    assert target.read_bytes() == dialog.output_path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert Path(asked[0]).name == "Towards INGENIUM Micro-credentials Framework - " + (
        "Self-assessment report.pdf"
    )


def test_cancelling_the_file_dialog_saves_nothing(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    _create(qtbot, dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert dialog.save_as() is None
    assert dialog.error_text() == ""


def test_saving_into_a_missing_folder_shows_the_reason_and_writes_nothing(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path
) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    _create(qtbot, dialog)
    target = tmp_path / "missing" / "report.pdf"
    assert dialog.save_to(target) is None
    assert "Could not save" in dialog.error_text()
    assert "No such file or directory" in dialog.error_text()
    assert dialog._error_frame.isVisibleTo(dialog)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    # The created document is still there to save somewhere else.
    assert dialog.save_to(tmp_path / "report.pdf") == tmp_path / "report.pdf"
    assert dialog.error_text() == ""


def test_print_renders_every_page_to_the_printer(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path
) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    _create(qtbot, dialog)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    pages = dialog.print_to(printer)
    assert pages == dialog.pdf_document.pageCount() > 0
    assert printed.read_bytes().startswith(b"%PDF")
    assert _page_count(printed) == pages


def test_print_honours_the_page_range(qtbot: QtBot, open_dialog: Any, tmp_path: Path) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    _create(qtbot, dialog)
    if dialog.pdf_document.pageCount() < 2:
        pytest.skip("the document has a single page")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert _page_count(tmp_path / "two.pdf") == 1


def test_a_word_export_is_previewed_and_printed_through_its_pdf(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path
) -> None:
    dialog = open_dialog("self-assessment", "docx")
    _create(qtbot, dialog)
    assert dialog.output_path is not None
    assert dialog.output_path.suffix == ".docx"
    assert dialog.output_path.read_bytes().startswith(b"PK")  # a Word file is a zip package
    assert dialog.pdf_document.pageCount() > 0
    assert dialog._print_button.isEnabled()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "word.pdf"))
    assert dialog.print_to(printer) == dialog.pdf_document.pageCount()
    saved = dialog.save_to(tmp_path / "report.docx")
    assert saved is not None and saved.read_bytes() == dialog.output_path.read_bytes()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ExportError("The document could not be laid out: the table is too wide."), "too wide"),
        (PermissionError(13, "Permission denied", "/reports/x.pdf"), "Permission denied"),
        (OSError(28, "No space left on device"), "No space left on device"),
    ],
)
def test_an_export_failure_is_shown_and_leaves_no_file(
    qtbot: QtBot,
    open_dialog: Any,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    expected: str,
) -> None:
    def failing(proposal: Any, *, out: Path, **options: Any) -> Path:
        out.write_bytes(b"%PDF-1.7 half")  # a careless exporter; the dialog still cleans up
        raise error

    monkeypatch.setattr(mcdesigner.export, "export_document", failing)
    dialog = open_dialog("proposal", "pdf")
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.state != "running", timeout=EXPORT_TIMEOUT_MS)
    assert dialog.state == "failed"
    assert expected in dialog.error_text()
    assert expected in dialog._error_label.text()
    assert dialog._error_frame.isVisibleTo(dialog)
    assert not dialog._save_button.isEnabled() and not dialog._print_button.isEnabled()
    assert dialog.output_path is None
    assert dialog.temp_folder is not None
    assert list(dialog.temp_folder.iterdir()) == []


@pytest.mark.parametrize(("document", "marker"), [("elm", "@context"), ("ob3", "@context")])
def test_credentials_are_written_as_json(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path, document: str, marker: str
) -> None:
    dialog = open_dialog(document)
    assert dialog.format() == ("jsonld" if document == "elm" else "json")
    assert not dialog._format_combo.isEnabled()  # one format only
    _create(qtbot, dialog)
    assert dialog.output_path is not None
    data = json.loads(dialog.output_path.read_text(encoding="utf-8"))
    assert marker in data
    assert dialog._json_view.toPlainText().startswith("{")
    assert not dialog._print_button.isEnabled()
    saved = dialog.save_to(tmp_path / f"credential.{dialog.format()}")
    assert saved is not None
    assert json.loads(saved.read_text(encoding="utf-8")) == data


def test_the_dossier_carries_the_comments_and_reviews(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mcdesigner.model.review import Annotation, Comment, Review

    proposal = load_example()
    annotation = Annotation(
        proposal_id=proposal.id,
        path="general.title",
        comments=[Comment(author="Reviewer", body="Shorten the title.")],
    )
    review = Review(proposal_id=proposal.id, reviewer="Reviewer", summary="Sound design.")
    received: dict[str, Any] = {}
    real_export = mcdesigner.export.export_document

    def recording(proposal: Any, **options: Any) -> Path:
        received.update(options)
        return real_export(proposal, **options)

    monkeypatch.setattr(mcdesigner.export, "export_document", recording)
    dialog = ExportDialog(
        proposal,
        annotations=[annotation],
        reviews=[review],
        initial_document="dossier",
        criterion_titles={"c1": "Outcomes"},
    )
    qtbot.addWidget(dialog)
    try:
        _create(qtbot, dialog)
        assert received["document"] == "dossier" and received["fmt"] == "pdf"
        assert list(received["annotations"]) == [annotation]
        assert list(received["reviews"]) == [review]
        assert received["criterion_titles"] == {"c1": "Outcomes"}
        assert dialog.pdf_document.pageCount() > 0
    finally:
        dialog.reject()


def test_changing_the_choice_discards_the_created_document(qtbot: QtBot, open_dialog: Any) -> None:
    dialog = open_dialog("self-assessment", "pdf")
    _create(qtbot, dialog)
    old = dialog.output_path
    assert old is not None and old.exists()
    dialog._document_combo.setCurrentIndex(dialog._document_combo.findData("ob3"))
    assert dialog.state == "idle"
    assert not old.exists()
    assert not dialog._save_button.isEnabled()


def test_cancel_closes_the_dialog_and_removes_everything(
    qtbot: QtBot, open_dialog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(proposal: Any, *, out: Path, progress: Any, **options: Any) -> Path:
        out.write_bytes(b"%PDF-1.7 partial")
        started.set()
        release.wait(10)
        progress(50, "still working")  # stops here once the job is cancelled
        out.write_bytes(b"%PDF-1.7 complete")
        return out

    monkeypatch.setattr(mcdesigner.export, "export_document", slow)
    dialog = open_dialog("proposal", "pdf")
    dialog.start_export()
    qtbot.waitUntil(started.is_set, timeout=EXPORT_TIMEOUT_MS)
    folder, job = dialog.temp_folder, dialog.job
    assert folder is not None and job is not None and any(folder.iterdir())
    dialog._close_button.click()
    assert not dialog.isVisible()
    release.set()
    assert job.wait(10)
    qtbot.waitUntil(lambda: job.state == "cancelled", timeout=EXPORT_TIMEOUT_MS)
    assert not folder.exists()


def test_closing_after_an_export_removes_the_temporary_folder(
    qtbot: QtBot, open_dialog: Any
) -> None:
    dialog = open_dialog("ob3")
    _create(qtbot, dialog)
    folder = dialog.temp_folder
    assert folder is not None and folder.exists()
    dialog.reject()
    assert not folder.exists()


def test_background_job_reports_progress_and_result(qtbot: QtBot) -> None:
    def work(report: Any) -> str:
        report(40, "halfway")
        return "done"

    job = BackgroundJob(work)
    progress: list[tuple[int, str]] = []
    job.progress.connect(lambda percent, message: progress.append((percent, message)))
    with qtbot.waitSignal(job.finished, timeout=5000) as finished:
        job.start()
    assert finished.args == ["done"]
    assert job.state == "finished"
    qtbot.waitUntil(lambda: bool(progress), timeout=5000)
    assert progress == [(40, "halfway")]


def test_background_job_turns_errors_into_messages(qtbot: QtBot) -> None:
    def work(report: Any) -> None:
        raise PermissionError(13, "Permission denied", "/locked/file.pdf")

    job = BackgroundJob(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start()
    assert failed.args == ["Permission denied: /locked/file.pdf"]
    assert job.state == "failed"


def test_a_cancelled_job_discards_its_output_even_when_it_had_finished(
    qtbot: QtBot, tmp_path: Path
) -> None:
    output = tmp_path / "made.txt"

    def work(report: Any) -> Path:
        output.write_text("done")
        return output

    job = BackgroundJob(work, discard=lambda: output.unlink(missing_ok=True))
    job.start()
    assert job.wait(5)  # finished on the worker thread, outcome not yet delivered
    job.cancel()
    assert not output.exists()
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        pass
    assert job.state == "cancelled"


def test_file_names_and_atomic_copies(tmp_path: Path) -> None:
    name = suggested_filename('Data: "AI" / ethics?', "Committee dossier", "pdf")
    assert name == "Data AI ethics - Committee dossier.pdf"
    assert suggested_filename("   ", "Proposal", "docx") == "proposal - Proposal.docx"
    source = tmp_path / "source.pdf"
    source.write_bytes(b"%PDF-1.7 new")
    target = tmp_path / "target.pdf"
    target.write_bytes(b"old")
    copy_atomically(source, target)
    assert target.read_bytes() == b"%PDF-1.7 new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.pdf", "target.pdf"]


def test_saving_onto_a_link_asks_first_and_writes_through_only_when_confirmed(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog("ob3")
    _create(qtbot, dialog)
    real = tmp_path / "shared" / "credential.json"
    real.parent.mkdir()
    real.write_text("mine", encoding="utf-8")
    link = tmp_path / "credential.json"
    link.symlink_to(real)
    questions: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])

    def answer(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    assert dialog.save_to(link) is None
    assert real.read_text(encoding="utf-8") == "mine"
    assert "symbolic link" in questions[0] and str(real) in questions[0]
    assert dialog.save_to(link) == link
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))
    assert len(questions) == 2


def test_saving_onto_a_named_pipe_is_refused_with_the_reason(
    qtbot: QtBot, open_dialog: Any, tmp_path: Path
) -> None:
    dialog = open_dialog("ob3")
    _create(qtbot, dialog)
    pipe = tmp_path / "credential.json"
    os.mkfifo(pipe)
    assert dialog.save_to(pipe) is None
    assert "named pipe" in dialog.error_text()
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
