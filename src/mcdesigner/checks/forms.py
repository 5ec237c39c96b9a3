"""Required fields: those the forms mark required plus the Annex I mandatory elements.

The forms (:mod:`mcdesigner.formdefs`) say which fields and lists are required and when
they are shown at all (a hidden field is never missing). Each required schema path
(``certified.learning_outcomes[].text``) is turned once per form set into a *plan*;
expanding a plan against a proposal yields one concrete path per list item
(``certified.learning_outcomes[3f9a0c1b2d4e].text``) together with whether it is filled.
The Annex I mandatory elements are always required, whatever the forms say, and carry
their Annex I reference.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from typing import Any

from mcdesigner.checks.issues import section_showing
from mcdesigner.checks.values import is_filled
from mcdesigner.formdefs import FieldDef, FormSet, default_forms
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import PathError, describe, parse_path
from mcdesigner.model.proposal import Proposal
from mcdesigner.model.standards import ANNEX_I_REQUIRED, AnnexElement

log = logging.getLogger(__name__)

#: Reference given for a required field whose form definition names no standard.
FORM_REFERENCE = "MC Designer proposal form: required field"


_reported_broken_forms = False


def default_form_set() -> FormSet | None:
    """The bundled forms, or ``None`` when they cannot be loaded (then only Annex I applies).

    Not cached here: :func:`mcdesigner.formdefs.default_forms` caches, and clearing its
    cache (after a language change) must reach the checks too.
    """
    global _reported_broken_forms
    try:
        return default_forms()
    except Exception:  # broken form files must not stop the checks
        if not _reported_broken_forms:
            _reported_broken_forms = True
            log.exception("the bundled forms could not be loaded; checking Annex I only")
        return None


# ---------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RequiredField:
    """One required field or list, ready to be expanded against a proposal."""

    schema_path: str
    label: str
    reference: str
    steps: tuple[tuple[str, bool], ...]  # (field name, is a list of items to expand)
    section: str  # id of the section that shows it (whose completion it counts in)
    conditional: bool = False  # a visible_if (its own or a group's) may hide it
    min_items: int = 0  # > 0: a list that needs this many filled items
    item_label: str = ""  # name of one item of the innermost list ("Learning outcome")
    on_credential: bool = False
    annex: AnnexElement | None = None


@dataclass(frozen=True, slots=True)
class RequiredValue:
    """A required field at one concrete path that is empty."""

    field: RequiredField
    path: str
    item_number: int | None  # 1-based position of the innermost list item, if any


@dataclass(frozen=True, slots=True)
class RequiredPlan:
    """Annex I fields, then the form's required fields and lists, each schema path once.

    ``forms`` (when there are any) decides which of them are shown for a proposal.
    """

    fields: tuple[RequiredField, ...]
    forms: FormSet | None = None


def _steps(schema_path: str) -> tuple[tuple[str, bool], ...]:
    segments = parse_path(schema_path)
    last = len(segments) - 1
    # A trailing "[]" names the list itself: it is checked as a whole, not per item.
    return tuple(
        (seg.name, seg.item is not None and index != last) for index, seg in enumerate(segments)
    )


#: Labels of the Annex I fields, used when the forms do not label them.
_ANNEX_LABELS: dict[str, str] = {
    "general.title": "Title",
    "general.issuer_countries": "Countries of the issuer",
    "general.awarding_institutions": "Awarding institutions",
    "certified.learning_outcomes": "Learning outcomes",
    "certified.ects_credits": "ECTS credits",
    "certified.notional_hours": "Notional workload (hours)",
    "certified.eqf_level": "EQF level",
    "certified.assessment_types": "Types of assessment",
    "certified.modes": "Form of participation",
    "certified.quality_assurance_types": "Type of quality assurance",
}


def _innermost_item_label(forms: FormSet, path: str) -> str:
    cut = path.rfind("[]")
    if cut < 0:
        return ""
    group = forms.group_for_list(path[:cut])
    return group.item_label if group is not None else ""


def _form_fields(forms: FormSet) -> Iterator[RequiredField]:
    for group in forms.required_groups():
        path = group.path
        if path is None:
            continue
        yield RequiredField(
            schema_path=path,
            label=group.title,
            reference=group.reference or FORM_REFERENCE,
            steps=_steps(path),
            section=section_showing(path, forms),
            conditional=bool(forms.visibility_conditions(group)),
            min_items=group.min_items,
            item_label=_innermost_item_label(forms, path),
            on_credential=group.on_credential,
        )
    for field in forms.required_fields():
        try:
            describe(Proposal, field.path)
        except PathError:
            log.warning("form field %r names nothing in the proposal; not checked", field.path)
            continue
        yield RequiredField(
            schema_path=field.path,
            label=field.label,
            reference=field.reference or FORM_REFERENCE,
            steps=_steps(field.path),
            section=section_showing(field.path, forms),
            conditional=bool(forms.visibility_conditions(field)),
            item_label=_innermost_item_label(forms, field.path),
            on_credential=field.on_credential,
        )


def _annex_label(forms: FormSet | None, path: str) -> str:
    if forms is not None:
        element = forms.element(path)
        if isinstance(element, FieldDef):
            return element.label
        if element is not None:
            return element.title
    return tr(_ANNEX_LABELS.get(path, path))


def build_plan(forms: FormSet | None) -> RequiredPlan:
    """Turn the form set's required fields and lists, and Annex I, into expandable plans."""
    annex_fields = tuple(
        RequiredField(
            schema_path=path,
            label=_annex_label(forms, path),
            reference=element.reference,
            steps=_steps(path),
            section=section_showing(path, forms),
            on_credential=True,
            annex=element,
        )
        for element in ANNEX_I_REQUIRED
        for path in element.paths
    )
    # A form field that is also an Annex I element is checked once, as the Annex I element.
    annex_paths = {f.schema_path for f in annex_fields}
    form_fields = tuple(
        f
        for f in (_form_fields(forms) if forms is not None else ())
        if f.schema_path not in annex_paths
    )
    return RequiredPlan((*annex_fields, *form_fields), forms)


