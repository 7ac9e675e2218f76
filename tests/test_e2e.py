"""End to end through google-api-python-client against FakeCalendar: confdata's write, sync and
lifecycle helpers as an add-on backend uses them."""

from __future__ import annotations

from typing import Any

import pytest
from googleapiclient.errors import HttpError

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceSolutionBuilder,
    CreateRequestBuilder,
    EntryPoint,
    EventWrite,
    SolutionType,
    insert_arguments,
    patch_arguments,
)
from confdata._events.sync import (
    ConferenceDeleted,
    ConferenceUpdated,
    detect_changes,
    if_match_headers,
    solution_named,
    sync_events,
)
from confdata.lifecycle import CopyAction, WaitOutcome, can_create, check_write, plan_copy
from confdata.lifecycle import wait_for_conference as wait
from confdata.testing import FakeCalendar

from .calendars import client, timed

ACME = solution_named("Acme Video")


class FakeTime:
    """A clock that a sleep moves on: waits take no real time."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def _meet() -> ConferenceData:
    request = CreateRequestBuilder().solution_type(SolutionType.HANGOUTS_MEET).build()
    return ConferenceDataBuilder().create_request(request).build()


def _acme(conference_id: str = "acme-1") -> ConferenceData:
    solution = ConferenceSolutionBuilder().key_type(SolutionType.ADD_ON).name("Acme Video")
    return (
        ConferenceDataBuilder()
        .conference_id(conference_id)
        .conference_solution(solution.build())
        .entry_point(EntryPoint.video(f"https://acme.example/j/{conference_id}", passcode="p4ss"))
        .parameter("meetingKey", f"k-{conference_id}")
        .build()
    )


def _meet_write_has_no_solution(write: EventWrite) -> None:
    """A Meet create request is written without a conferenceSolution (issue 19: it gained an
    addOn one, depending on what ran before, and the API refuses that)."""
    assert "conferenceSolution" not in write.arguments["body"]["conferenceData"]


def _wait(service: Any, calendar_id: str, event_id: str) -> Any:
    time = FakeTime()
    return wait(
        lambda: service.events().get(calendarId=calendar_id, eventId=event_id).execute(),
        timeout=30,
        sleep=time.sleep,
        clock=time.clock,
    )


def test_a_meet_create_request_is_written_then_waited_for() -> None:
    """insert_arguments writes the request; the event comes back pending; waiting ends in a
    Google Meet conference, and check_write finds nothing lost."""
    fake = FakeCalendar(pending_reads=2)
    service = client(fake)
    write = insert_arguments(_meet(), calendar_id="primary", event=timed())
    _meet_write_has_no_solution(write)
    created = service.events().insert(**write.arguments).execute()
    assert check_write(write, created) == []
    assert created["conferenceData"]["createRequest"]["status"] == {"statusCode": "pending"}
    result = _wait(service, "primary", created["id"])
    assert result.outcome is WaitOutcome.SUCCESS
    assert result.polls == 3
    assert result.conference is not None
    assert result.conference.conference_solution is not None
    assert result.conference.conference_solution.key_type is SolutionType.HANGOUTS_MEET
    assert result.event["hangoutLink"].startswith("https://meet.google.com/")


def test_an_add_on_conference_lives_from_insert_to_deletion() -> None:
    """Written by the add-on, seen by its sync as an update, edited by the user and mirrored,
    then deleted: a ConferenceDeleted record."""
    # add_on_data="accept": the test plays the add-on writing its own conference; Calendar
    # refuses addOn data from every other client, as FakeCalendar does by default.
    fake = FakeCalendar(add_on_data="accept")
    service = client(fake)
    write = insert_arguments(_acme(), calendar_id="primary", event=timed(), send_updates="all")
    created = service.events().insert(**write.arguments).execute()
    assert check_write(write, created) == []
    assert created["summary"] == "Planning"
    assert fake.calls[-1].parameters["sendUpdates"] == "all"

    def list_page(arguments: dict[str, str]) -> Any:
        return service.events().list(calendarId="primary", **arguments).execute()

    first = sync_events(list_page)
    (update,) = detect_changes(first.events, is_ours=ACME).changes
    assert isinstance(update, ConferenceUpdated)
    assert update.conference_id == "acme-1"
    fake.user_edit("primary", created["id"], {"summary": "Renamed by the user"})
    second = sync_events(list_page, first.next_sync_token)
    (renamed,) = detect_changes(second.events, is_ours=ACME).changes
    assert isinstance(renamed, ConferenceUpdated)
    assert renamed.summary == "Renamed by the user"
    service.events().delete(calendarId="primary", eventId=created["id"]).execute()
    third = sync_events(list_page, second.next_sync_token)
    changes = detect_changes(third.events, is_ours=ACME, known={created["id"]: "acme-1"})
    assert changes.changes == (ConferenceDeleted(created["id"], "acme-1"),)


def test_check_write_catches_a_write_sent_without_the_version_parameter() -> None:
    """Arguments that lost conferenceDataVersion=1: the API accepts the write, drops the
    conference silently, and check_write says so."""
    fake = FakeCalendar(add_on_data="accept")  # plays the add-on itself; others' writes get 400
    service = client(fake)
    created = service.events().insert(calendarId="primary", body=timed()).execute()
    write = patch_arguments(_acme(), calendar_id="primary", event_id=created["id"])
    careless = {k: v for k, v in write.arguments.items() if k != "conferenceDataVersion"}
    returned = service.events().patch(**careless).execute()
    (problem,) = check_write(careless, returned)
    assert problem.code == "conference-data-dropped"
    assert "conferenceDataVersion=0" in problem.message
    assert "conferenceDataVersion" not in fake.calls[-1].parameters
    assert check_write(write, service.events().patch(**write.arguments).execute()) == []
    assert fake.calls[-1].parameters["conferenceDataVersion"] == "1"


def test_a_user_edit_racing_a_conditional_patch_gets_412_and_survives() -> None:
    """The add-on patches with the etag it synced; the user edited meanwhile: 412. The add-on
    reads again and writes; the user's edit is kept."""
    fake = FakeCalendar(add_on_data="accept")  # plays the add-on itself; others' writes get 400
    service = client(fake)
    write = insert_arguments(_acme(), calendar_id="primary", event=timed())
    created = service.events().insert(**write.arguments).execute()
    (update,) = detect_changes([created], is_ours=ACME).changes
    assert isinstance(update, ConferenceUpdated)
    fake.user_edit("primary", created["id"], {"location": "Room 4"})

    def conditional_patch(conference: ConferenceData, etag: str | None) -> Any:
        arguments = patch_arguments(
            conference, calendar_id="primary", event_id=update.event_id, validate=False
        ).arguments
        request = service.events().patch(**arguments)
        request.headers.update(if_match_headers(etag))
        return request.execute()

    with pytest.raises(HttpError) as failure:
        conditional_patch(_acme("acme-2"), update.etag)
    assert failure.value.resp.status == 412
    assert fake.calls[-1].if_match == update.etag
    fresh = service.events().get(calendarId="primary", eventId=update.event_id).execute()
    written = conditional_patch(_acme("acme-2"), fresh["etag"])
    assert written["location"] == "Room 4"
    assert written["conferenceData"]["conferenceId"] == "acme-2"


