"""Safe writes to the Calendar API (implemented in :mod:`confdata._events.writes`)."""

from __future__ import annotations

from ._events.writes import (
    EventWrite,
    insert_arguments,
    patch_arguments,
)

__all__ = [
    "EventWrite",
    "insert_arguments",
    "patch_arguments",
]
