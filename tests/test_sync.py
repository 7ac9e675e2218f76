"""Keeping conferences in sync: change detection, sync tokens, conditional writes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from http import HTTPStatus
from types import MappingProxyType, SimpleNamespace
from typing import Any

import pytest
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import HttpMockSequence
from hypothesis import given
from hypothesis import strategies as st

from confdata import ConferenceData, Manifest, ValidationError
from confdata.sync import (
    MAX_PAGES,
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUnlisted,
    ConferenceUpdated,
    EventTime,
    OccurrenceCancelled,
    PagingError,
    detect_changes,
    if_match_headers,
    ours,
    solution_named,
    sync_events,
)

from .hostile_values import EqRaises
from .payloads import manifest_payload

ACME = solution_named("Acme Video")


def acme_conference(conference_id: str = "acme-1") -> dict[str, Any]:
    return {
        "conferenceId": conference_id,
        "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme Video"},
        "entryPoints": [
            {"entryPointType": "video", "uri": f"https://acme.example/j/{conference_id}"}
        ],
        "parameters": {"addOnParameters": {"parameters": {"meetingKey": "k-1"}}},
    }


MEET = {
    "conferenceId": "abc-defg-hij",
    "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"},
    "entryPoints": [{"entryPointType": "video", "uri": "https://meet.google.com/abc-defg-hij"}],
}


def event(event_id: str, **members: Any) -> dict[str, Any]:
    return {
        "kind": "calendar#event",
        "id": event_id,
        "etag": f'"etag-{event_id}"',
        "status": "confirmed",
        **members,
    }


def test_update_record_holds_what_is_mirrored() -> None:
    """An event with our conference yields an update with times, people, recurrence, etag."""
    changes = detect_changes(
        [
            event(
                "e1",
                summary="Planning",
                start={"dateTime": "2026-11-26T10:00:00+01:00", "timeZone": "Europe/Stockholm"},
                end={"dateTime": "2026-11-26T11:00:00+01:00", "timeZone": "Europe/Stockholm"},
                attendees=[
                    {"email": "a@example.com", "responseStatus": "accepted"},
                    {"email": "b@example.com", "responseStatus": "declined"},
                    {"self": True},
                ],
                recurrence=["RRULE:FREQ=WEEKLY;COUNT=3"],
                conferenceData=acme_conference(),
            )
        ],
        is_ours=ACME,
    ).changes
    (update,) = changes
    assert isinstance(update, ConferenceUpdated)
    assert update.conference_id == "acme-1"
    assert [(p.key, p.value) for p in update.parameters] == [("meetingKey", "k-1")]
    assert update.start == EventTime(None, "2026-11-26T10:00:00+01:00", "Europe/Stockholm")
    assert update.summary == "Planning"
    assert update.attendees == ("a@example.com",)
    assert update.recurrence == ("RRULE:FREQ=WEEKLY;COUNT=3",)
    assert update.etag == '"etag-e1"'


def test_all_day_events() -> None:
    """All-day events have dates, not times."""
    (update,) = detect_changes(
        [
            event(
                "e1",
                start={"date": "2026-12-24"},
                end={"date": "2026-12-25"},
                conferenceData=acme_conference(),
            )
        ],
        is_ours=ACME,
    ).changes
    assert isinstance(update, ConferenceUpdated)
    assert update.start is not None
    assert update.start.all_day


def test_cancelled_events_delete_the_conference() -> None:
    """A cancelled event (arriving without data in an incremental sync) is a deletion."""
    result = detect_changes(
        [
            {"id": "e1", "status": "cancelled"},
            {"id": "e9", "status": "cancelled"},
            event("e2", status="cancelled", conferenceData=acme_conference("acme-2")),
        ],
        is_ours=ACME,
        known={"e1": "acme-1"},
    )
    assert result.changes == (ConferenceDeleted("e1", "acme-1"), ConferenceDeleted("e2", "acme-2"))


def test_a_cancelled_occurrence_is_not_a_deleted_conference() -> None:
    """A cancelled occurrence of a series we know, as Google sends it (an exception with only
    id, status, recurringEventId and originalStartTime), is an OccurrenceCancelled naming the
    series, its conference and the occurrence; the series' conference is not deleted."""
    (change,) = detect_changes(
        [
            {
                "kind": "calendar#event",
                "id": "s1_20261203T100000Z",
                "status": "cancelled",
                "recurringEventId": "s1",
                "originalStartTime": {"dateTime": "2026-12-03T10:00:00Z"},
            }
        ],
        is_ours=ACME,
        known={"s1": "acme-1"},
    ).changes
    assert change == OccurrenceCancelled(
        "s1_20261203T100000Z", "s1", "acme-1", EventTime(date_time="2026-12-03T10:00:00Z")
    )


