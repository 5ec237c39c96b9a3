"""Review round trip through files: annotate, export a review, merge it into the author's store."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesigner.checks import CheckSettings
from mcdesigner.model import Annotation, Comment, Proposal, Review
from mcdesigner.model.edits import RemoveItem, apply_edit
from mcdesigner.model.proposal import ExpenditureLine, LearningOutcome
from mcdesigner.model.review import CriterionScore
from mcdesigner.operations.files import export_proposal_file, import_proposal_file
from mcdesigner.operations.reviews import ReviewImportError, export_review, import_review
from mcdesigner.storage import Store, StoreError


def _proposal() -> Proposal:
    proposal = Proposal()
    proposal.general.title = "Data stewardship for researchers"
    proposal.certified.learning_outcomes = [LearningOutcome(text="Apply FAIR principles")]
    proposal.financial.expenditures = [ExpenditureLine(description="Platform", units=1)]
    return proposal


def _reviewer_copy(author: Store, tmp_path: Path, name: str, proposal: Proposal) -> Store:
    """A reviewer receives the proposal file and imports it into their own library."""
    shared = tmp_path / f"to-{name}.mcproposal"
    export_proposal_file(author, proposal.id, shared)
    store = Store.open(tmp_path / f"{name}.sqlite3")
    import_proposal_file(store, shared, settings=CheckSettings())
    return store


def _annotate(store: Store, proposal: Proposal, reviewer: str, path: str, text: str) -> Annotation:
    note = Annotation(
        proposal_id=proposal.id, path=path, comments=[Comment(author=reviewer, body=text)]
    )
    store.save_annotation(note)
    return note


def test_review_of_a_list_item_travels_back_and_merges_once(tmp_path: Path) -> None:
    proposal = _proposal()
    with Store.open(tmp_path / "author.sqlite3") as author:
        author.save(proposal)
        with _reviewer_copy(author, tmp_path, "ana", proposal) as ana:
            outcome = proposal.certified.learning_outcomes[0]
            _annotate(
                ana,
                proposal,
                "Ana",
                f"certified.learning_outcomes[{outcome.id}].text",
                "Which principles?",
            )
            ana.save_review(
                Review(
                    proposal_id=proposal.id,
                    reviewer="Ana",
                    rubric_id="peer-review",
                    scores=[CriterionScore(criterion_id="alignment", score=3)],
                    recommendation="approve_with_changes",
                )
            )
            review_file = export_review(ana, proposal.id, tmp_path / "ana.mcreview", reviewer="Ana")

        first = import_review(author, review_file)
        second = import_review(author, review_file)
        assert (first.added, first.older_revision) == (2, False)
        assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
        (note,) = author.list_annotations(proposal.id)
        assert note.comments[0].body == "Which principles?"
        (review,) = author.list_reviews(proposal.id)
        assert review.recommendation == "approve_with_changes"


def test_reviews_from_two_reviewers_and_of_an_older_revision(tmp_path: Path) -> None:
    proposal = _proposal()
    with Store.open(tmp_path / "author.sqlite3") as author:
        author.save(proposal)
        files = []
        for name in ("Ana", "Bo"):
            with _reviewer_copy(author, tmp_path, name.lower(), proposal) as reviewer:
                line = proposal.financial.expenditures[0]
                _annotate(
                    reviewer,
                    proposal,
                    name,
                    f"financial.expenditures[{line.id}]",
                    f"{name}: too low",
                )
                files.append(
                    export_review(
                        reviewer, proposal.id, tmp_path / f"{name}.mcreview", reviewer=name
                    )
                )

        # Meanwhile the author deletes the budget line both reviewers commented on.
        current = author.get(proposal.id)
        apply_edit(
            current, RemoveItem("financial.expenditures", current.financial.expenditures[0].id)
        )
        author.save(current, expected_hash=author.get_hash(proposal.id))

        reports = [import_review(author, f) for f in files]
        assert all(r.older_revision for r in reports)
        assert [r.orphaned for r in reports] == [1, 1]
        bodies = sorted(c.body for a in author.list_annotations(proposal.id) for c in a.comments)
        assert bodies == ["Ana: too low", "Bo: too low"]


def test_review_for_an_unknown_proposal_is_refused_without_changes(tmp_path: Path) -> None:
    proposal = _proposal()
    with Store.open(tmp_path / "reviewer.sqlite3") as reviewer:
        reviewer.save(proposal)
        _annotate(reviewer, proposal, "Ana", "general.title", "Fine")
        review_file = export_review(reviewer, proposal.id, tmp_path / "r.mcreview", reviewer="Ana")
    with Store.open(tmp_path / "other.sqlite3") as other:
        with pytest.raises(ReviewImportError, match="Import the proposal first"):
            import_review(other, review_file)
        assert other.list_proposals() == []


def test_exporting_a_review_needs_a_reviewer_name(tmp_path: Path) -> None:
    proposal = _proposal()
    with Store.open(tmp_path / "r.sqlite3") as store:
        store.save(proposal)
        with pytest.raises(ReviewImportError, match="Preferences"):
            export_review(store, proposal.id, tmp_path / "x.mcreview", reviewer=" ")


def test_import_keeps_a_revision_of_the_imported_state(tmp_path: Path) -> None:
    proposal = _proposal()
    with Store.open(tmp_path / "a.sqlite3") as author:
        author.save(proposal)
        out = tmp_path / "p.mcproposal"
        written = export_proposal_file(author, proposal.id, out)
        assert written.proposal == proposal
    with Store.open(tmp_path / "b.sqlite3") as other:
        report = import_proposal_file(other, out, settings=CheckSettings())
        assert report.title == "Data stewardship for researchers"
        (revision,) = other.list_revisions(proposal.id)
        assert revision.kind == "import" and "p.mcproposal" in revision.label


def test_a_refused_review_import_saves_nothing(tmp_path: Path) -> None:
    """A review whose records cannot all be stored leaves the author's library untouched."""
    from mcdesigner.exchange import ReviewBundle, write_review_file

    proposal = _proposal()
    other = _proposal()
    with Store.open(tmp_path / "author.sqlite3") as author:
        author.save(proposal)
        author.save(other)
        # A thread of the other proposal already uses the id the incoming review reuses.
        author.save_annotation(
            Annotation(id="shared-id", proposal_id=other.id, path="general.title")
        )
        good = Annotation(
            proposal_id=proposal.id,
            path="general.title",
            comments=[Comment(author="Ana", body="ok")],
        )
        stolen = Annotation(id="shared-id", proposal_id=proposal.id, path="general.title")
        review_file = tmp_path / "bad.mcreview"
        write_review_file(
            review_file,
            ReviewBundle(
                proposal_id=proposal.id,
                revision_hash=author.get_hash(proposal.id),
                annotations=(good, stolen),
                reviewer="Ana",
            ),
        )
        with pytest.raises(StoreError):
            import_review(author, review_file)
        assert author.list_annotations(proposal.id) == []
