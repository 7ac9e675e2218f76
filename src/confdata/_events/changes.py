"""Which events changed a conference: :func:`detect_changes` (see :mod:`confdata.sync`).

Events arrive as ``events.list`` returns them [S3]: a single event, a recurring series (one
event with ``recurrence``), or one occurrence of a series, with ``recurringEventId`` and
``originalStartTime`` (Google's recurring events guide,
developers.google.com/workspace/calendar/api/guides/recurringevents). An occurrence is listed
apart when it is an exception (moved, edited or cancelled) or when the list expands series
(``singleEvents=true``). "Cancelled exceptions are only guaranteed to have values for the id,
recurringEventId and originalStartTime fields populated", and "Deleted events are only
guaranteed to have the id field populated" (``Event.status`` [S3]): ``known`` is how they are
recognised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .._core.enums import SolutionType
from .._core.foreign import NotJSON, array, exact_str, is_object, is_str, items
from .._core.problems import ValidationError
from .._core.sink import Sink, pointer
from .._core.spec import CALENDAR_PATHS, CONFERENCE_ID, EVENT_CONFERENCE
from .._core.text import describe_type, show
from .._core.values import ConferenceData
from .event_json import object_members, plain_object
from .event_json import unwrap_view as _unwrap_view
from .ownership import IsOurs
from .records import (
    Change,
    ConferenceDeleted,
    ConferenceReleased,
    ConferenceUpdated,
    EventTime,
    OccurrenceCancelled,
    SyncResult,
)

__all__ = ["detect_changes", "read_known"]

# The Event members read here (Calendar API v3 Event [S3]), in one place.
_ID = "id"
_STATUS = "status"
_CANCELLED = "cancelled"
_SERIES = "recurringEventId"
_ORIGINAL_START = "originalStartTime"
_CONFERENCE = EVENT_CONFERENCE


def read_known(value: object, name: str = "known") -> dict[str, str]:
    """The caller's map of event IDs to conference IDs as a plain dict of exact strings.

    A ``dict`` is read without running its code; any other mapping (a store of your own)
    through its ``items()``, once. Anything else, or members that are not non-empty strings,
    raise :class:`~confdata.ValidationError` naming the first such member.
    """
    pairs: Iterable[tuple[object, object]] | None = items(_unwrap_view(value))
    if pairs is None and issubclass(type(value), Mapping):
        store: Mapping[object, object] = value  # type: ignore[assignment]  # checked above
        try:
            pairs = list(store.items())
        except Exception as error:  # the caller's own mapping failed while read
            got = describe_type(error)
            message = f"{name} could not be read: its items() raised ({got})"
            raise _known_error(name, message) from None
    found: dict[str, object] | None = None
    if pairs is not None:
        found = {}
        for key, item in pairs:
            text = exact_str(key)
            if text is None:
                raise _known_error(name, f"{name} has a key that is not a string ({show(key)})")
            found[text] = item
    if found is None:
        raise _known_error(
            name,
            f"{name} must be a mapping of event IDs to conference IDs (got {describe_type(value)})",
        )
    known: dict[str, str] = {}
    for key, item in found.items():
        conference_id = exact_str(item)
        if not key or not conference_id:
            raise _known_error(
                name,
                f"{name} must map non-empty event IDs to non-empty conference IDs "
                f"(got {show(key)}: {show(item)})",
            )
        known[key] = conference_id
    return known


def _known_error(name: str, message: str) -> ValidationError:
    sink = Sink()
    sink.report("type", f"/{name}", message)
    return ValidationError(sink.finish())


def _check_arguments(events: object, is_ours: object) -> list[object]:
    """The events as a list; wrong arguments raise before any event is read."""
    sink = Sink()
    listed: list[object] | tuple[object, ...] | None = array(events)
    if is_object(events) or object_members(events) is not None:
        sink.report(
            "type",
            "/events",
            "events must be an iterable of Event resources (got an object: for an "
            "events.list page, pass page['items'])",
        )
    elif listed is None and (
        is_str(events) or type(events) is bytes or not issubclass(type(events), Iterable)
    ):
        sink.report(
            "type",
            "/events",
            f"events must be an iterable of Event resources (got {describe_type(events)})",
        )
    if not callable(is_ours):
        sink.report("type", "/is_ours", f"is_ours must be callable (got {describe_type(is_ours)})")
    sink.raise_errors()
    if listed is not None:
        return list(listed)
    given: Iterable[object] = events  # type: ignore[assignment]  # checked above
    return list(given)  # the caller's own iterable (a generator of pages' items)


def _time(value: object) -> EventTime | None:
    found = object_members(value)
    if found is None:
        return None
    return EventTime(
        date=exact_str(found.get("date")),
        date_time=exact_str(found.get("dateTime")),
        time_zone=exact_str(found.get("timeZone")),
    )


def _strings(value: object) -> tuple[str, ...]:
    listed = array(value)
    if listed is None:
        return ()
    return tuple(text for text in map(exact_str, listed) if text is not None)


def _attendees(value: object) -> tuple[str, ...]:
    emails: list[str] = []
    for attendee in array(value) or ():
        found = object_members(attendee)
        if found is None:
            continue
        email = exact_str(found.get("email"))
        if email is not None and exact_str(found.get("responseStatus")) != "declined":
            emails.append(email)
    return tuple(emails)


def _solution_type(data: ConferenceData | None) -> str | None:
    """The solution type that replaced ours (None when the conference was simply removed)."""
    if data is not None and data.conference_solution is not None:
        key = data.conference_solution.key_type
    elif data is not None and data.create_request is not None:
        key = data.create_request.solution_type
    else:
        return None
    return key.value if isinstance(key, SolutionType) else key


class _Event:
    """One event read from its plain copy: the members a record needs."""

    def __init__(self, event: dict[str, Any], event_id: str) -> None:
        self.raw = event
        self.id = event_id
        series = exact_str(event.get(_SERIES))
        # An event is no occurrence of itself (only hostile data says so).
        self.series = series if series != event_id else None
        self.original_start = _time(event.get(_ORIGINAL_START))
        self.cancelled = exact_str(event.get(_STATUS)) == _CANCELLED
        self.etag = exact_str(event.get("etag"))

    def previous(self, known: Mapping[str, str]) -> str | None:
        """The conference ``known`` holds for this event: its own, else its series'."""
        own = known.get(self.id)
        if own is None and self.series is not None:
            return known.get(self.series)
        return own


