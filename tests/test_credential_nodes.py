"""What a credential consumer finds in the ELM export: the nodes, their ids and titles, the
notes that carry what the profile has no property for, and links that all resolve."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from mcdesigner.credential import to_elm
from mcdesigner.credential.vocab import epass_id
from mcdesigner.model.proposal import Assessment, LearningActivity, Organisation
from test_credential_support import ESCO_OCCUPATION, complete_example, complete_proposal

LECTURE = "http://data.europa.eu/snb/learning-activity/bf2e3a7bae"
QUIZ = "http://data.europa.eu/snb/assessment/b1b68f6735"
NATIONAL_NOTE = "National qualifications framework level"


def _walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _qualification(document: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = document["credentialSubject"]["hasClaim"]["specifiedBy"]
    return spec


def _notes(node: dict[str, Any]) -> list[str]:
    return [n["noteLiteral"]["en"] for n in node.get("additionalNote", [])]


def _nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every node of the graph that says something (more than its id), by id."""
    return {v["id"]: v for v in _walk(document) if isinstance(v, dict) and "id" in v and len(v) > 1}


def _links(document: dict[str, Any]) -> list[tuple[str, str]]:
    """Every reference by id: ``(property, id)`` for string links and bare ``{"id": …}``."""
    links = []
    for value in _walk(document):
        if not isinstance(value, dict):
            continue
        for key, item in value.items():
            items = item if isinstance(item, list) else [item]
            for one in items:
                if key != "id" and isinstance(one, str) and one.startswith("urn:"):
                    links.append((key, one))
                if isinstance(one, dict) and set(one) == {"id"}:
                    links.append((key, one["id"]))
    return links


def test_every_titled_activity_is_a_node_with_its_id_and_title() -> None:
    proposal = complete_proposal()
    proposal.academic.activities += [
        LearningActivity(id="a3", activity_type=LECTURE, hours=2),
        LearningActivity(id="a4", hours=3, description="No title and no type."),
    ]
    activities = _qualification(to_elm(proposal))["influencedBy"]
    found = {a["id"]: a["title"]["en"] for a in activities}
    assert found == {
        epass_id(proposal, "learningActivitySpec", "a1"): "Online lectures",
        epass_id(proposal, "learningActivitySpec", "a2"): "Group project",
        epass_id(proposal, "learningActivitySpec", "a3"): "e-learning coursework",
    }
    assert {a["type"] for a in activities} == {"LearningActivitySpecification"}
    lectures = next(a for a in activities if a["title"]["en"] == "Online lectures")
    assert lectures["volumeOfLearning"] == "PT14H"
    assert lectures["contactHour"] == "14"


def test_a_proposal_without_titled_activities_has_no_activity_nodes() -> None:
    proposal = complete_proposal()
    proposal.academic.activities = [LearningActivity(id="a9", hours=4)]
    document = to_elm(proposal)
    assert "influencedBy" not in _qualification(document)
    assert not any(n["type"] == "LearningActivitySpecification" for n in _nodes(document).values())


def test_the_qualification_is_proven_by_the_assessment_the_learner_takes() -> None:
    proposal = complete_proposal()
    document = to_elm(proposal)
    nodes = _nodes(document)
    (spec,) = _qualification(document)["provenBy"]
    assert spec["id"] == epass_id(proposal, "learningAssessmentSpec")
    assert spec["type"] == "LearningAssessmentSpecification"
    assert spec["title"]["en"] == "Assessment: Designing joint micro-credentials"
    assessment = document["credentialSubject"]["hasClaim"]["provenBy"]
    assert assessment["type"] == "LearningAssessment"
    assert assessment["specifiedBy"]["id"] == spec["id"]
    assert nodes[spec["id"]]["type"] == "LearningAssessmentSpecification"
    parts = {p["title"]["en"] for p in spec["hasPart"]}
    assert {"Quizzes", "Group proposal"} <= parts


def test_assessment_components_carry_their_weight_as_a_note() -> None:
    proposal = complete_proposal()
    proposal.academic.assessments.append(Assessment(id="as3", title="Oral exam"))
    (spec,) = _qualification(to_elm(proposal))["provenBy"]
    parts = {p["title"]["en"]: p for p in spec["hasPart"]}
    assert _notes(parts["Quizzes"]) == ["Weight: 40 % of the final result."]
    assert _notes(parts["Group proposal"]) == ["Weight: 60 % of the final result."]
    assert _notes(parts["Oral exam"]) == []
    assert parts["Quizzes"]["id"] == epass_id(proposal, "learningAssessmentSpec", "as1")
    assert parts["Quizzes"]["dcType"]["id"] == QUIZ


