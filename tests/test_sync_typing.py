"""What a type checker sees of a sync job written as a user writes it.

``mypy --strict`` checks this module in the gate: the job below keeps its own store of
conferences (``dict[str, str]``) from the records without a cast, and matches the records
exhaustively. The test runs it once, so the code is real.
"""

from __future__ import annotations

import json
from typing import Any, assert_never, assert_type

from confdata import ConferenceData, Problem
from confdata.sync import (
    Change,
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUnlisted,
    ConferenceUpdated,
    EventTime,
    IsOurs,
    OccurrenceCancelled,
    SyncOutcome,
    SyncState,
    detect_changes,
    ours,
)
from confdata.writes import EventWrite, JoinText, join_text, meet_request, patch_arguments


def mirror(store: dict[str, str], change: Change) -> str:
    """What a conferencing system does with each record, exhaustively."""
    match change:
        case ConferenceUpdated():
            store[change.event_id] = change.conference_id  # str into dict[str, str]: no cast
            assert_type(change.start, EventTime | None)
            assert_type(change.moved, bool)
            return f"update {change.conference_id}"
        case OccurrenceCancelled():
            assert_type(change.recurring_event_id, str)
            return f"cancel one occurrence of {change.conference_id}"
        case ConferenceDeleted() | ConferenceReleased() | ConferenceUnlisted():
            del store[change.event_id]
            return f"delete {change.conference_id}"
        case _:
            assert_never(change)


def run_job(stored: str, list_page: Any) -> tuple[str, list[str]]:
    is_ours = ours(parameter="acmeMeetingId")
    assert_type(is_ours, IsOurs)
    state = SyncState.from_json(json.loads(stored))
    outcome = state.sync(list_page, is_ours=is_ours, time_min="2026-01-01T00:00:00Z")
    assert_type(outcome, SyncOutcome)
    store: dict[str, str] = dict(state.known)
    done = [mirror(store, change) for change in outcome.changes]
    assert_type(outcome.problems, tuple[Problem, ...])
    result = detect_changes([], is_ours=is_ours, known=store)  # a dict[str, str] is a known
    assert_type(result.changes, tuple[Change, ...])
    return json.dumps(outcome.state.to_json()), done


def test_a_typed_job_runs() -> None:
    """The job above runs: a full sync, one update mirrored into the store."""
    event = {
        "id": "e1",
        "conferenceData": {
            "conferenceId": "a-1",
            "conferenceSolution": {"key": {"type": "addOn"}},
            "entryPoints": [{"entryPointType": "video", "uri": "https://acme.example/j/a-1"}],
            "parameters": {"addOnParameters": {"parameters": {"acmeMeetingId": "a-1"}}},
        },
    }

    def list_page(arguments: dict[str, str]) -> dict[str, Any]:
        return {"items": [event], "nextSyncToken": "t1"}

    stored, done = run_job(json.dumps(SyncState().to_json()), list_page)
    assert done == ["update a-1"]
    assert json.loads(stored)["known"] == {"e1": "a-1"}


def test_the_write_side_is_typed_too() -> None:
    """meet_request() is conference data, patch_arguments() an EventWrite, join_text() a
    JoinText."""
    meet = meet_request()
    assert_type(meet, ConferenceData)
    write = patch_arguments(meet, calendar_id="primary", event_id="e1")
    assert_type(write, EventWrite)
    text = join_text({"entryPoints": [{"entryPointType": "video", "uri": "https://a.example/"}]})
    assert_type(text, JoinText)
    assert_type(text.location, str | None)
    assert text.location == "https://a.example/"
