"""The Calendar API v3 ``Event.conferenceData`` form: its JSON shape, emitting and reading.

Spellings: ``entryPointType`` and ``entryPointFeatures`` with lower-case values, ``notes``,
parameters nested as ``parameters.addOnParameters.parameters`` (a map) [S3].
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from . import model
from ._enums import RequestStatus, SolutionType
from ._fast import Parts, clean_calendar_parts
from ._formio import Emitter, Reader, put_back_preserved, raise_if_unreadable
from ._forms import (
    ADDON_PARAMETERS_MEMBERS,
    CALENDAR,
    CALENDAR_MEMBERS,
    KEY_MEMBERS,
    PARAMETERS_MEMBERS,
    REQUEST_MEMBERS,
    REQUEST_STATUSES,
    SOLUTION_MEMBERS,
    SOLUTION_TYPES,
    STATUS_MEMBERS,
)
from ._guard import guarded
from ._problems import Problem
from .validation import engine_calendar_problems, manifest_ids

if TYPE_CHECKING:
    from .manifest import Manifest

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
    """confdata's Calendar mapping of an error result: a failed add-on create request."""
    return {
        "createRequest": {
            "conferenceSolutionKey": {"type": SolutionType.ADD_ON.value},
            "status": {"statusCode": RequestStatus.FAILURE.value},
        }
    }


_SOLUTION_SPELLINGS = {member: member.value for member in SolutionType}
_ADD_ON_SPELLING = SolutionType.ADD_ON.value
_STATUS_SPELLINGS = {member: member.value for member in RequestStatus}


def to_calendar_json(
    data: model.ConferenceData, manifest: Manifest | None = None
) -> CalendarConferenceData:
    """Emit ``data`` in the Calendar form (error results as a failed create request).

    With a ``manifest``, a solution without name or icon gets them from the manifest's
    conference solution whose id is ``data.conference_solution_id``.
    """
    values = data.__dict__  # read once: this runs for every conference emitted
    if values["error"] is not None:
        return error_result_json()
    # The emitter is made only for a value that needs its spellings checked: one read
    # leniently, a solution or request other than the default, an entry point not holding
    # its JSON.
    emit: Emitter | None = None
    out: dict[str, Any] = {}
    conference_id = values["conference_id"]
    if conference_id is not None:
        out["conferenceId"] = conference_id
    solution = values["conference_solution"]
    if manifest is not None:
        manifest_ids(manifest)  # a usage error unless it is a Manifest
        solution = manifest.resolve_solution(data)
    if solution is model._ADD_ON_SOLUTION:  # the shared default: no name, no icon
        out["conferenceSolution"] = {"key": {"type": _ADD_ON_SPELLING}}
    elif solution is not None:
        emit = Emitter(data, CALENDAR)
        sol: dict[str, Any] = {}
        if solution.key_type is not None:
            sol["key"] = {
                "type": emit.spell(
                    solution.key_type, _SOLUTION_SPELLINGS, "/conferenceSolution/key/type"
                )
            }
        if solution.name is not None:
            sol["name"] = solution.name
        if solution.icon_uri is not None:
            sol["iconUri"] = solution.icon_uri
        out["conferenceSolution"] = sol
    request = values["create_request"]
    if request is not None:
        if emit is None:
            emit = Emitter(data, CALENDAR)
        req: dict[str, Any] = {}
        if request.request_id is not None:
            req["requestId"] = request.request_id
        if request.solution_type is not None:
            req["conferenceSolutionKey"] = {
                "type": emit.spell(
                    request.solution_type,
                    _SOLUTION_SPELLINGS,
                    "/createRequest/conferenceSolutionKey/type",
                )
            }
        if request.status is not None:
            req["status"] = {
                "statusCode": emit.spell(
                    request.status, _STATUS_SPELLINGS, "/createRequest/status/statusCode"
                )
            }
        out["createRequest"] = req
    entry_points = values["entry_points"]
    if entry_points:
        written: list[dict[str, Any]] = []
        for ep in entry_points:
            held = ep._json
            if held is None:  # written member by member
                if emit is None:
                    emit = Emitter(data, CALENDAR)
                written.append(emit.entry_point(ep, len(written)))  # (its index)
                continue
            copy = held.copy()  # the entry point's own JSON: copied, with its features list
            features = held.get("entryPointFeatures")
            if features is not None:
                copy["entryPointFeatures"] = features.copy()
            written.append(copy)
        out["entryPoints"] = written
    notes = values["notes"]
    if notes is not None:
        out["notes"] = notes
    held_parameters = values.get("_parameter_map")  # clean parameters held as a map
    if held_parameters:
        out["parameters"] = {"addOnParameters": {"parameters": held_parameters.copy()}}
    elif data.parameters:
        out["parameters"] = {
            "addOnParameters": {"parameters": {p.key: p.value for p in data.parameters}}
        }
    signature = values["signature"]
    if signature is not None:
        out["signature"] = signature
    if emit is not None:
        emit.finish(out)
    elif values["preserved"]:  # (empty for every value not read from JSON)
        put_back_preserved(data, CALENDAR, out)
    return out  # type: ignore[return-value]


