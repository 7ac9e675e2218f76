"""Event times: reading ``start``, ``end`` and the query's bounds as the Calendar API takes them,
and writing them as it answers.

What the discovery document says of ``EventDateTime`` [S3]: ``date`` for an all-day event,
``dateTime`` "formatted according to RFC3339", where "a time zone offset is required unless a
time zone is explicitly specified in timeZone", and ``timeZone`` "formatted as an IANA Time Zone
Database name". Answers write every ``dateTime`` with its offset, in the zone the ``timeZone``
query parameter names, else the calendar's ("The default is the time zone of the calendar").

A time the fake stores is canonical: ``{"dateTime": "<UTC>Z"}`` or ``{"date": …}``, with the
``timeZone`` given; seconds are kept, fractions dropped (instance IDs count in seconds).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

import attrs

from ..._core.foreign import exact_str, member
from .errors import ApiError, bad_request, required

__all__ = [
    "EARLIEST",
    "LATEST",
    "ZONES",
    "Moment",
    "clamp",
    "format_instant",
    "parse_instant",
    "read_moment",
    "stored_moment",
    "zone",
]

# The zones tzdata names, read once: a name is looked up in this set before ZoneInfo opens a
# file, so a directory ("Europe") or a 300-letter name is an unknown zone, never an OSError.
ZONES = frozenset(zoneinfo.available_timezones()) - {"localtime", "Factory"}

UTC = dt.UTC
EARLIEST = dt.datetime(1, 1, 2, tzinfo=UTC)
"""The earliest instant the fake stores: a day inside Python's range, so that rendering it in
any zone cannot overflow."""
LATEST = dt.datetime(9999, 12, 30, 23, 59, 59, tzinfo=UTC)
"""The latest instant the fake stores (see EARLIEST)."""

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})?", re.ASCII
)


def zone(name: object) -> zoneinfo.ZoneInfo | None:
    """The IANA zone of that name, or None for anything else."""
    text = exact_str(name)
    if text is None or text not in ZONES:
        return None
    return zoneinfo.ZoneInfo(text)


def clamp(value: dt.datetime) -> dt.datetime:
    """An aware instant within EARLIEST..LATEST."""
    return min(max(value, EARLIEST), LATEST)


def _date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _date_time(text: str) -> tuple[dt.datetime, bool] | None:
    """An RFC 3339 date-time (seconds; a fraction is dropped) and whether it had an offset."""
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        return None
    offset = match[3]
    iso = f"{match[1]}T{match[2]}{'+00:00' if offset in ('Z', 'z') else offset or ''}"
    try:
        value = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return value, offset is not None


def _in_range(value: dt.datetime) -> dt.datetime | None:
    """``value`` in UTC, or None when it is outside EARLIEST..LATEST."""
    try:
        instant = value.astimezone(UTC)
    except OverflowError:
        return None
    return instant if EARLIEST <= instant <= LATEST else None


def parse_instant(text: object) -> dt.datetime | None:
    """A query bound (``timeMin``, ``timeMax``, ``updatedMin``): an RFC 3339 timestamp with
    its offset, as UTC; None for anything else."""
    string = exact_str(text)
    read = None if string is None else _date_time(string)
    if read is None or not read[1]:
        return None
    return _in_range(read[0])


def format_instant(instant: dt.datetime, where: zoneinfo.ZoneInfo | None = None) -> str:
    """An instant as the API writes it: RFC 3339 to the second, ``Z`` for UTC, else the offset
    of ``where`` (UTC when that offset has seconds, which RFC 3339 cannot write)."""
    local = instant.astimezone(UTC if where is None else where)
    offset = local.utcoffset() or dt.timedelta(0)
    if offset.seconds % 60 or offset.microseconds:
        local, offset = instant.astimezone(UTC), dt.timedelta(0)
    text = local.replace(tzinfo=None).isoformat(timespec="seconds")
    if not offset:
        return f"{text}Z"
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(offset) // dt.timedelta(minutes=1)
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@attrs.frozen
class Moment:
    """An event time read: an instant (timed) or a day (all-day), and the ``timeZone`` given."""

    at: dt.datetime | None
    day: dt.date | None
    zone: str | None

    def instant(self, calendar_zone: zoneinfo.ZoneInfo) -> dt.datetime:
        """The instant, for comparisons; an all-day time starts at midnight in the calendar's
        zone (the fake's decision: Google does not say where a day begins for a filter)."""
        if self.at is not None:
            return self.at
        assert self.day is not None
        midnight = dt.datetime(self.day.year, self.day.month, self.day.day, tzinfo=calendar_zone)
        try:
            return clamp(midnight.astimezone(UTC))
        except OverflowError:
            return EARLIEST if self.day.year == 1 else LATEST

    def to_json(self) -> dict[str, str]:
        """The canonical stored form."""
        out = (
            {"date": self.day.isoformat()}
            if self.day is not None
            else {"dateTime": format_instant(self.at or EARLIEST)}
        )
        if self.zone is not None:
            out["timeZone"] = self.zone
        return out

    def render(self, where: zoneinfo.ZoneInfo) -> dict[str, str]:
        """The time as an answer shows it: a ``dateTime`` with the offset of ``where``."""
        out = (
            {"date": self.day.isoformat()}
            if self.day is not None
            else {"dateTime": format_instant(self.at or EARLIEST, where)}
        )
        if self.zone is not None:
            out["timeZone"] = self.zone
        return out

    def stamp(self) -> str:
        """The suffix of the ID of an instance that starts here: ``20261207T100000Z`` (the
        start in basic UTC form) or ``20261207`` for an all-day instance."""
        if self.day is not None:
            return f"{self.day.year:04d}{self.day:%m%d}"
        at = self.at or EARLIEST
        return f"{at.year:04d}{at:%m%dT%H%M%S}Z"


def read_moment(value: object, name: str) -> Moment:
    """Read an event's ``start`` or ``end`` (plain JSON from a body or the store); a missing
    or malformed one raises the API's 400 answer, in Google's words where they are known."""
    if value is None:
        raise required(f"Missing {name} time.")
    zone_name = member(value, "timeZone")
    if zone_name is not None and zone(zone_name) is None:
        # Google's message for an unknown zone (derekantrican/GAS-ICS-Sync#305).
        raise bad_request(f"Invalid time zone definition for {name} time.")
    zone_text = exact_str(zone_name)
    day_text, time_text = member(value, "date"), member(value, "dateTime")
    invalid = bad_request(f"Invalid {name} time.")
    if day_text is not None and time_text is not None:
        raise bad_request(
            f"Invalid {name} time.", detail=f"{name} has both date and dateTime: give one"
        )
    if day_text is not None:
        text = exact_str(day_text)
        day = None if text is None else _date(text)
        if day is None:
            raise invalid
        return Moment(None, day, zone_text)
    text = exact_str(time_text)
    if text is None:
        raise required(f"Missing {name} time.")
    read = _date_time(text)
    if read is None:
        raise invalid
    local, has_offset = read
    if not has_offset:
        where = zone(zone_name)
        if where is None:
            # "A time zone offset is required unless a time zone is explicitly specified".
            raise required(f"Missing time zone definition for {name} time.")
        local = local.replace(tzinfo=where)
    instant = _in_range(local)
    if instant is None:
        raise bad_request(
            f"Invalid {name} time.",
            detail=f"{name} must lie between {EARLIEST.date()} and {LATEST.date()}",
        )
    return Moment(instant, None, zone_text)


def stored_moment(value: Any, name: str) -> Moment:
    """A time the store holds (always valid: it was read with :func:`read_moment`)."""
    try:
        return read_moment(value, name)
    except ApiError:  # pragma: no cover - the store holds only times that were read
        raise AssertionError(f"the store holds an invalid {name} time") from None
