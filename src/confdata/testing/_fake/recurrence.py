"""Event times, and the instances of recurring events as far as the fake expands them.

The fake expands one ``RRULE`` with ``FREQ=DAILY`` or ``FREQ=WEEKLY``, an optional
``INTERVAL`` and a ``COUNT`` or ``UNTIL`` (RFC 5545): enough for a recurring event's
conference, which every instance shares. Any other rule answers 501 instead of a wrong list.
Instance IDs follow Google's form, ``<eventId>_<UTC start as YYYYMMDDTHHMMSSZ>`` (or
``<eventId>_<YYYYMMDD>`` for all-day events).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import attrs

from .errors import bad_request, not_implemented

__all__ = ["MAX_INSTANCES", "Instance", "Moment", "expand", "moment", "parse_rfc3339"]

MAX_INSTANCES = 2500
"""The most instances the fake expands one series into."""


@attrs.frozen
class Moment:
    """An event time read: the aware instant, and how to write instants in the same style."""

    at: dt.datetime
    all_day: bool
    zone: str | None
    naive: bool
    utc_z: bool

    def shifted(self, delta: dt.timedelta) -> Moment:
        """The same style of time, ``delta`` later (wall-clock days in a named time zone)."""
        return attrs.evolve(self, at=self.at + delta)

    def to_json(self) -> dict[str, str]:
        """The time as the API writes it, in the style it was read."""
        if self.all_day:
            return {"date": self.at.date().isoformat()}
        value = self.at.replace(tzinfo=None).isoformat() if self.naive else self.at.isoformat()
        if self.utc_z and value.endswith("+00:00"):
            value = value[: -len("+00:00")] + "Z"
        out = {"dateTime": value}
        if self.zone is not None:
            out["timeZone"] = self.zone
        return out

    def stamp(self) -> str:
        """The suffix of an instance ID starting at this time."""
        if self.all_day:
            return self.at.strftime("%Y%m%d")
        return self.at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_rfc3339(text: str) -> dt.datetime | None:
    """An RFC 3339 timestamp with its offset (``Z`` included), or None."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def moment(value: object, name: str) -> Moment:
    """Read an event's ``start`` or ``end``; a malformed one answers 400 naming it."""
    invalid = bad_request(f"Invalid {name} time.")
    if not isinstance(value, dict):
        raise bad_request(f"Missing {name} time.", reason="required")
    zone = value.get("timeZone")
    if zone is not None and not isinstance(zone, str):
        raise invalid
    if "date" in value and "dateTime" not in value:
        try:
            day = dt.date.fromisoformat(value["date"])
        except (TypeError, ValueError):
            raise invalid from None
        # The fake's calendars are in UTC: an all-day event spans that day in UTC.
        return Moment(
            dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), True, None, False, False
        )
    text = value.get("dateTime")
    if not isinstance(text, str):
        raise bad_request(f"Missing {name} time.", reason="required")
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise invalid from None
    naive = at.tzinfo is None
    if naive:
        if zone is None:
            raise invalid  # a time without an offset needs a time zone
        try:
            at = at.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise invalid from None
    return Moment(at, False, zone, naive, text.endswith(("Z", "z")))


@attrs.frozen
class Instance:
    """One occurrence of a series: its ID, times, and the original start that names it."""

    id: str
    start: Moment
    end: Moment


_STEP = {"DAILY": dt.timedelta(days=1), "WEEKLY": dt.timedelta(weeks=1)}


def _rule(recurrence: object) -> tuple[dt.timedelta, int, dt.datetime | None]:
    lines = (
        [line for line in recurrence if isinstance(line, str)]
        if isinstance(recurrence, list)
        else []
    )
    if len(lines) != 1 or not lines[0].upper().startswith("RRULE:"):
        raise not_implemented("recurrence other than a single RRULE (no RDATE or EXDATE)")
    parts: dict[str, str] = {}
    for part in lines[0][len("RRULE:") :].split(";"):
        name, sep, value = part.partition("=")
        if not sep:
            raise bad_request("Invalid recurrence rule.")
        parts[name.upper()] = value.upper()
    unknown = sorted(set(parts) - {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"})
    if unknown or parts.get("FREQ") not in _STEP:
        raise not_implemented("RRULE parts other than FREQ=DAILY|WEEKLY, INTERVAL, COUNT, UNTIL")
    try:
        interval = int(parts.get("INTERVAL", "1"))
        count = int(parts["COUNT"]) if "COUNT" in parts else None
        until = _until(parts["UNTIL"]) if "UNTIL" in parts else None
    except ValueError:
        raise bad_request("Invalid recurrence rule.") from None
    if interval < 1 or (count is not None and count < 1):
        raise bad_request("Invalid recurrence rule.")
    if count is None and until is None:
        raise not_implemented("an RRULE without COUNT or UNTIL (an endless series)")
    if count is not None and count > MAX_INSTANCES:
        raise not_implemented(f"series of more than {MAX_INSTANCES:,} instances")
    return _STEP[parts["FREQ"]] * interval, count or MAX_INSTANCES + 1, until


def _until(text: str) -> dt.datetime:
    if len(text) == 8:
        day = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        return dt.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=dt.UTC)
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)


def expand(event: dict[str, Any]) -> list[Instance]:
    """The instances of a recurring event, in order (raises 400 or 501 answers)."""
    step, count, until = _rule(event.get("recurrence"))
    start = moment(event.get("start"), "start")
    end = moment(event.get("end"), "end")
    length = end.at - start.at
    out: list[Instance] = []
    for index in range(count):
        begins = start.shifted(step * index)
        if until is not None and begins.at > until:
            break
        if index >= MAX_INSTANCES:
            raise not_implemented(f"series of more than {MAX_INSTANCES:,} instances")
        out.append(Instance(f"{event['id']}_{begins.stamp()}", begins, begins.shifted(length)))
    return out
