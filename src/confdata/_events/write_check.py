"""What a write lost: :func:`check_write` (see :mod:`confdata.lifecycle`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from confdata import EventWrite, Problem

from .._core.sink import Sink, pointer, single
from .._core.text import describe_type, show, show_uri
from .event_json import member as _member

__all__ = ["check_write"]


def _sent(sent: object) -> tuple[Mapping[str, Any], object]:
    """The event body a write sent, and its ``conferenceDataVersion`` (None when unknown)."""
    if isinstance(sent, EventWrite):
        sent = sent.arguments
    if isinstance(sent, Mapping) and "calendarId" in sent and isinstance(sent.get("body"), Mapping):
        return sent["body"], sent.get("conferenceDataVersion", 0)
    if isinstance(sent, Mapping):
        return sent, None
    raise single(
        "type",
        "",
        "sent must be an EventWrite, its arguments, or the event body sent "
        f"(got {describe_type(sent)})",
    )


def _dropped_hint(version: object) -> str:
    if version is None:
        return (
            "was conferenceDataVersion=1 set? With the default 0 the API ignores "
            "conferenceData silently"
        )
    if version != 1:
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
    if not isinstance(returned, Mapping):
        got = describe_type(returned)
        raise single("type", "", f"returned must be the Event object returned (got {got})")
    sink = Sink()
    wrote = body.get("conferenceData")
    if wrote is None:
        return []
    got = returned.get("conferenceData")
    where = "/conferenceData"
    if not isinstance(wrote, Mapping) or (got is not None and not isinstance(got, Mapping)):
        bad = wrote if not isinstance(wrote, Mapping) else got
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
    assert isinstance(got, Mapping)
    if _member(got, "createRequest", "status", "statusCode") == "failure":
        sink.report(
            "create-request-failed",
            f"{where}/createRequest/status/statusCode",
            "the create request came back with status failure: Calendar made no conference "
            "and there are no entry points (ask again with a new requestId)",
        )
        return sink.finish()
    if "conferenceSolution" not in wrote and "entryPoints" not in wrote:
        return sink.finish()  # a create request: Calendar makes the entry points
    if _replaced(sink, wrote, got):
        return sink.finish()
    _entry_points(sink, wrote.get("entryPoints"), got.get("entryPoints"))
    _parameters(sink, wrote, got)
    notes, kept = wrote.get("notes"), got.get("notes")
    if isinstance(notes, str) and notes.strip() and not (isinstance(kept, str) and kept.strip()):
        sink.report("notes-lost", f"{where}/notes", "the notes sent are missing from the event")
    return sink.finish()


def _replaced(sink: Sink, wrote: Mapping[str, Any], got: Mapping[str, Any]) -> bool:
    if _member(wrote, "conferenceSolution", "key", "type") != "addOn":
        return False
    kind = _member(got, "conferenceSolution", "key", "type")
    name, now = (_member(data, "conferenceSolution", "name") for data in (wrote, got))
    path = "/conferenceData/conferenceSolution/key/type"
    if kind != "addOn":
        what = "no solution" if kind is None else f"the solution type {show(kind)}"
        message = f"the write sent an addOn conference and the event came back with {what}"
    elif isinstance(name, str) and name != now:
        path = "/conferenceData/conferenceSolution/name"
        message = (
            f"the write sent the add-on solution {show(name)} and the event came back with "
            f"{show(now)}"
        )
    else:
        return False
    sink.report("solution-replaced", path, message)
    return True


def _entry_point_key(entry: object) -> tuple[str, str] | None:
    kind, uri = _member(entry, "entryPointType"), _member(entry, "uri")
    return (kind, uri) if isinstance(kind, str) and isinstance(uri, str) else None


def _entry_points(sink: Sink, sent: object, got: object) -> None:
    if not isinstance(sent, list):
        return
    kept = {_entry_point_key(e) for e in got} if isinstance(got, list) else set()
    for index, entry in enumerate(sent):
        key = _entry_point_key(entry)
        if key is not None and key not in kept:
            sink.report(
                "entry-point-lost",
                f"/conferenceData/entryPoints/{index}",
                f"the {key[0]} entry point {show_uri(key[1])} sent is missing from the event",
            )


def _parameters(sink: Sink, wrote: Mapping[str, Any], got: Mapping[str, Any]) -> None:
    nesting = ("parameters", "addOnParameters", "parameters")
    sent, back = _member(wrote, *nesting), _member(got, *nesting)
    if not isinstance(sent, Mapping):
        return
    kept: Mapping[str, object] = back if isinstance(back, Mapping) else {}
    for key, value in sent.items():
        if not isinstance(key, str):
            continue
        path = pointer("/conferenceData/parameters/addOnParameters/parameters", key)
        if key not in kept:
            sink.report("parameter-lost", path, f"the parameter {show(key)} sent is missing")
        elif kept[key] != value:
            sink.report(
                "parameter-lost",
                path,
                f"the parameter {show(key)} was sent as {show(value)} and came back as "
                f"{show(kept[key])}",
            )
