"""Reading members of Event JSON without trusting its shape (the lifecycle helpers' one tool)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DEPRECATED_TYPES", "member"]

DEPRECATED_TYPES = frozenset({"eventHangout", "eventNamedHangout"})
"""Solution types of which "new conferences cannot be created" [S3]."""


def member(value: object, *keys: str) -> object:
    """``value[k1][k2]…``, or None where a level is missing or not an object."""
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value
