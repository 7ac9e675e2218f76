"""The fake Calendar's state: calendars, their events, channels, and the counters everything
comes from.

Nothing here is random except through the seeded generator a store owns, so two fakes made
with the same seed and fed the same calls answer byte for byte the same.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import string
from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = [
    "AddOnData",
    "Calendar",
    "Channel",
    "Cursor",
    "Entry",
    "Options",
    "Record",
    "Store",
    "copy",
    "copy_object",
]

AddOnData = Literal["reject", "strip", "accept"]
Outcome = Literal["success", "failure"]

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The fake's clock starts here; every write moves it on by one second."""


def copy(value: Any) -> Any:
    """A deep copy of the fake's own JSON data: plain, finite and at most MAX_DEPTH deep, as
    everything it stores and answers is (foreign data is copied once, through
    ``confdata._core.foreign.plain_json``, before it gets here)."""
    return json.loads(json.dumps(value, allow_nan=False))


def copy_object(value: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`copy` for a JSON object."""
    out: dict[str, Any] = copy(value)
    return out


@attrs.frozen(kw_only=True)
class Options:
    """How a fake behaves where the real service varies (see :class:`FakeCalendar`)."""

    pending_reads: int = 1
    create_outcome: Outcome = "success"
    add_on_data: AddOnData = "reject"
    page_size: int | None = None
    seed: int = 0
    user: str = "user@example.com"


@attrs.define(eq=False)
class Record:
    """One stored event: its canonical JSON, the change number of its last write, its version
    (for the etag), and how many more reads still see its create request ``pending``."""

    event: dict[str, Any]
    changed: int
    version: int
    pending_reads: int = 0


@attrs.define(eq=False)
class Calendar:
    """One calendar: its resource (``calendars.get``) and its events in creation order."""

    resource: dict[str, Any]
    records: dict[str, Record] = attrs.Factory(dict)
    change: int = 0
    """The number of the calendar's latest change; sync tokens remember one of these."""


Entry = tuple[str, Any]
"""One item of a list query: the event's key and, for an occurrence of a series that has no
record of its own, its ``recurrence.Instance`` (else None)."""


@attrs.frozen
class Cursor:
    """What a page token stands for: one list query, the entries it matched, where the next
    page starts, and the change number the query saw (its eventual ``nextSyncToken``)."""

    calendar_id: str
    query: tuple[tuple[str, str], ...]
    entries: tuple[Entry, ...]
    offset: int
    as_of: int
    sync_token: str | None


@attrs.define(eq=False)
class Channel:
    """A notification channel ``events.watch`` opened: its resource and where it watches."""

    resource: dict[str, Any]
    calendar_id: str
    messages: int = 0


class Store:
    """Calendars, tokens, channels and counters of one fake."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.calendars: dict[str, Calendar] = {}
        self.sync_tokens: dict[str, tuple[str, int]] = {}
        self.page_tokens: dict[str, Cursor] = {}
        self.channels: dict[str, Channel] = {}
        self.notifications: list[dict[str, Any]] = []
        self.random = random.Random(options.seed)
        self._ticks = 0
        self._versions = 0
        self._tokens = 0
        self._ids = 0

    def clock(self) -> dt.datetime:
        """The clock's next reading (every call moves it on by one second)."""
        self._ticks += 1
        return START + dt.timedelta(seconds=self._ticks)

    def now(self) -> str:
        """The clock's next reading, as the API writes timestamps (RFC 3339, milliseconds, Z)."""
        return self.clock().strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def reading(self) -> str:
        """The clock as it reads now (not moved on)."""
        moment = START + dt.timedelta(seconds=self._ticks)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def next_version(self) -> int:
        """A number no write has had before: an event's etag is made from it."""
        self._versions += 1
        return self._versions

    def new_event_id(self, calendar: Calendar) -> str:
        """The next free event ID of the form Google accepts (base32hex)."""
        while True:
            self._ids += 1
            candidate = f"fake{self._ids:06d}"
            if candidate not in calendar.records:
                return candidate

    def issue_sync_token(self, calendar_id: str, as_of: int) -> str:
        """A sync token for the changes of ``calendar_id`` after change ``as_of``."""
        self._tokens += 1
        token = f"sync{self._tokens:06d}"
        self.sync_tokens[token] = (calendar_id, as_of)
        return token

    def issue_page_token(self, cursor: Cursor) -> str:
        """A page token for the rest of a list query."""
        self._tokens += 1
        token = f"page{self._tokens:06d}"
        self.page_tokens[token] = cursor
        return token

    def issue_resource_id(self) -> str:
        """An opaque ID for a watched resource."""
        self._tokens += 1
        return f"resource{self._tokens:06d}"

    def invalidate(self, calendar_id: str | None) -> int:
        """Forget the sync tokens of one calendar (or all): their next use answers 410."""
        gone = [
            token
            for token, (owner, _) in self.sync_tokens.items()
            if calendar_id is None or owner == calendar_id
        ]
        for token in gone:
            del self.sync_tokens[token]
        return len(gone)

    def notify(self, calendar_id: str, state: str) -> None:
        """Record the notification each channel watching ``calendar_id`` would get."""
        for channel_id, channel in self.channels.items():
            if channel.calendar_id == calendar_id:
                self.notify_channel(channel_id, state)

    def notify_channel(self, channel_id: str, state: str) -> None:
        """Record the message Google would POST to one channel's address: its headers, as the
        push notifications guide lists them (the message has no body)."""
        channel = self.channels[channel_id]
        channel.messages += 1
        resource = channel.resource
        headers = {
            "X-Goog-Channel-ID": resource["id"],
            "X-Goog-Message-Number": str(channel.messages),
            "X-Goog-Resource-ID": resource["resourceId"],
            "X-Goog-Resource-State": state,
            "X-Goog-Resource-URI": resource["resourceUri"],
        }
        if "token" in resource:
            headers["X-Goog-Channel-Token"] = resource["token"]
        expires = dt.datetime.fromtimestamp(int(resource["expiration"]) / 1000, dt.UTC)
        headers["X-Goog-Channel-Expiration"] = expires.strftime("%a, %d %b %Y %H:%M:%S GMT")
        self.notifications.append({"address": resource["address"], "headers": headers})

    def meet_code(self) -> str:
        """A Meet-like meeting code, ``abc-defg-hij``, from the store's seeded generator."""
        letters = string.ascii_lowercase
        parts = ("".join(self.random.choice(letters) for _ in range(n)) for n in (3, 4, 3))
        return "-".join(parts)

    def digits(self, count: int) -> str:
        """``count`` random digits from the seeded generator (PINs of generated entry points)."""
        return "".join(self.random.choice(string.digits) for _ in range(count))


def etag(version: int) -> str:
    """An event's etag: an opaque quoted string, as the API sends them."""
    return f'"{3_000_000_000_000_000 + version}"'


_BASE32HEX = frozenset(string.digits + "abcdefghijklmnopqrstuv")


def valid_event_id(value: str) -> bool:
    """Google's rule for IDs a client chooses: base32hex characters, 5 to 1024 of them."""
    return 5 <= len(value) <= 1024 and all(c in _BASE32HEX for c in value)
