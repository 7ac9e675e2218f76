"""FakeCalendar's recurring events through google-api-python-client: RFC 5545 rules expanded
by python-dateutil, instance IDs, occurrences edited and cancelled one by one, and what an
incremental sync sees of them."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from googleapiclient.errors import HttpError

from confdata.testing import FakeCalendar
from confdata.testing._fake.recurrence import MAX_SCAN

from .calendars import client, error_of

STOCKHOLM = "Europe/Stockholm"


def _series(service: Any, rule: list[str], start: str = "2026-12-07T10:00:00", **extra: Any) -> Any:
    """A 15-minute series starting at ``start`` (Stockholm wall time)."""
    end = f"{start[:-5]}15:00"
    body = {
        "summary": "Stand-up",
        "start": {"dateTime": start, "timeZone": STOCKHOLM},
        "end": {"dateTime": end, "timeZone": STOCKHOLM},
        "recurrence": rule,
        **extra,
    }
    return service.events().insert(calendarId="primary", body=body).execute()


def _instances(service: Any, event_id: str, **query: Any) -> list[dict[str, Any]]:
    page = service.events().instances(calendarId="primary", eventId=event_id, **query).execute()
    items: list[dict[str, Any]] = page["items"]
    return items


def _starts(items: list[dict[str, Any]]) -> list[str]:
    return [item["start"]["dateTime"] for item in items]


def test_the_stand_up_expands_on_instances_and_single_events() -> None:
    """RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR (endless) works on instances and singleEvents=true."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"])
    first = _instances(service, series["id"], maxResults=4, timeZone=STOCKHOLM)
    assert [item["id"] for item in first] == [
        f"{series['id']}_20261207T090000Z",
        f"{series['id']}_20261209T090000Z",
        f"{series['id']}_20261211T090000Z",
        f"{series['id']}_20261214T090000Z",
    ]
    assert first[0]["start"] == {"dateTime": "2026-12-07T10:00:00+01:00", "timeZone": STOCKHOLM}
    assert {item["recurringEventId"] for item in first} == {series["id"]}
    listed = (
        service.events()
        .list(
            calendarId="primary",
            singleEvents=True,
            orderBy="startTime",
            timeMin="2027-03-01T00:00:00Z",
            timeMax="2027-03-08T00:00:00Z",
        )
        .execute()["items"]
    )
    assert _starts(listed) == [
        "2027-03-01T09:00:00Z",
        "2027-03-03T09:00:00Z",
        "2027-03-05T09:00:00Z",
    ]
    assert all("recurrence" not in item for item in listed)


def test_an_endless_series_without_time_max_shows_730_instances() -> None:
    """An endless series listed without timeMax is cut at 730 instances (users' report of
    Google), and paged: every page carries its part."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=DAILY"])
    seen, token = [], None
    while True:
        page = (
            service.events()
            .instances(calendarId="primary", eventId=series["id"], maxResults=2500, pageToken=token)
            .execute()
        )
        seen.extend(page["items"])
        token = page.get("nextPageToken")
        if token is None:
            break
    assert len(seen) == 730
    assert seen[-1]["id"].endswith("_20281205T090000Z")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (["RRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3"], ["2026-12-15", "2027-01-15", "2027-02-15"]),
        (["RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2"], ["2026-12-25", "2027-01-29"]),
        (["RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261210"], ["2026-12-08", "2026-12-10"]),
        (["RRULE:FREQ=DAILY;UNTIL=20261209T090000Z"], ["2026-12-07", "2026-12-08", "2026-12-09"]),
        (
            ["RRULE:FREQ=DAILY;COUNT=4", "EXDATE;TZID=Europe/Stockholm:20261208T100000"],
            ["2026-12-07", "2026-12-09", "2026-12-10"],
        ),
        (
            ["RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20261207T090000Z", "RDATE:20261220T090000Z"],
            ["2026-12-08", "2026-12-09", "2026-12-20"],
        ),
    ],
)
def test_rfc_5545_rules_expand_as_dateutil_reads_them(rule: list[str], expected: list[str]) -> None:
    """BYDAY, BYMONTHDAY, COUNT, UNTIL (a date or UTC), EXDATE and RDATE."""
    service = client(FakeCalendar())
    series = _series(service, rule)
    items = _instances(service, series["id"], timeZone=STOCKHOLM)
    assert [start[:10] for start in _starts(items)] == expected


def test_a_series_keeps_its_wall_clock_time_across_daylight_saving() -> None:
    """Expanded in the series' timeZone: 10:00 in Stockholm is 08:00Z in summer, 09:00Z in
    winter."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=WEEKLY;COUNT=2"], start="2026-10-19T10:00:00")
    assert _starts(_instances(service, series["id"])) == [
        "2026-10-19T08:00:00Z",
        "2026-10-26T09:00:00Z",
    ]