def test_the_awarding_opportunity_names_the_bodies_the_dates_and_the_qualification() -> None:
    proposal = complete_proposal()
    document = to_elm(proposal)
    qualification = _qualification(document)
    (opportunity,) = qualification["awardingOpportunity"]
    assert opportunity["id"] == epass_id(proposal, "awardingOpportunity")
    assert opportunity["type"] == "AwardingOpportunity"
    assert [b["legalName"]["en"] for b in opportunity["awardingBody"]] == [
        "Universidad de Oviedo",
        "Università di Torino",
    ]
    assert opportunity["temporal"]["startDate"] == "2026-05-10T00:00:00Z"
    assert opportunity["temporal"]["endDate"] == "2026-06-30T00:00:00Z"
    assert opportunity["learningAchievementSpecification"] == qualification["id"]


def test_the_awarding_opportunity_without_dates_has_no_period() -> None:
    proposal = complete_proposal()
    proposal.general.start_date = None
    proposal.general.end_date = dt.date(2026, 6, 30)
    (opportunity,) = _qualification(to_elm(proposal))["awardingOpportunity"]
    assert opportunity["temporal"] == {
        "id": epass_id(proposal, "period", "edition"),
        "type": "PeriodOfTime",
        "endDate": "2026-06-30T00:00:00Z",
    }
    proposal.general.end_date = None
    (opportunity,) = _qualification(to_elm(proposal))["awardingOpportunity"]
    assert "temporal" not in opportunity


def test_no_awarding_opportunity_without_a_named_awarding_body() -> None:
    proposal = complete_proposal()
    proposal.general.awarding_institutions = [Organisation(id="x", country="ESP")]
    document = to_elm(proposal)
    assert "awardingOpportunity" not in _qualification(document)
    assert not any(n["type"] == "AwardingOpportunity" for n in _nodes(document).values())


def test_the_qualification_has_its_own_id_and_every_link_to_it_resolves() -> None:
    proposal = complete_proposal()
    document = to_elm(proposal)
    qualification = _qualification(document)
    assert qualification["type"] == "Qualification"
    assert qualification["id"] == epass_id(proposal, "qualification")
    assert qualification["id"].startswith("urn:epass:qualification:")
    nodes = _nodes(document)
    to_qualification = [i for _key, i in _links(document) if i == qualification["id"]]
    assert to_qualification
    assert all(nodes[i]["type"] == "Qualification" for i in to_qualification)
    other = complete_proposal()
    other.id = "another-proposal"
    assert _qualification(to_elm(other))["id"] != qualification["id"]


def test_a_national_level_note_only_when_the_level_is_not_a_framework_uri() -> None:
    proposal = complete_proposal()
    assert f"{NATIONAL_NOTE}: MECU 6" in _notes(_qualification(to_elm(proposal)))

    proposal.certified.national_level = ""
    qualification = _qualification(to_elm(proposal))
    assert not [n for n in _notes(qualification) if NATIONAL_NOTE in n]
    assert "nqfLevel" not in qualification
    assert "Target group: University staff and external stakeholders." in _notes(qualification)

    proposal.certified.national_level = "http://data.europa.eu/snb/qdr/c_6422359b"
    qualification = _qualification(to_elm(proposal))
    assert not [n for n in _notes(qualification) if NATIONAL_NOTE in n]


def test_an_occupation_limit_is_a_note_only_when_it_is_not_an_esco_occupation() -> None:
    proposal = complete_proposal()
    occupation_right, admission_right = proposal.rights[1], proposal.rights[0]
    admission_right.limit_occupation = "School librarian"
    entitlements = {e["title"]["en"]: e for e in _qualification(to_elm(proposal))["entitlesTo"]}

    esco = entitlements["Exercise as digital credential officer"]
    assert [c["id"] for c in esco["limitOccupation"]] == [ESCO_OCCUPATION]
    assert not [n for n in _notes(esco) if "occupation" in n]

    text = entitlements["Admission to the advanced course"]
    assert "Limited to the occupation: School librarian" in _notes(text)
    assert "limitOccupation" not in text

    admission_right.limit_occupation = ""
    occupation_right.limit_occupation = ""
    for entitlement in _qualification(to_elm(proposal))["entitlesTo"]:
        assert "limitOccupation" not in entitlement
        assert not [n for n in _notes(entitlement) if "occupation" in n]


def test_every_id_referenced_in_the_graph_resolves_to_a_node() -> None:
    for proposal in (complete_proposal(), complete_example()):
        document = to_elm(proposal)
        nodes = _nodes(document)
        links = _links(document)
        assert ("learningAchievementSpecification", _qualification(document)["id"]) in links
        unresolved = [(key, i) for key, i in links if i not in nodes]
        assert unresolved == []
