"""The fake Calendar's state: calendars, their events, and the counters everything comes from.

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

__all__ = ["AddOnData", "Calendar", "Cursor", "Options", "Record", "Store", "clone", "clone_object"]

AddOnData = Literal["reject", "strip", "accept"]
Outcome = Literal["success", "failure"]

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The fake's clock starts here; every write moves it on by one second."""


def clone(value: Any) -> Any:
    """A deep copy of JSON data (what the fake stores and answers is always plain JSON)."""
    return json.loads(json.dumps(value))


def clone_object(value: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`clone` for a JSON object."""
    copy: dict[str, Any] = clone(dict(value))
    return copy


@attrs.frozen(kw_only=True)
class Options:
    """How a fake behaves where the real service varies (see :class:`FakeCalendar`)."""

    pending_reads: int = 1
    create_outcome: Outcome = "success"
    add_on_data: AddOnData = "reject"
    page_size: int | None = None
    seed: int = 0


@attrs.define(eq=False)
class Record:
    """One stored event: its JSON, the change number of its last write, and how many more
    reads still see its create request ``pending``."""

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


@attrs.frozen
class Cursor:
    """What a page token stands for: one list query, the keys it matched, where the next page
    starts, and the change number the query saw (its eventual ``nextSyncToken``)."""

    calendar_id: str
    query: tuple[tuple[str, str], ...]
    keys: tuple[str, ...]
    offset: int
    as_of: int
    sync_token: str | None


_BASE32HEX = frozenset(string.digits + "abcdefghijklmnopqrstuv")


def valid_event_id(value: str) -> bool:
    """Google's rule for IDs a client chooses: base32hex characters, 5 to 1024 of them."""
    return 5 <= len(value) <= 1024 and all(c in _BASE32HEX for c in value)


class Store:
    """Calendars, tokens and counters of one fake."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.calendars: dict[str, Calendar] = {}
        self.sync_tokens: dict[str, tuple[str, int]] = {}
        self.page_tokens: dict[str, Cursor] = {}
        self.random = random.Random(options.seed)
        self._ticks = 0
        self._versions = 0
        self._tokens = 0
        self._ids = 0

    def now(self) -> str:
        """The clock's next reading, as the API writes timestamps (RFC 3339, milliseconds, Z)."""
        self._ticks += 1
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