def test_removed_and_replaced_conferences_are_released() -> None:
    """An event we know that lost our conference is released; replaced ones say by what."""
    result = detect_changes(
        [event("e1"), event("e2", conferenceData=MEET), event("e3", conferenceData=MEET)],
        is_ours=ACME,
        known={"e1": "acme-1", "e2": "acme-2"},
    )
    assert result.changes == (
        ConferenceReleased("e1", "acme-1", None, '"etag-e1"'),
        ConferenceReleased("e2", "acme-2", "hangoutsMeet", '"etag-e2"'),
    )


def test_other_events_are_ignored_and_malformed_ones_reported() -> None:
    """Meet, no conference, other add-ons: ignored; malformed events: problems, no crash."""
    other = acme_conference()
    other["conferenceSolution"]["name"] = "Other Video"
    result = detect_changes(
        [
            event("e1", conferenceData=MEET),
            event("e2"),
            event("e3", conferenceData=other),
            "garbage",
            {"id": 5},
            event("e4", conferenceData={"entryPoints": "nope"}),
        ],
        is_ours=ACME,
    )
    assert result.changes == ()
    assert [(p.code, p.path) for p in result.problems] == [
        ("type", "/3"),
        ("type", "/4/id"),
        ("type", "/5/conferenceData/entryPoints"),
    ]


def test_manifest_owns_by_solution_name() -> None:
    """The manifest recognises its solutions by name in Calendar data."""
    manifest = Manifest.from_json(manifest_payload())
    (change,) = detect_changes(
        [event("e1", conferenceData=acme_conference())], is_ours=manifest.owns
    ).changes
    assert isinstance(change, ConferenceUpdated)


def _service(*responses: tuple[dict[str, str], Any]) -> Any:
    http = HttpMockSequence(
        [
            (headers, json.dumps(body) if not isinstance(body, str) else body)
            for headers, body in responses
        ]
    )
    return build("calendar", "v3", http=http, static_discovery=True)


def test_incremental_sync_over_several_pages() -> None:
    """Pages are followed until the sync token; the token is sent on the next run."""
    service = _service(
        (
            {"status": "200"},
            {"items": [event("e1", conferenceData=acme_conference())], "nextPageToken": "p2"},
        ),
        (
            {"status": "200"},
            {"items": [{"id": "e2", "status": "cancelled"}], "nextSyncToken": "s2"},
        ),
    )
    seen: list[dict[str, str]] = []

    def list_page(arguments: dict[str, str]) -> Any:
        seen.append(arguments)
        return service.events().list(calendarId="primary", **arguments).execute()

    run = sync_events(list_page, "s1")
    assert seen == [{"syncToken": "s1"}, {"syncToken": "s1", "pageToken": "p2"}]
    assert run.next_sync_token == "s2"
    assert not run.full_resync_needed
    changes = detect_changes(run.events, is_ours=ACME, known={"e2": "acme-2"}).changes
    assert [type(c).__name__ for c in changes] == ["ConferenceUpdated", "ConferenceDeleted"]


def test_gone_sync_token_asks_for_a_full_resync() -> None:
    """410 Gone: the run says full_resync_needed; a run without token then starts over."""
    gone = json.dumps({"error": {"code": 410, "message": "Sync token is no longer valid"}})
    service = _service(
        ({"status": "410"}, gone),
        (
            {"status": "200"},
            {"items": [event("e1", conferenceData=acme_conference())], "nextSyncToken": "fresh"},
        ),
    )

    def list_page(arguments: dict[str, str]) -> Any:
        return service.events().list(calendarId="primary", **arguments).execute()

    assert sync_events(list_page, "stale").full_resync_needed
    fresh = sync_events(list_page)
    assert fresh.next_sync_token == "fresh"
    assert len(fresh.events) == 1


def test_other_http_errors_propagate() -> None:
    """Errors other than 410 are not swallowed."""
    service = _service(({"status": "500"}, json.dumps({"error": {"code": 500}})))
    with pytest.raises(HttpError):
        sync_events(lambda a: service.events().list(calendarId="primary", **a).execute())