def test_an_incremental_sync_over_three_pages_then_410_then_a_full_resync() -> None:
    """Five events changed, two a page: sync_events follows three pages; an invalidated token makes
    it ask for a full resync, which lists everything again."""
    fake = FakeCalendar(add_on_data="accept")  # plays the add-on itself; others' writes get 400
    service = client(fake)
    pages: list[dict[str, str]] = []

    def list_page(arguments: dict[str, str]) -> Any:
        pages.append(arguments)
        return service.events().list(calendarId="primary", maxResults=2, **arguments).execute()

    ids = []
    for n in range(3):
        write = insert_arguments(_acme(f"acme-{n}"), calendar_id="primary", event=timed(f"e{n}"))
        ids.append(service.events().insert(**write.arguments).execute()["id"])
    start = sync_events(list_page)
    assert len(start.events) == 3
    pages.clear()
    extra = [
        service.events().insert(calendarId="primary", body=timed(name)).execute()["id"]
        for name in ("no conference", "neither")
    ]
    for event_id in ids[:2]:
        service.events().patch(
            calendarId="primary", eventId=event_id, body={"summary": "x"}
        ).execute()
    service.events().delete(calendarId="primary", eventId=ids[2]).execute()
    service.events().patch(calendarId="primary", eventId=extra[0], body={"summary": "y"}).execute()
    run = sync_events(list_page, start.next_sync_token)
    assert len(pages) == 3
    assert [sorted(p) for p in pages] == [
        ["syncToken"],
        ["pageToken", "syncToken"],
        ["pageToken", "syncToken"],
    ]
    assert {e["id"] for e in run.events} == {*ids, *extra}
    changes = detect_changes(run.events, is_ours=ACME, known={ids[2]: "acme-2"}).changes
    assert sorted(type(c).__name__ for c in changes) == [
        "ConferenceDeleted",
        "ConferenceUpdated",
        "ConferenceUpdated",
    ]
    fake.invalidate_sync_tokens()
    gone = sync_events(list_page, run.next_sync_token)
    assert gone.full_resync_needed
    resync = sync_events(list_page)
    assert {e["id"] for e in resync.events} == {ids[0], ids[1], *extra}
    assert resync.next_sync_token is not None


