"""The bundled INGENIUM example: it validates and carries the facts of the real training."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

import mcdesigner.esco as esco
from mcdesigner.examples import EXAMPLE_PATH, ExampleError, load_example, new_from_example
from mcdesigner.model.proposal import Proposal, iter_items
from mcdesigner.model.vocabularies import get_vocabulary
from mcdesigner.paths import resources_dir


def _labels(vocab_id: str, values: list[str]) -> list[str]:
    vocab = get_vocabulary(vocab_id)
    assert all(v in vocab for v in values)
    return [vocab.label_of(v) for v in values]


def test_stored_example_is_a_valid_proposal() -> None:
    assert resources_dir() / "examples" / "ingenium.json" == EXAMPLE_PATH
    text = EXAMPLE_PATH.read_text(encoding="utf-8")
    from_json = Proposal.model_validate_json(text)
    from_dict = Proposal.model_validate(json.loads(text))
    assert from_json == from_dict == load_example()


def test_example_survives_a_json_round_trip() -> None:
    example = load_example()
    assert Proposal.model_validate_json(example.model_dump_json()) == example


def test_general_information_matches_the_training() -> None:
    general = load_example().general
    assert general.title == "Towards INGENIUM Micro-credentials Framework"
    assert [o.name for o in general.awarding_institutions] == ["INGENIUM European University"]
    assert general.partner_institutions == []
    assert general.start_date == dt.date(2026, 5, 10)
    assert general.end_date == dt.date(2026, 6, 30)
    assert general.places == 50
    assert general.max_places_per_institution == 5
    assert "order of registration" in general.prerequisites
    assert general.contact.email == "microcredenciales@uniovi.es"
    assert general.registration_link == "https://forms.office.com/e/CyDfPhZRAW"
    assert general.keywords == ["Artificial Intelligence"]
    assert general.target_group_description.startswith("INGENIUM academic and administrative staff")
    assert general.learning_material_formats.startswith("Video, Audio, Pdf")
    assert general.description.startswith("The “Towards an INGENIUM micro-credentials Framework”")
    (field,) = _labels("isced-f", general.fields_of_education)
    assert field.startswith("Inter-disciplinary")
    assert general.opportunity_type is not None
    assert _labels("learning-opportunity", [general.opportunity_type]) == [
        "Short learning programme"
    ]


def test_rationale_keeps_the_external_references() -> None:
    rationale = load_example().general.rationale
    for reference in (
        "https://education.ec.europa.eu/education-levels/higher-education/micro-credentials",
        "Union of Skills initiative (2025)",
        "https://esco.ec.europa.eu/",
        "https://europa.eu/europass/en",
    ):
        assert reference in rationale


def test_workload_credits_level_and_mode() -> None:
    example = load_example()
    certified = example.certified
    assert certified.ects_credits == 1
    assert certified.notional_hours == 25
    assert certified.eqf_level is not None
    assert _labels("eqf", [certified.eqf_level]) == ["Level 6"]
    assert _labels("learning-assessment", certified.modes) == ["Online"]
    assert sorted(_labels("assessment", certified.assessment_types)) == [
        "continuous evaluation",
        "peer review",
        "project work",
        "quiz",
    ]
    academic = example.academic
    hours = {a.title: (a.hours, a.taught) for a in academic.activities}
    assert hours["Asynchronous online lectures and tutorials"] == (14.0, True)
    assert hours["Collaborative group project"] == (11.0, False)
    assert academic.activity_hours == 25
    assert academic.teaching_hours == 14
    assert academic.activity_hours == certified.notional_hours


def test_learning_outcomes_and_their_esco_skills() -> None:
    outcomes = load_example().certified.learning_outcomes
    assert [o.text.split()[0] for o in outcomes] == [
        "Interpret",
        "Design",
        "Know",
        "Integrate",
        "Collaboratively",
    ]
    assert outcomes[2].text.startswith("Know the existing digital tools")
    skills = [[s.label for s in o.esco_skills] for o in outcomes]
    assert skills == [
        ["apply system organisational policies", "ensure ongoing compliance with regulations"],
        [
            "documenting and recording information",
            "assess project resource needs",
            "apply quality standards",
        ],
        [
            "use online tools to collaborate",
            "use ICT resources to solve work related tasks",
            "digital communication and collaboration",
        ],
        ["linking learning outcomes of qualifications with ESCO skills", "evaluate data"],
        [
            "work in teams",
            "use online tools to collaborate",
            "apply system organisational policies",
        ],
    ]
    # The source names the skills but gives no ESCO addresses: the example carries those of
    # the eight skills whose labels are exactly ESCO labels, each as the bundled ESCO data
    # gives it; the other five stay for the author.
    linked = [s for o in outcomes for s in o.esco_skills if s.uri]
    assert len(linked) == 8
    for skill in linked:
        found = esco.lookup(skill.uri)
        assert found is not None and esco.exact_match(skill.label) == [found]
        assert skill.skill_type == found.skill_type_concept
        assert skill.reuse_level == found.reuse_level_concept
    unlinked = {s.label for o in outcomes for s in o.esco_skills if not s.uri}
    assert unlinked == {
        "documenting and recording information",
        "use ICT resources to solve work related tasks",
        "digital communication and collaboration",
        "linking learning outcomes of qualifications with ESCO skills",
        "evaluate data",
    }


def test_seven_content_units_with_their_sub_items() -> None:
    units = load_example().academic.content_units
    assert [u.title for u in units][:2] == [
        "European Regulatory Framework",
        "IEC regulatory framework for INGENIUM Micro-credentials",
    ]
    assert [u.title for u in units][3:] == [
        "Accessibility",
        "Quality Assurance",
        "Certification, Recognition and Portability",
        "Digital Tools and Management Systems",
    ]
    for number, unit in enumerate(units, start=1):
        numbered = [ln for ln in unit.description.splitlines() if ln.startswith(f"{number}.1.")]
        assert numbered, unit.title
    assert "7.4.5." in units[6].description
    assert units[3].description.count("\n") == 2


def test_assessments_follow_the_description() -> None:
    example = load_example()
    ongoing, final = example.academic.assessments
    assert ongoing.title.startswith("Assessment 1")
    assert final.title.startswith("Assessment 2")
    assert "quiz" in ongoing.criteria
    assert "peer review" in ongoing.criteria
    for criterion in ("alignment with INGENIUM standards", "creativity", "technical accuracy"):
        assert criterion in final.criteria
    assert ongoing.weight is None and final.weight is None
    outcome_ids = {o.id for o in example.certified.learning_outcomes}
    assert set(ongoing.outcome_ids) | set(final.outcome_ids) <= outcome_ids
    assert "lo5" in final.outcome_ids  # the group proposal is what LO5 asks for


def test_facts_the_source_does_not_give_stay_empty() -> None:
    example = load_example()
    assert example.general.fee is None
    assert example.general.languages == []
    assert example.general.issuer_countries == []
    assert example.general.application_deadline is None
    assert example.general.contact.name == ""
    assert example.staff == []
    assert example.financial.revenues == [] and example.financial.expenditures == []
    assert example.quality.indicators == [] and example.quality.responsible_body == ""
    assert example.certified.national_level == ""
    assert example.certified.quality_assurance_types == []
    assert example.certified.supervision is None
    assert example.academic.accessibility == ""
    assert example.rights == []
    entries = example.self_assessment.entries
    assert len(entries) == 10
    assert all(e.rating is None and e.evidence == "" for e in entries)


def test_load_example_gives_independent_copies_with_fixed_ids() -> None:
    first = load_example()
    first.general.title = "Changed"
    first.certified.learning_outcomes.clear()
    second = load_example()
    assert second.general.title == "Towards INGENIUM Micro-credentials Framework"
    assert len(second.certified.learning_outcomes) == 5
    assert second.id == load_example().id
    assert [i.id for i in iter_items(second)] == [i.id for i in iter_items(load_example())]


def test_new_from_example_has_a_fresh_id_and_the_same_content() -> None:
    example = load_example()
    one, two = new_from_example(), new_from_example()
    assert len({example.id, one.id, two.id}) == 3
    assert str(uuid.UUID(one.id)) == one.id
    assert one.model_dump(exclude={"id"}) == example.model_dump(exclude={"id"})
    assert one.status == "draft"


def test_missing_or_damaged_example_gives_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(ExampleError, match="could not be read"):
        load_example(missing)

    damaged = tmp_path / "damaged.json"
    data = json.loads(EXAMPLE_PATH.read_text(encoding="utf-8"))
    data["certified"]["ects_credits"] = -1
    damaged.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExampleError, match="not a valid proposal") as info:
        new_from_example(damaged)
    assert "ects_credits" in str(info.value)
    assert str(damaged) in str(info.value)
