"""Keeping conferences in sync with their events [S9][S11].

When an event that carries an add-on's conference is updated or deleted, the add-on must
mirror the change in its conferencing system. Feed :func:`detect_changes` the pages of an
``events.list`` response (plain dicts, as google-api-python-client returns them) and say
which conferences are yours; it returns one typed record per event that matters:

- :class:`ConferenceDeleted`: the event was cancelled or deleted;
- :class:`ConferenceReleased`: the event no longer carries your conference (removed, or
  replaced by another solution such as Google Meet);
- :class:`ConferenceUpdated`: the event still carries it; the record holds what conferencing
  systems typically mirror, and the event's ``etag`` for a conditional write.

:func:`sync_events` pages through ``events.list`` with a sync token and says when a full
resync is needed (HTTP 410); it always ends (see :class:`PagingError`).
:func:`if_match_headers` makes a write conditional on the etag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._core.enums import SolutionType
from .._core.foreign import NotJSON, plain_json
from .._core.problems import Problem, ValidationError
from .._core.sink import Sink, pointer, single
from .._core.text import describe_type, show
from .._core.values import ConferenceData, ConferenceParameter
from .paging import MAX_PAGES, PagingError, SyncRun, sync_events

__all__ = [
    "MAX_PAGES",
    "ConferenceDeleted",
    "ConferenceReleased",
    "ConferenceUpdated",
    "EventTime",
    "PagingError",
    "SyncResult",
    "SyncRun",
    "detect_changes",
    "if_match_headers",
    "solution_named",
    "sync_events",
]

IsOurs = Callable[[ConferenceData], bool]


@attrs.frozen
class EventTime:
    """An event's start or end: a ``date`` for all-day events, else ``date_time`` (RFC 3339)
    with the event's ``time_zone`` when it has one."""

    date: str | None = None
    """The day of an all-day event (``YYYY-MM-DD``)."""
    date_time: str | None = None
    """The moment, RFC 3339, for events that are not all-day."""
    time_zone: str | None = None
    """The IANA time zone the event names, if any."""

    @property
    def all_day(self) -> bool:
        """True for all-day events (a date and no time)."""
        return self.date is not None and self.date_time is None


@attrs.frozen
class ConferenceDeleted:
    """The event was cancelled or deleted: delete the conference."""

    event_id: str
    conference_id: str | None
    recurring_event_id: str | None = None
    """The event's ID."""


@attrs.frozen
class ConferenceReleased:
    """The event no longer carries this add-on's conference: release it."""

    event_id: str
    """The event's ID."""
    conference_id: str | None
    """The ID of the conference to release (from ``known``)."""
    replaced_by: str | None = None
    """The solution type that replaced it (``hangoutsMeet``…), None when simply removed."""
    etag: str | None = None
    """The event's etag, for a conditional write."""


@attrs.frozen
class ConferenceUpdated:
    """The event still carries the conference: what the conferencing system mirrors."""

    event_id: str
    """The event's ID."""
    conference_id: str | None
    """The conference's ID."""
    conference: ConferenceData
    """The conference data, read leniently."""
    parameters: tuple[ConferenceParameter, ...]
    """The conference's parameters (what the add-on passed its system)."""
    start: EventTime | None
    """When the event starts."""
    end: EventTime | None
    """When it ends."""
    summary: str | None
    """The event's title."""
    attendees: tuple[str, ...]
    """E-mail addresses of the attendees who have not declined, in the event's order."""
    recurrence: tuple[str, ...]
    """The series' RRULE, EXRULE, RDATE and EXDATE lines."""
    recurring_event_id: str | None
    """The series' ID when the event is one instance of it."""
    etag: str | None
    """The event's etag, for a conditional write."""


Change = ConferenceDeleted | ConferenceReleased | ConferenceUpdated


@attrs.frozen
class SyncResult:
    """The records of one batch of events, and the events that could not be read (at most
    100 problems of one code, then one that counts the rest)."""

    changes: tuple[Change, ...]
    """One record per event that matters, in the order of the events."""
    problems: tuple[Problem, ...] = ()
    """The events that could not be read, at their index in ``events``."""


def solution_named(name: str) -> IsOurs:
    """Conferences whose solution key is ``addOn`` and whose solution name is ``name`` (a
    non-empty string; anything else raises :class:`ValidationError`)."""
    given: object = name
    if not isinstance(given, str) or not given:
        raise single("type", "", f"name must be a non-empty string (got {show(given)})")
    name = str.__str__(given)

    def is_ours(data: ConferenceData) -> bool:
        solution = data.conference_solution
        return (
            solution is not None
            and solution.key_type is SolutionType.ADD_ON
            and solution.name == name
        )

    return is_ours


def _time(value: object) -> EventTime | None:
    if not isinstance(value, dict):
        return None
    return EventTime(
        date=_optional_str(value, "date"),
        date_time=_optional_str(value, "dateTime"),
        time_zone=_optional_str(value, "timeZone"),
    )


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def _attendees(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        attendee["email"]
        for attendee in value
        if isinstance(attendee, dict)
        and isinstance(attendee.get("email"), str)
        and attendee.get("responseStatus") != "declined"
    )


def _optional_str(event: Mapping[str, Any], key: str) -> str | None:
    value = event.get(key)
    return value if isinstance(value, str) else None


