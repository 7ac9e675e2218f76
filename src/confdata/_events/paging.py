"""Paging through ``events.list`` with sync tokens, in a way that always ends [S11].

A run ends when the API gives a sync token, when it answers 410 Gone (the token expired: a
full resync is needed), or with :class:`PagingError` when a page cannot be used, when the API
repeats a page token (it would loop for ever), or after :data:`MAX_PAGES` pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from .._core.arguments import Arguments
from .._core.foreign import array, exact_str, is_int, is_object
from .._core.problems import Problem, ValidationError
from .._core.redact import render
from .._core.sink import Sink, pointer
from .._core.spec import ITEMS
from .._core.text import describe_type, show
from .event_json import object_members

__all__ = ["MAX_PAGES", "PagingError", "SyncRun", "http_status", "rfc3339", "sync_events"]

MAX_PAGES = 10_000
"""Pages :func:`sync_events` follows at most by default: 2.5 million events at the API's
default of 250 per page. A run that needs more can pass a larger ``max_pages``."""

MAX_PAGES_LIMIT = 10**9
"""The largest ``max_pages`` taken (250 billion events): a bound, not a wish."""

_MAX_TIMESTAMP = 64  # characters: an RFC 3339 timestamp is about 35

# Where exceptions of the usual HTTP clients keep the status: google-api-python-client's
# HttpError (resp.status), aiohttp and urllib (status), requests and httpx (response.
# status_code), google-api-core and urllib (code). The first place holding one decides.
_STATUS_PLACES = (
    ("resp", "status"),
    ("status_code",),
    ("status",),
    ("response", "status_code"),
    ("code",),
)


@attrs.frozen(repr=False)
class SyncRun:
    """The events of one sync, the token for the next one, and whether to start over.

    ``problems`` lists the items of a page that were not events (not JSON objects): they are
    left out of ``events``.
    """

    events: tuple[dict[str, Any], ...]
    """Every event of every page, in order (Event resources as plain dicts)."""
    next_sync_token: str | None
    """The token of the next incremental sync; store it."""
    full_resync_needed: bool = False
    """True when the API answered 410 Gone: drop stored state and sync again from scratch."""
    problems: tuple[Problem, ...] = ()
    """The items of a page that were not events."""

    def __repr__(self) -> str:
        return (
            f"SyncRun(events={render(self.events)}, next_sync_token="
            f"{render(self.next_sync_token)}, full_resync_needed={self.full_resync_needed!r}, "
            f"problems={self.problems!r})"
        )


class PagingError(ValidationError):
    """:func:`sync_events` stopped before the end: a page it cannot use, a page token the
    API repeated, or more pages than ``max_pages``. ``calls`` holds the arguments of every
    call made and ``pages`` every answer, in order, for inspection."""

    calls: tuple[Mapping[str, str], ...]
    """The arguments ``list_page`` was called with, one mapping per call."""
    pages: tuple[object, ...]
    """What each call returned."""

    def __init__(
        self,
        problems: Sequence[Problem],
        calls: Sequence[Mapping[str, str]] = (),
        pages: Sequence[object] = (),
    ) -> None:
        super().__init__(problems)
        self.calls = tuple(calls)
        self.pages = tuple(pages)

    def __reduce__(self) -> Any:
        return (type(self), (self.problems, self.calls, self.pages))


def _attribute(obj: object, name: str) -> object:
    try:
        return getattr(obj, name, None)
    except Exception:  # a property of the caller's exception that raises: no status there
        return None


def _as_status(value: object) -> int | None:
    if is_int(value):
        number = int.__int__(value)
    else:
        text = exact_str(value)
        if text is None or not (len(text) == 3 and text.isascii() and text.isdigit()):
            return None
        number = int(text)
    return number if 100 <= number <= 599 else None


def http_status(error: BaseException) -> int | None:
    """The HTTP status an exception carries, wherever its client library keeps it."""
    for place in _STATUS_PLACES:
        value: object = error
        for name in place:
            value = _attribute(value, name)
            if value is None:
                break
        status = _as_status(value)
        if status is not None:
            return status
    return None


def rfc3339(check: Arguments, name: str, value: object) -> str | None:
    """``value`` as the RFC 3339 timestamp with an offset that ``timeMin`` needs ("Must be
    an RFC3339 timestamp with mandatory time zone offset", events.list [S3]): an aware
    ``datetime``, or such a string (kept as given). None stays None."""
    if value is None:
        return None
    if issubclass(type(value), datetime):
        try:  # the base type's methods: a subclass's own, or its tzinfo's, may raise
            aware = datetime.utcoffset(value) is not None  # type: ignore[arg-type]
            text = datetime.isoformat(value) if aware else None  # type: ignore[arg-type]
        except Exception:
            text = None
    else:
        given = exact_str(value)
        text = given if given is not None and _is_rfc3339(given) else None
    if text is None:
        check.fail(
            name,
            f"{name} must be an aware datetime or an RFC 3339 timestamp with its offset, "
            f"such as '2026-01-01T00:00:00Z' (got {show(value)})",
        )
    return text


def _is_rfc3339(text: str) -> bool:
    if len(text) > _MAX_TIMESTAMP or "T" not in text.upper():
        return False
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def _check_arguments(
    list_page: object, sync_token: object, time_min: object, show_deleted: object, max_pages: object
) -> tuple[str | None, str | None, int]:
    check = Arguments()
    check.function("list_page", list_page)
    token = check.optional_text("sync_token", sync_token)
    since = rfc3339(check, "time_min", time_min)
    check.flag("show_deleted", show_deleted)
    pages = check.count("max_pages", max_pages, low=1, high=MAX_PAGES_LIMIT)
    if token is not None and since is not None:
        check.fail(
            "time_min",
            "time_min is for a full sync only: events.list refuses timeMin together with syncToken",
        )
    check.done()
    return token, since, pages


class _Run:
    """The state of one run: what was asked and answered, and the problems so far."""

    def __init__(self) -> None:
        self.calls: list[Mapping[str, str]] = []
        self.pages: list[object] = []
        self.sink = Sink()

    def fail(self, code: str, path: str, message: str) -> PagingError:
        self.sink.report(code, path, message)
        return PagingError(self.sink.finish(), self.calls, self.pages)

    def token(self, page: dict[str, object], name: str) -> str | None:
        value = page.get(name)
        text = exact_str(value)
        if value is None or text == "":
            return None
        if text is None:
            path = pointer("", len(self.pages) - 1, name)
            raise self.fail("type", path, f"{name} must be a string (got {show(value)})")
        return text

    def page(self, page: object) -> tuple[dict[str, object], list[object]]:
        """The page's members and its items."""
        index = len(self.pages) - 1
        found = object_members(page)
        if found is None:
            message = f"an events.list page must be an object (got {describe_type(page)})"
            raise self.fail("type", pointer("", index), message)
        raw = found.get(ITEMS, [])
        items = array(raw)
        if items is None:
            message = f"items must be an array of events (got {describe_type(raw)})"
            raise self.fail("type", pointer("", index, ITEMS), message)
        return found, list(items)


def sync_events(
    list_page: Callable[[dict[str, str]], Mapping[str, Any]],
    sync_token: str | None = None,
    *,
    time_min: str | datetime | None = None,
    show_deleted: bool = False,
    max_pages: int = MAX_PAGES,
) -> SyncRun:
    """Page through ``events.list`` from ``sync_token`` (a full sync when None).

    ``list_page(arguments)`` performs one call with the extra keyword ``arguments`` and
    returns the response, for instance
    ``lambda args: service.events().list(calendarId="primary", **args).execute()``. The
    arguments are strings: ``syncToken``, ``pageToken``, ``timeMin`` (``time_min``, an aware
    datetime or an RFC 3339 timestamp, on a full sync only: the API refuses it with a sync
    token) and ``showDeleted="true"`` with ``show_deleted`` (a string, so that every HTTP
    client sends it as Google spells it). When the API answers 410 Gone (the sync token is no
    longer valid), the run says ``full_resync_needed``: drop stored state and sync again
    without a token. The 410 is found on the exception whatever the HTTP client:
    ``resp.status``, ``status_code``, ``status``, ``response.status_code`` or ``code``; other
    exceptions pass through.

    A page that is not an object, whose ``items`` is not an array or whose tokens are not
    strings, a page token the API already gave in this run, and more than ``max_pages``
    pages raise :class:`PagingError` (a :class:`ValidationError`) holding the calls and
    pages so far. Wrong arguments raise :class:`ValidationError` before any call.
    """
    token, since, limit = _check_arguments(list_page, sync_token, time_min, show_deleted, max_pages)
    fixed: dict[str, str] = {}
    if token is not None:
        fixed["syncToken"] = token
    if since is not None:
        fixed["timeMin"] = since
    if show_deleted is True:
        fixed["showDeleted"] = "true"
    run = _Run()
    events: list[dict[str, Any]] = []
    seen: set[str] = set()
    page_token: str | None = None
    while True:
        arguments = dict(fixed)
        if page_token is not None:
            arguments["pageToken"] = page_token
        run.calls.append(dict(arguments))
        try:
            page = list_page(arguments)
        except Exception as error:
            if http_status(error) == 410:
                return SyncRun((), None, full_resync_needed=True)
            raise
        run.pages.append(page)
        index = len(run.pages) - 1
        found, items = run.page(page)
        for position, item in enumerate(items):
            if is_object(item):
                events.append(item)
            else:
                run.sink.report(
                    "type",
                    pointer("", index, ITEMS, position),
                    f"an event must be an object (got {describe_type(item)}); it is left out",
                )
        next_page = run.token(found, "nextPageToken")
        if next_page is None:
            return SyncRun(
                tuple(events), run.token(found, "nextSyncToken"), problems=tuple(run.sink.finish())
            )
        path = pointer("", index, "nextPageToken")
        if next_page in seen:
            raise run.fail(
                "page-token-repeated",
                path,
                f"the API gave nextPageToken {show(next_page)} a second time (page "
                f"{index + 1:,}): paging would never end, so it stopped",
            )
        if len(run.pages) >= limit:
            raise run.fail(
                "too-many-pages",
                path,
                f"more than max_pages={limit:,} pages (the next token is "
                f"{show(next_page)}); pass a larger max_pages to go on",
            )
        seen.add(next_page)
        page_token = next_page
