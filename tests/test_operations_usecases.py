"""The use cases shared by the window and the command line, run against a real store.

Each takes the check settings (the user's preferences and the form set) as a parameter,
so the tests compare what a user with 25 and with 30 hours per ECTS credit gets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesigner.checks import CheckSettings, check
from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.formdefs import FormSet, default_forms
from mcdesigner.model import Proposal
from mcdesigner.operations import EditConflict, StoreError
from mcdesigner.operations.completeness import completeness, record_completeness
from mcdesigner.operations.documents import export_document
from mcdesigner.operations.files import import_proposal_file, read_proposal_copy
from mcdesigner.operations.proposals import (
    create_proposal,
    duplicate_proposal,
    open_proposal,
    save_proposal,
)
from mcdesigner.operations.settings import check_settings
from mcdesigner.operations.workflow import change_status
from mcdesigner.review.workflow import TransitionRefused
from mcdesigner.settings import Preferences
from mcdesigner.storage import Store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


def settings_with(hours: float, forms: FormSet | None = None) -> CheckSettings:
    """What a user who counts ``hours`` hours per ECTS credit runs the checks with."""
    preferences = Preferences(hours_per_credit_min=hours, hours_per_credit_max=hours)
    return check_settings(preferences, forms or default_forms())


def requiring(path: str) -> FormSet:
    """The bundled forms with the field at ``path`` made required."""
    sections = []
    for section in default_forms().sections:
        groups = []
        for group in section.groups:
            fields = tuple(
                dataclasses.replace(f, required=True) if f.path == path else f for f in group.fields
            )
            groups.append(dataclasses.replace(group, fields=fields))
        sections.append(dataclasses.replace(section, groups=tuple(groups)))
    return FormSet(tuple(sections))


def two_credits_fifty_hours() -> Proposal:
    """Right for 25 hours per credit (50 = 2 × 25), too little for 30 (expect 60)."""
    proposal = Proposal()
    proposal.general.title = "Open data for librarians"
    proposal.certified.ects_credits = 2
    proposal.certified.notional_hours = 50
    return proposal


WORKLOAD_WARNING = "50 hours of work for 2 ECTS credits"


# ---------------------------------------------------------------- preferences reach every check
def test_the_hours_per_credit_preference_reaches_the_checks() -> None:
    proposal = two_credits_fifty_hours()
    messages_25 = [i.message for i in check(proposal, settings_with(25)).issues]
    messages_30 = [i.message for i in check(proposal, settings_with(30)).issues]
    assert not any(WORKLOAD_WARNING in m for m in messages_25)
    assert any(WORKLOAD_WARNING in m and "expect 60" in m for m in messages_30)


@pytest.mark.parametrize(("hours", "warned"), [(25, False), (30, True)])
def test_the_dossier_checks_follow_the_hours_per_credit_preference(
    tmp_path: Path, hours: float, warned: bool
) -> None:
    import docx

    out = tmp_path / "dossier.docx"
    export_document(
        two_credits_fifty_hours(),
        document="dossier",
        fmt="docx",
        out=out,
        settings=settings_with(hours),
    )
    document = docx.Document(str(out))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    assert "Committee dossier" in text or "committee dossier" in text.lower()
    assert (WORKLOAD_WARNING in text) is warned


def test_the_submit_gate_checks_with_the_form_set_passed_in(store: Store) -> None:
    """A field the user's forms require blocks submission; the bundled forms do not require it."""
    from mcdesigner.examples import new_from_example

    proposal = new_from_example()
    store.save(proposal)
    strict = settings_with(25, requiring("general.issuer_region"))

    def errors(settings: CheckSettings) -> int:
        return sum(i.severity == "error" for i in check(proposal, settings).issues)

    assert errors(strict) == errors(settings_with(25)) + 1
    with pytest.raises(TransitionRefused, match=rf"\b{errors(strict)} error"):
        change_status(store, proposal.id, "submitted", actor="Ana", settings=strict)
    assert store.get(proposal.id).status == "draft"
    assert store.list_status_events(proposal.id) == []


def test_completeness_counts_the_fields_the_form_set_passed_in_requires(store: Store) -> None:
    proposal = two_credits_fifty_hours()
    bundled, strict = settings_with(25), settings_with(25, requiring("general.issuer_region"))
    assert completeness(proposal, strict) < completeness(proposal, bundled)
    create_proposal(store, proposal, strict)
    assert store.summary(proposal.id).completeness == pytest.approx(completeness(proposal, strict))


# ---------------------------------------------------------------- status change in one step
def test_a_status_change_that_fails_midway_changes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = two_credits_fifty_hours()
    proposal.status = "submitted"
    store.save(proposal)
    store.add_status_event(proposal.id, "draft", "submitted", "Ana", "sent")
    before_hash = store.get_hash(proposal.id)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(store, "add_status_event", broken)  # after the status was saved
    with pytest.raises(StoreError, match="The disk is full"):
        change_status(store, proposal.id, "in_review", actor="Bo", settings=settings_with(25))
    monkeypatch.undo()
    assert store.get(proposal.id).status == "submitted"
    assert store.get_hash(proposal.id) == before_hash
    assert [e.note for e in store.list_status_events(proposal.id)] == ["sent"]
    event = change_status(store, proposal.id, "in_review", actor="Bo", settings=settings_with(25))
    assert event.to_status == store.get(proposal.id).status == "in_review"  # the store still works