class _CalendarReader(Reader):
    def solution(self, sol: dict[str, Any]) -> model.ConferenceSolution:
        self.keep_unknown(sol, SOLUTION_MEMBERS, "conferenceSolution")
        key_type = None
        if "key" in sol:
            key = sol["key"]
            if "type" in key:
                key_type = SOLUTION_TYPES.get(key["type"], key["type"])
                self.keep_unknown(key, KEY_MEMBERS, "conferenceSolution", "key")
            else:
                self.keep(key, "conferenceSolution", "key")
        return model._unchecked(
            model.ConferenceSolution,
            key_type=key_type,
            name=sol.get("name"),
            icon_uri=sol.get("iconUri"),
        )

    def create_request(self, req: dict[str, Any]) -> model.CreateRequest:
        self.keep_unknown(req, REQUEST_MEMBERS, "createRequest")
        solution_type = status = None
        if "conferenceSolutionKey" in req:
            key = req["conferenceSolutionKey"]
            if "type" in key:
                solution_type = SOLUTION_TYPES.get(key["type"], key["type"])
                self.keep_unknown(key, KEY_MEMBERS, "createRequest", "conferenceSolutionKey")
            else:
                self.keep(key, "createRequest", "conferenceSolutionKey")
        if "status" in req:
            raw = req["status"]
            if "statusCode" in raw:
                status = REQUEST_STATUSES.get(raw["statusCode"], raw["statusCode"])
                self.keep_unknown(raw, STATUS_MEMBERS, "createRequest", "status")
            else:
                self.keep(raw, "createRequest", "status")
        return model._unchecked(
            model.CreateRequest,
            request_id=req.get("requestId"),
            solution_type=solution_type,
            status=status,
        )

    def parameters(self, params: dict[str, Any]) -> tuple[model.ConferenceParameter, ...]:
        mapping = params.get("addOnParameters", {}).get("parameters", {})
        if not mapping:
            self.keep(params, "parameters")
            return ()
        self.keep_unknown(params, PARAMETERS_MEMBERS, "parameters")
        self.keep_unknown(
            params["addOnParameters"], ADDON_PARAMETERS_MEMBERS, "parameters", "addOnParameters"
        )
        make = model.make_parameter
        return tuple(make(key, value, False) for key, value in mapping.items())

    def read(self, obj: dict[str, Any], problems: list[Problem]) -> model.ConferenceData:
        self.keep_unknown(obj, CALENDAR_MEMBERS)
        solution = obj.get("conferenceSolution")
        request = obj.get("createRequest")
        params = obj.get("parameters")
        return self.conference(
            problems,
            conference_id=obj.get("conferenceId"),
            entry_points=self.entry_points(obj.get("entryPoints")),
            parameters=self.parameters(params) if params is not None else (),
            notes=obj.get("notes"),
            create_request=self.create_request(request) if request is not None else None,
            signature=obj.get("signature"),
            conference_solution=self.solution(solution) if solution is not None else None,
        )


_NO_PROBLEMS: tuple[Problem, ...] = ()


_ADD_ON_JSON = {"key": {"type": SolutionType.ADD_ON.value}}


def _read_clean(obj: dict[str, Any], parts: Parts) -> model.ConferenceData:
    """The value of a payload the acceptor proved clean, with the parts it made: every member
    is known and well typed and no array or map is empty, so nothing needs keeping."""
    get = obj.get
    solution = get("conferenceSolution")
    if solution is not None:
        solution = (
            model.add_on_solution()
            if solution == _ADD_ON_JSON
            else _CalendarReader(CALENDAR).solution(solution)
        )
    request = get("createRequest")
    if request is not None:
        request = _CalendarReader(CALENDAR).create_request(request)
    return model.make_conference_data(
        get("conferenceId"),
        tuple(parts.entry_points),
        tuple(parts.parameters),
        get("notes"),
        None,
        None,
        request,
        get("signature"),
        solution,
        model._EMPTY_MAPPING,
        "calendar",
        _NO_PROBLEMS,
        parts.parameter_map,
    )


def from_calendar_json(obj: object, *, lenient: bool = False) -> model.ConferenceData:
    """Read Calendar JSON (see :meth:`ConferenceData.from_calendar_json`)."""
    parts = clean_calendar_parts(obj)
    if parts is not None:
        assert isinstance(obj, dict)
        return _read_clean(obj, parts)
    problems = engine_calendar_problems(obj)  # the acceptor has declined it already
    raise_if_unreadable(problems, lenient=lenient)
    assert isinstance(obj, dict)
    reader = _CalendarReader(CALENDAR)
    return guarded(lambda: reader.read(obj, problems), obj)
