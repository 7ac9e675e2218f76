"""JSON Schema (draft 2020-12) of both forms (implemented in :mod:`confdata._core.schema`)."""

from __future__ import annotations

from ._core.schema import (
    NOT_EXPRESSED,
    json_schema,
)

__all__ = [
    "NOT_EXPRESSED",
    "json_schema",
]
