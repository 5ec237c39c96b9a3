"""Use cases of institution profiles, shared by the Preferences dialog and the command line.

:func:`profile_summary` describes the profile in use in words (name, country, website,
logo, defaults, documents, rubric); :func:`install` and :func:`remove` change it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mcdesigner.formatting import formatter
from mcdesigner.i18n import tr
from mcdesigner.model.vocabularies import COUNTRY, get_vocabulary
from mcdesigner.profiles import (
    InstalledProfile,
    ProfileError,
    install_profile,
    installed_profile,
    remove_profile,
)
from mcdesigner.review.rubrics import Rubric, RubricError, default_rubrics, load_rubric

__all__ = [
    "InstalledProfile",
    "ProfileError",
    "ProfileLine",
    "current_profile",
    "install",
    "profile_summary",
    "remove",
    "review_rubrics",
]


@dataclass(frozen=True, slots=True)
class ProfileLine:
    """One line of a profile's description: what and its value."""

    label: str
    value: str


def current_profile() -> InstalledProfile | None:
    """The profile in use (None without one); raises ProfileError when it is damaged."""
    return installed_profile()


def install(source: Path) -> InstalledProfile:
    """Install the profile at ``source`` (a folder or a ``.mcprofile`` file)."""
    return install_profile(source)


def remove() -> bool:
    """Stop using the installed profile; False when there was none."""
    return remove_profile()


def profile_summary(installed: InstalledProfile) -> list[ProfileLine]:
    """The profile in words, one line per thing it sets."""
    profile = installed.profile
    institution = profile.institution
    number = formatter().number
    lines = [ProfileLine(tr("Institution"), institution.name)]
    if institution.country:
        country = get_vocabulary(COUNTRY).label_of(institution.country)
        lines.append(ProfileLine(tr("Country"), country))
    if institution.website:
        lines.append(ProfileLine(tr("Website"), institution.website))
    if institution.logo:
        lines.append(ProfileLine(tr("Logo"), institution.logo))
    defaults = profile.defaults
    if defaults.currency:
        lines.append(ProfileLine(tr("Currency"), defaults.currency))
    low, high = defaults.hours_per_credit_min, defaults.hours_per_credit_max
    if low is not None or high is not None:
        hours = number(low if low is not None else high)
        if low is not None and high is not None and low != high:
            hours = tr("{low} to {high}").format(low=number(low), high=number(high))
        lines.append(ProfileLine(tr("Hours per ECTS credit"), hours))
    if profile.documents.word_template:
        lines.append(ProfileLine(tr("Word template"), profile.documents.word_template))
    if profile.documents.pdf_layout:
        lines.append(ProfileLine(tr("PDF layout"), profile.documents.pdf_layout))
    if profile.review.rubric:
        lines.append(ProfileLine(tr("Review rubric"), profile.review.rubric))
    lines.append(ProfileLine(tr("Installed in"), str(installed.folder)))
    return lines


def review_rubrics() -> dict[str, Rubric]:
    """The rubrics reviewers score with: the bundled ones, then the institution's own (it
    replaces a bundled one of the same id). A damaged profile adds none."""
    rubrics = dict(default_rubrics())
    try:
        installed = installed_profile()
        if installed is not None and installed.rubric is not None:
            rubric = load_rubric(installed.rubric)
            rubrics[rubric.id] = rubric
    except (ProfileError, RubricError):
        pass
    return rubrics