def _read(raw: object, path: str, sink: Sink) -> _Event | None:
    """The event's plain copy, or None (the reason reported to ``sink``)."""
    try:
        event = plain_object(raw, path)
    except NotJSON as error:
        sink.report("type", error.path, f"{error.message}; the event is left out")
        return None
    if event is None:
        sink.report("type", path, f"an event must be an object (got {describe_type(raw)})")
        return None
    if _ID not in event:
        sink.report("required", pointer(path, _ID), "an event needs its id (a string)")
        return None
    event_id = exact_str(event[_ID])
    if not event_id:
        got = show(event[_ID])
        message = f"an event's id must be a non-empty string (got {got})"
        sink.report("type", pointer(path, _ID), message)
        return None
    return _Event(event, event_id)


def _conference(event: _Event, path: str, sink: Sink) -> tuple[bool, ConferenceData | None]:
    """(True, the conference data read leniently, or None without any), or (False, None)
    when it cannot be read (reported)."""
    raw = event.raw.get(_CONFERENCE)
    if raw is None:
        return True, None
    try:
        return True, ConferenceData.from_calendar_json(raw, lenient=True)
    except ValidationError as error:
        sink.extend(error.problems, pointer(path, _CONFERENCE))
        return False, None


def _changes(
    raw: object, path: str, sink: Sink, is_ours: IsOurs, known: Mapping[str, str]
) -> list[Change]:
    """The records of one event (none, one, or a release and an update)."""
    event = _read(raw, path, sink)
    if event is None:
        return []
    readable, data = _conference(event, path, sink)
    if not readable:
        return []
    ours = data is not None and bool(is_ours(data))
    own_id = data.conference_id if ours and data is not None else None
    previous = event.previous(known)
    if ours and own_id is None:
        sink.report(
            "required",
            pointer(path, _CONFERENCE, *CALENDAR_PATHS.conference_id),
            f"the conference is yours (is_ours said so) but has no {CONFERENCE_ID.json}: "
            "no record can name it",
        )
        return []
    if event.cancelled:
        conference_id = previous or own_id
        if conference_id is None:
            return []
        if event.series is not None:
            return [
                OccurrenceCancelled(event.id, event.series, conference_id, event.original_start)
            ]
        return [ConferenceDeleted(event.id, conference_id)]
    if own_id is not None and data is not None:
        records: list[Change] = []
        if previous is not None and previous != own_id:
            records.append(_released(event, previous, SolutionType.ADD_ON.value))
        records.append(_updated(event, own_id, data))
        return records
    if previous is not None:
        return [_released(event, previous, _solution_type(data))]
    return []


