"""A length of time a proposal states (the maximum duration), and its ISO 8601 form."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from mcdesigner.model.base import Strict

DurationUnit = Literal["days", "weeks", "months", "years"]

#: ISO 8601 designator of each duration unit (``P3W``: three weeks).
_DURATION_DESIGNATORS: dict[str, str] = {"days": "D", "weeks": "W", "months": "M", "years": "Y"}


class Duration(Strict):
    """A length of time stated as a number of days, weeks, months or years."""

    amount: Annotated[int, Field(ge=1, le=1000)] | None = None
    unit: DurationUnit | None = None

    @property
    def iso(self) -> str | None:
        """The duration in ISO 8601 (``P1M``); ``None`` until both parts are given."""
        if self.amount is None or self.unit is None:
            return None
        return f"P{self.amount}{_DURATION_DESIGNATORS[self.unit]}"
