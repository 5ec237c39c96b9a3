"""The esco commands and the link operation: search, suggest, and link exact labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from mcdesigner.checks import CheckSettings, run
from mcdesigner.cli import main
from mcdesigner.examples import load_example
from mcdesigner.model.edits import SetValue, SetValues, apply_edit
from mcdesigner.model.proposal import EscoSkill, Proposal
from mcdesigner.operations.esco import link_all, link_exact_labels
from mcdesigner.storage import Store

WORK_IN_TEAMS = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
ORGANISATIONAL_POLICIES = "http://data.europa.eu/esco/skill/07e47d58-dd0e-4302-9e68-70a188e89065"
TRANSVERSAL = "http://data.europa.eu/snb/skill-reuse-level/transversal"
SKILL_TYPE = "http://data.europa.eu/snb/skill-type/skill"


def unlinked_example() -> Proposal:
    """The bundled example as its source gives it: skill labels without addresses."""
    proposal = load_example()
    for outcome in proposal.certified.learning_outcomes:
        outcome.esco_skills = [EscoSkill(id=s.id, label=s.label) for s in outcome.esco_skills]
    return proposal


@pytest.fixture
def stored(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.save(unlinked_example())
    return db_path


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def missing_addresses(proposal: Proposal) -> set[str]:
    issues = run(proposal, CheckSettings())
    return {i.path for i in issues if i.rule == "required.missing" and i.path.endswith("].uri")}


def test_search_lists_work_in_teams_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["esco", "search", "work in teams"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(WORK_IN_TEAMS + "  work in teams")
    assert "transversal" in first


def test_search_in_spanish_finds_the_same_skill(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["esco", "search", "trabajar", "en", "equipo", "--lang", "es", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["address"] == WORK_IN_TEAMS
    assert hits[0]["label"] == "trabajar en equipo"
    assert hits[0]["reuse_level"] == "transversal"


def test_search_says_when_nothing_matches_and_refuses_an_unknown_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["esco", "search", "zzqxv"]) == 0
    assert "No ESCO skill matches “zzqxv”" in capsys.readouterr().out
    assert main(["esco", "search", "teams", "--lang", "de"]) == 1
    assert "en, es, fr" in capsys.readouterr().err


def test_suggest_lists_five_skills_per_outcome_with_their_words(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(stored, "esco", "suggest", "example") == 0
    text = capsys.readouterr().out
    assert text.count("Learning outcome ") == 5
    assert text.count("matches: ") == 25
    assert "http://data.europa.eu/esco/skill/" in text


def test_link_fills_the_eight_exact_labels_as_one_revision(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(stored) as store:
        before = store.get("example-ingenium-mc-framework")
    assert len(missing_addresses(before)) == 13
    assert cli(stored, "esco", "link", "example") == 0
    said = capsys.readouterr().out
    assert "Linked 8 skills to ESCO" in said
    assert "Learning outcome 5, skill 1: work in teams" in said
    assert f"→ {WORK_IN_TEAMS}" in said
    assert "5 skills still have no address" in said
    assert "use ICT resources to solve work related tasks" in said
    with Store.open(stored) as store:
        after = store.get("example-ingenium-mc-framework")
        revisions = store.list_revisions(after.id)
    assert [r.label for r in revisions] == ["ESCO addresses filled in for 8 skills"]
    assert len(missing_addresses(after)) == 5
    work = after.certified.learning_outcomes[4].esco_skills[0]
    assert (work.label, work.uri, work.skill_type, work.reuse_level) == (
        "work in teams",
        WORK_IN_TEAMS,
        SKILL_TYPE,
        TRANSVERSAL,
    )
    policies = after.certified.learning_outcomes[0].esco_skills[0]
    assert policies.label == "apply system organisational policies"  # as the author wrote it
    assert policies.uri == ORGANISATIONAL_POLICIES


def test_linking_again_changes_nothing(stored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(stored, "esco", "link", "example") == 0
    capsys.readouterr()
    assert cli(stored, "esco", "link", "example") == 0
    assert "Nothing to link" in capsys.readouterr().out
    with Store.open(stored) as store:
        assert len(store.list_revisions("example-ingenium-mc-framework")) == 1


def test_an_address_already_given_is_never_replaced(db_path: Path) -> None:
    proposal = unlinked_example()
    own = proposal.certified.learning_outcomes[4].esco_skills[0]
    own.uri = "http://data.europa.eu/snb/dcf/25831c2"
    with Store.open(db_path) as store:
        store.save(proposal)
        report = link_exact_labels(store, proposal.id, CheckSettings())
        stored = store.get(proposal.id)
    assert len(report.linked) == 7
    assert stored.certified.learning_outcomes[4].esco_skills[0].uri == own.uri


def test_the_bundled_example_ships_linked() -> None:
    example = load_example()
    assert link_all(example) == ()
    assert missing_addresses(example) == missing_addresses(_linked(unlinked_example()))


def _linked(proposal: Proposal) -> Proposal:
    link_all(proposal)
    return proposal


def test_one_link_is_one_edit_and_undoes_whole() -> None:
    proposal = unlinked_example()
    (first, *_rest) = link_all(unlinked_example())
    inverse = apply_edit(proposal, first.edit)
    item = proposal.certified.learning_outcomes[0].esco_skills[0]
    assert item.uri == ORGANISATIONAL_POLICIES and item.reuse_level is not None
    apply_edit(proposal, inverse)
    item = proposal.certified.learning_outcomes[0].esco_skills[0]
    assert (item.uri, item.skill_type, item.reuse_level) == ("", None, None)


def test_a_refused_value_leaves_the_whole_link_undone() -> None:
    proposal = unlinked_example()
    path = "certified.learning_outcomes[lo5].esco_skills[lo5-esco1]"
    broken = SetValues(
        (SetValue(f"{path}.uri", WORK_IN_TEAMS), SetValue(f"{path}.reuse_level", "nonsense"))
    )
    with pytest.raises(ValidationError):
        apply_edit(proposal, broken)
    assert proposal.certified.learning_outcomes[4].esco_skills[0].uri == ""
