"""Validation of raw JSON: one walker per form over the shared rules of ``_checks``.

``validate_calendar_json`` and ``validate_addon_json`` accept any Python value, never raise,
and return every problem found. They look only at the members each form defines, so their
cost is linear in the input however deeply an unknown member nests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._checks import (
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    LIMIT_URI,
    FormNames,
    check_calendar_result,
    check_entry_point_rules,
    check_entry_point_set,
    check_enum,
    check_error_rules,
    check_error_with_data,
    check_members,
    check_parameter_set,
    check_required,
    check_solution_id,
    check_solution_id_missing,
    check_solution_type,
    check_string,
    check_success_requirements,
    member_path,
    report,
)
from ._enums import EntryPointType, SolutionType
from ._fast import addon_is_clean, calendar_is_clean, entry_point_kinds
from ._forms import (
    ADDON,
    ADDON_ERROR,
    ADDON_MEMBERS,
    ADDON_PARAMETER,
    ADDON_PARAMETERS_MEMBERS,
    CALENDAR,
    CALENDAR_MEMBERS,
    ERROR_TYPES,
    KEY_MEMBERS,
    PARAMETERS_MEMBERS,
    REQUEST_MEMBERS,
    REQUEST_STATUSES,
    SECRET_MEMBERS,
    SOLUTION_MEMBERS,
    SOLUTION_TYPES,
    STATUS_MEMBERS,
)
from ._guard import collect
from ._model_checks import NO_LIMIT
from ._problems import Problem, Severity, ValidationError
from ._text import describe_type

if TYPE_CHECKING:
    from .manifest import Manifest

__all__ = [
    "is_valid_addon_json",
    "is_valid_calendar_json",
    "validate_addon_json",
    "validate_calendar_json",
]

MISSING: Any = object()


def validate_calendar_json(obj: object) -> list[Problem]:
    """Every problem of a Calendar API v3 ``conferenceData`` value; never raises.

    Accepts any Python value. At most 100 problems of one code are listed, then one more that
    counts the rest.
    """
    if calendar_is_clean(obj):
        return []
    return engine_calendar_problems(obj)


def engine_calendar_problems(obj: object) -> list[Problem]:
    """What the rule engine alone finds: ``validate_calendar_json`` once the acceptor has
    declined (for callers that already asked it)."""
    return collect(lambda sink: walk_calendar(sink, obj), obj)


def is_valid_calendar_json(obj: object, *, strict: bool = False) -> bool:
    """True when ``obj`` has no error (and, with ``strict``, no warning either)."""
    return not any(strict or p.severity is Severity.ERROR for p in validate_calendar_json(obj))


def _type(out: list[Problem], path: str, name: str, expected: str, value: object) -> None:
    report(out, "type", path, f"{name} must be {expected} (got {describe_type(value)})")


def walk_entry_point(
    out: list[Problem], ep: object, path: str, names: FormNames
) -> EntryPointType | None:
    """Check one raw entry point of either form; returns its type when known.

    This runs for every entry point of every payload, so each member has an inline fast path
    for the common valid case (an exact ``str`` short enough that no limit can be reached);
    everything else goes through the full rule functions, which report.
    """
    if not isinstance(ep, dict):
        _type(out, path, "entry point", "an object", ep)
        return None
    known = names.entry_point_members
    if not known.issuperset(ep):
        check_members(out, ep, known, path, "entry point")
    get = ep.get
    type_key = names.entry_point_type
    types = names.types
    value = get(type_key, MISSING)
    kind = types.get(value) if type(value) is str else None
    if kind is None:
        if value is MISSING:
            check_required(out, f"{path}/{type_key}", type_key)
        else:
            check_enum(out, value, f"{path}/{type_key}", type_key, types)
    uri = get("uri", MISSING)
    if type(uri) is not str or not 0 < len(uri) <= _FAST_URI:
        if uri is MISSING:
            check_required(out, path + "/uri", "uri")
            uri = None
        else:
            uri = check_string(out, uri, path + "/uri", "uri", LIMIT_URI, nonempty=True)
    label = get("label", MISSING)
    if label is MISSING:
        label = None
    elif type(label) is not str or len(label) > _FAST_LABEL:
        label = check_string(out, label, path + "/label", "label", LIMIT_LABEL)
    for name in SECRET_MEMBERS:
        value = get(name, MISSING)
        if value is not MISSING and (type(value) is not str or len(value) > _FAST_SECRET):
            check_string(out, value, f"{path}/{name}", name, LIMIT_SECRET, secret=True)
    region = get("regionCode", MISSING)
    if region is MISSING:
        region = None
    elif type(region) is not str:
        region = check_string(out, region, path + "/regionCode", "regionCode", NO_LIMIT)
    features_key = names.features
    features_table = names.features_by_spelling
    raw_features = get(features_key, MISSING)
    features = None
    if raw_features is not MISSING:
        if isinstance(raw_features, (list, tuple)):
            features = [features_table.get(f) if type(f) is str else None for f in raw_features]
            if None in features:
                features = [
                    check_enum(
                        out, f, f"{path}/{features_key}/{i}", f"{features_key} item", features_table
                    )
                    for i, f in enumerate(raw_features)
                ]
        else:
            _type(out, f"{path}/{features_key}", features_key, "an array", raw_features)
    check_entry_point_rules(out, path, names, kind, uri, label, region, features)
    return kind


# Below these lengths a string cannot exceed its limit even counted in UTF-16 units.
_FAST_URI = LIMIT_URI // 2
_FAST_LABEL = LIMIT_LABEL // 2
_FAST_SECRET = LIMIT_SECRET // 2


def walk_entry_points(out: list[Problem], value: object, path: str, names: FormNames) -> int | None:
    """Check a raw entry point array; returns its length, or None if it is not an array."""
    if not isinstance(value, (list, tuple)):
        _type(out, path, "entryPoints", "an array", value)
        return None
    # An entry point with no problem of its own needs only its type, for the set rules.
    kinds = entry_point_kinds(value, names)
    for index, (ep, kind) in enumerate(zip(value, kinds, strict=False)):
        if kind is None:
            kinds[index] = walk_entry_point(out, ep, f"{path}/{index}", names)
    check_entry_point_set(out, path, kinds, names)
    return len(kinds)


def _object(
    out: list[Problem], value: object, path: str, name: str, known: frozenset[str]
) -> dict[Any, Any] | None:
    if not isinstance(value, dict):
        _type(out, path, name, "an object", value)
        return None
    check_members(out, value, known, path, name)
    return value


def _solution_key(out: list[Problem], value: object, path: str, name: str) -> SolutionType | None:
    key = _object(out, value, path, name, KEY_MEMBERS)
    if key is None or "type" not in key:
        return None
    kind = check_enum(out, key["type"], path + "/type", name + ".type", SOLUTION_TYPES)
    check_solution_type(out, path + "/type", kind)
    return kind


def _open_conference(
    out: list[Problem], obj: object, root: str, name: str, members: frozenset[str]
) -> bool:
    """What both forms check first: an object of known members, and its conferenceId."""
    if not isinstance(obj, dict):
        _type(out, root, name, "an object", obj)
        return False
    check_members(out, obj, members, root, name)
    conference_id = obj.get("conferenceId", MISSING)
    if conference_id is not MISSING:
        check_string(
            out,
            conference_id,
            root + "/conferenceId",
            "conferenceId",
            LIMIT_CONFERENCE_ID,
            nonempty=True,
        )
    return True


def walk_calendar(out: list[Problem], obj: object, root: str = "") -> None:
    """Check a raw Calendar ``conferenceData`` value whose JSON Pointer is ``root``."""
    if not _open_conference(out, obj, root, "conferenceData", CALENDAR_MEMBERS):
        return
    assert isinstance(obj, dict)
    get = obj.get
    conference_id = get("conferenceId", MISSING)
    for name, limit in (("notes", LIMIT_NOTES), ("signature", NO_LIMIT)):
        value = get(name, MISSING)
        if value is not MISSING:
            check_string(out, value, f"{root}/{name}", name, limit)

    solution_kind = None
    solution = get("conferenceSolution", MISSING)
    if solution is not MISSING:
        path = root + "/conferenceSolution"
        sol = _object(out, solution, path, "conferenceSolution", SOLUTION_MEMBERS)
        if sol is not None:
            if "key" in sol:
                solution_kind = _solution_key(
                    out, sol["key"], path + "/key", "conferenceSolution.key"
                )
            for name in ("name", "iconUri"):
                if name in sol:
                    check_string(out, sol[name], f"{path}/{name}", name, NO_LIMIT)

    request = get("createRequest", MISSING)
    if request is not MISSING:
        path = root + "/createRequest"
        req = _object(out, request, path, "createRequest", REQUEST_MEMBERS)
        if req is not None:
            if "requestId" in req:
                check_string(
                    out, req["requestId"], path + "/requestId", "requestId", NO_LIMIT, nonempty=True
                )
            if "conferenceSolutionKey" in req:
                _solution_key(
                    out,
                    req["conferenceSolutionKey"],
                    path + "/conferenceSolutionKey",
                    "createRequest.conferenceSolutionKey",
                )
            if "status" in req:
                status = _object(
                    out, req["status"], path + "/status", "createRequest.status", STATUS_MEMBERS
                )
                if status is not None and "statusCode" in status:
                    check_enum(
                        out,
                        status["statusCode"],
                        path + "/status/statusCode",
                        "statusCode",
                        REQUEST_STATUSES,
                    )

    entry_points = get("entryPoints", MISSING)
    count: int | None = 0
    if entry_points is not MISSING:
        count = walk_entry_points(out, entry_points, root + "/entryPoints", CALENDAR)

    parameters = get("parameters", MISSING)
    if parameters is not MISSING:
        _calendar_parameters(out, parameters, root + "/parameters")

    check_calendar_result(
        out,
        root,
        has_solution=solution is not MISSING,
        has_request=request is not MISSING,
        entry_points=count,
        solution_kind=solution_kind,
        has_conference_id=conference_id is not MISSING,
    )


def _calendar_parameters(out: list[Problem], value: object, path: str) -> None:
    params = _object(out, value, path, "parameters", PARAMETERS_MEMBERS)
    if params is None or "addOnParameters" not in params:
        return
    path += "/addOnParameters"
    addon = _object(
        out, params["addOnParameters"], path, "addOnParameters", ADDON_PARAMETERS_MEMBERS
    )
    if addon is None or "parameters" not in addon:
        return
    path += "/parameters"
    mapping = addon["parameters"]
    if not isinstance(mapping, dict):
        _type(out, path, "addOnParameters.parameters", "an object", mapping)
        return
    keys: list[str | None] = []
    for key, item in mapping.items():
        if (
            type(key) is str
            and 0 < len(key) <= LIMIT_PARAMETER_KEY // 2
            and type(item) is str
            and len(item) <= LIMIT_PARAMETER_VALUE // 2
        ):
            keys.append(key)  # the common valid case: no limit can be reached
            continue
        item_path = member_path(path, key)
        keys.append(
            check_string(out, key, item_path, "parameter key", LIMIT_PARAMETER_KEY, nonempty=True)
        )
        check_string(out, item, item_path, "parameter value", LIMIT_PARAMETER_VALUE)
    check_parameter_set(out, path, keys)


def validate_addon_json(obj: object, *, manifest: Manifest | None = None) -> list[Problem]:
    """Every problem of an add-on form (``ConferenceDataMarkup``) value; never raises.

    With a ``manifest``, a ``conferenceSolutionId`` it does not declare is an error.
    """
    solution_ids = manifest_ids(manifest)
    if addon_is_clean(obj, solution_ids):
        return []
    return engine_addon_problems(obj, solution_ids)


def engine_addon_problems(obj: object, solution_ids: frozenset[str] | None) -> list[Problem]:
    """What the rule engine alone finds in an add-on form value (see
    :func:`engine_calendar_problems`)."""
    return collect(lambda sink: walk_addon(sink, obj, "", solution_ids), obj)


def manifest_ids(manifest: object) -> frozenset[str] | None:
    """The solution ids of ``manifest`` (None without one); anything else is a usage error."""
    from .manifest import Manifest

    if manifest is None:
        return None
    if not isinstance(manifest, Manifest):
        out: list[Problem] = []
        _type(out, "", "manifest", "a confdata.Manifest", manifest)
        raise ValidationError(out)
    return manifest.solution_ids


def is_valid_addon_json(
    obj: object, *, strict: bool = False, manifest: Manifest | None = None
) -> bool:
    """True when ``obj`` has no error (and, with ``strict``, no warning either)."""
    problems = validate_addon_json(obj, manifest=manifest)
    return not any(strict or p.severity is Severity.ERROR for p in problems)


def walk_addon(
    out: list[Problem], obj: object, root: str = "", solution_ids: frozenset[str] | None = None
) -> None:
    """Check a raw add-on form value whose JSON Pointer is ``root``."""
    if not _open_conference(out, obj, root, "conference data", ADDON_MEMBERS):
        return
    assert isinstance(obj, dict)
    get = obj.get
    conference_id = get("conferenceId", MISSING)
    solution_id = get("conferenceSolutionId", MISSING)
    if solution_id is not MISSING:
        text = check_string(
            out,
            solution_id,
            root + "/conferenceSolutionId",
            "conferenceSolutionId",
            LIMIT_SOLUTION_ID,
            nonempty=True,
        )
        if text is not None and solution_ids is not None:
            check_solution_id(out, root + "/conferenceSolutionId", text, solution_ids)
    note = get("note", MISSING)
    if note is not MISSING:
        check_string(out, note, root + "/note", "note", LIMIT_NOTES)
    entry_points = get("entryPoints", MISSING)
    count: int | None = 0
    if entry_points is not MISSING:
        count = walk_entry_points(out, entry_points, root + "/entryPoints", ADDON)
    parameters = get("parameters", MISSING)
    if parameters is not MISSING:
        _addon_parameters(out, parameters, root + "/parameters")
    error = get("error", MISSING)
    if error is not MISSING:
        _addon_error(out, error, root + "/error")
        present = [
            name
            for name in ("conferenceId", "entryPoints", "parameters", "note")
            if get(name) not in (None, [], ())
        ]
        check_error_with_data(out, root, present)
        return
    check_success_requirements(
        out, root, has_conference_id=conference_id is not MISSING, entry_points=count
    )
    if solution_id is MISSING:
        check_solution_id_missing(out, root + "/conferenceSolutionId")


def _addon_parameters(out: list[Problem], value: object, path: str) -> None:
    if not isinstance(value, (list, tuple)):
        _type(out, path, "parameters", "an array", value)
        return
    keys: list[str | None] = []
    for index, item in enumerate(value):
        item_path = f"{path}/{index}"
        parameter = _object(out, item, item_path, "parameter", ADDON_PARAMETER)
        key = None
        if parameter is not None:
            raw_key = parameter.get("key", MISSING)
            if raw_key is MISSING:
                check_required(out, item_path + "/key", "key")
            else:
                key = check_string(
                    out, raw_key, item_path + "/key", "key", LIMIT_PARAMETER_KEY, nonempty=True
                )
            raw_value = parameter.get("value", MISSING)
            if raw_value is MISSING:
                check_required(out, item_path + "/value", "value")
            else:
                check_string(out, raw_value, item_path + "/value", "value", LIMIT_PARAMETER_VALUE)
        keys.append(key)
    check_parameter_set(out, path, keys)


def _addon_error(out: list[Problem], value: object, path: str) -> None:
    error = _object(out, value, path, "error", ADDON_ERROR)
    if error is None:
        return
    kind = None
    raw_type = error.get("type", MISSING)
    if raw_type is MISSING:
        check_required(out, path + "/type", "type")
    else:
        kind = check_enum(out, raw_type, path + "/type", "type", ERROR_TYPES)
    url = error.get("authenticationUrl", MISSING)
    has_url = url is not MISSING
    if has_url:
        url = check_string(
            out, url, path + "/authenticationUrl", "authenticationUrl", ADDON.auth_url_limit
        )
    check_error_rules(out, path, kind, url if has_url else None, has_url)