def test_conditional_write_uses_if_match() -> None:
    """The update's etag goes into If-Match on the patch request."""
    (update,) = detect_changes(
        [event("e1", conferenceData=acme_conference())], is_ours=ACME
    ).changes
    assert isinstance(update, ConferenceUpdated)
    from confdata import patch_arguments

    write = patch_arguments(update.conference, calendar_id="primary", event_id="e1", validate=False)
    service = _service(({"status": "200"}, {"id": "e1"}))
    request = service.events().patch(**write.arguments)
    request.headers.update(if_match_headers(update.etag))
    assert request.headers["If-Match"] == '"etag-e1"'
    assert request.execute()["id"] == "e1"
    assert if_match_headers(None) == {}
    with pytest.raises(ValidationError):
        if_match_headers("")


events = st.fixed_dictionaries(
    {"id": st.sampled_from(["e1", "e2", "e3", "e4"])},
    optional={
        "status": st.sampled_from(["confirmed", "cancelled", "tentative", 5]),
        "conferenceData": st.one_of(
            st.builds(acme_conference, st.sampled_from(["a1", "a2"])),
            st.just(MEET),
            st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
            st.integers(),
        ),
        "start": st.one_of(st.just({"date": "2026-01-01"}), st.text(), st.none()),
        "attendees": st.one_of(
            st.lists(st.dictionaries(st.sampled_from(["email"]), st.text(max_size=5))),
            st.integers(),
        ),
        "etag": st.one_of(st.text(max_size=5), st.none()),
    },
)


@given(
    st.lists(events | st.integers() | st.text(max_size=3), max_size=12),
    st.dictionaries(
        st.sampled_from(["e1", "e2", "e3"]), st.text(min_size=1, max_size=4), max_size=3
    ),
)
def test_random_histories_never_crash(history: list[Any], known: dict[str, str]) -> None:
    """Any batch of events yields records and problems, and every event carrying our
    conference (and not cancelled) yields exactly one update."""
    result = detect_changes(history, is_ours=ACME, known=known)
    carrying = [
        e
        for e in history
        if isinstance(e, dict)
        and isinstance(e.get("conferenceData"), dict)
        and e["conferenceData"].get("conferenceSolution", {}).get("name") == "Acme Video"
        and e.get("status") != "cancelled"
    ]
    updates = [c for c in result.changes if isinstance(c, ConferenceUpdated)]
    assert len(updates) == len(carrying)
    for change in result.changes:
        assert isinstance(change, (ConferenceUpdated, ConferenceDeleted, ConferenceReleased))
        assert type(change.event_id) is str
        assert type(change.conference_id) is str


def test_detect_changes_rejects_a_non_callable_predicate() -> None:
    """A wrong is_ours is a ValidationError."""
    with pytest.raises(ValidationError):
        detect_changes([], is_ours="Acme")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("list_page", "sync_token", "named"),
    [
        ("events.list", None, "list_page must be callable"),
        (None, "s1", "list_page must be callable"),
        (lambda arguments: {}, 123, "sync_token must be a non-empty string"),
        (lambda arguments: {}, "", "sync_token must be a non-empty string"),
        (lambda arguments: {}, b"s1", "sync_token must be a non-empty string"),
    ],
)
def test_sync_events_rejects_wrong_arguments_before_any_call(
    list_page: Any, sync_token: Any, named: str
) -> None:
    """A list_page that cannot be called or a sync token that is not a string is a
    ValidationError naming the argument, raised before list_page runs."""
    calls: list[object] = []
    page: Any = list_page if not callable(list_page) else lambda arguments: calls.append(arguments)
    with pytest.raises(ValidationError) as raised:
        sync_events(page, sync_token)
    assert raised.value.problems[0].code == "type"
    assert named in str(raised.value)
    assert calls == []


def test_lenient_reading_keeps_unknown_members() -> None:
    """The conference in an update round-trips, unknown members included."""
    data = acme_conference()
    data["future"] = 1
    (update,) = detect_changes([event("e1", conferenceData=data)], is_ours=ACME).changes
    assert isinstance(update, ConferenceUpdated)
    assert update.conference.to_calendar_json() == data
    assert isinstance(update.conference, ConferenceData)


# Sync that ends (issue 20).


class Gone(Exception):
    """An exception shaped as no particular HTTP client shapes it."""


def _raising(error: BaseException) -> Any:
    def list_page(arguments: dict[str, str]) -> Any:
        raise error

    return list_page


def _with(**attributes: Any) -> Exception:
    error = Gone("gone")
    for name, value in attributes.items():
        setattr(error, name, value)
    return error


