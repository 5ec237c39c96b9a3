"""What an institution profile says, checked as the proposal model checks its fields.

``profile.toml``::

    [institution]
    name = "Universidad de Oviedo"       # required
    country = "ESP"                      # EU country code (ISO 3166-1 alpha-3), as in proposals
    website = "https://www.uniovi.es"
    logo = "logo.png"                    # a PNG or JPEG file of the profile

    [defaults]                           # for new proposals and the checks
    currency = "EUR"
    hours_per_credit_min = 25
    hours_per_credit_max = 25

    [documents]                          # both optional: the bundled ones otherwise
    word_template = "base.docx"
    pdf_layout = "pdf_layout.toml"

    [review]
    rubric = "rubric.toml"               # an extra review rubric (forms/rubrics format)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from mcdesigner.i18n import tr
from mcdesigner.model.base import Link, Strict
from mcdesigner.model.terms import Country, Currency
from mcdesigner.model.text import ShortText

#: A profile's file names: one plain name inside the profile (no folders).
FileName = str


class Institution(Strict):
    """The institution the profile belongs to."""

    name: ShortText
    country: Country | None = None
    website: Link = ""
    logo: FileName = ""

    @field_validator("name")
    @classmethod
    def _named(cls, name: str) -> str:
        if not name.strip():
            raise ValueError(tr("write the institution's name"))
        return name


class Defaults(Strict):
    """What new proposals and the checks start from."""

    currency: Currency | None = None
    hours_per_credit_min: float | None = Field(None, ge=10, le=40)
    hours_per_credit_max: float | None = Field(None, ge=10, le=40)

    @model_validator(mode="after")
    def _ordered(self) -> Defaults:
        low, high = self.hours_per_credit_min, self.hours_per_credit_max
        if low is not None and high is not None and low > high:
            raise ValueError(tr("hours_per_credit_min is above hours_per_credit_max"))
        return self


class Documents(Strict):
    """The institution's own document templates."""

    word_template: FileName = ""
    pdf_layout: FileName = ""


class ReviewSettings(Strict):
    """The institution's own review rubric."""

    rubric: FileName = ""


class InstitutionProfile(Strict):
    """The contents of ``profile.toml``."""

    institution: Institution
    defaults: Defaults = Field(default_factory=Defaults)
    documents: Documents = Field(default_factory=Documents)
    review: ReviewSettings = Field(default_factory=ReviewSettings)

    def files(self) -> dict[str, str]:
        """The files the profile names, by the key naming them (``"institution.logo"``)."""
        named = {
            "institution.logo": self.institution.logo,
            "documents.word_template": self.documents.word_template,
            "documents.pdf_layout": self.documents.pdf_layout,
            "review.rubric": self.review.rubric,
        }
        return {key: name for key, name in named.items() if name}


@dataclass(frozen=True, slots=True)
class InstalledProfile:
    """A profile as installed: what it says and the folder holding its files."""

    profile: InstitutionProfile
    folder: Path

    @property
    def name(self) -> str:
        return self.profile.institution.name

    def path_of(self, name: str) -> Path | None:
        """The installed file ``name`` of the profile (None when the profile names none)."""
        return self.folder / name if name else None

    @property
    def logo(self) -> Path | None:
        return self.path_of(self.profile.institution.logo)

    @property
    def word_template(self) -> Path | None:
        return self.path_of(self.profile.documents.word_template)

    @property
    def pdf_layout(self) -> Path | None:
        return self.path_of(self.profile.documents.pdf_layout)

    @property
    def rubric(self) -> Path | None:
        return self.path_of(self.profile.review.rubric)
