"""The fake's ``events`` service: insert, get, patch, update and delete.

Listing (``list``, ``instances``) lives in ``listing``; conference data in
``conference``. Every write makes a new etag, moves the calendar's change number on (what
sync tokens count) and the clock; a read of an event whose create request is ``pending`` counts
down to the request's end.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .conference import MISSING, Written, hangout_link, resolve, write_conference
from .errors import (
    ApiError,
    bad_request,
    condition_not_met,
    deleted,
    duplicate,
    not_found,
    not_modified,
)
from .recurrence import Instance, expand, moment
from .store import AddOnData, Calendar, Record, Store, clone, clone_object, etag, valid_event_id

__all__ = ["SERVER_SET", "Answer", "EventsService", "Request", "Target"]

Answer = tuple[int, dict[str, Any] | None]

SERVER_SET = frozenset({"kind", "etag", "id", "created", "updated", "htmlLink", "hangoutLink"})
"""Members the server sets: a request body's values for them are ignored."""


@attrs.frozen
class Request:
    """One routed API call: the method's ID, its path and query parameters (typed as the
    discovery document says), its parsed JSON body and its headers (names in lower case)."""

    method: str
    path: Mapping[str, str]
    query: Mapping[str, Any]
    body: object
    headers: Mapping[str, str]


Target = Record | tuple[Record, Instance]
"""A stored event, or an instance of a stored series that has no record of its own."""


