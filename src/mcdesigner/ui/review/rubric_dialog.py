"""Scoring a proposal against a rubric: a score and a comment per criterion, then a verdict.

The reviewer picks a rubric (peer review, QA checklist ...), scores each criterion on the
rubric's scale, grouped by area, and gives an overall recommendation and summary. Their
earlier review with the same rubric is loaded for further work. A partial review may be
saved; the dialog lists the criteria still unscored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesigner.model.review import CriterionScore, Review, utc_now
from mcdesigner.operations import Store, StoreError
from mcdesigner.operations.reviews import save_reviews
from mcdesigner.review.rubrics import Criterion, Rubric, default_rubrics
from mcdesigner.ui.review.common import ERROR_COLOUR, plain_label, tab_moves_focus

#: Recommendation values in the order they are offered.
RECOMMENDATIONS = ("approve", "approve_with_changes", "resubmit", "reject")


@dataclass
class CriterionRow:
    """The widgets scoring one criterion."""

    criterion: Criterion
    score: QComboBox
    comment: QPlainTextEdit


class RubricDialog(QDialog):
    """Score the proposal ``proposal_id`` as ``reviewer`` and save a :class:`Review`."""

    #: Emitted with the stored Review after Save.
    review_saved = Signal(object)

    def __init__(
        self,
        store: Store,
        proposal_id: str,
        reviewer: str,
        parent: QWidget | None = None,
        *,
        rubric_id: str | None = None,
        rubrics: dict[str, Rubric] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Score the proposal"))
        self.setObjectName("rubricDialog")
        self._store = store
        self._proposal_id = proposal_id
        self._reviewer = reviewer.strip()
        self._rubrics = rubrics if rubrics is not None else default_rubrics()
        self._rows: list[CriterionRow] = []
        self._drafts: dict[str, Review] = {}  # unsaved work per rubric while switching
        self._rubric: Rubric | None = None
        self.saved_review: Review | None = None
        self._build()
        start = rubric_id if rubric_id in self._rubrics else self._preferred_rubric()
        index = self.rubric_combo.findData(start)
        self.rubric_combo.blockSignals(True)
        self.rubric_combo.setCurrentIndex(max(index, 0))
        self.rubric_combo.blockSignals(False)
        self._show_rubric(str(self.rubric_combo.currentData()))
        self.resize(740, 720)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.rubric_combo = QComboBox(self)
        for rubric in self._rubrics.values():
            self.rubric_combo.addItem(rubric.title, rubric.id)
        self.rubric_combo.setAccessibleName(self.tr("Rubric"))
        self.rubric_combo.currentIndexChanged.connect(self._rubric_chosen)
        top.addRow(self.tr("&Rubric:"), self.rubric_combo)
        layout.addLayout(top)
        self.help_label = plain_label("", self)
        layout.addWidget(self.help_label)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.criteria_box = QWidget(self.scroll_area)
        self.criteria_layout = QVBoxLayout(self.criteria_box)
        self.scroll_area.setWidget(self.criteria_box)
        layout.addWidget(self.scroll_area, 1)

        verdict = QGroupBox(self.tr("Overall"), self)
        form = QFormLayout(verdict)
        self.recommendation_combo = QComboBox(verdict)
        self.recommendation_combo.addItem(self.tr("Not decided yet"), None)
        labels = {
            "approve": self.tr("Approve"),
            "approve_with_changes": self.tr("Approve with changes"),
            "resubmit": self.tr("Revise and resubmit"),
            "reject": self.tr("Reject"),
        }
        for value in RECOMMENDATIONS:
            self.recommendation_combo.addItem(labels[value], value)
        self.recommendation_combo.setAccessibleName(self.tr("Recommendation"))
        form.addRow(self.tr("Re&commendation:"), self.recommendation_combo)
        self.summary_edit = tab_moves_focus(QPlainTextEdit(verdict))
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        self.summary_edit.setPlaceholderText(
            self.tr("The main strengths, what must change, and why you recommend this.")
        )
        self.summary_edit.setMaximumHeight(70)
        form.addRow(self.tr("&Summary:"), self.summary_edit)
        layout.addWidget(verdict)

        self.progress_label = plain_label("", self)
        self.progress_label.setAccessibleName(self.tr("Scoring progress"))
        layout.addWidget(self.progress_label)
        self.name_hint = plain_label(
            self.tr("Set your name in Preferences first: a review carries the reviewer's name."),
            self,
        )
        self.name_hint.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.name_hint.setVisible(not self._reviewer)
        layout.addWidget(self.name_hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(bool(self._reviewer))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _preferred_rubric(self) -> str:
        """The rubric of the reviewer's most recent review, else the first one."""
        for review in reversed(self._existing_reviews()):
            if review.rubric_id in self._rubrics:
                return review.rubric_id
        return next(iter(self._rubrics), "")

    def _existing_reviews(self) -> list[Review]:
        try:
            reviews = self._store.list_reviews(self._proposal_id)
        except StoreError:
            return []
        return [r for r in reviews if r.reviewer == self._reviewer and self._reviewer]

    def _existing(self, rubric_id: str) -> Review | None:
        found = [r for r in self._existing_reviews() if r.rubric_id == rubric_id]
        return found[-1] if found else None

    def _criterion_widget(self, rubric: Rubric, criterion: Criterion, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 8)
        title = plain_label(criterion.title, box)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        layout.addWidget(title)
        if criterion.description:
            description = plain_label(criterion.description, box)
            layout.addWidget(description)
        line = QHBoxLayout()
        score = QComboBox(box)
        score.addItem(self.tr("Not scored"), None)
        for value in range(rubric.minimum, rubric.maximum + 1):
            score.addItem(rubric.score_label(value), value)
        score.setAccessibleName(self.tr("Score for {criterion}").format(criterion=criterion.title))
        score.currentIndexChanged.connect(self._update_progress)
        label = QLabel(self.tr("Score:"), box)
        label.setBuddy(score)
        line.addWidget(label)
        line.addWidget(score)
        line.addStretch(1)
        layout.addLayout(line)
        comment = tab_moves_focus(QPlainTextEdit(box))
        comment.setPlaceholderText(self.tr("Why this score (optional)"))
        comment.setAccessibleName(
            self.tr("Comment on {criterion}").format(criterion=criterion.title)
        )
        comment.setMaximumHeight(52)
        layout.addWidget(comment)
        self._rows.append(CriterionRow(criterion, score, comment))
        return box

    # ------------------------------------------------------------------ rubric switching
    def _rubric_chosen(self) -> None:
        if self._rubric is not None:
            self._drafts[self._rubric.id] = self._collect()
        self._show_rubric(str(self.rubric_combo.currentData()))

    def _show_rubric(self, rubric_id: str) -> None:
        rubric = self._rubrics.get(rubric_id)
        self._rubric = rubric
        self._rows = []
        while self.criteria_layout.count():
            child = self.criteria_layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()  # deletion waits for the event loop; never paint stale boxes
                widget.deleteLater()
        if rubric is None:
            self.help_label.setText(self.tr("No rubric is available."))
            return
        self.help_label.setText(rubric.help)
        for area in rubric.groups():
            group = QGroupBox(area or self.tr("Criteria"), self.criteria_box)
            group_layout = QVBoxLayout(group)
            for criterion in rubric.criteria:
                if criterion.group == area:
                    group_layout.addWidget(self._criterion_widget(rubric, criterion, group))
            self.criteria_layout.addWidget(group)
            group.show()  # at once, also when switching rubrics in a visible dialog
        self.criteria_layout.addStretch(1)
        self._fill(self._drafts.get(rubric.id) or self._existing(rubric.id))
        self._update_progress()

    def _fill(self, review: Review | None) -> None:
        scores = {s.criterion_id: s for s in review.scores} if review else {}
        for row in self._rows:
            entry = scores.get(row.criterion.id)
            index = row.score.findData(entry.score) if entry and entry.score is not None else 0
            row.score.setCurrentIndex(max(index, 0))
            row.comment.setPlainText(entry.comment if entry else "")
        recommendation = review.recommendation if review else None
        self.recommendation_combo.setCurrentIndex(
            max(self.recommendation_combo.findData(recommendation), 0) if recommendation else 0
        )
        self.summary_edit.setPlainText(review.summary if review else "")

    # ------------------------------------------------------------------ state
    def rubric(self) -> Rubric | None:
        """The rubric being scored."""
        return self._rubric

    def criterion_rows(self) -> list[CriterionRow]:
        """The scoring widgets, in the rubric's order."""
        return list(self._rows)

    def unscored(self) -> list[Criterion]:
        """Criteria without a score yet."""
        return [row.criterion for row in self._rows if row.score.currentData() is None]

    def _update_progress(self) -> None:
        missing = self.unscored()
        if not self._rows:
            self.progress_label.setText("")
        elif not missing:
            self.progress_label.setText(self.tr("All criteria are scored."))
        else:
            self.progress_label.setText(
                self.tr(
                    "Still unscored ({count} of {total}): {names}. "
                    "You can save now and finish later."
                ).format(
                    count=len(missing),
                    total=len(self._rows),
                    names=", ".join(c.title for c in missing),
                )
            )

    def _collect(self) -> Review:
        """A Review from what the widgets show (not yet stored)."""
        assert self._rubric is not None
        base = self._drafts.get(self._rubric.id) or self._existing(self._rubric.id)
        scores = []
        for row in self._rows:
            value = row.score.currentData()
            comment = row.comment.toPlainText().strip()
            if value is not None or comment:
                scores.append(
                    CriterionScore(
                        criterion_id=row.criterion.id,
                        score=None if value is None else int(value),
                        comment=comment,
                    )
                )
        if base is not None:  # scores of criteria a newer rubric file dropped are kept
            known = {c.id for c in self._rubric.criteria}
            scores.extend(s for s in base.scores if s.criterion_id not in known)
        fields = {
            "proposal_id": self._proposal_id,
            "reviewer": self._reviewer,
            "rubric_id": self._rubric.id,
            "scores": scores,
            "recommendation": self.recommendation_combo.currentData(),
            "summary": self.summary_edit.toPlainText().strip(),
            "updated": utc_now(),
        }
        if base is not None:
            fields["id"] = base.id
        return Review.model_validate(fields)

    def _touched(self, draft: Review) -> bool:
        """Whether ``draft`` holds work that is not stored yet."""
        stored = self._existing(draft.rubric_id)

        def content(review: Review | None) -> tuple[object, ...]:
            if review is None:
                return ([], None, "")
            return ([s.model_dump() for s in review.scores], review.recommendation, review.summary)

        return content(draft) != content(stored)

    def save(self) -> None:
        """Store the review (also when some criteria are still unscored) and close.

        Work on other rubrics done in the same dialog (before switching) is stored too.
        """
        if self._rubric is None or not self._reviewer:
            return
        try:
            review = self._collect()
            others = [
                draft
                for rubric_id, draft in self._drafts.items()
                if rubric_id != review.rubric_id and self._touched(draft)
            ]
            save_reviews(self._store, self._proposal_id, [review, *others])
        except (StoreError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Review not saved"), str(error))
            return
        self.saved_review = review
        self._drafts.clear()
        for item in (*others, review):
            self.review_saved.emit(item)
        self.accept()
