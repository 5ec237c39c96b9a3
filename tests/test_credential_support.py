"""Test data and offline ELM tooling shared by the credential tests.

``complete_proposal()`` fills every field a credential uses; ``complete_example()`` is the
bundled INGENIUM example with its gaps filled by plausible values. ``elm_graph`` parses an
ELM document with rdflib against the context files of the reference folder (never the
network) and ``validate_elm`` runs the EDC SHACL shapes on it with pyshacl.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from mcdesigner.credential import missing_for_credential
from mcdesigner.model.proposal import (
    AcademicDescription,
    Assessment,
    CertifiedData,
    EscoSkill,
    GeneralInformation,
    LearningActivity,
    LearningOutcome,
    Organisation,
    Proposal,
    QualityAssurance,
    Right,
)

#: Read-only reference material beside the repository (ELM contexts, shapes and sample).
ELM_REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "elm"
CONTEXT_FILES = {
    "https://www.w3.org/2018/credentials/v1": "contexts/credentials-v1.jsonld",
    "http://data.europa.eu/snb/model/context/edc-ap": "edc-ap-context.jsonld",
}
SHAPE_FILES = ("EDC-generic-no-cv.ttl", "EDC-generic-full.ttl")

# Real ESCO skills (from the Commission's micro-credential sample).
DEVELOP_DIGITAL_CONTENT = "http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a"
COLLABORATIVE_RELATIONS = "http://data.europa.eu/esco/skill/326809fc-238d-40c2-881e-40042f7f2f0d"
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"

ASSESSMENT = "http://data.europa.eu/snb/assessment/"
ISCED = "http://data.europa.eu/snb/isced-f/"


def requires_reference() -> None:
    """Skip the calling test when the ELM reference folder is not next to the repository."""
    if not ELM_REFERENCE.is_dir():
        pytest.skip(f"ELM reference files not found at {ELM_REFERENCE} (../shared is absent)")


def complete_proposal() -> Proposal:
    """A proposal with every value the credential formats can carry."""
    return Proposal(
        id="3b9e5c1e-8a4f-4c52-9d7e-2f1a6b0c4d11",
        general=GeneralInformation(
            title="Designing joint micro-credentials",
            description="Staff learn to design, run and certify joint micro-credentials.",
            awarding_institutions=[
                Organisation(
                    id="uniovi",
                    name="Universidad de Oviedo",
                    country="ESP",
                    website="https://www.uniovi.es",
                ),
                Organisation(id="unito", name="Università di Torino", country="ITA"),
            ],
            issuer_countries=["ESP"],
            issuer_region="Asturias",
            fields_of_education=[f"{ISCED}0688", f"{ISCED}0413"],
            keywords=["micro-credentials", "ESCO"],
            target_groups=["http://data.europa.eu/snb/target-group/022beab85a"],
            target_group_description="University staff and external stakeholders.",
            opportunity_type="http://data.europa.eu/snb/learning-opportunity/74a4a268e8",
            learning_setting="http://data.europa.eu/snb/learning-setting/e207a81fc7",
            languages=["ENG", "SPA"],
            start_date=dt.date(2026, 5, 10),
            end_date=dt.date(2026, 6, 30),
            prerequisites="Staff of a partner university.",
        ),
        certified=CertifiedData(
            learning_outcomes=[
                LearningOutcome(
                    id="lo1",
                    text="Develop digital content for a credential «Ça marche» & <ok>.",
                    skill_type="http://data.europa.eu/snb/skill-type/skill",
                    esco_skills=[
                        EscoSkill(
                            id="s1", label="develop digital content", uri=DEVELOP_DIGITAL_CONTENT
                        ),
                        EscoSkill(id="s2", label="work in teams"),
                    ],
                ),
                LearningOutcome(
                    id="lo2",
                    text="Establish collaborative relations\nacross partner universities.",
                    esco_skills=[
                        EscoSkill(
                            id="s3",
                            label="establish collaborative relations",
                            uri=COLLABORATIVE_RELATIONS,
                        )
                    ],
                ),
            ],
            ects_credits=7.5,
            notional_hours=187.5,
            eqf_level="http://data.europa.eu/snb/eqf/6",
            national_level="MECU 6",
            assessment_types=[
                f"{ASSESSMENT}b1b68f6735",
                f"{ASSESSMENT}3484bd7e51",
                f"{ASSESSMENT}795dac4096",
            ],
            modes=["http://data.europa.eu/snb/learning-assessment/920fbb3cbe"],
            quality_assurance_types=[
                "http://data.europa.eu/snb/accreditation/bb4618238e",
                "http://data.europa.eu/snb/accreditation/820101cba6",
            ],
            quality_assurance_description="Approved by the university quality committee.",
            supervision="http://data.europa.eu/snb/supervision-verification/c598449d64",
            grading_scheme="Pass or fail; a pass needs 50 % of the points.",
            integration="stackable",
            stackability="Counts towards the university diploma in digital education.",
            further_information="Certificates are issued through Europass.",
        ),
        rights=[
            Right(
                id="r1",
                title="Admission to the advanced course",
                entitlement_type="http://data.europa.eu/snb/entitlement/64aad92881",
                status="http://data.europa.eu/snb/entitlement-status/b7015a8a8c",
                description="Holders may enrol without an entrance test.",
                limit_jurisdictions=["ESP", "PRT"],
                limit_organisation="INGENIUM alliance",
            ),
            Right(
                id="r2",
                title="Exercise as digital credential officer",
                entitlement_type="http://data.europa.eu/snb/entitlement/52f62180c2",
                status="http://data.europa.eu/snb/entitlement-status/5b8d6b34fb",
                limit_occupation=ESCO_OCCUPATION,
            ),
        ],
        academic=AcademicDescription(
            activities=[
                LearningActivity(
                    id="a1",
                    title="Online lectures",
                    activity_type="http://data.europa.eu/snb/learning-activity/bf2e3a7bae",
                    hours=14,
                    taught=True,
                ),
                LearningActivity(id="a2", title="Group project", hours=11.5),
            ],
            assessments=[
                Assessment(id="as1", title="Quizzes", method=f"{ASSESSMENT}b1b68f6735", weight=40),
                Assessment(id="as2", title="Group proposal", weight=60),
            ],
        ),
        quality=QualityAssurance(responsible_body="Quality Assurance Unit"),
    )


def complete_example() -> Proposal:
    """The bundled example with the values the credential needs and the seed does not give."""
    examples = pytest.importorskip("mcdesigner.examples")
    proposal: Proposal = examples.load_example()
    general = proposal.general
    if not general.languages:
        general.languages = ["ENG"]
    for org in general.awarding_institutions:
        if org.country is None and not general.issuer_countries:
            org.country = "ESP"
    if not proposal.certified.quality_assurance_types:
        proposal.certified.quality_assurance_types = [
            "http://data.europa.eu/snb/accreditation/820101cba6"
        ]
    if not proposal.quality.responsible_body:
        proposal.quality.responsible_body = "INGENIUM Quality Assurance Committee"
    return proposal


# ---------------------------------------------------------------------------
# Offline JSON-LD and SHACL
# ---------------------------------------------------------------------------
def _refuse_network(*args: object, **kwargs: object) -> Any:
    raise AssertionError(f"network access attempted: {args!r}")


@contextmanager
def network_forbidden() -> Iterator[None]:
    """Any socket connection or URL fetch inside the block fails the test."""
    with (
        mock.patch.object(socket.socket, "connect", _refuse_network),
        mock.patch.object(socket, "create_connection", _refuse_network),
        mock.patch.object(urllib.request, "urlopen", _refuse_network),
    ):
        yield


@cache
def local_contexts() -> dict[str, Any]:
    """The ``@context`` value of each context URL, read from the reference folder."""
    return {
        url: json.loads((ELM_REFERENCE / name).read_text(encoding="utf-8"))["@context"]
        for url, name in CONTEXT_FILES.items()
    }


def with_local_contexts(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with each context URL replaced by the local copy of that context."""
    contexts = local_contexts()
    declared = document["@context"]
    declared = declared if isinstance(declared, list) else [declared]
    unknown = [c for c in declared if isinstance(c, str) and c not in contexts]
    assert not unknown, f"no local copy of the contexts {unknown}"
    return {
        **document,
        "@context": [contexts.get(c, c) if isinstance(c, str) else c for c in declared],
    }


