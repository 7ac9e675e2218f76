"""Keeping conferences in sync with their events (implemented in :mod:`confdata._events.sync`)."""

from __future__ import annotations

from ._events.sync import (
    MAX_PAGES,
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUpdated,
    EventTime,
    PagingError,
    SyncResult,
    SyncRun,
    detect_changes,
    if_match_headers,
    solution_named,
    sync_events,
)

__all__ = [
    "MAX_PAGES",
    "ConferenceDeleted",
    "ConferenceReleased",
    "ConferenceUpdated",
    "EventTime",
    "PagingError",
    "SyncResult",
    "SyncRun",
    "detect_changes",
    "if_match_headers",
    "solution_named",
    "sync_events",
]
