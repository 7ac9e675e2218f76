"""Keeping conferences in sync: change detection, sync tokens, conditional writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import HttpMockSequence
from hypothesis import given
from hypothesis import strategies as st

from confdata import ConferenceData, Manifest, ValidationError
from confdata.sync import (
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUpdated,
    EventTime,
    detect_changes,
    if_match_headers,
    solution_named,
    sync_events,
)

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


def test_recurring_instances_carry_their_series() -> None:
    """A cancelled instance of a recurring event names its series."""
    (change,) = detect_changes(
        [
            event(
                "e1_20261203",
                status="cancelled",
                recurringEventId="e1",
                conferenceData=acme_conference(),
            )
        ],
        is_ours=ACME,
    ).changes
    assert change == ConferenceDeleted("e1_20261203", "acme-1", "e1")


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
        ("type", "/4"),
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
    st.dictionaries(st.sampled_from(["e1", "e2", "e3"]), st.text(max_size=4), max_size=3),
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
