"""The pure, typed model of a micro-credential proposal (no I/O, no Qt)."""

from mcdesigner.model.proposal import SCHEMA_VERSION, Proposal
from mcdesigner.model.review import Annotation, Comment, Review

__all__ = ["SCHEMA_VERSION", "Annotation", "Comment", "Proposal", "Review"]
