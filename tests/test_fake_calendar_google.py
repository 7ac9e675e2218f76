"""FakeCalendar where it used to guess, now following Google's pages (docs/fake-calendar.md
cites each): HTTP errors only, timeRangeEmpty, NaN refused, every Event member, times with
offsets, partial responses, patch semantics, push-notification channels, and the trust
boundary of what tests hand it."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from googleapiclient.errors import HttpError

from confdata import ValidationError
from confdata.testing import FakeCalendar

from .calendars import client, error_of, meet_request, timed

URI = "https://www.googleapis.com/calendar/v3/calendars/primary/events"


def _insert(service: Any, body: dict[str, Any], **query: Any) -> dict[str, Any]:
    event: dict[str, Any] = (
        service.events().insert(calendarId="primary", body=body, **query).execute()
    )
    return event


def _failure(call: Any) -> tuple[int, dict[str, Any]]:
    with pytest.raises(HttpError) as failure:
        call.execute()
    return failure.value.resp.status, error_of(failure.value)["error"]


# -- only HTTP errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe", "E" * 300, "../../etc/passwd", "Mars/Olympus"])
def test_an_unknown_time_zone_is_googles_400_without_a_local_path(zone: str) -> None:
    """A directory of tzdata, an overlong name or a path: 400 "Invalid time zone definition",
    and nothing of the machine's files in the answer."""
    body = {
        "start": {"dateTime": "2026-11-26T10:00:00", "timeZone": zone},
        "end": {"dateTime": "2026-11-26T11:00:00", "timeZone": zone},
    }
    status, error = _failure(
        client(FakeCalendar()).events().insert(calendarId="primary", body=body)
    )
    assert (status, error["message"]) == (400, "Invalid time zone definition for start time.")
    assert "site-packages" not in json.dumps(error)
    assert "zoneinfo" not in json.dumps(error)


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_answer_invalid_json_payload(number: float) -> None:
    """The client sends float('nan') as NaN, which is not JSON: 400 "Invalid JSON payload
    received.", and nothing is stored."""
    fake = FakeCalendar()
    call = client(fake).events().insert(calendarId="primary", body={**timed(), "location": number})
    status, error = _failure(call)
    assert status == 400
    assert error["message"].startswith("Invalid JSON payload received.")
    assert error["status"] == "INVALID_ARGUMENT"
    assert fake.events("primary") == []


@pytest.mark.parametrize(
    "body",
    [b"[" * 5000 + b"]" * 5000, b'{"a": ' * 150 + b"1" + b"}" * 150, b"\xff\xfe", b"{'a': 1}"],
)
def test_bodies_that_are_not_json_or_nest_too_deeply_answer_400(body: bytes) -> None:
    """Deep nesting (where Python's json would recurse out), bad bytes, Python syntax: 400."""
    response, content = FakeCalendar().http().request(URI, "POST", body=body)
    assert response.status == 400
    assert json.loads(content)["error"]["message"].startswith("Invalid JSON payload received.")


def test_seeding_deeply_nested_json_text_is_a_validation_error() -> None:
    """seed_json on text nested too deep for Python's parser: ValidationError, no RecursionError."""
    with pytest.raises(ValidationError, match="nests too deeply"):
        FakeCalendar().seed_json("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize(
    ("member", "value"),
    [
        ("summary", 5),
        ("attendees", {}),
        ("sequence", 2**40),
        ("start", "tomorrow"),
        ("reminders", []),
    ],
)
def test_members_of_the_wrong_type_answer_400_naming_them(member: str, value: object) -> None:
    """The discovery document's types are checked: a wrong one is 400 naming the member."""
    status, error = _failure(
        client(FakeCalendar())
        .events()
        .insert(calendarId="primary", body={**timed(), member: value})
    )
    assert status == 400
    assert member in error["message"]


def test_members_the_schema_does_not_declare_are_dropped() -> None:
    """Unknown members are ignored, as Google's JSON reading does; they are not stored."""
    created = _insert(client(FakeCalendar()), timed(colour="red", nested={"x": [1, 2]}))
    assert "colour" not in created
    assert "nested" not in created


