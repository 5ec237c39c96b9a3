"""The form definitions: the bundled forms load, cover the model, and bad files fail loudly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from mcdesigner.formdefs import (
    FEED_LABELS,
    NOT_EDITED,
    FieldDef,
    FormDefinitionError,
    FormSet,
    GroupDef,
    concrete_paths,
    default_forms,
    editable_paths,
    feed_label,
    load_forms,
    uncovered_paths,
)
from mcdesigner.i18n import install_translator
from mcdesigner.model.fieldpath import describe
from mcdesigner.model.proposal import (
    LearningActivity,
    Proposal,
    RevenueLine,
    Right,
    StaffMember,
)
from mcdesigner.model.standards import ANNEX_I, ANNEX_I_REQUIRED, ESG_BY_NUMBER
from mcdesigner.model.vocabularies import get_vocabulary
from mcdesigner.paths import forms_dir

SECTION_FILES = {
    "general",
    "certified",
    "rights",
    "academic",
    "staff",
    "financial",
    "quality",
    "self_assessment",
}
OCCUPATION = "http://data.europa.eu/snb/entitlement/52f62180c2"
MEMBERSHIP = "http://data.europa.eu/snb/entitlement/bebd32e8e6"


@pytest.fixture(scope="module")
def forms() -> FormSet:
    return load_forms()


# ---------------------------------------------------------------------------
# The bundled forms
# ---------------------------------------------------------------------------
def test_every_section_file_loads_in_order(forms: FormSet) -> None:
    assert {p.stem for p in forms_dir().glob("*.toml")} == SECTION_FILES
    assert [s.id for s in forms.sections] == [
        "general",
        "certified",
        "rights",
        "academic",
        "staff",
        "financial",
        "quality",
        "self_assessment",
    ]
    for section in forms.sections:
        assert section.source == forms_dir() / f"{section.id}.toml"
        assert section.version >= 1
        assert forms.section(section.id) is section
    with pytest.raises(KeyError):
        forms.section("nonexistent")


def test_default_forms_is_loaded_once() -> None:
    assert default_forms() is default_forms()
    assert default_forms().sections[0].id == "general"


def test_every_form_field_resolves_in_the_model(forms: FormSet) -> None:
    fields = list(forms.fields())
    assert len(fields) > 80
    for field in fields:
        assert describe(Proposal, field.path) == field.shape
        assert field.shape.kind not in {"items", "object"}
    for group in forms.groups():
        if group.path is not None:
            assert describe(Proposal, group.path).kind == "items"


def _walk(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every list and leaf value of the model, found independently of the package."""
    found: list[str] = []
    for name in model.model_fields:
        path = prefix + name
        shape = describe(Proposal, path)
        if shape.kind == "items":
            found.append(path)
            assert shape.item_model is not None
            found += [p for p in _walk(shape.item_model, path + "[].") if not p.endswith("[].id")]
        elif shape.kind == "object":
            assert shape.item_model is not None
            found += _walk(shape.item_model, path + ".")
        else:
            found.append(path)
    return found


def test_every_edited_model_value_is_in_exactly_one_form(forms: FormSet) -> None:
    model_paths = [p for p in _walk(Proposal) if p not in NOT_EDITED]
    # The walk reaches nested lists and object fields, not just the top level.
    assert "certified.learning_outcomes[].esco_skills[].uri" in model_paths
    assert "general.contact.email" in model_paths
    assert model_paths == editable_paths()
    missing = [p for p in model_paths if forms.element(p) is None]
    assert missing == []
    assert uncovered_paths(forms) == []
    claimed = [f.path for f in forms.fields()] + [g.path for g in forms.groups() if g.path]
    assert len(claimed) == len(set(claimed))
    assert set(claimed) == set(model_paths)


def test_paths_not_edited_exist_in_the_model_and_are_not_shown(forms: FormSet) -> None:
    for path in NOT_EDITED:
        describe(Proposal, path)
        assert forms.field(path) is None


