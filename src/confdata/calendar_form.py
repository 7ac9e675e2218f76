"""The Calendar API v3 ``Event.conferenceData`` form: its JSON shape, emitting and reading.

Spellings: ``entryPointType`` and ``entryPointFeatures`` with lower-case values, ``notes``,
parameters nested as ``parameters.addOnParameters.parameters`` (a map) [S3].
"""

from __future__ import annotations

import enum
from typing import Any, NotRequired, TypedDict

from . import model
from ._enums import SolutionType
from ._forms import CALENDAR_FEATURES, CALENDAR_TYPES, REQUEST_STATUSES, SOLUTION_TYPES
from ._json import copy_json, insert_preserved, pointer
from ._problems import Problem, ValidationError
from .validation import (
    ADDON_PARAMETERS_MEMBERS,
    CALENDAR_ENTRY_POINT,
    CALENDAR_MEMBERS,
    KEY_MEMBERS,
    PARAMETERS_MEMBERS,
    REQUEST_MEMBERS,
    SOLUTION_MEMBERS,
    STATUS_MEMBERS,
    validate_calendar_json,
)

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


def _value(member: object) -> Any:
    return member.value if isinstance(member, enum.Enum) else member


def error_result_json() -> CalendarConferenceData:
    """confdata's Calendar mapping of an error result: a failed add-on create request."""
    return {
        "createRequest": {
            "conferenceSolutionKey": {"type": SolutionType.ADD_ON.value},
            "status": {"statusCode": model.RequestStatus.FAILURE.value},
        }
    }


_SECRETS = (
    ("pin", "pin"),
    ("access_code", "accessCode"),
    ("meeting_code", "meetingCode"),
    ("passcode", "passcode"),
    ("password", "password"),
)


def entry_point_json(ep: model.EntryPoint) -> CalendarEntryPoint:
    """One entry point in the Calendar form."""
    out: CalendarEntryPoint = {"entryPointType": _value(ep.type), "uri": ep.uri}
    if ep.label is not None:
        out["label"] = ep.label
    for attribute, name in _SECRETS:
        value = getattr(ep, attribute)
        if value is not None:
            out[name] = value  # type: ignore[literal-required]
    if ep.region_code is not None:
        out["regionCode"] = ep.region_code
    if ep.features:
        out["entryPointFeatures"] = [_value(f) for f in ep.features]
    return out


def to_calendar_json(data: model.ConferenceData) -> CalendarConferenceData:
    """Emit ``data`` in the Calendar form (error results as a failed create request)."""
    if data.error is not None:
        return error_result_json()
    out: CalendarConferenceData = {}
    if data.conference_id is not None:
        out["conferenceId"] = data.conference_id
    solution = data.conference_solution
    if solution is not None:
        sol: CalendarConferenceSolution = {}
        if solution.key_type is not None:
            sol["key"] = {"type": _value(solution.key_type)}
        if solution.name is not None:
            sol["name"] = solution.name
        if solution.icon_uri is not None:
            sol["iconUri"] = solution.icon_uri
        out["conferenceSolution"] = sol
    request = data.create_request
    if request is not None:
        req: CalendarCreateRequest = {}
        if request.request_id is not None:
            req["requestId"] = request.request_id
        if request.solution_type is not None:
            req["conferenceSolutionKey"] = {"type": _value(request.solution_type)}
        if request.status is not None:
            req["status"] = {"statusCode": _value(request.status)}
        out["createRequest"] = req
    if data.entry_points:
        out["entryPoints"] = [entry_point_json(ep) for ep in data.entry_points]
    if data.notes is not None:
        out["notes"] = data.notes
    if data.parameters:
        out["parameters"] = {
            "addOnParameters": {"parameters": {p.key: p.value for p in data.parameters}}
        }
    if data.signature is not None:
        out["signature"] = data.signature
    if data.preserved and data.preserved_form == "calendar":
        insert_preserved(out, data.preserved)  # type: ignore[arg-type]
    return out


def unrepresentable(problem: Problem) -> bool:
    """Problems a lenient read cannot keep: wrong JSON types and missing nested members."""
    if problem.code == "type":
        return True
    return problem.code == "required" and problem.path.count("/") > 1


def raise_if_unreadable(problems: list[Problem], *, lenient: bool) -> None:
    """Raise :class:`ValidationError` unless a (lenient or strict) read may go on."""
    if lenient:
        if any(unrepresentable(p) for p in problems):
            raise ValidationError(problems)
    elif any(p.is_error for p in problems):
        raise ValidationError(problems)


class _Reader:
    """Turns checked Calendar JSON into values, keeping what the model has no field for."""

    def __init__(self) -> None:
        self.preserved: dict[str, Any] = {}

    def keep_unknown(self, obj: dict[str, Any], known: frozenset[str], *path: str | int) -> None:
        if not known.issuperset(obj):
            for key, value in obj.items():
                if key not in known:
                    self.preserved[pointer(*path, key)] = copy_json(value)

    def keep(self, value: Any, *path: str | int) -> None:
        self.preserved[pointer(*path)] = copy_json(value)

    def entry_point(self, ep: dict[str, Any], index: int) -> model.EntryPoint:
        self.keep_unknown(ep, CALENDAR_ENTRY_POINT, "entryPoints", index)
        raw_type = ep["entryPointType"]
        features = ep.get("entryPointFeatures")
        if features is not None and not features:
            self.keep(features, "entryPoints", index, "entryPointFeatures")
        return model._unchecked(
            model.EntryPoint,
            type=CALENDAR_TYPES.get(raw_type, raw_type),
            uri=ep["uri"],
            label=ep.get("label"),
            pin=ep.get("pin"),
            access_code=ep.get("accessCode"),
            meeting_code=ep.get("meetingCode"),
            passcode=ep.get("passcode"),
            password=ep.get("password"),
            region_code=ep.get("regionCode"),
            features=tuple(CALENDAR_FEATURES.get(f, f) for f in features or ()),
        )

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
        return tuple(
            model._unchecked(model.ConferenceParameter, key=key, value=value)
            for key, value in mapping.items()
        )

    def conference(self, obj: dict[str, Any], problems: list[Problem]) -> model.ConferenceData:
        self.keep_unknown(obj, CALENDAR_MEMBERS)
        raw_eps = obj.get("entryPoints")
        if raw_eps is not None and not raw_eps:
            self.keep(raw_eps, "entryPoints")
        entry_points = tuple(self.entry_point(ep, i) for i, ep in enumerate(raw_eps or ()))
        solution = obj.get("conferenceSolution")
        request = obj.get("createRequest")
        params = obj.get("parameters")
        return model._unchecked(
            model.ConferenceData,
            conference_id=obj.get("conferenceId"),
            entry_points=entry_points,
            parameters=self.parameters(params) if params is not None else (),
            notes=obj.get("notes"),
            error=None,
            conference_solution_id=None,
            create_request=self.create_request(request) if request is not None else None,
            signature=obj.get("signature"),
            conference_solution=self.solution(solution) if solution is not None else None,
            preserved=model._freeze_preserved(self.preserved),
            preserved_form="calendar" if self.preserved else None,
            read_problems=tuple(problems),
        )


def from_calendar_json(obj: object, *, lenient: bool = False) -> model.ConferenceData:
    """Read Calendar JSON (see :meth:`ConferenceData.from_calendar_json`)."""
    problems = validate_calendar_json(obj)
    raise_if_unreadable(problems, lenient=lenient)
    assert isinstance(obj, dict)
    return _Reader().conference(obj, problems)
