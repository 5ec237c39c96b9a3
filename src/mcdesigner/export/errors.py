"""The one exception exports raise, with a message a user can act on."""

from __future__ import annotations


class ExportError(Exception):
    """A document could not be written; ``str(error)`` says why and what to do."""
