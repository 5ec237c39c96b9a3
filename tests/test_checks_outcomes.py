"""Learning-outcome and assessment rules: verbs, counts, level and links to assessments."""

from __future__ import annotations

import pytest

from mcdesigner.checks.bloom import LEVEL_VERBS
from mcdesigner.model.proposal import Assessment, LearningOutcome, Proposal
from test_checks_helpers import EQF, complete_proposal, issues_of, only_issue


def with_outcomes(*texts: str, eqf: int | None = 6) -> Proposal:
    """The complete proposal with these outcomes (ids lo1, lo2, ...), all assessed."""
    proposal = complete_proposal()
    outcomes = [LearningOutcome(id=f"lo{n}", text=t) for n, t in enumerate(texts, 1)]
    proposal.certified.learning_outcomes = outcomes
    proposal.certified.eqf_level = EQF.format(eqf) if eqf else None
    proposal.academic.assessments[1].outcome_ids = [o.id for o in outcomes]
    return proposal


# ---------------------------------------------------------------------------
# outcome.vague-verb
# ---------------------------------------------------------------------------
def test_a_vague_verb_is_a_warning_with_verbs_suited_to_the_eqf_level() -> None:
    proposal = with_outcomes("Analyse the rules.", "Know the existing digital tools.")

    issue = only_issue(proposal, "outcome.vague-verb")

    assert issue.severity == "warning"
    assert issue.path == "certified.learning_outcomes[lo2].text"
    assert issue.section == "certified"
    assert issue.group == "credential"
    assert "ECTS Users' Guide 2015" in issue.reference
    assert "“know”" in issue.message
    assert "EQF level 6" in issue.message
    assert "apply, use, analyse, compare, evaluate, assess" in issue.message


def test_suggestions_follow_the_eqf_level() -> None:
    low = only_issue(with_outcomes("Understand fractions.", eqf=2), "outcome.vague-verb")
    high = only_issue(with_outcomes("Understand fractions.", eqf=7), "outcome.vague-verb")

    assert "identify, list, explain, describe, apply, use" in low.message
    assert "analyse, compare, evaluate, assess, design, develop" in high.message


def test_without_an_eqf_level_suggestions_follow_the_meaning_of_the_vague_verb() -> None:
    issue = only_issue(with_outcomes("Know the tools.", eqf=None), "outcome.vague-verb")

    assert "EQF" not in issue.message
    assert "identify, list, explain, describe, apply, use" in issue.message


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Be aware of the rules of the EHEA.", "be aware of"),
        ("Students will be able to understand the ESG.", "understand"),
        ("LO4: Gain an understanding of ECTS.", "gain an understanding"),
        ("Demonstrate knowledge of the ELM.", "demonstrate knowledge"),
        ("Become familiar with Europass.", "become familiar with"),
        ("Knowledge of European frameworks.", "knowledge"),
        ("Appreciate the value of stackability.", "appreciate"),
        ("Identify and understand the stakeholders.", "understand"),
    ],
)
def test_vague_openings_are_recognised(text: str, phrase: str) -> None:
    issue = only_issue(with_outcomes(text), "outcome.vague-verb")

    assert f"“{phrase}”" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        "LO1. Interpret and apply the regulatory frameworks.",
        "LO5. Collaboratively create a draft proposal.",
        "Students will be able to critically analyse the data.",
        "On completion, learners can: evaluate a proposal.",
        "Demonstrate the use of the Europass wallet.",
        "Develop a plan that shows understanding of the users.",
    ],
)
def test_observable_openings_are_not_vague(text: str) -> None:
    assert issues_of(with_outcomes(text), "outcome.vague-verb") == []


# ---------------------------------------------------------------------------
# outcome.no-verb
# ---------------------------------------------------------------------------
def test_an_outcome_without_an_action_verb_is_a_warning() -> None:
    proposal = with_outcomes("Analyse the rules.", "European frameworks and their use.")

    issue = only_issue(proposal, "outcome.no-verb")

    assert issue.severity == "warning"
    assert issue.path == "certified.learning_outcomes[lo2].text"
    assert "“european”" in issue.message
    assert "ECTS Users' Guide 2015" in issue.reference