def _solution_type(data: ConferenceData | None) -> str | None:
    """The solution type that replaced ours (None when the conference was simply removed)."""
    if data is not None and data.conference_solution is not None:
        key = data.conference_solution.key_type
    elif data is not None and data.create_request is not None:
        key = data.create_request.solution_type
    else:
        return None
    return key.value if isinstance(key, SolutionType) else key


def _known_id(known: Mapping[str, str], event_id: str) -> str | None:
    value = known.get(event_id)
    return str.__str__(value) if isinstance(value, str) else value


def _check_arguments(events: object, is_ours: object, known: object) -> None:
    sink = Sink()
    if isinstance(events, Mapping):
        sink.report(
            "type",
            "",
            "events must be an iterable of Event resources (got an object: for an "
            "events.list page, pass page['items'])",
        )
    elif isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
        sink.report(
            "type",
            "",
            f"events must be an iterable of Event resources (got {describe_type(events)})",
        )
    if not callable(is_ours):
        sink.report("type", "", f"is_ours must be callable (got {describe_type(is_ours)})")
    if known is not None and not isinstance(known, Mapping):
        sink.report(
            "type",
            "",
            f"known must be a mapping of event IDs to conference IDs (got {describe_type(known)})",
        )
    sink.raise_errors()


def _change(
    raw: object, path: str, sink: Sink, is_ours: IsOurs, known: Mapping[str, str]
) -> Change | None:
    """The record of one event, or None; what cannot be read is reported to ``sink``."""
    if not isinstance(raw, dict):
        sink.report("type", path, f"an event must be an object (got {describe_type(raw)})")
        return None
    try:
        event: dict[str, Any] = plain_json(raw, path)
    except NotJSON as error:
        sink.report("type", error.path, f"{error.message}; the event is left out")
        return None
    if "id" not in event:
        sink.report("required", pointer(path, "id"), "an event needs its id (a string)")
        return None
    event_id = event["id"]
    if not isinstance(event_id, str):
        sink.report(
            "type", pointer(path, "id"), f"an event's id must be a string (got {show(event_id)})"
        )
        return None
    recurring = _optional_str(event, "recurringEventId")
    raw_data = event.get("conferenceData")
    data: ConferenceData | None = None
    if raw_data is not None:
        try:
            data = ConferenceData.from_calendar_json(raw_data, lenient=True)
        except ValidationError as error:
            sink.extend(error.problems, pointer(path, "conferenceData"))
            return None
    ours = data is not None and bool(is_ours(data))
    if event.get("status") == "cancelled":
        if ours or event_id in known:
            conference_id = data.conference_id if ours and data else _known_id(known, event_id)
            return ConferenceDeleted(event_id, conference_id, recurring)
        return None
    if ours:
        assert data is not None
        return ConferenceUpdated(
            event_id=event_id,
            conference_id=data.conference_id,
            conference=data,
            parameters=data.parameters,
            start=_time(event.get("start")),
            end=_time(event.get("end")),
            summary=_optional_str(event, "summary"),
            attendees=_attendees(event.get("attendees")),
            recurrence=_strings(event.get("recurrence")),
            recurring_event_id=recurring,
            etag=_optional_str(event, "etag"),
        )
    if event_id in known:
        return ConferenceReleased(
            event_id,
            _known_id(known, event_id),
            _solution_type(data),
            _optional_str(event, "etag"),
        )
    return None


def detect_changes(
    events: Iterable[object],
    *,
    is_ours: IsOurs,
    known: Mapping[str, str] | None = None,
) -> SyncResult:
    """One record per event that matters among ``events`` (Event resources).

    ``is_ours`` says whether a conference belongs to this add-on (see :func:`solution_named`,
    or :meth:`Manifest.owns`). ``known`` maps the event IDs the add-on has conferences for to
    their conference IDs: it lets cancelled events (which arrive without conference data) and
    events whose conference was removed be recognised. Events of other solutions, events
    without conference data and Google's own conference types are ignored.

    A malformed event becomes a problem, never an exception, and the batch goes on: one that
    is not an object, has no string id, holds something that is not JSON (a non-string key,
    a set, an object inside itself), or whose conference data cannot be read even leniently.
    Each event is read from a plain copy made without running any of its code (subclasses of
    ``dict``, ``list`` and ``str`` as their base types), so its methods cannot raise either.
    At most 100 problems of one code are listed, then one that counts the rest. Wrong
    arguments (``events`` not an iterable of events, ``is_ours`` not callable, ``known``
    not a mapping) raise :class:`ValidationError`.
    """
    _check_arguments(events, is_ours, known)
    known_ids: Mapping[str, str] = known if known is not None else {}
    changes: list[Change] = []
    sink = Sink()
    for index, raw in enumerate(events):
        change = _change(raw, pointer("", index), sink, is_ours, known_ids)
        if change is not None:
            changes.append(change)
    return SyncResult(tuple(changes), tuple(sink.finish()))


def if_match_headers(etag: str | None) -> dict[str, str]:
    """Headers that make a write succeed only if the event is unchanged since it was read:
    ``request.headers.update(if_match_headers(update.etag))`` before ``execute()``."""
    value: object = etag
    if value is None:
        return {}
    if not isinstance(value, str) or not value:
        raise single("type", "/etag", f"etag must be a non-empty string (got {show(value)})")
    return {"If-Match": str.__str__(value)}