def test_required_annex_elements_are_required_and_go_on_the_credential(forms: FormSet) -> None:
    assert len(ANNEX_I_REQUIRED) == 9
    for element in ANNEX_I_REQUIRED:
        for path in element.paths:
            found = forms.element(path)
            assert found is not None, path
            assert found.required, path
            assert found.on_credential, path
            assert found.reference == element.reference, path
            if isinstance(found, GroupDef):
                # A required list also needs its items' main text filled in.
                assert any(f.required and f.on_credential for f in found.fields), path


def test_optional_annex_elements_cite_their_element(forms: FormSet) -> None:
    for element in ANNEX_I:
        if element.part == 2:
            for path in element.paths:
                found = forms.element(path)
                assert isinstance(found, FieldDef)
                assert found.reference == element.reference
                assert found.on_credential
                assert not found.required


def test_a_complete_proposal_needs_the_essentials(forms: FormSet) -> None:
    required = {f.path for f in forms.required_fields()}
    for path in (
        "general.title",
        "general.description",
        "general.start_date",
        "general.end_date",
        "general.languages",
        "general.contact.email",
        "certified.learning_outcomes[].text",
        "self_assessment.entries[].rating",
        "self_assessment.entries[].evidence",
        "staff[].role",
    ):
        assert path in required, path
    # Sensible, not everything: optional extras stay optional.
    for path in ("general.contact.phone", "general.keywords", "certified.further_information"):
        assert path not in required, path
    assert all(f.required for f in forms.required_fields())


def test_choice_fields_label_exactly_the_model_values(forms: FormSet) -> None:
    choice_fields = [f for f in forms.fields() if f.shape.kind == "choice"]
    assert {f.path for f in choice_fields} == {
        "certified.integration",
        "general.places_limit",
        "general.maximum_duration.unit",
        "staff[].affiliation",
        "staff[].role",
        "financial.revenues[].category",
        "financial.expenditures[].category",
        "quality.indicators[].frequency",
        "self_assessment.entries[].rating",
    }
    for field in choice_fields:
        assert [value for value, _ in field.choices] == list(field.shape.choices)
        assert all(label.strip() for _, label in field.choices)
    for field in forms.fields():
        if field.shape.kind != "choice":
            assert field.choices == ()
    role = forms.field("staff[].role")
    assert role is not None
    assert role.choice_label("coordinator") == "Coordinator"
    rating = forms.field("self_assessment.entries[].rating")
    assert rating is not None
    assert rating.choice_label(4) == "4 – Fully implemented"
    assert rating.choice_label(None) == ""


def test_vocabulary_fields_name_existing_vocabularies(forms: FormSet) -> None:
    with_vocabulary = [f for f in forms.fields() if f.vocabulary is not None]
    assert len(with_vocabulary) >= 15
    for field in with_vocabulary:
        vocabulary = get_vocabulary(field.vocabulary)  # type: ignore[arg-type]
        assert vocabulary.terms, field.path
    eqf = forms.field("certified.eqf_level")
    assert eqf is not None
    assert eqf.vocabulary == "eqf"
    assert eqf.choice_label(get_vocabulary("eqf").terms[5].value) == "Level 6"


def test_widget_hints_fit_the_kind_of_value(forms: FormSet) -> None:
    for field in forms.fields():
        if field.widget is not None:
            assert field.widget in field.type.widgets, field.path
            assert field.widget != field.type.default_hint, field.path
    description = forms.field("general.description")
    assert description is not None
    assert description.widget is None
    assert description.editor_widget.editor.endswith(":MultiLineEditor")
    assert description.editor_widget.full_width


def test_every_text_a_user_reads_is_filled_in(forms: FormSet) -> None:
    for section in forms.sections:
        assert len(section.help) > 100, section.id
        assert section.title
        for value in section.computed:
            assert value.label and value.help
    for group in forms.groups():
        assert group.title and group.help, group.id
        if group.repeatable:
            assert group.item_label, group.id
        for value in group.computed:
            assert value.label and value.help
    for field in forms.fields():
        assert field.label.strip(), field.path
        assert len(field.help) >= 40, field.path
        assert "  " not in field.help, field.path