# -- what Google returns ----------------------------------------------------------------------


def test_every_event_has_the_members_google_returns() -> None:
    """htmlLink, creator, organizer, sequence, reminders, created, updated, etag, iCalUID,
    kind, eventType and status, from an insert that sent none of them."""
    created = _insert(client(FakeCalendar()), timed())
    assert created["kind"] == "calendar#event"
    assert created["eventType"] == "default"
    assert created["sequence"] == 0
    assert created["reminders"] == {"useDefault": True}
    assert created["creator"] == created["organizer"] == {"email": "user@example.com", "self": True}
    assert created["iCalUID"] == f"{created['id']}@google.com"
    assert created["created"] <= created["updated"]
    eid = created["htmlLink"].removeprefix("https://www.google.com/calendar/event?eid=")
    decoded = base64.urlsafe_b64decode(eid + "=" * (-len(eid) % 4)).decode()
    assert decoded == f"{created['id']} user@example.com"


def test_a_secondary_calendars_events_are_organized_by_it() -> None:
    """On another calendar the user creates, the calendar organizes."""
    fake = FakeCalendar(calendars=["primary", "team@example.com"], user="ada@example.com")
    fake.add_calendar("team@example.com", summary="Team")
    created = client(fake).events().insert(calendarId="team@example.com", body=timed()).execute()
    assert created["creator"] == {"email": "ada@example.com"}
    assert created["organizer"] == {
        "email": "team@example.com",
        "displayName": "Team",
        "self": True,
    }


def test_sequence_moves_on_when_the_time_changes() -> None:
    """A new start is a significant revision (RFC 5545); a new summary is not."""
    service = client(FakeCalendar())
    created = _insert(service, timed())

    def patch(body: dict[str, Any]) -> int:
        event = service.events().patch(calendarId="primary", eventId=created["id"], body=body)
        sequence: int = event.execute()["sequence"]
        return sequence

    assert patch({"summary": "renamed"}) == 0
    assert patch({"start": {"dateTime": "2026-11-26T09:00:00Z"}}) == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ({"dateTime": "2026-11-26T11:00:00Z"}, {"dateTime": "2026-11-26T10:00:00Z"}),
        ({"date": "2026-11-27"}, {"date": "2026-11-26"}),
        ({"dateTime": "2026-11-26T10:00:00+01:00"}, {"dateTime": "2026-11-26T08:30:00Z"}),
    ],
)
def test_an_end_before_its_start_is_time_range_empty(start: Any, end: Any) -> None:
    """Insert and patch answer the errors page's timeRangeEmpty body; nothing is stored."""
    fake = FakeCalendar()
    service = client(fake)
    status, error = _failure(
        service.events().insert(calendarId="primary", body={"start": start, "end": end})
    )
    assert (status, error["errors"][0]["reason"]) == (400, "timeRangeEmpty")
    assert error["message"] == "The specified time range is empty."
    created = _insert(service, timed())
    status, _ = _failure(
        service.events().patch(
            calendarId="primary", eventId=created["id"], body={"end": end, "start": start}
        )
    )
    assert status == 400
    assert fake.event("primary", created["id"])["end"] == created["end"]


def test_a_zero_length_event_is_allowed() -> None:
    """An end equal to the start is not before it."""
    at = {"dateTime": "2026-11-26T10:00:00Z"}
    assert _insert(client(FakeCalendar()), {"start": at, "end": at})["end"] == at


def test_times_come_with_offsets_in_the_zone_asked_for() -> None:
    """dateTime is RFC 3339 with an offset: the calendar's zone by default, the timeZone
    parameter's when given; the event's timeZone is kept as sent."""
    fake = FakeCalendar(calendars=[])
    fake.add_calendar("primary", time_zone="America/New_York")
    service = client(fake)
    body = {
        "start": {"dateTime": "2026-11-26T10:00:00", "timeZone": "Europe/Stockholm"},
        "end": {"dateTime": "2026-11-26T11:00:00", "timeZone": "Europe/Stockholm"},
    }
    created = _insert(service, body)
    assert created["start"] == {
        "dateTime": "2026-11-26T04:00:00-05:00",
        "timeZone": "Europe/Stockholm",
    }
    read = service.events().get(
        calendarId="primary", eventId=created["id"], timeZone="Asia/Kolkata"
    )
    assert read.execute()["start"]["dateTime"] == "2026-11-26T14:30:00+05:30"
    page = service.events().list(calendarId="primary", timeZone="UTC").execute()
    assert (page["timeZone"], page["items"][0]["end"]["dateTime"]) == (
        "UTC",
        "2026-11-26T10:00:00Z",
    )


