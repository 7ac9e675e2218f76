"""FakeCalendar through google-api-python-client: each behaviour the how-to guide documents."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest
from googleapiclient.errors import HttpError

from confdata import ValidationError, validate_calendar_json
from confdata.testing import FakeCalendar

from .calendars import acme, as_the_add_on, client, error_of, meet_request, timed


def _insert(service: Any, body: dict[str, Any], **arguments: Any) -> dict[str, Any]:
    event: dict[str, Any] = (
        service.events().insert(calendarId="primary", body=body, **arguments).execute()
    )
    return event


def _get(service: Any, event_id: str) -> dict[str, Any]:
    event: dict[str, Any] = service.events().get(calendarId="primary", eventId=event_id).execute()
    return event


def test_insert_then_get_returns_the_stored_event() -> None:
    """An inserted event comes back from get with the members the server sets."""
    service = client(FakeCalendar())
    created = _insert(service, timed(description="notes"))
    assert created["kind"] == "calendar#event"
    assert created["status"] == "confirmed"
    assert created["iCalUID"] == f"{created['id']}@google.com"
    assert re.fullmatch(r'"\d+"', created["etag"])
    assert _get(service, created["id"]) == created


def test_requests_are_routed_by_the_discovery_documents_methods() -> None:
    """The call log names each method by its discovery ID; unknown methods answer 501."""
    fake = FakeCalendar()
    service = client(fake)
    created = _insert(service, timed())
    with pytest.raises(HttpError) as failure:
        service.events().move(
            calendarId="primary", eventId=created["id"], destination="x"
        ).execute()
    assert failure.value.resp.status == 501
    assert "calendar.events.move" in failure.value.reason
    assert [call.method for call in fake.calls] == [
        "calendar.events.insert",
        "calendar.events.move",
    ]
    assert fake.calls[0].parameters["calendarId"] == "primary"


def test_unknown_urls_calendars_and_events_answer_404() -> None:
    """A URI outside the API, a calendar that does not exist and an unknown event are 404."""
    fake = FakeCalendar()
    response, _ = fake.http().request("https://example.com/calendar/v3/x", "GET")
    assert response.status == 404
    service = client(fake)
    for call in (
        service.events().list(calendarId="someone@example.com"),
        service.events().get(calendarId="primary", eventId="nothere"),
    ):
        with pytest.raises(HttpError) as failure:
            call.execute()
        assert error_of(failure.value)["error"]["errors"][0]["reason"] == "notFound"


def test_conference_data_without_the_version_parameter_is_ignored_silently() -> None:
    """conferenceDataVersion 0 (the default): the write succeeds, the conference is dropped."""
    service = client(FakeCalendar())
    created = _insert(service, timed(conferenceData=meet_request()))
    assert "conferenceData" not in created
    assert "conferenceData" not in _get(service, created["id"])


def test_version_0_keeps_the_stored_conference_and_a_version_1_put_replaces_it() -> None:
    """Patch or update without the version keep the conference; an update with it and
    without conferenceData removes it (a PUT that wipes what a read returned)."""
    service = client(as_the_add_on())
    created = _insert(service, timed(conferenceData=acme()), conferenceDataVersion=1)
    patched = (
        service.events()
        .patch(calendarId="primary", eventId=created["id"], body={"conferenceData": None})
        .execute()
    )
    assert patched["conferenceData"] == acme()
    updated = service.events().update(calendarId="primary", eventId=created["id"], body=timed())
    assert updated.execute()["conferenceData"] == acme()
    wiped = service.events().update(
        calendarId="primary", eventId=created["id"], body=timed(), conferenceDataVersion=1
    )
    assert "conferenceData" not in wiped.execute()


def test_invalid_conference_data_answers_400_in_googles_error_shape() -> None:
    """With version 1 confdata checks the data; errors answer 400 naming code and path,
    with secrets masked."""
    service = client(as_the_add_on())
    data = acme()
    data["entryPoints"][0]["uri"] = "ftp://acme.example/j"
    data["entryPoints"][0]["passcode"] = "7" * 200
    with pytest.raises(HttpError) as failure:
        _insert(service, timed(conferenceData=data), conferenceDataVersion=1)
    body = error_of(failure.value)
    assert failure.value.resp.status == 400
    assert body["error"]["code"] == 400
    assert body["error"]["message"] == "Invalid conference data."
    details = [item["message"] for item in body["error"]["errors"]]
    assert any(m.startswith("uri-scheme at /conferenceData/entryPoints/0/uri") for m in details)
    assert any(
        m.startswith("max-length at /conferenceData/entryPoints/0/passcode") for m in details
    )
    assert "7" * 20 not in failure.value.content.decode()


@pytest.mark.parametrize("reads", [0, 1, 3])
def test_a_meet_create_request_is_pending_for_the_configured_reads(reads: int) -> None:
    """The write answers pending; so do the next `reads` reads; then success."""
    service = client(FakeCalendar(pending_reads=reads))
    created = _insert(service, timed(conferenceData=meet_request()), conferenceDataVersion=1)
    assert created["conferenceData"]["createRequest"]["status"] == {"statusCode": "pending"}
    seen = [_get(service, created["id"]) for _ in range(reads + 1)]
    statuses = [e["conferenceData"]["createRequest"]["status"]["statusCode"] for e in seen]
    assert statuses == ["pending"] * reads + ["success"]
    assert seen[-1]["etag"] != created["etag"]


def test_a_successful_create_request_has_a_meet_conference() -> None:
    """Success brings a Meet-like ID, the Meet solution, entry points and hangoutLink, and
    valid Calendar JSON."""
    service = client(FakeCalendar(pending_reads=0))
    created = _insert(service, timed(conferenceData=meet_request("r-9")), conferenceDataVersion=1)
    event = _get(service, created["id"])
    conference = event["conferenceData"]
    assert re.fullmatch(r"[a-z]{3}-[a-z]{4}-[a-z]{3}", conference["conferenceId"])
    assert conference["conferenceSolution"]["key"] == {"type": "hangoutsMeet"}
    assert conference["createRequest"]["requestId"] == "r-9"
    kinds = [entry["entryPointType"] for entry in conference["entryPoints"]]
    assert kinds == ["video", "more", "phone"]
    assert event["hangoutLink"] == f"https://meet.google.com/{conference['conferenceId']}"
    assert validate_calendar_json(conference) == []


def test_a_failed_create_request_has_no_entry_points() -> None:
    """create_outcome='failure': status failure, no solution, entry points or signature."""
    service = client(FakeCalendar(pending_reads=0, create_outcome="failure"))
    created = _insert(service, timed(conferenceData=meet_request()), conferenceDataVersion=1)
    conference = _get(service, created["id"])["conferenceData"]
    assert conference == {
        "createRequest": {
            "requestId": "req-1",
            "conferenceSolutionKey": {"type": "hangoutsMeet"},
            "status": {"statusCode": "failure"},
        }
    }


def test_a_repeated_request_id_is_ignored_and_a_new_one_starts_over() -> None:
    """Sending the previous requestId again leaves the conference; a new one asks anew."""
    service = client(FakeCalendar(pending_reads=0))
    created = _insert(service, timed(conferenceData=meet_request("r1")), conferenceDataVersion=1)
    done = _get(service, created["id"])["conferenceData"]

    def patch(request_id: str) -> dict[str, Any]:
        call = service.events().patch(
            calendarId="primary",
            eventId=created["id"],
            body={"conferenceData": meet_request(request_id)},
            conferenceDataVersion=1,
        )
        event: dict[str, Any] = call.execute()
        return event

    assert patch("r1")["conferenceData"] == done
    again = patch("r2")["conferenceData"]
    assert again["createRequest"]["status"] == {"statusCode": "pending"}
    assert "entryPoints" not in again


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [("eventHangout", ("eventHangout", "hangoutsMeet")), ("hangoutsMeet", ()), ("addOn", None)],
)
def test_create_requests_the_calendar_cannot_make_answer_400(
    kind: str, allowed: tuple[str, ...] | None
) -> None:
    """Deprecated types, types the calendar does not allow and addOn answer 400 "Invalid
    conference type value."."""
    fake = FakeCalendar()
    if allowed is not None:
        fake.add_calendar("primary", allowed_solution_types=allowed)
    request = meet_request()
    request["createRequest"]["conferenceSolutionKey"]["type"] = kind
    with pytest.raises(HttpError) as failure:
        _insert(client(fake), timed(conferenceData=request), conferenceDataVersion=1)
    assert failure.value.reason == "Invalid conference type value."


