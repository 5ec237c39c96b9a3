"""Regenerate resources/esco/skills.json.gz from the ESCO skills pillar CSV download.

Usage: python scripts/build_esco.py PATH/TO/esco [--version "v1.0 series"]

The folder holds the ESCO CSV files ``skills_en-us.csv``, ``skills_es.csv``,
``skills_fr.csv`` and ``skillGroups_en.csv``. The output keeps, for each skill and
competence, the part of its address after ``http://data.europa.eu/esco/skill/``, its skill
type and reuse level, its preferred and alternative labels in English, Spanish and French
and its English description; skill groups are kept so their addresses are known. The app
reads only the compressed JSON file (see :mod:`mcdesigner.esco.data`). The weights the
outcome suggestions rank by are computed from it once here and written beside it
(``labels.json.gz``, ``suggestions.json.gz``, see :mod:`mcdesigner.esco.prebuilt`).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from pathlib import Path

from mcdesigner.esco import prebuilt
from mcdesigner.esco.data import RESOURCE, read_catalog
from mcdesigner.esco.label_index import label_phrases
from mcdesigner.esco.suggestions import encode_postings, weighted_postings

OUT = RESOURCE
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
    # Label forms and suggestion weights take seconds to compute: they ship ready-made.
    data = read_catalog(OUT)
    stamp = prebuilt.fingerprint(OUT.read_bytes())
    phrases = label_phrases(data)
    prebuilt.LABELS.write_bytes(prebuilt.encode(phrases, stamp))
    postings = weighted_postings(data)
    prebuilt.SUGGESTIONS.write_bytes(prebuilt.encode(encode_postings(postings), stamp))
    for path, what in (
        (prebuilt.LABELS, f"{len(phrases)} labels"),
        (prebuilt.SUGGESTIONS, f"{len(postings)} terms"),
    ):
        print(f"{path}: {what}, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