def test_feeds_tags_are_known_and_have_labels(forms: FormSet) -> None:
    used = {tag for f in forms.fields() for tag in f.feeds}
    used |= {tag for g in forms.groups() for tag in g.feeds}
    assert {"credential", "self-assessment", "budget"} <= used
    assert used <= set(FEED_LABELS)
    assert feed_label("credential") == "goes onto the digital credential"
    assert feed_label("no-such-tag") == "no-such-tag"
    install_translator(lambda context, text: text.upper())
    try:
        assert feed_label("credential") == "GOES ONTO THE DIGITAL CREDENTIAL"
    finally:
        install_translator(lambda context, text: text)


def test_definitions_are_frozen(forms: FormSet) -> None:
    field = forms.field("general.title")
    assert field is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        field.required = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        forms.sections[0].title = "x"  # type: ignore[misc]


# ---------------------------------------------------------------------------
# Look-ups
# ---------------------------------------------------------------------------
def test_lookups_accept_schema_and_concrete_paths(forms: FormSet) -> None:
    proposal = Proposal()
    skill_path = "certified.learning_outcomes[3f9a0c1b2d4e].esco_skills[a1].uri"
    field = forms.field(skill_path)
    assert field is not None
    assert field.path == "certified.learning_outcomes[].esco_skills[].uri"
    assert field.section_id == "certified"
    assert field.group_id == "esco"
    assert forms.field("general.titel") is None
    outcomes = forms.group_for_list("certified.learning_outcomes")
    assert outcomes is not None
    assert outcomes.repeatable and outcomes.item_label == "Learning outcome"
    assert forms.group_for_list("certified.learning_outcomes[]") is outcomes
    assert forms.group_for_list("certified.learning_outcomes[abc]") is outcomes
    esco = forms.group_for_list("certified.learning_outcomes[abc].esco_skills")
    assert esco is not None and esco in outcomes.groups
    assert forms.group_for_list("general.title") is None
    assert forms.section_of(skill_path) is forms.section("certified")
    assert forms.section_of("staff[x1]") is forms.section("staff")
    assert forms.section_of("general.contact") is forms.section("general")
    assert forms.section_of("self_assessment.entries[esg-1.3].rating") is not None
    assert forms.section_of("nothing.here") is None
    assert proposal.general.title == ""


def test_fields_come_in_display_order(forms: FormSet) -> None:
    paths = [f.path for f in forms.fields()]
    assert paths[0] == "general.title"
    assert paths.index("certified.learning_outcomes[].text") < paths.index(
        "certified.learning_outcomes[].esco_skills[].label"
    )
    assert paths[-1].startswith("self_assessment.")
    general = forms.section("general")
    in_general = ("general.", "languages.")
    assert [f.path for f in general.fields()] == [p for p in paths if p.startswith(in_general)]


def test_self_assessment_is_a_fixed_list_titled_by_standard(forms: FormSet) -> None:
    group = forms.group_for_list("self_assessment.entries")
    assert group is not None
    assert group.layout == "fixed"
    entries = Proposal().self_assessment.entries
    titles = [group.item_title(entry, i) for i, entry in enumerate(entries)]
    assert len(titles) == 10
    for entry, title in zip(entries, titles, strict=True):
        assert ESG_BY_NUMBER[entry.standard].title in title


def test_item_titles_come_from_the_title_field(forms: FormSet) -> None:
    staff = forms.group_for_list("staff")
    assert staff is not None
    assert staff.item_title(StaffMember(name="Ana García"), 0) == "Ana García"
    assert staff.item_title(StaffMember(), 2) == "Staff member 3"