@pytest.mark.parametrize(
    "error",
    [
        _with(resp=SimpleNamespace(status=410)),
        _with(status_code=410),
        _with(status=410),
        _with(response=SimpleNamespace(status_code=410)),
        _with(code=410),
        _with(resp=None, status_code=None, response=SimpleNamespace(status_code=410)),
        _with(status="410"),
        _with(code=HTTPStatus.GONE),
    ],
    ids=[
        "resp.status",
        "status_code",
        "status",
        "response.status_code",
        "code",
        "empty-places-first",
        "string",
        "enum",
    ],
)
def test_410_is_recognised_on_every_exception_shape(error: Exception) -> None:
    """410 Gone asks for a full resync whether the client library keeps the status in
    resp.status, status_code, status, response.status_code or code (plain exception
    classes here: google-api-python-client is not needed)."""
    run = sync_events(_raising(error), "stale")
    assert run.full_resync_needed
    assert run.events == ()
    assert run.next_sync_token is None


class Unreadable(Exception):
    """An exception whose status property itself fails."""

    @property
    def status_code(self) -> int:
        raise RuntimeError("no status here")

    code = 410


@pytest.mark.parametrize(
    "error",
    [
        _with(status_code=500, code=410),
        _with(status=True),
        _with(code="GONE"),
        _with(response=SimpleNamespace(status_code=4100)),
        Gone("no status at all"),
    ],
    ids=["first-place-decides", "bool", "word", "not-a-status", "none"],
)
def test_other_statuses_pass_through(error: Exception) -> None:
    """Only a 410 in the first place that holds an HTTP status starts a resync; anything else
    is raised unchanged."""
    with pytest.raises(Gone) as raised:
        sync_events(_raising(error), "s1")
    assert raised.value is error


def test_a_status_property_that_raises_is_skipped() -> None:
    """A status attribute whose property raises is no status: the next place is read."""
    assert sync_events(_raising(Unreadable()), "s1").full_resync_needed


def _pages(*pages: Any, limit: int = 50) -> tuple[list[dict[str, str]], Any]:
    """A list_page answering ``pages`` in turn (the last one for ever), which gives up after
    ``limit`` calls so that a loop fails instead of hanging."""
    calls: list[dict[str, str]] = []

    def list_page(arguments: dict[str, str]) -> Any:
        calls.append(dict(arguments))
        if len(calls) > limit:
            raise RuntimeError(f"still paging after {limit} calls")
        return pages[min(len(calls), len(pages)) - 1]

    return calls, list_page


def test_a_repeated_page_token_stops_the_run() -> None:
    """The API giving the same nextPageToken again is a PagingError (a ValidationError)
    naming the token, holding every call made and every page received."""
    first = {"items": [event("e1")], "nextPageToken": "p2"}
    loop = {"items": [event("e2")], "nextPageToken": "p2"}
    calls, list_page = _pages(first, loop)
    with pytest.raises(PagingError) as raised:
        sync_events(list_page, "s1")
    error = raised.value
    assert isinstance(error, ValidationError)
    (problem,) = error.problems
    assert problem.path == "/1/nextPageToken"
    assert "nextPageToken 'p2' a second time" in problem.message
    assert (
        error.calls == tuple(calls) == ({"syncToken": "s1"}, {"syncToken": "s1", "pageToken": "p2"})
    )
    assert error.pages == (first, loop)


def test_a_cycle_of_page_tokens_stops_the_run() -> None:
    """Tokens that come back after others (p1, p2, p1) are a loop too."""
    calls, list_page = _pages(
        {"nextPageToken": "p1"}, {"nextPageToken": "p2"}, {"nextPageToken": "p1"}
    )
    with pytest.raises(PagingError, match="'p1' a second time"):
        sync_events(list_page)
    assert len(calls) == 3


def test_more_pages_than_max_pages_stop_the_run() -> None:
    """A run follows at most max_pages pages (MAX_PAGES by default), then raises PagingError
    with the pages so far."""
    count = 0

    def endless(arguments: dict[str, str]) -> Any:
        nonlocal count
        count += 1
        if count > MAX_PAGES + 1:
            raise RuntimeError("past the bound")
        return {"items": [], "nextPageToken": f"p{count}"}

    with pytest.raises(PagingError, match="more than max_pages=3 pages") as raised:
        sync_events(endless, max_pages=3)
    assert len(raised.value.calls) == len(raised.value.pages) == 3
    count = 0
    with pytest.raises(PagingError, match=f"more than max_pages={MAX_PAGES:,} pages"):
        sync_events(endless)
    assert count == MAX_PAGES == 10_000


