"""What a write lost: :func:`check_write` (see :mod:`confdata.lifecycle`).

Both events are read as their one plain copy first, so the comparisons below look at plain
``dict``, ``list`` and ``str`` values only, and no code of what the caller passed runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.enums import SolutionType
from .._core.foreign import NotJSON, is_int
from .._core.problems import Problem
from .._core.sink import Sink, pointer, single
from .._core.spec import CALENDAR_PATHS, EVENT_CONFERENCE, REQUEST_ID
from .._core.text import describe_type, show, show_uri
from .event_json import member, object_members, plain_object, text_member
from .writes import EventWrite

__all__ = ["check_write"]

_ADD_ON = SolutionType.ADD_ON.value
_WHERE = pointer("", EVENT_CONFERENCE)
# Where the Calendar form holds what a write is compared by (the members checked for presence
# by name, the rest read through their paths).
_PATHS = CALENDAR_PATHS
(_SOLUTION,) = _PATHS.solution
(_ENTRY_POINTS,) = _PATHS.entry_points


def _copy(value: object, name: str, what: str) -> dict[str, Any]:
    """The one plain copy of an argument that must be a JSON object."""
    try:
        copied = plain_object(value)
    except NotJSON as error:
        raise single("type", error.path, f"{name} must be JSON data: {error.message}") from None
    if copied is None:
        raise single("type", "", f"{name} must be {what} (got {describe_type(value)})")
    return copied


def _sent(sent: object) -> tuple[dict[str, Any], object]:
    """The event body a write sent, and its ``conferenceDataVersion`` (None when unknown)."""
    given = sent.arguments if issubclass(type(sent), EventWrite) else sent  # type: ignore[attr-defined]
    copied = _copy(given, "sent", "an EventWrite, its arguments, or the event body sent")
    body = copied.get("body")
    if "calendarId" in copied and object_members(body) is not None:
        assert isinstance(body, dict)  # a plain copy: its objects are dicts
        return body, copied.get("conferenceDataVersion", 0)
    return copied, None


def _dropped_hint(version: object) -> str:
    if version is None:
        return (
            "was conferenceDataVersion=1 set? With the default 0 the API ignores "
            "conferenceData silently"
        )
    if not (is_int(version) and int.__int__(version) == 1):
        return f"the request had conferenceDataVersion={show(version)}: the API ignores it unless 1"
    return "the API dropped or stripped it (addOn data from a client that is not the add-on)"


def check_write(sent: Mapping[str, Any] | EventWrite, returned: Mapping[str, Any]) -> list[Problem]:
    """What a write lost: compare what it sent with the event the API returned.

    ``sent`` is the :class:`~confdata.EventWrite` (or its ``arguments``) or the event body
    that was sent; ``returned`` the event the call answered. Paths are JSON Pointers into the
    event (entry point indexes count in what was sent). One root cause, one problem: data
    dropped entirely, a failed create request or a replaced solution is reported alone.
    A write that sent no conference data has nothing to check.
    """
    body, version = _sent(sent)
    event = _copy(returned, "returned", "the Event object returned")
    sink = Sink()
    wrote = body.get(EVENT_CONFERENCE)
    if wrote is None:
        return []
    got = event.get(EVENT_CONFERENCE)
    where = _WHERE
    if not isinstance(wrote, dict) or (got is not None and not isinstance(got, dict)):
        bad = wrote if not isinstance(wrote, dict) else got
        sink.report("type", where, f"conferenceData must be an object (got {describe_type(bad)})")
        return sink.finish()
    if not got:
        sink.report(
            "conference-data-dropped",
            where,
            f"the write sent conferenceData and the event came back without any: "
            f"{_dropped_hint(version)}",
        )
        return sink.finish()
    if text_member(got, *_PATHS.request_status) == "failure":
        sink.report(
            "create-request-failed",
            pointer(where, *_PATHS.request_status),
            "the create request came back with status failure: Calendar made no conference "
            f"and there are no entry points (ask again with a new {REQUEST_ID.json})",
        )
        return sink.finish()
    if _SOLUTION not in wrote and _ENTRY_POINTS not in wrote:
        return sink.finish()  # a create request: Calendar makes the entry points
    if _replaced(sink, wrote, got):
        return sink.finish()
    _entry_points(sink, wrote.get(_ENTRY_POINTS), got.get(_ENTRY_POINTS))
    _parameters(sink, wrote, got)
    notes, kept = text_member(wrote, *_PATHS.notes), text_member(got, *_PATHS.notes)
    if notes and notes.strip() and not (kept and kept.strip()):
        path = pointer(where, *_PATHS.notes)
        sink.report("notes-lost", path, "the notes sent are missing from the event")
    return sink.finish()


def _replaced(sink: Sink, wrote: dict[str, Any], got: dict[str, Any]) -> bool:
    if text_member(wrote, *_PATHS.solution_type) != _ADD_ON:
        return False
    kind = member(got, *_PATHS.solution_type)
    name, now = (text_member(data, *_PATHS.solution_name) for data in (wrote, got))
    path = pointer(_WHERE, *_PATHS.solution_type)
    if kind != _ADD_ON:  # a plain copy: a string here is an exact str
        what = "no solution" if kind is None else f"the solution type {show(kind)}"
        message = f"the write sent an addOn conference and the event came back with {what}"
    elif name is not None and name != now:
        path = pointer(_WHERE, *_PATHS.solution_name)
        message = (
            f"the write sent the add-on solution {show(name)} and the event came back with "
            f"{show(now)}"
        )
    else:
        return False
    sink.report("solution-replaced", path, message)
    return True


def _entry_point_key(entry: object) -> tuple[str, str] | None:
    kind, uri = text_member(entry, *_PATHS.entry_point_type), text_member(entry, *_PATHS.uri)
    return (kind, uri) if kind is not None and uri is not None else None


def _entry_points(sink: Sink, sent: object, got: object) -> None:
    if not isinstance(sent, list):
        return
    kept = {_entry_point_key(e) for e in got} if isinstance(got, list) else set()
    for index, entry in enumerate(sent):
        key = _entry_point_key(entry)
        if key is not None and key not in kept:
            sink.report(
                "entry-point-lost",
                pointer(_WHERE, *_PATHS.entry_points, index),
                f"the {key[0]} entry point {show_uri(key[1])} sent is missing from the event",
            )


def _parameters(sink: Sink, wrote: dict[str, Any], got: dict[str, Any]) -> None:
    sent, back = member(wrote, *_PATHS.parameters), member(got, *_PATHS.parameters)
    if not isinstance(sent, dict):
        return
    kept: dict[str, object] = back if isinstance(back, dict) else {}
    for key, value in sent.items():
        path = pointer(_WHERE, *_PATHS.parameters, key)
        if key not in kept:
            sink.report("parameter-lost", path, f"the parameter {show(key)} sent is missing")
        elif kept[key] != value:
            sink.report(
                "parameter-lost",
                path,
                f"the parameter {show(key)} was sent as {show(value)} and came back as "
                f"{show(kept[key])}",
            )
