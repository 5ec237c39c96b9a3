"""Text field types: one line, several lines, an e-mail address and a web address."""

from __future__ import annotations

import re

from mcdesigner.fieldtypes import editors
from mcdesigner.fieldtypes.base import DocumentLayout, FieldType
from mcdesigner.i18n import tr

_EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_URL_RE = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)

_TEXT_VALUES = (str,)


def check_email(value: str) -> str:
    """``value`` without surrounding spaces; ``ValueError`` when it is no e-mail address."""
    value = value.strip()
    if value and not _EMAIL_RE.match(value):
        raise ValueError(
            tr("{value!r} is not an e-mail address (expected name@example.org)").format(value=value)
        )
    return value


def check_url(value: str) -> str:
    """``value`` without surrounding spaces; ``ValueError`` when it is no web address."""
    value = value.strip()
    if value and not _URL_RE.match(value):
        raise ValueError(
            tr("{value!r} is not a web address (it must start with http:// or https://)").format(
                value=value
            )
        )
    return value


TEXT = FieldType(
    name="text",
    description="one line of text",
    widgets={"line": editors.LINE, "esco_skill": editors.ESCO_SKILL},
    document=DocumentLayout(width=1.8),
    column_stretch=4,
    condition_values=_TEXT_VALUES,
    vocabulary=True,
)

LONGTEXT = FieldType(
    name="longtext",
    description="text of several lines",
    widgets={
        "multiline": editors.MULTILINE,
        "line": editors.LINE,
        "esco_outcome": editors.OUTCOME,
    },
    document=DocumentLayout(width=3.2, paragraph=True),
    condition_values=_TEXT_VALUES,
)

EMAIL = FieldType(
    name="email",
    description="e-mail address",
    widgets={"line": editors.LINE},
    validate=check_email,
    placeholder="name@example.org",
    document=DocumentLayout(width=2.0),
    column_stretch=4,
    condition_values=_TEXT_VALUES,
)

LINK = FieldType(
    name="link",
    description="web address",
    widgets={"line": editors.LINE},
    validate=check_url,
    placeholder="https://…",
    document=DocumentLayout(width=2.2),
    column_stretch=4,
    condition_values=_TEXT_VALUES,
)
