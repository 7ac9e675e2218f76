"""Fast acceptors: one straight pass that proves a value has no problem at all.

The rule engine (``_checks`` and the walkers) is the only place that reports. The functions here
only *accept*: each returns True when it can show, with the same limits and tables, that the
engine would report nothing — no error and no warning — and False as soon as anything is
unusual (a subclass where an exact ``str``/``dict``/``list`` is expected, a string long enough
to need counting in UTF-16 units, a member the common case does not have, any exception). The
callers then run the engine, which finds and words the problems. So an acceptor may be
conservative, never wrong; ``tests/test_fast.py`` checks that it accepts only what the engine
finds clean, over every example and Hypothesis-generated valid and invalid payloads.

Most data is valid, and for valid data this pass is all that runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

# model imports this module first; its classes are looked up on it only when checks run.
from . import model
from ._checks import (
    HTTP_ASCII,
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    LIMIT_URI,
    MAX_ITEMS,
    FormNames,
)
from ._enums import (
    ADD_ON,
    AUTHENTICATION,
    HANGOUTS_MEET,
    MORE,
    PHONE,
    SIP,
    VIDEO,
    EntryPointFeature,
    EntryPointType,
    SolutionType,
)
from ._forms import (
    ADDON,
    ADDON_ERROR,
    ADDON_MEMBERS,
    CALENDAR,
    CALENDAR_MEMBERS,
    ERROR_TYPES,
    REQUEST_MEMBERS,
    REQUEST_STATUSES,
    SOLUTION_MEMBERS,
    SOLUTION_TYPES,
)
from ._regions import ASSIGNED_REGION_CODES

if TYPE_CHECKING:
    from ._problems import Problem
    from .model import ConferenceData, ConferenceParameter, EntryPoint

__all__ = [
    "Parts",
    "addon_is_clean",
    "calendar_is_clean",
    "clean_addon_parts",
    "clean_calendar_parts",
    "clean_parameter_map",
    "conference_data_is_clean",
    "dialable_uri",
    "entry_point_is_clean",
    "entry_point_kinds",
    "entry_point_set_clean",
    "entry_point_values_clean",
    "parameter_clean",
    "phone_members_clean",
    "web_uri",
]

# Strings up to half a limit cannot exceed it, even counted in UTF-16 code units.
_URI = LIMIT_URI // 2
_LABEL = LIMIT_LABEL // 2
_SECRET = LIMIT_SECRET // 2
_CONFERENCE_ID = LIMIT_CONFERENCE_ID // 2
_SOLUTION_ID = LIMIT_SOLUTION_ID // 2
_NOTES = LIMIT_NOTES // 2
_KEY = LIMIT_PARAMETER_KEY // 2
_VALUE = LIMIT_PARAMETER_VALUE // 2
_AUTH_URL = ADDON.auth_url_limit // 2  # only the add-on form carries errors

# Solution types a clean value may name: the deprecated ones are warned about.
_CURRENT_SOLUTIONS = {
    spelling: kind
    for spelling, kind in SOLUTION_TYPES.items()
    if kind in (SolutionType.ADD_ON, SolutionType.HANGOUTS_MEET)
}
_HTTP = HTTP_ASCII.match
_MISSING: Any = object()
_CLEAN: tuple[Problem, ...] = ()  # what a clean value's check found
# The secret members, the most common first (they are looked up until all are found).
_SECRETS = ("pin", "passcode", "accessCode", "meetingCode", "password")


def _short(value: object, limit: int) -> bool:
    """An exact ``str`` of at most ``limit`` characters (for a member that may be empty)."""
    return type(value) is str and len(value) <= limit


def _filled(value: object, limit: int) -> bool:
    """An exact, non-empty ``str`` of at most ``limit`` characters."""
    return type(value) is str and 0 < len(value) <= limit


class Parts:
    """The entry points and parameters a clean read makes while the acceptor goes."""

    __slots__ = ("entry_points", "parameter_map", "parameters")

    def __init__(self) -> None:
        self.entry_points: list[EntryPoint] = []
        self.parameters: list[ConferenceParameter] = []
        self.parameter_map: dict[str, str] | None = None  # instead of parameters


Kinds = list[EntryPointType | None]


def entry_point_kinds(value: list[Any] | tuple[Any, ...], names: FormNames) -> Kinds:
    """For each raw entry point, its type when it has no problem of its own, else None.

    Raises only what iterating ``value`` raises. The rules about entry points together (one
    video, two phones shown...) are the caller's: the rule engine walks only the entry points
    this declines.
    """
    kinds = _KINDS[names.form](value, False)
    assert kinds is not None
    return kinds


def _kinds_checker(names: FormNames) -> Callable[..., Kinds | None]:
    """The entry point acceptor of one form, its spellings bound as closure cells.

    One loop with the check of an entry point written inline, not called: a call per entry
    point was a tenth of the time of validating a typical payload.
    """
    type_key = names.entry_point_type
    features_key = names.features
    types = names.types
    feature_table = names.features_by_spelling
    holds = names is CALENDAR  # entry points can hold JSON of this form

    def kinds_of(
        value: Sequence[object], whole: bool, made: list[EntryPoint] | None = None
    ) -> Kinds | None:
        """Each entry point's type, or None where it is not clean. With ``whole``, None at
        the first entry point that is not clean or that breaks a rule about the set; and
        with ``made`` too, each entry point is made as it is accepted."""
        kinds: Kinds = []
        phones = 0
        video = sip = more = False
        for ep in value:
            kind: EntryPointType | None = None
            try:
                # One pass over the entry point; each ``break`` leaves it not clean.
                while type(ep) is dict:
                    get = ep.get
                    raw_kind = ep[type_key]  # a missing member raises: not clean
                    uri = ep["uri"]
                    if type(raw_kind) is not str or type(uri) is not str or len(uri) > _URI:
                        break
                    found = types.get(raw_kind)
                    # Members besides the type and the URI; each one recognised below is
                    # taken off, so what is left is unknown (or misplaced) for the engine.
                    others = len(ep) - 2
                    if found is PHONE:
                        # tel: then printable characters, no space: the fast URI pattern.
                        if uri[:4] != "tel:" or len(uri) == 4 or not uri.isprintable():
                            break
                        if " " in uri:
                            break
                        if others:
                            region = get("regionCode", _MISSING)
                            if region is not _MISSING:
                                if type(region) is not str or region not in ASSIGNED_REGION_CODES:
                                    break
                                others -= 1
                            elif uri[4:5] != "+":
                                break  # no country code and no region: a warning
                            features = get(features_key, _MISSING)
                            if features is not _MISSING:
                                # One known feature: an empty list is kept verbatim; two are
                                # toll and toll-free (an error) or one twice (a warning).
                                if type(features) is not list or len(features) != 1:
                                    break
                                feature = features[0]
                                if type(feature) is not str or feature not in feature_table:
                                    break
                                others -= 1
                        elif uri[4:5] != "+":
                            break
                    elif found is VIDEO:
                        if not uri.isascii() or _HTTP(uri) is None:
                            break
                    elif found is SIP:
                        if uri[:4] != "sip:" or len(uri) == 4 or not uri.isprintable():
                            break
                        if " " in uri:
                            break
                    elif found is MORE:
                        if not uri.isascii() or _HTTP(uri) is None or "label" in ep:
                            break  # a label on a more entry point is a warning
                    else:
                        break
                    if others:
                        label = get("label", _MISSING)
                        if label is not _MISSING:
                            if type(label) is not str or len(label) > _LABEL:
                                break
                            others -= 1
                        for name in _SECRETS:
                            if not others:
                                break
                            secret = get(name, _MISSING)
                            if secret is not _MISSING:
                                if type(secret) is not str or len(secret) > _SECRET:
                                    break  # still counted in others: not clean below
                                others -= 1
                        if others:
                            break  # an unknown member, regionCode or features off a phone
                    kind = found
                    break
            except Exception:  # odd input: not clean
                kind = None
            if whole:
                if kind is None:
                    return None
                if kind is PHONE:
                    phones += 1
                    if phones > 2:
                        return None  # Calendar would not show it: a warning
                elif kind is VIDEO:
                    if video:
                        return None  # a second one
                    video = True
                elif kind is SIP:
                    if sip:
                        return None
                    sip = True
                elif more:
                    return None
                else:
                    more = True
                if made is not None and holds:  # a copy of the Calendar JSON: the hot path
                    held = cast("dict[str, Any]", ep).copy()
                    raw_features = get(features_key)
                    if raw_features is not None:
                        held[features_key] = raw_features.copy()
                    made.append(model.holding_json(kind, held))
                elif made is not None:  # made here, with the members at hand
                    raw_features = get(features_key)
                    made.append(
                        model.make_entry_point(
                            kind,
                            uri,
                            get("label"),
                            get("pin"),
                            get("accessCode"),
                            get("meetingCode"),
                            get("passcode"),
                            get("password"),
                            get("regionCode"),
                            (feature_table[raw_features[0]],) if raw_features else (),
                            _CLEAN,
                        )
                    )
            kinds.append(kind)
        if whole and not (phones or video or sip):
            return None  # only a more entry point
        return kinds

    return kinds_of


_KINDS = {names.form: _kinds_checker(names) for names in (CALENDAR, ADDON)}


def _entry_points(value: object, names: FormNames, parts: Parts | None = None) -> int:
    """The number of entry points of a clean, non-empty array; 0 when not provably clean.

    With ``parts``, each entry point is also made (clean, so with nothing found).
    """
    if type(value) is not list and type(value) is not tuple:
        return 0
    count = len(value)
    if not 0 < count <= MAX_ITEMS:
        return 0
    made = parts.entry_points if parts is not None else None
    if _KINDS[names.form](value, True, made) is None:
        return 0
    return count


def _solution_key(value: object) -> SolutionType | None:
    """The type of a clean solution key (``{"type": ...}``), else None."""
    if type(value) is not dict or len(value) != 1:
        return None
    kind = value.get("type")
    return _CURRENT_SOLUTIONS.get(kind) if type(kind) is str else None


def _calendar(obj: object, parts: Parts | None = None) -> bool:
    if type(obj) is not dict or not CALENDAR_MEMBERS.issuperset(obj):
        return False
    get = obj.get
    conference_id = get("conferenceId", _MISSING)
    if conference_id is not _MISSING and (
        type(conference_id) is not str or not 0 < len(conference_id) <= _CONFERENCE_ID
    ):
        return False
    notes = get("notes", _MISSING)
    if notes is not _MISSING and (type(notes) is not str or len(notes) > _NOTES):
        return False
    signature = get("signature", _MISSING)
    if signature is not _MISSING and type(signature) is not str:
        return False
    solution_kind = None
    solution = get("conferenceSolution", _MISSING)
    if solution is not _MISSING:
        if type(solution) is not dict:
            return False
        members = len(solution)
        key = solution.get("key", _MISSING)
        if key is not _MISSING:
            solution_kind = _solution_key(key)
            if solution_kind is None:
                return False
            members -= 1
        if members:  # a name, an icon, or an unknown member
            if not SOLUTION_MEMBERS.issuperset(solution):
                return False
            for name in ("name", "iconUri"):
                text = solution.get(name, _MISSING)
                if text is not _MISSING and type(text) is not str:
                    return False
    request = get("createRequest", _MISSING)
    if request is not _MISSING and not _create_request(request):
        return False
    count = 0
    entry_points = get("entryPoints", _MISSING)
    if entry_points is not _MISSING:
        count = _entry_points(entry_points, CALENDAR, parts)
        if not count:
            return False
    parameters = get("parameters", _MISSING)
    if parameters is not _MISSING:
        if type(parameters) is not dict or len(parameters) != 1:
            return False
        addon = parameters["addOnParameters"]
        if type(addon) is not dict or len(addon) != 1:
            return False
        mapping = addon["parameters"]
        if type(mapping) is not dict or not 0 < len(mapping) <= MAX_ITEMS:
            return False
        if not pairs_clean(mapping):
            return False
        if parts is not None:  # held as a map, keys unique and each pair checked
            parts.parameter_map = mapping.copy()
    if request is _MISSING and (solution is _MISSING or not count):
        return False  # needs a solution with entry points, or a create request
    return not (solution_kind is ADD_ON and conference_id is _MISSING)


def _create_request(request: object) -> bool:
    if type(request) is not dict or not REQUEST_MEMBERS.issuperset(request):
        return False
    get = request.get
    request_id = get("requestId", _MISSING)
    if request_id is not _MISSING and (type(request_id) is not str or not request_id):
        return False
    key = get("conferenceSolutionKey", _MISSING)
    if key is not _MISSING and _solution_key(key) is None:
        return False
    status = get("status", _MISSING)
    if status is _MISSING:
        return True
    if type(status) is not dict or len(status) != 1:
        return False
    code = status.get("statusCode")
    return type(code) is str and code in REQUEST_STATUSES


def _addon(obj: object, solution_ids: frozenset[str] | None, parts: Parts | None = None) -> bool:
    if type(obj) is not dict or not ADDON_MEMBERS.issuperset(obj):
        return False
    get = obj.get
    solution_id = get("conferenceSolutionId", _MISSING)
    if solution_id is not _MISSING:
        if not _filled(solution_id, _SOLUTION_ID):
            return False
        if solution_ids is not None and solution_id not in solution_ids:
            return False
    error = get("error", _MISSING)
    if error is not _MISSING:
        # An error result carries nothing but the error and the solution id.
        return len(obj) == (1 if solution_id is _MISSING else 2) and _error(error)
    if solution_id is _MISSING:
        return False  # Workspace add-ons must name the solution: a warning
    if not _filled(get("conferenceId"), _CONFERENCE_ID):
        return False
    note = get("note", _MISSING)
    if note is not _MISSING and not _short(note, _NOTES):
        return False
    if not _entry_points(get("entryPoints"), ADDON, parts):
        return False
    parameters = get("parameters", _MISSING)
    if parameters is not _MISSING:
        if type(parameters) is not list or not 0 < len(parameters) <= MAX_ITEMS:
            return False
        keys = set()
        for item in parameters:
            if type(item) is not dict or len(item) != 2:
                return False
            key = item.get("key")
            if not _filled(key, _KEY) or not _short(item.get("value"), _VALUE) or key in keys:
                return False
            keys.add(key)
            if parts is not None:
                parts.parameters.append(model.make_parameter(key, item["value"], True))  # type: ignore[arg-type]  # checked
    return True


def _error(error: object) -> bool:
    if type(error) is not dict or not ADDON_ERROR.issuperset(error):
        return False
    raw_kind = error.get("type")
    if type(raw_kind) is not str:
        return False
    kind = ERROR_TYPES.get(raw_kind)
    url = error.get("authenticationUrl", _MISSING)
    if kind is AUTHENTICATION:
        return (
            type(url) is str and len(url) <= _AUTH_URL and url.isascii() and _HTTP(url) is not None
        )
    return kind is not None and url is _MISSING


def calendar_is_clean(obj: object) -> bool:
    """True only if ``validate_calendar_json(obj)`` would return no problem at all."""
    try:
        return _calendar(obj)
    except Exception:  # anything odd is for the rule engine to look at and report
        return False


def clean_calendar_parts(obj: object) -> Parts | None:
    """The entry points and parameters of a clean Calendar value, made while accepting it;
    None unless ``calendar_is_clean(obj)``."""
    parts = Parts()
    try:
        return parts if _calendar(obj, parts) else None
    except Exception:
        return None


def clean_addon_parts(obj: object, solution_ids: frozenset[str] | None) -> Parts | None:
    """As :func:`clean_calendar_parts`, for the add-on form."""
    parts = Parts()
    try:
        return parts if _addon(obj, solution_ids, parts) else None
    except Exception:
        return None


def addon_is_clean(obj: object, solution_ids: frozenset[str] | None) -> bool:
    """True only if ``validate_addon_json`` (with these manifest ids) would find nothing."""
    try:
        return _addon(obj, solution_ids)
    except Exception:
        return False


def entry_point_is_clean(ep: EntryPoint) -> bool:
    """True only if ``check_entry_point(ep)`` would find no problem at all."""
    return entry_point_values_clean(
        ep.type,
        ep.uri,
        ep.label,
        ep.region_code,
        ep.features,
        ep.pin,
        ep.access_code,
        ep.meeting_code,
        ep.passcode,
        ep.password,
    )


def entry_point_values_clean(
    kind: object,
    uri: object,
    label: object,
    region: object,
    features: object,
    *secrets: object,
) -> bool:
    """True only if an entry point with these attributes would have no problem at all."""
    try:
        if type(kind) is not EntryPointType:
            return False
        if kind is PHONE or kind is SIP:
            if not dialable_uri(uri, "tel:" if kind is PHONE else "sip:"):
                return False
        elif not web_uri(uri):
            return False
        if label is not None and (kind is MORE or type(label) is not str or len(label) > _LABEL):
            return False
        for secret in secrets:
            if secret is not None and (type(secret) is not str or len(secret) > _SECRET):
                return False
        if type(features) is not tuple:
            return False
        if kind is not PHONE:
            return region is None and not features
        return phone_members_clean(cast(str, uri), region, features)  # a clean tel: URI
    except Exception:
        return False


def web_uri(uri: object) -> bool:
    """A plainly clean ``http(s):`` URI: printable ASCII, a host, short enough."""
    return type(uri) is str and len(uri) <= _URI and uri.isascii() and _HTTP(uri) is not None


def dialable_uri(uri: object, prefix: str) -> bool:
    """A plainly clean ``tel:`` or ``sip:`` URI (``prefix``): printable, no space."""
    return (
        type(uri) is str
        and 4 < len(uri) <= _URI
        and uri[:4] == prefix
        and uri.isprintable()
        and " " not in uri
    )


def phone_members_clean(uri: str, region: object, features: object) -> bool:
    """For a phone with a clean ``tel:`` URI: a known region, or none and a country code in
    the URI (else a warning); a tuple or list of at most one feature member (two are toll
    and toll-free, an error, or one twice, a warning)."""
    if region is None:
        if uri[4] != "+":
            return False
    elif type(region) is not str or region not in ASSIGNED_REGION_CODES:
        return False
    if type(features) is not tuple and type(features) is not list:
        return False
    return not features or (len(features) == 1 and type(features[0]) is EntryPointFeature)


def parameter_clean(key: object, value: object) -> bool:
    """True only if a parameter with this key and value would have no problem at all."""
    return type(key) is str and type(value) is str and 0 < len(key) <= _KEY and len(value) <= _VALUE


def pairs_clean(mapping: dict[Any, Any]) -> bool:
    """True only if every key and value of ``mapping`` would make a clean parameter
    (:func:`parameter_clean`'s test, written into the loop: maps hold up to 300 pairs)."""
    for key, value in mapping.items():
        if (
            type(key) is not str
            or type(value) is not str
            or not 0 < len(key) <= _KEY
            or len(value) > _VALUE
        ):
            return False
    return True


def conference_data_is_clean(data: ConferenceData) -> bool:
    """True only if ``check_conference_data(data)`` would find no problem at all.

    Covers a conference (not an error result or a create request) whose entry points and
    parameters were checked clean when they were made.
    """
    try:
        values = data.__dict__
        held = values.get("_parameter_map")
        if held is not None:  # built from clean pairs, each key once
            if len(held) > MAX_ITEMS:
                return False
            parameters: object = ()
        else:
            parameters = values["parameters"]
        return (
            clean_parameter_map(
                values["conference_id"],
                values["entry_points"],
                parameters,
                values["notes"],
                values["error"],
                values["conference_solution_id"],
                values["create_request"],
                values["signature"],
                values["conference_solution"],
            )
            is not None
        )
    except Exception:
        return False


def clean_parameter_map(
    conference_id: object,
    entry_points: object,
    parameters: object,
    notes: object,
    error: object,
    solution_id: object,
    request: object,
    signature: object,
    solution: object,
) -> dict[str, str] | None:
    """The parameters as a map (key to value, in order) if a conference with these fields
    would have no problem at all, else None.

    The fields as ``ConferenceData`` holds them (tuples of entry points and parameters), read
    from its arguments rather than from the value: attribute reads cost more than locals.
    """
    try:
        if error is not None or request is not None:
            return None
        if type(conference_id) is not str or not 0 < len(conference_id) <= _CONFERENCE_ID:
            return None
        if solution_id is not None and (
            type(solution_id) is not str or not 0 < len(solution_id) <= _SOLUTION_ID
        ):
            return None
        if notes is not None and (type(notes) is not str or len(notes) > _NOTES):
            return None
        if signature is not None and type(signature) is not str:
            return None
        if solution is not None and solution is not model._ADD_ON_SOLUTION:  # the shared default
            if type(solution) is not model.ConferenceSolution:
                return None
            kind = solution.key_type
            if not (kind is None or kind is ADD_ON or kind is HANGOUTS_MEET):
                return None
            name = solution.name
            icon = solution.icon_uri
            if (name is not None and type(name) is not str) or (
                icon is not None and type(icon) is not str
            ):
                return None
        if not entry_point_set_clean(entry_points):
            return None
        if type(parameters) is not tuple or len(parameters) > MAX_ITEMS:
            return None
        held: dict[str, str] = {}
        if parameters:
            parameter_class = model.ConferenceParameter
            for parameter in parameters:
                if type(parameter) is not parameter_class or not parameter._valid:
                    return None
                held[parameter.key] = parameter.value
            if len(held) != len(parameters):
                return None  # a key twice
        return held
    except Exception:
        return None


def entry_point_set_clean(entry_points: object) -> bool:
    """True only for a tuple of entry points each checked clean when made, which together
    break no rule (one video, SIP and more each, at most two phones shown, not only more)."""
    if type(entry_points) is not tuple or not 0 < len(entry_points) <= MAX_ITEMS:
        return False
    entry_point_class = model.EntryPoint
    phones = 0
    video = sip = more = False
    for ep in entry_points:
        if type(ep) is not entry_point_class:
            return False
        # Checked on creation and found clean: read values have None, warnings a tuple.
        found = ep._found
        if found is None or found:
            return False
        kind = ep.type
        if kind is PHONE:
            phones += 1
            if phones > 2:
                return False
        elif kind is VIDEO:
            if video:
                return False
            video = True
        elif kind is SIP:
            if sip:
                return False
            sip = True
        elif kind is MORE:
            if more:
                return False
            more = True
        else:
            return False
    return bool(phones or video or sip)  # not only a more entry point