def test_add_on_data_is_rejected_by_default_stripped_or_accepted() -> None:
    """The addOn policy: 400 "Invalid conference data." by default, or stripped, or stored."""
    with pytest.raises(HttpError) as failure:
        _insert(client(FakeCalendar()), timed(conferenceData=acme()), conferenceDataVersion=1)
    assert failure.value.reason == "Invalid conference data."
    stripped = _insert(
        client(FakeCalendar(add_on_data="strip")),
        timed(conferenceData=acme()),
        conferenceDataVersion=1,
    )
    assert "conferenceData" not in stripped
    accepted = _insert(
        client(as_the_add_on()),
        timed(conferenceData=acme()),
        conferenceDataVersion=1,
    )
    assert accepted["conferenceData"] == acme()


def test_writing_back_add_on_data_unchanged_is_not_a_new_add_on_write() -> None:
    """Under 'reject', an update that sends the stored addOn data unchanged succeeds."""
    fake = FakeCalendar()
    fake.seed(
        {"calendars": {"primary": {"events": [{"id": "e1", **timed(), "conferenceData": acme()}]}}}
    )
    service = client(fake)
    event = _get(service, "e1")
    updated = service.events().update(
        calendarId="primary", eventId="e1", body=event, conferenceDataVersion=1
    )
    assert updated.execute()["conferenceData"] == acme()


