"""The fake's ``events.list`` and ``events.instances``: pages, sync tokens, deleted events,
recurring series expanded.

What the discovery document says [S3], and the sync guide
(developers.google.com/workspace/calendar/api/guides/sync):

- a list pages with ``pageToken``; the last page carries ``nextSyncToken``, which a later list
  passes as ``syncToken`` to get "only entries that have changed since then";
- "All events deleted since the previous list request will always be in the result set";
  without ``showDeleted`` a deleted event shows only its ID (and, for an instance, its series
  and original start);
- ``syncToken`` cannot be combined with ``iCalUID``, ``orderBy``, ``privateExtendedProperty``,
  ``q``, ``sharedExtendedProperty``, ``timeMin``, ``timeMax`` or ``updatedMin``;
- "If the syncToken expires, the server will respond with a 410 GONE response code";
- ``singleEvents`` expands series into their instances; ``showDeleted`` with ``singleEvents``
  returns "only single instances of deleted events (but not the underlying recurring events)".

New entries appearing while a client pages "won't be missed": a query's sync token counts
from the change it saw when its first page was made, so a change during paging comes again in
the next sync rather than never.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Mapping
from typing import Any

from ..._core.foreign import exact_str, member
from .errors import bad_request, full_sync_required, not_found, not_implemented, time_range_empty
from .events import Answer, EventsService, Request, Target
from .recurrence import ENDLESS
from .resource import is_series, render, render_zone, stub
from .store import Calendar, Cursor, Entry, Record
from .times import LATEST, parse_instant, stored_moment

__all__ = ["Listing"]

NOT_WITH_SYNC_TOKEN = (
    "iCalUID",
    "orderBy",
    "privateExtendedProperty",
    "q",
    "sharedExtendedProperty",
    "timeMin",
    "timeMax",
    "updatedMin",
)
DEFAULT_PAGE = 250  # "By default the value is 250 events"
MAX_PAGE = 2500  # "The page size can never be larger than 2500 events"
# Parameters that may differ between the pages of one query.
_PER_PAGE = frozenset({"pageToken", "maxResults"})

Window = tuple[dt.datetime | None, dt.datetime | None]


def _bound(query: Mapping[str, Any], name: str) -> dt.datetime | None:
    text = query.get(name)
    if text is None:
        return None
    value = parse_instant(text)
    if value is None:
        raise bad_request(
            f"Invalid value for {name}.",
            location=name,
            detail=f"{name} must be an RFC 3339 timestamp with its offset",
        )
    return value


def _window(query: Mapping[str, Any]) -> Window:
    low, high = _bound(query, "timeMin"), _bound(query, "timeMax")
    if low is not None and high is not None and low >= high:
        # "If timeMax is set, timeMin must be smaller than timeMax" [S3]: the errors page's
        # first error.
        raise time_range_empty()
    return low, high


def _constraints(query: Mapping[str, Any], name: str) -> list[tuple[str, str]]:
    """The ``propertyName=value`` constraints of an extended-property filter."""
    out = []
    for text in query.get(name) or ():
        key, sep, value = str(text).partition("=")
        if not sep or not key:
            raise bad_request(
                f"Invalid value for {name}.",
                location=name,
                detail=f"{name} takes propertyName=value",
            )
        out.append((key, value))
    return out


class Listing:
    """``events.list`` and ``events.instances`` over an :class:`EventsService`."""

    def __init__(self, events: EventsService) -> None:
        self.events = events
        self.store = events.store

    @property
    def handlers(self) -> dict[str, Callable[[Request], Answer]]:
        """The methods answered here, by their discovery-document IDs."""
        return {
            "calendar.events.list": self.list_events,
            "calendar.events.instances": self.instances,
        }

    # -- which events a query matches ---------------------------------------------------------

    @staticmethod
    def _visible(cancelled: bool, instance: bool, shown: bool, query: Mapping[str, Any]) -> bool:
        """Whether a (possibly cancelled) event is in the result; ``shown``: deleted events
        are always in it (an incremental sync, ``updatedMin``)."""
        if not cancelled or shown or query.get("showDeleted", False):
            return True
        # "Cancelled instances of recurring events (but not the underlying recurring event)
        # will still be included if showDeleted and singleEvents are both False" [S3].
        return instance and not query.get("singleEvents", False)

    def _occurrences(
        self,
        calendar: Calendar,
        record: Record,
        window: Window,
        where: zoneinfo.ZoneInfo,
        *,
        inclusive: bool,
    ) -> list[tuple[dt.datetime, Entry]]:
        """The instances of a series without a record of their own, in the window (an
        endless series without an upper bound: its first ENDLESS there)."""
        low, high = window
        series = self.events.series(record.event)
        limit = ENDLESS if series.endless and high is None else None
        out: list[tuple[dt.datetime, Entry]] = []
        seen = 0
        for instance in series.occurrences(low):
            start = instance.start.instant(where)
            if high is not None and start >= high:
                break
            end = instance.end.instant(where)
            if low is not None and (end < low if inclusive else end <= low):
                continue
            seen += 1
            key = instance.id
            if key not in calendar.records:  # an exception is listed on its own
                out.append((start, (key, instance)))
            if limit is not None and seen >= limit:
                break
        return out

    def _in_window(
        self, record: Record, window: Window, where: zoneinfo.ZoneInfo, *, inclusive: bool
    ) -> bool:
        low, high = window
        if low is None and high is None:
            return True
        event = record.event
        if is_series(event):  # a series matches when one of its instances does
            return bool(self._occurrences_window(record, window, where, inclusive=inclusive))
        start = stored_moment(event["start"], "start").instant(where)
        end = stored_moment(event["end"], "end").instant(where)
        if high is not None and start >= high:
            return False
        return low is None or (end >= low if inclusive else end > low)

    def _occurrences_window(
        self, record: Record, window: Window, where: zoneinfo.ZoneInfo, *, inclusive: bool
    ) -> bool:
        low, high = window
        for instance in self.events.series(record.event).occurrences(low):
            if high is not None and instance.start.instant(where) >= high:
                return False
            end = instance.end.instant(where)
            if low is None or (end >= low if inclusive else end > low):
                return True
        return False

    def _filtered(self, event: Mapping[str, Any], query: Mapping[str, Any]) -> bool:
        """Whether the query's filters of kind and properties let the event through."""
        ical = query.get("iCalUID")
        if ical is not None and event.get("iCalUID") != ical:
            return False
        kinds = query.get("eventTypes")
        if kinds and event.get("eventType", "default") not in kinds:
            return False
        for name, scope in (
            ("privateExtendedProperty", "private"),
            ("sharedExtendedProperty", "shared"),
        ):
            for key, value in _constraints(query, name):
                if exact_str(member(event, "extendedProperties", scope, key)) != value:
                    return False
        return True

    def matching(
        self,
        calendar: Calendar,
        since: int | None,
        query: Mapping[str, Any],
        where: zoneinfo.ZoneInfo,
    ) -> list[Entry]:
        """The entries a list query returns, in the API's stable order (with
        ``singleEvents``, by start)."""
        single = bool(query.get("singleEvents", False))
        window = _window(query)
        updated_min = _bound(query, "updatedMin")
        shown = since is not None or updated_min is not None
        found: list[tuple[dt.datetime, int, Entry]] = []
        for index, (key, record) in enumerate(calendar.records.items()):
            event = record.event
            if not self._filtered(event, query):
                continue
            if updated_min is not None and self._updated(event) < updated_min:
                continue
            cancelled = event.get("status") == "cancelled"
            if single and is_series(event):
                if since is not None and record.changed <= since:
                    continue
                if not self._visible(cancelled, True, shown, query):
                    continue
                for start, entry in self._occurrences(
                    calendar, record, window, where, inclusive=False
                ):
                    found.append((start, index, entry))
                continue
            if since is not None and record.changed <= since:
                continue
            if not self._visible(cancelled, "recurringEventId" in event, shown, query):
                continue
            if self._in_window(record, window, where, inclusive=False):
                start = stored_moment(event["start"], "start").instant(where)
                found.append((start, index, (key, None)))
        order = query.get("orderBy")
        if order == "startTime" and not single:
            raise bad_request("The requested ordering is not available for the particular query.")
        if single:
            found.sort(key=lambda item: (item[0], item[1]))
        if order == "updated":
            found.sort(key=lambda item: self._changed(calendar, item[2]))
        return [entry for _, _, entry in found]

    @staticmethod
    def _updated(event: Mapping[str, Any]) -> dt.datetime:
        value = parse_instant(event.get("updated"))
        return LATEST if value is None else value

    @staticmethod
    def _changed(calendar: Calendar, entry: Entry) -> int:
        key, instance = entry
        record = calendar.records.get(key if instance is None else key.rpartition("_")[0])
        return 0 if record is None else record.changed

    # -- answering ----------------------------------------------------------------------------

    def _target(self, calendar: Calendar, entry: Entry) -> Target | None:
        key, instance = entry
        record = calendar.records.get(key)
        if record is not None:
            return record
        parent = calendar.records.get(key.rpartition("_")[0])
        return None if parent is None or instance is None else (parent, instance)

    def render(
        self, calendar: Calendar, entry: Entry, query: Mapping[str, Any], where: zoneinfo.ZoneInfo
    ) -> dict[str, Any] | None:
        """One item of a page: the event now (counting a read), or a deleted event's stub."""
        target = self._target(calendar, entry)
        if target is None:
            return None
        event = self.events.read(calendar, target)
        if event.get("status") == "cancelled" and not query.get("showDeleted", False):
            return stub(event)
        return render(event, where, query)

    def _page(
        self,
        calendar: Calendar,
        cursor: Cursor,
        query: Mapping[str, Any],
        where: zoneinfo.ZoneInfo,
        *,
        syncs: bool,
    ) -> dict[str, Any]:
        size = min(query.get("maxResults", DEFAULT_PAGE), MAX_PAGE)
        if self.store.options.page_size is not None:
            size = min(size, self.store.options.page_size)
        chunk = cursor.entries[cursor.offset : cursor.offset + size]
        rendered = (self.render(calendar, entry, query, where) for entry in chunk)
        page: dict[str, Any] = {
            "kind": "calendar#events",
            "etag": f'"p{cursor.as_of}"',
            "summary": calendar.resource.get("summary", ""),
            "description": calendar.resource.get("description", ""),
            "updated": self.store.reading(),
            "timeZone": str(where),
            "accessRole": "owner",
            "defaultReminders": [],
            "items": [item for item in rendered if item is not None],
        }
        rest = cursor.offset + size
        if rest < len(cursor.entries):
            next_cursor = Cursor(
                cursor.calendar_id,
                cursor.query,
                cursor.entries,
                rest,
                cursor.as_of,
                cursor.sync_token,
            )
            page["nextPageToken"] = self.store.issue_page_token(next_cursor)
        elif syncs:
            page["nextSyncToken"] = self.store.issue_sync_token(cursor.calendar_id, cursor.as_of)
        return page

    def _cursor(self, request: Request, key: tuple[tuple[str, str], ...]) -> Cursor | None:
        token = request.query.get("pageToken")
        if token is None:
            return None
        cursor = self.store.page_tokens.get(token)
        if (
            cursor is None
            or cursor.calendar_id != request.path["calendarId"]
            or cursor.query != key
        ):
            # "perform the exact same list query as was used for retrieval of the first page"
            raise bad_request("Invalid page token value.", location="pageToken")
        if cursor.sync_token is not None and cursor.sync_token not in self.store.sync_tokens:
            raise full_sync_required()
        return cursor

    @staticmethod
    def _key(request: Request) -> tuple[tuple[str, str], ...]:
        pairs = [
            (name, repr(value)) for name, value in request.query.items() if name not in _PER_PAGE
        ]
        pairs.extend(request.path.items())
        return tuple(sorted(pairs))

    def list_events(self, request: Request) -> Answer:
        """``events.list``."""
        calendar = self.events.calendar(request.path["calendarId"])
        query = request.query
        where = render_zone(calendar, query)
        key = self._key(request)
        cursor = self._cursor(request, key)
        if cursor is None:
            token = query.get("syncToken")
            since = None
            if token is not None:
                for name in NOT_WITH_SYNC_TOKEN:
                    if name in query:
                        raise bad_request(
                            f"syncToken cannot be used together with {name}.", location=name
                        )
                remembered = self.store.sync_tokens.get(token)
                if remembered is None or remembered[0] != request.path["calendarId"]:
                    raise full_sync_required()
                since = remembered[1]
            if "q" in query:
                raise not_implemented("the events.list parameter q (free-text search)")
            entries = tuple(self.matching(calendar, since, query, where))
            cursor = Cursor(request.path["calendarId"], key, entries, 0, calendar.change, token)
        return 200, self._page(calendar, cursor, query, where, syncs=True)

    def instances(self, request: Request) -> Answer:
        """``events.instances``: the instances of a series (none for a single event), its
        exceptions at their own times; ``timeMin`` is inclusive here [S3]."""
        calendar = self.events.calendar(request.path["calendarId"])
        query = request.query
        where = render_zone(calendar, query)
        record = calendar.records.get(request.path["eventId"])
        if record is None:
            raise not_found()
        key = self._key(request)
        cursor = self._cursor(request, key)
        if cursor is None:
            entries = self._instances(calendar, record, query, where)
            cursor = Cursor(
                request.path["calendarId"], key, tuple(entries), 0, calendar.change, None
            )
        return 200, self._page(calendar, cursor, query, where, syncs=False)

    def _instances(
        self,
        calendar: Calendar,
        record: Record,
        query: Mapping[str, Any],
        where: zoneinfo.ZoneInfo,
    ) -> list[Entry]:
        if not is_series(record.event):
            return []
        window = _window(query)
        found = self._occurrences(calendar, record, window, where, inclusive=True)
        series_id = record.event["id"]
        for key, other in calendar.records.items():
            if other.event.get("recurringEventId") != series_id:
                continue
            if self._in_window(other, window, where, inclusive=True):
                start = stored_moment(other.event["start"], "start").instant(where)
                found.append((start, (key, None)))
        found.sort(key=lambda item: item[0])
        entries = [entry for _, entry in found]
        original = query.get("originalStart")
        if original is not None:
            wanted = self._original_start(original)
            entries = [entry for entry in entries if self._original(calendar, entry) == wanted]
        return entries

    @staticmethod
    def _original_start(text: str) -> str | None:
        """``originalStart`` as an instance ID suffix (its start in basic form)."""
        instant = parse_instant(text)
        if instant is not None:
            return instant.strftime("%Y%m%dT%H%M%SZ")
        day = text.replace("-", "")
        return day if len(day) == 8 and day.isascii() and day.isdigit() else None

    @staticmethod
    def _original(calendar: Calendar, entry: Entry) -> str:
        key, _ = entry
        return key.rpartition("_")[2]