def test_an_outcome_of_only_a_label_has_no_words_to_read() -> None:
    issue = only_issue(with_outcomes("Analyse the rules.", "LO2."), "outcome.no-verb")

    assert "no words" in issue.message


def test_american_spelling_and_third_person_verbs_are_recognised() -> None:
    proposal = with_outcomes("The learner analyzes data.", "Summarizes results.")

    assert issues_of(proposal, "outcome.no-verb") == []


# ---------------------------------------------------------------------------
# outcome.several-verbs
# ---------------------------------------------------------------------------
def test_verbs_joined_by_and_are_advice() -> None:
    proposal = with_outcomes("Design and document the structure of a micro-credential.")

    issue = only_issue(proposal, "outcome.several-verbs")

    assert issue.severity == "advice"
    assert issue.path == "certified.learning_outcomes[lo1].text"
    assert "(design, document)" in issue.message
    assert "ECTS Users' Guide 2015" in issue.reference


def test_a_comma_list_of_verbs_is_advice() -> None:
    issue = only_issue(
        with_outcomes("Identify, describe and explain the causes."), "outcome.several-verbs"
    )

    assert "(identify, describe, explain)" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        "Integrate ESCO competences and skills into the design of outcomes.",
        "Analyse data and report the findings.",
        "Design a course, identifying roles and processes.",
    ],
)
def test_a_single_main_verb_passes(text: str) -> None:
    assert issues_of(with_outcomes(text), "outcome.several-verbs") == []


# ---------------------------------------------------------------------------
# outcome.count
# ---------------------------------------------------------------------------
def test_more_than_three_outcomes_per_credit_plus_three_is_advice() -> None:
    proposal = with_outcomes(*[f"Analyse case {n}." for n in range(7)])

    issue = only_issue(proposal, "outcome.count")

    assert issue.severity == "advice"
    assert issue.path == "certified.learning_outcomes"
    assert "7 learning outcomes for 1 ECTS" in issue.message
    assert "more than 6" in issue.message
    assert "ECTS Users' Guide 2015" in issue.reference


def test_six_outcomes_for_one_credit_pass() -> None:
    proposal = with_outcomes(*[f"Analyse case {n}." for n in range(6)])

    assert issues_of(proposal, "outcome.count") == []


def test_a_single_outcome_for_three_credits_or_more_is_advice() -> None:
    proposal = with_outcomes("Analyse the rules.")
    proposal.certified.ects_credits = 3
    proposal.certified.notional_hours = 75
    proposal.academic.activities[1].hours = 61

    issue = only_issue(proposal, "outcome.count")

    assert "single learning outcome for 3 ECTS" in issue.message


def test_a_single_outcome_for_one_credit_passes() -> None:
    assert issues_of(with_outcomes("Analyse the rules."), "outcome.count") == []


# ---------------------------------------------------------------------------
# outcome.level-fit
# ---------------------------------------------------------------------------
def test_outcomes_below_the_eqf_level_are_a_warning() -> None:
    proposal = with_outcomes("List the ESG standards.", "Explain the ECTS.", eqf=7)

    issue = only_issue(proposal, "outcome.level-fit")

    assert issue.severity == "warning"
    assert issue.path == "certified.learning_outcomes"
    assert "ESG 2015 standard 1.2" in issue.reference
    assert "“understand”" in issue.message and "“evaluate”" in issue.message
    assert "EQF level 7" in issue.message


def test_outcomes_reaching_the_level_pass() -> None:
    proposal = with_outcomes("List the ESG standards.", "Analyse a case.", eqf=6)

    assert issues_of(proposal, "outcome.level-fit") == []


def test_only_create_level_verbs_at_a_low_eqf_level_are_advice() -> None:
    proposal = with_outcomes("Design a poster.", "Create a leaflet.", eqf=3)

    issue = only_issue(proposal, "outcome.level-fit")

    assert issue.severity == "advice"
    assert "(create, design)" in issue.message
    assert "EQF level 3" in issue.message