# -- partial responses ----------------------------------------------------------------------------


def test_fields_selects_members_paths_and_sub_selections() -> None:
    """Commas, a/b paths, a(b,c) sub-selections and items(...) on lists, as the performance
    guide documents them."""
    service = client(FakeCalendar())
    created = _insert(service, timed(location="Room 4"))
    get = service.events().get(
        calendarId="primary", eventId=created["id"], fields="id,start/dateTime"
    )
    assert get.execute() == {"id": created["id"], "start": {"dateTime": "2026-11-26T10:00:00Z"}}
    listed = (
        service.events().list(calendarId="primary", fields="kind,items(id,end(dateTime))").execute()
    )
    assert listed == {
        "kind": "calendar#events",
        "items": [{"id": created["id"], "end": {"dateTime": "2026-11-26T11:00:00Z"}}],
    }
    star = service.events().list(calendarId="primary", fields="items/*").execute()
    assert star["items"][0]["location"] == "Room 4"
    inserted = _insert(service, timed(), fields="id")
    assert list(inserted) == ["id"]


@pytest.mark.parametrize(
    "selection", ["items(nothere)", "items(id", "id,,start", "a/", "()", "bogus"]
)
def test_an_invalid_field_selection_answers_400(selection: str) -> None:
    """A selection with an error, or a name the response does not have: 400 "Invalid field
    selection …" (invalidParameter at fields)."""
    status, error = _failure(
        client(FakeCalendar()).events().list(calendarId="primary", fields=selection)
    )
    assert status == 400
    assert error["message"].startswith("Invalid field selection")
    assert error["errors"][0]["location"] == "fields"


# -- patch semantics ---------------------------------------------------------------------------


def test_a_patch_merges_objects_replaces_arrays_and_null_removes() -> None:
    """A start with only dateTime keeps its timeZone; attendees are replaced as a whole; a
    nested null removes that member only."""
    service = client(FakeCalendar())
    body = {
        "start": {"dateTime": "2026-11-26T10:00:00", "timeZone": "Europe/Stockholm"},
        "end": {"dateTime": "2026-11-26T11:00:00", "timeZone": "Europe/Stockholm"},
        "attendees": [{"email": "a@example.com"}, {"email": "b@example.com"}],
        "extendedProperties": {"private": {"k": "v", "gone": "x"}},
    }
    created = _insert(service, body)
    changes = {
        "start": {"dateTime": "2026-11-26T09:00:00"},
        "attendees": [{"email": "c@example.com"}],
        "extendedProperties": {"private": {"gone": None}},
    }
    patched = (
        service.events().patch(calendarId="primary", eventId=created["id"], body=changes).execute()
    )
    assert patched["start"] == {"dateTime": "2026-11-26T08:00:00Z", "timeZone": "Europe/Stockholm"}
    assert patched["attendees"] == [{"email": "c@example.com"}]
    assert patched["extendedProperties"] == {"private": {"k": "v"}}


def test_a_patch_from_all_day_to_timed_drops_the_date() -> None:
    """date and dateTime are alternatives: sending one drops the other."""
    service = client(FakeCalendar())
    created = _insert(service, {"start": {"date": "2026-11-26"}, "end": {"date": "2026-11-27"}})
    changes = {
        "start": {"dateTime": "2026-11-26T10:00:00Z"},
        "end": {"dateTime": "2026-11-26T11:00:00Z"},
    }
    patched = (
        service.events().patch(calendarId="primary", eventId=created["id"], body=changes).execute()
    )
    assert patched["start"] == {"dateTime": "2026-11-26T10:00:00Z"}


