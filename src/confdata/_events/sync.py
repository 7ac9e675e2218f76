"""Keeping conferences in sync with their events [S9][S11]: the parts, gathered.

When an event that carries an add-on's conference is updated or deleted, the add-on must
mirror the change in its conferencing system. :class:`SyncState` runs the whole job (a full
sync from ``time_min``, then incremental syncs with the sync token, a full sync again when
the token expires) and keeps the conferences it knows; it is stored as JSON between runs.
Its parts are public too: :func:`sync_events` pages through ``events.list`` and always ends,
:func:`detect_changes` turns events into records, :func:`ours` says which conferences are
yours, and :func:`if_match_headers` makes a write conditional on the etag.
"""

from __future__ import annotations

from .changes import detect_changes
from .ownership import IsOurs, ours, solution_named
from .paging import MAX_PAGES, PagingError, SyncRun, sync_events
from .records import (
    Change,
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUnlisted,
    ConferenceUpdated,
    EventTime,
    OccurrenceCancelled,
    SyncResult,
)
from .state import SyncOutcome, SyncState
from .writes import if_match_headers

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