def test_a_stale_if_match_answers_412() -> None:
    """If-Match with an old etag: 412 conditionNotMet; the current etag or * succeed."""
    service = client(FakeCalendar())
    created = _insert(service, timed())
    edited = service.events().patch(
        calendarId="primary", eventId=created["id"], body={"summary": "B"}
    )
    edited = edited.execute()
    stale = service.events().patch(
        calendarId="primary", eventId=created["id"], body={"summary": "C"}
    )
    stale.headers["If-Match"] = created["etag"]
    with pytest.raises(HttpError) as failure:
        stale.execute()
    assert failure.value.resp.status == 412
    (item,) = error_of(failure.value)["error"]["errors"]
    assert item == {
        "domain": "global",
        "reason": "conditionNotMet",
        "message": "Precondition Failed",
        "locationType": "header",
        "location": "If-Match",
    }
    for etag in (edited["etag"], "*"):
        fresh = service.events().patch(calendarId="primary", eventId=created["id"], body={})
        fresh.headers["If-Match"] = etag
        assert fresh.execute()["etag"] != etag
    gone = service.events().delete(calendarId="primary", eventId=created["id"])
    gone.headers["If-Match"] = created["etag"]
    with pytest.raises(HttpError):
        gone.execute()


def test_if_none_match_with_the_current_etag_answers_304() -> None:
    """Conditional retrieval: an unchanged event answers 304 Not Modified."""
    service = client(FakeCalendar())
    created = _insert(service, timed())
    request = service.events().get(calendarId="primary", eventId=created["id"])
    request.headers["If-None-Match"] = created["etag"]
    with pytest.raises(HttpError) as failure:
        request.execute()
    assert failure.value.resp.status == 304


