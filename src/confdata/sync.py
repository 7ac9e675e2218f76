"""Keeping conferences in sync with their events (implemented in :mod:`confdata._events`)."""

from __future__ import annotations

from ._events.sync import (
    MAX_PAGES,
    Change,
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUnlisted,
    ConferenceUpdated,
    EventTime,
    IsOurs,
    OccurrenceCancelled,
    PagingError,
    SyncOutcome,
    SyncResult,
    SyncRun,
    SyncState,
    detect_changes,
    if_match_headers,
    ours,
    solution_named,
    sync_events,
)

__all__ = [
    "MAX_PAGES",
    "Change",
    "ConferenceDeleted",
    "ConferenceReleased",
    "ConferenceUnlisted",
    "ConferenceUpdated",
    "EventTime",
    "IsOurs",
    "OccurrenceCancelled",
    "PagingError",
    "SyncOutcome",
    "SyncResult",
    "SyncRun",
    "SyncState",
    "detect_changes",
    "if_match_headers",
    "ours",
    "solution_named",
    "sync_events",
]
