"""Declarative form definitions: the ``forms/*.toml`` files loaded into frozen objects.

Each section of a proposal has one form file listing its groups and fields, bound to
model paths, with labels, help, required flags, widget hints, choice labels, where the
value ends up (``feeds``) and the rule it comes from (``reference``). The editor, the
completeness checks and the document exports all read the same definitions::

    forms = default_forms()
    title = forms.field("general.title")
    for field in forms.required_fields():
        for path in concrete_paths(proposal, field.path):
            if forms.is_visible(proposal, path): ...

Labels, help texts and choice labels pass through :func:`mcdesigner.i18n.tr` (context
``"forms"``) when the files are loaded; after installing a translator, call
``default_forms.cache_clear()`` so the next call loads them in the new language.

Field paths read the same everywhere through :func:`path_label` and :func:`describe_path`
("Learning outcome 3 › ESCO skill 2 › ESCO address")::

    path_label(forms, "certified.learning_outcomes[lo3].text", proposal)
"""

from __future__ import annotations

from mcdesigner.formdefs.computed import COMPUTED_VALUES, ComputedDef
from mcdesigner.formdefs.conditions import Condition, is_empty
from mcdesigner.formdefs.coverage import NOT_EDITED, editable_paths, uncovered_paths
from mcdesigner.formdefs.definitions import (
    LAYOUTS,
    FieldDef,
    FormSet,
    GroupDef,
    SectionDef,
)
from mcdesigner.formdefs.errors import FormDefinitionError
from mcdesigner.formdefs.feeds import FEED_LABELS, feed_label
from mcdesigner.formdefs.instances import concrete_paths
from mcdesigner.formdefs.labels import (
    LABEL_SEPARATOR,
    PathInfo,
    describe_path,
    display_order,
    element_label,
    item_name,
    item_noun,
    path_label,
)
from mcdesigner.formdefs.loader import default_forms, load_forms

__all__ = [
    "COMPUTED_VALUES",
    "FEED_LABELS",
    "LABEL_SEPARATOR",
    "LAYOUTS",
    "NOT_EDITED",
    "ComputedDef",
    "Condition",
    "FieldDef",
    "FormDefinitionError",
    "FormSet",
    "GroupDef",
    "PathInfo",
    "SectionDef",
    "concrete_paths",
    "default_forms",
    "describe_path",
    "display_order",
    "editable_paths",
    "element_label",
    "feed_label",
    "is_empty",
    "item_name",
    "item_noun",
    "load_forms",
    "path_label",
    "uncovered_paths",
]
