"""The records of a sync: one per change that concerns a conference (see :mod:`confdata.sync`).

Each says what the conferencing system has to do, and carries the IDs it needs as plain
strings, so that ``known[record.event_id] = record.conference_id`` type-checks as it is.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from .._core.problems import Problem
from .._core.values import ConferenceData, ConferenceParameter

__all__ = [
    "Change",
    "ConferenceDeleted",
    "ConferenceReleased",
    "ConferenceUnlisted",
    "ConferenceUpdated",
    "EventTime",
    "OccurrenceCancelled",
    "SyncResult",
]


def _moment(text: str) -> datetime | None:
    """An RFC 3339 time with its offset as a moment, or None when it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


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

    def same_time(self, other: EventTime) -> bool:
        """True when both name the same day, or the same moment however it is written
        (``10:00:00+01:00`` and ``09:00:00Z`` are one moment)."""
        if self.date_time is not None and other.date_time is not None:
            mine, theirs = _moment(self.date_time), _moment(other.date_time)
            if mine is not None and theirs is not None:
                return mine == theirs
            return self.date_time == other.date_time
        return (self.date, self.date_time) == (other.date, other.date_time)


@attrs.frozen
class ConferenceUpdated:
    """The event carries the conference: what the conferencing system mirrors.

    For one occurrence of a series (an exception Calendar lists apart, or an instance when
    the list expands series), ``recurring_event_id`` names the series and ``original_start``
    the occurrence; :attr:`moved` says whether it starts at another time now.
    """

    event_id: str
    """The event's ID (an occurrence's own ID, ``<series>_<start>``)."""
    conference_id: str
    """The conference's ID."""
    conference: ConferenceData
    """The conference data, read leniently (nothing Google added is lost)."""
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
    """The series' RRULE, EXRULE, RDATE and EXDATE lines (on the series itself)."""
    recurring_event_id: str | None
    """The series' ID when the event is one occurrence of it."""
    etag: str | None
    """The event's etag, for a conditional write."""
    original_start: EventTime | None = None
    """For an occurrence: when it starts by the series' rule (Google's ``originalStartTime``,
    which "uniquely identifies the instance within the recurring event series even if the
    instance was moved to a different time")."""

    @property
    def moved(self) -> bool:
        """True for an occurrence that now starts at another time than its series says."""
        return (
            self.original_start is not None
            and self.start is not None
            and not self.start.same_time(self.original_start)
        )


@attrs.frozen
class ConferenceDeleted:
    """The event (a single event or a whole series) was deleted: delete the conference."""

    event_id: str
    """The event's ID."""
    conference_id: str
    """The conference to delete (from ``known``, or from the event's own data)."""


@attrs.frozen
class OccurrenceCancelled:
    """One occurrence of a series was cancelled; the series and its conference go on.

    Google sends it as an exception of the series with ``status: "cancelled"``,
    ``recurringEventId`` and ``originalStartTime`` (often nothing else). Take the occurrence
    out of the conference's schedule; do not delete the conference.
    """

    event_id: str
    """The occurrence's own ID."""
    recurring_event_id: str
    """The series' ID."""
    conference_id: str
    """The conference of the occurrence (the series' unless it had its own)."""
    original_start: EventTime | None
    """Which occurrence: when it started by the series' rule."""


@attrs.frozen
class ConferenceReleased:
    """The event no longer carries this conference: it was removed, or replaced by another
    (Google Meet, another add-on, or a new conference of your own). Release it.

    For an occurrence of a series, only that occurrence dropped it.
    """

    event_id: str
    """The event's ID."""
    conference_id: str
    """The ID of the conference to release (from ``known``)."""
    replaced_by: str | None = None
    """The solution type that replaced it (``hangoutsMeet``, ``addOn``…), None when simply
    removed."""
    etag: str | None = None
    """The event's etag, for a conditional write."""
    recurring_event_id: str | None = None
    """The series' ID when the event is one occurrence of it."""
    original_start: EventTime | None = None
    """For an occurrence: when it starts by the series' rule."""


@attrs.frozen
class ConferenceUnlisted:
    """A full sync did not list an event ``known`` holds.

    Calendar lists deleted events only for a while ("Such cancelled events will eventually
    disappear", ``Event.status`` [S3]), and a full sync from ``time_min`` leaves out events
    that ended before it. So the event was deleted long ago, or it is in the past: decide
    which your system needs. The sync state forgets it.
    """

    event_id: str
    """The event's ID."""
    conference_id: str
    """The conference ``known`` held for it."""


Change = (
    ConferenceUpdated
    | ConferenceDeleted
    | OccurrenceCancelled
    | ConferenceReleased
    | ConferenceUnlisted
)
"""Any record of a sync."""


@attrs.frozen
class SyncResult:
    """The records of one batch of events, and the events that could not be read (at most
    100 problems of one code, then one that counts the rest)."""

    changes: tuple[Change, ...]
    """One record per change that matters, in the order of the events."""
    problems: tuple[Problem, ...] = ()
    """The events that could not be read, at their index in ``events``."""
