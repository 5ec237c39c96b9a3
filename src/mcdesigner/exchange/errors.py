"""The one error every exchange-file problem is reported with, in words a user can act on.

Readers check a file completely before returning anything, so an :class:`ExchangeError`
always means that nothing was imported and nothing in the store was changed. Writers
replace the target atomically, so a failed write leaves any earlier file as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mcdesigner.i18n import tr
from mcdesigner.model.validation import problem_text

#: How many individual validation problems a message lists before summarising the rest.
MAX_LISTED_PROBLEMS = 3


class ExchangeError(Exception):
    """A proposal or review file could not be read or written.

    ``reason`` says what is wrong; ``file`` names the file when one is involved. The
    message (``str(error)``) joins both and, for reading, says that nothing was changed.
    """

    def __init__(self, reason: str, *, file: Path | None = None, writing: bool = False) -> None:
        self.reason = reason
        self.file = file
        self.writing = writing
        super().__init__(self._message())

    def _message(self) -> str:
        reason = self.reason.rstrip(".")  # the sentences below add their own full stop
        if self.writing:
            if self.file is None:
                return tr("Cannot write the file: {reason}.").format(reason=reason)
            return tr(
                "Cannot write “{file}”: {reason}. Any existing file was left as it was."
            ).format(file=self.file.name, reason=reason)
        if self.file is None:
            return tr("{reason}. Nothing was changed.").format(reason=_capitalised(reason))
        return tr("Cannot open “{file}”: {reason}. Nothing was changed.").format(
            file=self.file.name, reason=reason
        )

    def for_file(self, file: Path) -> ExchangeError:
        """The same problem, reported against ``file``."""
        return ExchangeError(self.reason, file=file, writing=self.writing)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def shown(name: str, limit: int = 80) -> str:
    """``name`` made safe to print: control and odd characters escaped, long names cut."""
    text = name.encode("unicode_escape").decode("ascii")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _location(loc: Sequence[int | str]) -> str:
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts.append(tr("item {number}").format(number=step + 1))
        else:
            parts.append(shown(step.replace("_", " "), 60))
    return " › ".join(parts) if parts else tr("the document")


def _problem_text(error: dict[str, Any]) -> str:
    message = problem_text(error).rstrip(".") if error.get("msg") else ""
    return message[:1].lower() + message[1:] if message else tr("invalid value")


def summarise_validation_error(error: ValidationError, *, what: str) -> str:
    """A plain-words reason listing the first few problems of ``error`` with their places.

    Example: ``the proposal is not valid: general › title: string should have at most
    500 characters; staff › item 2 › email: 'x' is not an e-mail address (and 3 more
    problems)``.
    """
    problems = error.errors(include_url=False)
    listed = "; ".join(
        tr("{place}: {problem}").format(
            place=_location(problem["loc"]), problem=_problem_text(dict(problem))
        )
        for problem in problems[:MAX_LISTED_PROBLEMS]
    )
    reason = tr("{what} is not valid: {problems}").format(what=what, problems=listed)
    remaining = len(problems) - MAX_LISTED_PROBLEMS
    if remaining == 1:
        reason += " " + tr("(and one more problem)")
    elif remaining > 1:
        reason += " " + tr("(and {count} more problems)").format(count=remaining)
    return reason
