"""Reviewing (pure part): rubrics, status workflow, merging review data, comparing revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.edits import MoveItem, RemoveItem, SetValue, apply_edit
from mcdesigner.model.proposal import ExpenditureLine, FinancialStatement, LearningOutcome
from mcdesigner.model.review import CriterionScore
from mcdesigner.review import (
    RubricError,
    TransitionRefused,
    allowed_transitions,
    check_transition,
    compare,
    default_rubrics,
    load_rubrics,
    merge_annotations,
    merge_reviews,
)
from mcdesigner.review.merge import orphaned

T0 = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


@dataclass
class _Issue:
    severity: str


# --- rubrics ---------------------------------------------------------------------------
def test_shipped_rubrics_load_with_their_criteria() -> None:
    rubrics = default_rubrics()
    peer = rubrics["peer-review"]
    assert [c.title for c in peer.criteria] == [
        "Alignment with standards",
        "Creativity",
        "Technical accuracy",
    ]
    qa = rubrics["qa-checklist"]
    assert len(qa.criteria) == 19
    assert qa.groups() == ["Program design", "Resources", "Processes", "Outcomes"]
    assert (qa.minimum, qa.maximum) == (1, 4)
    assert qa.score_label(4) == "4 – Fully met"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('id = "x"\ntitle = "X"\n[scale]\nmin = 1\nmax = 4\n', "missing 'criteria'"),
        (
            'id = "x"\ntitle = "X"\ncriteria = []\n[scale]\nmin = 4\nmax = 1\n',
            "min must be below max",
        ),
        (
            'id = "x"\ntitle = "X"\n[scale]\nmin = 1\nmax = 4\n'
            '[[criteria]]\nid = "a"\ntitle = "A"\n[[criteria]]\nid = "a"\ntitle = "B"\n',
            "appears twice",
        ),
        ('id = "x"\ntitle = = "X"\n', "x.toml"),
        ('id = "x"\ncolour = "red"\n', "unknown key"),
    ],
)
def test_broken_rubric_files_are_reported_with_file_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    (tmp_path / "x.toml").write_text(content, encoding="utf-8")
    with pytest.raises(RubricError) as error:
        load_rubrics(tmp_path)
    assert "x.toml" in str(error.value)
    assert problem in str(error.value)


# --- workflow --------------------------------------------------------------------------
def test_submission_is_refused_while_checks_report_errors() -> None:
    with pytest.raises(TransitionRefused, match="2 error"):
        check_transition(
            "draft", "submitted", [_Issue("error"), _Issue("warning"), _Issue("error")]
        )


def test_submission_with_only_warnings_is_allowed() -> None:
    assert (
        check_transition("draft", "submitted", [_Issue("warning"), _Issue("advice")]) == "submitted"
    )


def test_full_path_through_review() -> None:
    status = "draft"
    for target in (
        "submitted",
        "in_review",
        "changes_requested",
        "submitted",
        "in_review",
        "approved",
    ):
        status = check_transition(status, target)  # type: ignore[arg-type]
    assert status == "approved"
    assert allowed_transitions("approved") == ()


def test_skipping_review_is_refused() -> None:
    with pytest.raises(TransitionRefused, match="cannot be moved"):
        check_transition("draft", "approved")


# --- merge -----------------------------------------------------------------------------
def _annotation(author: str, body: str, *, aid: str = "a1", status: str = "open") -> Annotation:
    return Annotation(
        id=aid,
        proposal_id="p1",
        path="general.title",
        status=status,
        comments=[Comment(id=f"{aid}-{author}", author=author, body=body, created=T0)],
        created=T0,
        updated=T0,
    )


def test_importing_the_same_annotations_twice_adds_nothing_the_second_time() -> None:
    incoming = [_annotation("Ana", "Title is vague")]
    first = merge_annotations([], incoming)
    assert (first.added, len(first.to_save)) == (1, 1)
    second = merge_annotations(first.to_save, incoming)
    assert (second.added, second.updated, second.unchanged, second.to_save) == (0, 0, 1, [])


def test_replies_from_two_sides_are_combined_and_newest_status_wins() -> None:
    mine = _annotation("Ana", "Title is vague")
    reply = Comment(id="reply-1", author="Bo", body="Agreed", created=T0 + dt.timedelta(hours=1))
    theirs = mine.model_copy(
        update={
            "comments": [*mine.comments, reply],
            "status": "resolved",
            "updated": T0 + dt.timedelta(hours=1),
        }
    )
    result = merge_annotations([mine], [theirs])
    assert result.updated == 1
    (merged,) = result.to_save
    assert [c.body for c in merged.comments] == ["Title is vague", "Agreed"]
    assert merged.status == "resolved"


def test_two_reviewers_reviews_are_both_kept() -> None:
    r1 = Review(
        id="r1",
        proposal_id="p1",
        reviewer="Ana",
        scores=[CriterionScore(criterion_id="alignment", score=3)],
    )
    r2 = Review(id="r2", proposal_id="p1", reviewer="Bo", recommendation="approve")
    result = merge_reviews([], [r1])
    result = merge_reviews([r1], [r1, r2], result=result)
    assert [r.reviewer for r in result.reviews_to_save] == ["Ana", "Bo"]
    assert result.unchanged == 1


def test_annotations_on_deleted_items_are_orphaned_not_lost() -> None:
    proposal = Proposal()
    outcome = LearningOutcome(text="Apply the rules")
    proposal.certified.learning_outcomes.append(outcome)
    note = Annotation(
        proposal_id=proposal.id, path=f"certified.learning_outcomes[{outcome.id}].text"
    )
    assert orphaned([note], proposal) == []
    apply_edit(proposal, RemoveItem("certified.learning_outcomes", outcome.id))
    assert orphaned([note], proposal) == [note]


# --- compare ---------------------------------------------------------------------------
def test_compare_reports_changed_outcome_removed_budget_line_and_reordered_list() -> None:
    a, b, c = (LearningOutcome(text=t) for t in ("Apply A", "Analyse B", "Create C"))
    line = ExpenditureLine(description="Platform licence", units=1, unit_cost=Decimal("500"))
    old = Proposal()
    old.certified.learning_outcomes = [a, b, c]
    old.financial = FinancialStatement(expenditures=[line])
    new = old.model_copy(deep=True)
    apply_edit(new, SetValue(f"certified.learning_outcomes[{b.id}].text", "Evaluate B"))
    apply_edit(new, RemoveItem("financial.expenditures", line.id))
    apply_edit(new, MoveItem("certified.learning_outcomes", c.id, 0))

    changes = {(ch.kind, ch.path) for ch in compare(old, new)}
    assert ("changed", f"certified.learning_outcomes[{b.id}].text") in changes
    assert ("removed", f"financial.expenditures[{line.id}]") in changes
    assert ("reordered", "certified.learning_outcomes") in changes
    # Moving an item is not reported as a change of its content.
    assert ("changed", f"certified.learning_outcomes[{c.id}].text") not in changes


def test_compare_of_identical_versions_is_empty() -> None:
    proposal = Proposal()
    assert compare(proposal, proposal.model_copy(deep=True)) == []


def test_compare_reports_added_items() -> None:
    old = Proposal()
    new = old.model_copy(deep=True)
    outcome = LearningOutcome(text="Design X")
    new.certified.learning_outcomes.append(outcome)
    (change,) = compare(old, new)
    assert (change.kind, change.path, change.new) == (
        "added",
        f"certified.learning_outcomes[{outcome.id}]",
        outcome,
    )
