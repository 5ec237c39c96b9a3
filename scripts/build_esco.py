"""Regenerate resources/esco/skills.json.gz from the ESCO skills pillar CSV download.

Usage: python scripts/build_esco.py PATH/TO/esco [--version "v1.0 series"]

The folder holds the ESCO CSV files ``skills_en-us.csv``, ``skills_es.csv``,
``skills_fr.csv`` and ``skillGroups_en.csv``. The output keeps, for each skill and
competence, the part of its address after ``http://data.europa.eu/esco/skill/``, its skill
type and reuse level, its preferred and alternative labels in English, Spanish and French
and its English description; skill groups are kept so their addresses are known. The app
reads only the compressed JSON file (see :mod:`mcdesigner.esco.data`).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "esco" / "skills.json.gz"
PREFIX = "http://data.europa.eu/esco/skill/"
LANGUAGES = {"en": "skills_en-us.csv", "es": "skills_es.csv", "fr": "skills_fr.csv"}
GROUPS = "skillGroups_en.csv"
SKILL_TYPES = {"skill/competence": "s", "knowledge": "k", "skill/competence knowledge": "sk"}
FORMAT = 1


def _line(text: str) -> str:
    """One label with its runs of spaces collapsed (a few source labels hold double spaces)."""
    return re.sub(r"\s+", " ", text).strip()


def _alternatives(text: str) -> list[str]:
    seen: list[str] = []
    for line in text.split("\n"):
        label = _line(line)
        if label and label not in seen:
            seen.append(label)
    return seen


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _suffix(uri: str) -> str:
    if not uri.startswith(PREFIX):
        raise ValueError(f"not an ESCO skill address: {uri}")
    return uri[len(PREFIX) :]


def build(folder: Path, version: str) -> dict[str, object]:
    """The resource's content from the CSV files in ``folder``."""
    by_language = {lang: _read(folder / name) for lang, name in LANGUAGES.items()}
    english = by_language["en"]
    labels: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for lang, rows in by_language.items():
        labels[lang] = {
            row["conceptUri"]: (_line(row["preferredLabel"]), _alternatives(row["altLabels"]))
            for row in rows
        }
    skills = []
    for row in sorted(english, key=lambda r: r["conceptUri"]):
        uri = row["conceptUri"]
        entry: list[object] = [
            _suffix(uri),
            SKILL_TYPES[row["skillType"]],
            row["reuseLevel"],
        ]
        for lang in LANGUAGES:
            preferred, alternatives = labels[lang].get(uri, ("", []))
            entry.extend([preferred, alternatives])
        entry.append(_line(row["description"]))
        skills.append(entry)
    groups = [
        [
            _suffix(row["conceptUri"]),
            _line(row["preferredLabel"]),
            _alternatives(row["altLabels"]),
            _line(row["description"]),
        ]
        for row in sorted(_read(folder / GROUPS), key=lambda r: r["conceptUri"])
    ]
    return {
        "format": FORMAT,
        "version": version,
        "languages": list(LANGUAGES),
        "columns": [
            "address",
            "skill_type",
            "reuse_level",
            *(f"{part}_{lang}" for lang in LANGUAGES for part in ("label", "alternatives")),
            "description",
        ],
        "skills": skills,
        "groups": groups,
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--version", default="v1.0 series")
    args = parser.parse_args(argv)
    content = build(args.folder, args.version)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    # mtime=0 keeps the file byte-identical when the data is unchanged.
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    skills = content["skills"]
    assert isinstance(skills, list)
    print(f"{OUT}: {len(skills)} skills, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