def test_computed_values_follow_the_proposal(forms: FormSet) -> None:
    proposal = Proposal()
    proposal.academic.activities = [
        LearningActivity(title="Seminars", hours=8, taught=True),
        LearningActivity(title="Project", hours=20),
    ]
    line = RevenueLine(description="Fees", units=40, unit_cost=Decimal("150.00"))
    proposal.financial.revenues = [line]
    academic = {c.name: c for c in forms.section("academic").computed}
    assert academic["academic.activity_hours"].value(proposal) == 28
    assert academic["academic.teaching_hours"].value(proposal) == 8
    assert academic["academic.activity_hours"].kind == "hours"
    balance = forms.computed("financial.balance")
    assert balance is not None and balance.kind == "money"
    assert balance.value(proposal) == Decimal("6000.00")
    amount = forms.computed("financial.revenues[].amount")
    assert amount is not None and amount.per_item
    assert amount.value(proposal, f"financial.revenues[{line.id}]") == Decimal("6000.00")
    assert amount.value(proposal, "financial.revenues[gone]") is None
    revenues = forms.group_for_list("financial.revenues")
    assert revenues is not None and amount in revenues.computed


# ---------------------------------------------------------------------------
# Conditional visibility
# ---------------------------------------------------------------------------
def test_stackability_shows_only_for_stackable_credentials(forms: FormSet) -> None:
    field = forms.field("certified.stackability")
    assert field is not None and field.visible_if is not None
    proposal = Proposal()
    assert not field.visible_if.holds(proposal)
    proposal.certified.integration = "standalone"
    assert not field.visible_if.holds(proposal)
    proposal.certified.integration = "stackable"
    assert field.visible_if.holds(proposal)


def test_places_per_institution_shows_once_places_are_set(forms: FormSet) -> None:
    field = forms.field("general.max_places_per_institution")
    assert field is not None and field.visible_if is not None
    proposal = Proposal()
    assert not field.visible_if.holds(proposal)
    proposal.general.places = 0
    assert field.visible_if.holds(proposal)
    deficit = forms.field("financial.deficit_funding")
    assert deficit is not None and deficit.visible_if is None


def test_conditions_inside_items_look_at_the_same_item(forms: FormSet) -> None:
    field = forms.field("rights[].limit_occupation")
    assert field is not None and field.visible_if is not None
    condition = field.visible_if
    job = Right(title="Practise", entitlement_type=OCCUPATION)
    club = Right(title="Join", entitlement_type=MEMBERSHIP)
    proposal = Proposal(rights=[job, club])
    assert condition.holds(proposal, f"rights[{job.id}].limit_occupation")
    assert not condition.holds(proposal, f"rights[{club.id}].limit_occupation")
    assert condition.holds(proposal, f"rights[{job.id}]")
    assert not condition.holds(proposal, "rights[deleted].limit_occupation")


# ---------------------------------------------------------------------------
# Broken form files
# ---------------------------------------------------------------------------
HEAD = """
id = "general"
title = "General"
order = 1
version = 1
help = "About the offer."

[[groups]]
id = "main"
title = "Main"
help = "The main facts."
"""

TITLE_FIELD = """
[[groups.fields]]
path = "general.title"
label = "Title"
help = "The title."
required = true
"""


