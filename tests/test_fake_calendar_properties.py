"""FakeCalendar under random sequences of API calls: its invariants hold after every step."""

from __future__ import annotations

from typing import Any

from googleapiclient.errors import HttpError
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from confdata.testing import FakeCalendar

from .calendars import acme, client, meet_request, timed

Snapshot = dict[str, str]  # event ID -> etag

conferences = st.sampled_from([None, "meet", "acme"])
_STUB = {"kind", "etag", "id", "status"}


class FakeCalendarMachine(RuleBasedStateMachine):
    """Writes, reads, full and incremental syncs and token invalidation in any order: every
    listed event can be fetched, a sync token never skips a change, every write makes a new
    etag, and no etag is ever given twice."""

    events = Bundle("events")
    tokens = Bundle("tokens")

    def __init__(self) -> None:
        super().__init__()
        self.fake = FakeCalendar(add_on_data="accept", pending_reads=1)
        self.service = client(self.fake)
        self.seen: dict[tuple[str, str], dict[str, Any]] = {}
        self.issued: dict[str, Snapshot] = {}
        self.invalidated: set[str] = set()

    # -- helpers -------------------------------------------------------------------------------

    def state(self) -> Snapshot:
        return {event["id"]: event["etag"] for event in self.fake.events("primary")}

    def note(self, event: dict[str, Any]) -> None:
        """One etag, one version: every answer with this event's etag shows the same event."""
        if set(event) <= _STUB:
            return  # a deleted event listed without showDeleted shows only its ID
        first = self.seen.setdefault((event["id"], event["etag"]), event)
        assert first == event, f"the etag {event['etag']} stands for two versions"

    def written(self, before: str, event: dict[str, Any]) -> None:
        assert event["etag"] != before
        self.note(event)

    def list_all(self, **arguments: Any) -> tuple[list[dict[str, Any]], str]:
        items: list[dict[str, Any]] = []
        page_token = None
        while True:
            page = (
                self.service.events()
                .list(calendarId="primary", maxResults=2, pageToken=page_token, **arguments)
                .execute()
            )
            items.extend(page["items"])
            page_token = page.get("nextPageToken")
            if page_token is None:
                return items, page["nextSyncToken"]

    # -- rules ---------------------------------------------------------------------------------

    @rule(target=events, summary=st.text(max_size=5), conference=conferences)
    def insert(self, summary: str, conference: str | None) -> str:
        body = timed(summary)
        if conference is not None:
            body["conferenceData"] = meet_request() if conference == "meet" else acme()
        created = (
            self.service.events()
            .insert(calendarId="primary", body=body, conferenceDataVersion=1)
            .execute()
        )
        self.note(created)
        return str(created["id"])

    @rule(event_id=events, summary=st.text(max_size=5))
    def patch(self, event_id: str, summary: str) -> None:
        before = self.fake.event("primary", event_id)["etag"]
        call = self.service.events().patch(
            calendarId="primary", eventId=event_id, body={"summary": summary}
        )
        self.written(before, call.execute())

    @rule(event_id=events, conference=conferences)
    def update(self, event_id: str, conference: str | None) -> None:
        before = self.fake.event("primary", event_id)["etag"]
        body = timed("replaced")
        if conference is not None:
            body["conferenceData"] = meet_request("again") if conference == "meet" else acme()
        call = self.service.events().update(
            calendarId="primary", eventId=event_id, body=body, conferenceDataVersion=1
        )
        self.written(before, call.execute())

    @rule(event_id=events)
    def delete(self, event_id: str) -> None:
        before = self.fake.event("primary", event_id)
        status = 204
        try:
            self.service.events().delete(calendarId="primary", eventId=event_id).execute()
        except HttpError as failure:
            status = failure.resp.status
        if before["status"] == "cancelled":  # deleted already: 410, and nothing changes
            assert status == 410
            assert self.fake.event("primary", event_id)["etag"] == before["etag"]
        else:
            assert status == 204
            self.written(before["etag"], self.fake.event("primary", event_id))

    @rule(event_id=events, location=st.text(max_size=5))
    def user_edit(self, event_id: str, location: str) -> None:
        before = self.fake.event("primary", event_id)["etag"]
        self.written(before, self.fake.user_edit("primary", event_id, {"location": location}))

    @rule(event_id=events)
    def get(self, event_id: str) -> None:
        self.note(self.service.events().get(calendarId="primary", eventId=event_id).execute())

    @rule(target=tokens)
    def full_sync(self) -> str:
        before = self.state()
        items, token = self.list_all(showDeleted=True)
        listed = [event["id"] for event in items]
        assert set(listed) == set(before)
        for event in items:
            self.note(event)
            fetched = self.service.events().get(calendarId="primary", eventId=event["id"])
            assert fetched.execute()["id"] == event["id"]
        self.issued[token] = before
        return token

    @rule(target=tokens, token=tokens)
    def incremental_sync(self, token: str) -> str:
        before = self.state()
        try:
            items, fresh = self.list_all(syncToken=token)
        except HttpError as failure:
            status = failure.resp.status
        else:
            status = 200
        assert status == (410 if token in self.invalidated else 200)
        if status == 410:
            return token
        returned = {event["id"] for event in items}
        then = self.issued[token]
        changed = {event_id for event_id, etag in before.items() if then.get(event_id) != etag}
        assert changed <= returned, changed - returned
        for event in items:
            self.note(event)
        self.issued[fresh] = before
        return fresh

    @rule()
    def invalidate(self) -> None:
        self.fake.invalidate_sync_tokens()
        self.invalidated.update(self.issued)

    @invariant()
    def every_stored_event_is_fetchable(self) -> None:
        for event_id in self.state():
            assert self.fake.event("primary", event_id)["id"] == event_id


TestFakeCalendarMachine = FakeCalendarMachine.TestCase
TestFakeCalendarMachine.settings = settings(max_examples=30, stateful_step_count=25, deadline=None)


def test_a_create_request_ending_between_syncs_comes_in_the_next_one() -> None:
    """The machine's edge case: a pending request that ends on a read is a change to sync."""
    machine = FakeCalendarMachine()
    event_id = str(machine.insert("a", "meet"))
    first = str(machine.full_sync())  # its list reads the request pending, its get ends it
    assert machine.fake.event("primary", event_id)["conferenceData"]["conferenceId"]
    second = str(machine.incremental_sync(first))  # asserts the ended request is in it
    machine.invalidate()
    assert machine.incremental_sync(second) == second
    machine.every_stored_event_is_fetchable()
    machine.teardown()
