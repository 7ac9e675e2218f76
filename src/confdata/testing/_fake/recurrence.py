"""The instances of a recurring event, expanded by python-dateutil's ``rrule``/``rruleset``.

``Event.recurrence`` is a "list of RRULE, EXRULE, RDATE and EXDATE lines for a recurring event,
as specified in RFC5545", without DTSTART or DTEND lines; ``start.timeZone`` "for recurring
events ... is required and specifies the time zone in which the recurrence is expanded" [S3].
The rules themselves are dateutil's to expand: this module only reads the lines, puts their
date values in the series' zone (a date-only ``UNTIL`` on a timed series becomes the end of that
day there, RFC 5545 wants UTC), and bounds the work:

- a series is scanned from its start; past ``MAX_SCAN`` occurrences the fake answers 501;
- an endless series (an RRULE without COUNT or UNTIL) listed without ``timeMax`` shows at most
  ``ENDLESS`` instances, as users report Google does (KeepSoftwareSimple/compass-calendar#797);
- occurrences past the year 9999 end the series (Python's dates end there).

Instance IDs follow Google's form, ``<eventId>_<start in basic UTC form>``
(``abc_20261207T100000Z``), or ``<eventId>_<YYYYMMDD>`` for all-day events.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterator, Sequence

import attrs

try:
    from dateutil import rrule
except ModuleNotFoundError as error:  # pragma: no cover - the testing extra brings it
    raise ModuleNotFoundError(
        "FakeCalendar expands recurring events with python-dateutil: install confdata's "
        "testing extra (confdata[testing])",
        name=error.name,
    ) from error

from ..._core.foreign import exact_str
from .errors import bad_request, not_implemented, required
from .times import LATEST, UTC, Moment, zone

__all__ = ["ENDLESS", "MAX_SCAN", "Instance", "Series", "parse_stamp"]

MAX_SCAN = 20_000
"""The most occurrences of one series the fake looks at to answer one request."""
ENDLESS = 730
"""The most instances an endless series shows in a list that has no ``timeMax``."""

# dateutil's parser and iterator raise these for rules it cannot read or run.
_DATEUTIL_ERRORS = (ValueError, TypeError, OverflowError, IndexError, KeyError)
_VALUE = re.compile(r"(\d{8})(?:T(\d{6})(Z?))?", re.IGNORECASE | re.ASCII)


def _invalid(detail: str) -> Exception:
    # Google's message for a rule it refuses (openclaw/gogcli#347).
    return bad_request("Invalid recurrence rule.", detail=detail)


@attrs.frozen
class Instance:
    """One occurrence of a series: its series' ID and its times (its start is its original
    start)."""

    event_id: str
    start: Moment
    end: Moment

    @property
    def id(self) -> str:
        """The instance's ID: ``<eventId>_<start stamp>``."""
        return f"{self.event_id}_{self.start.stamp()}"


def parse_stamp(suffix: str) -> dt.datetime | dt.date | None:
    """The start an instance ID's suffix names: an aware UTC instant, a date, or None."""
    match = _VALUE.fullmatch(suffix)
    if match is None or match[1] is None:
        return None
    try:
        day = dt.datetime.strptime(match[1], "%Y%m%d").date()
        if match[2] is None:
            return day
        if not match[3]:
            return None
        clock = dt.datetime.strptime(match[2], "%H%M%S").time()
    except ValueError:
        return None
    return dt.datetime.combine(day, clock, tzinfo=UTC)


