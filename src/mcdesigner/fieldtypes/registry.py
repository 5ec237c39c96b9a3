"""The registered field types, looked up by name.

The built-in types register themselves when :mod:`mcdesigner.fieldtypes` is imported; a
new type is one module declaring a :class:`~mcdesigner.fieldtypes.base.FieldType` and one
:func:`register` call (see CONTRIBUTING.md, "Adding a field type").
"""

from __future__ import annotations

from mcdesigner.fieldtypes.base import FieldType

_TYPES: dict[str, FieldType] = {}


class UnknownFieldType(KeyError):
    """No field type of that name is registered."""


def register(field_type: FieldType, *, replace: bool = False) -> FieldType:
    """Make ``field_type`` known by its name; a second type of the same name is refused."""
    if field_type.name in _TYPES and not replace and _TYPES[field_type.name] is not field_type:
        raise ValueError(f"a field type named {field_type.name!r} is already registered")
    if field_type.refines is not None and field_type.refines not in _TYPES:
        raise ValueError(
            f"field type {field_type.name!r} refines {field_type.refines!r},"
            " which is not registered"
        )
    _TYPES[field_type.name] = field_type
    return field_type


def unregister(name: str) -> None:
    """Forget the type ``name`` (tests that register a type of their own clean up with it)."""
    _TYPES.pop(name, None)


def field_type(name: str) -> FieldType:
    """The type named ``name``."""
    try:
        return _TYPES[name]
    except KeyError:
        raise UnknownFieldType(name) from None


def is_registered(name: str) -> bool:
    """Whether a type named ``name`` exists."""
    return name in _TYPES


def registered() -> tuple[FieldType, ...]:
    """Every registered type, in registration order."""
    return tuple(_TYPES.values())
