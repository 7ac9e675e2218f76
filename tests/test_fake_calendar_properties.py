"""FakeCalendar under generated API calls through google-api-python-client: its invariants hold
after every step, and whatever the client sends (bodies, query parameters, recurrence rules,
field selections), ``execute()`` returns a success or raises ``HttpError`` with a
Google-shaped error body, never another exception."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note_event
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
        # add_on_data="accept": the machine plays the add-on itself, writing its own addOn
        # conferences (any other client's such writes are refused, FakeCalendar's default).
        self.fake = FakeCalendar(add_on_data="accept", pending_reads=1)
        self.service = client(self.fake)
        self.api = self.service.events()  # made once: the client builds its methods anew each time
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
            page = self.api.list(
                calendarId="primary", maxResults=2, pageToken=page_token, **arguments
            ).execute()
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
        created = self.api.insert(
            calendarId="primary", body=body, conferenceDataVersion=1
        ).execute()
        self.note(created)
        return str(created["id"])

    @rule(event_id=events, summary=st.text(max_size=5))
    def patch(self, event_id: str, summary: str) -> None:
        before = self.fake.event("primary", event_id)["etag"]
        call = self.api.patch(calendarId="primary", eventId=event_id, body={"summary": summary})
        self.written(before, call.execute())

    @rule(event_id=events, conference=conferences)
    def update(self, event_id: str, conference: str | None) -> None:
        before = self.fake.event("primary", event_id)["etag"]
        body = timed("replaced")
        if conference is not None:
            body["conferenceData"] = meet_request("again") if conference == "meet" else acme()
        call = self.api.update(
            calendarId="primary", eventId=event_id, body=body, conferenceDataVersion=1
        )
        self.written(before, call.execute())

    @rule(event_id=events)
    def delete(self, event_id: str) -> None:
        before = self.fake.event("primary", event_id)
        status = 204
        try:
            self.api.delete(calendarId="primary", eventId=event_id).execute()
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
        self.note(self.api.get(calendarId="primary", eventId=event_id).execute())

    @rule(target=tokens)
    def full_sync(self) -> str:
        before = self.state()
        items, token = self.list_all(showDeleted=True)
        listed = [event["id"] for event in items]
        assert set(listed) == set(before)
        for event in items:
            self.note(event)
            fetched = self.api.get(calendarId="primary", eventId=event["id"])
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


# -- only HTTP answers -------------------------------------------------------------------------

# The statuses the Calendar API's errors page documents for these methods, and 501 for what
# the fake says it does not implement.
ERROR_STATUSES = {400, 404, 409, 410, 412, 501}

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and infinities too: the client sends them as NaN / Infinity
    | st.text(max_size=8)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
zones = st.sampled_from(
    ["Europe/Stockholm", "UTC", "America/New_York", "Asia/Kolkata", "Europe", "E" * 300, "../x", ""]
)
days = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
near = st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2027, 6, 1))
offsets = st.sampled_from(["", "Z", "+01:00", "-05:30", "+14:00"])


@st.composite
def date_times(draw: st.DrawFn, anywhere: bool = True) -> str:
    day = draw(st.one_of(near, days) if anywhere else near)
    clock = draw(st.times()).replace(microsecond=0)
    return f"{day.isoformat()}T{clock.isoformat()}{draw(offsets)}"


moments = st.one_of(
    st.fixed_dictionaries({"dateTime": date_times()}, optional={"timeZone": zones}),
    st.fixed_dictionaries({"date": st.one_of(near, days).map(dt.date.isoformat)}),
    st.fixed_dictionaries(
        {}, optional={"date": st.text(max_size=10), "dateTime": st.text(max_size=25)}
    ),
    json_values,
)
weekdays = st.lists(
    st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, max_size=4, unique=True
)


@st.composite
def rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"BYDAY={','.join(draw(weekdays))}")
    if freq in ("MONTHLY", "YEARLY") and draw(st.booleans()):
        parts.append(f"BYMONTHDAY={draw(st.integers(1, 28)) * draw(st.sampled_from([1, -1]))}")
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    ending = draw(st.sampled_from(["count", "until-date", "until-utc", "until-local", "none"]))
    end = draw(near)
    if ending == "count":
        parts.append(f"COUNT={draw(st.integers(0, 60))}")
    elif ending == "until-date":
        parts.append(f"UNTIL={end:%Y%m%d}")
    elif ending == "until-utc":
        parts.append(f"UNTIL={end:%Y%m%d}T120000Z")
    elif ending == "until-local":
        parts.append(f"UNTIL={end:%Y%m%d}T120000")
    return "RRULE:" + ";".join(draw(st.permutations(parts)))


@st.composite
def date_lines(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(["EXDATE", "RDATE"]))
    day = draw(near)
    value = draw(
        st.sampled_from(
            [f"{day:%Y%m%d}", f"{day:%Y%m%d}T100000Z", f"{day:%Y%m%d}T100000", "2026-13-40"]
        )
    )
    params = draw(st.sampled_from(["", ";VALUE=DATE", ";TZID=Europe/Stockholm", ";TZID=Nowhere"]))
    return f"{name}{params}:{value}"


recurrences = st.one_of(
    st.lists(st.one_of(rules(), date_lines(), st.text(max_size=12)), min_size=1, max_size=3),
    json_values,
)
conference = st.one_of(
    json_values,
    st.just(
        {"createRequest": {"requestId": "r1", "conferenceSolutionKey": {"type": "hangoutsMeet"}}}
    ),
    st.just({"notes": "n"}),
)


@st.composite
def plausible_events(draw: st.DrawFn) -> dict[str, Any]:
    """An event Calendar takes, mostly: times near today in a zone, a recurrence perhaps."""
    day = draw(near)
    hour = draw(st.integers(0, 23))
    length = draw(st.integers(0, 180))
    where = draw(st.sampled_from(["Europe/Stockholm", "America/New_York", "UTC"]))
    start = dt.datetime.combine(day, dt.time(hour))
    end = start + dt.timedelta(minutes=length)
    body: dict[str, Any] = {"summary": draw(st.text(max_size=5))}
    if draw(st.booleans()):
        body["start"] = {"date": day.isoformat()}
        body["end"] = {"date": (day + dt.timedelta(days=1 + length // 60)).isoformat()}
    else:
        body["start"] = {"dateTime": start.isoformat(), "timeZone": where}
        body["end"] = {"dateTime": end.isoformat(), "timeZone": where}
    if draw(st.booleans()):
        body["recurrence"] = draw(
            st.lists(st.one_of(rules(), date_lines()), min_size=1, max_size=3)
        )
    if draw(st.booleans()):
        body["conferenceData"] = draw(conference)
    return body


event_bodies = st.one_of(
    plausible_events(),
    plausible_events(),  # twice: most bodies are ones Calendar takes, so later calls have events
    st.fixed_dictionaries(
        {},
        optional={
            "summary": scalars,
            "start": moments,
            "end": moments,
            "recurrence": recurrences,
            "status": st.sampled_from(["confirmed", "cancelled", "bogus"]) | scalars,
            "eventType": st.sampled_from(["default", "fromGmail", "focusTime"]),
            "sequence": scalars,
            "attendees": json_values,
            "conferenceData": conference,
            "extendedProperties": json_values,
            "id": st.sampled_from(["abcde12345", "Not_Valid"]) | st.text(max_size=6),
            "anything": json_values,
        },
    ),
    json_values,
)
selectors = st.one_of(
    st.sampled_from(
        [
            "items(id,start/dateTime)",
            "items/id,nextSyncToken",
            "*",
            "items(*)",
            "id,start",
            "items(",
            "a/",
            ",",
            "items(nope)",
            "kind,items(id),nextPageToken",
        ]
    ),
    st.text(alphabet="abitemsd/(),*", max_size=12),
)
# Bounds near the events, and the extremes (a bound far away makes the fake scan a series up to
# its limit: correct, but slow enough to keep rare here).
bounds = st.one_of(
    st.none(),
    date_times(anywhere=False),
    st.sampled_from(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "2026-12-09"]),
    st.text(max_size=12),
)
targets = st.sampled_from(["series", "single", "allday", "instance", "bad-instance", "missing"])


def _event_id(ids: dict[str, str], which: str) -> str:
    if which == "instance":
        return f"{ids['series']}_20261209T090000Z"
    if which == "bad-instance":
        return f"{ids['series']}_20261209T091500Z"
    return ids.get(which, "nosuchevent")


def _options(draw: st.DrawFn, names: list[str]) -> dict[str, Any]:
    """Query parameters of the right types (the client refuses others before sending)."""
    out: dict[str, Any] = {}
    choices = {
        "timeMin": bounds,
        "timeMax": bounds,
        "updatedMin": bounds,
        "singleEvents": st.booleans(),
        "showDeleted": st.booleans(),
        "orderBy": st.sampled_from(["startTime", "updated"]),
        "maxResults": st.integers(1, 30),
        "timeZone": zones,
        "iCalUID": st.text(max_size=5),
        "eventTypes": st.lists(st.sampled_from(["default", "focusTime"]), max_size=2),
        "privateExtendedProperty": st.sampled_from(["k=v", "novalue"]),
        "maxAttendees": st.integers(1, 3),
        "originalStart": bounds,
        "syncToken": st.sampled_from(["sync000001", "made-up"]),
        "pageToken": st.sampled_from(["page000001", "made-up"]),
        "fields": selectors,
    }
    for name in names:
        if draw(st.integers(0, 3)) == 0:
            value = draw(choices[name])
            if value is not None:
                out[name] = value
    return out


calendar_ids = st.sampled_from(["primary", "nobody@example.com"]) | st.text(min_size=1, max_size=8)


@st.composite
def others(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """Calls of the other resources: the calendars the fake has, channels to stop, and
    methods it does not implement."""
    kind = draw(
        st.sampled_from(
            [
                "calendars.get",
                "calendarList.get",
                "channels.stop",
                "events.move",
                "events.quickAdd",
                "acl.list",
                "settings.list",
                "colors.get",
            ]
        )
    )
    if kind in ("calendars.get", "calendarList.get", "acl.list"):
        return kind, {"calendarId": draw(calendar_ids)}
    if kind == "channels.stop":
        return kind, {"body": draw(st.fixed_dictionaries({"id": scalars, "resourceId": scalars}))}
    if kind == "events.move":
        return kind, {"calendarId": "primary", "eventId": "single01", "destination": "x"}
    if kind == "events.quickAdd":
        return kind, {"calendarId": "primary", "text": draw(st.text(max_size=8))}
    return kind, {}


@st.composite
def calls(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(
        st.sampled_from(
            ["insert", "patch", "update", "delete", "get", "list", "instances", "watch", "other"]
        )
    )
    if kind == "other":
        return draw(others())
    version = draw(st.sampled_from([0, 1]))
    event_id = draw(targets)
    if kind == "insert":
        return kind, {
            "body": draw(event_bodies),
            "conferenceDataVersion": version,
            **_options(draw, ["fields"]),
        }
    if kind in ("patch", "update"):
        return kind, {
            "eventId": event_id,
            "body": draw(event_bodies),
            "conferenceDataVersion": version,
        }
    if kind in ("delete", "get"):
        return kind, {"eventId": event_id, **_options(draw, ["timeZone", "maxAttendees", "fields"])}
    if kind == "instances":
        names = [
            "timeMin",
            "timeMax",
            "showDeleted",
            "maxResults",
            "timeZone",
            "originalStart",
            "pageToken",
            "fields",
        ]
        return kind, {"eventId": event_id, **_options(draw, names)}
    if kind == "watch":
        body = draw(
            st.one_of(
                st.fixed_dictionaries(
                    {
                        "id": st.text(min_size=1, max_size=70),
                        "type": st.sampled_from(["web_hook", "email"]),
                    },
                    optional={
                        "address": st.sampled_from(["https://example.com/h", "http://x", "nope"]),
                        "token": scalars,
                        "expiration": scalars,
                        "params": json_values,
                    },
                ),
                json_values,
            )
        )
        return kind, {"body": body}
    names = [
        "timeMin",
        "timeMax",
        "updatedMin",
        "singleEvents",
        "showDeleted",
        "orderBy",
        "maxResults",
        "timeZone",
        "iCalUID",
        "eventTypes",
        "privateExtendedProperty",
        "syncToken",
        "pageToken",
        "fields",
    ]
    return kind, _options(draw, names)


class Switchboard:
    """An ``http`` for one client built once: it passes each request to the fake of the
    current example (building google-api-python-client's service takes longer than a call)."""

    def __init__(self) -> None:
        self.fake = FakeCalendar()

    def request(self, *arguments: Any, **keywords: Any) -> Any:
        return self.fake.http().request(*arguments, **keywords)


SWITCHBOARD = Switchboard()
SERVICE = build("calendar", "v3", http=SWITCHBOARD, static_discovery=True)
EVENTS = SERVICE.events()  # made once: the client builds its methods anew on each call
RESOURCES = {
    name: getattr(SERVICE, name)()
    for name in ("calendars", "calendarList", "channels", "acl", "settings", "colors")
}
RESOURCES["events"] = EVENTS
STOCKHOLM = {"timeZone": "Europe/Stockholm"}
SEEDED = {
    "calendars": {
        "primary": {
            "events": [
                {
                    "id": "series01",
                    "summary": "Stand-up",
                    "start": {"dateTime": "2026-12-07T10:00:00", **STOCKHOLM},
                    "end": {"dateTime": "2026-12-07T10:15:00", **STOCKHOLM},
                    "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"],
                },
                {
                    "id": "single01",
                    "start": {"dateTime": "2026-12-08T10:00:00Z"},
                    "end": {"dateTime": "2026-12-08T11:00:00Z"},
                },
                {"id": "allday01", "start": {"date": "2026-12-09"}, "end": {"date": "2026-12-10"}},
            ]
        }
    }
}
IDS = {"series": "series01", "single": "single01", "allday": "allday01"}