@pytest.mark.parametrize(
    ("pages", "path", "message"),
    [
        (({"items": {"id": "e1"}},), "/0/items", "items must be an array of events"),
        (({"nextPageToken": "p2"}, ["not", "a", "page"]), "/1", "page must be an object"),
        (({"items": [], "nextPageToken": 7},), "/0/nextPageToken", "must be a string (got 7)"),
        (({"items": [], "nextSyncToken": ["s"]},), "/0/nextSyncToken", "must be a string"),
    ],
    ids=["items-not-array", "page-not-object", "page-token-number", "sync-token-array"],
)
def test_a_malformed_page_is_reported_not_skipped(pages: Any, path: str, message: str) -> None:
    """A page that is not an object, items that are not an array and tokens that are not
    strings raise PagingError at that place: the events of that page are not lost silently."""
    _, list_page = _pages(*pages)
    with pytest.raises(PagingError) as raised:
        sync_events(list_page)
    (problem,) = raised.value.problems
    assert (problem.code, problem.path) == ("type", path)
    assert message in problem.message
    assert len(raised.value.pages) == len(pages)


def test_items_that_are_not_events_are_reported() -> None:
    """Items that are not objects are left out of the events and listed in run.problems."""
    _, list_page = _pages(
        {"items": [event("e1"), "junk"], "nextPageToken": "p2"},
        {"items": [7, event("e2")], "nextSyncToken": "s2"},
    )
    run = sync_events(list_page)
    assert [e["id"] for e in run.events] == ["e1", "e2"]
    assert run.next_sync_token == "s2"
    assert [(p.code, p.path) for p in run.problems] == [
        ("type", "/0/items/1"),
        ("type", "/1/items/0"),
    ]


def test_paging_error_pickles_with_what_it_holds() -> None:
    """A PagingError survives pickling (to a worker process and back) with its calls and
    pages."""
    import pickle

    _, list_page = _pages({"nextPageToken": "p"}, {"nextPageToken": "p"})
    with pytest.raises(PagingError) as raised:
        sync_events(list_page)
    copy = pickle.loads(pickle.dumps(raised.value))
    assert isinstance(copy, PagingError)
    assert (copy.problems, copy.calls, copy.pages) == (
        raised.value.problems,
        raised.value.calls,
        raised.value.pages,
    )


def test_max_pages_must_be_a_positive_int() -> None:
    """max_pages of the wrong kind, or past 10**9 (10**5000 included), is a ValidationError
    before any call, never an OverflowError."""
    calls, list_page = _pages({})
    for wrong in (0, -1, 2.5, "10", True, None, 10**9 + 1, 10**5000):
        with pytest.raises(ValidationError, match="max_pages must be an integer ≥ 1") as raised:
            sync_events(list_page, max_pages=wrong)  # type: ignore[arg-type]
        assert raised.value.problems[0].path == "/max_pages"
    assert calls == []


SECRET_URI = "https://host:Hunter2Secret@acme.example/j/1?pwd=PwdSecret42"


def _secret_event() -> dict[str, Any]:
    data = acme_conference()
    data["entryPoints"] = [
        {"entryPointType": "video", "uri": SECRET_URI, "passcode": "PasscodeSecret"},
        {"entryPointType": "phone", "uri": "tel:+12025550123", "pin": "PinSecret99"},
    ]
    return event("e1", conferenceData=data)


def test_sync_run_repr_masks_secrets() -> None:
    """repr() and str() of a SyncRun show the events with pins, passcodes and the secrets of
    URIs masked."""
    _, list_page = _pages({"items": [_secret_event()], "nextSyncToken": "s2"})
    run = sync_events(list_page)
    for text in (repr(run), str(run)):
        for secret in ("Hunter2Secret", "PwdSecret42", "PasscodeSecret", "PinSecret99"):
            assert secret not in text
        assert "'pin': <masked, 11 characters>" in text
        assert "https://host:<masked>@acme.example/j/1?pwd=<masked>" in text
        assert "next_sync_token='s2'" in text


def test_sync_run_repr_is_bounded() -> None:
    """The repr of a run of 100,000 deeply nested events stays short and never recurses."""
    deep: Any = []
    for _ in range(10_000):
        deep = [deep]
    _, list_page = _pages({"items": [event(f"e{i}", extra=deep) for i in range(100_000)]})
    assert len(repr(sync_events(list_page))) < 50_000


# Change detection that reports (issue 20).


def test_detect_changes_follows_the_100_per_code_cap() -> None:
    """10,000 malformed events give 100 problems of their code and one that counts the rest,
    as the validators do."""
    result = detect_changes(["junk"] * 10_000, is_ours=ACME)
    assert len(result.problems) == 101
    assert "…and 9,900 more type problems" in result.problems[-1].message


class HashRaises(str):
    def __hash__(self) -> int:
        raise RuntimeError("hash")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")