@attrs.frozen
class _Frame:
    """Where a series is expanded: its first start as dateutil takes it, and its zone."""

    dtstart: dt.datetime
    where: zoneinfo.ZoneInfo | None  # None for an all-day series (naive datetimes)

    def value(self, text: str, tzid: str | None) -> dt.datetime:
        """An RDATE/EXDATE/UNTIL value in this frame."""
        match = _VALUE.fullmatch(text)
        if match is None:
            raise _invalid(f"{text!r} is not a date or date-time of RFC 5545")
        try:
            day = dt.datetime.strptime(match[1], "%Y%m%d")
            clock = (
                dt.datetime.strptime(match[2], "%H%M%S").time()
                if match[2] is not None
                else self.dtstart.time()
            )
        except ValueError:
            raise _invalid(f"{text!r} is not a date or date-time of RFC 5545") from None
        if self.where is None:  # all-day: only the date counts
            return day
        if match[3]:
            local_zone: dt.tzinfo = UTC
        elif tzid is not None:
            named = zone(tzid)
            if named is None:
                raise _invalid(f"unknown TZID {tzid!r}")
            local_zone = named
        else:
            local_zone = self.where
        return dt.datetime.combine(day.date(), clock, tzinfo=local_zone)

    def until(self, text: str) -> str:
        """An UNTIL value as dateutil takes it for this frame: UTC (``…Z``) for a timed
        series, naive for an all-day one; a date-only UNTIL on a timed series means the end
        of that day in the series' zone."""
        match = _VALUE.fullmatch(text)
        if match is None:
            raise _invalid(f"UNTIL={text!r} is not a date or date-time of RFC 5545")
        if self.where is None:
            return f"{match[1]}T{match[2] or '235959'}"
        if match[2] is None:
            text = f"{match[1]}T235959"
        value = self.value(text, None)
        try:
            return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        except (OverflowError, ValueError):
            raise _invalid(f"UNTIL={text!r} is out of range") from None


def _rule(line: str, value: str, frame: _Frame) -> tuple[rrule.rrule, bool]:
    """One RRULE or EXRULE, and whether it ends (COUNT or UNTIL)."""
    parts: list[str] = []
    ends = False
    for part in value.split(";"):
        name, sep, text = part.partition("=")
        name = name.strip().upper()
        if not sep or not name:
            raise _invalid(f"{line!r}: {part!r} is not NAME=VALUE")
        if name == "UNTIL":
            text = frame.until(text.strip())
        ends = ends or name in ("COUNT", "UNTIL")
        parts.append(f"{name}={text}")
    try:
        rule = rrule.rrulestr(f"RRULE:{';'.join(parts)}", dtstart=frame.dtstart)
    except _DATEUTIL_ERRORS as error:
        raise _invalid(f"{line!r}: {error}") from None
    assert isinstance(rule, rrule.rrule)
    return rule, ends


def _parameters(params: Sequence[str], line: str) -> str | None:
    """The TZID of an RDATE/EXDATE line; VALUE=PERIOD is not implemented."""
    tzid = None
    for param in params:
        name, _, text = param.partition("=")
        name = name.upper()
        if name == "TZID":
            tzid = text
        elif name == "VALUE" and text.upper() == "PERIOD":
            raise not_implemented("RDATE values of type PERIOD")
        elif name != "VALUE" or text.upper() not in ("DATE", "DATE-TIME"):
            raise _invalid(f"{line!r}: unknown parameter {param!r}")
    return tzid


