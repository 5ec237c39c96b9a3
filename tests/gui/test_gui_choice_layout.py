"""How choice fields read on screen: radio buttons in the list's order, check lists filled
column by column, and chosen vocabulary terms fully readable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from mcdesigner.formdefs import default_forms
from mcdesigner.widgets.choice_editors import RadioChoiceEditor
from mcdesigner.widgets.list_editors import ChecklistEditor, PickListEditor
from mcdesigner.widgets.options import field_options
from mcdesigner.widgets.registry import editor_for

pytestmark = pytest.mark.gui
FORMS = default_forms()
RADIO_PATHS = [f.path for f in FORMS.fields() if f.widget in ("radio", "rating")]
LONG_TERMS = [
    "Inter-disciplinary programmes and qualifications involving education (0188)",
    "Inter-disciplinary programmes and qualifications involving Information and "
    "Communication Technologies (ICTs) (0688)",
    "Inter-disciplinary programmes and qualifications involving agriculture, forestry, "
    "fisheries and veterinary (0888)",
]


def shown_at(qtbot: Any, path: str, width: int) -> Any:
    """The editor of ``path`` shown ``width`` pixels wide, laid out."""
    field = FORMS.field(path)
    assert field is not None, path
    widget = editor_for(field)
    qtbot.addWidget(widget)
    widget.resize(width, 400)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.width() == width)
    for _ in range(3):  # let the nested layouts place their cells
        QApplication.processEvents()
    return widget


def position(button: QWidget, editor: QWidget) -> tuple[int, int]:
    point = button.mapTo(editor, button.rect().topLeft())
    return point.x(), point.y()


def reading_order(buttons: Sequence[QAbstractButton], editor: QWidget, *, by: str) -> list[str]:
    """The buttons' texts as a reader scans them: along the row, or down the columns."""
    if by == "row":
        key = lambda b: (position(b, editor)[1], position(b, editor)[0])  # noqa: E731
    else:
        key = lambda b: position(b, editor)  # noqa: E731
    return [b.text() for b in sorted(buttons, key=key)]


def test_implementation_scale_reads_not_set_then_1_to_4(qtbot: Any) -> None:
    narrow = shown_at(qtbot, "self_assessment.entries[].rating", 420)
    assert isinstance(narrow, RadioChoiceEditor)
    expected = [
        "Not set",
        "1 – Not implemented",
        "2 – Minimally implemented",
        "3 – Partially implemented",
        "4 – Fully implemented",
    ]
    assert reading_order(narrow.buttons, narrow, by="column") == expected
    assert len({position(b, narrow)[0] for b in narrow.buttons}) == 1  # one column
    wide = shown_at(qtbot, "self_assessment.entries[].rating", 1300)
    assert reading_order(wide.buttons, wide, by="row") == expected
    assert len({position(b, wide)[1] for b in wide.buttons}) == 1  # one row


@pytest.mark.parametrize("path", RADIO_PATHS)
@pytest.mark.parametrize("width", [380, 480, 900])
def test_radio_choices_form_one_row_or_one_column_in_list_order(
    qtbot: Any, path: str, width: int
) -> None:
    editor = shown_at(qtbot, path, width)
    labels = [label for _, label in field_options(editor.field)]
    if editor.field.shape.nullable:
        labels.insert(0, "Not set")
    xs = {position(b, editor)[0] for b in editor.buttons}
    ys = {position(b, editor)[1] for b in editor.buttons}
    assert len(xs) == 1 or len(ys) == 1, f"{path} at {width}px is a grid"
    by = "row" if len(ys) == 1 else "column"
    assert reading_order(editor.buttons, editor, by=by) == labels
    for button in editor.buttons:  # no label is cut off at the right edge
        assert position(button, editor)[0] + button.sizeHint().width() <= width


def test_short_choices_sit_side_by_side(qtbot: Any) -> None:
    status = shown_at(qtbot, "rights[].status", 480)
    assert [b.text() for b in status.buttons] == ["Not set", "actual", "prospective"]
    assert len({position(b, status)[1] for b in status.buttons}) == 1


def test_check_lists_fill_down_each_column_first(qtbot: Any) -> None:
    types = shown_at(qtbot, "certified.assessment_types", 700)
    assert isinstance(types, ChecklistEditor)
    assert types.cells.columns >= 2
    boxes = [box for _, box in types.boxes]
    assert reading_order(boxes, types, by="column") == [box.text() for box in boxes]
    first_column = [b for b in boxes if position(b, types)[0] == position(boxes[0], types)[0]]
    assert first_column == boxes[: len(first_column)]
    assert len(first_column) == types.cells.rows_for(types.cells.columns)


def test_chosen_terms_show_their_full_label(qtbot: Any) -> None:
    fields = shown_at(qtbot, "general.fields_of_education", 380)
    assert isinstance(fields, PickListEditor)
    by_label = {label: value for value, label in fields.options}
    fields.add(by_label[LONG_TERMS[0]])
    one_high = fields.list.height()
    for label in LONG_TERMS[1:]:
        fields.add(by_label[label])
    assert fields.value() == [by_label[label] for label in LONG_TERMS]
    items = [fields.list.item(row) for row in range(fields.list.count())]
    assert [item.text() for item in items] == LONG_TERMS
    assert [item.toolTip() for item in items] == LONG_TERMS
    # The list grew to show all three values; each wraps onto more lines instead of being cut.
    assert fields.list.height() > 2 * one_high
    assert not fields.list.verticalScrollBar().isVisible()
    viewport = fields.list.viewport().rect()
    line = fields.list.fontMetrics().lineSpacing()
    for item in items:
        area = fields.list.visualItemRect(item)
        assert viewport.contains(area), item.text()
        assert area.height() >= 2 * line, item.text()
        assert area.width() <= viewport.width()


def test_chosen_values_list_stops_growing_and_scrolls(qtbot: Any) -> None:
    keywords = shown_at(qtbot, "general.keywords", 500)
    keywords.set_value([f"keyword {n}" for n in range(3)])
    three = keywords.list.height()
    keywords.set_value([f"keyword {n}" for n in range(8)])
    eight = keywords.list.height()
    keywords.set_value([f"keyword {n}" for n in range(20)])
    assert three < eight == keywords.list.height()
    assert keywords.list.item(19).toolTip() == "keyword 19"