def _seeded() -> FakeCalendar:
    # add_on_data="accept": the generated writes include the add-on's own (its addOn data);
    # what other clients' such writes get is the policy tests' subject.
    fake = FakeCalendar(add_on_data="accept")
    fake.seed(SEEDED)
    SWITCHBOARD.fake = fake
    EVENTS.list(calendarId="primary").execute()  # issues sync000001
    return fake


def _google_shaped(failure: HttpError) -> None:
    status = failure.resp.status
    assert status in ERROR_STATUSES, status
    body = json.loads(failure.content)
    error = body["error"]
    assert error["code"] == status
    assert type(error["message"]) is str
    assert error["message"]
    assert error["errors"], body
    for item in error["errors"]:
        assert {"domain", "reason", "message"} <= set(item), item
    if status == 501:
        assert error["message"].startswith("FakeCalendar does not implement"), error


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(calls(), min_size=1, max_size=6))
def test_every_request_gets_an_http_answer(sequence: list[tuple[str, dict[str, Any]]]) -> None:
    """Generated calls through the real client: a success or a Google-shaped HttpError."""
    fake = _seeded()
    for kind, arguments in sequence:
        resource, _, name = kind.rpartition(".")
        if not resource:  # an events method on the primary calendar
            resource, arguments = "events", {"calendarId": "primary", **arguments}
            if "eventId" in arguments:
                arguments["eventId"] = _event_id(IDS, arguments["eventId"])
        method = getattr(RESOURCES[resource], name)
        try:
            request = method(**arguments)
        except (TypeError, ValueError):
            note_event("the client refused the arguments before sending")  # not the fake's part
            continue
        try:
            answer = request.execute()
        except HttpError as failure:
            _google_shaped(failure)
            note_event(f"{kind}: {failure.resp.status}")
        else:
            assert answer == "" or type(answer) is dict
            note_event(f"{kind}: success")
    assert all(call.status < 600 for call in fake.calls)