def _write(folder: Path, text: str, name: str = "general.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _error(folder: Path) -> FormDefinitionError:
    with pytest.raises(FormDefinitionError) as caught:
        load_forms(folder)
    return caught.value


def _field(path: str, extra: str = "", help_text: str = "Some help.") -> str:
    return (
        f'\n[[groups.fields]]\npath = "{path}"\nlabel = "Label"\n'
        f'help = "{help_text}"\nrequired = false\n{extra}\n'
    )


def test_a_minimal_valid_file_loads(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD)
    forms = load_forms(tmp_path)
    assert [f.path for f in forms.fields()] == ["general.title"]
    assert forms.section("general").source == tmp_path / "general.toml"


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    file = _write(tmp_path, HEAD + TITLE_FIELD + "\nlabel = = oops\n")
    error = _error(tmp_path)
    assert error.file == file
    assert error.field is None
    assert "not valid TOML" in error.problem
    assert error.line is not None and error.line > 10
    assert str(error).startswith(f"{tmp_path.name}/general.toml: not valid TOML")


def test_unknown_key_is_named(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD + 'lable = "Title"\n')
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert "unknown key 'lable'" in error.problem
    assert "general.toml: field 'general.title': unknown key 'lable'" in str(error)


def test_unknown_section_key_is_named(tmp_path: Path) -> None:
    _write(tmp_path, 'colour = "red"\n' + HEAD + TITLE_FIELD)
    error = _error(tmp_path)
    assert error.field is None
    assert "unknown key 'colour'" in error.problem


def test_missing_key_is_named(tmp_path: Path) -> None:
    broken = TITLE_FIELD.replace('help = "The title."\n', "")
    _write(tmp_path, HEAD + broken)
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert error.problem == "missing key 'help'"


def test_missing_section_key_is_named(tmp_path: Path) -> None:
    _write(tmp_path, HEAD.replace("version = 1\n", "") + TITLE_FIELD)
    error = _error(tmp_path)
    assert error.problem == "missing key 'version'"


def test_path_that_is_not_in_the_model(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD.replace("general.title", "general.titel"))
    error = _error(tmp_path)
    assert error.file == tmp_path / "general.toml"
    assert error.field == "general.titel"
    assert error.problem == "no such field in the proposal model"
    assert str(error) == (
        f"{tmp_path.name}/general.toml: field 'general.titel': no such field in the proposal model"
    )


def test_list_fields_outside_their_group_are_rejected(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("staff[].name"))
    error = _error(tmp_path)
    assert error.field == "staff[].name"
    assert "directly in" in error.problem


def test_a_list_of_items_must_be_a_group(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("staff"))
    error = _error(tmp_path)
    assert error.field == "staff"
    assert "repeatable group" in error.problem


def test_duplicate_path_in_one_file(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD + TITLE_FIELD)
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert "appears twice" in error.problem


def test_duplicate_path_across_files(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD)
    other = HEAD.replace('"general"', '"other"').replace("order = 1", "order = 2")
    _write(tmp_path, other + TITLE_FIELD, "other.toml")
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert "appears twice (also in general.toml)" in error.problem
    assert error.file == tmp_path / "other.toml"


def test_vocabulary_that_does_not_exist(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("general.keywords", 'vocabulary = "buzzwords"'))
    error = _error(tmp_path)
    assert error.field == "general.keywords"
    assert error.problem == "there is no vocabulary 'buzzwords'"


def test_vocabulary_the_model_would_reject(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("general.languages", 'vocabulary = "country"'))
    error = _error(tmp_path)
    assert error.field == "general.languages"
    assert "only accepts terms of the vocabulary 'language'" in error.problem


STAFF_HEAD = """
id = "staff"
title = "Staff"
order = 5
version = 1
help = "People."

[[groups]]
id = "members"
title = "Staff"
help = "Everyone."
path = "staff"
item_label = "Staff member"
"""


def test_choices_that_do_not_match_the_model(tmp_path: Path) -> None:
    choices = 'choices = { coordinator = "Coordinator", teacher = "Teacher", dean = "Dean" }'
    _write(tmp_path, STAFF_HEAD + _field("staff[].role", choices), "staff.toml")
    error = _error(tmp_path)
    assert error.field == "staff[].role"
    assert "choices do not match" in error.problem
    assert "tutor" in error.problem and "dean" in error.problem


def test_choice_field_without_choices(tmp_path: Path) -> None:
    _write(tmp_path, STAFF_HEAD + _field("staff[].affiliation"), "staff.toml")
    error = _error(tmp_path)
    assert error.field == "staff[].affiliation"
    assert "missing key 'choices'" in error.problem


def test_choices_on_a_free_text_field(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("general.issuer_region", 'choices = { a = "A" }'))
    error = _error(tmp_path)
    assert error.field == "general.issuer_region"
    assert "fixed set of values" in error.problem


def test_visible_if_unknown_path(tmp_path: Path) -> None:
    condition = 'visible_if = { path = "general.seats", not_empty = true }'
    _write(tmp_path, HEAD + _field("general.max_places_per_institution", condition))
    error = _error(tmp_path)
    assert error.field == "general.max_places_per_institution"
    assert "general.seats" in error.problem
    assert "not a field of the proposal" in error.problem


def test_visible_if_value_the_field_cannot_hold(tmp_path: Path) -> None:
    condition = 'visible_if = { path = "certified.integration", equals = "modular" }'
    _write(tmp_path, HEAD + _field("general.prerequisites", condition))
    error = _error(tmp_path)
    assert error.field == "general.prerequisites"
    assert "'modular'" in error.problem


def test_visible_if_needs_exactly_one_test(tmp_path: Path) -> None:
    condition = 'visible_if = { path = "general.places" }'
    _write(tmp_path, HEAD + _field("general.max_places_per_institution", condition))
    error = _error(tmp_path)
    assert "exactly one of" in error.problem


def test_widget_not_allowed_for_the_kind(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD + 'widget = "multiline"\n')
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert "widget 'multiline' is not allowed for a text field" in error.problem


def test_a_hint_that_changes_nothing_is_refused(tmp_path: Path) -> None:
    # "multiline" is what a long text shows anyway: the line would only mislead a reader.
    _write(tmp_path, HEAD + _field("general.description", 'widget = "multiline"'))
    error = _error(tmp_path)
    assert error.field == "general.description"
    assert "widget 'multiline' is what a longtext field shows anyway" in error.problem
    assert "remove the line" in error.problem


def test_a_hint_that_changes_the_widget_is_kept(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("general.description", 'widget = "line"'))
    description = load_forms(tmp_path).field("general.description")
    assert description is not None
    assert description.widget == "line"
    assert description.editor_widget.editor.endswith(":LineEditor")
    assert not description.editor_widget.full_width


def test_a_type_that_does_not_refine_the_models_kind_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD + 'type = "money"\n')
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert "type 'money' cannot present a text field" in error.problem


