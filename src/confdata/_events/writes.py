"""Safe writes to the Calendar API: arguments for google-api-python-client's
``events().patch(...)`` and ``events().insert(...)``.

Both always carry ``conferenceDataVersion=1``: with the default 0 the API silently ignores
``conferenceData``, the most common failure users report [S3]. A create request gets a fresh
``requestId`` (the API ignores a request whose ID repeats the previous one) and loses its
read-only ``status``. google-api-python-client is not needed: the arguments are plain dicts.

Who may write what: Calendar makes an ``addOn`` conference when a user picks the add-on in
Calendar and the add-on's ``onCreateFunction`` answers [S9][S10]. Users report that a write
of ``addOn`` conference data from any other client is refused with 400 "Invalid conference
data" (see the decisions page); the helpers warn with ``add-on-data-write`` before such a
write. A backend can ask Calendar for a Google Meet conference (:func:`meet_request`) or put
the join details in the event's text (:func:`~confdata.writes.join_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, get_args

import attrs

from .._core import values as model
from .._core.catalog import RULES
from .._core.checks import check_calendar
from .._core.enums import SolutionType
from .._core.foreign import NotJSON, exact_str
from .._core.problems import Problem, Severity, ValidationError
from .._core.redact import render
from .._core.rules.members import text
from .._core.sink import Sink, pointer, single
from .._core.spec import CALENDAR_PATHS, EVENT_CONFERENCE, MODEL_CONFERENCE, Text, json_path
from .._core.text import describe_type, show
from .._core.values import new_request_id
from .event_json import plain_object

__all__ = ["EventWrite", "if_match_headers", "insert_arguments", "meet_request", "patch_arguments"]

# What the Calendar form cannot hold whole: its parameters are a map, so of two parameters
# with one key it keeps one. The value's own rule says so; a write refuses to lose it.
_UNHOLDABLE = frozenset({"duplicate-parameter-key"})

SendUpdates = Literal["all", "externalOnly", "none"]
_SEND_UPDATES: tuple[str, ...] = get_args(SendUpdates)
_SEND_UPDATES_TEXT = ", ".join(map(repr, _SEND_UPDATES[:-1])) + f" or {_SEND_UPDATES[-1]!r}"
_MAX_ID_CHARS = 1 << 20

# The create request's members a write sets or leaves out, as the Calendar form spells them.
_REQUEST, _STATUS = CALENDAR_PATHS.request_status[:2]
_REQUEST_ID = CALENDAR_PATHS.request_id[-1]
_ERROR = pointer("", *json_path(MODEL_CONFERENCE, "error"))


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


def _add_on_write(data: model.ConferenceData) -> Problem | None:
    """The warning before a write of ``addOn`` conference data (None for other data)."""
    solution = data.conference_solution
    request = data.create_request
    if solution is not None and solution.key_type is SolutionType.ADD_ON:
        path = pointer("", *CALENDAR_PATHS.solution_type)
        what = "an addOn conference"
    elif request is not None and request.solution_type is SolutionType.ADD_ON:
        path = pointer("", *CALENDAR_PATHS.request_type)
        what = "a create request for an addOn conference"
    else:
        return None
    return Problem(
        code="add-on-data-write",
        severity=RULES["add-on-data-write"].severity,
        path=path,
        message=f"this write sends {what} through the Calendar API: Calendar makes add-on "
        "conferences when a user picks the add-on and its onCreateFunction answers, and "
        "users report 400 'Invalid conference data' for such writes from any other client; "
        "from a backend, ask for Google Meet (meet_request()) or put the join details in "
        "the event's text (join_text())",
    )


def conference_write_body(
    data: model.ConferenceData, *, validate: bool = True, keep_request_id: bool = False
) -> tuple[dict[str, Any], list[Problem]]:
    """The ``conferenceData`` to write, and the problems found (errors raise)."""
    given: object = data
    if not issubclass(type(given), model.ConferenceData):
        raise single("type", "", f"data must be a ConferenceData (got {describe_type(given)})")
    if data.is_error:
        raise single(
            "error-not-writable",
            _ERROR,
            "an error result cannot be written to an event: answer the add-on call with "
            "to_addon_json() instead",
        )
    own_errors = [p for p in data.problems if p.severity is Severity.ERROR]
    if validate and own_errors:
        # The value's own rules first: what it holds, before the Calendar form drops any of it.
        raise ValidationError(data.problems)
    unholdable = [p for p in own_errors if p.code in _UNHOLDABLE]
    if unholdable:  # even with validate=False: the write would lose data silently
        raise ValidationError(unholdable)
    body: dict[str, Any] = dict(data.to_calendar_json())
    sink = Sink()
    if validate:
        # Exactly what is written is checked, by the rules of the form it is written in,
        # into this one bounded sink (a list already capped would be counted twice).
        check_calendar(sink, body)
        if sink.has_errors():
            raise ValidationError(sink.finish())
    warning = _add_on_write(data)
    if warning is not None:
        sink.report(warning.code, warning.path, warning.message)
    request = body.get(_REQUEST)
    if request is not None:
        if _STATUS in request:
            sink.report(
                "status-read-only",
                pointer("", _REQUEST, _STATUS),
                f"{_REQUEST}.{_STATUS} is read-only and set by the server; it was left out",
            )
            del request[_STATUS]
        if not keep_request_id or _REQUEST_ID not in request:
            request[_REQUEST_ID] = new_request_id()
    return body, sink.finish()


def meet_request() -> model.ConferenceData:
    """Conference data that asks Calendar for a new Google Meet conference: a
    ``hangoutsMeet`` create request, what any client may write [S12].

    The write helpers give it a fresh ``requestId`` on every call. Check first that the
    calendar allows it (``can_create(calendar, SolutionType.HANGOUTS_MEET)``), and read the
    conference once Calendar has made it (``wait_for_conference``).
    """
    return model.ConferenceData(
        create_request=model.CreateRequest(solution_type=SolutionType.HANGOUTS_MEET)
    )


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
    chosen = exact_str(given)
    if given is not None and chosen not in _SEND_UPDATES:
        sink.report(
            "enum",
            "/send_updates",
            f"send_updates must be {_SEND_UPDATES_TEXT} (got {show(given)})",
        )
    sink.raise_errors()
    arguments: dict[str, Any] = {
        "calendarId": calendar,
        **checked,
        "body": body,
        "conferenceDataVersion": 1,
    }
    if chosen is not None:
        arguments["sendUpdates"] = chosen
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
    arguments = _arguments(calendar_id, {EVENT_CONFERENCE: conference}, send_updates, event_id)
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
    try:
        copied = plain_object(given, "/event")
    except NotJSON as error:
        raise single("type", error.path, f"event must be JSON data: {error.message}") from None
    if copied is None:
        raise single("type", "/event", f"event must be an object (got {describe_type(given)})")
    if _read_from_another_event(data):
        problems.append(_REUSED)
    body = {**copied, EVENT_CONFERENCE: conference}
    return EventWrite(
        MappingProxyType(_arguments(calendar_id, body, send_updates)), tuple(problems)
    )


def if_match_headers(etag: str | None) -> dict[str, str]:
    """Headers that make a write succeed only if the event is unchanged since it was read:
    ``request.headers.update(if_match_headers(update.etag))`` before ``execute()``."""
    if etag is None:
        return {}
    value = exact_str(etag)
    if not value:
        raise single("type", "/etag", f"etag must be a non-empty string (got {show(etag)})")
    return {"If-Match": value}
