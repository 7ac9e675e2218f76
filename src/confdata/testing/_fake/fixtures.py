"""Fixtures for the fake Calendar: the shape :meth:`FakeCalendar.seed` takes, checked."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..._core.sink import Sink, pointer
from ..._core.text import describe_type

__all__ = ["checked_fixture", "create_status"]


def create_status(conference: Mapping[str, Any]) -> object:
    request = conference.get("createRequest")
    status = request.get("status") if isinstance(request, dict) else None
    return status.get("statusCode") if isinstance(status, dict) else None


def checked_fixture(fixture: object) -> dict[str, dict[str, Any]]:
    """The fixture's calendars, each a copy with its ``events`` list; every shape problem at
    once as a :class:`ValidationError`."""
    sink = Sink()
    out: dict[str, dict[str, Any]] = {}
    calendars = fixture.get("calendars") if isinstance(fixture, Mapping) else None
    if not isinstance(calendars, Mapping):
        got = describe_type(calendars if isinstance(fixture, Mapping) else fixture)
        sink.report(
            "type",
            "/calendars",
            f"a fixture is an object whose calendars member is an object (got {got})",
        )
        sink.raise_errors()
    assert isinstance(calendars, Mapping)
    for calendar_id, settings in calendars.items():
        where = pointer("/calendars", calendar_id) if isinstance(calendar_id, str) else "/calendars"
        if not isinstance(calendar_id, str) or not calendar_id or not isinstance(settings, Mapping):
            sink.report(
                "type",
                where,
                f"each calendar is an object under a non-empty ID (got {describe_type(settings)})",
            )
            continue
        try:
            copy = json.loads(json.dumps(dict(settings)))
        except (TypeError, ValueError):
            sink.report("type", where, "a calendar's settings and events must be JSON data")
            continue
        events = copy.get("events", [])
        if not isinstance(events, list):
            sink.report(
                "type", f"{where}/events", f"events must be an array (got {describe_type(events)})"
            )
            continue
        for index, event in enumerate(events):
            if (
                not isinstance(event, dict)
                or not isinstance(event.get("id"), str)
                or not event["id"]
            ):
                sink.report(
                    "type",
                    f"{where}/events/{index}",
                    "each event is an object with a non-empty string id",
                )
        copy["events"] = events
        out[calendar_id] = copy
    sink.raise_errors()
    return out
