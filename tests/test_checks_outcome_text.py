"""Reading the opening of a learning outcome: labels, framing, adverbs, verbs, vague wording."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mcdesigner.checks.outcome_text import analyse_outcome, strip_framing


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("LO1. Interpret the rules", "Interpret the rules"),
        ("LO 2: Apply", "Apply"),
        ("ILO3 - Analyse", "Analyse"),
        ("1. Apply", "Apply"),
        ("1.2 Evaluate", "Evaluate"),
        ("(3) Design", "Design"),
        ("b) Compare", "Compare"),
        ("• Identify", "Identify"),
        ("Students will be able to analyse", "analyse"),
        ("The learner is able to: explain", "explain"),
        ("Be able to apply", "apply"),
        ("On successful completion of the course, participants will be able to list", "list"),
        ("By the end of the workshop, learners can: name", "name"),
        ("Ability to plan", "plan"),
        ("To summarise", "summarise"),
        ("Apply 2 methods", "Apply 2 methods"),
        ("Use 3D models", "Use 3D models"),
    ],
)
def test_labels_and_framing_are_removed(text: str, rest: str) -> None:
    assert strip_framing(text) == rest


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("LO1. Interpret and apply the frameworks.", ("interpret", "apply")),
        ("LO2. Design and document the structure.", ("design", "document")),
        ("LO4. Integrate ESCO competences and skills into the design.", ("integrate",)),
        ("LO5. Collaboratively create a draft proposal.", ("create",)),
        ("Critically and independently evaluate a case.", ("evaluate",)),
        ("Identify, describe and/or explain causes.", ("identify", "describe", "explain")),
        ("The learner analyses data and reports findings.", ("analyse",)),
        ("Co-design a module.", ("co-design",)),
        ("Organize, prioritize and summarize notes.", ("organise", "prioritise", "summarise")),
        ("Analyse; then design a plan.", ("analyse",)),
    ],
)
def test_opening_verbs_are_found(text: str, verbs: tuple[str, ...]) -> None:
    reading = analyse_outcome(text)

    assert reading.verbs == verbs
    assert reading.vague == ""


@pytest.mark.parametrize(
    ("text", "vague", "level"),
    [
        ("LO3. Know the existing digital tools.", "know", 1),
        ("Knows the tools.", "knows", 1),
        ("Understand the ESG.", "understand", 2),
        ("Be aware of accessibility.", "be aware of", 1),
        ("Become acquainted with ELM.", "become acquainted with", 1),
        ("Get to know the team.", "get to know", 1),
        ("Gain knowledge of ECTS.", "gain knowledge", 1),
        ("Develop a sound understanding of QA.", "develop a sound understanding", 2),
        ("Demonstrate an in-depth insight into EQF.", "demonstrate an in-depth insight", 4),
        ("Awareness of the rules.", "awareness", 1),
        ("Appreciate diversity.", "appreciate", 5),
    ],
)
def test_vague_openings_are_found_with_the_level_they_stand_for(
    text: str, vague: str, level: int
) -> None:
    reading = analyse_outcome(text)

    assert reading.vague == vague
    assert reading.vague_level == level


def test_levels_of_the_opening_verbs() -> None:
    reading = analyse_outcome("Describe and design a plan.")

    assert reading.top_level == 6
    assert reading.floor_level == 1
    assert analyse_outcome("Know it.").top_level is None


def test_an_unknown_opening_word_is_reported_as_is() -> None:
    reading = analyse_outcome("LO7. Frameworks for micro-credentials.")

    assert reading.first_word == "frameworks"
    assert reading.verbs == () and reading.vague == ""


@given(st.text(max_size=400))
def test_any_text_can_be_read(text: str) -> None:
    reading = analyse_outcome(text)

    assert isinstance(reading.verbs, tuple)
