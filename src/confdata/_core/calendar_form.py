"""The Calendar API v3 ``Event.conferenceData`` form: its JSON shape, emitting and reading.

Spellings: ``entryPointType`` and ``entryPointFeatures`` with lower-case values, ``notes``,
parameters nested as ``parameters.addOnParameters.parameters`` (a map) [S3].
"""

from __future__ import annotations

from typing import Any, NotRequired

from typing_extensions import TypedDict

from . import spec as _spec
from .enums import RequestStatus, SolutionType
from .reading import Reader, check_read, put_back, spell_entry_point
from .rules.members import exact_str
from .spec import CALENDAR
from .walk.calendar import walk_calendar
from .walk.shared import as_object

__all__ = [
    "CalendarAddOnParameters",
    "CalendarConferenceData",
    "CalendarConferenceSolution",
    "CalendarCreateRequest",
    "CalendarEntryPoint",
    "CalendarParameters",
    "CalendarRequestStatus",
    "CalendarSolutionKey",
]


class CalendarSolutionKey(TypedDict):
    """``ConferenceSolutionKey``: ``hangoutsMeet``, ``addOn`` (or a deprecated type)."""

    type: NotRequired[str]


class CalendarConferenceSolution(TypedDict):
    """``ConferenceSolution``: the solution's key, display name and icon."""

    key: NotRequired[CalendarSolutionKey]
    name: NotRequired[str]
    iconUri: NotRequired[str]


class CalendarRequestStatus(TypedDict):
    """``ConferenceRequestStatus``: ``pending``, ``success`` or ``failure`` (read-only)."""

    statusCode: NotRequired[str]


class CalendarCreateRequest(TypedDict):
    """``CreateConferenceRequest``."""

    requestId: NotRequired[str]
    conferenceSolutionKey: NotRequired[CalendarSolutionKey]
    status: NotRequired[CalendarRequestStatus]


class CalendarEntryPoint(TypedDict):
    """``EntryPoint``: ``entryPointType`` is ``video``, ``phone``, ``sip`` or ``more``."""

    entryPointType: str
    uri: str
    label: NotRequired[str]
    pin: NotRequired[str]
    accessCode: NotRequired[str]
    meetingCode: NotRequired[str]
    passcode: NotRequired[str]
    password: NotRequired[str]
    regionCode: NotRequired[str]
    entryPointFeatures: NotRequired[list[str]]


class CalendarAddOnParameters(TypedDict):
    """``ConferenceParametersAddOnParameters``: a map of string keys to string values."""

    parameters: dict[str, str]


class CalendarParameters(TypedDict):
    """``ConferenceParameters``."""

    addOnParameters: CalendarAddOnParameters


class CalendarConferenceData(TypedDict):
    """``ConferenceData`` as the Calendar API v3 sends and receives it."""

    conferenceId: NotRequired[str]
    conferenceSolution: NotRequired[CalendarConferenceSolution]
    createRequest: NotRequired[CalendarCreateRequest]
    entryPoints: NotRequired[list[CalendarEntryPoint]]
    notes: NotRequired[str]
    parameters: NotRequired[CalendarParameters]
    signature: NotRequired[str]


def error_result_json() -> CalendarConferenceData:
    """confdata's Calendar mapping of an error result: a failed add-on create request
    (SPEC §2.1; no requestId, so the output is deterministic)."""
    return {
        "createRequest": {
            "conferenceSolutionKey": {"type": SolutionType.ADD_ON.value},
            "status": {"statusCode": RequestStatus.FAILURE.value},
        }
    }


def emit(data: Any, solution: Any) -> CalendarConferenceData:
    """``data`` (a :class:`~confdata.ConferenceData`) in the Calendar form, with ``solution``
    as its conference solution; error results as a failed create request."""
    if data.error is not None:
        return error_result_json()
    out: dict[str, Any] = {}
    if data.conference_id is not None:
        out["conferenceId"] = data.conference_id
    if solution is not None:
        written: dict[str, Any] = {}
        if solution.key_type is not None:
            written["key"] = {"type": solution.key_type.value}
        if solution.name is not None:
            written["name"] = solution.name
        if solution.icon_uri is not None:
            written["iconUri"] = solution.icon_uri
        out["conferenceSolution"] = written
    request = data.create_request
    if request is not None:
        req: dict[str, Any] = {}
        if request.request_id is not None:
            req["requestId"] = request.request_id
        if request.solution_type is not None:
            req["conferenceSolutionKey"] = {"type": request.solution_type.value}
        if request.status is not None:
            req["status"] = {"statusCode": request.status.value}
        out["createRequest"] = req
    if data.entry_points:
        out["entryPoints"] = [spell_entry_point(ep, CALENDAR) for ep in data.entry_points]
    if data.notes is not None:
        out["notes"] = data.notes
    if data.parameters:
        pairs = {parameter.key: parameter.value for parameter in data.parameters}
        out["parameters"] = {"addOnParameters": {"parameters": pairs}}
    if data.signature is not None:
        out["signature"] = data.signature
    put_back(out, data, CALENDAR)
    return out  # type: ignore[return-value]  # built member by member as the TypedDict says


