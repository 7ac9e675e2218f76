"""``FakeCalendar``: an in-memory Calendar API v3 events service for google-api-python-client.

Needs neither Hypothesis nor the network; google-api-python-client only for its discovery
document (read as a file), unless one is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..._core.arguments import Arguments
from ..._core.foreign import array, exact_str, is_int, is_object
from ..._core.sink import pointer, single
from ..._core.text import show
from .conference import MISSING, Written
from .errors import ApiError
from .events import Answer, EventsService, Request, Target
from .fixtures import checked_fixture, create_status, json_text, plain
from .http import FakeCall, FakeResponse, Router, load_discovery, serve
from .listing import Listing
from .resource import apply_patch, checked
from .schema import Schemas
from .store import AddOnData, Calendar, Options, Outcome, Record, Store, copy, copy_object
from .times import zone
from .watch import Watching

__all__ = ["FakeCalendar", "FakeHttp"]

_OUTCOMES: tuple[Outcome, ...] = ("success", "failure")
_POLICIES: tuple[AddOnData, ...] = ("reject", "strip", "accept")


class FakeHttp:
    """What ``FakeCalendar.http()`` returns: an ``http`` object for google-api-python-client
    (``request()`` and ``close()``, as ``httplib2.Http`` and ``HttpMock`` have)."""

    def __init__(self, fake: FakeCalendar) -> None:
        self._fake = fake

    def request(
        self,
        uri: str,
        method: str = "GET",
        body: object = None,
        headers: Mapping[str, str] | None = None,
        redirections: int = 5,
        connection_type: object = None,
    ) -> tuple[FakeResponse, bytes]:
        """Answer one request from the fake's state: a Google-shaped success or error."""
        return self._fake._serve(uri, method, body, headers)

    def close(self) -> None:
        """Nothing to close."""

    def __repr__(self) -> str:
        return f"FakeHttp({self._fake!r})"


def _api_problem(error: ApiError) -> str:
    body = error.body or {}
    details = [item.get("message", "") for item in body.get("error", {}).get("errors", [])]
    return "; ".join(dict.fromkeys([str(error), *details[1:]]))


