"""Which model values a user edits, so tests and tools can prove the forms cover them all."""

from __future__ import annotations

from pydantic import BaseModel

from mcdesigner.formdefs.definitions import FormSet
from mcdesigner.model.fieldpath import shape_of
from mcdesigner.model.proposal import Proposal

#: Schema paths no form shows, and why.
NOT_EDITED: dict[str, str] = {
    "schema_version": "format version of the stored document",
    "id": "identifier of the proposal, set when it is created",
    "status": "changed by the review workflow, not typed in",
    "self_assessment.entries[].standard": "fixed: one entry per ESG standard",
    "translations": "texts in further languages, kept beside their fields, not a form field",
}


def editable_paths(model: type[BaseModel] = Proposal, prefix: str = "") -> list[str]:
    """Schema paths of every list and every leaf value a user edits, in model order.

    Lists of items appear themselves (``rights``) and with their items' fields
    (``rights[].title``); item ids and :data:`NOT_EDITED` paths are left out.
    """
    found: list[str] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if path in NOT_EDITED or (name == "id" and prefix.endswith("[].")):
            continue
        shape = shape_of(info.annotation, list(info.metadata))
        if shape.kind == "items" and shape.item_model is not None:
            found.append(path)
            found.extend(editable_paths(shape.item_model, f"{path}[]."))
        elif shape.kind == "object" and shape.item_model is not None:
            found.extend(editable_paths(shape.item_model, f"{path}."))
        else:
            found.append(path)
    return found


def uncovered_paths(forms: FormSet) -> list[str]:
    """Editable paths that no form shows (should be empty)."""
    return [p for p in editable_paths() if forms.element(p) is None]
