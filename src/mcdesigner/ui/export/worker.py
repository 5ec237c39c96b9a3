"""The background job helper under its former name (it now lives in :mod:`mcdesigner.ui.jobs`)."""

from __future__ import annotations

from mcdesigner.ui.jobs import BackgroundJob, JobCancelled, JobState, Report, describe_error

__all__ = ["BackgroundJob", "JobCancelled", "JobState", "Report", "describe_error"]
