"""Required fields: the Annex I mandatory elements and whatever the forms mark required."""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.forms import FORM_REFERENCE, RequiredValue
from mcdesigner.checks.issues import CREDENTIAL_GROUP
from mcdesigner.checks.references import ANNEX_MANDATORY
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.i18n import tr


@rule(
    "annex.missing",
    title="Annex I mandatory element supplied",
    section="certified",
    severity="error",
    reference=ANNEX_MANDATORY,
    reports_missing=True,
)
def annex_missing(context: CheckContext) -> Iterator[Finding]:
    """Each Annex I element the proposal must supply is filled in."""
    for value in context.required.missing:
        element = value.field.annex
        if element is None:
            continue
        message = tr(
            "“{label}” is empty. It supplies the Annex I mandatory element “{element}”,"
            " which every micro-credential states on the credential. Fill it in."
        ).format(label=value.field.label, element=tr(element.name))
        yield Finding("error", value.path, message, reference=element.reference)


def _required_message(value: RequiredValue) -> str:
    field = value.field
    if field.min_items == 1:
        return tr("Add at least one entry to “{label}”: the form requires it.").format(
            label=field.label
        )
    if field.min_items > 1:
        return tr("Add at least {count} entries to “{label}”: the form requires them.").format(
            count=field.min_items, label=field.label
        )
    if value.item_number is None:
        return tr("Fill in “{label}”: the form marks it as required.").format(label=field.label)
    item = field.item_label or tr("Entry")
    return tr("Fill in “{label}” ({item} {number}): the form marks it as required.").format(
        label=field.label, item=item, number=value.item_number
    )


@rule(
    "required.missing",
    title="Required form field filled",
    section="any",
    severity="error",
    reference=FORM_REFERENCE,
    reports_missing=True,
)
def required_missing(context: CheckContext) -> Iterator[Finding]:
    """Each field the forms mark required (and currently show) is filled in."""
    for value in context.required.missing:
        if value.field.annex is not None:
            continue
        group = CREDENTIAL_GROUP if value.field.on_credential else ""
        yield Finding("error", value.path, _required_message(value), value.field.reference, group)


RULES: tuple[Rule, ...] = (annex_missing, required_missing)
