"""Open Badges 3.0 export: a valid Achievement that carries the proposal's certified data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from mcdesigner.credential import export_credential, to_ob3
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import get_vocabulary
from strategies import proposals
from test_credential_support import (
    COLLABORATIVE_RELATIONS,
    DEVELOP_DIGITAL_CONTENT,
    complete_example,
    complete_proposal,
)

# Open Badges 3.0, AchievementType enumeration (extensible with "ext:" names).
ACHIEVEMENT_TYPES = {
    "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree",
    "Award", "Badge", "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification",
    "CommunityService", "Competency", "Course", "CoCurricular", "Degree", "Diploma",
    "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment", "JourneymanCertificate",
    "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
    "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential",
    "ResearchDoctorate", "SecondarySchoolDiploma",
}  # fmt: skip
ALIGNMENT_TARGET_TYPES = {
    "ceasn:Competency", "ceterms:Credential", "CFItem", "CFRubric", "CFRubricCriterion",
    "CFRubricCriterionLevel", "CTDL",
}  # fmt: skip
OB3_CONTEXT_URLS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
_LANGUAGE = re.compile(r"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")


def _types(value: Any) -> list[str]:
    return value if isinstance(value, list) else [value]


def achievement_problems(doc: dict[str, Any]) -> list[str]:
    """What makes ``doc`` not an Open Badges 3.0 Achievement (empty when it is one)."""
    problems: list[str] = []

    def need_string(obj: dict[str, Any], key: str, where: str) -> None:
        if not isinstance(obj.get(key), str) or not obj[key]:
            problems.append(f"{where}.{key} must be a non-empty string")

    # VC Data Model 2.0 and OB 3.0: the VC context, then the OB context, then further
    # context URLs or context objects (such as a default ``@language``).
    context = doc.get("@context", [])
    if not isinstance(context, list) or context[:2] != OB3_CONTEXT_URLS:
        problems.append("@context must start with the VC 2.0 and OB 3.0 context URLs")
    elif not all(isinstance(c, str | dict) for c in context[2:]):
        problems.append("@context must hold URLs or context objects")
    language = next((c["@language"] for c in context[2:] if isinstance(c, dict)), None)
    if language is not None and not _LANGUAGE.match(str(language)):
        problems.append("@language must be a BCP 47 language code")
    if not _URI.match(str(doc.get("id", ""))):
        problems.append("id must be a URI")
    if "Achievement" not in _types(doc.get("type", [])):
        problems.append("type must include Achievement")
    need_string(doc, "name", "Achievement")
    need_string(doc, "description", "Achievement")
    criteria = doc.get("criteria")
    if not isinstance(criteria, dict) or not (criteria.get("id") or criteria.get("narrative")):
        problems.append("criteria needs an id or a narrative")
    kind = doc.get("achievementType")
    if kind is not None and kind not in ACHIEVEMENT_TYPES and not str(kind).startswith("ext:"):
        problems.append(f"achievementType {kind!r} is not in the enumeration")
    credits = doc.get("creditsAvailable")
    if credits is not None and (isinstance(credits, bool) or not isinstance(credits, int | float)):
        problems.append("creditsAvailable must be a number")
    for index, alignment in enumerate(doc.get("alignment", [])):
        where = f"alignment[{index}]"
        if "Alignment" not in _types(alignment.get("type", [])):
            problems.append(f"{where}.type must include Alignment")
        need_string(alignment, "targetName", where)
        if not _URI.match(str(alignment.get("targetUrl", ""))):
            problems.append(f"{where}.targetUrl must be a URI")
        target_type = alignment.get("targetType")
        known = target_type in ALIGNMENT_TARGET_TYPES or str(target_type).startswith("ext:")
        if target_type is not None and not known:
            problems.append(f"{where}.targetType {target_type!r} is not in the enumeration")
    for key in ("fieldOfStudy", "inLanguage"):
        if key in doc and not isinstance(doc[key], str):
            problems.append(f"{key} must be a string")
    if "inLanguage" in doc and not _LANGUAGE.match(doc["inLanguage"]):
        problems.append("inLanguage must be a BCP 47 language code")
    if not all(isinstance(t, str) for t in doc.get("tag", [])):
        problems.append("tag must be a list of strings")
    creator = doc.get("creator")
    if creator is not None:
        if not _URI.match(str(creator.get("id", ""))):
            problems.append("creator.id must be a URI")
        if "Profile" not in _types(creator.get("type", [])):
            problems.append("creator.type must include Profile")
    return problems


def test_checker_rejects_what_the_specification_forbids() -> None:
    good = to_ob3(complete_proposal())
    assert achievement_problems(good) == []
    broken = dict(good, type=["Badge"], achievementType="Nanodegree", creditsAvailable="7.5")
    broken["criteria"] = {}
    broken["alignment"] = [{"type": ["Alignment"], "targetName": "x", "targetUrl": "not a url"}]
    del broken["name"]
    broken["@context"] = [*OB3_CONTEXT_URLS, {"@language": "English"}]
    assert len(achievement_problems(broken)) == 7
    assert achievement_problems(dict(good, **{"@context": OB3_CONTEXT_URLS[::-1]})) == [
        "@context must start with the VC 2.0 and OB 3.0 context URLs"
    ]


@pytest.mark.parametrize("make", [complete_proposal, complete_example])
def test_complete_data_gives_a_valid_achievement(make: Any) -> None:
    assert achievement_problems(to_ob3(make())) == []


def test_achievement_carries_the_certified_data() -> None:
    proposal = complete_proposal()
    doc = to_ob3(proposal)
    assert doc["@context"] == [*OB3_CONTEXT_URLS, {"@language": "en"}]
    assert doc["type"] == ["Achievement"]
    assert doc["achievementType"] == "MicroCredential"
    assert doc["name"] == proposal.general.title
    assert doc["description"] == proposal.general.description
    assert doc["creditsAvailable"] == 7.5
    isced = get_vocabulary("isced-f")
    for field in proposal.general.fields_of_education:
        assert isced.label_of(field) in doc["fieldOfStudy"]
    assert doc["inLanguage"] == "en"
    assert doc["tag"] == ["micro-credentials", "ESCO"]
    assert doc["creator"]["name"] == "Universidad de Oviedo"
    assert doc["creator"]["url"] == "https://www.uniovi.es"
    assert doc["creator"]["address"]["addressCountryCode"] == "ES"

    esco = [a for a in doc["alignment"] if a.get("targetFramework") == "ESCO"]
    assert {a["targetUrl"] for a in esco} == {DEVELOP_DIGITAL_CONTENT, COLLABORATIVE_RELATIONS}
    assert all(a["targetType"] == "ceasn:Competency" for a in esco)
    assert {a["targetName"] for a in esco} == {
        "develop digital content",
        "establish collaborative relations",
    }
    (eqf,) = [a for a in doc["alignment"] if a.get("targetFramework") != "ESCO"]
    assert eqf["targetUrl"] == "http://data.europa.eu/snb/eqf/6"
    assert eqf["targetName"] == "EQF Level 6"


def test_narrative_lists_outcomes_workload_assessment_and_rights() -> None:
    proposal = complete_proposal()
    narrative = to_ob3(proposal)["criteria"]["narrative"]
    _tags, shown = _render(narrative)
    for outcome in proposal.certified.learning_outcomes:
        first_line = outcome.text.splitlines()[0]
        assert first_line in shown  # as read where the badge is shown ("& <ok>" included)
    assert "work in teams" in narrative  # a skill without an ESCO link is still named
    assert "7.5 ECTS," in narrative and "187.5 hours" in narrative
    assessment = get_vocabulary("assessment")
    for kind in proposal.certified.assessment_types:
        assert assessment.label_of(kind) in narrative
    assert proposal.certified.grading_scheme in narrative
    for right in proposal.rights:
        assert right.title in narrative
    assert "Spain, Portugal" in narrative
    assert "English, Spanish" in narrative
    # A multi-line outcome stays one numbered item.
    assert "2. Establish collaborative relations\n   across partner universities." in narrative


def test_example_skills_are_aligned_when_linked_and_named_either_way() -> None:
    proposal = complete_example()
    doc = to_ob3(proposal)
    linked = {s.uri for o in proposal.certified.learning_outcomes for s in o.esco_skills if s.uri}
    aligned = {a["targetUrl"] for a in doc["alignment"] if a.get("targetFramework") == "ESCO"}
    assert aligned == linked and len(linked) == 6  # eight links, two skills twice
    for outcome in proposal.certified.learning_outcomes:
        for skill in outcome.esco_skills:
            assert skill.label in doc["criteria"]["narrative"]


def test_missing_title_and_description_make_an_invalid_achievement() -> None:
    problems = achievement_problems(to_ob3(Proposal()))
    assert "Achievement.name must be a non-empty string" in problems
    assert "Achievement.description must be a non-empty string" in problems


def test_same_proposal_same_achievement_id() -> None:
    first = to_ob3(complete_proposal())
    assert first == to_ob3(complete_proposal())
    assert first["id"].startswith("urn:uuid:")
    other = complete_proposal()
    other.id = "another"
    assert to_ob3(other)["id"] != first["id"]


@settings(max_examples=30, deadline=None)
@given(proposals())
def test_any_titled_and_described_proposal_gives_a_valid_achievement(proposal: Proposal) -> None:
    proposal.general.title = proposal.general.title or "Untitled"
    proposal.general.description = proposal.general.description or "No description"
    doc = to_ob3(proposal)
    json.dumps(doc)
    assert achievement_problems(doc) == []


def test_export_writes_the_achievement(tmp_path: Path) -> None:
    target = export_credential(complete_proposal(), "ob3", tmp_path / "badge.json")
    assert json.loads(target.read_text(encoding="utf-8")) == to_ob3(complete_proposal())


def test_a_spanish_proposal_is_a_spanish_badge() -> None:
    """The badge holds the main-language texts, tagged with that language throughout."""
    proposal = complete_proposal()
    proposal.languages.main = "es"
    proposal.languages.further = ["en"]
    proposal.general.title = "Relaciones colaborativas en la empresa"
    doc = to_ob3(proposal)
    assert achievement_problems(doc) == []
    assert doc["@context"][-1] == {"@language": "es"}
    assert doc["inLanguage"] == "es"
    assert doc["name"] == "Relaciones colaborativas en la empresa"
    narrative = doc["criteria"]["narrative"]
    assert "## Resultados de aprendizaje" in narrative
    assert "## Learning outcomes" not in narrative


def test_the_badge_keeps_the_main_language_whatever_the_interface_language() -> None:
    from mcdesigner.translations import language_scope

    proposal = complete_proposal()
    with language_scope("es"):
        doc = to_ob3(proposal)
    assert doc["inLanguage"] == "en"
    assert "## Learning outcomes" in doc["criteria"]["narrative"]


# ---------------------------------------------------------------------------
# The narrative is Markdown: what the author typed is shown, never taken for markup
# ---------------------------------------------------------------------------
HOSTILE = [
    '<img src="/etc/hostname">',
    "<script>alert(1)</script> and <b>bold</b>",
    "[a link](javascript:alert(1)) or ![an image](http://example.org/x.png)",
    "*emphasis* __strong__ `code` ~~gone~~ &amp; &#60;",
    "# not a heading",
    "1. not a list\n- nor this\n> nor a quote\n    nor code\n---",
    "<http://example.org> | a | table |",
]


def _render(markdown: str) -> tuple[set[str], str]:
    """The HTML elements a CommonMark renderer makes of ``markdown``, and its text."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: set[str] = set()
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.tags.add(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    reader = Reader()
    reader.feed(MarkdownIt("commonmark", {"html": True}).render(markdown))
    return reader.tags, " ".join("".join(reader.text).split())


@pytest.mark.parametrize("typed", HOSTILE)
def test_typed_markup_stays_text_in_the_narrative(typed: str) -> None:
    proposal = complete_proposal()
    proposal.certified.learning_outcomes[0].text = "Apply " + typed
    proposal.certified.grading_scheme = typed
    proposal.academic.assessments[0].title = typed
    proposal.rights[0].title = typed
    proposal.rights[0].description = typed
    proposal.certified.learning_outcomes[0].esco_skills[0].label = typed
    tags, text = _render(to_ob3(proposal)["criteria"]["narrative"])
    # Only the elements the app writes: headings, paragraphs and lists.
    assert tags <= {"h2", "p", "ol", "ul", "li"}, tags
    words = " ".join(typed.split())
    assert text.count(words) >= 5, (words, text)  # every place shows the letters typed


def test_a_clean_narrative_reads_as_before() -> None:
    proposal = complete_proposal()
    tags, text = _render(to_ob3(proposal)["criteria"]["narrative"])
    assert {"h2", "ol", "li"} <= tags
    for outcome in proposal.certified.learning_outcomes:
        assert " ".join(outcome.text.split()) in text