def test_deleted_events_are_cancelled_and_deleting_again_answers_410() -> None:
    """Delete cancels; get still returns the event; list hides it unless showDeleted."""
    service = client(FakeCalendar())
    created = _insert(service, timed())
    assert service.events().delete(calendarId="primary", eventId=created["id"]).execute() == ""
    assert _get(service, created["id"])["status"] == "cancelled"
    assert service.events().list(calendarId="primary").execute()["items"] == []
    shown = service.events().list(calendarId="primary", showDeleted=True).execute()["items"]
    assert [(e["id"], e["summary"]) for e in shown] == [(created["id"], "Planning")]
    with pytest.raises(HttpError) as failure:
        service.events().delete(calendarId="primary", eventId=created["id"]).execute()
    assert failure.value.resp.status == 410
    assert error_of(failure.value)["error"]["errors"][0]["reason"] == "deleted"


def test_list_pages_carry_a_page_token_and_only_the_last_a_sync_token() -> None:
    """Five events, two a page: three pages; nextSyncToken only on the last."""
    service = client(FakeCalendar())
    ids = [_insert(service, timed(f"e{n}"))["id"] for n in range(5)]
    pages, token = [], None
    while True:
        page = service.events().list(calendarId="primary", maxResults=2, pageToken=token).execute()
        pages.append(page)
        token = page.get("nextPageToken")
        if token is None:
            break
    assert [len(p["items"]) for p in pages] == [2, 2, 1]
    assert [("nextSyncToken" in p) for p in pages] == [False, False, True]
    assert [e["id"] for p in pages for e in p["items"]] == ids


def test_page_size_caps_pages_below_max_results() -> None:
    """FakeCalendar(page_size=1) answers one event a page whatever maxResults says."""
    service = client(FakeCalendar(page_size=1))
    for n in range(2):
        _insert(service, timed(f"e{n}"))
    page = service.events().list(calendarId="primary", maxResults=50).execute()
    assert len(page["items"]) == 1
    assert "nextPageToken" in page


def test_an_incremental_sync_returns_what_changed_and_deleted_events_as_ids() -> None:
    """After a sync token: only changed events; a deleted one carries just its ID."""
    service = client(FakeCalendar())
    kept, changed, removed = (_insert(service, timed(name))["id"] for name in "abc")
    token = service.events().list(calendarId="primary").execute()["nextSyncToken"]
    service.events().patch(calendarId="primary", eventId=changed, body={"summary": "B"}).execute()
    service.events().delete(calendarId="primary", eventId=removed).execute()
    items = service.events().list(calendarId="primary", syncToken=token).execute()["items"]
    assert [(e["id"], e["status"]) for e in items] == [
        (changed, "confirmed"),
        (removed, "cancelled"),
    ]
    assert set(items[1]) == {"kind", "etag", "id", "status"}
    assert kept not in {e["id"] for e in items}


def test_sync_tokens_refuse_filters_and_expire() -> None:
    """syncToken with timeMin is 400; an unknown or invalidated token is 410."""
    fake = FakeCalendar()
    service = client(fake)
    token = service.events().list(calendarId="primary").execute()["nextSyncToken"]
    with pytest.raises(HttpError) as failure:
        service.events().list(
            calendarId="primary", syncToken=token, timeMin="2026-01-01T00:00:00Z"
        ).execute()
    assert failure.value.resp.status == 400
    assert fake.invalidate_sync_tokens() >= 1
    for stale in (token, "made-up"):
        with pytest.raises(HttpError) as gone:
            service.events().list(calendarId="primary", syncToken=stale).execute()
        assert gone.value.resp.status == 410
        assert error_of(gone.value)["error"]["errors"][0]["reason"] == "fullSyncRequired"


def test_an_invalidated_token_ends_the_paging_of_its_sync() -> None:
    """A page token of an incremental sync whose token was invalidated answers 410."""
    fake = FakeCalendar()
    service = client(fake)
    token = service.events().list(calendarId="primary").execute()["nextSyncToken"]
    for n in range(3):
        _insert(service, timed(f"e{n}"))
    first = service.events().list(calendarId="primary", syncToken=token, maxResults=1).execute()
    fake.invalidate_sync_tokens("primary")
    rest = service.events().list(
        calendarId="primary", syncToken=token, maxResults=1, pageToken=first["nextPageToken"]
    )
    with pytest.raises(HttpError) as gone:
        rest.execute()
    assert gone.value.resp.status == 410


