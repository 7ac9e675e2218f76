"""The fake's ``events.list`` and ``events.instances``: pages, sync tokens, deleted events.

What the discovery document says [S3], and the sync guide
(developers.google.com/workspace/calendar/api/guides/sync):

- a list pages with ``pageToken``; the last page carries ``nextSyncToken``, which a later list
  passes as ``syncToken`` to get "only entries that have changed since then";
- "All events deleted since the previous list request will always be in the result set";
  without ``showDeleted`` a deleted event shows only its ID (and, for an instance, its series
  and original start);
- ``syncToken`` cannot be combined with ``iCalUID``, ``orderBy``, ``privateExtendedProperty``,
  ``q``, ``sharedExtendedProperty``, ``timeMin``, ``timeMax`` or ``updatedMin``;
- "If the syncToken expires, the server will respond with a 410 GONE response code".

New entries appearing while a client pages "won't be missed": a query's sync token counts
from the change it saw when its first page was made, so a change during paging comes again in
the next sync rather than never.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from .errors import ApiError, bad_request, full_sync_required, not_found, not_implemented
from .events import Answer, EventsService, Request, Target, stub
from .recurrence import Moment, expand, moment, parse_rfc3339
from .store import Calendar, Cursor, Record

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
NOT_IMPLEMENTED = ("q", "privateExtendedProperty", "sharedExtendedProperty", "updatedMin")
DEFAULT_PAGE = 250  # "By default the value is 250 events"
MAX_PAGE = 2500  # "The page size can never be larger than 2500 events"
# Parameters that may differ between the pages of one query.
_PER_PAGE = frozenset({"pageToken", "maxResults"})
_LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


def _window(query: Mapping[str, Any]) -> tuple[dt.datetime | None, dt.datetime | None]:
    bounds: list[dt.datetime | None] = []
    for name in ("timeMin", "timeMax"):
        text = query.get(name)
        value = None if text is None else parse_rfc3339(text)
        if text is not None and value is None:
            raise bad_request(f"Invalid {name}: an RFC 3339 time with its offset is needed.")
        bounds.append(value)
    low, high = bounds
    if low is not None and high is not None and low >= high:
        # The error the API's errors page shows first.
        raise bad_request(
            "The specified time range is empty.", reason="timeRangeEmpty", location="timeMax"
        )
    return low, high


def _overlaps(
    start: Moment, end: Moment, low: dt.datetime | None, high: dt.datetime | None
) -> bool:
    # timeMin bounds an event's end, timeMax its start, both exclusive [S3].
    return (low is None or end.at > low) and (high is None or start.at < high)


class Listing:
    """``events.list`` and ``events.instances`` over an :class:`EventsService`."""

    def __init__(self, events: EventsService) -> None:
        self.events = events
        self.store = events.store

    @property
    def handlers(self) -> dict[str, Callable[[Request], Answer]]:
        """The methods answered here, by their discovery-document IDs."""
        return {"calendar.events.list": self.list, "calendar.events.instances": self.instances}

    # -- which events a query matches ---------------------------------------------------------

    def _visible(
        self, cancelled: bool, instance: bool, since: int | None, query: Mapping[str, Any]
    ) -> bool:
        if not cancelled or since is not None or query.get("showDeleted", False):
            return True
        # "Cancelled instances of recurring events (but not the underlying recurring event)
        # will still be included if showDeleted and singleEvents are both False" [S3].
        return instance and not query.get("singleEvents", False)

    def _series(
        self, calendar: Calendar, record: Record, since: int | None, query: Mapping[str, Any]
    ) -> list[str]:
        low, high = _window(query)
        out = []
        for instance in expand(record.event):
            exception = calendar.records.get(instance.id)
            changed = max(record.changed, exception.changed if exception else 0)
            status = (exception or record).event.get("status")
            if since is not None and changed <= since:
                continue
            if not self._visible(status == "cancelled", True, since, query):
                continue
            if exception is None and not _overlaps(instance.start, instance.end, low, high):
                continue
            out.append(instance.id)
        return out

    def _matches_time(self, record: Record, query: Mapping[str, Any]) -> bool:
        low, high = _window(query)
        if low is None and high is None:
            return True
        event = record.event
        try:
            if isinstance(event.get("recurrence"), list) and "recurringEventId" not in event:
                series = expand(event)
                return any(_overlaps(i.start, i.end, low, high) for i in series)
            return _overlaps(
                moment(event.get("start"), "start"), moment(event.get("end"), "end"), low, high
            )
        except ApiError:  # times the fake cannot read (a fixture's): not filtered out
            return True

    def matching(
        self, calendar: Calendar, since: int | None, query: Mapping[str, Any]
    ) -> list[str]:
        """The keys of the events a list query returns, in the API's stable order."""
        single = bool(query.get("singleEvents", False))
        ical = query.get("iCalUID")
        keys: list[str] = []
        for key, record in calendar.records.items():
            event = record.event
            exception = (
                "recurringEventId" in event and event["recurringEventId"] in calendar.records
            )
            series = isinstance(event.get("recurrence"), list) and "recurringEventId" not in event
            if ical is not None and event.get("iCalUID") != ical:
                continue
            if single and exception:
                continue  # placed by its series' expansion
            if single and series:
                keys.extend(self._series(calendar, record, since, query))
                continue
            if since is not None and record.changed <= since:
                continue
            cancelled = event.get("status") == "cancelled"
            if not self._visible(cancelled, "recurringEventId" in event, since, query):
                continue
            if self._matches_time(record, query):
                keys.append(key)
        order = query.get("orderBy")
        if order == "startTime":
            if not single:
                raise bad_request(
                    "The requested ordering is not available for the particular query."
                )
            keys.sort(key=lambda key: self._start(calendar, key))
        elif order == "updated":
            keys.sort(key=lambda key: self._changed(calendar, key))
        return keys

    def _start(self, calendar: Calendar, key: str) -> dt.datetime:
        found = self.events.locate(calendar, key)
        try:
            if isinstance(found, tuple):
                return found[1].start.at
            if isinstance(found, Record):
                return moment(found.event.get("start"), "start").at
        except ApiError:
            pass
        return _LATEST

    def _changed(self, calendar: Calendar, key: str) -> int:
        found = self.events.locate(calendar, key)
        if isinstance(found, Record):
            return found.changed
        return found[0].changed if found else 0

    # -- answering ----------------------------------------------------------------------------

    def render(
        self, calendar: Calendar, key: str, query: Mapping[str, Any]
    ) -> dict[str, Any] | None:
        """One item of a page: the event now (counting a read), or a deleted event's stub."""
        target: Target | None = self.events.locate(calendar, key)
        if target is None:
            return None
        event = self.events.read(calendar, target)
        if event.get("status") == "cancelled" and not query.get("showDeleted", False):
            return stub(event)
        return event

    def _page(
        self, calendar: Calendar, cursor: Cursor, query: Mapping[str, Any], *, syncs: bool
    ) -> dict[str, Any]:
        size = min(query.get("maxResults", DEFAULT_PAGE), MAX_PAGE)
        if self.store.options.page_size is not None:
            size = min(size, self.store.options.page_size)
        chunk = cursor.keys[cursor.offset : cursor.offset + size]
        items = [item for key in chunk if (item := self.render(calendar, key, query)) is not None]
        page: dict[str, Any] = {
            "kind": "calendar#events",
            "etag": f'"p{cursor.as_of}"',
            "summary": calendar.resource.get("summary", ""),
            "timeZone": calendar.resource.get("timeZone", "UTC"),
            "accessRole": "owner",
            "defaultReminders": [],
            "items": items,
        }
        rest = cursor.offset + size
        if rest < len(cursor.keys):
            next_cursor = Cursor(
                cursor.calendar_id, cursor.query, cursor.keys, rest, cursor.as_of, cursor.sync_token
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

    def list(self, request: Request) -> Answer:
        """``events.list``."""
        calendar = self.events.calendar(request.path["calendarId"])
        query = request.query
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
            for name in NOT_IMPLEMENTED:
                if name in query:
                    raise not_implemented(f"the events.list parameter {name}")
            keys = tuple(self.matching(calendar, since, query))
            cursor = Cursor(request.path["calendarId"], key, keys, 0, calendar.change, token)
        return 200, self._page(calendar, cursor, query, syncs=True)

    def instances(self, request: Request) -> Answer:
        """``events.instances``: the instances of a series (none for a single event)."""
        calendar = self.events.calendar(request.path["calendarId"])
        record = calendar.records.get(request.path["eventId"])
        if record is None:
            raise not_found()
        key = self._key(request)
        cursor = self._cursor(request, key)
        if cursor is None:
            keys: list[str] = []
            if isinstance(record.event.get("recurrence"), list):
                keys = self._series(calendar, record, None, request.query)
            original = request.query.get("originalStart")
            if original is not None:
                wanted = parse_rfc3339(original)
                keys = [k for k in keys if self._original(calendar, k) == wanted]
            cursor = Cursor(request.path["calendarId"], key, tuple(keys), 0, calendar.change, None)
        return 200, self._page(calendar, cursor, request.query, syncs=False)

    def _original(self, calendar: Calendar, key: str) -> dt.datetime | None:
        found = self.events.locate(calendar, key)
        if isinstance(found, tuple):
            return found[1].start.at
        if isinstance(found, Record):
            try:
                return moment(found.event.get("originalStartTime"), "start").at
            except ApiError:
                return None
        return None