def test_a_mix_of_levels_at_a_low_eqf_level_passes() -> None:
    proposal = with_outcomes("Design a poster.", "Describe a leaflet.", eqf=3)

    assert issues_of(proposal, "outcome.level-fit") == []


# ---------------------------------------------------------------------------
# outcome.not-assessed and assessment links
# ---------------------------------------------------------------------------
def test_an_outcome_no_assessment_covers_is_a_warning_on_the_item() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments[1].outcome_ids = ["lo-design"]

    issue = only_issue(proposal, "outcome.not-assessed")

    assert issue.severity == "warning"
    assert issue.path == "certified.learning_outcomes[lo-evaluate]"
    assert "Learning outcome 3" in issue.message
    assert "ECTS Users' Guide 2015" in issue.reference


def test_without_any_assessment_one_warning_covers_all_outcomes() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments = []

    issue = only_issue(proposal, "outcome.not-assessed")

    assert issue.path == "academic.assessments"
    assert "none of the 3 learning outcomes" in issue.message


def test_every_outcome_assessed_passes() -> None:
    assert issues_of(complete_proposal(), "outcome.not-assessed") == []


def test_a_link_to_a_deleted_outcome_is_a_warning() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments[0].outcome_ids = ["lo-analyse", "lo-gone"]

    issue = only_issue(proposal, "assessment.unknown-outcome")

    assert issue.severity == "warning"
    assert issue.path == "academic.assessments[as-quiz].outcome_ids"
    assert "“Quizzes”" in issue.message


def test_links_to_existing_outcomes_pass() -> None:
    assert issues_of(complete_proposal(), "assessment.unknown-outcome") == []


# ---------------------------------------------------------------------------
# assessment.weights-total and assessment.weight-missing
# ---------------------------------------------------------------------------
def test_weights_that_do_not_total_100_are_an_error() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments[1].weight = 50

    issue = only_issue(proposal, "assessment.weights-total")

    assert issue.severity == "error"
    assert issue.path == "academic.assessments"
    assert issue.section == "academic"
    assert "90 %" in issue.message
    assert "ESG 2015 standard 1.3" in issue.reference


def test_weights_totalling_100_pass_and_no_weights_at_all_pass() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments[0].weight = 33.33
    proposal.academic.assessments[1].weight = 66.67
    assert issues_of(proposal, "assessment.weights-total") == []

    proposal.academic.assessments = [Assessment(id="only", title="Exam", outcome_ids=[])]
    assert issues_of(proposal, "assessment.weights-total") == []


def test_a_missing_weight_among_several_assessments_is_reported() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments[0].weight = None
    proposal.academic.assessments[1].weight = 100

    issue = only_issue(proposal, "assessment.weight-missing")

    assert issue.path == "academic.assessments[as-quiz].weight"
    assert "ESG 2015 standard 1.3" in issue.reference
    # The form also requires the weight: one issue, at the form's (stronger) severity.
    assert issue.severity == "error"
    assert [i for i in issues_of(proposal, "required.missing") if i.path == issue.path] == []


def test_the_weight_rule_alone_is_a_warning() -> None:
    from mcdesigner.checks.registry import rule_by_id

    assert rule_by_id("assessment.weight-missing").severity == "warning"


def test_a_single_assessment_without_weight_passes() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments = [
        Assessment(id="only", title="Exam", outcome_ids=["lo-analyse", "lo-design"])
    ]

    assert issues_of(proposal, "assessment.weight-missing") == []


def test_the_bloom_table_has_six_levels_and_shared_verbs() -> None:
    from mcdesigner.checks.bloom import VERB_LEVELS

    assert sorted(LEVEL_VERBS) == [1, 2, 3, 4, 5, 6]
    assert VERB_LEVELS["describe"] >= {1, 2}
    assert 4 in VERB_LEVELS["analyse"] and VERB_LEVELS["create"] == {6}
    assert "know" not in VERB_LEVELS and "understand" not in VERB_LEVELS
