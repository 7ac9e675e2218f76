"""Safe writes to the Calendar API (implemented in :mod:`confdata._events`)."""

from __future__ import annotations

from ._events.event_text import JoinText, join_text
from ._events.writes import (
    EventWrite,
    if_match_headers,
    insert_arguments,
    meet_request,
    patch_arguments,
)

__all__ = [
    "EventWrite",
    "JoinText",
    "if_match_headers",
    "insert_arguments",
    "join_text",
    "meet_request",
    "patch_arguments",
]
