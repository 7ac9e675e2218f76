"""The rules applied to the frozen values, with paths spelled as in the Calendar form."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

# model imports this module first; the classes are looked up on it only when checks run.
from . import model
from ._checks import (
    LIMIT_AUTH_URL_MODEL,
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    LIMIT_URI,
    check_entry_point_rules,
    check_entry_point_set,
    check_enum,
    check_error_rules,
    check_error_with_data,
    check_parameter_set,
    check_solution_type,
    check_string,
    check_success_requirements,
    report,
)
from ._enums import ConferenceErrorType, EntryPointFeature, EntryPointType, SolutionType
from ._forms import (
    CALENDAR,
    CALENDAR_FEATURES,
    CALENDAR_TYPES,
    ERROR_TYPES,
    REQUEST_STATUSES,
    SOLUTION_TYPES,
)
from ._problems import Problem
from ._text import describe_type

if TYPE_CHECKING:
    from .model import (
        ConferenceData,
        ConferenceError,
        ConferenceParameter,
        ConferenceSolution,
        CreateRequest,
        EntryPoint,
    )

NO_LIMIT = sys.maxsize
SECRETS = (
    ("pin", "pin"),
    ("access_code", "accessCode"),
    ("meeting_code", "meetingCode"),
    ("passcode", "passcode"),
    ("password", "password"),
)


def check_entry_point(entry_point: EntryPoint, path: str) -> list[Problem]:
    """Every rule about one entry point on its own."""
    out: list[Problem] = []
    _entry_point(out, entry_point, path)
    return out


def _entry_point(out: list[Problem], ep: EntryPoint, path: str) -> EntryPointType | None:
    # Inline fast paths for exact strings too short to reach a limit, as in the JSON walker.
    raw_kind = ep.type
    kind = raw_kind if isinstance(raw_kind, EntryPointType) else None
    if kind is None:
        kind = check_enum(out, raw_kind, path + "/entryPointType", "entryPointType", CALENDAR_TYPES)
    uri: str | None = ep.uri
    if type(uri) is not str or not 0 < len(uri) <= LIMIT_URI // 2:
        uri = check_string(out, uri, path + "/uri", "uri", LIMIT_URI, nonempty=True)
    label = ep.label
    if label is not None and (type(label) is not str or len(label) > LIMIT_LABEL // 2):
        label = check_string(out, label, path + "/label", "label", LIMIT_LABEL)
    for attribute, name in SECRETS:
        value = getattr(ep, attribute)
        if value is not None and (type(value) is not str or len(value) > LIMIT_SECRET // 2):
            check_string(out, value, f"{path}/{name}", name, LIMIT_SECRET, secret=True)
    region = ep.region_code
    if region is not None and type(region) is not str:
        region = check_string(out, region, path + "/regionCode", "regionCode", NO_LIMIT)
    raw_features = ep.features
    features: list[EntryPointFeature | None] | None = None
    if type(raw_features) is not tuple:
        report(
            out,
            "type",
            path + "/entryPointFeatures",
            f"entryPointFeatures must be an array (got {describe_type(raw_features)})",
        )
    elif raw_features:
        features = [
            f
            if isinstance(f, EntryPointFeature)
            else check_enum(
                out,
                f,
                f"{path}/entryPointFeatures/{i}",
                "entryPointFeatures item",
                CALENDAR_FEATURES,
            )
            for i, f in enumerate(raw_features)
        ]
    check_entry_point_rules(out, path, CALENDAR, kind, uri, label, region, features)
    return kind


def check_parameter(parameter: ConferenceParameter, path: str) -> list[Problem]:
    """Rules for one parameter: key required, at most 50 characters; value at most 1024."""
    out: list[Problem] = []
    check_string(out, parameter.key, path + "/key", "key", LIMIT_PARAMETER_KEY, nonempty=True)
    check_string(out, parameter.value, path + "/value", "value", LIMIT_PARAMETER_VALUE)
    return out


def check_error(error: ConferenceError, path: str) -> list[Problem]:
    """Rules for a conference error: a known type, and the authentication URL rules."""
    out: list[Problem] = []
    raw_kind = error.type
    kind = raw_kind if isinstance(raw_kind, ConferenceErrorType) else None
    if kind is None:
        kind = check_enum(out, raw_kind, path + "/type", "type", ERROR_TYPES)
    url = error.authentication_url
    if url is not None:
        url = check_string(
            out, url, path + "/authenticationUrl", "authenticationUrl", LIMIT_AUTH_URL_MODEL
        )
    check_error_rules(out, path, kind, url, error.authentication_url is not None)
    return out


def check_solution(solution: ConferenceSolution, path: str) -> list[Problem]:
    """Rules for the Calendar-side conference solution."""
    out: list[Problem] = []
    kind = solution.key_type
    if kind is not None:
        if not isinstance(kind, SolutionType):
            kind = check_enum(out, kind, path + "/key/type", "key.type", SOLUTION_TYPES)
        check_solution_type(out, path + "/key/type", kind)
    if solution.name is not None:
        check_string(out, solution.name, path + "/name", "name", NO_LIMIT)
    if solution.icon_uri is not None:
        check_string(out, solution.icon_uri, path + "/iconUri", "iconUri", NO_LIMIT)
    return out


def check_create_request(request: CreateRequest, path: str) -> list[Problem]:
    """Rules for a Calendar create request."""
    out: list[Problem] = []
    if request.request_id is not None:
        check_string(
            out, request.request_id, path + "/requestId", "requestId", NO_LIMIT, nonempty=True
        )
    kind = request.solution_type
    if kind is not None:
        if not isinstance(kind, SolutionType):
            kind = check_enum(
                out,
                kind,
                path + "/conferenceSolutionKey/type",
                "conferenceSolutionKey.type",
                SOLUTION_TYPES,
            )
        check_solution_type(out, path + "/conferenceSolutionKey/type", kind)
    if request.status is not None:
        check_enum(
            out, request.status, path + "/status/statusCode", "status.statusCode", REQUEST_STATUSES
        )
    return out


def check_conference_data(data: ConferenceData) -> list[Problem]:
    """Every rule about a whole conference data value, its parts included."""
    ConferenceError = model.ConferenceError
    ConferenceParameter = model.ConferenceParameter
    ConferenceSolution = model.ConferenceSolution
    CreateRequest = model.CreateRequest
    EntryPoint = model.EntryPoint

    out: list[Problem] = []
    if data.conference_id is not None:
        check_string(
            out,
            data.conference_id,
            "/conferenceId",
            "conferenceId",
            LIMIT_CONFERENCE_ID,
            nonempty=True,
        )
    if data.conference_solution_id is not None:
        check_string(
            out,
            data.conference_solution_id,
            "/conferenceSolutionId",
            "conferenceSolutionId",
            LIMIT_SOLUTION_ID,
            nonempty=True,
        )
    if data.notes is not None:
        check_string(out, data.notes, "/notes", "notes", LIMIT_NOTES)
    if data.signature is not None:
        check_string(out, data.signature, "/signature", "signature", NO_LIMIT)

    entry_points = data.entry_points
    if not isinstance(entry_points, tuple):
        report(
            out,
            "type",
            "/entryPoints",
            f"entry_points must be a sequence of EntryPoint (got {describe_type(entry_points)})",
        )
        entry_points = ()
    kinds: list[EntryPointType | None] = []
    for index, ep in enumerate(entry_points):
        path = f"/entryPoints/{index}"
        if isinstance(ep, EntryPoint):
            found = getattr(ep, "_found", None)
            if found is None:
                kinds.append(_entry_point(out, ep, path))
            else:  # checked when it was made: only its warnings, moved under this path
                out.extend(
                    Problem(code=p.code, severity=p.severity, path=path + p.path, message=p.message)
                    for p in found
                )
                kinds.append(ep.type)  # type: ignore[arg-type]  # valid, so a member
        else:
            report(
                out, "type", path, f"entry point must be an EntryPoint (got {describe_type(ep)})"
            )
            kinds.append(None)
    if entry_points:
        check_entry_point_set(out, "/entryPoints", kinds, CALENDAR)

    parameters = data.parameters
    if not isinstance(parameters, tuple):
        report(
            out,
            "type",
            "/parameters",
            f"parameters must be ConferenceParameter values or a mapping of key to value "
            f"(got {describe_type(parameters)})",
        )
        parameters = ()
    keys: list[str | None] = []
    for index, parameter in enumerate(parameters):
        path = f"/parameters/{index}"
        if isinstance(parameter, ConferenceParameter):
            if not getattr(parameter, "_valid", False):  # read leniently: check it here
                out.extend(check_parameter(parameter, path))
            keys.append(parameter.key)
        else:
            report(
                out,
                "type",
                path,
                f"parameter must be a ConferenceParameter (got {describe_type(parameter)})",
            )
            keys.append(None)
    if parameters:
        check_parameter_set(out, "/parameters", keys)

    solution_kind: object = SolutionType.ADD_ON
    if data.conference_solution is not None:
        if isinstance(data.conference_solution, ConferenceSolution):
            out.extend(check_solution(data.conference_solution, "/conferenceSolution"))
            solution_kind = data.conference_solution.key_type
        else:
            report(
                out,
                "type",
                "/conferenceSolution",
                f"conference_solution must be a "
                f"ConferenceSolution (got {describe_type(data.conference_solution)})",
            )
    if data.create_request is not None:
        if isinstance(data.create_request, CreateRequest):
            out.extend(check_create_request(data.create_request, "/createRequest"))
        else:
            report(
                out,
                "type",
                "/createRequest",
                f"create_request must be a CreateRequest "
                f"(got {describe_type(data.create_request)})",
            )

    if data.error is not None:
        if isinstance(data.error, ConferenceError):
            out.extend(check_error(data.error, "/error"))
        else:
            report(
                out,
                "type",
                "/error",
                f"error must be a ConferenceError (got {describe_type(data.error)})",
            )
        present = [
            name
            for name, value in (
                ("conferenceId", data.conference_id),
                ("entryPoints", entry_points),
                ("parameters", parameters),
                ("notes", data.notes),
            )
            if value
        ]
        check_error_with_data(out, "", present)
    elif data.create_request is None:
        check_success_requirements(
            out,
            "",
            # Google's own solution types may omit the ID [S3]; third-party data may not.
            has_conference_id=data.conference_id is not None
            or solution_kind is not SolutionType.ADD_ON,
            entry_points=len(entry_points),
        )
    return out
