"""The bundled INGENIUM example: the checks raise what a careful reviewer would, no more.

The example fills its certified data, dates, places and workload from the source; it
leaves staff, budget, quality assurance and the self-assessment empty, and its LO3 starts
with "Know".
"""

from __future__ import annotations

import pytest

from mcdesigner.checks import Issue, check
from mcdesigner.examples import load_example
from mcdesigner.model.fieldpath import exists
from test_checks_helpers import PLACEHOLDER


@pytest.fixture(scope="module")
def issues() -> list[Issue]:
    return check(load_example()).issues


def paths_of(issues: list[Issue], rule: str) -> list[str]:
    return [i.path for i in issues if i.rule == rule]


def test_lo3_know_is_flagged_with_better_verbs(issues: list[Issue]) -> None:
    (vague,) = [i for i in issues if i.rule == "outcome.vague-verb"]

    assert vague.path == "certified.learning_outcomes[lo3].text"
    assert vague.severity == "warning"
    assert "“know”" in vague.message
    assert "EQF level 6" in vague.message
    assert "apply, use, analyse" in vague.message


def test_the_other_outcomes_are_not_taken_for_vague_or_verbless(issues: list[Issue]) -> None:
    flagged = paths_of(issues, "outcome.vague-verb") + paths_of(issues, "outcome.no-verb")

    assert flagged == ["certified.learning_outcomes[lo3].text"]


def test_two_verb_outcomes_get_advice_only(issues: list[Issue]) -> None:
    several = [i for i in issues if i.rule == "outcome.several-verbs"]

    assert [i.path for i in several] == [
        "certified.learning_outcomes[lo1].text",
        "certified.learning_outcomes[lo2].text",
    ]
    assert {i.severity for i in several} == {"advice"}


def test_fields_the_example_fills_are_not_questioned(issues: list[Issue]) -> None:
    complete = {
        "general.title",
        "general.description",
        "general.start_date",
        "general.end_date",
        "general.places",
        "general.max_places_per_institution",
        "certified.learning_outcomes",
        "certified.ects_credits",
        "certified.notional_hours",
        "certified.eqf_level",
        "certified.assessment_types",
        "certified.modes",
    }
    assert complete.isdisjoint(i.path for i in issues)
    for theme in ("workload.", "dates.", "places.", "fee.", "outcome.count", "outcome.level-fit"):
        assert not [i for i in issues if i.rule.startswith(theme)], theme
    assert paths_of(issues, "outcome.not-assessed") == []
    assert paths_of(issues, "assessment.unknown-outcome") == []


def test_what_the_example_leaves_out_is_raised(issues: list[Issue]) -> None:
    found = {(i.rule, i.path) for i in issues}

    assert ("annex.missing", "general.issuer_countries") in found
    assert ("annex.missing", "certified.quality_assurance_types") in found
    assert ("staff.coordinator", "staff") in found
    assert ("iqas.responsible-body", "quality.responsible_body") in found
    assert ("esg.rating-missing", "self_assessment.entries[esg-1.1].rating") in found
    assert ("assessment.weight-missing", "academic.assessments[assessment-ongoing].weight") in found
    assert ("required.missing", "academic.activities[activity-peer-review].hours") in found


def test_the_example_is_not_ready_and_its_report_is_clean() -> None:
    example = load_example()
    result = check(example)

    assert not result.readiness.ready
    assert 0 < result.readiness.overall_percent < 100
    assert result.readiness.section_percent["certified"] > result.readiness.section_percent["staff"]
    for found in result.issues:
        assert exists(example, found.path), found.path
        assert not PLACEHOLDER.search(found.message)
