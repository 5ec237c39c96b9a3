"""A proposal as a European Digital Credential (ELM v3 JSON-LD) template.

:func:`to_elm` maps the general information, the certified academic data and the rights
of a proposal onto an unsigned ``EuropeanDigitalCredential`` with the generic credential
profile. The claim is a ``LearningAchievement`` specified by a ``Qualification`` that
carries the certified data (see :mod:`mcdesigner.credential.elm_spec`). What only exists
at issue time is a marked placeholder (see :mod:`mcdesigner.credential.elm_parts`).
:func:`missing_for_credential` reports what the proposal still has to say.
"""

from __future__ import annotations

from mcdesigner.credential.elm_parts import (
    PLACEHOLDER,
    PLACEHOLDER_DATETIME,
    PLACEHOLDER_PNG,
    Scope,
    awarding_bodies,
    organisation,
    template_placeholders,
)
from mcdesigner.credential.elm_spec import assessment_spec, qualification
from mcdesigner.credential.gaps import CredentialGap, missing_for_credential
from mcdesigner.credential.vocab import (
    JsonDict,
    compact,
    concept,
    language_code_for_tag,
    language_concept,
    stable_uuid,
    vocabulary_concept,
)
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal

__all__ = [
    "ELM_CONTEXT",
    "PLACEHOLDER",
    "PLACEHOLDER_DATETIME",
    "CredentialGap",
    "missing_for_credential",
    "template_placeholders",
    "to_elm",
]

#: JSON-LD contexts of a European Digital Credential (W3C VC 1.1 + EDC application profile).
ELM_CONTEXT = [
    "https://www.w3.org/2018/credentials/v1",
    "http://data.europa.eu/snb/model/context/edc-ap",
]
#: SHACL profile the credential declares it conforms to.
EDC_GENERIC_PROFILE = "http://data.europa.eu/snb/model/ap/edc-generic-full"
_CREDENTIAL_SCHEME = "http://data.europa.eu/snb/credential/25831c2"
_GENERIC = "http://data.europa.eu/snb/credential/e34929035b"
_ENCODING_SCHEME = "http://data.europa.eu/snb/encoding/25831c2"
_BASE64 = "http://data.europa.eu/snb/encoding/6146cde7dd"
_FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type"


def to_elm(proposal: Proposal, *, text_language: str | None = None) -> JsonDict:
    """The credential template of ``proposal`` as a JSON-LD dictionary.

    ``text_language`` is the two-letter tag of the proposal's main language (by default the
    one it declares); it tags every text. The texts written in further languages the
    credential is issued in (``proposal.languages.credential``) join their language maps,
    and the display parameter lists every such language. The same proposal always gives
    the same document.
    """
    if text_language is None:
        text_language = proposal.languages.main
    if language_code_for_tag(text_language) is None:
        raise ValueError(f"{text_language!r} is not a two-letter language tag")
    scope = Scope(proposal, text_language)
    bodies = awarding_bodies(proposal)
    return compact(
        {
            "@context": list(ELM_CONTEXT),
            "id": f"urn:credential:{stable_uuid(proposal, 'credential')}",
            "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
            "credentialProfiles": [concept(_GENERIC, _CREDENTIAL_SCHEME, "Generic")],
            "credentialSchema": [{"id": EDC_GENERIC_PROFILE, "type": "ShaclValidator2017"}],
            "displayParameter": _display(scope),
            "issuer": organisation(scope, bodies[0], issuer=True) if bodies else None,
            "issued": PLACEHOLDER_DATETIME,
            "validFrom": PLACEHOLDER_DATETIME,
            "credentialSubject": _learner(scope),
        }
    )


def _learner(scope: Scope) -> JsonDict:
    """The learner (filled in at issue) and the achievement the credential claims."""
    proposal = scope.proposal
    awarding = compact(
        {
            "id": scope.id("awardingProcess"),
            "type": "AwardingProcess",
            "description": scope.field("certified.award_condition"),
            "awardingBody": [organisation(scope, org) for org in awarding_bodies(proposal)],
        }
    )
    return {
        "id": scope.id("person", "learner"),
        "type": "Person",
        "fullName": {scope.lang: PLACEHOLDER},
        "hasClaim": compact(
            {
                "id": scope.id("learningAchievement"),
                "type": "LearningAchievement",
                "title": scope.text(proposal.general.title),
                "description": scope.text(proposal.general.description),
                "awardedBy": awarding,
                "provenBy": _assessment(scope, awarding),
                "specifiedBy": qualification(scope),
            }
        ),
    }


def _assessment(scope: Scope, awarding: JsonDict) -> JsonDict | None:
    """The learner's assessment: grade to be filled in, supervision as certified."""
    spec = assessment_spec(scope)
    if spec is None:
        return None
    supervision = scope.proposal.certified.supervision
    return compact(
        {
            "id": scope.id("learningAssessment"),
            "type": "LearningAssessment",
            "title": spec["title"],
            "grade": {
                "id": scope.id("note", "grade"),
                "type": "Note",
                "noteLiteral": {scope.lang: PLACEHOLDER},
            },
            "idVerification": (
                vocabulary_concept("supervision-verification", supervision) if supervision else None
            ),
            "awardedBy": awarding,
            "specifiedBy": spec,
        }
    )


def _display(scope: Scope) -> JsonDict:
    """How the credential is shown; the issuing system renders the real image.

    One individual display per language of the credential, the main language first.
    """
    languages = []
    for tag in scope.languages:
        code = language_code_for_tag(tag)
        if code is not None:
            languages.append((tag, language_concept(code)))
    main = languages[0][1]  # the main language was checked by to_elm
    title = scope.proposal.general.title or tr("Micro-credential")
    return {
        "id": scope.id("displayParameter"),
        "type": "DisplayParameter",
        "title": scope.field("general.title", title),
        "language": [concept for _, concept in languages],
        "primaryLanguage": main,
        "individualDisplay": [_individual(scope, tag, concept) for tag, concept in languages],
    }


def _individual(scope: Scope, tag: str, language: JsonDict) -> JsonDict:
    key = "" if tag == scope.lang else tag  # the main display keeps its earlier id
    image = {
        "id": scope.id("mediaObject", f"display{key}"),
        "type": "MediaObject",
        "title": {tag: PLACEHOLDER},
        "content": PLACEHOLDER_PNG,
        "contentEncoding": concept(_BASE64, _ENCODING_SCHEME, "base64"),
        "contentType": concept(f"{_FILE_TYPES}/PNG", _FILE_TYPES, "PNG"),
    }
    return {
        "id": scope.id("individualDisplay", key),
        "type": "IndividualDisplay",
        "language": language,
        "displayDetail": [
            {
                "id": scope.id("displayDetail", key),
                "type": "DisplayDetail",
                "page": 1,
                "image": image,
            }
        ],
    }