def test_a_conference_notes_patch_merges_into_the_conference() -> None:
    """{"conferenceData": {"notes": …}} with conferenceDataVersion=1 keeps the Meet
    conference and adds the notes."""
    service = client(FakeCalendar(pending_reads=0))
    created = _insert(service, timed(conferenceData=meet_request()), conferenceDataVersion=1)
    meeting = service.events().get(calendarId="primary", eventId=created["id"]).execute()
    patched = (
        service.events()
        .patch(
            calendarId="primary",
            eventId=created["id"],
            body={"conferenceData": {"notes": "Bring the slides"}},
            conferenceDataVersion=1,
        )
        .execute()
    )
    assert patched["conferenceData"] == {**meeting["conferenceData"], "notes": "Bring the slides"}


def test_a_failed_patch_leaves_the_event_unchanged() -> None:
    """ "If a patch request results in a new resource state that is … invalid, the server
    returns … 400 … and the resource state remains unchanged"."""
    fake = FakeCalendar()
    service = client(fake)
    created = _insert(service, timed())
    before = fake.event("primary", created["id"])
    _failure(
        service.events().patch(
            calendarId="primary",
            eventId=created["id"],
            body={"summary": "x", "start": {"dateTime": "no"}},
        )
    )
    assert fake.event("primary", created["id"]) == before


# -- push notifications -------------------------------------------------------------------------


def test_watch_opens_a_channel_and_records_its_notifications() -> None:
    """events.watch answers the Channel; a sync message, then one per change; stop ends it."""
    fake = FakeCalendar()
    service = client(fake)
    body = {
        "id": "chan-1",
        "type": "web_hook",
        "address": "https://example.com/hook",
        "token": "t1",
    }
    channel = service.events().watch(calendarId="primary", body=body).execute()
    assert channel["kind"] == "api#channel"
    assert (channel["id"], channel["token"]) == ("chan-1", "t1")
    assert channel["resourceUri"] == URI
    assert int(channel["expiration"]) > 0
    _insert(service, timed())
    states = [n["headers"]["X-Goog-Resource-State"] for n in fake.notifications()]
    assert states == ["sync", "exists"]
    assert {n["address"] for n in fake.notifications()} == {"https://example.com/hook"}
    assert fake.notifications()[1]["headers"]["X-Goog-Message-Number"] == "2"
    service.channels().stop(body={"id": "chan-1", "resourceId": channel["resourceId"]}).execute()
    _insert(service, timed())
    assert len(fake.notifications()) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"id": "c", "type": "web_hook", "address": "http://example.com/hook"},
        {"id": "c", "type": "email", "address": "https://example.com/hook"},
        {"type": "web_hook", "address": "https://example.com/hook"},
        {"id": "c" * 65, "type": "web_hook", "address": "https://example.com/hook"},
    ],
)
def test_watch_refuses_channels_google_refuses(body: dict[str, Any]) -> None:
    """An address that is not HTTPS, another type, no id or one longer than 64: 400."""
    status, _ = _failure(client(FakeCalendar()).events().watch(calendarId="primary", body=body))
    assert status == 400


# -- the trust boundary and the arguments -----------------------------------------------------


class Hostile(dict[str, Any]):
    """A dict whose methods raise: the fake must read it without running them."""

    def items(self) -> Any:
        raise RuntimeError("items ran")

    def get(self, *args: Any) -> Any:
        raise RuntimeError("get ran")

    def keys(self) -> Any:
        raise RuntimeError("keys ran")


def test_fixtures_are_read_through_the_trust_boundary() -> None:
    """A dict subclass whose methods raise is read as its data; a cycle, a set or NaN is a
    ValidationError naming its place."""
    fake = FakeCalendar(calendars=[])
    fake.seed(Hostile(calendars={"primary": {"events": [{"id": "e1", **timed()}]}}))
    assert [e["id"] for e in fake.events("primary")] == ["e1"]
    cyclic: dict[str, Any] = {"calendars": {}}
    cyclic["calendars"]["me"] = cyclic
    for fixture, path in (
        (cyclic, "/calendars/me"),
        (
            {"calendars": {"p": {"events": [{"id": "e", "tags": {1, 2}}]}}},
            "/calendars/p/events/0/tags",
        ),
        (
            {"calendars": {"p": {"events": [{"id": "e", "x": float("nan")}]}}},
            "/calendars/p/events/0/x",
        ),
    ):
        with pytest.raises(ValidationError) as raised:
            fake.seed(fixture)
        assert [p.path for p in raised.value.problems] == [path]