_PLANS: dict[int, tuple[FormSet | None, RequiredPlan]] = {}


def plan_for(forms: FormSet | None) -> RequiredPlan:
    """The plan of ``forms``, built once per form set object and then reused."""
    key = id(forms)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] is forms:
        return cached[1]
    plan = build_plan(forms)
    if len(_PLANS) >= 16:
        _PLANS.clear()
    _PLANS[key] = (forms, plan)
    return plan


# ---------------------------------------------------------------------------
# Expansion
# ---------------------------------------------------------------------------
_SCALARS = (int, float, Decimal, bool, dt.date)


def _filled(field: RequiredField, value: Any) -> bool:
    if value is None:
        return False
    if type(value) is str:
        return bool(value.strip())
    if isinstance(value, _SCALARS):
        return True
    if field.min_items > 0 and isinstance(value, list):
        wanted = field.min_items
        for item in value:
            if is_filled(item):
                wanted -= 1
                if wanted == 0:
                    return True
        return False
    return is_filled(value)


@dataclass
class RequiredScan:
    """The required fields of one proposal: counts per section and the empty ones."""

    filled: dict[str, int] = dataclass_field(default_factory=dict)
    required: dict[str, int] = dataclass_field(default_factory=dict)
    missing: list[RequiredValue] = dataclass_field(default_factory=list)


_Node = tuple[Any, str, int | None]  # value, its concrete path, 1-based item number


def scan_field(
    proposal: Proposal, field: RequiredField, scan: RequiredScan, forms: FormSet | None = None
) -> None:
    """Add every concrete path of ``field`` in ``proposal`` that ``forms`` show to ``scan``."""
    nodes: list[_Node] = [(proposal, "", None)]
    *inner, (last, _) = field.steps
    for name, is_list in inner:
        following: list[_Node] = []
        for node, prefix, number in nodes:
            value = getattr(node, name, None)
            if value is None:
                continue
            path = f"{prefix}.{name}" if prefix else name
            if is_list:
                following.extend(
                    (item, f"{path}[{item.id}]", index) for index, item in enumerate(value, 1)
                )
            else:
                following.append((value, path, number))
        nodes = following
    section = field.section
    check_visibility = field.conditional and forms is not None
    filled = required = 0
    for node, prefix, number in nodes:
        value = getattr(node, last, None)
        path = f"{prefix}.{last}" if prefix else last
        if check_visibility and not _shown(proposal, forms, path):
            continue
        required += 1
        if _filled(field, value):
            filled += 1
        else:
            scan.missing.append(RequiredValue(field, path, number))
    scan.filled[section] = scan.filled.get(section, 0) + filled
    scan.required[section] = scan.required.get(section, 0) + required


def _shown(proposal: Proposal, forms: FormSet | None, path: str) -> bool:
    if forms is None:
        return True
    try:
        return forms.is_visible(proposal, path)
    except Exception:  # a faulty condition must not hide a required field
        log.exception("visibility of %s could not be evaluated; treated as shown", path)
        return True


def scan_required(proposal: Proposal, plan: RequiredPlan) -> RequiredScan:
    """Annex I fields first, then the form's (each schema path appears once in a plan).

    A field that cannot be scanned is left out (and logged) instead of stopping the checks.
    """
    scan = RequiredScan()
    for field in plan.fields:
        try:
            scan_field(proposal, field, scan, plan.forms)
        except Exception:
            log.exception("required field %s could not be checked", field.schema_path)
    return scan
