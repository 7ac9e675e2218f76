"""Safe writes to the Calendar API: arguments for google-api-python-client's
``events().patch(...)`` and ``events().insert(...)``.

Both always carry ``conferenceDataVersion=1``: with the default 0 the API silently ignores
``conferenceData``, the most common failure users report [S3]. A create request gets a fresh
``requestId`` (the API ignores a request whose ID repeats the previous one) and loses its
read-only ``status``. google-api-python-client is not needed: the arguments are plain dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs

from . import model
from ._parts import new_request_id
from ._problems import Problem, Severity, ValidationError
from ._rules import text
from ._sink import Sink
from ._spec import Text
from ._text import describe_type, show

__all__ = ["EventWrite", "insert_arguments", "patch_arguments"]

SendUpdates = Literal["all", "externalOnly", "none"]


@attrs.frozen
class EventWrite:
    """Keyword arguments for an ``events()`` call, and what the helper noticed on the way.

    Use as ``service.events().patch(**write.arguments).execute()``.
    """

    arguments: Mapping[str, Any]
    problems: tuple[Problem, ...] = ()


def conference_write_body(
    data: model.ConferenceData, *, validate: bool = True, keep_request_id: bool = False
) -> tuple[dict[str, Any], list[Problem]]:
    """The ``conferenceData`` to write, and the problems found (errors raise)."""
    sink = Sink()
    if not isinstance(data, model.ConferenceData):
        sink.report("type", "", f"data must be a ConferenceData (got {describe_type(data)})")
        sink.raise_errors()
    if data.is_error:
        sink.report(
            "error-not-writable",
            "/error",
            "an error result cannot be written to an event: answer the add-on call with "
            "to_addon_json() instead",
        )
        sink.raise_errors()
    if validate:
        # Writing is strict (SPEC §5): what the value breaks, and the unknown members and
        # values a lenient read kept, stop the write unless validate=False.
        sink.extend(data.problems)
        if data.preserved:
            sink.extend(p for p in data.read_problems if p.code in _UNKNOWN and p.is_error)
        sink.raise_errors()
    body: dict[str, Any] = dict(data.to_calendar_json())
    request = body.get("createRequest")
    if request is not None:
        if "status" in request:
            sink.report(
                "status-read-only",
                "/createRequest/status",
                "createRequest.status is read-only and set by the server; it was left out",
            )
            del request["status"]
        if not keep_request_id or "requestId" not in request:
            request["requestId"] = new_request_id()
    return body, sink.finish()


_UNKNOWN = frozenset({"unknown-field", "enum"})


def _arguments(
    calendar_id: str, body: dict[str, Any], send_updates: SendUpdates | None, **more: Any
) -> dict[str, Any]:
    sink = Sink()
    for name, value in (("calendar_id", calendar_id), *more.items()):
        text(sink, value, Text(name, name, nonempty=True), ("",), name)
    if send_updates is not None and send_updates not in ("all", "externalOnly", "none"):
        sink.report(
            "enum",
            "/send_updates",
            f"send_updates must be 'all', 'externalOnly' or 'none' (got {show(send_updates)})",
        )
    sink.raise_errors()
    arguments: dict[str, Any] = {
        "calendarId": calendar_id,
        **more,
        "body": body,
        "conferenceDataVersion": 1,
    }
    if send_updates is not None:
        arguments["sendUpdates"] = send_updates
    return arguments


def patch_arguments(
    data: model.ConferenceData,
    *,
    calendar_id: str,
    event_id: str,
    send_updates: SendUpdates | None = None,
    validate: bool = True,
    keep_request_id: bool = False,
) -> EventWrite:
    """Arguments for ``events().patch(...)`` that set the event's conference data.

    ``validate=False`` writes data read leniently from Google back as it is.
    """
    conference, problems = conference_write_body(
        data, validate=validate, keep_request_id=keep_request_id
    )
    arguments = _arguments(
        calendar_id, {"conferenceData": conference}, send_updates, eventId=event_id
    )
    return EventWrite(MappingProxyType(arguments), tuple(problems))


def insert_arguments(
    data: model.ConferenceData,
    *,
    calendar_id: str,
    event: Mapping[str, Any],
    send_updates: SendUpdates | None = None,
    validate: bool = True,
    keep_request_id: bool = False,
) -> EventWrite:
    """Arguments for ``events().insert(...)``: ``event`` with this conference data."""
    conference, problems = conference_write_body(
        data, validate=validate, keep_request_id=keep_request_id
    )
    if (
        data.source_form == "calendar"
        and data.create_request is None
        and (data.conference_id is not None or data.signature is not None)
    ):
        problems.append(
            Problem(
                code="conference-reused",
                severity=Severity.WARNING,
                path="",
                message="a new event gets conference data read from another event: Google "
                "warns that reusing conference data across events can cause access issues; "
                "make a new conference (a fresh create request, or a call to your add-on)",
            )
        )
    if not isinstance(event, Mapping):
        raise ValidationError(
            [
                *problems,
                Problem(
                    code="type",
                    severity=Severity.ERROR,
                    path="/event",
                    message=f"event must be an object (got {describe_type(event)})",
                ),
            ]
        )
    body = {**event, "conferenceData": conference}
    return EventWrite(
        MappingProxyType(_arguments(calendar_id, body, send_updates)), tuple(problems)
    )
