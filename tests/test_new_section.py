"""A section is data: a new form file gets completeness, its place in the check report and a
chapter in the documents without code.

The forms are copied to a temporary folder and the contact group of the general
information moves into a file of its own (every model path already belongs to a form, so
a new section takes over existing fields). The new section then shows up wherever a user
looks: completion by section, the report's order, the Word document. The other keys a
section or group may set for this (``on_credential``, ``document_columns``) are checked
when the forms load.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from mcdesigner.checks import CheckSettings, check, format_text
from mcdesigner.examples import load_example
from mcdesigner.export import build_context, export_document
from mcdesigner.export.blocks import Table
from mcdesigner.formdefs import FormDefinitionError, FormSet, load_forms
from mcdesigner.model.proposal import Right, StaffMember
from mcdesigner.operations.completeness import completeness
from mcdesigner.paths import forms_dir

TITLE = "Contact for questions"
HEAD = f'''# Contact: who answers questions about the micro-credential.

id = "contact"
title = "{TITLE}"
order = 9
version = 1
help = """The person learners and the committee write to."""

'''


def copy_forms(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    return folder


def with_contact_section(tmp_path: Path) -> FormSet:
    """The bundled forms with the general section's contact group in ``contact.toml``."""
    folder = copy_forms(tmp_path)
    general = folder / "general.toml"
    text = general.read_text(encoding="utf-8")
    start = text.index('[[groups]]\nid = "contact"\n')
    assert '[[groups]]\nid = "' not in text[start + 1 :], "contact is the last group"
    general.write_text(text[:start], encoding="utf-8")
    (folder / "contact.toml").write_text(HEAD + text[start:], encoding="utf-8")
    return load_forms(folder)


@pytest.fixture
def forms(tmp_path: Path) -> FormSet:
    return with_contact_section(tmp_path)


def test_the_new_section_has_its_own_completion_in_form_order(forms: FormSet) -> None:
    proposal = load_example()
    proposal.general.contact.name = "Dr. Ana García"
    proposal.general.contact.email = ""
    settings = CheckSettings(forms=forms)

    result = check(proposal, settings)

    assert forms.section_ids[-1] == "contact", "order 9 puts it last, whatever its file name"
    assert list(result.readiness.section_percent) == list(forms.section_ids)
    assert result.readiness.section_percent["contact"] == 50.0  # name given, e-mail missing
    assert [i.section for i in result.issues if i.path == "general.contact.email"] == ["contact"]
    before = completeness(proposal, settings)
    proposal.general.contact.email = "microcredentials@example.edu"
    assert check(proposal, settings).readiness.section_percent["contact"] == 100.0
    assert completeness(proposal, settings) > before


def test_the_check_report_lists_the_new_section_in_its_place(forms: FormSet) -> None:
    proposal = load_example()
    proposal.general.contact.name = "Dr. Ana García"
    proposal.general.contact.email = ""
    result = check(proposal, CheckSettings(forms=forms))

    text = format_text(result.issues, result.readiness, proposal, forms)

    lines = text.splitlines()
    start = lines.index("Completion by section:") + 1
    completion = [line.strip() for line in lines[start : start + len(forms.sections)]]
    titles = [s.title for s in forms.sections]
    assert [line.rsplit("  ", 1)[0].strip() for line in completion] == titles
    assert titles[-1] == TITLE and completion[-1].endswith("50%")
    headings = [line for line in lines[start + len(forms.sections) :] if line in titles]
    assert headings[-1] == TITLE, "the new section's issues come last, as its order says"
    block = lines[lines.index(TITLE, start + len(forms.sections)) :]
    assert "  [error] Contact e-mail (general.contact.email)" in block


def _body_texts(path: Path) -> list[str]:
    """Headings, paragraphs and table cells of a Word file, in reading order."""
    document = docx.Document(str(path))
    texts: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            texts.append("".join(t.text or "" for t in element.iter() if t.tag.endswith("}t")))
        elif element.tag.endswith("}tbl"):
            for cell in element.iter():
                if cell.tag.endswith("}tc"):
                    texts.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
    return [t.strip() for t in texts if t.strip()]


