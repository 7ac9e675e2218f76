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
resync is needed (HTTP 410); :func:`if_match_headers` makes a write conditional on the etag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from ._enums import SolutionType
from ._problems import Problem, ValidationError
from ._sink import Sink, single
from ._text import describe_type, show
from .model import ConferenceData, ConferenceParameter

__all__ = [
    "ConferenceDeleted",
    "ConferenceReleased",
    "ConferenceUpdated",
    "EventTime",
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
    date_time: str | None = None
    time_zone: str | None = None

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


@attrs.frozen
class ConferenceReleased:
    """The event no longer carries this add-on's conference: release it."""

    event_id: str
    conference_id: str | None
    replaced_by: str | None = None
    """The solution type that replaced it (``hangoutsMeet``…), None when simply removed."""
    etag: str | None = None


@attrs.frozen
class ConferenceUpdated:
    """The event still carries the conference: what the conferencing system mirrors."""

    event_id: str
    conference_id: str | None
    conference: ConferenceData
    parameters: tuple[ConferenceParameter, ...]
    start: EventTime | None
    end: EventTime | None
    summary: str | None
    attendees: tuple[str, ...]
    """E-mail addresses of the attendees who have not declined, in the event's order."""
    recurrence: tuple[str, ...]
    recurring_event_id: str | None
    etag: str | None


Change = ConferenceDeleted | ConferenceReleased | ConferenceUpdated


@attrs.frozen
class SyncResult:
    """The records of one batch of events, and the events that could not be read."""

    changes: tuple[Change, ...]
    problems: tuple[Problem, ...] = ()


def solution_named(name: str) -> IsOurs:
    """Conferences whose solution key is ``addOn`` and whose solution name is ``name``."""

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
        date=value.get("date") if isinstance(value.get("date"), str) else None,
        date_time=value.get("dateTime") if isinstance(value.get("dateTime"), str) else None,
        time_zone=value.get("timeZone") if isinstance(value.get("timeZone"), str) else None,
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


def _check_callable(out: Sink, value: object, name: str) -> None:
    """Report an argument that should be a function (a usage error, at the root)."""
    if not callable(value):
        out.report("type", "", f"{name} must be callable (got {describe_type(value)})")


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
    without conference data and Google's own conference types are ignored. A malformed event
    becomes a problem, never an exception; conference data is read leniently.
    """
    out = Sink()
    _check_callable(out, is_ours, "is_ours")
    out.raise_errors()
    known = known if isinstance(known, Mapping) else {}
    changes: list[Change] = []
    problems = Sink()
    for index, event in enumerate(events):
        path = f"/{index}"
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            problems.report(
                "type",
                path,
                f"an event must be an object with a string id (got {describe_type(event)})",
            )
            continue
        event_id: str = event["id"]
        recurring = _optional_str(event, "recurringEventId")
        raw = event.get("conferenceData")
        data: ConferenceData | None = None
        if raw is not None:
            try:
                data = ConferenceData.from_calendar_json(raw, lenient=True)
            except ValidationError as error:
                problems.extend(error.problems, f"{path}/conferenceData")
                continue
        ours = data is not None and bool(is_ours(data))
        if event.get("status") == "cancelled":
            if ours or event_id in known:
                conference_id = data.conference_id if ours and data else known.get(event_id)
                changes.append(ConferenceDeleted(event_id, conference_id, recurring))
            continue
        if ours:
            assert data is not None
            changes.append(
                ConferenceUpdated(
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
            )
        elif event_id in known:
            replaced = None
            if data is not None and data.conference_solution is not None:
                key = data.conference_solution.key_type
                replaced = key.value if isinstance(key, SolutionType) else key
            elif data is not None and data.create_request is not None:
                key = data.create_request.solution_type
                replaced = key.value if isinstance(key, SolutionType) else key
            changes.append(
                ConferenceReleased(
                    event_id, known[event_id], replaced, _optional_str(event, "etag")
                )
            )
    return SyncResult(tuple(changes), tuple(problems.finish()))


@attrs.frozen
class SyncRun:
    """The events of one sync, the token for the next one, and whether to start over."""

    events: tuple[dict[str, Any], ...]
    next_sync_token: str | None
    full_resync_needed: bool = False


def _status(error: BaseException) -> int | None:
    # google-api-python-client's HttpError carries resp.status; others often status_code.
    response = getattr(error, "resp", None)
    for candidate in (
        getattr(response, "status", None),
        getattr(error, "status_code", None),
        getattr(error, "status", None),
    ):
        try:
            return int(candidate) if candidate is not None else None
        except (TypeError, ValueError):
            continue
    return None


def sync_events(
    list_page: Callable[[dict[str, str]], Mapping[str, Any]],
    sync_token: str | None = None,
) -> SyncRun:
    """Page through ``events.list`` from ``sync_token`` (a full sync when None).

    ``list_page(arguments)`` performs one call with the extra keyword ``arguments``
    (``pageToken``, ``syncToken``) and returns the response, for instance
    ``lambda args: service.events().list(calendarId="primary", **args).execute()``. When the
    API answers 410 Gone (the sync token is no longer valid), the run says
    ``full_resync_needed``: drop stored state and sync again without a token. A
    ``list_page`` that is not callable or a ``sync_token`` that is not a non-empty string
    raises :class:`ValidationError` before any call.
    """
    out = Sink()
    _check_callable(out, list_page, "list_page")
    token_given: object = sync_token
    if token_given is not None and (not isinstance(token_given, str) or not token_given):
        out.report(
            "type",
            "",
            f"sync_token must be a non-empty string or None (got {show(token_given)})",
        )
    out.raise_errors()
    events: list[dict[str, Any]] = []
    page_token: str | None = None
    while True:
        arguments: dict[str, str] = {}
        if sync_token is not None:
            arguments["syncToken"] = sync_token
        if page_token is not None:
            arguments["pageToken"] = page_token
        try:
            page = list_page(arguments)
        except Exception as error:
            if _status(error) == 410:
                return SyncRun((), None, full_resync_needed=True)
            raise
        if not isinstance(page, Mapping):
            out.report("type", "", f"an events.list page must be an object (got {show(page)})")
            out.raise_errors()
        items = page.get("items", [])
        if isinstance(items, list):
            events.extend(item for item in items if isinstance(item, dict))
        next_page = page.get("nextPageToken")
        if isinstance(next_page, str) and next_page:
            page_token = next_page
            continue
        token = page.get("nextSyncToken")
        return SyncRun(tuple(events), token if isinstance(token, str) else None)


def if_match_headers(etag: str | None) -> dict[str, str]:
    """Headers that make a write succeed only if the event is unchanged since it was read:
    ``request.headers.update(if_match_headers(update.etag))`` before ``execute()``."""
    value: object = etag
    if value is None:
        return {}
    if not isinstance(value, str) or not value:
        raise single("type", "/etag", f"etag must be a non-empty string (got {show(etag)})")
    return {"If-Match": value}
