"""Skills suggested from an outcome's wording: ranked, explained, in the outcome's language."""

from __future__ import annotations

import mcdesigner.esco as esco
from mcdesigner.esco.suggestions import STOP_WORDS, terms

APPLY_QUALITY_STANDARDS = "http://data.europa.eu/esco/skill/236526e2-d5a8-436b-91d1-47e5d431e7ea"
WORK_IN_TEAMS = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"


def test_the_skill_named_by_the_outcome_comes_first() -> None:
    found = esco.suggest("Apply quality standards to the design of a course")
    assert found[0].skill.address == APPLY_QUALITY_STANDARDS
    assert set(found[0].matched) == {"apply", "quality", "standards"}
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_five_by_default_and_as_many_as_asked() -> None:
    assert len(esco.suggest("Analyse data with statistical software")) == 5
    assert len(esco.suggest("Analyse data with statistical software", k=12)) == 12


def test_the_reason_names_the_outcomes_own_words_most_telling_first() -> None:
    found = esco.suggest("Work in teams with colleagues from several universities", k=10)
    teams = next(s for s in found if s.skill.address == WORK_IN_TEAMS)
    assert "teams" in teams.matched and "work" in teams.matched
    assert teams.matched.index("teams") < teams.matched.index("work")  # rarer word first
    for suggestion in found:
        assert suggestion.matched
        assert all(
            word in "work in teams with colleagues from several universities"
            for word in suggestion.matched
        )


def test_a_spanish_outcome_gets_spanish_labels() -> None:
    found = esco.suggest("Trabajar en equipo con colegas de otras universidades", "es", k=10)
    work = next(s for s in found if s.skill.address == WORK_IN_TEAMS)
    assert work.label == "trabajar en equipo"


def test_british_spelling_and_word_endings_do_not_matter() -> None:
    british = esco.suggest("Organise the behaviour of collaborating teams")
    american = esco.suggest("organize the behavior of collaborate team")
    assert [s.skill.address for s in british] == [s.skill.address for s in american]


def test_words_that_say_nothing_suggest_nothing() -> None:
    assert esco.suggest("") == []
    assert esco.suggest("The student will be able to demonstrate the and of") == []
    assert "the" in STOP_WORDS and "los" in STOP_WORDS
    assert terms("Students demonstrate collaborating") == [
        "colaborat"
    ]  # spelling-neutral: -ll- is -l-


def test_the_same_text_always_gives_the_same_suggestions() -> None:
    text = "Design and document the structure of a joint micro-credential"
    assert esco.suggest(text) == esco.suggest(text)