methods = st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"]) | st.text(max_size=6)
uris = st.one_of(
    st.sampled_from(
        [
            "https://www.googleapis.com/calendar/v3/calendars/primary/events",
            "https://www.googleapis.com/calendar/v3/calendars/primary/events/single01",
            "https://www.googleapis.com/calendar/v3/calendars/primary/events?fields=items(",
            "https://www.googleapis.com/calendar/v3/calendars/primary/events/series01/instances",
            "https://www.googleapis.com/batch/calendar/v3",
            "https://[::1/calendar/v3",
        ]
    ),
    st.text(max_size=40).map(lambda tail: f"https://www.googleapis.com/calendar/v3/{tail}"),
    st.text(max_size=20),
)
raw_bodies = st.one_of(
    st.none(),
    st.binary(max_size=40),
    st.text(max_size=40),
    json_values.map(lambda value: json.dumps(value, allow_nan=True)),
    st.integers(),
)
headers = st.dictionaries(
    st.sampled_from(["If-Match", "If-None-Match", "X-HTTP-Method-Override", "content-type"])
    | st.text(max_size=5),
    st.text(max_size=10) | st.integers(),
    max_size=3,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(uri=uris, method=methods, body=raw_bodies, header=headers)
def test_every_raw_request_gets_an_http_answer(
    uri: str, method: str, body: object, header: dict[str, Any]
) -> None:
    """Requests no client would send (any URI, method, body or header): still an HTTP
    response, its body Google's error shape when it is an error."""
    response, content = _seeded().http().request(uri, method, body=body, headers=header)
    if response.status in (204, 304):
        assert content == b""
        return
    answer = json.loads(content)
    if response.status >= 300:
        assert response.status in ERROR_STATUSES, response.status
        assert answer["error"]["code"] == response.status
        assert answer["error"]["errors"]
