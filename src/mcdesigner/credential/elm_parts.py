"""Pieces of the European Learning Model document: scope, notes, organisations, placeholders.

A credential exported from a proposal is a TEMPLATE: the learner, the issue date, the
grade, the issuer's eIDAS legal identifier and the rendered display image only exist when
a credential is actually issued. Those values hold :data:`PLACEHOLDER` (or
:data:`PLACEHOLDER_DATETIME` for dates) so the document already has the shape the EDC
profile requires, and :func:`template_placeholders` lists where the issuing system must
write the real values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mcdesigner.credential.gaps import awarding_country
from mcdesigner.credential.vocab import (
    JsonDict,
    compact,
    country_concept,
    epass_id,
    lang_map,
)
from mcdesigner.model.fieldpath import get_value
from mcdesigner.model.proposal import Organisation, Proposal
from mcdesigner.model.translations import translation

#: Value of every field the issuing system must replace when it issues the credential.
PLACEHOLDER = "TO-BE-FILLED-BY-ISSUER"
#: Stand-in for dates set at issue time: a valid ``xsd:dateTime`` nobody takes for real.
PLACEHOLDER_DATETIME = "0001-01-01T00:00:00Z"
#: A one-pixel white PNG standing in for the rendered credential image (base64).
PLACEHOLDER_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4//8/AAX+Av4zEpUUAAAAAElFTkSuQmCC"
)


@dataclass(frozen=True, slots=True)
class Scope:
    """The proposal being exported and the language tag of its text."""

    proposal: Proposal
    lang: str

    def id(self, kind: str, key: str = "") -> str:
        """A stable ``urn:epass:<kind>:<uuid>`` for the object ``kind``/``key``."""
        return epass_id(self.proposal, kind, key)

    def text(self, value: str) -> dict[str, str] | None:
        """``value`` as a language map in the proposal's language (``None`` when empty)."""
        return lang_map(value, self.lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the credential is issued in, the proposal's main language first."""
        languages = self.proposal.languages
        main = (self.lang, languages.main)  # the fields hold the main-language text
        return (self.lang, *(lang for lang in languages.credential if lang not in main))

    def field(self, path: str, value: str | None = None) -> dict[str, str] | None:
        """The text at ``path`` as a language map in every language of the credential.

        A language whose translation is missing is left out of the map rather than given
        the main text under its tag. ``value`` replaces the main-language text (for a
        text with a fallback, such as an activity's type when it has no title).
        """
        found: dict[str, str] = {}
        for language in self.languages:
            if language != self.lang:
                text = translation(self.proposal, language, path)
            else:
                text = value if value is not None else str(get_value(self.proposal, path))
            if text:
                found[language] = text
        return found or None

    def field_note(self, key: str, path: str) -> JsonDict | None:
        """An ELM ``Note`` holding the text at ``path`` in every language of the credential."""
        literal = self.field(path)
        if literal is None:
            return None
        return {"id": self.id("note", key), "type": "Note", "noteLiteral": literal}

    def note(self, key: str, value: str) -> JsonDict | None:
        """An ELM ``Note`` holding ``value`` (``None`` when empty)."""
        if not value:
            return None
        return {"id": self.id("note", key), "type": "Note", "noteLiteral": {self.lang: value}}

    def notes(self, *pairs: tuple[str, str]) -> list[JsonDict]:
        """Notes for every non-empty ``(key, text)`` pair."""
        return [n for key, value in pairs if (n := self.note(key, value)) is not None]


def date_time(day: dt.date) -> str:
    """Midnight UTC of ``day`` as an ``xsd:dateTime``."""
    return f"{day.isoformat()}T00:00:00Z"


def web_resource(scope: Scope, key: str, url: str) -> JsonDict:
    """A ``WebResource`` pointing at ``url``."""
    return {"id": scope.id("webResource", key), "type": "WebResource", "contentURL": url}


def awarding_bodies(proposal: Proposal) -> list[Organisation]:
    """The awarding institutions that can appear on a credential (they have a name)."""
    return [org for org in proposal.general.awarding_institutions if org.name]


def location(scope: Scope, key: str, country: str | None, region: str = "") -> JsonDict:
    """A ``Location`` whose address carries the country (and optionally a region name)."""
    address = compact(
        {
            "id": scope.id("address", key),
            "type": "Address",
            "countryCode": country_concept(country) if country else None,
        }
    )
    return compact(
        {
            "id": scope.id("location", key),
            "type": "Location",
            "geographicName": scope.text(region),
            "address": address,
        }
    )


def organisation(scope: Scope, org: Organisation, *, issuer: bool = False) -> JsonDict:
    """An awarding institution as an ELM ``Organisation``.

    The first awarding institution issues the credential; its location also carries the
    issuer's region. As issuer it gets the eIDAS legal identifier the EDC profile demands,
    as a placeholder, since a proposal does not hold it.
    """
    proposal = scope.proposal
    country = awarding_country(proposal, org)
    first = bool(proposal.general.awarding_institutions) and (
        proposal.general.awarding_institutions[0].id == org.id
    )
    region = proposal.general.issuer_region if first else ""
    result: JsonDict = compact(
        {
            "id": scope.id("org", org.id),
            "type": "Organisation",
            "legalName": scope.text(org.name),
            "location": location(scope, org.id, country, region),
            "homepage": web_resource(scope, org.id, org.website) if org.website else None,
        }
    )
    if issuer:
        result["eIDASIdentifier"] = compact(
            {
                "id": scope.id("legalIdentifier", org.id),
                "type": "LegalIdentifier",
                "notation": PLACEHOLDER,
                "spatial": country_concept(country) if country else None,
            }
        )
    return result


def accrediting_agent(scope: Scope, parent: Organisation | None) -> JsonDict | None:
    """The body responsible for quality assurance, a unit of the first awarding body."""
    body = scope.proposal.quality.responsible_body
    if not body:
        return None
    country = awarding_country(scope.proposal, parent) if parent else None
    if country is None and scope.proposal.general.issuer_countries:
        country = scope.proposal.general.issuer_countries[0]
    return compact(
        {
            "id": scope.id("org", "quality-assurance-body"),
            "type": "Organisation",
            "legalName": scope.text(body),
            "location": location(scope, "quality-assurance-body", country),
            "subOrganizationOf": scope.id("org", parent.id) if parent else None,
        }
    )


def template_placeholders(document: Any, path: str = "") -> list[str]:
    """Dotted paths (``issuer.eIDASIdentifier.notation``) of every placeholder in ``document``."""
    found: list[str] = []
    if isinstance(document, dict):
        for key, value in document.items():
            found += template_placeholders(value, f"{path}.{key}" if path else key)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += template_placeholders(value, f"{path}[{index}]")
    elif document in (PLACEHOLDER, PLACEHOLDER_DATETIME):
        found.append(path)
    return found
