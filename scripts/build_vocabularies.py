"""Regenerate resources/vocabularies/*.json from the ELM v3 vocabulary XSD files.

Usage: python scripts/build_vocabularies.py PATH/TO/elm/vocabularies

Each output file holds one controlled vocabulary: its scheme URI, a label and the
terms (URI, English label, short notation). The app reads only the JSON files.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

XS = "{http://www.w3.org/2001/XMLSchema}"
OUT = Path(__file__).resolve().parent.parent / "resources" / "vocabularies"

# output id -> (xsd file stem, human label of the vocabulary)
SOURCES = {
    "eqf": ("eqf", "EQF level"),
    "isced-f": ("isced-f", "Field of education and training (ISCED-F 2013)"),
    "education-credit": ("credit-points", "Credit system"),
    "learning-assessment": ("europass-modes", "Mode of learning and assessment"),
    "learning-setting": ("europass-learning-setting-types", "Learning setting"),
    "learning-opportunity": ("europass-learning-opportunity-types", "Type of learning opportunity"),
    "learning-activity": ("europass-learning-activity-types", "Type of learning activity"),
    "assessment": ("europass-learning-assessment-types", "Type of assessment"),
    "learning-schedule": ("europass-learning-schedule-types", "Learning schedule"),
    "target-group": ("europass-target-groups", "Target group"),
    "entitlement": ("europass-learning-entitlement-types", "Type of entitlement"),
    "entitlement-status": ("europass-learning-entitlement-statuses", "Entitlement status"),
    "accreditation": ("europass-accreditation-types", "Type of quality assurance"),
    "skill-type": ("skill-types", "Skill type"),
    "skill-reuse-level": ("skill-reuse-levels", "Skill reuse level"),
}


def parse(path: Path) -> tuple[str, list[dict[str, str]]]:
    root = ET.parse(path).getroot()
    scheme = root.get("targetNamespace", "")
    terms = []
    for enum in root.iter(f"{XS}enumeration"):
        uri = enum.get("value", "")
        doc = enum.find(f"{XS}annotation/{XS}documentation")
        label = re.sub(r"\s+", " ", (doc.text or "") if doc is not None else "").strip()
        notation = uri.rstrip("/").rsplit("/", 1)[-1]
        terms.append({"uri": uri, "label": label, "notation": notation})
    return scheme, terms


def main(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for vocab_id, (stem, label) in SOURCES.items():
        scheme, terms = parse(src / f"{stem}.xsd")
        if vocab_id == "eqf" or vocab_id == "isced-f":
            terms.sort(key=lambda t: (len(t["notation"]), t["notation"]))
        else:
            terms.sort(key=lambda t: t["label"].lower())
        data = {"id": vocab_id, "scheme": scheme, "label": label, "terms": terms}
        (OUT / f"{vocab_id}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"{vocab_id}: {len(terms)} terms")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
