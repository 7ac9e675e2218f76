"""Fixtures for the fake Calendar: the shape :meth:`FakeCalendar.seed` takes, checked.

A fixture is foreign data: it is copied once through the trust boundary
(:func:`confdata._core.foreign.plain_json`), so a cycle, a non-JSON value or ``NaN`` is a
:class:`~confdata.ValidationError` naming its place, never an exception of another kind.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..._core.foreign import NotJSON, array, exact_str, is_object, items, member, plain_json
from ..._core.sink import Sink, pointer, single
from ..._core.spec import CALENDAR_PATHS
from ..._core.text import describe_type
from .schema import MAX_DEPTH, depth

__all__ = ["checked_fixture", "create_status", "json_text", "plain"]


def create_status(conference: object) -> object:
    """The ``statusCode`` of a conference's create request, if any."""
    return member(conference, *CALENDAR_PATHS.request_status)


def _finite(value: object) -> str | None:
    """The JSON Pointer of the first float that is not finite in ``value``, or None."""
    stack: list[tuple[object, str]] = [(value, "")]
    while stack:
        current, where = stack.pop()
        if type(current) is float and not math.isfinite(current):
            return where
        pairs = items(current)
        if pairs is not None:
            stack.extend((child, pointer(where, str(key))) for key, child in pairs)
        else:
            listed = array(current)
            stack.extend((child, pointer(where, i)) for i, child in enumerate(listed or ()))
    return None


def plain(value: object, path: str) -> Any:
    """The one plain copy of a value from the caller; ValidationError (at ``path`` plus the
    JSON Pointer inside) for anything that is not JSON, ``NaN`` and infinities included."""
    try:
        copy = plain_json(value)
    except NotJSON as error:
        raise single("type", f"{path}{error.path}", error.message) from None
    where = _finite(copy)
    if where is not None:
        raise single("type", f"{path}{where}", "NaN and infinities are not JSON numbers")
    if depth(copy) > MAX_DEPTH:
        raise single("type", path, f"the value nests deeper than {MAX_DEPTH} levels")
    return copy


def _not_json(constant: str) -> object:
    raise ValueError(f"{constant} is not JSON")


def json_text(text: object) -> Any:
    """JSON text (``str`` or ``bytes``) parsed strictly (RFC 8259: no ``NaN``); a
    ValidationError for anything else, however deep it nests."""
    raw = bytes(text) if type(text) is bytes else exact_str(text)
    if raw is None:
        raise single("type", "", f"the fixture must be JSON text (got {describe_type(text)})")
    try:
        return json.loads(raw, parse_constant=_not_json)
    except ValueError as error:
        message = f"the fixture is not JSON text: {str(error)[:200]}"
    except RecursionError:
        message = "the fixture is not JSON text: it nests too deeply"
    raise single("type", "", message)


def checked_fixture(fixture: object) -> dict[str, dict[str, Any]]:
    """The fixture's calendars, each a plain copy with its ``events`` list; every shape
    problem at once as a :class:`ValidationError`."""
    copy = plain(fixture, "")
    sink = Sink()
    out: dict[str, dict[str, Any]] = {}
    calendars = copy.get("calendars") if is_object(copy) else None
    if not is_object(calendars):
        got = describe_type(calendars if is_object(copy) else copy)
        sink.report(
            "type",
            "/calendars",
            f"a fixture is an object whose calendars member is an object (got {got})",
        )
        sink.raise_errors()
    assert is_object(calendars)
    for calendar_id, settings in calendars.items():
        where = pointer("/calendars", calendar_id)
        if not calendar_id or not is_object(settings):
            sink.report(
                "type",
                where,
                f"each calendar is an object under a non-empty ID (got {describe_type(settings)})",
            )
            continue
        events = settings.get("events", [])
        if type(events) is not list:
            sink.report(
                "type", f"{where}/events", f"events must be an array (got {describe_type(events)})"
            )
            continue
        for index, event in enumerate(events):
            if not is_object(event) or not exact_str(event.get("id")):
                sink.report(
                    "type",
                    f"{where}/events/{index}",
                    "each event is an object with a non-empty string id",
                )
        out[calendar_id] = {**settings, "events": events}
    sink.raise_errors()
    return out