def test_seeded_events_must_be_events_calendar_could_hold() -> None:
    """A seeded event with an end before its start or a rule dateutil cannot read is a
    ValidationError naming the event."""
    for event in (
        {"id": "e1", "start": {"date": "2026-01-02"}, "end": {"date": "2026-01-01"}},
        {"id": "e2", **timed(), "recurrence": ["RRULE:FREQ=SOMETIMES"]},
    ):
        with pytest.raises(ValidationError) as raised:
            FakeCalendar().seed({"calendars": {"primary": {"events": [event]}}})
        assert [p.path for p in raised.value.problems] == ["/calendars/primary/events/0"]


def test_huge_numbers_are_validation_errors_not_overflow() -> None:
    """Numbers are compared before any conversion: 10**400 is a clean ValidationError."""
    with pytest.raises(ValidationError) as raised:
        FakeCalendar(pending_reads=-(10**400), page_size="3", seed=10.0**300)  # type: ignore[arg-type]
    assert [p.path for p in raised.value.problems] == ["/pending_reads", "/page_size", "/seed"]


def test_add_calendar_checks_its_arguments() -> None:
    """An empty ID, a string for the solution types and an unknown zone, all at once."""
    with pytest.raises(ValidationError) as raised:
        FakeCalendar().add_calendar("", allowed_solution_types="hangoutsMeet", time_zone="Europe")
    assert [p.path for p in raised.value.problems] == [
        "/calendar_id",
        "/allowed_solution_types",
        "/time_zone",
    ]


def test_batch_requests_answer_501_saying_so() -> None:
    """The client's batch endpoint is not implemented: 501 naming it, not a 404."""
    service = client(FakeCalendar())
    batch = service.new_batch_http_request()
    batch.add(service.events().list(calendarId="primary"))
    with pytest.raises(HttpError) as failure:
        batch.execute()
    assert failure.value.resp.status == 501
    assert "batch requests" in error_of(failure.value)["error"]["message"]


def test_list_filters_follow_the_reference() -> None:
    """updatedMin, eventTypes, the extended-property filters and maxAttendees filter as
    events.list documents them; q answers 501 saying so."""
    fake = FakeCalendar()
    service = client(fake)
    first = _insert(service, timed("first"))
    second = _insert(
        service,
        timed(
            "second",
            eventType="focusTime",
            extendedProperties={"private": {"team": "core"}},
            attendees=[{"email": "a@example.com"}, {"email": "me@example.com", "self": True}],
        ),
    )

    def summaries(**query: Any) -> list[str]:
        items = service.events().list(calendarId="primary", **query).execute()["items"]
        return [item["summary"] for item in items]

    assert summaries(updatedMin=second["updated"]) == ["second"]
    assert summaries(updatedMin=first["updated"]) == ["first", "second"]
    assert summaries(eventTypes=["focusTime"]) == ["second"]
    assert summaries(privateExtendedProperty="team=core") == ["second"]
    assert summaries(privateExtendedProperty="team=other") == []
    trimmed = service.events().get(calendarId="primary", eventId=second["id"], maxAttendees=1)
    answer = trimmed.execute()
    assert answer["attendees"] == [{"email": "me@example.com", "self": True}]
    assert answer["attendeesOmitted"] is True
    status, error = _failure(service.events().list(calendarId="primary", q="second"))
    assert status == 501
    assert error["message"].startswith(
        "FakeCalendar does not implement the events.list parameter q"
    )


def test_a_channel_id_already_open_answers_400() -> None:
    """Channel IDs are unique: opening one twice is refused."""
    service = client(FakeCalendar())
    body = {"id": "chan", "type": "web_hook", "address": "https://example.com/hook"}
    service.events().watch(calendarId="primary", body=body).execute()
    status, _ = _failure(service.events().watch(calendarId="primary", body=body))
    assert status == 400