def test_a_change_made_while_paging_comes_in_the_next_sync() -> None:
    """The sync token of a paged list counts from its first page: nothing is missed."""
    service = client(FakeCalendar())
    first, second = (_insert(service, timed(name))["id"] for name in "ab")
    page = service.events().list(calendarId="primary", maxResults=1).execute()
    service.events().patch(calendarId="primary", eventId=first, body={"summary": "A2"}).execute()
    last = (
        service.events()
        .list(calendarId="primary", maxResults=1, pageToken=page["nextPageToken"])
        .execute()
    )
    assert [e["id"] for e in last["items"]] == [second]
    since = service.events().list(calendarId="primary", syncToken=last["nextSyncToken"]).execute()
    assert [e["summary"] for e in since["items"]] == ["A2"]


def test_a_page_token_belongs_to_its_query() -> None:
    """A page token used with other parameters, or made up, is 400."""
    service = client(FakeCalendar())
    for n in range(2):
        _insert(service, timed(f"e{n}"))
    token = service.events().list(calendarId="primary", maxResults=1).execute()["nextPageToken"]
    for arguments in ({"showDeleted": True, "pageToken": token}, {"pageToken": "nope"}):
        with pytest.raises(HttpError) as failure:
            service.events().list(calendarId="primary", **arguments).execute()
        assert failure.value.resp.status == 400


def test_time_bounds_filter_a_full_list() -> None:
    """timeMin bounds the end and timeMax the start; an empty range is timeRangeEmpty."""
    service = client(FakeCalendar())
    _insert(service, timed("early", day=2))
    _insert(service, timed("late", day=20))
    items = (
        service.events()
        .list(calendarId="primary", timeMin="2026-11-10T00:00:00Z", timeMax="2026-12-01T00:00:00Z")
        .execute()["items"]
    )
    assert [e["summary"] for e in items] == ["late"]
    with pytest.raises(HttpError) as failure:
        service.events().list(
            calendarId="primary", timeMin="2026-11-10T00:00:00Z", timeMax="2026-11-01T00:00:00Z"
        ).execute()
    assert error_of(failure.value)["error"]["errors"][0]["reason"] == "timeRangeEmpty"


def test_insert_checks_ids_and_times() -> None:
    """A chosen ID must be base32hex and new; start and end are required."""
    service = client(FakeCalendar())
    assert _insert(service, timed(id="abcdef0123"))["id"] == "abcdef0123"
    for body, status in (
        (timed(id="abcdef0123"), 409),
        (timed(id="Not_Valid"), 400),
        ({"summary": "no times"}, 400),
        (timed(end={"dateTime": "tomorrow"}), 400),
    ):
        with pytest.raises(HttpError) as failure:
            _insert(service, body)
        assert failure.value.resp.status == status


def _weekly(service: Any, **members: Any) -> dict[str, Any]:
    return _insert(
        service,
        {
            "summary": "Weekly",
            "start": {"dateTime": "2026-11-26T10:00:00", "timeZone": "Europe/Stockholm"},
            "end": {"dateTime": "2026-11-26T10:30:00", "timeZone": "Europe/Stockholm"},
            "recurrence": ["RRULE:FREQ=WEEKLY;COUNT=3"],
            **members,
        },
        conferenceDataVersion=1,
    )


def test_instances_of_a_series_share_its_conference() -> None:
    """events.instances expands a weekly series; every instance carries the series' data."""
    service = client(as_the_add_on())
    series = _weekly(service, conferenceData=acme())
    items = service.events().instances(calendarId="primary", eventId=series["id"]).execute()
    items = items["items"]
    assert [e["id"] for e in items] == [
        f"{series['id']}_20261126T090000Z",
        f"{series['id']}_20261203T090000Z",
        f"{series['id']}_20261210T090000Z",
    ]
    assert {e["recurringEventId"] for e in items} == {series["id"]}
    assert all(e["conferenceData"] == acme() for e in items)
    # Times in the calendar's zone (UTC here), with the series' timeZone kept.
    assert items[1]["start"] == {"dateTime": "2026-12-03T09:00:00Z", "timeZone": "Europe/Stockholm"}


