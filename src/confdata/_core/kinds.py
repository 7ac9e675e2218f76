"""JSON kinds of foreign values, decided by ``type()`` alone.

``isinstance`` falls back to a value's ``__class__`` attribute, which a hostile object can make
raise; ``issubclass(type(value), ...)`` runs none of the value's code. The readers of provider
responses and of join information check their input with these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeGuard

__all__ = ["is_int", "is_mapping", "is_str"]


def is_str(value: object) -> TypeGuard[str]:
    """A string (a subclass too: read it with ``str.__str__``)."""
    return issubclass(type(value), str)


def is_int(value: object) -> TypeGuard[int]:
    """An integer that is not a boolean (read it with ``int.__int__``)."""
    kind = type(value)
    return issubclass(kind, int) and not issubclass(kind, bool)


def is_mapping(value: object) -> TypeGuard[Mapping[Any, Any]]:
    """A mapping; its methods are foreign code (call them inside ``try``)."""
    try:
        return issubclass(type(value), Mapping)
    except Exception:  # a metaclass that breaks the ABC check: no mapping to read
        return False
