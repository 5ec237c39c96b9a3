"""ESCO links in the ELM credential: skill type and reuse level carried, other frameworks'
skills as relatedSkill, ESCO skills as relatedESCOSkill, and the EDC shapes still pass."""

from __future__ import annotations

from typing import Any

from mcdesigner.credential import to_elm
from mcdesigner.model.proposal import EscoSkill, Proposal
from mcdesigner.operations.esco import link_all
from test_credential_support import (
    complete_example,
    complete_proposal,
    requires_reference,
    validate_elm,
)

WORK_IN_TEAMS = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
DIGCOMP_COLLABORATING = "http://data.europa.eu/snb/dcf/2.4"
SKILL = "http://data.europa.eu/snb/skill-type/skill"
KNOWLEDGE = "http://data.europa.eu/snb/skill-type/knowledge"
REUSE = "http://data.europa.eu/snb/skill-reuse-level/"


def outcomes(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = document["credentialSubject"]["hasClaim"]["specifiedBy"][
        "learningOutcome"
    ]
    return found


def linked_proposal() -> Proposal:
    """The complete proposal with its skills linked as the ESCO data gives them, plus a
    DigComp skill on the second outcome."""
    proposal = complete_proposal()
    link_all(proposal)  # "work in teams" gets its address, type and reuse level
    first, second = proposal.certified.learning_outcomes
    first.skill_type = None
    for skill in first.esco_skills:
        skill.skill_type = SKILL
        skill.reuse_level = REUSE + "transversal"
    second.esco_skills.append(
        EscoSkill(label="collaborating through digital technologies", uri=DIGCOMP_COLLABORATING)
    )
    return proposal


def test_skill_type_and_reuse_level_are_carried_when_the_skills_agree() -> None:
    first, _second = outcomes(to_elm(linked_proposal()))
    assert first["dcType"]["id"] == SKILL
    assert first["reusabilityLevel"]["id"] == REUSE + "transversal"
    assert first["reusabilityLevel"]["inScheme"]["id"] == (
        "http://data.europa.eu/snb/skill-reuse-level/25831c2"
    )
    assert {s["id"] for s in first["relatedESCOSkill"]} >= {WORK_IN_TEAMS}
    assert "additionalNote" not in first  # every skill is linked: no "Related skills" note


def test_the_outcomes_own_type_wins_and_disagreeing_levels_give_none() -> None:
    proposal = linked_proposal()
    first = proposal.certified.learning_outcomes[0]
    first.skill_type = KNOWLEDGE
    first.esco_skills[0].reuse_level = REUSE + "sector-specific"
    exported = outcomes(to_elm(proposal))[0]
    assert exported["dcType"]["id"] == KNOWLEDGE
    assert "reusabilityLevel" not in exported


def test_another_frameworks_skill_is_a_related_skill_not_an_esco_one() -> None:
    _first, second = outcomes(to_elm(linked_proposal()))
    (related,) = second["relatedSkill"]
    assert related["id"] == DIGCOMP_COLLABORATING
    assert related["inScheme"]["id"] == "http://data.europa.eu/snb/dcf/25831c2"
    assert related["prefLabel"] == {"en": "collaborating through digital technologies"}
    assert DIGCOMP_COLLABORATING not in {s["id"] for s in second["relatedESCOSkill"]}


def test_a_framework_the_export_does_not_know_has_no_invented_scheme() -> None:
    proposal = linked_proposal()
    other = EscoSkill(label="teamwork", uri="https://skills.example.org/teamwork")
    proposal.certified.learning_outcomes[1].esco_skills = [other]
    (related,) = outcomes(to_elm(proposal))[1]["relatedSkill"]
    assert related == {
        "id": "https://skills.example.org/teamwork",
        "type": "Concept",
        "prefLabel": {"en": "teamwork"},
    }


def test_the_edc_shapes_accept_linked_skills_and_other_frameworks() -> None:
    requires_reference()
    assert validate_elm(to_elm(linked_proposal())) == []


def test_the_edc_shapes_accept_the_linked_example() -> None:
    requires_reference()
    example = complete_example()
    document = to_elm(example)
    assert validate_elm(document) == []
    levels = [o.get("reusabilityLevel", {}).get("id") for o in outcomes(document)]
    # Outcome 1 links two cross-sector skills, outcome 3 one transversal skill; outcomes 2
    # and 5 mix levels, and outcome 4 links none.
    assert levels == [REUSE + "cross-sector", None, REUSE + "transversal", None, None]
    assert [len(o.get("relatedESCOSkill", [])) for o in outcomes(document)] == [2, 2, 1, 0, 3]