def test_an_edited_instance_becomes_an_exception_of_its_series() -> None:
    """Patching one instance changes it alone; singleEvents lists it in place."""
    service = client(FakeCalendar())
    series = _weekly(service)
    second = f"{series['id']}_20261203T090000Z"
    service.events().patch(
        calendarId="primary", eventId=second, body={"summary": "Moved"}
    ).execute()
    service.events().delete(
        calendarId="primary", eventId=f"{series['id']}_20261210T090000Z"
    ).execute()
    single = service.events().list(calendarId="primary", singleEvents=True).execute()["items"]
    assert [e["summary"] for e in single] == ["Weekly", "Moved"]
    plain = service.events().list(calendarId="primary").execute()["items"]
    assert [(e["id"], e["status"]) for e in plain] == [
        (series["id"], "confirmed"),
        (second, "confirmed"),
        (f"{series['id']}_20261210T090000Z", "cancelled"),
    ]


def test_calendars_get_shows_the_allowed_solution_types() -> None:
    """calendars.get and calendarList.get carry conferenceProperties."""
    fake = FakeCalendar(calendars=["team@example.com"])
    fake.add_calendar("team@example.com", allowed_solution_types=["hangoutsMeet"], summary="Team")
    service = client(fake)
    calendar = service.calendars().get(calendarId="team@example.com").execute()
    assert calendar["conferenceProperties"] == {"allowedConferenceSolutionTypes": ["hangoutsMeet"]}
    entry = service.calendarList().get(calendarId="team@example.com").execute()
    assert (entry["kind"], entry["summary"]) == ("calendar#calendarListEntry", "Team")


def test_fixtures_seed_the_state_and_snapshots_round_trip() -> None:
    """seed_json() loads calendars and events; snapshot() gives a fixture that seeds the same."""
    fixture = {
        "calendars": {
            "primary": {
                "summary": "Me",
                "events": [{"id": "e1", **timed(), "conferenceData": acme()}],
            },
            "room@example.com": {"events": []},
        }
    }
    fake = FakeCalendar(calendars=[])
    fake.seed_json(json.dumps(fixture))
    assert fake.event("primary", "e1")["conferenceData"] == acme()
    assert fake.calendar("primary")["summary"] == "Me"
    again = FakeCalendar(calendars=[])
    again.seed(fake.snapshot())
    assert [e["conferenceData"] for e in again.events("primary")] == [acme()]
    assert sorted(again.snapshot()["calendars"]) == ["primary", "room@example.com"]


@pytest.mark.parametrize(
    ("fixture", "path"),
    [
        ([], "/calendars"),
        ({"calendars": {"primary": {"events": {}}}}, "/calendars/primary/events"),
        (
            {"calendars": {"primary": {"events": [{"summary": "no id"}]}}},
            "/calendars/primary/events/0",
        ),
        ({"calendars": {"a/b": 3}}, "/calendars/a~1b"),
    ],
)
def test_a_malformed_fixture_is_a_validation_error_naming_the_place(
    fixture: Any, path: str
) -> None:
    """Fixtures of the wrong shape raise ValidationError with the JSON Pointer of the fault."""
    with pytest.raises(ValidationError) as raised:
        FakeCalendar().seed(fixture)
    assert [p.path for p in raised.value.problems] == [path]


def test_a_user_edit_is_a_write_with_a_new_etag() -> None:
    """user_edit() changes the event as its user would, and the etag moves on."""
    fake = FakeCalendar()
    service = client(fake)
    created = _insert(service, timed())
    edited = fake.user_edit("primary", created["id"], {"summary": "Renamed", "location": None})
    assert edited["summary"] == "Renamed"
    assert edited["etag"] != created["etag"]
    assert _get(service, created["id"]) == edited
    with pytest.raises(ValidationError):
        fake.user_edit("primary", "missing", {})


