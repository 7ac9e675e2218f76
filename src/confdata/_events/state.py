"""A sync job you run, not assemble: :class:`SyncState` (see :mod:`confdata.sync`).

Google's sync guide [Sync] has two stages: an "initial full sync", optionally restricted by
request parameters (its sample lists events from a year ago with ``timeMin``), then
incremental syncs, each with the previous ``nextSyncToken``. "If the syncToken expires, the
server will respond with a 410 GONE response code and the client should clear its storage and
perform a full synchronization without any syncToken" (events.list ``syncToken`` [S3]). A
:class:`SyncState` holds the token and the conferences known so far, does whichever sync is
due, and is stored as JSON between runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

import attrs

from .._core.arguments import Arguments
from .._core.foreign import exact_str, is_int
from .._core.problems import Problem, ValidationError
from .._core.redact import render
from .._core.sink import Sink
from .._core.text import describe_type, show
from .changes import detect_changes, read_known
from .event_json import object_members
from .ownership import IsOurs
from .paging import MAX_PAGES, MAX_PAGES_LIMIT, PagingError, SyncRun, rfc3339, sync_events
from .records import (
    Change,
    ConferenceUnlisted,
    ConferenceUpdated,
)

__all__ = ["SyncOutcome", "SyncState"]

_VERSION = 1
# The members of the stored JSON, in one place.
_JSON_VERSION = "version"
_JSON_TOKEN = "syncToken"
_JSON_KNOWN = "known"
_JSON_MEMBERS = (_JSON_VERSION, _JSON_TOKEN, _JSON_KNOWN)


def _known(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(read_known(value))


def _token(value: str | None) -> str | None:
    check = Arguments()
    token = check.optional_text("sync_token", value)
    check.done()
    return token


@attrs.frozen(repr=False)
class SyncState:
    """What a sync job keeps between runs: the sync token and the conferences it knows.

    Start with ``SyncState()`` (a full sync comes first), or with ``known`` from your own
    store. Each :meth:`sync` returns the records and the next state; store the state (with
    :meth:`to_json`) once you have acted on the records, and read it back with
    :meth:`from_json`.
    """

    sync_token: str | None = attrs.field(default=None, converter=_token)
    """The ``nextSyncToken`` of the last sync; None until a full sync has given one."""
    known: Mapping[str, str] = attrs.field(
        factory=lambda: MappingProxyType({}), converter=_known, hash=False
    )
    """Event ID to conference ID of every event that carries one of your conferences (an
    occurrence of a series only when its conference is not the series')."""

    def __repr__(self) -> str:
        return f"SyncState(sync_token={render(self.sync_token)}, known={len(self.known):,} events)"

    def to_json(self) -> dict[str, Any]:
        """The state as JSON data (``json.dumps`` it): ``version``, ``syncToken``, ``known``."""
        return {
            _JSON_VERSION: _VERSION,
            _JSON_TOKEN: self.sync_token,
            _JSON_KNOWN: dict(self.known),
        }

    @classmethod
    def from_json(cls, obj: object) -> SyncState:
        """The state :meth:`to_json` wrote (parsed: ``SyncState.from_json(json.loads(text))``).

        Anything else raises :class:`~confdata.ValidationError` naming every member that is
        wrong; nothing of it is run or trusted.
        """
        found = object_members(obj)
        sink = Sink()
        if found is None:
            sink.report("type", "", f"a sync state must be an object (got {describe_type(obj)})")
            sink.raise_errors()
        assert found is not None
        for name in found:
            if name not in _JSON_MEMBERS:
                sink.report(
                    "unknown-field", f"/{name}", f"{show(name)} is no member of a sync state"
                )
        version = found.get(_JSON_VERSION)
        if version is None:
            sink.report("required", f"/{_JSON_VERSION}", "a sync state names its version (1)")
        elif not (is_int(version) and int.__int__(version) == _VERSION):
            sink.report("enum", f"/{_JSON_VERSION}", f"version must be 1 (got {show(version)})")
        raw_token = found.get(_JSON_TOKEN)
        token = exact_str(raw_token)
        if raw_token is not None and not token:
            got = show(raw_token)
            sink.report(
                "type",
                f"/{_JSON_TOKEN}",
                f"syncToken must be a non-empty string or null (got {got})",
            )
        known: dict[str, str] = {}
        raw_known = found.get(_JSON_KNOWN)
        if raw_known is None:
            sink.report("required", f"/{_JSON_KNOWN}", "a sync state holds known (an object)")
        elif object_members(raw_known) is None:
            got = describe_type(raw_known)
            sink.report("type", f"/{_JSON_KNOWN}", f"known must be an object (got {got})")
        else:
            try:
                known = read_known(raw_known)
            except ValidationError as error:
                sink.extend(error.problems)
        sink.raise_errors()
        return cls(sync_token=token, known=known)

    def sync(
        self,
        list_page: Callable[[dict[str, str]], Mapping[str, Any]],
        *,
        is_ours: IsOurs,
        time_min: str | datetime | None = None,
        max_pages: int = MAX_PAGES,
    ) -> SyncOutcome:
        """Run the sync that is due: incremental with the stored token, else a full sync
        from ``time_min`` (also when the API answers 410 Gone: the token expired).

        ``list_page`` is as for :func:`sync_events`; every call asks ``showDeleted="true"``
        (an incremental sync always lists deletions; a full sync then lists the deletions
        Calendar still keeps). ``time_min`` (an aware datetime or an RFC 3339 timestamp)
        restricts a full sync to events that end after it, and is never sent with a token.
        ``is_ours`` is as for :func:`detect_changes`.

        A full sync lists every event, so it reports every conference of yours as
        :class:`ConferenceUpdated` (mirror records idempotently), and each event ``known``
        holds that it did not list as :class:`ConferenceUnlisted`. Wrong arguments raise
        :class:`~confdata.ValidationError`; a page that cannot be used raises
        :class:`PagingError`, and so does a 410 answer to a full sync (``full-sync-gone``).
        """
        check = Arguments()
        check.function("list_page", list_page)
        check.function("is_ours", is_ours)
        rfc3339(check, "time_min", time_min)
        check.count("max_pages", max_pages, low=1, high=MAX_PAGES_LIMIT)
        check.done()
        expired = False
        run: SyncRun | None = None
        if self.sync_token is not None:
            run = sync_events(list_page, self.sync_token, show_deleted=True, max_pages=max_pages)
            expired = run.full_resync_needed
        full = run is None or expired
        if run is None or expired:
            run = sync_events(list_page, time_min=time_min, show_deleted=True, max_pages=max_pages)
            if run.full_resync_needed:
                gone = Sink()
                gone.report(
                    "full-sync-gone",
                    "",
                    "events.list answered 410 Gone to a full sync, which sends no sync token "
                    "to expire: the sync cannot start",
                )
                raise PagingError(gone.finish())
        result = detect_changes(run.events, is_ours=is_ours, known=self.known)
        changes = list(result.changes)
        known = dict(self.known)
        if full:
            listed = {_event_id(event) for event in run.events}
            for event_id, conference_id in self.known.items():
                if event_id not in listed:
                    changes.append(ConferenceUnlisted(event_id, conference_id))
        occurrences: dict[str, str] = {}  # updated occurrence -> its series
        for change in changes:
            _apply(known, change, occurrences)
        for occurrence, series in occurrences.items():
            # Judged once the batch is applied: the series may change after its occurrence.
            if occurrence in known and known.get(series) == known[occurrence]:
                del known[occurrence]
        problems = [_below("/pages", p) for p in run.problems]
        problems += [_below("/events", p) for p in result.problems]
        return SyncOutcome(
            changes=tuple(changes),
            state=SyncState(sync_token=run.next_sync_token, known=known),
            full_sync=full,
            token_expired=expired,
            problems=tuple(problems),
        )


def _event_id(event: object) -> str | None:
    found = object_members(event)
    return None if found is None else exact_str(found.get("id"))


def _below(prefix: str, problem: Problem) -> Problem:
    return attrs.evolve(problem, path=prefix + problem.path)


def _apply(known: dict[str, str], change: Change, occurrences: dict[str, str]) -> None:
    """What ``change`` does to the map of known conferences (an occurrence updated with its
    series' own conference is dropped from it afterwards, see ``occurrences``)."""
    occurrences.pop(change.event_id, None)
    if isinstance(change, ConferenceUpdated):
        known[change.event_id] = change.conference_id
        if change.recurring_event_id is not None:
            occurrences[change.event_id] = change.recurring_event_id
    else:
        known.pop(change.event_id, None)


@attrs.frozen
class SyncOutcome:
    """What one :meth:`SyncState.sync` found, and the state to store afterwards."""

    changes: tuple[Change, ...]
    """One record per change that concerns a conference, in the order of the events
    (then the :class:`ConferenceUnlisted` records of a full sync)."""
    state: SyncState
    """The state for the next run: store it once the records are acted on."""
    full_sync: bool
    """True when this run listed every event (the first run, or after a 410)."""
    token_expired: bool
    """True when the stored token had expired (410 Gone) and a full sync was run instead."""
    problems: tuple[Problem, ...] = ()
    """Items that could not be read: ``/pages/<page>/items/<i>`` for an item that is no event,
    ``/events/<i>/...`` for an event whose conference data could not be read."""
