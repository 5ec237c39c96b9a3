"""Building blocks shared by the credential formats: stable ids, concepts and numbers.

Ids are derived from the proposal id and the item ids with UUID version 5, so exporting the
same proposal twice gives byte-identical documents. Concepts carry the official vocabulary
URIs: the ELM schemes come from the bundled vocabulary files, countries and languages from
the Publications Office authority tables (:data:`AUTHORITY_URIS`).
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from mcdesigner.model.proposal import Proposal
from mcdesigner.model.vocabularies import AUTHORITY_URIS, COUNTRY, LANGUAGE, get_vocabulary

JsonDict = dict[str, Any]

# Fixed namespace of every id the credential exports derive (never change it: ids would move).
_ID_NAMESPACE = uuid.UUID("5d0f6a52-1c3e-4b7a-9a57-3f0b6c2d8e41")

#: ESCO skills pillar, the scheme every ``relatedESCOSkill`` belongs to.
ESCO_SKILLS_SCHEME = "http://data.europa.eu/esco/concept-scheme/skills"
ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
#: Qualification Dataset Register scheme that holds the national framework levels.
NQF_SCHEME = "http://data.europa.eu/snb/qdr/25831c2"
NQF_PREFIX = "http://data.europa.eu/snb/qdr/"
#: European Credit Transfer and Accumulation System in the education-credit scheme.
ECTS_URI = "http://data.europa.eu/snb/education-credit/6fcec5c5af"


def stable_uuid(proposal: Proposal, kind: str, key: str = "") -> uuid.UUID:
    """A UUID that depends only on the proposal id, the kind of object and ``key``."""
    return uuid.uuid5(_ID_NAMESPACE, f"{proposal.id}\x1f{kind}\x1f{key}")


def epass_id(proposal: Proposal, kind: str, key: str = "") -> str:
    """``urn:epass:<kind>:<uuid>``, the id style of European Digital Credentials."""
    return f"urn:epass:{kind}:{stable_uuid(proposal, kind, key)}"


def number_text(value: float) -> str:
    """``1.0`` -> ``"1"``, ``7.5`` -> ``"7.5"``: a number as people write it."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def hours_duration(hours: float) -> str:
    """An ``xsd:duration`` of ``hours`` hours, e.g. ``PT25H`` or ``PT12.5H``."""
    return f"PT{number_text(hours)}H"


def lang_map(text: str, lang: str) -> dict[str, str] | None:
    """A JSON-LD language map ``{lang: text}``, or ``None`` for empty text."""
    return {lang: text} if text else None


def compact(obj: JsonDict) -> JsonDict:
    """``obj`` without keys whose value is ``None`` or an empty list/dict."""
    return {k: v for k, v in obj.items() if v is not None and v != [] and v != {}}


def vocabulary_concept(vocab_id: str, value: str) -> JsonDict:
    """An ELM concept of one of the bundled vocabularies (``value`` is the concept URI)."""
    if vocab_id in AUTHORITY_URIS:
        return authority_concept(vocab_id, value)
    vocab = get_vocabulary(vocab_id)
    return concept(value, vocab.scheme, vocab.label_of(value) if value in vocab else "")


def authority_concept(table: str, code: str) -> JsonDict:
    """A country, language or currency concept of the Publications Office tables."""
    vocab = get_vocabulary(table)
    base = AUTHORITY_URIS[table]
    term = vocab.by_value.get(code)
    result = concept(f"{base}/{code}", base, term.label if term else "")
    result["notation"] = code
    return result


def concept(uri: str, scheme: str, label: str = "") -> JsonDict:
    """``{id, type: Concept, inScheme: {id, type: ConceptScheme}, prefLabel: {en: label}}``."""
    return compact(
        {
            "id": uri,
            "type": "Concept",
            "inScheme": {"id": scheme, "type": "ConceptScheme"},
            "prefLabel": lang_map(label, "en"),
        }
    )


def country_concept(code: str) -> JsonDict:
    """Concept of the country with ISO 3166-1 alpha-3 ``code``."""
    return authority_concept(COUNTRY, code)


def language_concept(code: str) -> JsonDict:
    """Concept of the language with ISO 639 alpha-3 ``code`` (upper case, e.g. ``ENG``)."""
    return authority_concept(LANGUAGE, code)


def language_code_for_tag(tag: str) -> str | None:
    """The authority-table code (``ENG``) of a two-letter language tag (``en``)."""
    for term in get_vocabulary(LANGUAGE).terms:
        if term.notation == tag:
            return term.value
    return None


def language_tag(code: str) -> str | None:
    """The two-letter BCP 47 tag (``en``) of an authority-table language code (``ENG``)."""
    term = get_vocabulary(LANGUAGE).by_value.get(code)
    return term.notation if term and term.notation else None


def country_alpha2(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an alpha-3 country code."""
    term = get_vocabulary(COUNTRY).by_value.get(code)
    return term.notation if term and term.notation else None


def label(vocab_id: str, value: str) -> str:
    """The English label of ``value`` in vocabulary ``vocab_id``."""
    return get_vocabulary(vocab_id).label_of(value)
