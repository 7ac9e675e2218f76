"""``FakeCalendar``: an in-memory Calendar API v3 events service for google-api-python-client.

Needs neither Hypothesis nor the network; google-api-python-client only for its discovery
document (read as a file), unless one is passed in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..._core.sink import Sink, single
from ..._core.text import describe_type, show
from .conference import MISSING, Written
from .errors import ApiError
from .events import Answer, EventsService, Request
from .fixtures import checked_fixture, create_status
from .http import FakeCall, FakeResponse, Router, load_discovery, serve
from .listing import Listing
from .store import AddOnData, Calendar, Options, Outcome, Record, Store, clone, clone_object

__all__ = ["FakeCalendar", "FakeHttp"]

_OUTCOMES = ("success", "failure")
_POLICIES = ("reject", "strip", "accept")


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
        """Answer one request from the fake's state."""
        return self._fake._serve(uri, method, body, headers or {})

    def close(self) -> None:
        """Nothing to close."""

    def __repr__(self) -> str:
        return f"FakeHttp({self._fake!r})"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class FakeCalendar:
    """An in-memory Calendar API v3 ``events`` service; ``http()`` is what to give
    google-api-python-client::

        service = googleapiclient.discovery.build(
            "calendar", "v3", http=fake.http(), static_discovery=True
        )

    It answers ``events.insert``, ``get``, ``patch``, ``update``, ``delete``, ``list`` and
    ``instances``, ``calendars.get`` and ``calendarList.get`` as the Calendar API documents them
    (the how-to guide lists each behaviour with its source), and 501 for anything else.

    ``calendars`` are the calendar IDs that exist (others answer 404); each allows Google Meet
    create requests. A ``hangoutsMeet`` create request stays ``pending`` for
    ``pending_reads`` reads of its event, then ends as ``create_outcome`` (``"success"`` or
    ``"failure"``). ``add_on_data`` is what a write of ``addOn`` conference data gets:
    ``"reject"`` (400, what users report for clients that are not the add-on), ``"strip"``
    (ignored, silently) or ``"accept"`` (the fake stands for the add-on itself). ``page_size``
    caps the events of a list page, below the client's ``maxResults``. IDs, etags, tokens and
    meeting codes come from counters and from ``seed``: the same calls get the same answers.
    ``discovery`` replaces the discovery document that ships with google-api-python-client.
    """

    def __init__(
        self,
        *,
        calendars: Iterable[str] = ("primary",),
        pending_reads: int = 1,
        create_outcome: Outcome = "success",
        add_on_data: AddOnData = "reject",
        page_size: int | None = None,
        seed: int = 0,
        discovery: Mapping[str, Any] | None = None,
    ) -> None:
        sink = Sink()
        if not _is_int(pending_reads) or pending_reads < 0:
            sink.report(
                "type",
                "/pending_reads",
                f"pending_reads must be an integer ≥ 0 (got {show(pending_reads)})",
            )
        if create_outcome not in _OUTCOMES:
            sink.report(
                "enum",
                "/create_outcome",
                f"create_outcome must be 'success' or 'failure' (got {show(create_outcome)})",
            )
        if add_on_data not in _POLICIES:
            sink.report(
                "enum",
                "/add_on_data",
                f"add_on_data must be 'reject', 'strip' or 'accept' (got {show(add_on_data)})",
            )
        if page_size is not None and (not _is_int(page_size) or page_size < 1):
            sink.report(
                "type",
                "/page_size",
                f"page_size must be an integer ≥ 1 or None (got {show(page_size)})",
            )
        if not _is_int(seed):
            sink.report("type", "/seed", f"seed must be an integer (got {show(seed)})")
        if discovery is not None and not isinstance(discovery, Mapping):
            sink.report(
                "type",
                "/discovery",
                f"discovery must be an object (got {describe_type(discovery)})",
            )
        names = self._names(sink, calendars)
        sink.raise_errors()
        options = Options(
            pending_reads=pending_reads,
            create_outcome=create_outcome,
            add_on_data=add_on_data,
            page_size=page_size,
            seed=seed,
        )
        self._store = Store(options)
        self._router = Router(load_discovery() if discovery is None else discovery)
        self._events = EventsService(self._store)
        self._handlers = {
            **self._events.handlers,
            **Listing(self._events).handlers,
            "calendar.calendars.get": self._get_calendar,
            "calendar.calendarList.get": self._get_calendar_list_entry,
        }
        self._calls: list[FakeCall] = []
        for name in names:
            self.add_calendar(name)

    @staticmethod
    def _names(sink: Sink, calendars: object) -> list[str]:
        if isinstance(calendars, (str, bytes)) or not isinstance(calendars, Iterable):
            sink.report(
                "type", "/calendars", f"calendars must be a list of IDs (got {show(calendars)})"
            )
            return []
        names = list(calendars)
        for index, name in enumerate(names):
            if not isinstance(name, str) or not name:
                sink.report(
                    "type",
                    f"/calendars/{index}",
                    f"a calendar ID must be a non-empty string (got {show(name)})",
                )
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
        self, uri: str, method: str, body: object, headers: Mapping[str, str]
    ) -> tuple[FakeResponse, bytes]:
        return serve(self._router, self._handlers, self._calls, uri, method, body, headers)

    @property
    def calls(self) -> tuple[FakeCall, ...]:
        """Every request answered so far, in order."""
        return tuple(self._calls)

    def _get_calendar(self, request: Request) -> Answer:
        return 200, clone_object(self._events.calendar(request.path["calendarId"]).resource)

    def _get_calendar_list_entry(self, request: Request) -> Answer:
        resource = self._events.calendar(request.path["calendarId"]).resource
        entry = {
            **clone_object(resource),
            "kind": "calendar#calendarListEntry",
            "accessRole": "owner",
        }
        entry["primary"] = resource["id"] == "primary"
        return 200, entry

    # -- the test's side -------------------------------------------------------------------------

    def add_calendar(
        self,
        calendar_id: str,
        *,
        allowed_solution_types: Iterable[str] = ("hangoutsMeet",),
        summary: str | None = None,
    ) -> None:
        """Make a calendar exist (or change its settings): ``allowed_solution_types`` becomes
        its ``conferenceProperties.allowedConferenceSolutionTypes``."""
        sink = Sink()
        given: object = calendar_id
        if not isinstance(given, str) or not given:
            sink.report(
                "type",
                "/calendar_id",
                f"calendar_id must be a non-empty string (got {show(calendar_id)})",
            )
        kinds = [] if isinstance(allowed_solution_types, str) else list(allowed_solution_types)
        if isinstance(allowed_solution_types, str) or not all(isinstance(k, str) for k in kinds):
            sink.report(
                "type",
                "/allowed_solution_types",
                "allowed_solution_types must be a list of strings",
            )
        if summary is not None and not isinstance(summary, str):
            sink.report("type", "/summary", f"summary must be a string (got {show(summary)})")
        sink.raise_errors()
        existing = self._store.calendars.get(calendar_id)
        resource = {
            "kind": "calendar#calendar",
            "etag": f'"c{len(self._store.calendars) + 1}"',
            "id": calendar_id,
            "summary": summary or calendar_id,
            "timeZone": "UTC",
            "conferenceProperties": {"allowedConferenceSolutionTypes": kinds},
        }
        if existing is None:
            self._store.calendars[calendar_id] = Calendar(resource)
        else:
            existing.resource.update(resource, etag=existing.resource["etag"])

    def _calendar(self, calendar_id: object) -> Calendar:
        calendar = self._store.calendars.get(calendar_id) if isinstance(calendar_id, str) else None
        if calendar is None:
            raise single(
                "type",
                "/calendar_id",
                f"no calendar {show(calendar_id)} (add_calendar() makes one)",
            )
        return calendar

    def calendar(self, calendar_id: str) -> dict[str, Any]:
        """A copy of the calendar's resource, as ``calendars.get`` answers it."""
        return clone_object(self._calendar(calendar_id).resource)

    def events(self, calendar_id: str) -> list[dict[str, Any]]:
        """Copies of every event stored in the calendar, deleted ones included (reading them
        here does not count as a read of the API)."""
        return [
            clone_object(record.event) for record in self._calendar(calendar_id).records.values()
        ]

    def event(self, calendar_id: str, event_id: str) -> dict[str, Any]:
        """A copy of one stored event (not counted as a read)."""
        given: object = event_id
        record = self._calendar(calendar_id).records.get(given) if isinstance(given, str) else None
        if record is None:
            raise single(
                "type", "/event_id", f"no event {show(event_id)} in calendar {show(calendar_id)}"
            )
        return clone_object(record.event)

    def user_edit(
        self, calendar_id: str, event_id: str, changes: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Change an event as its user would in Calendar: patch semantics, a new etag, and
        conference data taken as given (a create request in it starts as the API's would).
        Returns the event as changed."""
        calendar = self._calendar(calendar_id)
        if not isinstance(changes, Mapping):
            raise single(
                "type", "/changes", f"changes must be an object (got {describe_type(changes)})"
            )
        try:
            edit = json.loads(json.dumps(dict(changes)))
        except (TypeError, ValueError):
            raise single("type", "/changes", "changes must be JSON data") from None
        try:
            given: object = event_id
            target = self._events.locate(calendar, given) if isinstance(given, str) else None
            if target is None:
                raise single(
                    "type",
                    "/event_id",
                    f"no event {show(event_id)} in calendar {show(calendar_id)}",
                )
            record = self._events.fresh_record(target)
            answer = self._events.store_write(
                calendar,
                record,
                self._events.apply_patch(record.event, edit),
                edit.get("conferenceData", MISSING),
                version=1,
                whole=False,
                add_on_data="accept",
            )
        except ApiError as error:
            raise single("type", "/changes", f"Calendar would refuse this edit: {error}") from None
        calendar.records[record.event["id"]] = record
        return answer

    def invalidate_sync_tokens(self, calendar_id: str | None = None) -> int:
        """Make every sync token issued for ``calendar_id`` (all calendars when None) invalid,
        as the server does "for various reasons including token expiration or changes in
        related ACLs": the next list with one answers 410. Returns how many there were."""
        if calendar_id is not None:
            self._calendar(calendar_id)
        return self._store.invalidate(calendar_id)

    # -- fixtures ------------------------------------------------------------------------------

    def seed(self, fixture: Mapping[str, Any]) -> None:
        """Add calendars and events from a fixture: ``{"calendars": {"<id>": {"summary": …,
        "conferenceProperties": {…}, "events": [<Event JSON>, …]}}}``. Events keep their data
        and get new etags; one whose ID is stored already replaces it. Nothing is checked but
        the shape, as the server's own data is not: seed what Calendar could hold."""
        calendars = checked_fixture(fixture)
        for calendar_id, settings in calendars.items():
            events = settings.pop("events", [])
            calendar = self._store.calendars.get(calendar_id)
            if calendar is None:
                self.add_calendar(calendar_id)
                calendar = self._store.calendars[calendar_id]
            calendar.resource.update(settings, id=calendar_id)
            for event in events:
                self._seed_event(calendar, event)

    def seed_json(self, text: str | bytes) -> None:
        """:meth:`seed` from JSON text (a fixture file's contents)."""
        try:
            fixture = json.loads(text)
        except (TypeError, ValueError) as error:
            raise single("type", "", f"the fixture is not JSON text: {show(str(error))}") from None
        self.seed(fixture)

    def _seed_event(self, calendar: Calendar, event: dict[str, Any]) -> None:
        created = self._store.now()
        stored = {"kind": "calendar#event", "etag": "", **event}
        stored.setdefault("status", "confirmed")
        stored.setdefault("created", created)
        stored.setdefault("iCalUID", f"{event['id']}@google.com")
        conference = stored.pop("conferenceData", None)
        record = Record(stored, 0, 0)
        pending = isinstance(conference, dict) and create_status(conference) == "pending"
        self._events.set_conference(record, Written(conference, started=pending))
        self._events.touch(calendar, record)
        calendar.records[event["id"]] = record

    def snapshot(self) -> dict[str, Any]:
        """The whole state as a fixture :meth:`seed` takes (``json.dumps`` writes it out)."""
        return {
            "calendars": {
                calendar_id: {
                    **{
                        k: clone(v)
                        for k, v in calendar.resource.items()
                        if k not in ("kind", "etag", "id")
                    },
                    "events": [clone(record.event) for record in calendar.records.values()],
                }
                for calendar_id, calendar in self._store.calendars.items()
            }
        }