def read(obj: object, *, lenient: bool) -> dict[str, Any]:
    """The keyword arguments of the :class:`~confdata.ConferenceData` that ``obj`` holds,
    its parts as keyword arguments too; raises :class:`~confdata.ValidationError` unless
    the read may go on (see :meth:`~confdata.ConferenceData.from_calendar_json`)."""
    problems = check_read(walk_calendar, obj, lenient=lenient)
    reader = Reader(CALENDAR)
    fields: dict[str, Any] = {"conference_solution": None, "read_problems": tuple(problems)}
    for raw_key, value in as_object(obj) or ():
        key = exact_str(raw_key)
        if key == "conferenceId":
            fields["conference_id"] = exact_str(value)
        elif key == "entryPoints":
            fields["entry_points"] = reader.entry_points(value)
        elif key == "conferenceSolution":
            fields["conference_solution"] = _solution(reader, value)
        elif key == "createRequest":
            fields["create_request"] = _request(reader, value)
        elif key == "notes":
            fields["notes"] = exact_str(value)
        elif key == "parameters":
            fields["parameters"] = _parameters(reader, value)
        elif key == "signature":
            fields["signature"] = exact_str(value)
        elif key is not None:
            reader.keep(value, key)
    fields["preserved"] = reader.finish()
    return fields


def _members(value: object) -> dict[str | None, object]:
    return {exact_str(k): v for k, v in as_object(value) or ()}


def _key_type(reader: Reader, value: object, *tokens: str) -> SolutionType | None:
    key = _members(value)
    reader.keep_unknown(key.items(), _spec.KEY_MEMBERS, *tokens)
    if "type" not in key:
        reader.keep(value, *tokens)  # an empty key object
        return None
    kind = _spec.SOLUTION_TYPES.get(exact_str(key["type"]) or "")
    if kind is None:
        reader.keep(key["type"], *tokens, "type")
    return kind


def _solution(reader: Reader, value: object) -> dict[str, Any]:
    solution = _members(value)
    reader.keep_unknown(solution.items(), _spec.SOLUTION_MEMBERS, "conferenceSolution")
    fields: dict[str, Any] = {
        "key_type": None,
        "name": exact_str(solution.get("name")),
        "icon_uri": exact_str(solution.get("iconUri")),
    }
    if "key" in solution:
        fields["key_type"] = _key_type(reader, solution["key"], "conferenceSolution", "key")
    elif not solution:
        reader.keep(value, "conferenceSolution")
    return fields


def _request(reader: Reader, value: object) -> dict[str, Any]:
    request = _members(value)
    reader.keep_unknown(request.items(), _spec.REQUEST_MEMBERS, "createRequest")
    fields: dict[str, Any] = {
        "request_id": exact_str(request.get("requestId")),
        "solution_type": None,
        "status": None,
    }
    if "conferenceSolutionKey" in request:
        fields["solution_type"] = _key_type(
            reader, request["conferenceSolutionKey"], "createRequest", "conferenceSolutionKey"
        )
    if "status" in request:
        status = _members(request["status"])
        reader.keep_unknown(status.items(), _spec.STATUS_MEMBERS, "createRequest", "status")
        if "statusCode" not in status:
            reader.keep(request["status"], "createRequest", "status")
        else:
            fields["status"] = _spec.STATUSES.get(exact_str(status["statusCode"]) or "")
            if fields["status"] is None:
                reader.keep(status["statusCode"], "createRequest", "status", "statusCode")
    if not request:
        reader.keep(value, "createRequest")
    return fields


def _parameters(reader: Reader, value: object) -> list[tuple[str, str]]:
    wrapper = _members(value)
    reader.keep_unknown(wrapper.items(), _spec.PARAMETERS_MEMBERS, "parameters")
    inner = _members(wrapper.get("addOnParameters"))
    reader.keep_unknown(
        inner.items(), _spec.ADDON_PARAMETERS_MEMBERS, "parameters", "addOnParameters"
    )
    pairs = [
        (exact_str(k) or "", exact_str(v) or "")
        for k, v in as_object(inner.get("parameters")) or ()
    ]
    if not pairs:
        if "parameters" in inner:
            reader.keep(inner["parameters"], "parameters", "addOnParameters", "parameters")
        elif "addOnParameters" in wrapper:
            reader.keep(wrapper["addOnParameters"], "parameters", "addOnParameters")
        else:
            reader.keep(value, "parameters")
    return pairs