class EvilEvent(dict[str, Any]):
    def get(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("get")

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("getitem")

    def __contains__(self, key: object) -> bool:
        raise RuntimeError("contains")


def test_a_hostile_event_becomes_a_record_or_a_problem_never_an_exception() -> None:
    """An id whose __hash__ raises, a str subclass, a dict subclass whose methods raise, a
    non-string key and an event inside itself: no exception escapes, and the ids recorded are
    plain strings."""
    looped = event("e5")
    looped["self"] = looped
    result = detect_changes(
        [
            {"id": HashRaises("e1"), "status": "cancelled"},
            EvilEvent(event("e2", conferenceData=acme_conference())),
            event("e3", conferenceData={1: "x"}),
            {"id": "e4", "status": "cancelled", frozenset(): 1},
            looped,
        ],
        is_ours=ACME,
        known={"e1": "acme-1", "e4": "acme-4"},
    )
    deleted, updated = result.changes
    assert deleted == ConferenceDeleted("e1", "acme-1")
    assert type(deleted.event_id) is str
    assert isinstance(updated, ConferenceUpdated)
    assert updated.event_id == "e2"
    assert [(p.code, p.path) for p in result.problems] == [
        ("type", "/2/conferenceData"),
        ("type", "/3"),
        ("type", "/4/self"),
    ]
    assert "member names must be strings (got 1)" in result.problems[0].message


def test_detect_changes_names_wrong_arguments() -> None:
    """An events.list page passed instead of its items, and a known that is not a mapping,
    are ValidationErrors saying what to pass."""
    with pytest.raises(ValidationError, match=r"pass page\['items'\]"):
        detect_changes({"items": []}, is_ours=ACME)
    with pytest.raises(ValidationError, match="known must be a mapping"):
        detect_changes([], is_ours=ACME, known=["e1"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="events must be an iterable"):
        detect_changes(5, is_ours=ACME)  # type: ignore[arg-type]


def test_solution_named_takes_a_plain_name() -> None:
    """solution_named() of a str subclass compares as a plain string; a non-string name is
    a ValidationError."""
    is_ours = solution_named(HashRaises("Acme Video"))
    (change,) = detect_changes(
        [event("e1", conferenceData=acme_conference())], is_ours=is_ours
    ).changes
    assert isinstance(change, ConferenceUpdated)
    with pytest.raises(ValidationError, match="name must be a non-empty string"):
        solution_named(5)  # type: ignore[arg-type]


# Every change that concerns a conference gives a record (issue 28).


def occurrence(series: str, original: str, **members: Any) -> dict[str, Any]:
    """One occurrence of ``series`` listed apart, as events.list lists an exception: its own
    ID ``<series>_<start>``, recurringEventId and originalStartTime [S3]."""
    stamp = original.replace("-", "").replace(":", "")
    return event(
        f"{series}_{stamp}",
        recurringEventId=series,
        originalStartTime={"dateTime": original, "timeZone": "Europe/Stockholm"},
        **members,
    )


def test_a_moved_occurrence_is_an_update_that_says_so() -> None:
    """An exception whose start differs from its originalStartTime is an update of that
    occurrence, marked moved; one written with another offset at the same moment is not."""
    moved = occurrence(
        "s1",
        "2026-12-03T10:00:00Z",
        start={"dateTime": "2026-12-03T15:00:00+01:00"},
        end={"dateTime": "2026-12-03T15:30:00+01:00"},
        conferenceData=acme_conference(),
    )
    retitled = occurrence(
        "s1",
        "2026-12-10T10:00:00Z",
        summary="Planning (room 2)",
        start={"dateTime": "2026-12-10T11:00:00+01:00"},
        end={"dateTime": "2026-12-10T11:30:00+01:00"},
        conferenceData=acme_conference(),
    )
    first, second = detect_changes([moved, retitled], is_ours=ACME, known={"s1": "acme-1"}).changes
    assert isinstance(first, ConferenceUpdated)
    assert isinstance(second, ConferenceUpdated)
    assert (first.event_id, first.recurring_event_id) == ("s1_20261203T100000Z", "s1")
    assert first.original_start == EventTime(None, "2026-12-03T10:00:00Z", "Europe/Stockholm")
    assert first.moved
    assert not second.moved
    assert second.summary == "Planning (room 2)"


def test_all_day_occurrences_compare_by_day() -> None:
    """An all-day occurrence moved to another day is moved; one on its own day is not."""
    original = {"date": "2026-12-24"}
    same = event("s1_20261224", recurringEventId="s1", originalStartTime=original,
                 start={"date": "2026-12-24"}, conferenceData=acme_conference())  # fmt: skip
    later = event("s1_20261231", recurringEventId="s1", originalStartTime=original,
                  start={"date": "2026-12-27"}, conferenceData=acme_conference())  # fmt: skip
    kept, moved = detect_changes([same, later], is_ours=ACME).changes
    assert isinstance(kept, ConferenceUpdated)
    assert not kept.moved
    assert isinstance(moved, ConferenceUpdated)
    assert moved.moved


def test_a_conference_replaced_by_a_new_one_of_ours_releases_the_old_one() -> None:
    """An event known with one conference of ours that now carries another gives a release
    of the old one (replaced by addOn), then the update of the new one."""
    released, updated = detect_changes(
        [event("e1", conferenceData=acme_conference("acme-9"))],
        is_ours=ACME,
        known={"e1": "acme-1"},
    ).changes
    assert released == ConferenceReleased("e1", "acme-1", "addOn", '"etag-e1"')
    assert isinstance(updated, ConferenceUpdated)
    assert updated.conference_id == "acme-9"


def test_an_occurrence_that_dropped_the_conference_is_released_for_it() -> None:
    """An exception of a known series that no longer carries the conference releases it for
    that occurrence only, naming the series and the occurrence."""
    (released,) = detect_changes(
        [occurrence("s1", "2026-12-03T10:00:00Z", conferenceData=MEET)],
        is_ours=ACME,
        known={"s1": "acme-1"},
    ).changes
    assert released == ConferenceReleased(
        "s1_20261203T100000Z",
        "acme-1",
        "hangoutsMeet",
        '"etag-s1_20261203T100000Z"',
        "s1",
        EventTime(None, "2026-12-03T10:00:00Z", "Europe/Stockholm"),
    )


def test_a_cancelled_occurrence_with_its_own_conference_names_that_one() -> None:
    """An occurrence known under its own ID (it had a conference of its own) names that
    conference when cancelled; an unknown occurrence of an unknown series gives nothing."""
    own = {"id": "s1_20261203T100000Z", "status": "cancelled", "recurringEventId": "s1"}
    stranger = {"id": "s2_20261203T100000Z", "status": "cancelled", "recurringEventId": "s2"}
    (change,) = detect_changes(
        [own, stranger],
        is_ours=ACME,
        known={"s1": "acme-1", "s1_20261203T100000Z": "acme-7"},
    ).changes
    assert change == OccurrenceCancelled("s1_20261203T100000Z", "s1", "acme-7", None)


def test_a_conference_of_ours_without_an_id_is_a_problem_not_a_record() -> None:
    """A conference is_ours claims that has no conferenceId cannot be named in a record: it
    is a `required` problem at its place, and the batch goes on."""
    data = acme_conference()
    del data["conferenceId"]
    result = detect_changes(
        [event("e1", conferenceData=data), event("e2", conferenceData=acme_conference())],
        is_ours=ACME,
    )
    assert [c.event_id for c in result.changes] == ["e2"]
    assert [(p.code, p.path) for p in result.problems] == [
        ("required", "/0/conferenceData/conferenceId")
    ]


def test_known_is_read_without_running_its_code() -> None:
    """known may be a dict (a subclass is read through dict.items), a read-only view or the
    caller's own mapping; one whose items() raises, or whose IDs are not strings, is a
    ValidationError at /known."""

    class Store(Mapping[str, str]):
        def __init__(self, data: dict[str, str]) -> None:
            self.data = data

        def __getitem__(self, key: str) -> str:
            return self.data[key]

        def __iter__(self) -> Any:
            return iter(self.data)

        def __len__(self) -> int:
            return len(self.data)

    class Broken(Store):
        def __iter__(self) -> Any:
            raise RuntimeError("the store is down")

    class Evil(dict[str, str]):
        def get(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("get")

    cancelled = [{"id": "e1", "status": "cancelled"}]
    known: Any
    for known in (
        Evil(e1="acme-1"),
        MappingProxyType({"e1": "acme-1"}),
        Store({"e1": "acme-1"}),
        {EqRaises("e1"): EqRaises("acme-1")},
    ):
        (deleted,) = detect_changes(cancelled, is_ours=ACME, known=known).changes
        assert deleted == ConferenceDeleted("e1", "acme-1")
        assert type(deleted.conference_id) is str
    for wrong, message in (
        (Broken({"e1": "acme-1"}), "known could not be read"),
        ({"e1": 5}, "known must map non-empty event IDs to non-empty conference IDs"),
        ({5: "acme-1"}, "known has a key that is not a string"),
        (["e1"], "known must be a mapping"),
    ):
        with pytest.raises(ValidationError, match=message) as raised:
            detect_changes(cancelled, is_ours=ACME, known=wrong)  # type: ignore[arg-type]
        assert raised.value.problems[0].path == "/known"


# is_ours by what the add-on writes (issue 28).


def _with_parameters(kind: str = "addOn", **parameters: str) -> dict[str, Any]:
    data = acme_conference()
    data["conferenceSolution"] = {"key": {"type": kind}}  # no name: the add-on form has none
    data["parameters"] = {"addOnParameters": {"parameters": parameters}}
    return data


def test_ours_matches_the_parameters_the_add_on_writes() -> None:
    """ours(parameter=...) takes an addOn conference carrying that parameter, with the value
    when one is given; a Meet conference or another add-on's is not ours."""
    data = ConferenceData.from_calendar_json(_with_parameters(acmeMeetingId="123"), lenient=True)
    other = ConferenceData.from_calendar_json(_with_parameters(zoomId="9"), lenient=True)
    meet = ConferenceData.from_calendar_json(
        _with_parameters("hangoutsMeet", acmeMeetingId="123"), lenient=True
    )
    assert ours(parameter="acmeMeetingId")(data)
    assert ours(parameter="acmeMeetingId", value="123")(data)
    assert not ours(parameter="acmeMeetingId", value="124")(data)
    assert not ours(parameter="acmeMeetingId")(other)
    assert not ours(parameter="acmeMeetingId")(meet)
    assert not solution_named("Acme Video")(data)  # Calendar's display name is not there


def test_ours_matches_the_manifest_s_solution_ids_in_the_add_on_form() -> None:
    """ours(solution_ids=manifest.solution_ids) takes add-on-form data whose
    conferenceSolutionId the manifest declares."""
    manifest = Manifest.from_json(manifest_payload())
    markup = {
        "conferenceId": "acme-1",
        "conferenceSolutionId": "acme-video",
        "entryPoints": [{"type": "VIDEO", "uri": "https://acme.example/j/acme-1"}],
    }
    is_ours = ours(solution_ids=manifest.solution_ids)
    assert is_ours(ConferenceData.from_addon_json(markup))
    markup["conferenceSolutionId"] = "someone-else"
    assert not is_ours(ConferenceData.from_addon_json(markup))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({}, "say what your add-on writes"),
        ({"value": "acme"}, "value needs the parameter"),
        ({"parameter": ""}, "parameter must be a non-empty string"),
        ({"parameter": 5}, "parameter must be a non-empty string"),
        ({"solution_ids": "acme-video"}, "solution_ids must be a collection of strings"),
        ({"solution_ids": ["acme", 5]}, "solution_ids must hold non-empty strings only"),
    ],
)
def test_ours_names_wrong_arguments(arguments: dict[str, Any], message: str) -> None:
    """ours() without anything to match, or with arguments of the wrong kind, is a
    ValidationError saying what it needs."""
    with pytest.raises(ValidationError, match=message):
        ours(**arguments)


# The full sync's arguments (issue 28).


def test_time_min_and_show_deleted_go_to_a_full_sync_as_strings() -> None:
    """time_min (an aware datetime or an RFC 3339 string) and show_deleted are sent as the
    strings events.list takes; a naive datetime, a date, and time_min with a sync token are
    ValidationErrors before any call."""
    calls, list_page = _pages({"items": [], "nextSyncToken": "s1"})
    sync_events(list_page, time_min=datetime(2026, 1, 1, tzinfo=UTC), show_deleted=True)
    sync_events(list_page, time_min="2026-01-01T00:00:00-07:00")
    assert calls == [
        {"timeMin": "2026-01-01T00:00:00+00:00", "showDeleted": "true"},
        {"timeMin": "2026-01-01T00:00:00-07:00"},
    ]
    for wrong in (datetime(2026, 1, 1), "2026-01-01", "yesterday", 1_767_225_600, "T" * 100):
        with pytest.raises(ValidationError, match="time_min must be an aware datetime"):
            sync_events(list_page, time_min=wrong)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="time_min is for a full sync only"):
        sync_events(list_page, "s1", time_min="2026-01-01T00:00:00Z")
    with pytest.raises(ValidationError, match="show_deleted must be True or False"):
        sync_events(list_page, show_deleted="yes")  # type: ignore[arg-type]
    assert len(calls) == 2


def test_unlisted_is_a_record_of_its_own() -> None:
    """ConferenceUnlisted names an event and its conference, as plain strings."""
    record = ConferenceUnlisted("e1", "acme-1")
    assert (record.event_id, record.conference_id) == ("e1", "acme-1")