class FakeCalendar:
    """An in-memory Calendar API v3 ``events`` service; ``http()`` is what to give
    google-api-python-client::

        service = googleapiclient.discovery.build(
            "calendar", "v3", http=fake.http(), static_discovery=True
        )

    It answers ``events.insert``, ``get``, ``patch``, ``update``, ``delete``, ``list``,
    ``instances`` and ``watch``, ``channels.stop``, ``calendars.get`` and ``calendarList.get``
    as the Calendar API documents them (the how-to guide lists each behaviour with its source),
    and 501 for anything else.

    ``calendars`` are the calendar IDs that exist (others answer 404); each allows Google Meet
    create requests. ``user`` is the address of the user the client acts for (the creator of
    what it writes). A ``hangoutsMeet`` create request stays ``pending`` for ``pending_reads``
    reads of its event, then ends as ``create_outcome`` (``"success"`` or ``"failure"``).
    ``add_on_data`` is what a write of ``addOn`` conference data gets: ``"reject"`` (400, what
    users report for every client that is not the add-on), ``"strip"`` (ignored, silently) or
    ``"accept"`` (only to simulate the add-on's own writes). ``page_size`` caps the events of a
    list page, below the client's ``maxResults``. IDs, etags, tokens and meeting codes come from
    counters and from ``seed``: the same calls get the same answers. ``discovery`` replaces the
    discovery document that ships with google-api-python-client.
    """

    def __init__(
        self,
        *,
        calendars: Iterable[str] = ("primary",),
        user: str = "user@example.com",
        pending_reads: int = 1,
        create_outcome: Outcome = "success",
        add_on_data: AddOnData = "reject",
        page_size: int | None = None,
        seed: int = 0,
        discovery: Mapping[str, Any] | None = None,
    ) -> None:
        check = Arguments()
        user_text = check.text("user", user)
        reads = check.count("pending_reads", pending_reads, low=0)
        outcome = check.choice("create_outcome", create_outcome, _OUTCOMES)
        policy = check.choice("add_on_data", add_on_data, _POLICIES)
        size = None if page_size is None else check.count("page_size", page_size, low=1)
        if not is_int(seed):
            check.fail("seed", f"seed must be an integer (got {show(seed)})")
        if discovery is not None and not is_object(discovery):
            check.fail("discovery", f"discovery must be an object (got {show(discovery)})")
        names = self._names(check, calendars)
        check.done()
        document = load_discovery() if discovery is None else plain(discovery, "/discovery")
        options = Options(
            pending_reads=reads,
            create_outcome=outcome or "success",
            add_on_data=policy or "reject",
            page_size=size,
            seed=int.__int__(seed),
            user=user_text,
        )
        self._store = Store(options)
        self._router = Router(document)
        self._schemas = Schemas(document)
        self._events = EventsService(self._store, self._schemas)
        base = f"{self._router.base.scheme}://{self._router.base.netloc}{self._router.base.path}"
        self._handlers = {
            **self._events.handlers,
            **Listing(self._events).handlers,
            **Watching(self._events, self._schemas, base).handlers,
            "calendar.calendars.get": self._get_calendar,
            "calendar.calendarList.get": self._get_calendar_list_entry,
        }
        self._calls: list[FakeCall] = []
        for name in names:
            self.add_calendar(name)

    @staticmethod
    def _names(check: Arguments, calendars: object) -> list[str]:
        listed = array(calendars)
        if listed is None:
            check.fail("calendars", f"calendars must be a list of IDs (got {show(calendars)})")
            return []
        names = []
        for index, name in enumerate(listed):
            text = exact_str(name)
            if not text:
                check.fail(
                    f"calendars/{index}",
                    f"a calendar ID must be a non-empty string (got {show(name)})",
                )
            else:
                names.append(text)
        return names

    def __repr__(self) -> str:
        count = sum(len(c.records) for c in self._store.calendars.values())
        options = self._store.options
        return (
            f"FakeCalendar(calendars={sorted(self._store.calendars)!r}, events={count}, "
            f"pending_reads={options.pending_reads}, create_outcome={options.create_outcome!r}, "
            f"add_on_data={options.add_on_data!r})"
        )

    # -- the client's side ---------------------------------------------------------------------

    def http(self) -> FakeHttp:
        """An ``http`` object for ``googleapiclient.discovery.build(..., http=...)``."""
        return FakeHttp(self)

    def _serve(
        self, uri: object, method: object, body: object, headers: object
    ) -> tuple[FakeResponse, bytes]:
        return serve(
            self._router, self._schemas, self._handlers, self._calls, (uri, method, body, headers)
        )

    @property
    def calls(self) -> tuple[FakeCall, ...]:
        """Every request answered so far, in order."""
        return tuple(self._calls)

    def _get_calendar(self, request: Request) -> Answer:
        return 200, copy_object(self._events.calendar(request.path["calendarId"]).resource)

    def _get_calendar_list_entry(self, request: Request) -> Answer:
        resource = self._events.calendar(request.path["calendarId"]).resource
        entry = {**copy_object(resource), "kind": "calendar#calendarListEntry"}
        entry["accessRole"] = "owner"
        entry["primary"] = resource["id"] == "primary"
        return 200, entry

    # -- the test's side -------------------------------------------------------------------------

    def add_calendar(
        self,
        calendar_id: str,
        *,
        allowed_solution_types: Iterable[str] = ("hangoutsMeet",),
        summary: str | None = None,
        time_zone: str = "UTC",
    ) -> None:
        """Make a calendar exist (or change its settings): ``allowed_solution_types`` becomes
        its ``conferenceProperties.allowedConferenceSolutionTypes``; ``time_zone`` (an IANA
        name) is the zone its answers show times in."""
        check = Arguments()
        name = check.text("calendar_id", calendar_id)
        listed = array(allowed_solution_types)
        kinds = [exact_str(kind) for kind in listed or ()]
        if listed is None or None in kinds:
            check.fail("allowed_solution_types", "allowed_solution_types must be a list of strings")
        title = check.optional_text("summary", summary, empty=True)
        if zone(time_zone) is None:
            check.fail(
                "time_zone", f"time_zone must be an IANA time zone name (got {show(time_zone)})"
            )
        check.done()
        existing = self._store.calendars.get(name)
        resource = {
            "kind": "calendar#calendar",
            "etag": f'"c{len(self._store.calendars) + 1}"',
            "id": name,
            "summary": title or name,
            "timeZone": time_zone,
            "conferenceProperties": {"allowedConferenceSolutionTypes": kinds},
        }
        if existing is None:
            self._store.calendars[name] = Calendar(resource)
        else:
            existing.resource.update(resource, etag=existing.resource["etag"])

    def _calendar(self, calendar_id: object, check: Arguments | None = None) -> Calendar:
        """The calendar of that ID; a ValidationError for anything else (with the problems
        ``check`` has collected so far)."""
        check = check or Arguments()
        name = check.text("calendar_id", calendar_id)
        calendar = self._store.calendars.get(name) if name else None
        if name and calendar is None:
            check.fail("calendar_id", f"no calendar {show(name)} (add_calendar() makes one)")
        check.done()
        assert calendar is not None
        return calendar

    def _target(self, calendar_id: object, event_id: object) -> tuple[Calendar, Target]:
        """The calendar and the event (or instance) of those IDs; a ValidationError else."""
        check = Arguments()
        name = check.text("event_id", event_id)
        calendar = self._calendar(calendar_id, check)
        target = self._events.locate(calendar, name)
        if target is None:
            check.fail("event_id", f"no event {show(name)} in calendar {show(calendar_id)}")
            check.done()
        assert target is not None
        return calendar, target

    def calendar(self, calendar_id: str) -> dict[str, Any]:
        """A copy of the calendar's resource, as ``calendars.get`` answers it."""
        return copy_object(self._calendar(calendar_id).resource)

    def events(self, calendar_id: str) -> list[dict[str, Any]]:
        """Copies of every event stored in the calendar, deleted ones included, as the fake
        stores them (times in UTC); reading them here does not count as a read of the API."""
        return [
            copy_object(record.event) for record in self._calendar(calendar_id).records.values()
        ]

    def event(self, calendar_id: str, event_id: str) -> dict[str, Any]:
        """A copy of one stored event (not counted as a read); an instance ID of a series
        gives the instance as ``events.get`` would."""
        calendar, target = self._target(calendar_id, event_id)
        if isinstance(target, Record):
            return copy_object(target.event)
        return self._events.instance_json(*target, calendar)

    def notifications(self) -> list[dict[str, Any]]:
        """The push notifications Google would have sent to the channels ``events.watch``
        opened, in order: each ``{"address": …, "headers": {"X-Goog-Channel-ID": …,
        "X-Goog-Resource-State": "sync" | "exists", …}}`` (the messages have no body)."""
        return [copy(message) for message in self._store.notifications]

    def user_edit(
        self, calendar_id: str, event_id: str, changes: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Change an event (or one occurrence of a series, by its instance ID) as its user
        would in Calendar: patch semantics, a new etag, and conference data taken as given
        (a create request in it starts as the API's would). Returns the event as stored."""
        calendar, target = self._target(calendar_id, event_id)
        edit = plain(changes, "/changes")
        if not is_object(edit):
            raise single("type", "/changes", f"changes must be an object (got {show(changes)})")
        try:
            body = self._schemas.read("Event", edit)
            record = self._events.fresh_record(calendar, target)
            return self._events.store_write(
                calendar,
                record,
                apply_patch(record.event, body),
                body.get("conferenceData", MISSING),
                version=1,
                whole=False,
                add_on_data="accept",  # the user's own edit in Calendar, not an API client's
            )
        except ApiError as error:
            raise single(
                "type", "/changes", f"Calendar would refuse this edit: {_api_problem(error)}"
            ) from None

    def invalidate_sync_tokens(self, calendar_id: str | None = None) -> int:
        """Make every sync token issued for ``calendar_id`` (all calendars when None) invalid,
        as the server does "for various reasons including token expiration or changes in
        related ACLs": the next list with one answers 410. Returns how many there were."""
        if calendar_id is not None:
            self._calendar(calendar_id)
        return self._store.invalidate(None if calendar_id is None else exact_str(calendar_id))

    # -- fixtures ------------------------------------------------------------------------------

    def seed(self, fixture: Mapping[str, Any]) -> None:
        """Add calendars and events from a fixture: ``{"calendars": {"<id>": {"summary": …,
        "timeZone": …, "conferenceProperties": {…}, "events": [<Event JSON>, …]}}}``. Events
        keep their data and get new etags; one whose ID is stored already replaces it. Each
        must be an event Calendar could hold (its members of the right types, valid times, a
        recurrence that expands): a ValidationError names the first that is not. Conference
        data is taken as it is, whoever wrote it."""
        calendars = checked_fixture(fixture)
        for calendar_id, settings in calendars.items():
            events = settings.pop("events")
            where = pointer("/calendars", calendar_id)
            if "timeZone" in settings and zone(settings["timeZone"]) is None:
                raise single("type", f"{where}/timeZone", "timeZone must be an IANA zone name")
            calendar = self._store.calendars.get(calendar_id)
            if calendar is None:
                self.add_calendar(calendar_id)
                calendar = self._store.calendars[calendar_id]
            calendar.resource.update(settings, id=calendar_id)
            for index, event in enumerate(events):
                self._seed_event(calendar, event, f"{where}/events/{index}")

    def seed_json(self, text: str | bytes) -> None:
        """:meth:`seed` from JSON text (a fixture file's contents)."""
        self.seed(json_text(text))

    def _seed_event(self, calendar: Calendar, event: dict[str, Any], where: str) -> None:
        try:
            body = self._schemas.read("Event", event)
            conference = body.pop("conferenceData", None)
            given = {key: value for key, value in body.items() if value is not None}
            defaults = self._events.server_members(calendar, given["id"])
            stored = checked({**defaults, **given})
        except ApiError as error:
            raise single(
                "type", where, f"Calendar could not hold this event: {_api_problem(error)}"
            ) from None
        record = Record(stored, 0, 0)
        pending = conference is not None and create_status(conference) == "pending"
        self._events.set_conference(record, Written(conference, started=pending))
        self._events.touch(calendar, record)
        calendar.records.pop(stored["id"], None)  # a seeded event replaces the stored one
        calendar.records[stored["id"]] = record

    def snapshot(self) -> dict[str, Any]:
        """The whole state as a fixture :meth:`seed` takes (``json.dumps`` writes it out)."""
        return {
            "calendars": {
                calendar_id: {
                    **{
                        k: copy(v)
                        for k, v in calendar.resource.items()
                        if k not in ("kind", "etag", "id")
                    },
                    "events": [copy(record.event) for record in calendar.records.values()],
                }
                for calendar_id, calendar in self._store.calendars.items()
            }
        }