def test_all_day_series_use_date_ids() -> None:
    """An all-day series' instances are dates; their IDs end in the date."""
    service = client(FakeCalendar())
    body = {
        "start": {"date": "2026-12-24"},
        "end": {"date": "2026-12-25"},
        "recurrence": ["RRULE:FREQ=YEARLY;COUNT=2"],
    }
    series = service.events().insert(calendarId="primary", body=body).execute()
    items = _instances(service, series["id"])
    assert [(i["id"], i["start"]) for i in items] == [
        (f"{series['id']}_20261224", {"date": "2026-12-24"}),
        (f"{series['id']}_20271224", {"date": "2027-12-24"}),
    ]


@pytest.mark.parametrize(
    ("body", "message", "reason"),
    [
        (
            {
                "start": {"dateTime": "2026-12-07T10:00:00Z"},
                "end": {"dateTime": "2026-12-07T11:00:00Z"},
            },
            "Missing time zone definition for start time.",
            "required",
        ),
        (
            {
                "start": {"dateTime": "2026-12-07T10:00:00", "timeZone": STOCKHOLM},
                "end": {"dateTime": "2026-12-07T11:00:00", "timeZone": STOCKHOLM},
                "recurrence": ["RRULE:FREQ=FORTNIGHTLY"],
            },
            "Invalid recurrence rule.",
            "invalid",
        ),
        (
            {
                "start": {"dateTime": "2026-12-07T10:00:00", "timeZone": STOCKHOLM},
                "end": {"dateTime": "2026-12-07T11:00:00", "timeZone": STOCKHOLM},
                "recurrence": ["DTSTART:20261207T100000Z", "RRULE:FREQ=DAILY"],
            },
            "Invalid recurrence rule.",
            "invalid",
        ),
    ],
)
def test_series_calendar_refuses_answer_400(
    body: dict[str, Any], message: str, reason: str
) -> None:
    """A timed series without a timeZone, an unknown FREQ, a DTSTART line: Google's 400s."""
    body.setdefault("recurrence", ["RRULE:FREQ=DAILY"])
    with pytest.raises(HttpError) as failure:
        client(FakeCalendar()).events().insert(calendarId="primary", body=body).execute()
    first = error_of(failure.value)["error"]["errors"][0]
    assert (failure.value.resp.status, first["message"], first["reason"]) == (400, message, reason)


def test_a_series_at_the_end_of_time_lists_without_overflow() -> None:
    """A daily series starting 9999-12-31 is stored and listed: the dates end, the series ends."""
    service = client(FakeCalendar())
    body = {
        "start": {"date": "9999-12-31"},
        "end": {"date": "9999-12-31"},
        "recurrence": ["RRULE:FREQ=DAILY"],
    }
    series = service.events().insert(calendarId="primary", body=body).execute()
    listed = service.events().list(calendarId="primary", singleEvents=True).execute()["items"]
    assert [item["id"] for item in listed] == [f"{series['id']}_99991231"]


def test_scanning_past_the_fakes_limit_answers_501() -> None:
    """A daily series listed up to a bound thousands of years away: past MAX_SCAN occurrences
    the fake answers 501 saying so, rather than working for minutes."""
    service = client(FakeCalendar())
    _series(service, ["RRULE:FREQ=DAILY"])
    with pytest.raises(HttpError) as failure:
        service.events().list(
            calendarId="primary", singleEvents=True, timeMax="9000-01-01T00:00:00Z"
        ).execute()
    assert failure.value.resp.status == 501
    assert f"more than {MAX_SCAN:,} occurrences" in error_of(failure.value)["error"]["message"]


