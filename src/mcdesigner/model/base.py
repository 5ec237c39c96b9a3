"""Shared building blocks of the proposal model: strict base classes, ids and scalar types."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from mcdesigner.fieldtypes import EMAIL, LINK, PERCENT, check_email, check_url
from mcdesigner.i18n import tr

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")

#: Most items one list may hold; far above any real proposal, low enough to stop abuse.
MAX_ITEMS = 2_000


def new_id() -> str:
    """A short random identifier for a list item (stable for the item's whole life)."""
    return uuid.uuid4().hex[:12]


def new_proposal_id() -> str:
    """A random identifier for a whole proposal."""
    return str(uuid.uuid4())


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            "an id has 1-64 letters, digits, '.', '_' or '-' and starts with a letter or digit"
        )
    return value


ItemId = Annotated[str, AfterValidator(_check_id)]
Email = Annotated[str, Field(max_length=320), EMAIL, AfterValidator(check_email)]
Link = Annotated[str, Field(max_length=2_000), LINK, AfterValidator(check_url)]
Hours = Annotated[float, Field(ge=0, le=100_000)]
Credits = Annotated[float, Field(ge=0, le=1_000)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
Percent = Annotated[float, Field(ge=0, le=100), PERCENT]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("1e12"), decimal_places=2)]
Units = Annotated[float, Field(ge=0, le=1_000_000)]

# A day inside the calendar's ends, so the moment can be shown on any clock (offsets are
# under a day) and stored in UTC without leaving the years 1 to 9999.
_EARLIEST = dt.datetime(1, 1, 2, tzinfo=dt.UTC)
_LATEST = dt.datetime(9999, 12, 30, 23, 59, 59, 999_999, tzinfo=dt.UTC)


def check_moment(value: dt.datetime) -> dt.datetime:
    """Refuse a moment the store cannot write in UTC or a clock cannot show."""
    try:
        in_utc = value.astimezone(dt.UTC)
    except OverflowError:
        in_utc = None
    if in_utc is None or not _EARLIEST <= in_utc <= _LATEST:
        raise ValueError(
            tr("{value} is outside the years 1 to 9999 that can be stored").format(
                value=value.isoformat()
            )
        )
    return value


Timestamp = Annotated[AwareDatetime, AfterValidator(check_moment)]
"""A moment with its time zone (when a comment was written, a file made)."""


@dataclass(frozen=True, slots=True)
class Translated:
    """Annotation marker: the text is written in every language of the proposal."""


#: Marks a text field as translated (see :mod:`mcdesigner.model.translations`).
TRANSLATED = Translated()


class Strict(BaseModel):
    """Base of every model class: unknown keys, NaN and infinity are rejected."""

    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        validate_assignment=True,
        validate_default=False,
        str_max_length=50_000,
    )


class Item(Strict):
    """An element of a repeatable list; its id lets comments and diffs point at it."""

    id: ItemId = Field(default_factory=new_id)


def iter_items(model: Strict) -> list[Item]:
    """Every list item inside ``model``, depth first (used for id checks and lookups)."""
    found: list[Item] = []
    _collect(model, found)
    return found


def _collect(model: Strict, found: list[Item]) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, list):
            for element in value:
                if isinstance(element, Item):
                    found.append(element)
                    _collect(element, found)
        elif isinstance(value, Strict):
            _collect(value, found)
