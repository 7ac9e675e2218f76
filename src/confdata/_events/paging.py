"""Paging through ``events.list`` with sync tokens, in a way that always ends [S11].

A run ends when the API gives a sync token, when it answers 410 Gone (the token expired: a
full resync is needed), or with :class:`PagingError` when a page cannot be used, when the API
repeats a page token (it would loop for ever), or after :data:`MAX_PAGES` pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from .._core.problems import Problem, ValidationError
from .._core.redact import render
from .._core.sink import Sink, pointer
from .._core.text import describe_type, show

__all__ = ["MAX_PAGES", "PagingError", "SyncRun", "http_status", "sync_events"]

MAX_PAGES = 10_000
"""Pages :func:`sync_events` follows at most by default: 2.5 million events at the API's
default of 250 per page. A run that needs more can pass a larger ``max_pages``."""

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
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = int.__int__(value)
    elif isinstance(value, str):
        text = str.__str__(value)
        if not (len(text) == 3 and text.isascii() and text.isdigit()):
            return None
        number = int(text)
    else:
        return None
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


def _check_arguments(list_page: object, sync_token: object, max_pages: object) -> None:
    sink = Sink()
    if not callable(list_page):
        sink.report("type", "", f"list_page must be callable (got {describe_type(list_page)})")
    if sync_token is not None and (not isinstance(sync_token, str) or not sync_token):
        sink.report(
            "type", "", f"sync_token must be a non-empty string or None (got {show(sync_token)})"
        )
    if type(max_pages) is not int or max_pages < 1:
        sink.report("type", "", f"max_pages must be a positive int (got {show(max_pages)})")
    sink.raise_errors()


class _Run:
    """The state of one run: what was asked and answered, and the problems so far."""

    def __init__(self) -> None:
        self.calls: list[Mapping[str, str]] = []
        self.pages: list[object] = []
        self.sink = Sink()

    def fail(self, code: str, path: str, message: str) -> PagingError:
        self.sink.report(code, path, message)
        return PagingError(self.sink.finish(), self.calls, self.pages)

    def token(self, page: Mapping[Any, Any], name: str) -> str | None:
        value = dict.get(page, name) if isinstance(page, dict) else page.get(name)
        if value is None or (isinstance(value, str) and not str.__len__(value)):
            return None
        if not isinstance(value, str):
            path = pointer("", len(self.pages) - 1, name)
            raise self.fail("type", path, f"{name} must be a string (got {show(value)})")
        return str.__str__(value)

    def items(self, page: object) -> list[object]:
        index = len(self.pages) - 1
        if not isinstance(page, Mapping):
            message = f"an events.list page must be an object (got {describe_type(page)})"
            raise self.fail("type", pointer("", index), message)
        items = dict.get(page, "items", []) if isinstance(page, dict) else page.get("items", [])
        if not isinstance(items, list):
            message = f"items must be an array of events (got {describe_type(items)})"
            raise self.fail("type", pointer("", index, "items"), message)
        return list(list.__iter__(items))


def sync_events(
    list_page: Callable[[dict[str, str]], Mapping[str, Any]],
    sync_token: str | None = None,
    *,
    max_pages: int = MAX_PAGES,
) -> SyncRun:
    """Page through ``events.list`` from ``sync_token`` (a full sync when None).

    ``list_page(arguments)`` performs one call with the extra keyword ``arguments``
    (``pageToken``, ``syncToken``) and returns the response, for instance
    ``lambda args: service.events().list(calendarId="primary", **args).execute()``. When the
    API answers 410 Gone (the sync token is no longer valid), the run says
    ``full_resync_needed``: drop stored state and sync again without a token. The 410 is
    found on the exception whatever the HTTP client: ``resp.status``, ``status_code``,
    ``status``, ``response.status_code`` or ``code``; other exceptions pass through.

    A page that is not an object, whose ``items`` is not an array or whose tokens are not
    strings, a page token the API already gave in this run, and more than ``max_pages``
    pages raise :class:`PagingError` (a :class:`ValidationError`) holding the calls and
    pages so far. A ``list_page`` that is not callable, a ``sync_token`` that is not a
    non-empty string or a ``max_pages`` that is not a positive int raise
    :class:`ValidationError` before any call.
    """
    _check_arguments(list_page, sync_token, max_pages)
    run = _Run()
    events: list[dict[str, Any]] = []
    seen: set[str] = set()
    page_token: str | None = None
    while True:
        arguments: dict[str, str] = {}
        if sync_token is not None:
            arguments["syncToken"] = str.__str__(sync_token)
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
        for position, item in enumerate(run.items(page)):
            if isinstance(item, dict):
                events.append(item)
            else:
                run.sink.report(
                    "type",
                    pointer("", index, "items", position),
                    f"an event must be an object (got {describe_type(item)}); it is left out",
                )
        assert isinstance(page, Mapping)  # run.items() said so
        next_page = run.token(page, "nextPageToken")
        if next_page is None:
            return SyncRun(
                tuple(events), run.token(page, "nextSyncToken"), problems=tuple(run.sink.finish())
            )
        path = pointer("", index, "nextPageToken")
        if next_page in seen:
            raise run.fail(
                "page-token-repeated",
                path,
                f"the API gave nextPageToken {show(next_page)} a second time (page "
                f"{index + 1:,}): paging would never end, so it stopped",
            )
        if len(run.pages) >= max_pages:
            raise run.fail(
                "too-many-pages",
                path,
                f"more than max_pages={max_pages:,} pages (the next token is "
                f"{show(next_page)}); pass a larger max_pages to go on",
            )
        seen.add(next_page)
        page_token = next_page
