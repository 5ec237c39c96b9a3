"""Reviewing: rubrics, the status workflow, merging review files and comparing revisions.

Everything here is pure: it decides, the store and the window carry out.
"""

from mcdesigner.review.compare import Change, compare
from mcdesigner.review.merge import MergeResult, merge_annotations, merge_reviews
from mcdesigner.review.rubrics import Criterion, Rubric, RubricError, default_rubrics, load_rubrics
from mcdesigner.review.workflow import (
    EDITABLE_STATUSES,
    STATUS_LABELS,
    TransitionRefused,
    allowed_transitions,
    check_transition,
)

__all__ = [
    "EDITABLE_STATUSES",
    "STATUS_LABELS",
    "Change",
    "Criterion",
    "MergeResult",
    "Rubric",
    "RubricError",
    "TransitionRefused",
    "allowed_transitions",
    "check_transition",
    "compare",
    "default_rubrics",
    "load_rubrics",
    "merge_annotations",
    "merge_reviews",
]
