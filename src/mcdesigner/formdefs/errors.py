"""The one exception a broken form definition raises, naming file, field and problem."""

from __future__ import annotations

import re
from pathlib import Path

_LINE_RE = re.compile(r"line (\d+)")


class FormDefinitionError(Exception):
    """A form file that cannot be used, with the place and the reason.

    ``str(error)`` reads like
    ``forms/general.toml: field 'general.titel': no such field in the proposal model``.
    ``line`` is set for TOML syntax errors when the parser reports it.
    """

    def __init__(
        self, file: Path, problem: str, field: str | None = None, line: int | None = None
    ) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        self.line = line
        super().__init__(self._message())

    @classmethod
    def from_syntax(cls, file: Path, problem: str) -> FormDefinitionError:
        """Build the error for a TOML parse failure, picking the line out of the message."""
        match = _LINE_RE.search(problem)
        return cls(file, problem, line=int(match.group(1)) if match else None)

    def _message(self) -> str:
        where = (
            f"{self.file.parent.name}/{self.file.name}" if self.file.parent.name else self.file.name
        )
        if self.field is not None:
            return f"{where}: field '{self.field}': {self.problem}"
        return f"{where}: {self.problem}"

    def __reduce__(self) -> tuple[type[FormDefinitionError], tuple[object, ...]]:
        return (type(self), (self.file, self.problem, self.field, self.line))