def test_a_copied_meet_event_gets_its_own_conference() -> None:
    """plan_copy of a Meet event: a new create request on the other calendar, a new meeting."""
    fake = FakeCalendar(calendars=["primary", "team@example.com"], pending_reads=0)
    service = client(fake)
    write = insert_arguments(_meet(), calendar_id="primary", event=timed())
    _meet_write_has_no_solution(write)
    source_id = service.events().insert(**write.arguments).execute()["id"]
    source = service.events().get(calendarId="primary", eventId=source_id).execute()
    target = service.calendars().get(calendarId="team@example.com").execute()
    assert can_create(target, SolutionType.HANGOUTS_MEET)
    plan = plan_copy(source)
    assert plan.action is CopyAction.NEW_CREATE_REQUEST
    assert plan.conference is not None
    copy_write = insert_arguments(plan.conference, calendar_id="team@example.com", event=plan.event)
    copy = service.events().insert(**copy_write.arguments).execute()
    result = _wait(service, "team@example.com", copy["id"])
    assert result.outcome is WaitOutcome.SUCCESS
    assert result.conference is not None
    assert result.conference.conference_id != source["conferenceData"]["conferenceId"]
    assert result.event["summary"] == source["summary"]


def test_a_copied_add_on_event_asks_the_add_on() -> None:
    """plan_copy of an add-on event: the copy is written without conference data, and the
    add-on's new conference is patched in."""
    fake = FakeCalendar(add_on_data="accept")  # plays the add-on itself; others' writes get 400
    service = client(fake)
    write = insert_arguments(_acme(), calendar_id="primary", event=timed())
    source = service.events().insert(**write.arguments).execute()
    plan = plan_copy(source)
    assert (plan.action, plan.solution_name) == (CopyAction.CALL_ADD_ON, "Acme Video")
    copy = service.events().insert(calendarId="primary", body=dict(plan.event)).execute()
    assert "conferenceData" not in copy
    fresh = patch_arguments(_acme("acme-9"), calendar_id="primary", event_id=copy["id"])
    patched = service.events().patch(**fresh.arguments).execute()
    assert check_write(fresh, patched) == []
    assert patched["conferenceData"]["conferenceId"] == "acme-9"


def test_can_create_foretells_what_the_fake_refuses() -> None:
    """A calendar that allows no Meet conferences: can_create says False, and the API 400."""
    fake = FakeCalendar()
    fake.add_calendar("primary", allowed_solution_types=[])
    service = client(fake)
    assert not can_create(service.calendars().get(calendarId="primary").execute(), "hangoutsMeet")
    write = insert_arguments(_meet(), calendar_id="primary", event=timed())
    _meet_write_has_no_solution(write)
    with pytest.raises(HttpError) as failure:
        service.events().insert(**write.arguments).execute()
    assert failure.value.resp.status == 400
