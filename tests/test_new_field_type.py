"""A new field type, added by the recipe in CONTRIBUTING.md, reaches every part of the app.

The test declares a telephone-number type in this module, registers it, and lets a copy of
the bundled forms present the contact phone as that type (``type = "phone"``). The form
loads it, the editor shows the type's widget, the checks report a number the type refuses
with the type's reason, the Word document prints the number as the type writes it, and
the compare view sees two spellings of the same number as no change.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mcdesigner.checks import CheckSettings, run
from mcdesigner.examples import load_example
from mcdesigner.export import export_document
from mcdesigner.fieldtypes import (
    DocumentLayout,
    FieldType,
    ValueContext,
    Widget,
    field_type,
    register,
    unregister,
)
from mcdesigner.formdefs import FormSet, load_forms
from mcdesigner.model.edits import SetValue, apply_edit
from mcdesigner.model.proposal import Proposal
from mcdesigner.paths import forms_dir
from mcdesigner.storage import Store
from test_export_support import docx_text

PHONE_PATH = "general.contact.phone"
_SEPARATORS = re.compile(r"[\s.\-/()]+")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def check_phone(value: str) -> str:
    """A number in international form: ``+``, the country code, 7 to 15 digits in all."""
    if not value.strip().startswith("+") or not 7 <= len(_digits(value)) <= 15:
        raise ValueError(f"“{value}” is not a phone number in international form (+34 985 …)")
    if re.search(r"[^\d\s.\-/()+]", value):
        raise ValueError(f"“{value}” holds characters a phone number does not have")
    return value


def phone_text(value: Any, context: ValueContext) -> str:
    """``+34-985.10.30.00`` reads ``+34 985 10 30 00``."""
    return _SEPARATORS.sub(" ", str(value)).strip()


def same_number(a: Any, b: Any) -> bool:
    return _digits(str(a or "")) == _digits(str(b or ""))


PHONE = FieldType(
    name="phone",
    description="telephone number",
    widgets={"line": Widget("mcdesigner.widgets.text_editors:LineEditor")},
    text=phone_text,
    validate=check_phone,
    equal=same_number,
    document=DocumentLayout(width=1.4),
    refines="text",
)


@pytest.fixture
def phone_type() -> Iterator[FieldType]:
    register(PHONE)
    yield PHONE
    unregister(PHONE.name)


@pytest.fixture
def forms(tmp_path: Path, phone_type: FieldType) -> FormSet:
    """The bundled forms, with the contact phone presented as a phone number."""
    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    general = folder / "general.toml"
    text = general.read_text(encoding="utf-8")
    declared = f'path = "{PHONE_PATH}"\n'
    assert text.count(declared) == 1
    general.write_text(text.replace(declared, declared + 'type = "phone"\n'), encoding="utf-8")
    return load_forms(folder)


def _with_phone(number: str) -> Proposal:
    proposal = load_example()
    apply_edit(proposal, SetValue(PHONE_PATH, number))
    return proposal


def test_the_form_presents_the_field_as_the_new_type(forms: FormSet) -> None:
    field = forms.field(PHONE_PATH)
    assert field is not None
    assert field.kind == "phone"
    assert field.type is field_type("phone") is PHONE
    assert field.label == "Contact phone"


def test_a_type_that_is_not_registered_stops_the_forms_with_its_name(
    tmp_path: Path, forms: FormSet
) -> None:
    unregister("phone")
    from mcdesigner.formdefs import FormDefinitionError

    with pytest.raises(FormDefinitionError) as raised:
        load_forms(tmp_path / "forms")
    assert raised.value.field == PHONE_PATH
    assert "type 'phone' cannot present a text field" in raised.value.problem
    register(PHONE)


@pytest.mark.gui
def test_the_editor_shows_the_types_widget(qtbot: Any, forms: FormSet) -> None:
    from PySide6.QtWidgets import QLineEdit

    from mcdesigner.widgets.registry import editor_for
    from mcdesigner.widgets.text_editors import LineEditor

    field = forms.field(PHONE_PATH)
    assert field is not None
    editor = editor_for(field)
    qtbot.addWidget(editor)
    assert isinstance(editor, LineEditor)
    line = editor.findChild(QLineEdit)
    assert line is not None
    editor.set_value("+34 985 10 30 00")
    assert line.text() == "+34 985 10 30 00"
    assert editor.value() == "+34 985 10 30 00"


def test_the_checks_report_a_number_the_type_refuses(forms: FormSet) -> None:
    settings = CheckSettings(forms=forms)

    issues = run(_with_phone("call the office"), settings)
    refused = [i for i in issues if i.rule == "field.invalid"]
    assert [i.path for i in refused] == [PHONE_PATH]
    assert refused[0].severity == "error"
    assert refused[0].section == "general"
    assert refused[0].message == (
        "Contact phone: “call the office” is not a phone number in international form (+34 985 …)"
    )

    fine = run(_with_phone("+34 985 10 30 00"), settings)
    assert not [i for i in fine if i.rule == "field.invalid"]


def test_the_document_prints_the_number_as_the_type_writes_it(
    tmp_path: Path, forms: FormSet
) -> None:
    out = export_document(
        _with_phone("+34-985.10.30.00"),
        document="proposal",
        fmt="docx",
        out=tmp_path / "proposal.docx",
        settings=CheckSettings(forms=forms),
    )
    text = docx_text(out)
    assert "+34 985 10 30 00" in text
    assert "+34-985.10.30.00" not in text


@pytest.mark.gui
def test_the_compare_view_uses_the_types_comparison_and_text(
    qtbot: Any, tmp_path: Path, forms: FormSet
) -> None:
    from mcdesigner.ui.review.compare_dialog import CompareDialog

    with Store.open(tmp_path / "proposals.sqlite3") as store:
        proposal = _with_phone("+34 985 10 30 00")
        store.save(proposal)
        store.add_revision(proposal.id, "Sent to the committee", kind="manual")

        # The same number written another way is no change ...
        expected = store.get_hash(proposal.id)
        apply_edit(proposal, SetValue(PHONE_PATH, "+34-985-10-30-00"))
        store.save(proposal, expected_hash=expected)
        dialog = CompareDialog(store, proposal.id, forms=forms)
        qtbot.addWidget(dialog)
        assert [row.path for row in dialog.rows()] == []

        # ... another number is, and both read as the type writes them.
        expected = store.get_hash(proposal.id)
        apply_edit(proposal, SetValue(PHONE_PATH, "+34.985.99.88.77"))
        store.save(proposal, expected_hash=expected)
        dialog = CompareDialog(store, proposal.id, forms=forms)
        qtbot.addWidget(dialog)
        rows = dialog.rows()
        assert [(row.kind, row.label) for row in rows] == [("changed", "Contact phone")]
        assert rows[0].old == "+34 985 10 30 00"
        assert rows[0].new == "+34 985 99 88 77"