def test_a_status_change_stores_status_history_and_completeness(store: Store) -> None:
    proposal = two_credits_fifty_hours()
    proposal.status = "submitted"
    store.save(proposal)
    event = change_status(
        store, proposal.id, "draft", actor="Ana", note="Not this year", settings=settings_with(25)
    )
    assert (event.from_status, event.to_status, event.actor) == ("submitted", "draft", "Ana")
    assert store.get(proposal.id).status == "draft"
    assert [e.note for e in store.list_status_events(proposal.id)] == ["Not this year"]
    assert store.summary(proposal.id).completeness is not None


# ---------------------------------------------------------------- open, save, create, copy
def test_open_then_save_names_the_version_it_replaces(store: Store) -> None:
    proposal = two_credits_fifty_hours()
    store.save(proposal)
    opened = open_proposal(store, proposal.id)
    assert opened.proposal == proposal
    opened.proposal.general.title = "Open data for archivists"
    new_hash = save_proposal(store, opened.proposal, expected_hash=opened.content_hash)
    assert store.get(proposal.id).general.title == "Open data for archivists"
    stale = open_proposal(store, proposal.id).proposal
    stale.general.title = "Edited in a stale window"
    with pytest.raises(EditConflict):
        save_proposal(store, stale, expected_hash=opened.content_hash)
    assert store.get_hash(proposal.id) == new_hash


def test_a_duplicate_is_a_new_draft_with_its_completeness(store: Store) -> None:
    proposal = two_credits_fifty_hours()
    proposal.status = "submitted"
    store.save(proposal)
    copy = duplicate_proposal(store, proposal.id, "(copy)", settings_with(25))
    assert copy.id != proposal.id
    assert store.get(copy.id).general.title == "Open data for librarians (copy)"
    assert store.get(copy.id).status == "draft"
    assert store.summary(copy.id).completeness == pytest.approx(
        completeness(copy, settings_with(25))
    )


def test_an_import_records_completeness_and_a_copy_gets_a_new_id(
    store: Store, tmp_path: Path
) -> None:
    proposal = two_credits_fifty_hours()
    path = tmp_path / "incoming.mcproposal"
    write_proposal_file(path, ProposalBundle(proposal=proposal))
    report = import_proposal_file(store, path, settings=settings_with(25))
    expected = completeness(proposal, settings_with(25))
    assert report.completeness == pytest.approx(expected)
    assert store.summary(proposal.id).completeness == pytest.approx(expected)
    copy = read_proposal_copy(path)
    assert copy.id != proposal.id and copy.general.title == proposal.general.title
    assert not store.exists(copy.id)  # read only: the caller stores it


def test_record_completeness_takes_a_readiness_already_computed(store: Store) -> None:
    proposal = two_credits_fifty_hours()
    store.save(proposal)
    known = check(proposal, settings_with(25)).readiness
    assert record_completeness(store, proposal, settings_with(25), known=known) == pytest.approx(
        known.overall_percent
    )
    assert record_completeness(store, Proposal(), settings_with(25)) is None  # not stored


# ---------------------------------------------------------------- comments, reviews, revisions
def test_reviews_are_tied_to_the_version_they_score_and_stored_together(store: Store) -> None:
    from mcdesigner.model import Review
    from mcdesigner.operations.reviews import save_reviews

    proposal = two_credits_fifty_hours()
    store.save(proposal)
    first = Review(proposal_id=proposal.id, reviewer="Bo", rubric_id="a", summary="Clear")
    second = Review(proposal_id=proposal.id, reviewer="Bo", rubric_id="b", summary="Costly")
    save_reviews(store, proposal.id, [first, second])
    stored = store.list_reviews(proposal.id)
    assert {r.summary for r in stored} == {"Clear", "Costly"}
    assert {r.revision_hash for r in stored} == {store.get_hash(proposal.id)}
    stray = Review(proposal_id="another-proposal", reviewer="Bo", summary="Lost")
    first.summary = "Changed"
    with pytest.raises(StoreError):
        save_reviews(store, proposal.id, [first, stray])
    assert {r.summary for r in store.list_reviews(proposal.id)} == {"Clear", "Costly"}


def test_comment_threads_and_revisions_through_operations(store: Store) -> None:
    from mcdesigner.model import Annotation, Comment
    from mcdesigner.operations.proposals import keep_revision
    from mcdesigner.operations.reviews import delete_thread, save_thread

    proposal = two_credits_fifty_hours()
    store.save(proposal)
    thread = Annotation(
        proposal_id=proposal.id, path="general.title", comments=[Comment(author="Bo", body="Hm")]
    )
    save_thread(store, thread, based_on=None)
    assert [a.comments[0].body for a in store.list_annotations(proposal.id)] == ["Hm"]
    delete_thread(store, thread.id)
    assert store.list_annotations(proposal.id) == []
    info = keep_revision(store, proposal.id, "Before the committee")
    assert [(r.label, r.kind) for r in store.list_revisions(proposal.id)] == [
        ("Before the committee", "manual")
    ]
    assert store.get_revision(info.id) == proposal


def test_the_check_report_names_sections_as_the_forms_passed_in_do() -> None:
    from mcdesigner.checks import format_text

    renamed = FormSet(
        tuple(
            dataclasses.replace(s, title="Allgemeine Angaben") if s.id == "general" else s
            for s in default_forms().sections
        )
    )
    proposal = two_credits_fifty_hours()
    result = check(proposal, settings_with(25, renamed))
    text = format_text(result.issues, result.readiness, proposal, renamed)
    assert "Allgemeine Angaben" in text
    assert "Allgemeine Angaben" not in format_text(result.issues, result.readiness, proposal)
