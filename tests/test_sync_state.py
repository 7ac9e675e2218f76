"""A sync job a user runs: SyncState's full sync, incremental syncs, reset on 410, and its JSON.

The pages are shaped as Google's references document them: events.list with ``syncToken``,
``showDeleted``, ``timeMin`` and 410 Gone (Calendar API v3 discovery document [S3]); an
occurrence of a series listed apart with its own ID ``<series>_<start>``, ``recurringEventId``
and ``originalStartTime``; a cancelled occurrence with nothing else, a deleted event with
nothing but its ID (``Event.status`` [S3]). The calls go through google-api-python-client.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from googleapiclient.discovery import build
from googleapiclient.http import HttpMockSequence
from hypothesis import given, settings
from hypothesis import strategies as st

from confdata import ValidationError
from confdata.sync import (
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUnlisted,
    ConferenceUpdated,
    EventTime,
    OccurrenceCancelled,
    PagingError,
    SyncState,
    ours,
)

from .hostile_values import EqRaises

IS_OURS = ours(parameter="acmeMeetingId")


def acme(conference_id: str) -> dict[str, Any]:
    """An add-on conference as Calendar stores it: the addOn key, and the parameters the
    add-on wrote."""
    return {
        "conferenceId": conference_id,
        "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme Video"},
        "entryPoints": [
            {"entryPointType": "video", "uri": f"https://acme.example/j/{conference_id}"}
        ],
        "parameters": {"addOnParameters": {"parameters": {"acmeMeetingId": conference_id}}},
    }


def timed(day: str, **members: Any) -> dict[str, Any]:
    return {
        "kind": "calendar#event",
        "etag": f'"{day}"',
        "status": "confirmed",
        "start": {"dateTime": f"{day}T10:00:00Z"},
        "end": {"dateTime": f"{day}T10:30:00Z"},
        **members,
    }


SERIES = timed(
    "2026-11-02", id="s1", recurrence=["RRULE:FREQ=WEEKLY;BYDAY=MO"], conferenceData=acme("a-1")
)
CANCELLED_OCCURRENCE = {
    "kind": "calendar#event",
    "id": "s1_20261109T100000Z",
    "status": "cancelled",
    "recurringEventId": "s1",
    "originalStartTime": {"dateTime": "2026-11-09T10:00:00Z"},
}
MOVED_OCCURRENCE = timed(
    "2026-11-17",
    id="s1_20261116T100000Z",
    recurringEventId="s1",
    originalStartTime={"dateTime": "2026-11-16T10:00:00Z"},
    conferenceData=acme("a-1"),
)
GONE = json.dumps(
    {
        "error": {
            "code": 410,
            "message": "Sync token is no longer valid, a full sync is required.",
            "errors": [{"domain": "calendar", "reason": "fullSyncRequired"}],
        }
    }
)


def page(*items: dict[str, Any], next_page: str | None = None, token: str | None = None) -> Any:
    body: dict[str, Any] = {"kind": "calendar#events", "items": list(items)}
    if next_page is not None:
        body["nextPageToken"] = next_page
    if token is not None:
        body["nextSyncToken"] = token
    return ({"status": "200"}, json.dumps(body))


class Calendar:
    """google-api-python-client over canned answers; it records the queries sent."""

    def __init__(self, *answers: Any) -> None:
        self.http = HttpMockSequence(list(answers))
        self.service = build("calendar", "v3", http=self.http, static_discovery=True)

    def list_page(self, arguments: dict[str, str]) -> Any:
        return self.service.events().list(calendarId="primary", **arguments).execute()

    def queries(self) -> list[dict[str, list[str]]]:
        return [parse_qs(urlsplit(uri).query) for uri, *_ in self.http.request_sequence]


def test_a_job_runs_a_full_sync_then_incremental_ones_then_resets_on_410() -> None:
    """The first run lists from time_min; the next sends the stored token and gives one record
    per change (a cancelled occurrence, a moved one, a deleted event, a new conference); a 410
    runs a full sync again, which releases a removed conference and reports known events it
    did not list. The state survives JSON in between."""
    calendar = Calendar(
        page(SERIES, timed("2026-11-03", id="e1", conferenceData=acme("a-2")), token="t1"),
        page(CANCELLED_OCCURRENCE, MOVED_OCCURRENCE, next_page="p2"),
        page(
            {"kind": "calendar#event", "id": "e1", "status": "cancelled"},
            timed("2026-11-20", id="e3", conferenceData=acme("a-3")),
            token="t2",
        ),
        ({"status": "410"}, GONE),
        page(SERIES, CANCELLED_OCCURRENCE, MOVED_OCCURRENCE, timed("2026-11-20", id="e3")),
    )
    first = SyncState().sync(calendar.list_page, is_ours=IS_OURS, time_min="2026-11-01T00:00:00Z")
    assert first.full_sync
    assert [(type(c).__name__, c.event_id) for c in first.changes] == [
        ("ConferenceUpdated", "s1"),
        ("ConferenceUpdated", "e1"),
    ]
    assert dict(first.state.known) == {"s1": "a-1", "e1": "a-2"}

    stored = json.dumps(first.state.to_json())
    second = SyncState.from_json(json.loads(stored)).sync(
        calendar.list_page, is_ours=IS_OURS, time_min="2026-11-01T00:00:00Z"
    )
    assert not second.full_sync
    cancelled, moved, deleted, created = second.changes
    assert cancelled == OccurrenceCancelled(
        "s1_20261109T100000Z", "s1", "a-1", EventTime(date_time="2026-11-09T10:00:00Z")
    )
    assert isinstance(moved, ConferenceUpdated)
    assert moved.moved
    assert (moved.recurring_event_id, moved.conference_id) == ("s1", "a-1")
    assert deleted == ConferenceDeleted("e1", "a-2")
    assert isinstance(created, ConferenceUpdated)
    assert created.conference_id == "a-3"
    assert dict(second.state.known) == {"s1": "a-1", "e3": "a-3"}
    assert second.state.sync_token == "t2"

    with_stale = SyncState(sync_token="t2", known={**second.state.known, "e0": "a-0"})
    third = with_stale.sync(calendar.list_page, is_ours=IS_OURS, time_min="2026-11-01T00:00:00Z")
    assert third.full_sync
    assert third.token_expired
    assert third.changes[-2:] == (
        ConferenceReleased("e3", "a-3", None, '"2026-11-20"'),
        ConferenceUnlisted("e0", "a-0"),
    )
    assert dict(third.state.known) == {"s1": "a-1"}
    assert third.state.sync_token is None  # the full sync gave none: the next run is full too

    full = {"timeMin": ["2026-11-01T00:00:00Z"], "showDeleted": ["true"]}
    queries = calendar.queries()
    assert [{k: v for k, v in q.items() if k != "alt"} for q in queries] == [
        full,
        {"syncToken": ["t1"], "showDeleted": ["true"]},
        {"syncToken": ["t1"], "showDeleted": ["true"], "pageToken": ["p2"]},
        {"syncToken": ["t2"], "showDeleted": ["true"]},
        full,
    ]


def test_a_410_to_a_full_sync_is_a_paging_error() -> None:
    """A full sync has no token to expire: a 410 to it is full-sync-gone, not a loop."""
    calendar = Calendar(({"status": "410"}, GONE))
    with pytest.raises(PagingError) as raised:
        SyncState().sync(calendar.list_page, is_ours=IS_OURS)
    assert [p.code for p in raised.value.problems] == ["full-sync-gone"]


def test_problems_say_whether_a_page_or_an_event_could_not_be_read() -> None:
    """An item that is no event is at /pages/<page>/items/<i>; an event whose conference
    data cannot be read at /events/<i>/conferenceData/..."""
    calendar = Calendar(
        page(timed("2026-11-03", id="e1", conferenceData={"entryPoints": 5}), token="t1")
    )
    outcome = SyncState().sync(calendar.list_page, is_ours=IS_OURS)
    assert [(p.code, p.path) for p in outcome.problems] == [
        ("type", "/events/0/conferenceData/entryPoints")
    ]

    def junk(arguments: dict[str, str]) -> Any:
        return {"items": [7], "nextSyncToken": "t1"}

    outcome = SyncState().sync(junk, is_ours=IS_OURS)
    assert [(p.code, p.path) for p in outcome.problems] == [("type", "/pages/0/items/0")]


def test_the_state_round_trips_through_json() -> None:
    """to_json() gives plain JSON that from_json() reads back equal; the repr shows the
    number of events, not the map."""
    state = SyncState(sync_token="CPDAlvWDx70CEPDAlvWDx70CGAU=", known={"e1": "a-1", "s1": "a-2"})
    text = json.dumps(state.to_json())
    assert json.loads(text) == {
        "version": 1,
        "syncToken": "CPDAlvWDx70CEPDAlvWDx70CGAU=",
        "known": {"e1": "a-1", "s1": "a-2"},
    }
    assert SyncState.from_json(json.loads(text)) == state
    assert SyncState.from_json(SyncState().to_json()) == SyncState()
    assert repr(state) == "SyncState(sync_token='CPDAlvWDx70CEPDAlvWDx70CGAU=', known=2 events)"


class Evil(dict[str, Any]):
    def get(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("get")

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("getitem")


@pytest.mark.parametrize(
    ("stored", "found"),
    [
        ([], [("type", "")]),
        ("{}", [("type", "")]),
        ({}, [("required", "/version"), ("required", "/known")]),
        ({"version": 2, "syncToken": None, "known": {}}, [("enum", "/version")]),
        ({"version": 10**5000, "syncToken": None, "known": {}}, [("enum", "/version")]),
        ({"version": True, "syncToken": None, "known": {}}, [("enum", "/version")]),
        ({"version": 1, "syncToken": 5, "known": {}}, [("type", "/syncToken")]),
        ({"version": 1, "syncToken": "", "known": {}}, [("type", "/syncToken")]),
        ({"version": 1, "known": []}, [("type", "/known")]),
        ({"version": 1, "known": {"e1": 5}}, [("type", "/known")]),
        ({"version": 1, "known": {"e1": {"deep": [[[]]]}}}, [("type", "/known")]),
        ({"version": 1, "known": {}, "sync_token": "t"}, [("unknown-field", "/sync_token")]),
    ],
)
def test_hostile_json_is_a_validation_error(stored: Any, found: list[tuple[str, str]]) -> None:
    """Stored state that is not what to_json() writes is one ValidationError naming each
    wrong member; nothing else escapes."""
    with pytest.raises(ValidationError) as raised:
        SyncState.from_json(stored)
    assert [(p.code, p.path) for p in raised.value.problems] == found


def test_hostile_objects_are_read_without_running_their_code() -> None:
    """A dict subclass whose methods raise and strings whose comparisons raise are read as
    their data."""
    stored = Evil(version=1, syncToken=EqRaises("t1"), known=Evil({EqRaises("e1"): "a-1"}))
    state = SyncState.from_json(stored)
    assert state == SyncState(sync_token="t1", known={"e1": "a-1"})
    assert type(state.sync_token) is str


def test_wrong_arguments_are_named_before_any_call() -> None:
    """A list_page or is_ours that cannot be called, a naive time_min and max_pages past its
    bound (10**5000 included) are one ValidationError, raised before any call."""
    calls: list[object] = []
    with pytest.raises(ValidationError) as raised:
        SyncState().sync(
            calls.append,  # type: ignore[arg-type]
            is_ours="Acme",  # type: ignore[arg-type]
            time_min="2026-11-01",
            max_pages=10**5000,
        )
    assert [p.path for p in raised.value.problems] == ["/is_ours", "/time_min", "/max_pages"]
    assert calls == []
    with pytest.raises(ValidationError, match="sync_token must be a non-empty string"):
        SyncState(sync_token="")
    with pytest.raises(ValidationError, match="known must be a mapping"):
        SyncState(known=["e1"])  # type: ignore[arg-type]


# Random batches: whatever the records, the next state agrees with them.

_IDS = ("e1", "e2", "s1", "s1_20261109T100000Z")
_items = st.fixed_dictionaries(
    {"id": st.sampled_from(_IDS)},
    optional={
        "status": st.sampled_from(["confirmed", "cancelled"]),
        "recurringEventId": st.just("s1"),
        "originalStartTime": st.just({"dateTime": "2026-11-09T10:00:00Z"}),
        "start": st.sampled_from(
            [{"dateTime": "2026-11-09T10:00:00Z"}, {"dateTime": "2026-11-09T12:00:00Z"}]
        ),
        "conferenceData": st.sampled_from(
            [acme("a-1"), acme("a-2"), {"createRequest": {"requestId": "r", "status": {}}}]
        ),
    },
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_items, max_size=6),
    st.dictionaries(st.sampled_from(_IDS), st.sampled_from(["a-1", "a-2", "a-9"]), max_size=3),
)
def test_the_next_state_agrees_with_the_records(items: list[Any], known: dict[str, str]) -> None:
    """After any incremental batch, the last record of each event decides: an event whose
    last record is an update is known with that conference unless it is an occurrence of the
    series' own conference; one whose last record deletes, cancels or releases is not known;
    events without a record keep what they had."""

    def list_page(arguments: dict[str, str]) -> Any:
        return {"items": items, "nextSyncToken": "next"}

    outcome = SyncState(sync_token="t", known=known).sync(list_page, is_ours=IS_OURS)
    after = dict(outcome.state.known)
    last: dict[str, Any] = {}
    for change in outcome.changes:
        last[change.event_id] = change
        assert type(change.conference_id) is str
    for event_id in _IDS:
        record = last.get(event_id)
        if record is None:
            assert after.get(event_id) == known.get(event_id)
        elif isinstance(record, ConferenceUpdated):
            series = record.recurring_event_id
            if series is not None and after.get(series) == record.conference_id:
                assert event_id not in after
            else:
                assert after[event_id] == record.conference_id
        else:
            assert event_id not in after
