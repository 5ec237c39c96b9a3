"""Reviewing in the window: comment threads, rubric scoring, version compare, status, files.

Self-contained components the main window docks or opens:

- :class:`AnnotationsPanel` (dock): the proposal's comment threads by section, with the
  selected thread (:class:`ThreadView`) below; ``navigate_requested(path)`` asks the
  window to show a field, ``annotations_changed()`` to refresh field markers.
- :class:`RubricDialog`: score the proposal on a rubric and give a recommendation.
- :class:`CompareDialog`: two versions side by side; "Save revision…".
- :class:`StatusDialog`: workflow status, allowed next steps and history.
- :func:`export_review_interactive`, :func:`import_review_interactive`: review files.
- Pure helpers: :func:`annotation_markers`, :func:`annotation_counts`,
  :func:`counts_under`, :func:`marker_text`, :func:`marker_issues` (comment markers),
  :func:`is_read_only` (reviewer mode) and :func:`format_value` (a value in words); field
  paths are named by :func:`mcdesigner.formdefs.path_label`.

Fitting them into the window::

    panel = AnnotationsPanel()
    dock = QDockWidget(tr("Comments")); dock.setObjectName("commentsDock"); dock.setWidget(panel)
    window.add_panel(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    panel.set_context(store, session.proposal, prefs.user_name)   # on open / close (None)
    panel.navigate_requested.connect(editor.focus_path)           # open section, focus field
    panel.annotations_changed.connect(refresh_markers)            # annotation_markers(...)
    # after edits that add, move or delete items, and after importing a review: panel.refresh()

The dialogs take the store, the proposal id and the user's name; the window reloads the
proposal after ``StatusDialog.status_changed`` (the stored status and hash changed) and
opens its issues list on ``StatusDialog.show_issues_requested``. In reviewer mode, or
when :func:`is_read_only` says so, only the editor area becomes read-only: the comments
panel and these dialogs stay active.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mcdesigner.ui.review.annotations_panel import AnnotationsPanel
    from mcdesigner.ui.review.compare_dialog import CompareDialog
    from mcdesigner.ui.review.files_actions import (
        export_review_interactive,
        import_review_interactive,
    )
    from mcdesigner.ui.review.labels import format_value
    from mcdesigner.ui.review.markers import (
        AnnotationMarker,
        annotation_counts,
        annotation_markers,
        counts_under,
        is_read_only,
        marker_issues,
        marker_text,
        marker_tooltip,
    )
    from mcdesigner.ui.review.rubric_dialog import RubricDialog
    from mcdesigner.ui.review.status_dialog import StatusDialog
    from mcdesigner.ui.review.thread_view import ThreadView

#: Where each name lives. Submodules load on first use, so the window starts without the
#: dialogs and the review file exchange.
_HOMES = {
    "AnnotationsPanel": "annotations_panel",
    "CompareDialog": "compare_dialog",
    "export_review_interactive": "files_actions",
    "import_review_interactive": "files_actions",
    "format_value": "labels",
    "AnnotationMarker": "markers",
    "annotation_counts": "markers",
    "annotation_markers": "markers",
    "counts_under": "markers",
    "is_read_only": "markers",
    "marker_issues": "markers",
    "marker_text": "markers",
    "marker_tooltip": "markers",
    "RubricDialog": "rubric_dialog",
    "StatusDialog": "status_dialog",
    "ThreadView": "thread_view",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AnnotationMarker",
    "AnnotationsPanel",
    "CompareDialog",
    "RubricDialog",
    "StatusDialog",
    "ThreadView",
    "annotation_counts",
    "annotation_markers",
    "counts_under",
    "export_review_interactive",
    "format_value",
    "import_review_interactive",
    "is_read_only",
    "marker_issues",
    "marker_text",
    "marker_tooltip",
]