def test_an_unknown_type_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD + 'type = "colour"\n')
    error = _error(tmp_path)
    assert "type 'colour' cannot present a text field" in error.problem


def test_unknown_computed_name(tmp_path: Path) -> None:
    computed = '\n[[computed]]\nname = "academic.total_fun"\nlabel = "Fun"\nhelp = "Fun."\n'
    _write(tmp_path, HEAD.replace("[[groups]]", computed + "\n[[groups]]") + TITLE_FIELD)
    error = _error(tmp_path)
    assert "unknown computed value 'academic.total_fun'" in error.problem


def test_unknown_feeds_tag(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD + 'feeds = ["credentials"]\n')
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert "unknown feeds tag 'credentials'" in error.problem


def test_duplicate_section_id(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD, "a.toml")
    other = HEAD.replace("order = 1", "order = 2") + _field("general.description")
    _write(tmp_path, other, "b.toml")
    error = _error(tmp_path)
    assert error.file == tmp_path / "b.toml"
    assert error.problem == "section id 'general' is also used in a.toml"


def test_duplicate_section_order(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD, "a.toml")
    other = HEAD.replace('"general"', '"more"') + _field("general.description")
    _write(tmp_path, other, "b.toml")
    error = _error(tmp_path)
    assert error.file == tmp_path / "b.toml"
    assert error.problem == "section order 1 is also used in a.toml"


def test_empty_help_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + _field("general.title", help_text="  "))
    error = _error(tmp_path)
    assert error.field == "general.title"
    assert error.problem == "'help' must not be empty"


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    error = _error(tmp_path)
    assert "no form files" in error.problem


def test_conditions_compare_dates_and_lists(tmp_path: Path) -> None:
    condition = 'visible_if = { path = "general.start_date", equals = 2026-05-10 }'
    _write(tmp_path, HEAD + _field("general.application_deadline", condition))
    forms = load_forms(tmp_path)
    field = forms.field("general.application_deadline")
    assert field is not None and field.visible_if is not None
    proposal = Proposal()
    assert not field.visible_if.holds(proposal)
    proposal.general.start_date = dt.date(2026, 5, 10)
    assert field.visible_if.holds(proposal)


