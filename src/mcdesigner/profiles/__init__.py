"""Institution profiles: what a quality office hands out so every proposal of the
institution starts from the same name, logo, defaults and document templates.

A profile is a folder, or a ``.mcprofile`` file (a zip of that folder), holding
``profile.toml`` and the files it names (see :mod:`mcdesigner.profiles.model` for the
keys). :func:`install_profile` checks it completely (every message names the file and the
key) and copies it into the user's config folder, replacing the profile installed before;
:func:`installed_profile` reads the profile in use, or None. Nothing is ever written inside
the installed application.
"""

from __future__ import annotations

from mcdesigner.profiles.files import (
    PROFILE_FILE,
    ProfileError,
    install_profile,
    installed_profile,
    profile_dir,
    read_profile,
    remove_profile,
)
from mcdesigner.profiles.model import InstalledProfile, InstitutionProfile

__all__ = [
    "PROFILE_FILE",
    "InstalledProfile",
    "InstitutionProfile",
    "ProfileError",
    "install_profile",
    "installed_profile",
    "profile_dir",
    "read_profile",
    "remove_profile",
]