class Series:
    """The occurrences of one recurring event."""

    def __init__(self, event_id: str, recurrence: object, start: Moment, end: Moment) -> None:
        self.event_id = event_id
        self.start, self.end = start, end
        if start.day is not None:
            self.frame = _Frame(dt.datetime(start.day.year, start.day.month, start.day.day), None)
            self.length: dt.timedelta = (
                dt.timedelta(days=(end.day - start.day).days)
                if end.day is not None
                else dt.timedelta(days=1)
            )
        else:
            where = zone(start.zone)
            if where is None or start.at is None:
                raise required("Missing time zone definition for start time.")
            self.frame = _Frame(start.at.astimezone(where), where)
            self.length = (end.at or start.at) - start.at
        self.rules, self.endless = self._build(recurrence)

    def _build(self, recurrence: object) -> tuple[rrule.rruleset, bool]:
        lines = recurrence if type(recurrence) is list else None
        if lines is None:
            raise _invalid("recurrence must be a list of RFC 5545 lines")
        rules = rrule.rruleset()
        endless = produces = ruled = False
        for raw in lines:
            line = exact_str(raw)
            if line is None:
                raise _invalid("each recurrence line is a string")
            head, sep, value = line.strip().partition(":")
            params = head.split(";")
            name = params[0].upper()
            if not sep:
                raise _invalid(f"{line!r} is not an RFC 5545 line")
            if name in ("RRULE", "EXRULE"):
                if len(params) > 1:
                    raise _invalid(f"{line!r}: {name} takes no parameters")
                rule, ends = _rule(line, value, self.frame)
                if name == "RRULE":
                    rules.rrule(rule)
                    produces = ruled = True
                    endless = endless or not ends
                else:
                    rules.exrule(rule)
            elif name in ("RDATE", "EXDATE"):
                tzid = _parameters(params[1:], line)
                for text in value.split(","):
                    moment = self.frame.value(text.strip(), tzid)
                    (rules.rdate if name == "RDATE" else rules.exdate)(moment)
                produces = produces or name == "RDATE"
            else:
                # "DTSTART and DTEND lines are not allowed in this field" [S3].
                raise _invalid(f"{name} lines are not allowed in recurrence")
        if not produces:
            raise _invalid("recurrence needs an RRULE or an RDATE line")
        if not ruled:
            rules.rdate(self.frame.dtstart)  # RDATEs alone: the event itself is the first
        try:
            next(iter(rules), None)  # dateutil reads some parts only when it runs the rule
        except _DATEUTIL_ERRORS as error:
            raise _invalid(str(error)) from None
        return rules, endless

    def _instance(self, occurrence: dt.datetime) -> Instance | None:
        """The instance starting at ``occurrence``; None past the end of Python's dates."""
        try:
            if self.frame.where is None:
                first = occurrence.date()
                last = first + self.length
                start = Moment(None, first, self.start.zone)
                end = Moment(None, last, self.end.zone)
            else:
                at = occurrence.astimezone(UTC)
                if at > LATEST or at + self.length > LATEST:
                    return None
                start = Moment(at, None, self.start.zone)
                end = Moment(at + self.length, None, self.end.zone)
        except OverflowError:
            return None
        return Instance(self.event_id, start, end)

    def _scan(self) -> Iterator[dt.datetime]:
        """dateutil's occurrences in order, counted: 501 past MAX_SCAN."""
        scanned = 0
        iterator = iter(self.rules)
        while True:
            try:
                occurrence = next(iterator, None)
            except _DATEUTIL_ERRORS:
                return  # dateutil ran out of representable dates
            if occurrence is None:
                return
            scanned += 1
            if scanned > MAX_SCAN:
                raise not_implemented(
                    f"looking at more than {MAX_SCAN:,} occurrences of one recurring event"
                )
            yield occurrence

    def _ends_before(self, occurrence: dt.datetime, instant: dt.datetime) -> bool:
        """Whether the instance at ``occurrence`` surely ends before ``instant`` (all-day
        instances with a day to spare, whatever the calendar's zone)."""
        try:
            if self.frame.where is None:
                margin = instant.date() - dt.timedelta(days=1)
                return occurrence.date() + self.length < margin
            return occurrence + self.length < instant
        except OverflowError:
            return False

    def occurrences(self, after: dt.datetime | None = None) -> Iterator[Instance]:
        """The instances in order of start, from the first that may end at ``after`` or
        later (all of them without it)."""
        for occurrence in self._scan():
            if after is not None and self._ends_before(occurrence, after):
                continue
            instance = self._instance(occurrence)
            if instance is None:
                return
            yield instance

    def find(self, suffix: str) -> Instance | None:
        """The instance an instance ID's suffix names, if the series has it."""
        wanted = parse_stamp(suffix)
        if wanted is None or isinstance(wanted, dt.datetime) != (self.frame.where is not None):
            return None
        key = suffix.upper()
        after = wanted if isinstance(wanted, dt.datetime) else None
        for instance in self.occurrences(after):
            stamp = instance.start.stamp()
            if stamp == key:
                return instance
            if stamp > key:  # basic-form stamps of one kind sort as their times do
                return None
        return None
