"""ELM v3 export: a complete proposal gives a credential template the EDC shapes accept,
every certified value and right arrives in it, and what is missing is reported."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from mcdesigner.credential import (
    CredentialError,
    export_credential,
    missing_for_credential,
    to_elm,
)
from mcdesigner.credential.elm import PLACEHOLDER, PLACEHOLDER_DATETIME, template_placeholders
from mcdesigner.model.fieldpath import exists
from mcdesigner.model.proposal import Duration, Proposal
from strategies import proposals
from test_credential_support import (
    COLLABORATIVE_RELATIONS,
    DEVELOP_DIGITAL_CONTENT,
    ELM_REFERENCE,
    ESCO_OCCUPATION,
    complete_example,
    complete_proposal,
    elm_graph,
    local_contexts,
    requires_reference,
    validate_elm,
)

ELM = Namespace("http://data.europa.eu/snb/model/elm/")
CRED = Namespace("https://www.w3.org/2018/credentials#")
EDC_SHAPES = "http://data.europa.eu/snb/model/ap/edc-generic-no-cv/"
ECTS = URIRef("http://data.europa.eu/snb/education-credit/6fcec5c5af")
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"

COMPLETE: dict[str, Callable[[], Proposal]] = {
    "complete proposal": complete_proposal,
    "completed example": complete_example,
}


def _walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _strings(document: Any) -> set[str]:
    return {v for v in _walk(document) if isinstance(v, str)}


def _qualification(graph: Any) -> URIRef:
    (node,) = set(graph.subjects(RDF.type, ELM.Qualification))
    assert isinstance(node, URIRef), node
    return node


# ---------------------------------------------------------------------------
# Validation against the EDC shapes
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("make", COMPLETE.values(), ids=list(COMPLETE))
def test_complete_data_gives_a_credential_the_edc_shapes_accept(
    make: Callable[[], Proposal],
) -> None:
    requires_reference()
    assert validate_elm(to_elm(make())) == []


def test_commission_sample_fails_exactly_the_two_known_shapes() -> None:
    requires_reference()
    sample = json.loads((ELM_REFERENCE / "Sample-MC-Annex1-unsigned.jsonld").read_text("utf-8"))
    failed = {shape for shape, _path, _message in validate_elm(sample)}
    assert failed == {
        EDC_SHAPES + "EuropeanDigitalCredential-cred_issued",
        EDC_SHAPES + "EuropeanDigitalCredential-cred_issuer",
    }


def test_every_key_of_the_export_is_defined_by_the_contexts() -> None:
    """JSON-LD silently drops unknown keys; none of ours may be lost that way."""
    requires_reference()
    contexts = local_contexts()
    edc = contexts["http://data.europa.eu/snb/model/context/edc-ap"]
    credential = contexts["https://www.w3.org/2018/credentials/v1"]
    known = set(edc) | set(credential) | set(credential["VerifiableCredential"]["@context"])
    document = to_elm(complete_proposal())
    keys = {k for v in _walk(document) if isinstance(v, dict) for k in v}
    language_tags = {"en"}
    assert keys - known - language_tags == {"@context"}


def _without_countries(proposal: Proposal) -> None:
    """No country for the first awarding body nor for the issuers."""
    proposal.general.awarding_institutions[0].country = None
    proposal.general.issuer_countries = []


@pytest.mark.parametrize(
    ("change", "gap_path", "violated_property"),
    [
        (lambda p: setattr(p.general, "title", ""), "general.title", DCTERMS.title),
        (
            lambda p: setattr(p.general, "awarding_institutions", []),
            "general.awarding_institutions",
            CRED.issuer,
        ),
        (
            lambda p: setattr(p.rights[0], "status", None),
            "rights[r1].status",
            ELM.entitlementStatus,
        ),
        (
            lambda p: setattr(p.rights[1], "entitlement_type", None),
            "rights[r2].entitlement_type",
            DCTERMS.type,
        ),
        (
            lambda p: setattr(p.quality, "responsible_body", ""),
            "quality.responsible_body",
            ELM.accreditingAgent,
        ),
        (
            _without_countries,
            "general.awarding_institutions[uniovi].country",
            ELM.countryCode,
        ),
    ],
    ids=["title", "awarding body", "right status", "right type", "QA body", "country"],
)
def test_a_reported_gap_is_what_the_shapes_reject(
    change: Callable[[Proposal], object], gap_path: str, violated_property: URIRef
) -> None:
    requires_reference()
    proposal = complete_proposal()
    change(proposal)
    gaps = missing_for_credential(proposal)
    assert [g.path for g in gaps] == [gap_path]
    violated = {path for _shape, path, _message in validate_elm(to_elm(proposal))}
    assert str(violated_property) in violated


# ---------------------------------------------------------------------------
# The certified data and the rights arrive in the credential
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("make", COMPLETE.values(), ids=list(COMPLETE))
def test_certified_values_are_properties_of_the_qualification(
    make: Callable[[], Proposal],
) -> None:
    requires_reference()
    proposal = make()
    certified, general = proposal.certified, proposal.general
    graph = elm_graph(to_elm(proposal))
    qualification = _qualification(graph)

    outcomes = list(graph.objects(qualification, ELM.learningOutcome))
    titles = {str(graph.value(o, DCTERMS.title)) for o in outcomes}
    assert titles == {o.text for o in certified.learning_outcomes}
    linked = {str(s) for o in outcomes for s in graph.objects(o, ELM.relatedESCOSkill)}
    assert linked == {s.uri for o in certified.learning_outcomes for s in o.esco_skills if s.uri}

    (credit,) = graph.objects(qualification, ELM.creditPoint)
    assert graph.value(credit, ELM.framework) == ECTS
    assert float(graph.value(credit, ELM.point)) == certified.ects_credits
    volume = graph.value(qualification, ELM.volumeOfLearning)
    assert volume.datatype == XSD.duration
    assert volume == Literal(f"PT{certified.notional_hours:g}H", datatype=XSD.duration)
    assert graph.value(qualification, ELM.EQFLevel) == URIRef(certified.eqf_level or "")
    assert set(graph.objects(qualification, ELM.ISCEDFCode)) == {
        URIRef(f) for f in general.fields_of_education
    }
    assert set(graph.objects(qualification, DCTERMS.language)) == {
        URIRef(LANGUAGE + code) for code in general.languages
    }
    assert set(graph.objects(qualification, ELM.mode)) == {URIRef(m) for m in certified.modes}
    accreditation_types = {
        graph.value(a, DCTERMS.type) for a in graph.objects(qualification, ELM.accreditation)
    }
    assert accreditation_types == {URIRef(t) for t in certified.quality_assurance_types}
    assessment_types = {
        t
        for spec in graph.subjects(RDF.type, ELM.LearningAssessmentSpecification)
        for t in graph.objects(spec, DCTERMS.type)
    }
    assert {URIRef(t) for t in certified.assessment_types} <= assessment_types
    if certified.supervision:
        (assessment,) = graph.subjects(RDF.type, ELM.LearningAssessment)
        assert graph.value(assessment, ELM.idVerification) == URIRef(certified.supervision)

    texts = _strings(to_elm(proposal))
    for value in [general.title, general.description, general.prerequisites]:
        assert not value or value in texts
    for value in [certified.grading_scheme, certified.quality_assurance_description]:
        assert not value or value in texts


def test_rights_become_entitlement_specifications() -> None:
    requires_reference()
    proposal = complete_proposal()
    graph = elm_graph(to_elm(proposal))
    qualification = _qualification(graph)
    entitlements = {
        str(graph.value(e, DCTERMS.title)): e for e in graph.objects(qualification, ELM.entitlesTo)
    }
    assert set(entitlements) == {r.title for r in proposal.rights}
    for right in proposal.rights:
        node = entitlements[right.title]
        assert graph.value(node, DCTERMS.type) == URIRef(right.entitlement_type or "")
        assert graph.value(node, ELM.entitlementStatus) == URIRef(right.status or "")
        if right.description:
            assert str(graph.value(node, DCTERMS.description)) == right.description
        notes = {
            str(graph.value(n, ELM.noteLiteral)) for n in graph.objects(node, ELM.additionalNote)
        }
        if right.limit_jurisdictions:
            assert "Valid in: Spain, Portugal" in notes
        if right.limit_organisation:
            assert any(right.limit_organisation in n for n in notes)
    occupation = entitlements["Exercise as digital credential officer"]
    assert graph.value(occupation, ELM.limitOccupation) == URIRef(ESCO_OCCUPATION)


def test_skills_without_an_esco_link_are_a_note_never_an_invented_uri() -> None:
    document = to_elm(complete_proposal())
    esco = {s for s in _strings(document) if s.startswith("http://data.europa.eu/esco/skill/")}
    assert esco == {DEVELOP_DIGITAL_CONTENT, COLLABORATIVE_RELATIONS}
    (outcome, _second) = document["credentialSubject"]["hasClaim"]["specifiedBy"]["learningOutcome"]
    notes = [n["noteLiteral"]["en"] for n in outcome["additionalNote"]]
    assert notes == ["Related skills: work in teams"]


def test_the_bundled_example_keeps_its_unlinked_skills() -> None:
    proposal = complete_example()
    texts = "\n".join(_strings(to_elm(proposal)))
    for outcome in proposal.certified.learning_outcomes:
        for skill in outcome.esco_skills:
            assert skill.label in texts


def test_national_level_uri_becomes_the_nqf_level_and_text_a_note() -> None:
    proposal = complete_proposal()
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert "nqfLevel" not in qualification
    notes = [n["noteLiteral"]["en"] for n in qualification["additionalNote"]]
    assert "National qualifications framework level: MECU 6" in notes

    proposal.certified.national_level = "http://data.europa.eu/snb/qdr/c_6422359b"
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert qualification["nqfLevel"]["id"] == "http://data.europa.eu/snb/qdr/c_6422359b"
    assert qualification["nqfLevel"]["inScheme"]["id"] == "http://data.europa.eu/snb/qdr/25831c2"


def test_several_assessment_types_become_parts_and_one_type_stays_on_the_specification() -> None:
    proposal = complete_proposal()
    spec = to_elm(proposal)["credentialSubject"]["hasClaim"]["provenBy"]["specifiedBy"]
    part_types = [p.get("dcType", {}).get("id") for p in spec["hasPart"]]
    assert sorted(filter(None, part_types)) == sorted(proposal.certified.assessment_types)
    assert [p["title"]["en"] for p in spec["hasPart"]][:2] == ["Quizzes", "Group proposal"]

    proposal.academic.assessments = []
    proposal.certified.assessment_types = proposal.certified.assessment_types[:1]
    spec = to_elm(proposal)["credentialSubject"]["hasClaim"]["provenBy"]["specifiedBy"]
    assert spec["dcType"]["id"] == proposal.certified.assessment_types[0]
    assert "hasPart" not in spec


def test_maximum_duration_is_the_one_stated_never_the_length_of_the_edition() -> None:
    proposal = complete_proposal()
    proposal.general.start_date = dt.date(2026, 5, 5)
    proposal.general.end_date = dt.date(2026, 6, 6)
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert "maximumDuration" not in qualification
    proposal.general.maximum_duration = Duration(amount=1, unit="months")
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert qualification["maximumDuration"] == "P1M"


# ---------------------------------------------------------------------------
# A template: placeholders, stable ids
# ---------------------------------------------------------------------------
def test_only_issue_time_values_are_placeholders() -> None:
    document = to_elm(complete_proposal())
    assert sorted(template_placeholders(document)) == sorted(
        [
            "issued",
            "validFrom",
            "issuer.eIDASIdentifier.notation",
            "credentialSubject.fullName.en",
            "credentialSubject.hasClaim.provenBy.grade.noteLiteral.en",
            "displayParameter.individualDisplay[0].displayDetail[0].image.title.en",
        ]
    )
    assert document["issued"] == PLACEHOLDER_DATETIME
    assert document["issuer"]["eIDASIdentifier"]["notation"] == PLACEHOLDER
    assert document["issuer"]["legalName"] == {"en": "Universidad de Oviedo"}


def test_exporting_twice_gives_the_same_document_and_ids_depend_on_the_proposal() -> None:
    first = json.dumps(to_elm(complete_proposal()), sort_keys=True)
    assert first == json.dumps(to_elm(complete_proposal()), sort_keys=True)
    other = complete_proposal()
    other.id = "another-proposal"
    ids = {v["id"] for v in _walk(to_elm(complete_proposal())) if isinstance(v, dict) and "id" in v}
    other_ids = {v["id"] for v in _walk(to_elm(other)) if isinstance(v, dict) and "id" in v}
    local = {i for i in ids if i.startswith(("urn:epass:", "urn:credential:"))}
    assert local and not local & other_ids


@pytest.mark.parametrize("make", COMPLETE.values(), ids=list(COMPLETE))
def test_an_id_never_names_two_different_things(make: Callable[[], Proposal]) -> None:
    objects: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for value in _walk(to_elm(make())):
        if isinstance(value, dict) and "id" in value:
            objects[value["id"]].append(value)
    for same_id in objects.values():
        smallest = min(same_id, key=len)
        for other in same_id:
            assert {k: other[k] for k in smallest} == smallest


def test_text_language_tags_every_text() -> None:
    document = to_elm(complete_proposal(), text_language="es")
    qualification = document["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert qualification["title"] == {"es": "Designing joint micro-credentials"}
    assert document["displayParameter"]["primaryLanguage"]["id"] == LANGUAGE + "SPA"
    with pytest.raises(ValueError, match="two-letter"):
        to_elm(complete_proposal(), text_language="xx-nonsense")


# ---------------------------------------------------------------------------
# Gaps
# ---------------------------------------------------------------------------
def test_incomplete_example_reports_the_fields_the_seed_does_not_give() -> None:
    examples = pytest.importorskip("mcdesigner.examples")
    example: Proposal = examples.load_example()
    gaps = missing_for_credential(example)
    paths = {g.path for g in gaps}
    assert "general.languages" in paths
    assert "certified.quality_assurance_types" in paths
    org = example.general.awarding_institutions[0]
    assert f"general.awarding_institutions[{org.id}].country" in paths
    for gap in gaps:
        assert exists(example, gap.path)
        assert gap.message and gap.element
        assert gap.reference.startswith("European Learning Model v3: ")
    if ELM_REFERENCE.is_dir():
        assert validate_elm(to_elm(example)), "an incomplete template must not pass the shapes"


def test_empty_proposal_exports_and_lists_every_required_field() -> None:
    proposal = Proposal()
    document = to_elm(proposal)
    assert document["type"] == ["VerifiableCredential", "EuropeanDigitalCredential"]
    assert {g.path for g in missing_for_credential(proposal)} == {
        "general.title",
        "general.description",
        "general.fields_of_education",
        "general.languages",
        "general.awarding_institutions",
        "certified.learning_outcomes",
        "certified.ects_credits",
        "certified.eqf_level",
        "certified.assessment_types",
        "certified.modes",
        "certified.quality_assurance_types",
    }


def test_hours_alone_satisfy_the_workload() -> None:
    proposal = complete_proposal()
    proposal.certified.ects_credits = None
    assert missing_for_credential(proposal) == []
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert "creditPoint" not in qualification
    assert qualification["volumeOfLearning"] == "PT187.5H"


def test_issuer_country_stands_in_for_an_organisation_without_one() -> None:
    proposal = complete_proposal()
    proposal.general.awarding_institutions[0].country = None
    proposal.general.issuer_countries = ["PRT"]
    assert missing_for_credential(proposal) == []
    issuer = to_elm(proposal)["issuer"]
    assert issuer["location"]["address"]["countryCode"]["id"].endswith("/country/PRT")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_any_proposal_exports_and_its_gaps_point_at_real_fields(proposal: Proposal) -> None:
    document = to_elm(proposal)
    json.dumps(document)
    for gap in missing_for_credential(proposal):
        assert exists(proposal, gap.path), gap.path


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposals())
def test_any_proposal_without_gaps_passes_the_shapes(proposal: Proposal) -> None:
    requires_reference()
    _fill_gaps(proposal)
    assert missing_for_credential(proposal) == []
    assert validate_elm(to_elm(proposal)) == []


def _fill_gaps(proposal: Proposal) -> None:
    """Complete a random proposal with values from the complete one (keeping its own)."""
    full = complete_proposal()
    general, certified = proposal.general, proposal.certified
    general.title = general.title or full.general.title
    general.description = general.description or full.general.description
    general.fields_of_education = general.fields_of_education or full.general.fields_of_education
    general.languages = general.languages or full.general.languages
    general.awarding_institutions = [o for o in general.awarding_institutions if o.name] or (
        full.general.awarding_institutions
    )
    general.issuer_countries = general.issuer_countries or ["ESP"]
    certified.learning_outcomes = [o for o in certified.learning_outcomes if o.text] or (
        full.certified.learning_outcomes
    )
    if certified.ects_credits is None and certified.notional_hours is None:
        certified.ects_credits = 6
    certified.eqf_level = certified.eqf_level or full.certified.eqf_level
    certified.assessment_types = certified.assessment_types or full.certified.assessment_types
    certified.modes = certified.modes or full.certified.modes
    certified.quality_assurance_types = (
        certified.quality_assurance_types or full.certified.quality_assurance_types
    )
    proposal.quality.responsible_body = proposal.quality.responsible_body or "Quality unit"
    proposal.rights = [r for r in proposal.rights if r.title and r.entitlement_type and r.status]
    proposal.academic.activities = [
        a for a in proposal.academic.activities if a.title or a.activity_type
    ]
    proposal.academic.assessments = [
        a for a in proposal.academic.assessments if a.title or a.method
    ]


# ---------------------------------------------------------------------------
# Writing the file
# ---------------------------------------------------------------------------
def test_export_writes_pretty_json_equal_to_the_document(tmp_path: Path) -> None:
    target = tmp_path / "credential.jsonld"
    target.write_text("old content", encoding="utf-8")
    written = export_credential(complete_proposal(), "elm", target)
    assert written == target
    text = target.read_text(encoding="utf-8")
    assert json.loads(text) == to_elm(complete_proposal())
    assert text.startswith('{\n  "@context"')
    assert "Università di Torino" in text
    assert [p.name for p in tmp_path.iterdir()] == ["credential.jsonld"]


def test_export_refuses_a_missing_folder_and_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(CredentialError, match="does not exist"):
        export_credential(complete_proposal(), "elm", tmp_path / "nowhere" / "c.jsonld")
    with pytest.raises(CredentialError, match="Unknown credential format"):
        export_credential(complete_proposal(), "pdf", tmp_path / "c.json")  # type: ignore[arg-type]
    with pytest.raises(CredentialError, match="is a folder"):
        export_credential(complete_proposal(), "elm", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "credential.jsonld"
    target.write_text("previous export", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mcdesigner.atomicfile.os.replace", broken_replace)
    with pytest.raises(CredentialError, match="No space left"):
        export_credential(complete_proposal(), "elm", target)
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["credential.jsonld"]


# ---------------------------------------------------------------------------
# Language maps
# ---------------------------------------------------------------------------
def test_the_example_credential_speaks_english_and_spanish() -> None:
    proposal = complete_example()
    assert proposal.languages.credential == ("en", "es")
    document = to_elm(proposal)
    qualification = document["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert set(qualification["title"]) == {"en", "es"}
    assert qualification["title"]["es"] == "Hacia un marco de microcredenciales INGENIUM"
    assert set(qualification["description"]) == {"en", "es"}
    outcomes = qualification["learningOutcome"]
    assert len(outcomes) == len(proposal.certified.learning_outcomes) > 0
    for outcome in outcomes:
        assert set(outcome["title"]) == {"en", "es"}
    display = document["displayParameter"]
    assert [c["id"] for c in display["language"]] == [LANGUAGE + "ENG", LANGUAGE + "SPA"]
    assert display["primaryLanguage"]["id"] == LANGUAGE + "ENG"
    assert [d["language"]["id"] for d in display["individualDisplay"]] == [
        LANGUAGE + "ENG",
        LANGUAGE + "SPA",
    ]
    if ELM_REFERENCE.is_dir():
        assert validate_elm(document) == []


def test_a_language_map_claims_only_the_languages_that_have_the_text() -> None:
    proposal = complete_proposal()
    proposal.languages.further = ["es", "fr"]
    proposal.languages.issued_in = ["en", "es", "fr"]
    proposal.translations = {"es": {"general.title": "Diseño de microcredenciales conjuntas"}}
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert qualification["title"] == {
        "en": "Designing joint micro-credentials",
        "es": "Diseño de microcredenciales conjuntas",
    }
    assert set(qualification["description"]) == {"en"}  # not translated: English only
    # A further language the credential is not issued in stays out of it.
    proposal.languages.issued_in = ["en"]
    qualification = to_elm(proposal)["credentialSubject"]["hasClaim"]["specifiedBy"]
    assert qualification["title"] == {"en": "Designing joint micro-credentials"}