def elm_graph(document: dict[str, Any]) -> Any:
    """The RDF graph of an ELM JSON-LD document, parsed without touching the network."""
    from rdflib import Graph

    graph = Graph()
    with network_forbidden(), warnings.catch_warnings():
        # rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph internally.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph.parse(data=json.dumps(with_local_contexts(document)), format="json-ld")
    return graph


@cache
def shapes_graph() -> Any:
    """EDC-generic-full merged with the EDC-generic-no-cv shapes it imports."""
    from rdflib import Graph

    graph = Graph()
    for name in SHAPE_FILES:
        graph.parse(ELM_REFERENCE / name, format="turtle")
    return graph


def validate_elm(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Top-level SHACL results of ``document``: (source shape, path, message) each."""
    from pyshacl import validate
    from rdflib.namespace import RDF, SH

    data = elm_graph(document)
    with network_forbidden():
        conforms, report, _text = validate(
            data, shacl_graph=shapes_graph(), do_owl_imports=False, inference="none"
        )
    root = next(report.subjects(RDF.type, SH.ValidationReport))
    results = [
        (
            str(report.value(r, SH.sourceShape)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.resultMessage)),
        )
        for r in report.objects(root, SH.result)
    ]
    assert conforms == (not results)
    return results


def test_complete_proposal_has_no_credential_gaps() -> None:
    assert missing_for_credential(complete_proposal()) == []


def test_completed_example_has_no_credential_gaps() -> None:
    assert missing_for_credential(complete_example()) == []


def test_local_contexts_replace_every_context_url() -> None:
    requires_reference()
    document = {"@context": list(CONTEXT_FILES), "id": "urn:x"}
    replaced = with_local_contexts(document)
    assert all(isinstance(c, dict) for c in replaced["@context"])
    with pytest.raises(AssertionError, match="no local copy"):
        with_local_contexts({"@context": ["https://example.org/other"]})


def test_network_guard_refuses_connections() -> None:
    with network_forbidden(), pytest.raises(AssertionError, match="network access"):
        socket.create_connection(("example.org", 80))
