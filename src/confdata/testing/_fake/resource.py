"""What an event looks like: the members Google returns on every event, the checks a write
passes, patch semantics, and how a stored event is rendered in an answer.

Events are stored canonical (times in UTC, every member Google returns on every event set) and
rendered for each answer (times with the offset of the zone the answer is in).
"""

from __future__ import annotations

import base64
import zoneinfo
from collections.abc import Mapping
from typing import Any

from ..._core.foreign import exact_str, is_int, member, members
from .conference import merge
from .errors import bad_request, time_range_empty
from .recurrence import Series
from .store import Calendar, copy, copy_object
from .times import read_moment, stored_moment, zone

__all__ = [
    "IMMUTABLE",
    "READ_ONLY",
    "apply_patch",
    "checked",
    "html_link",
    "is_series",
    "owner",
    "render",
    "render_zone",
    "sequence",
    "server_members",
    "stub",
]

READ_ONLY = frozenset(
    {"kind", "etag", "id", "created", "updated", "htmlLink", "hangoutLink", "creator", "organizer"}
)
"""Members the server sets: a request body's values for them are ignored."""
IMMUTABLE = frozenset({"recurringEventId", "originalStartTime", "iCalUID", "eventType"})
"""Members a write after the insert cannot change [S3]: the stored values stay."""
STATUSES = ("confirmed", "tentative", "cancelled")
# "fromGmail - An event from Gmail. This type of event cannot be created." [S3]
CREATABLE_TYPES = ("default", "birthday", "focusTime", "outOfOffice", "workingLocation")
TIMES = ("start", "end", "originalStartTime")
# A change to one of these is a "significant revision" that moves SEQUENCE on (RFC 5545
# §3.8.7.4 lists the start, end and recurrence among them).
SIGNIFICANT = ("start", "end", "recurrence")


def stub(event: Mapping[str, Any]) -> dict[str, Any]:
    """A cancelled event as list answers it without ``showDeleted``: "only guaranteed to have
    the id field" and, for an instance, ``recurringEventId`` and ``originalStartTime`` [S3]."""
    out = {"kind": "calendar#event", "etag": event["etag"], "id": event["id"]}
    out["status"] = "cancelled"
    for key in ("recurringEventId", "originalStartTime"):
        if key in event:
            out[key] = copy(event[key])
    return out


def is_series(event: Mapping[str, Any]) -> bool:
    """A recurring event (not an instance of one)."""
    return "recurrence" in event and "recurringEventId" not in event


def render_zone(calendar: Calendar, query: Mapping[str, Any]) -> zoneinfo.ZoneInfo:
    """The zone an answer's times are in: the ``timeZone`` parameter's, else the
    calendar's ("The default is the time zone of the calendar" [S3])."""
    asked = query.get("timeZone")
    if asked is not None:
        where = zone(asked)
        if where is None:
            raise bad_request("Invalid time zone definition.", location="timeZone")
        return where
    return zone(calendar.resource.get("timeZone")) or zoneinfo.ZoneInfo("UTC")


def render(
    event: Mapping[str, Any], where: zoneinfo.ZoneInfo, query: Mapping[str, Any]
) -> dict[str, Any]:
    """A stored (canonical) event as an answer shows it."""
    out = copy_object(event)
    for name in TIMES:
        if name in out:
            out[name] = stored_moment(out[name], name).render(where)
    limit = query.get("maxAttendees")
    attendees = out.get("attendees")
    if limit is not None and type(attendees) is list and len(attendees) > limit:
        # "If there are more than the specified number of attendees, only the participant
        # is returned" [S3].
        out["attendees"] = [a for a in attendees if member(a, "self") is True]
        out["attendeesOmitted"] = True
    return out


def html_link(address: str, event_id: str) -> str:
    """``htmlLink``: Calendar's web address of the event, whose ``eid`` is the event ID
    and the calendar's address, base64url-encoded (the form Google's links have)."""
    eid = base64.urlsafe_b64encode(f"{event_id} {address}".encode()).decode().rstrip("=")
    return f"https://www.google.com/calendar/event?eid={eid}"


