"""Values fit their field type: every shown, filled field passes its type's own validation.

The model already refuses what its own types reject (an e-mail address without ``@``);
this rule also covers the types the forms present fields as (``type = "..."`` in a form
file), so a value a form's type refuses is reported at its field, with the type's
explanation.
"""

from __future__ import annotations

from collections.abc import Iterator

from mcdesigner.checks.context import CheckContext
from mcdesigner.checks.rule import Finding, Rule, rule
from mcdesigner.formdefs import concrete_paths
from mcdesigner.i18n import tr
from mcdesigner.model.fieldpath import PathError, get_value

FIELD_FORMAT = "MC Designer proposal form: each value has the form its field asks for"


@rule(
    "field.invalid",
    title="Values have the form their field asks for",
    section="general",
    severity="error",
    reference=FIELD_FORMAT,
)
def invalid_values(context: CheckContext) -> Iterator[Finding]:
    """Each filled value that its field's type refuses, with the type's reason."""
    forms = context.forms
    if forms is None:
        return
    proposal = context.proposal
    for field in forms.fields():
        kind = field.type
        if kind.validate is None:
            continue
        for path in concrete_paths(proposal, field.path):
            try:
                value = get_value(proposal, path)
            except PathError:
                continue
            problem = kind.problem(value)
            if problem is None or not forms.is_visible(proposal, path, field):
                continue
            yield Finding(
                "error",
                path,
                tr("{label}: {problem}").format(label=field.label, problem=problem),
            )


RULES: tuple[Rule, ...] = (invalid_values,)