def test_one_occurrence_is_read_patched_and_deleted_by_its_instance_id() -> None:
    """get, patch and delete address one instance; the patched one becomes an exception with
    recurringEventId and originalStartTime; the deleted one is cancelled."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"])
    moved_id, gone_id = (f"{series['id']}_2026120{d}T090000Z" for d in (9, 7))
    read = service.events().get(calendarId="primary", eventId=moved_id).execute()
    assert (read["recurringEventId"], read["start"]["dateTime"]) == (
        series["id"],
        "2026-12-09T09:00:00Z",
    )
    moved = (
        service.events()
        .patch(
            calendarId="primary",
            eventId=moved_id,
            body={
                "start": {"dateTime": "2026-12-09T14:00:00"},
                "end": {"dateTime": "2026-12-09T14:15:00"},
            },
        )
        .execute()
    )
    assert moved["id"] == moved_id
    assert moved["recurringEventId"] == series["id"]
    assert moved["originalStartTime"] == {"dateTime": "2026-12-09T09:00:00Z", "timeZone": STOCKHOLM}
    assert moved["start"] == {"dateTime": "2026-12-09T13:00:00Z", "timeZone": STOCKHOLM}
    service.events().delete(calendarId="primary", eventId=gone_id).execute()
    assert (
        service.events().get(calendarId="primary", eventId=gone_id).execute()["status"]
        == "cancelled"
    )
    friday_id = f"{series['id']}_20261211T090000Z"
    friday = service.events().get(calendarId="primary", eventId=friday_id).execute()
    updated = (
        service.events()
        .update(calendarId="primary", eventId=friday_id, body={**friday, "summary": "Retro"})
        .execute()
    )
    assert (updated["summary"], updated["recurringEventId"]) == ("Retro", series["id"])
    single = (
        service.events()
        .list(calendarId="primary", singleEvents=True, timeMax="2026-12-12T00:00:00Z")
        .execute()["items"]
    )
    assert [(item["id"][-16:], item["start"]["dateTime"]) for item in single] == [
        ("20261209T090000Z", "2026-12-09T13:00:00Z"),
        ("20261211T090000Z", "2026-12-11T09:00:00Z"),
    ]


def test_an_incremental_sync_sees_moved_and_cancelled_occurrences() -> None:
    """After a sync token: the moved occurrence comes whole, the cancelled one as Google's stub
    (id, recurringEventId, originalStartTime, status); with showDeleted, whole."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"])
    token = service.events().list(calendarId="primary").execute()["nextSyncToken"]
    moved_id, gone_id = f"{series['id']}_20261209T090000Z", f"{series['id']}_20261211T090000Z"
    service.events().patch(
        calendarId="primary", eventId=moved_id, body={"location": "Room 2"}
    ).execute()
    service.events().delete(calendarId="primary", eventId=gone_id).execute()
    items = service.events().list(calendarId="primary", syncToken=token).execute()["items"]
    by_id = {item["id"]: item for item in items}
    assert set(by_id) == {moved_id, gone_id}
    assert by_id[moved_id]["location"] == "Room 2"
    assert set(by_id[gone_id]) == {
        "kind",
        "etag",
        "id",
        "status",
        "recurringEventId",
        "originalStartTime",
    }
    assert by_id[gone_id]["originalStartTime"]["dateTime"] == "2026-12-11T09:00:00Z"
    shown = service.events().list(calendarId="primary", syncToken=token, showDeleted=True).execute()
    assert {i["id"]: i.get("summary") for i in shown["items"]}[gone_id] == "Stand-up"


def test_show_deleted_and_single_events_follow_the_reference() -> None:
    """singleEvents hides cancelled occurrences unless showDeleted; without singleEvents the
    cancelled exception is listed (as a stub) even without showDeleted."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=DAILY;COUNT=3"])
    gone_id = f"{series['id']}_20261208T090000Z"
    service.events().delete(calendarId="primary", eventId=gone_id).execute()

    def ids(**query: Any) -> list[str]:
        return [
            i["id"] for i in service.events().list(calendarId="primary", **query).execute()["items"]
        ]

    assert gone_id not in ids(singleEvents=True)
    assert gone_id in ids(singleEvents=True, showDeleted=True)
    assert ids() == [series["id"], gone_id]


def test_an_instance_id_the_series_does_not_have_is_404() -> None:
    """An ID whose time is not an occurrence, or of a single event, answers 404."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=DAILY;COUNT=3"])
    for wrong in (f"{series['id']}_20261207T091500Z", f"{series['id']}_20261230T090000Z", "x_1"):
        with pytest.raises(HttpError) as failure:
            service.events().get(calendarId="primary", eventId=wrong).execute()
        assert failure.value.resp.status == 404


def test_instances_filters_by_original_start() -> None:
    """originalStart picks the instance that was to start then."""
    service = client(FakeCalendar())
    series = _series(service, ["RRULE:FREQ=DAILY;COUNT=3"])
    items = _instances(service, series["id"], originalStart="2026-12-08T10:00:00+01:00")
    assert [item["id"] for item in items] == [f"{series['id']}_20261208T090000Z"]


def test_the_recurrence_is_dateutils_not_a_copy() -> None:
    """What the fake lists is what dateutil's rrulestr yields for the same rule."""
    rule = "RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;COUNT=5"
    service = client(FakeCalendar())
    series = _series(service, [rule], start="2026-12-01T10:00:00")
    got = [start[:10] for start in _starts(_instances(service, series["id"], timeZone=STOCKHOLM))]
    expected = rrulestr(rule, dtstart=dt.datetime(2026, 12, 1, 10, tzinfo=ZoneInfo(STOCKHOLM)))
    assert got == [d.date().isoformat() for d in expected]


def test_a_user_edit_of_one_occurrence_and_a_snapshot_round_trip() -> None:
    """user_edit() takes an instance ID (an exception results); snapshot() seeds a fake that
    answers the same occurrences."""
    fake = FakeCalendar()
    service = client(fake)
    series = _series(service, ["RRULE:FREQ=DAILY;COUNT=3"])
    edited = fake.user_edit("primary", f"{series['id']}_20261208T090000Z", {"summary": "Moved"})
    assert (edited["recurringEventId"], edited["summary"]) == (series["id"], "Moved")
    copy = FakeCalendar(calendars=[])
    copy.seed(fake.snapshot())
    again = client(copy).events().list(calendarId="primary", singleEvents=True).execute()["items"]
    original = service.events().list(calendarId="primary", singleEvents=True).execute()["items"]
    assert [(i["id"], i["summary"], i["start"]) for i in again] == [
        (i["id"], i["summary"], i["start"]) for i in original
    ]
    assert [i["summary"] for i in again] == ["Stand-up", "Moved", "Stand-up"]
