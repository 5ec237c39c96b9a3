"""Typed access to one TOML table, failing loudly with the file and field at hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from mcdesigner.formdefs.errors import FormDefinitionError
from mcdesigner.i18n import tr


@dataclass(frozen=True, slots=True)
class Table:
    """A TOML table read from ``file``, described as ``where`` in messages."""

    file: Path
    where: str  # e.g. "group 'outcomes'"; empty at the top of a file
    data: dict[str, Any]
    field: str | None = None

    def fail(self, problem: str, field: str | None = None) -> NoReturn:
        """Raise a :class:`FormDefinitionError` located at this table."""
        prefix = f"{self.where}: " if self.where and (field or self.field) is None else ""
        raise FormDefinitionError(self.file, prefix + problem, field or self.field)

    def check_keys(self, allowed: set[str], required: set[str]) -> None:
        """Reject unknown keys and missing required keys."""
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            self.fail(
                tr("unknown key '{key}' (allowed: {allowed})", "forms").format(
                    key=unknown[0], allowed=", ".join(sorted(allowed))
                )
            )
        missing = sorted(required - set(self.data))
        if missing:
            self.fail(tr("missing key '{key}'", "forms").format(key=missing[0]))

    def text(self, key: str, default: str | None = None, *, nonempty: bool = True) -> str:
        """A string value; required (and non-blank) unless a default is given."""
        if key not in self.data:
            if default is None:
                self.fail(tr("missing key '{key}'", "forms").format(key=key))
            return default
        value = self.data[key]
        if not isinstance(value, str):
            self.fail(tr("'{key}' must be a text in quotes", "forms").format(key=key))
        if nonempty and not value.strip():
            self.fail(tr("'{key}' must not be empty", "forms").format(key=key))
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        """A string value or None when the key is absent."""
        return self.text(key) if key in self.data else None

    def integer(self, key: str, default: int | None = None, minimum: int = 0) -> int:
        """A whole number at least ``minimum``."""
        if key not in self.data:
            if default is None:
                self.fail(tr("missing key '{key}'", "forms").format(key=key))
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(
                tr("'{key}' must be a whole number of at least {minimum}", "forms").format(
                    key=key, minimum=minimum
                )
            )
        return value

    def flag(self, key: str, default: bool | None = None) -> bool:
        """A true/false value."""
        if key not in self.data:
            if default is None:
                self.fail(tr("missing key '{key}'", "forms").format(key=key))
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.fail(tr("'{key}' must be true or false", "forms").format(key=key))
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of strings (empty when absent)."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(tr("'{key}' must be a list of texts", "forms").format(key=key))
        return tuple(value)

    def tables(self, key: str, where: str) -> list[Table]:
        """The array of tables under ``key`` (``[[key]]``), each as a :class:`Table`."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(tr("'{key}' must be an array of tables ([[{key}]])", "forms").format(key=key))
        return [Table(self.file, f"{where} {index + 1}", v) for index, v in enumerate(value)]

    def sub(self, key: str) -> Table | None:
        """The inline table under ``key``, or None when absent."""
        if key not in self.data:
            return None
        value = self.data[key]
        if not isinstance(value, dict):
            self.fail(tr("'{key}' must be a table", "forms").format(key=key))
        return Table(self.file, f"{self.where} {key}".strip(), value, self.field)
