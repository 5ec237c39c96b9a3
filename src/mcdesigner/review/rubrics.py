"""Review rubrics declared as data in ``forms/rubrics/*.toml``.

A rubric has a scale (lowest and highest score, a label per score) and criteria grouped
into areas. Files are loaded into frozen objects; a mistake names the file and the problem.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mcdesigner.i18n import current_language, tr
from mcdesigner.paths import forms_dir


class RubricError(ValueError):
    """A rubric file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """One thing a reviewer scores."""

    id: str
    title: str
    description: str
    group: str


@dataclass(frozen=True, slots=True)
class Rubric:
    """A scoring scheme: scale and criteria."""

    id: str
    title: str
    help: str
    minimum: int
    maximum: int
    labels: dict[int, str]
    criteria: tuple[Criterion, ...]

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def groups(self) -> list[str]:
        """Area names in the order they first appear."""
        return list(dict.fromkeys(c.group for c in self.criteria))

    def score_label(self, score: int | None) -> str:
        if score is None:
            return ""
        return f"{score} – {self.labels[score]}" if score in self.labels else str(score)


def _require(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise RubricError(f"{where}: missing '{key}'")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RubricError(f"{where}: '{key}' must be a {kind.__name__}")
    return value


def _t(text: str) -> str:
    """A rubric text in the user's language (the catalogs hold them without outer spaces)."""
    return tr(text.strip(), "rubrics") if text.strip() else ""


def _parse(path: Path) -> Rubric:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RubricError(f"{path}: {exc}") from None
    allowed = {"id", "title", "help", "version", "scale", "criteria"}
    unknown = set(data) - allowed
    if unknown:
        raise RubricError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    scale = _require(data, "scale", dict, str(path))
    low = _require(scale, "min", int, f"{path}: scale")
    high = _require(scale, "max", int, f"{path}: scale")
    if low >= high:
        raise RubricError(f"{path}: scale min must be below max")
    raw_labels = scale.get("labels", {})
    labels: dict[int, str] = {}
    for key, text in raw_labels.items():
        if not key.isdigit() or not low <= int(key) <= high:
            raise RubricError(f"{path}: scale label {key!r} is outside {low}-{high}")
        labels[int(key)] = _t(str(text))
    criteria = []
    seen: set[str] = set()
    for index, raw in enumerate(_require(data, "criteria", list, str(path))):
        where = f"{path}: criterion {index + 1}"
        if not isinstance(raw, dict):
            raise RubricError(f"{where}: must be a table")
        crit_id = _require(raw, "id", str, where)
        if crit_id in seen:
            raise RubricError(f"{path}: criterion '{crit_id}' appears twice")
        seen.add(crit_id)
        criteria.append(
            Criterion(
                id=crit_id,
                title=_t(_require(raw, "title", str, f"{path}: criterion '{crit_id}'")),
                description=_t(str(raw.get("description", ""))),
                group=_t(str(raw.get("group", ""))),
            )
        )
    if not criteria:
        raise RubricError(f"{path}: a rubric needs at least one criterion")
    return Rubric(
        id=_require(data, "id", str, str(path)),
        title=_t(_require(data, "title", str, str(path))),
        help=_t(str(data.get("help", ""))),
        minimum=low,
        maximum=high,
        labels=labels,
        criteria=tuple(criteria),
    )


def load_rubric(path: Path) -> Rubric:
    """The rubric in the file ``path``; raises :class:`RubricError` naming what is wrong."""
    try:
        return _parse(path)
    except (OSError, UnicodeDecodeError) as error:
        raise RubricError(f"{path}: {error}") from None


def load_rubrics(directory: Path | None = None) -> dict[str, Rubric]:
    """Every rubric in ``directory`` (default ``forms/rubrics``), by id."""
    directory = directory or forms_dir() / "rubrics"
    rubrics: dict[str, Rubric] = {}
    for path in sorted(directory.glob("*.toml")):
        rubric = _parse(path)
        if rubric.id in rubrics:
            raise RubricError(f"{path}: rubric id '{rubric.id}' is used twice")
        rubrics[rubric.id] = rubric
    return rubrics


@cache
def _rubrics_in(language: str) -> dict[str, Rubric]:
    return load_rubrics()


def default_rubrics() -> dict[str, Rubric]:
    """The rubrics shipped with the app, in the language in use (loaded once per language)."""
    return _rubrics_in(current_language())
