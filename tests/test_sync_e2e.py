"""A sync job against the fake Calendar through google-api-python-client: a recurring series
with a conference, one occurrence cancelled and one moved, then the conference replaced on
another event; one record for each change (issue 28)."""

from __future__ import annotations

from typing import Any

from confdata.sync import (
    ConferenceReleased,
    ConferenceUpdated,
    OccurrenceCancelled,
    SyncState,
    ours,
)

from .calendars import acme, as_the_add_on, client, timed

IS_OURS = ours(parameter="meetingKey")


def _standup() -> dict[str, Any]:
    """A Monday, Wednesday and Friday stand-up for three weeks, with an Acme conference."""
    return {
        "summary": "Stand-up",
        "start": {"dateTime": "2026-12-07T09:00:00", "timeZone": "Europe/Stockholm"},
        "end": {"dateTime": "2026-12-07T09:15:00", "timeZone": "Europe/Stockholm"},
        "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=9"],
        "conferenceData": acme("acme-standup"),
    }


def test_a_sync_job_sees_every_change_to_a_recurring_conference() -> None:
    """The full sync knows the series' conference; an incremental sync then gives exactly one
    record per change: the cancelled occurrence, the moved occurrence, and the conference
    another event gave up for Google Meet. The state survives JSON between the runs."""
    fake = as_the_add_on()  # the add-on itself writes its conferences
    service = client(fake)

    def list_page(arguments: dict[str, str]) -> Any:
        return service.events().list(calendarId="primary", **arguments).execute()

    series = (
        service.events()
        .insert(calendarId="primary", body=_standup(), conferenceDataVersion=1)
        .execute()
    )
    single = (
        service.events()
        .insert(
            calendarId="primary",
            body=timed("Review", conferenceData=acme("acme-review")),
            conferenceDataVersion=1,
        )
        .execute()
    )

    first = SyncState().sync(list_page, is_ours=IS_OURS, time_min="2026-11-01T00:00:00Z")
    assert first.full_sync
    assert {(type(c).__name__, c.event_id) for c in first.changes} == {
        ("ConferenceUpdated", series["id"]),
        ("ConferenceUpdated", single["id"]),
    }
    state = SyncState.from_json(first.state.to_json())
    assert dict(state.known) == {series["id"]: "acme-standup", single["id"]: "acme-review"}

    occurrences = service.events().instances(calendarId="primary", eventId=series["id"]).execute()
    wednesday, friday = occurrences["items"][1], occurrences["items"][2]
    service.events().delete(calendarId="primary", eventId=wednesday["id"]).execute()
    service.events().patch(
        calendarId="primary",
        eventId=friday["id"],
        body={
            "start": {"dateTime": "2026-12-11T10:00:00+01:00"},
            "end": {"dateTime": "2026-12-11T10:15:00+01:00"},
        },
    ).execute()
    service.events().patch(
        calendarId="primary",
        eventId=single["id"],
        body={
            "conferenceData": {
                "createRequest": {
                    "requestId": "meet-1",
                    "conferenceSolutionKey": {"type": "hangoutsMeet"},
                }
            }
        },
        conferenceDataVersion=1,
    ).execute()

    second = state.sync(list_page, is_ours=IS_OURS)
    assert not second.full_sync
    assert second.problems == ()
    changes = second.changes
    assert len(changes) == 3, changes
    cancelled = [c for c in changes if isinstance(c, OccurrenceCancelled)]
    moved = [c for c in changes if isinstance(c, ConferenceUpdated)]
    released = [c for c in changes if isinstance(c, ConferenceReleased)]
    assert [(c.event_id, c.recurring_event_id, c.conference_id) for c in cancelled] == [
        (wednesday["id"], series["id"], "acme-standup")
    ]
    assert [(c.event_id, c.recurring_event_id, c.moved) for c in moved] == [
        (friday["id"], series["id"], True)
    ]
    assert [(c.event_id, c.conference_id, c.replaced_by) for c in released] == [
        (single["id"], "acme-review", "hangoutsMeet")
    ]
    # Nothing changed since: the next sync has nothing to say.
    assert second.state.sync(list_page, is_ours=IS_OURS).changes == ()