def _member(value: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def stub(event: Mapping[str, Any]) -> dict[str, Any]:
    """A cancelled event as list answers it without ``showDeleted``: "only guaranteed to have
    the id field" and, for an instance, ``recurringEventId`` and ``originalStartTime`` [S3]."""
    out = {"kind": "calendar#event", "etag": event["etag"], "id": event["id"]}
    out["status"] = "cancelled"
    for key in ("recurringEventId", "originalStartTime"):
        if key in event:
            out[key] = clone(event[key])
    return out


class EventsService:
    """The events methods over one :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

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

    def locate(self, calendar: Calendar, event_id: str) -> Target | None:
        """The stored event of that ID, or the instance of a stored series it names."""
        record = calendar.records.get(event_id)
        if record is not None:
            return record
        parent_id, sep, _ = event_id.rpartition("_")
        parent = calendar.records.get(parent_id) if sep else None
        if parent is None or not isinstance(parent.event.get("recurrence"), list):
            return None
        for instance in expand(parent.event):
            if instance.id == event_id:
                return parent, instance
        return None

    def target(self, calendar: Calendar, event_id: str) -> Target:
        """:meth:`locate`, or the API's 404."""
        found = self.locate(calendar, event_id)
        if found is None:
            raise not_found()
        return found

    # -- reading -----------------------------------------------------------------------------

    def countdown(self, calendar: Calendar, record: Record) -> None:
        """One read of ``record``: a pending create request ends after the configured reads."""
        if _member(record.event, "conferenceData", "createRequest", "status", "statusCode") != (
            "pending"
        ):
            return
        if record.pending_reads > 0:
            record.pending_reads -= 1
            return
        outcome = self.store.options.create_outcome
        ended = resolve(self.store, record.event["conferenceData"], outcome)
        self.set_conference(record, Written(ended))
        self.touch(calendar, record)

    def instance_json(self, parent: Record, instance: Instance) -> dict[str, Any]:
        """An instance of a series, as the API shows it: the series' data at its own times."""
        event = clone_object(parent.event)
        event.pop("recurrence", None)
        event["etag"] = f'{parent.event["etag"][:-1]}-{instance.start.stamp()}"'
        event["id"] = instance.id
        event["recurringEventId"] = parent.event["id"]
        event["originalStartTime"] = instance.start.to_json()
        event["start"] = instance.start.to_json()
        event["end"] = instance.end.to_json()
        return event

    def read(self, calendar: Calendar, target: Target) -> dict[str, Any]:
        """The event as a read answers it (counting the read)."""
        if isinstance(target, Record):
            self.countdown(calendar, target)
            return clone_object(target.event)
        parent, instance = target
        self.countdown(calendar, parent)
        return self.instance_json(parent, instance)

    def current_etag(self, target: Target) -> str:
        """The etag the event has now (an instance's is derived from its series')."""
        if isinstance(target, Record):
            return str(target.event["etag"])
        return str(self.instance_json(*target)["etag"])

    # -- writing -----------------------------------------------------------------------------

    def touch(self, calendar: Calendar, record: Record) -> None:
        """Record a write: a new etag, a new change number, the clock moved on."""
        calendar.change += 1
        record.changed = calendar.change
        record.version = self.store.next_version()
        record.event["etag"] = etag(record.version)
        record.event["updated"] = self.store.now()

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

    def fresh_record(self, target: Target) -> Record:
        """The record a write goes to: the stored one, or a new exception for an instance of
        a series (stored only once the write succeeds)."""
        if isinstance(target, Record):
            return target
        parent, instance = target
        return Record(self.instance_json(parent, instance), 0, 0, parent.pending_reads)

    def _if_match(self, request: Request, target: Target) -> None:
        wanted = request.headers.get("if-match")
        if wanted is not None and wanted != "*" and wanted != self.current_etag(target):
            raise condition_not_met()

    def _body(self, request: Request) -> dict[str, Any]:
        if not isinstance(request.body, dict):
            raise bad_request("The request body must be an Event object.", reason="parseError")
        return request.body

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
    ) -> dict[str, Any]:
        """Check and store ``event`` as ``record``'s new data, with the conference data the
        write leaves; the write's answer."""
        moment(event.get("start"), "start")
        moment(event.get("end"), "end")
        current = record.event.get("conferenceData")
        written = write_conference(
            calendar, current, sent, version=version, whole=whole, add_on_data=add_on_data
        )
        event.pop("conferenceData", None)
        record.event = event
        self.set_conference(record, written)
        self.touch(calendar, record)
        return clone_object(record.event)

    def apply_patch(self, base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
        """``base`` after patch semantics: "the field values you specify replace the existing
        values", the others stay, and ``null`` removes a field (events.patch reference)."""
        event = clone_object(base)
        for key, value in changes.items():
            if key in SERVER_SET or key == "conferenceData":
                continue
            if value is None:
                event.pop(key, None)
            else:
                event[key] = clone(value)
        return event

    def new_event(
        self, calendar: Calendar, body: Mapping[str, Any]
    ) -> tuple[Record, dict[str, Any]]:
        """A record for an event to insert (not stored yet) and the data to store in it."""
        given = body.get("id")
        if given is None:
            event_id = self.store.new_event_id(calendar)
        elif not isinstance(given, str) or not valid_event_id(given):
            raise bad_request("Invalid resource id value.")
        elif given in calendar.records:
            raise duplicate()
        else:
            event_id = given
        created = self.store.now()
        event: dict[str, Any] = {"kind": "calendar#event", "etag": "", "id": event_id}
        event["status"] = "confirmed"
        event["created"] = created
        event["updated"] = created
        event.update(
            (key, clone(value))
            for key, value in body.items()
            if key not in SERVER_SET and key != "conferenceData" and value is not None
        )
        event.setdefault("iCalUID", f"{event_id}@google.com")
        return Record(event, 0, 0), event

    # -- the methods -------------------------------------------------------------------------

    def insert(self, request: Request) -> Answer:
        """``events.insert``: "Creates an event"; start and end are required."""
        calendar = self.calendar(request.path["calendarId"])
        body = self._body(request)
        record, event = self.new_event(calendar, body)
        answer = self.store_write(
            calendar,
            record,
            event,
            body.get("conferenceData", MISSING),
            version=request.query.get("conferenceDataVersion", 0),
            whole=True,
            add_on_data=self.store.options.add_on_data,
        )
        calendar.records[event["id"]] = record
        return 200, answer

    def get(self, request: Request) -> Answer:
        """``events.get``; cancelled events too ("The get method always returns them" [S3]);
        ``If-None-Match`` with the current etag answers 304 (conditional retrieval)."""
        calendar = self.calendar(request.path["calendarId"])
        target = self.target(calendar, request.path["eventId"])
        if request.headers.get("if-none-match") == self.current_etag(target):
            raise not_modified()
        return 200, self.read(calendar, target)

    def _modify(self, request: Request, *, whole: bool) -> Answer:
        calendar = self.calendar(request.path["calendarId"])
        target = self.target(calendar, request.path["eventId"])
        self._if_match(request, target)
        body = self._body(request)
        record = self.fresh_record(target)
        if whole:  # the body replaces the event; what the server set stays
            kept = ("recurringEventId", "originalStartTime", "iCalUID", *SERVER_SET)
            base = {key: record.event[key] for key in kept if key in record.event}
            base["status"] = "confirmed"
        else:
            base = record.event
        answer = self.store_write(
            calendar,
            record,
            self.apply_patch(base, body),
            body.get("conferenceData", MISSING),
            version=request.query.get("conferenceDataVersion", 0),
            whole=whole,
            add_on_data=self.store.options.add_on_data,
        )
        calendar.records[record.event["id"]] = record
        return 200, answer

    def patch(self, request: Request) -> Answer:
        """``events.patch``: "This method supports patch semantics"."""
        return self._modify(request, whole=False)

    def update(self, request: Request) -> Answer:
        """``events.update``: the body replaces the event (conference data included, with
        ``conferenceDataVersion=1``: a PUT without it removes the conference)."""
        return self._modify(request, whole=True)

    def delete(self, request: Request) -> Answer:
        """``events.delete``: the event becomes ``cancelled`` ("deleted"), which incremental
        syncs return; deleting it again answers 410."""
        calendar = self.calendar(request.path["calendarId"])
        target = self.target(calendar, request.path["eventId"])
        self._if_match(request, target)
        record = self.fresh_record(target)
        if record.event.get("status") == "cancelled":
            raise deleted()
        record.event["status"] = "cancelled"
        self.touch(calendar, record)
        calendar.records[record.event["id"]] = record
        return 204, None


def answer_error(error: ApiError) -> Answer:
    """The status and body of an error answer."""
    return error.status, error.body