def test_bad_options_are_one_validation_error_listing_each() -> None:
    """Every wrong constructor argument is named in one ValidationError."""
    with pytest.raises(ValidationError) as raised:
        FakeCalendar(
            pending_reads=-1,
            create_outcome="maybe",  # type: ignore[arg-type]
            add_on_data="ignore",  # type: ignore[arg-type]
            page_size=0,
            calendars=[""],
        )
    assert [p.path for p in raised.value.problems] == [
        "/pending_reads",
        "/create_outcome",
        "/add_on_data",
        "/page_size",
        "/calendars/0",
    ]


def test_the_same_seed_gives_the_same_answers() -> None:
    """IDs, etags, tokens and meeting codes come from counters and the seed."""

    def run(seed: int) -> list[Any]:
        service = client(FakeCalendar(seed=seed, pending_reads=0))
        created = _insert(service, timed(conferenceData=meet_request()), conferenceDataVersion=1)
        return [_get(service, created["id"]), service.events().list(calendarId="primary").execute()]

    assert run(7) == run(7)
    assert (
        run(7)[0]["conferenceData"]["conferenceId"] != run(8)[0]["conferenceData"]["conferenceId"]
    )


def test_reprs_show_no_event_data() -> None:
    """The fake, its http object and its call log show counts and names, never secrets."""
    fake = as_the_add_on()
    service = client(fake)
    _insert(service, timed(conferenceData=acme()), conferenceDataVersion=1)
    text = " ".join(repr(x) for x in (fake, fake.http(), fake.calls))
    assert "s3cret-pass" not in text
    assert "events=1" in text


def test_the_fake_needs_neither_hypothesis_nor_the_client_library() -> None:
    """Its modules import and answer requests with no Hypothesis, googleapiclient or httplib2."""
    script = """
import json, sys, types
from pathlib import Path
import confdata
package = types.ModuleType("confdata.testing")
package.__path__ = [str(Path(confdata.__file__).parent / "testing")]
sys.modules["confdata.testing"] = package
from confdata.testing._fake.calendar import FakeCalendar
fake = FakeCalendar()
response, content = fake.http().request(
    "https://www.googleapis.com/calendar/v3/calendars/primary/events?conferenceDataVersion=1",
    "POST",
    body=json.dumps({"start": {"date": "2026-01-01"}, "end": {"date": "2026-01-02"}}),
)
assert response.status == 200, content
loaded = {"hypothesis", "googleapiclient", "httplib2"} & {m.split(".")[0] for m in sys.modules}
assert not loaded, loaded
"""
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, timeout=60)


def test_request_bodies_that_are_not_json_answer_400() -> None:
    """A body that does not parse answers 400 parseError."""
    response, content = (
        FakeCalendar()
        .http()
        .request(
            "https://www.googleapis.com/calendar/v3/calendars/primary/events", "POST", body="{"
        )
    )
    assert response.status == 400
    assert json.loads(content)["error"]["errors"][0]["reason"] == "parseError"


def test_a_list_too_long_for_a_uri_is_answered_like_a_get() -> None:
    """The client posts a GET whose URI passes 2048 characters as a form; the fake reads it."""
    service = client(FakeCalendar())
    _insert(service, timed(iCalUID="x" * 2100))
    items = service.events().list(calendarId="primary", iCalUID="x" * 2100).execute()["items"]
    assert len(items) == 1


def test_a_discovery_document_can_be_passed_in() -> None:
    """discovery= replaces the client's copy; something that is not one is a ValidationError."""
    from confdata.testing._fake.http import load_discovery

    document = load_discovery()
    service = client(FakeCalendar(discovery=document))
    assert _insert(service, timed())["kind"] == "calendar#event"
    no_events = {**document, "schemas": {}}
    for wrong in ({}, {"rootUrl": 1, "servicePath": "x"}, "calendar.v3.json", no_events):
        with pytest.raises(ValidationError):
            FakeCalendar(discovery=wrong)  # type: ignore[arg-type]