def _released(event: _Event, conference_id: str, replaced_by: str | None) -> ConferenceReleased:
    return ConferenceReleased(
        event.id,
        conference_id,
        replaced_by=replaced_by,
        etag=event.etag,
        recurring_event_id=event.series,
        original_start=event.original_start,
    )


def _updated(event: _Event, conference_id: str, data: ConferenceData) -> ConferenceUpdated:
    raw = event.raw
    return ConferenceUpdated(
        event_id=event.id,
        conference_id=conference_id,
        conference=data,
        parameters=data.parameters,
        start=_time(raw.get("start")),
        end=_time(raw.get("end")),
        summary=exact_str(raw.get("summary")),
        attendees=_attendees(raw.get("attendees")),
        recurrence=_strings(raw.get("recurrence")),
        recurring_event_id=event.series,
        etag=event.etag,
        original_start=event.original_start,
    )


def detect_changes(
    events: Iterable[object],
    *,
    is_ours: IsOurs,
    known: Mapping[str, str] | None = None,
) -> SyncResult:
    """The records of the changes among ``events`` (Event resources) that concern your
    conferences, in the order of the events.

    ``is_ours`` says whether a conference belongs to your add-on (see :func:`ours`).
    ``known`` maps the event IDs you hold conferences for to their conference IDs: without
    it, a deleted event (which arrives with nothing but its ID), a cancelled occurrence and an
    event whose conference was removed cannot be recognised, so pass it, or let
    :class:`SyncState` keep it for you. An occurrence of a series is looked up by its own ID,
    then by its series' ID.

    - a cancelled event gives :class:`ConferenceDeleted`; a cancelled occurrence of a series
      :class:`OccurrenceCancelled` (the series' conference goes on);
    - an event that carries your conference gives :class:`ConferenceUpdated` (an occurrence
      moved to another time says :attr:`~ConferenceUpdated.moved`); when ``known`` held
      another conference of yours for it, a :class:`ConferenceReleased` of the old one first;
    - an event ``known`` holds whose conference was removed or replaced gives
      :class:`ConferenceReleased`.

    A malformed event becomes a problem (at most 100 of one code, then one that counts the
    rest), never an exception, and the batch goes on. Events are read from plain copies made
    without running any of their code. Wrong arguments raise :class:`ValidationError`.
    """
    items = _check_arguments(events, is_ours)
    known_ids = read_known({} if known is None else known)
    assert callable(is_ours)
    changes: list[Change] = []
    sink = Sink()
    for index, raw in enumerate(items):
        changes.extend(_changes(raw, pointer("", index), sink, is_ours, known_ids))
    return SyncResult(tuple(changes), tuple(sink.finish()))
