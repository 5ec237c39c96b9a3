"""Exporting from the window: the export dialog (preview, save, print) and background jobs.

- :class:`~mcdesigner.ui.export.export_dialog.ExportDialog` creates a Word/PDF document or a
  digital credential in the background, previews it, saves it atomically and prints it;
- :class:`~mcdesigner.ui.jobs.BackgroundJob` (re-exported here) runs any slow work off the UI thread
  with progress, a result or a message, and cancellation that leaves no files behind.
"""

from __future__ import annotations

from mcdesigner.ui.export.export_dialog import ExportDialog
from mcdesigner.ui.jobs import BackgroundJob, JobCancelled

__all__ = ["BackgroundJob", "ExportDialog", "JobCancelled"]
