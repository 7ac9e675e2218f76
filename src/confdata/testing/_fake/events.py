"""The fake's ``events`` service: insert, get, patch, update and delete.

Listing (``list``, ``instances``) lives in ``listing``; conference data in ``conference``;
times in ``times``; recurrence in ``recurrence``. Every write makes a new etag, moves the
calendar's change number on (what sync tokens count) and the clock; a read of an event whose
create request is ``pending`` counts down to the request's end.

Events are stored canonical (times in UTC, every member Google returns on every event set) and
rendered for each answer (times with the offset of the zone the answer is in).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..._core.foreign import member
from ..._core.spec import CALENDAR_PATHS
from .conference import MISSING, Written, hangout_link, resolve, write_conference
from .errors import (
    bad_request,
    condition_not_met,
    deleted,
    duplicate,
    not_found,
    not_modified,
)
from .recurrence import Instance, Series
from .resource import (
    IMMUTABLE,
    READ_ONLY,
    apply_patch,
    checked,
    html_link,
    is_series,
    owner,
    render,
    render_zone,
    sequence,
    server_members,
)
from .schema import Schemas
from .store import AddOnData, Calendar, Record, Store, copy, copy_object, etag, valid_event_id
from .times import stored_moment

__all__ = ["Answer", "EventsService", "Request", "Target"]

Answer = tuple[int, dict[str, Any] | None]


@attrs.frozen
class Request:
    """One routed API call: the method's ID, its path and query parameters (typed as the
    discovery document says), its parsed JSON body (MISSING without one) and its headers
    (names in lower case)."""

    method: str
    path: Mapping[str, str]
    query: Mapping[str, Any]
    body: object
    headers: Mapping[str, str]


Target = Record | tuple[Record, Instance]
"""A stored event, or an instance of a stored series that has no record of its own."""


class EventsService:
    """The events methods over one :class:`Store`."""

    def __init__(self, store: Store, schemas: Schemas) -> None:
        self.store = store
        self.schemas = schemas

    @property
    def handlers(self) -> dict[str, Callable[[Request], Answer]]:
        """The methods this service answers, by their discovery-document IDs."""
        return {
            "calendar.events.insert": self.insert,
            "calendar.events.get": self.get,
            "calendar.events.patch": self.patch,
            "calendar.events.update": self.update,
            "calendar.events.delete": self.delete,
        }

    # -- looking things up -------------------------------------------------------------------

    def calendar(self, calendar_id: str) -> Calendar:
        """The calendar, or the API's 404."""
        calendar = self.store.calendars.get(calendar_id)
        if calendar is None:
            raise not_found()
        return calendar

    @staticmethod
    def series(event: Mapping[str, Any]) -> Series:
        """The occurrences of a stored series."""
        return Series(
            event["id"],
            event["recurrence"],
            stored_moment(event["start"], "start"),
            stored_moment(event["end"], "end"),
        )

    def locate(self, calendar: Calendar, event_id: str) -> Target | None:
        """The stored event of that ID, or the instance of a stored series it names."""
        record = calendar.records.get(event_id)
        if record is not None:
            return record
        parent_id, sep, suffix = event_id.rpartition("_")
        parent = calendar.records.get(parent_id) if sep else None
        if parent is None or not is_series(parent.event):
            return None
        instance = self.series(parent.event).find(suffix)
        return None if instance is None else (parent, instance)

    def target(self, calendar: Calendar, event_id: str) -> Target:
        """:meth:`locate`, or the API's 404."""
        found = self.locate(calendar, event_id)
        if found is None:
            raise not_found()
        return found

    # -- reading -----------------------------------------------------------------------------

    def countdown(self, calendar: Calendar, record: Record) -> None:
        """One read of ``record``: a pending create request ends after the configured reads."""
        status = member(record.event, "conferenceData", *CALENDAR_PATHS.request_status)
        if status != "pending":
            return
        if record.pending_reads > 0:
            record.pending_reads -= 1
            return
        outcome = self.store.options.create_outcome
        ended = resolve(self.store, record.event["conferenceData"], outcome)
        self.set_conference(record, Written(ended))
        self.touch(calendar, record)

    def owner(self, calendar: Calendar) -> str:
        """The address of the calendar: the user's for ``primary``, else its ID."""
        return owner(calendar, self.store.options.user)

    def server_members(self, calendar: Calendar, event_id: str) -> dict[str, Any]:
        """The members Google returns on every event it creates, with a new ``created``."""
        return server_members(calendar, event_id, self.store.options.user, self.store.now())

    def instance_json(
        self, parent: Record, instance: Instance, calendar: Calendar
    ) -> dict[str, Any]:
        """An instance of a series, canonical: the series' data at its own times."""
        event = copy_object(parent.event)
        event.pop("recurrence", None)
        event["etag"] = f'{parent.event["etag"][:-1]}-{instance.start.stamp()}"'
        event["id"] = instance.id
        event["htmlLink"] = html_link(self.owner(calendar), instance.id)
        event["recurringEventId"] = parent.event["id"]
        event["originalStartTime"] = instance.start.to_json()
        event["start"] = instance.start.to_json()
        event["end"] = instance.end.to_json()
        return event

    def read(self, calendar: Calendar, target: Target) -> dict[str, Any]:
        """The event (canonical) as a read finds it, counting the read."""
        if isinstance(target, Record):
            self.countdown(calendar, target)
            return copy_object(target.event)
        parent, instance = target
        self.countdown(calendar, parent)
        return self.instance_json(parent, instance, calendar)

    def current_etag(self, calendar: Calendar, target: Target) -> str:
        """The etag the event has now (an instance's is derived from its series')."""
        if isinstance(target, Record):
            return str(target.event["etag"])
        return str(self.instance_json(*target, calendar)["etag"])

    # -- writing -----------------------------------------------------------------------------

    def touch(self, calendar: Calendar, record: Record) -> None:
        """Record a write: a new etag, a new change number, the clock moved on, and the
        notification each channel watching the calendar gets."""
        calendar.change += 1
        record.changed = calendar.change
        record.version = self.store.next_version()
        record.event["etag"] = etag(record.version)
        record.event["updated"] = self.store.now()
        self.store.notify(str(calendar.resource["id"]), "exists")

    def set_conference(self, record: Record, written: Written) -> None:
        """Store the conference data a write leaves, and the ``hangoutLink`` that goes with it."""
        if written.conference is None:
            record.event.pop("conferenceData", None)
        else:
            record.event["conferenceData"] = written.conference
        link = hangout_link(written.conference)
        if link is None:
            record.event.pop("hangoutLink", None)
        else:
            record.event["hangoutLink"] = link
        if written.started:
            record.pending_reads = self.store.options.pending_reads

    def fresh_record(self, calendar: Calendar, target: Target) -> Record:
        """The record a write goes to: the stored one, or a new exception for an instance of
        a series (stored only once the write succeeds)."""
        if isinstance(target, Record):
            return target
        parent, instance = target
        event = self.instance_json(parent, instance, calendar)
        return Record(event, 0, 0, parent.pending_reads)

    def _if_match(self, calendar: Calendar, request: Request, target: Target) -> None:
        wanted = request.headers.get("if-match")
        if wanted is not None and wanted != "*" and wanted != self.current_etag(calendar, target):
            raise condition_not_met()

    def body(self, request: Request) -> dict[str, Any]:
        """The request body as an Event: the schema's members with their declared types."""
        if request.body is MISSING:
            raise bad_request("The request body must be an Event object.", reason="parseError")
        return self.schemas.read("Event", request.body)

    def store_write(
        self,
        calendar: Calendar,
        record: Record,
        event: dict[str, Any],
        sent: object,
        *,
        version: int,
        whole: bool,
        add_on_data: AddOnData,
        new: bool = False,
    ) -> dict[str, Any]:
        """Check and store ``event`` as ``record``'s new data (``new`` for an insert), with
        the conference data the write leaves; the stored event (canonical)."""
        event = checked(event)
        if not new:
            sequence(event, record.event)
        current = record.event.get("conferenceData")
        written = write_conference(
            calendar, current, sent, version=version, whole=whole, add_on_data=add_on_data
        )
        event.pop("conferenceData", None)
        record.event = event
        self.set_conference(record, written)
        self.touch(calendar, record)
        calendar.records[record.event["id"]] = record
        return copy_object(record.event)

    def new_event(
        self, calendar: Calendar, body: Mapping[str, Any]
    ) -> tuple[Record, dict[str, Any]]:
        """A record for an event to insert (not stored yet) and the data to store in it: the
        body over the members Google returns on every event."""
        given = body.get("id")
        if given is None:
            event_id = self.store.new_event_id(calendar)
        elif not valid_event_id(given):
            raise bad_request("Invalid resource id value.")
        elif given in calendar.records:
            raise duplicate()
        else:
            event_id = given
        event = self.server_members(calendar, event_id)
        event.update(
            (key, copy(value))
            for key, value in body.items()
            if key not in READ_ONLY
            and key not in ("recurringEventId", "originalStartTime", "conferenceData")
            and value is not None
        )
        return Record(event, 0, 0), event

    # -- the methods -------------------------------------------------------------------------

    def insert(self, request: Request) -> Answer:
        """``events.insert``: "Creates an event"; start and end are required."""
        calendar = self.calendar(request.path["calendarId"])
        body = self.body(request)
        record, event = self.new_event(calendar, body)
        stored = self.store_write(
            calendar,
            record,
            event,
            body.get("conferenceData", MISSING),
            version=request.query.get("conferenceDataVersion", 0),
            whole=True,
            add_on_data=self.store.options.add_on_data,
            new=True,
        )
        return 200, render(stored, render_zone(calendar, request.query), request.query)

    def get(self, request: Request) -> Answer:
        """``events.get``; cancelled events too ("The get method always returns them" [S3]);
        ``If-None-Match`` with the current etag answers 304 (conditional retrieval)."""
        calendar = self.calendar(request.path["calendarId"])
        where = render_zone(calendar, request.query)
        target = self.target(calendar, request.path["eventId"])
        if request.headers.get("if-none-match") == self.current_etag(calendar, target):
            raise not_modified()
        return 200, render(self.read(calendar, target), where, request.query)

    def _modify(self, request: Request, *, whole: bool) -> Answer:
        calendar = self.calendar(request.path["calendarId"])
        where = render_zone(calendar, request.query)
        target = self.target(calendar, request.path["eventId"])
        self._if_match(calendar, request, target)
        body = self.body(request)
        record = self.fresh_record(calendar, target)
        kind = body.get("eventType")
        if kind is not None and kind != record.event.get("eventType"):
            # "This cannot be modified after the event is created" [S3].
            raise bad_request("Event type cannot be changed.")
        if whole:  # the body replaces the event; what the server set stays
            kept = {
                key: record.event[key] for key in (*READ_ONLY, *IMMUTABLE) if key in record.event
            }
            event = {**apply_patch({}, body), **kept, "sequence": record.event["sequence"]}
            event.setdefault("status", "confirmed")
            event.setdefault("reminders", {"useDefault": True})
        else:
            event = apply_patch(record.event, body)
        stored = self.store_write(
            calendar,
            record,
            event,
            body.get("conferenceData", MISSING),
            version=request.query.get("conferenceDataVersion", 0),
            whole=whole,
            add_on_data=self.store.options.add_on_data,
        )
        return 200, render(stored, where, request.query)

    def patch(self, request: Request) -> Answer:
        """``events.patch``: "This method supports patch semantics"."""
        return self._modify(request, whole=False)

    def update(self, request: Request) -> Answer:
        """``events.update``: the body replaces the event (conference data included, with
        ``conferenceDataVersion=1``: a PUT without it removes the conference)."""
        return self._modify(request, whole=True)

    def delete(self, request: Request) -> Answer:
        """``events.delete``: the event becomes ``cancelled`` ("deleted"), which incremental
        syncs return; deleting it again answers 410. An instance of a series becomes a
        cancelled exception, which keeps its ``recurringEventId`` and ``originalStartTime``."""
        calendar = self.calendar(request.path["calendarId"])
        target = self.target(calendar, request.path["eventId"])
        self._if_match(calendar, request, target)
        record = self.fresh_record(calendar, target)
        if record.event.get("status") == "cancelled":
            raise deleted()
        record.event["status"] = "cancelled"
        self.touch(calendar, record)
        calendar.records[record.event["id"]] = record
        return 204, None