def test_the_document_has_a_chapter_for_the_new_section(forms: FormSet, tmp_path: Path) -> None:
    proposal = load_example()
    proposal.general.contact.name = "Dr. Ana García"
    proposal.general.contact.email = "microcredentials@example.edu"

    out = export_document(
        proposal,
        document="proposal",
        fmt="docx",
        out=tmp_path / "proposal.docx",
        settings=CheckSettings(forms=forms),
    )

    document = docx.Document(str(out))
    chapters = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert chapters == [s.title for s in forms.sections]
    texts = _body_texts(out)
    chapter = texts[texts.index(TITLE) :]
    for label in ("Contact person", "Dr. Ana García", "Contact e-mail", "Contact phone"):
        assert label in chapter, label
    general = texts[texts.index(forms.section("general").title) : texts.index(TITLE)]
    assert "Contact e-mail" not in general, "the group moved out of the general information"


# ---------------------------------------------------------------------------
# Section and group keys behind the layout
# ---------------------------------------------------------------------------
def test_the_staff_table_shares_columns_as_its_form_says() -> None:
    proposal = load_example()
    proposal.staff = [StaffMember(id="s1", name="Jan Novák", email="novak@example.org", hours=12)]
    forms = load_forms()

    blocks = build_context(proposal, document="proposal", forms=forms).blocks

    staff = next(b for b in blocks if isinstance(b, Table) and "Jan Novák" in b.rows[0][0])
    assert staff.columns[:3] == (
        "Name / E-mail",
        "Institution / Internal or external",
        "Role / Position",
    )
    assert staff.rows[0][0] == "Jan Novák\nnovak@example.org"


def _replace(folder: Path, name: str, old: str, new: str) -> None:
    file = folder / name
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_document_columns_may_only_name_the_groups_own_fields(tmp_path: Path) -> None:
    folder = copy_forms(tmp_path)
    _replace(folder, "staff.toml", '["staff[].hours"]', '["staff[].hours", "general.title"]')

    with pytest.raises(FormDefinitionError) as caught:
        load_forms(folder)

    assert caught.value.file.name == "staff.toml"
    assert caught.value.field == "general.title"
    assert "only name the group's own fields" in caught.value.problem


def test_document_columns_name_each_field_once(tmp_path: Path) -> None:
    folder = copy_forms(tmp_path)
    _replace(folder, "staff.toml", '["staff[].hours"]', '["staff[].hours", "staff[].name"]')

    with pytest.raises(FormDefinitionError) as caught:
        load_forms(folder)

    assert caught.value.field == "staff[].name"
    assert "twice" in caught.value.problem


def test_a_section_on_the_credential_needs_every_field_to_feed_it(tmp_path: Path) -> None:
    folder = copy_forms(tmp_path)
    _replace(folder, "staff.toml", "version = 1\n", "version = 1\non_credential = true\n")

    with pytest.raises(FormDefinitionError) as caught:
        load_forms(folder)

    assert caught.value.file.name == "staff.toml"
    assert caught.value.field == "staff"
    assert 'feeds = ["credential"]' in caught.value.problem


def test_issues_of_a_section_on_the_credential_count_for_the_credential(tmp_path: Path) -> None:
    folder = copy_forms(tmp_path)
    _replace(folder, "rights.toml", "on_credential = true", "on_credential = false")
    unmarked = load_forms(folder)
    proposal = load_example()
    proposal.rights = [Right(id="r1", title="Admission to the master programme")]
    path = "rights[r1].status"  # the rights rule says the status is missing

    marked = check(proposal, CheckSettings(forms=load_forms()))
    plain = check(proposal, CheckSettings(forms=unmarked))

    assert load_forms().credential_sections == {"certified", "rights"}
    assert [(i.rule, i.group) for i in marked.issues if i.path == path] == [
        ("rights.status", "credential")
    ]
    assert [(i.rule, i.group) for i in plain.issues if i.path == path] == [("rights.status", "")]
