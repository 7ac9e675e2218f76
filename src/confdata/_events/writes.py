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

from .._core import values as model
from .._core.catalog import RULES
from .._core.problems import Problem, ValidationError
from .._core.redact import render
from .._core.rules.members import text
from .._core.sink import Sink, single
from .._core.spec import Text
from .._core.text import describe_type, show
from .._core.values import new_request_id
from ..validation import validate_calendar_json

__all__ = ["EventWrite", "insert_arguments", "patch_arguments"]

SendUpdates = Literal["all", "externalOnly", "none"]
_SEND_UPDATES = ("all", "externalOnly", "none")
_MAX_ID_CHARS = 1 << 20


@attrs.frozen(repr=False)
class EventWrite:
    """Keyword arguments for an ``events()`` call, and what the helper noticed on the way.

    Use as ``service.events().patch(**write.arguments).execute()``. The repr shows the
    arguments with every secret masked (pins, passcodes, passwords, access and meeting codes,
    and the secrets of URIs).
    """

    arguments: Mapping[str, Any]
    """The keyword arguments of the call, read-only: ``conferenceDataVersion=1`` always."""
    problems: tuple[Problem, ...] = ()
    """What the helper noticed and did not refuse: warnings such as ``status-read-only``."""

    def __repr__(self) -> str:
        return f"EventWrite(arguments={render(self.arguments)}, problems={self.problems!r})"


def conference_write_body(
    data: model.ConferenceData, *, validate: bool = True, keep_request_id: bool = False
) -> tuple[dict[str, Any], list[Problem]]:
    """The ``conferenceData`` to write, and the problems found (errors raise)."""
    given: object = data
    if not isinstance(given, model.ConferenceData):
        raise single("type", "", f"data must be a ConferenceData (got {describe_type(given)})")
    if data.is_error:
        raise single(
            "error-not-writable",
            "/error",
            "an error result cannot be written to an event: answer the add-on call with "
            "to_addon_json() instead",
        )
    body: dict[str, Any] = dict(data.to_calendar_json())
    sink = Sink()
    if validate:
        # Exactly what is written is checked, by the rules of the form it is written in.
        sink.extend(validate_calendar_json(body))
        if sink.has_errors():
            raise ValidationError(sink.finish())
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


def _read_from_another_event(data: model.ConferenceData) -> bool:
    """Conference data read from Calendar that is an existing conference, not a request."""
    return (
        data.source_form == "calendar"
        and data.create_request is None
        and (data.conference_id is not None or data.signature is not None)
    )


_REUSED = Problem(
    code="conference-reused",
    severity=RULES["conference-reused"].severity,
    path="",
    message="a new event gets conference data read from another event: reusing conference "
    "data across events can cause access issues (Event.conferenceData); make a new "
    "conference, a fresh create request or a call to your add-on",
)


def _string(sink: Sink, value: object, name: str) -> str:
    """An argument that must be a non-empty string (the ``text`` rule), as a plain ``str``."""
    return text(sink, value, Text(name, name, _MAX_ID_CHARS, nonempty=True), ("",), name) or ""


def _arguments(
    calendar_id: str,
    body: dict[str, Any],
    send_updates: SendUpdates | None,
    event_id: str | None = None,
) -> dict[str, Any]:
    sink = Sink()
    calendar = _string(sink, calendar_id, "calendar_id")
    checked = {} if event_id is None else {"eventId": _string(sink, event_id, "event_id")}
    given: object = send_updates
    if given is not None and not (isinstance(given, str) and str.__str__(given) in _SEND_UPDATES):
        sink.report(
            "enum",
            "/send_updates",
            f"send_updates must be 'all', 'externalOnly' or 'none' (got {show(given)})",
        )
    sink.raise_errors()
    arguments: dict[str, Any] = {
        "calendarId": calendar,
        **checked,
        "body": body,
        "conferenceDataVersion": 1,
    }
    if given is not None:
        arguments["sendUpdates"] = str.__str__(given)
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

    ``validate=False`` writes data read leniently from Google back as it is. Wrong arguments
    raise :class:`ValidationError` naming the argument and the value.
    """
    conference, problems = conference_write_body(
        data, validate=validate, keep_request_id=keep_request_id
    )
    arguments = _arguments(calendar_id, {"conferenceData": conference}, send_updates, event_id)
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
    given: object = event
    if not isinstance(given, Mapping):
        raise single("type", "/event", f"event must be an object (got {describe_type(given)})")
    if _read_from_another_event(data):
        problems.append(_REUSED)
    body = {**given, "conferenceData": conference}
    return EventWrite(
        MappingProxyType(_arguments(calendar_id, body, send_updates)), tuple(problems)
    )