# ---------------------------------------------------------------------------
# Concrete paths and visibility of whole fields
# ---------------------------------------------------------------------------
def test_schema_paths_expand_to_each_item_of_a_proposal() -> None:
    first, second = Right(title="A"), Right(title="B")
    proposal = Proposal(rights=[first, second])
    assert concrete_paths(proposal, "rights[].title") == [
        f"rights[{first.id}].title",
        f"rights[{second.id}].title",
    ]
    assert concrete_paths(proposal, "rights[].title", within=f"rights[{second.id}]") == [
        f"rights[{second.id}].title"
    ]
    assert concrete_paths(proposal, "general.title") == ["general.title"]
    assert concrete_paths(proposal, "staff[].name") == []
    ratings = concrete_paths(proposal, "self_assessment.entries[].rating")
    assert ratings[2] == "self_assessment.entries[esg-1.3].rating"
    assert len(ratings) == 10
    assert concrete_paths(proposal, "no such path") == []


def test_is_visible_combines_field_and_item_conditions(forms: FormSet) -> None:
    job = Right(title="Practise", entitlement_type=OCCUPATION)
    club = Right(title="Join", entitlement_type=MEMBERSHIP)
    proposal = Proposal(rights=[job, club])
    assert forms.is_visible(proposal, f"rights[{job.id}].limit_occupation")
    assert not forms.is_visible(proposal, f"rights[{club.id}].limit_occupation")
    assert forms.is_visible(proposal, f"rights[{club.id}].title")
    assert not forms.is_visible(proposal, "certified.stackability")
    assert not forms.is_visible(proposal, "general.titel")
    assert [g.id for g in forms.enclosing_groups("certified.learning_outcomes[x].esco_skills")] == [
        "outcomes"
    ]


def test_a_hidden_group_hides_its_fields(tmp_path: Path) -> None:
    text = HEAD.replace(
        'help = "The main facts."',
        'help = "The main facts."\nvisible_if = { path = "general.places", not_empty = true }',
    )
    _write(tmp_path, text + _field("general.max_places_per_institution"))
    forms = load_forms(tmp_path)
    proposal = Proposal()
    assert not forms.is_visible(proposal, "general.max_places_per_institution")
    proposal.general.places = 30
    assert forms.is_visible(proposal, "general.max_places_per_institution")


def test_a_field_without_a_usable_path_is_located_by_group(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + TITLE_FIELD.replace('"general.title"', "3"))
    error = _error(tmp_path)
    assert error.field is None
    assert error.problem == "group 'main', field 1: 'path' must be a text in quotes"


def test_a_plain_group_cannot_use_a_list_layout(tmp_path: Path) -> None:
    _write(tmp_path, HEAD + 'layout = "table"\n' + TITLE_FIELD)
    error = _error(tmp_path)
    assert error.problem.startswith("group 'main': layout 'table' is for lists")


def test_a_reference_list_must_say_what_it_points_to(tmp_path: Path) -> None:
    text = HEAD.replace(
        'help = "The main facts."',
        'help = "The main facts."\npath = "academic.assessments"\nitem_label = "Assessment"',
    )
    _write(tmp_path, text + _field("academic.assessments[].outcome_ids"))
    error = _error(tmp_path)
    assert error.field == "academic.assessments[].outcome_ids"
    assert "items_from" in error.problem


def test_the_forms_list_every_text_written_in_every_language() -> None:
    """The decision field by field is written in the forms: ``translated = true``."""
    import tomllib

    from mcdesigner.model.translations import translated_schema_paths
    from mcdesigner.paths import forms_dir

    listed: set[str] = set()

    def walk(table: dict[str, Any]) -> None:
        for field_table in table.get("fields", []):
            if field_table.get("translated") is True:
                listed.add(field_table["path"])
        for group in table.get("groups", []):
            walk(group)

    for path in sorted(forms_dir().glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    assert listed == set(translated_schema_paths(Proposal))
    assert "certified.learning_outcomes[].text" in listed
    assert "financial.revenues[].description" not in listed  # internal texts stay in one
