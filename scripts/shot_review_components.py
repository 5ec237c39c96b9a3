"""Render the reviewing components with sample data offscreen to PNG files for a visual check.

Uses the bundled example proposal in a temporary database, adds comment threads (one on a
deleted item), a rubric review, two revisions and a status history, then writes
``review_panel.png``, ``review_panel_narrow.png``, ``review_thread_new.png``,
``rubric_dialog.png``, ``compare_dialog.png`` and ``status_dialog.png`` (plus
``status_dialog_refused.png``) into the folder given as the first argument (default: the
system temporary folder)::

    QT_QPA_PLATFORM=offscreen python scripts/shot_review_components.py /tmp/shots
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget


def _quiet(kind: QtMsgType, context: object, message: str) -> None:
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def _shot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(20):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir())
    out.mkdir(parents=True, exist_ok=True)
    qInstallMessageHandler(_quiet)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)

    from mcdesigner.examples import load_example
    from mcdesigner.model import Annotation, Comment, Review
    from mcdesigner.model.edits import MoveItem, RemoveItem, SetValue, apply_edit
    from mcdesigner.model.review import CriterionScore
    from mcdesigner.storage import Store
    from mcdesigner.ui.review import AnnotationsPanel, CompareDialog, RubricDialog, StatusDialog

    work = Path(tempfile.mkdtemp(prefix="mcd-review-shots-"))
    store = Store.open(work / "proposals.sqlite3")
    proposal = load_example()
    store.save(proposal)
    store.add_revision(proposal.id, "Sent to reviewers", kind="manual")

    outcomes = proposal.certified.learning_outcomes
    t0 = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC)
    notes = [
        Annotation(
            proposal_id=proposal.id,
            path=f"certified.learning_outcomes[{outcomes[1].id}].text",
            label="Learning outcome 2 › Outcome",
            comments=[
                Comment(
                    author="Ana García",
                    body="“Understand” cannot be assessed. Could this say <analyse> & compare?",
                    created=t0,
                ),
                Comment(
                    author="Jonas Weber",
                    body="Agreed, we will rephrase it.",
                    created=t0 + dt.timedelta(hours=3),
                ),
            ],
            created=t0,
            updated=t0 + dt.timedelta(hours=3),
        ),
        Annotation(
            proposal_id=proposal.id,
            path="general.title",
            label="Title",
            status="resolved",
            comments=[Comment(author="Ana García", body="Title is clear.", created=t0)],
            created=t0,
            updated=t0,
        ),
        Annotation(
            proposal_id=proposal.id,
            path="certified.learning_outcomes[deleted0001].text",
            label="Learning outcome 6 › Outcome",
            comments=[Comment(author="Ana García", body="Overlaps with outcome 2.", created=t0)],
            created=t0,
            updated=t0,
        ),
        Annotation(
            proposal_id=proposal.id,
            path="certified.ects_credits",
            label="ECTS credits",
            comments=[
                Comment(author="Ana García", body="Check 25-30 hours per credit.", created=t0)
            ],
            created=t0,
            updated=t0,
        ),
    ]
    for note in notes:
        store.save_annotation(note)
    store.save_review(
        Review(
            proposal_id=proposal.id,
            reviewer="Ana García",
            rubric_id="qa-checklist",
            scores=[
                CriterionScore(criterion_id="alignment", score=4, comment="Fits the strategy."),
                CriterionScore(criterion_id="credential-design", score=3),
            ],
            recommendation="approve_with_changes",
            summary="Solid design; rephrase outcome 2.",
        )
    )

    expected = store.get_hash(proposal.id)
    apply_edit(
        proposal,
        SetValue(
            f"certified.learning_outcomes[{outcomes[1].id}].text",
            "Analyse and compare micro-credential frameworks of the partner universities.",
        ),
    )
    if len(outcomes) > 2:
        apply_edit(proposal, RemoveItem("certified.learning_outcomes", outcomes[-1].id))
        apply_edit(proposal, MoveItem("certified.learning_outcomes", outcomes[0].id, 1))
    apply_edit(proposal, SetValue("certified.ects_credits", 3.0))
    store.save(proposal, expected_hash=expected)

    panel = AnnotationsPanel()
    panel.set_context(store, proposal, "Ana García")
    panel.resize(440, 760)
    panel.select_annotation(notes[0].id)
    _shot(app, panel, out / "review_panel.png")
    panel.resize(300, 600)
    _shot(app, panel, out / "review_panel_narrow.png")
    panel.resize(440, 760)
    panel.add_annotation(f"certified.learning_outcomes[{outcomes[0].id}]")
    _shot(app, panel, out / "review_thread_new.png")

    rubric = RubricDialog(store, proposal.id, "Ana García")
    _shot(app, rubric, out / "rubric_dialog.png")

    compare = CompareDialog(store, proposal.id)
    _shot(app, compare, out / "compare_dialog.png")

    store.add_status_event(proposal.id, "draft", "submitted", "Jonas Weber", "First round")
    store.add_status_event(proposal.id, "submitted", "in_review", "Ana García")
    expected = store.get_hash(proposal.id)
    proposal.status = "in_review"
    store.save(proposal, expected_hash=expected)
    status = StatusDialog(store, proposal.id, "Ana García")
    _shot(app, status, out / "status_dialog.png")

    blank_store = Store.open(work / "blank.sqlite3")
    from mcdesigner.model import Proposal

    blank = Proposal()
    blank_store.save(blank)
    refused = StatusDialog(blank_store, blank.id, "Ana García")
    refused.move_to("submitted")
    _shot(app, refused, out / "status_dialog_refused.png")
    store.close()
    blank_store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
