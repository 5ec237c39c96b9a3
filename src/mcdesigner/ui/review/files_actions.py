"""Sending and receiving review files from the window: file choosers and clear reports.

``export_review_interactive`` writes the reviewer's comments and scores to a
``.mcreview`` file to send to the author; ``import_review_interactive`` merges one into
the library and says what it added, updated or left unchanged, how many comments point
at things deleted since, and whether the review was made on an older revision. A bad file
is reported in plain words and changes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mcdesigner.exchange import REVIEW_SUFFIX, ExchangeError
from mcdesigner.i18n import tr_n
from mcdesigner.operations import Store, StoreError
from mcdesigner.operations.reviews import (
    ReviewImportError,
    ReviewImportReport,
    export_review,
    import_review,
)
from mcdesigner.ui.dialogs import confirm_write_through_link
from mcdesigner.ui.review.common import translate

if TYPE_CHECKING:
    from mcdesigner.ui.state import UiState

_CONTEXT = "ReviewFiles"


def _tr(text: str) -> str:
    return translate(_CONTEXT, text)


def _file_filter() -> str:
    return _tr("Review files (*{suffix});;All files (*)").format(suffix=REVIEW_SUFFIX)


def _start_folder(folders: UiState | None) -> str:
    return folders.last_folder("reviews") if folders is not None else str(Path.home())


def _slug(text: str) -> str:
    cleaned = re.sub(r"[^\w-]+", "-", text.strip().lower(), flags=re.UNICODE).strip("-_")
    return cleaned[:60] or "review"


def suggested_review_name(title: str, reviewer: str) -> str:
    """``data-stewardship-review-ana-garcia.mcreview``."""
    return f"{_slug(title)}-review-{_slug(reviewer)}{REVIEW_SUFFIX}"


def export_review_interactive(
    parent: QWidget | None,
    store: Store,
    proposal_id: str,
    reviewer: str,
    *,
    folders: UiState | None = None,
) -> Path | None:
    """Ask where to save ``reviewer``'s review of the proposal and write it there.

    The file dialog opens in the folder last used for review files (``folders``), which
    then remembers the folder chosen.

    Returns the file written, or None when the user cancelled or it failed (the failure is
    shown).
    """
    title = _tr("Export review")
    if not reviewer.strip():
        QMessageBox.warning(
            parent,
            title,
            _tr("Set your name in Preferences first: a review file carries the reviewer's name."),
        )
        return None
    try:
        proposal_title = store.summary(proposal_id).title or _tr("proposal")
    except StoreError as error:
        QMessageBox.warning(parent, title, str(error))
        return None
    start = Path(_start_folder(folders)) / suggested_review_name(proposal_title, reviewer)
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start), _file_filter())
    if not chosen:
        return None
    target = Path(chosen)
    if folders is not None:
        folders.set_last_folder("reviews", target.parent)
    if target.suffix.lower() != REVIEW_SUFFIX:
        target = target.with_name(target.name + REVIEW_SUFFIX)
    through_link = target.is_symlink()
    if through_link and not confirm_write_through_link(parent, target):
        return None
    try:
        threads = sum(
            1
            for a in store.list_annotations(proposal_id)
            if any(c.author == reviewer for c in a.comments)
        )
        reviews = sum(1 for r in store.list_reviews(proposal_id) if r.reviewer == reviewer)
        written = export_review(
            store, proposal_id, target, reviewer=reviewer, through_link=through_link
        )
    except (ExchangeError, StoreError) as error:
        QMessageBox.warning(parent, _tr("Review not exported"), str(error))
        return None
    QMessageBox.information(
        parent,
        title,
        _tr(
            "Your review of “{title}” was saved to\n{path}\n\n"
            "It holds {threads} and {reviews}. Send this file to the proposal's author."
        ).format(
            title=proposal_title,
            path=written,
            threads=tr_n("{n} comment thread", "{n} comment threads", threads).format(n=threads),
            reviews=tr_n("{n} rubric review", "{n} rubric reviews", reviews).format(n=reviews),
        ),
    )
    return written


def import_report_text(report: ReviewImportReport) -> str:
    """What an import did, in sentences."""
    who = report.reviewer or _tr("an unnamed reviewer")
    lines = [
        _tr("The review by {reviewer} was merged into “{title}”.").format(
            reviewer=who, title=report.title
        ),
        _tr("Added: {added}. Updated: {updated}. Already present: {unchanged}.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged
        ),
    ]
    if report.orphaned:
        lines.append(
            tr_n(
                "{count} comment thread refers to fields or list items that no longer exist. "
                "It is kept and listed under “Orphaned comments”.",
                "{count} comment threads refer to fields or list items that no longer exist. "
                "They are kept and listed under “Orphaned comments”.",
                report.orphaned,
            ).format(count=report.orphaned)
        )
    if report.older_revision:
        lines.append(
            _tr(
                "This review was made on an older revision of the proposal: some comments may "
                "refer to text that has changed since. Use Compare versions to see what changed."
            )
        )
    return "\n\n".join(lines)


def import_review_interactive(
    parent: QWidget | None, store: Store, *, folders: UiState | None = None
) -> ReviewImportReport | None:
    """Ask for a review file, merge it into the library and report what happened.

    The file dialog opens in the folder last used for review files (``folders``).

    Returns the report, or None when the user cancelled or the file was refused (then
    nothing in the library changed and the reason is shown).
    """
    title = _tr("Import review")
    start = _start_folder(folders)
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, start, _file_filter())
    if not chosen:
        return None
    if folders is not None:
        folders.set_last_folder("reviews", Path(chosen).parent)
    try:
        report = import_review(store, Path(chosen))
    except ExchangeError as error:  # its message already says that nothing changed
        QMessageBox.warning(parent, _tr("Review not imported"), str(error))
        return None
    except ReviewImportError as error:  # refused before anything was written
        QMessageBox.warning(
            parent,
            _tr("Review not imported"),
            _tr("{reason}\n\nNothing in your library was changed.").format(reason=error),
        )
        return None
    except StoreError as error:
        QMessageBox.warning(parent, _tr("Review not imported"), str(error))
        return None
    QMessageBox.information(parent, title, import_report_text(report))
    return report