def owner(calendar: Calendar, user: str) -> str:
    """The address of the calendar: the user's for ``primary``, else its ID."""
    calendar_id = str(calendar.resource["id"])
    return user if calendar_id == "primary" else calendar_id


def checked(event: dict[str, Any]) -> dict[str, Any]:
    """``event`` made canonical after its checks (the API's 400 answers): valid times, an
    end not before its start, a recurrence dateutil can expand."""
    for name in ("status", "eventType"):
        value = exact_str(event.get(name))
        allowed = STATUSES if name == "status" else CREATABLE_TYPES
        if name in event and value not in allowed:
            raise bad_request(
                f"Invalid {name} value.", detail=f"{name} must be one of {', '.join(allowed)}"
            )
    start = read_moment(event.get("start"), "start")
    end = read_moment(event.get("end"), "end")
    if start.day is not None and end.day is not None:
        backwards = end.day < start.day
    elif start.at is not None and end.at is not None:
        backwards = end.at < start.at
    else:
        raise bad_request(
            "Invalid end time.", detail="start and end must both be dates or both be times"
        )
    if backwards:
        raise time_range_empty()
    event["start"], event["end"] = start.to_json(), end.to_json()
    if "originalStartTime" in event:
        original = read_moment(event["originalStartTime"], "originalStartTime")
        event["originalStartTime"] = original.to_json()
    if event.get("recurrence") == []:
        del event["recurrence"]  # no line, no series: a single event
    if "recurrence" in event:
        if "recurringEventId" in event:
            raise bad_request(
                "Invalid recurrence rule.",
                detail="an instance of a recurring event has no recurrence of its own",
            )
        Series(str(event["id"]), event["recurrence"], start, end)  # 400 unless it expands
    return event


def sequence(event: dict[str, Any], before: Mapping[str, Any]) -> None:
    """Set ``sequence`` after a write of ``before``: "Sequence number as per iCalendar", one
    more after a change of the start, end or recurrence."""
    previous = before.get("sequence", 0)
    sent = event.get("sequence")
    bump = any(event.get(name) != before.get(name) for name in SIGNIFICANT)
    event["sequence"] = max(sent if is_int(sent) else 0, previous + (1 if bump else 0))


def apply_patch(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` after patch semantics: "The modified data you send is merged into the data
    for the parent object", arrays replace arrays and ``null`` deletes (the performance
    guide); what the server sets or a write cannot change stays. ``date`` and
    ``dateTime`` of a time are alternatives: sending one drops the other."""
    sent = {
        key: value
        for key, value in changes.items()
        if key not in READ_ONLY and key not in IMMUTABLE and key != "conferenceData"
    }
    event = merge(dict(base), sent)
    for name in ("start", "end"):
        given = members(sent.get(name)) or {}
        for one, other in (("date", "dateTime"), ("dateTime", "date")):
            if given.get(one) is not None and other not in given and name in event:
                event[name].pop(other, None)
    return event


def server_members(calendar: Calendar, event_id: str, user: str, created: str) -> dict[str, Any]:
    """The members Google returns on every event it creates (the Events resource): what
    the server sets, and the defaults of what the client may leave out."""
    event: dict[str, Any] = {"kind": "calendar#event", "etag": "", "id": event_id}
    event["status"] = "confirmed"
    event["htmlLink"] = html_link(owner(calendar, user), event_id)
    event["created"] = created
    event["updated"] = created
    if owner(calendar, user) == user:
        event["creator"] = {"email": user, "self": True}
        event["organizer"] = {"email": user, "self": True}
    else:  # an event of a secondary calendar is organized by that calendar
        event["creator"] = {"email": user}
        event["organizer"] = {
            "email": owner(calendar, user),
            "displayName": calendar.resource.get("summary", owner(calendar, user)),
            "self": True,
        }
    event["iCalUID"] = f"{event_id}@google.com"
    event["sequence"] = 0
    event["reminders"] = {"useDefault": True}
    event["eventType"] = "default"
    return event
