"""The rule engine: every rule of the catalog, as functions over already-typed values.

The JSON walkers (one per form) and the model checks call these functions; a rule lives here
and nowhere else. Each function appends :class:`Problem` objects to ``out`` and builds path
strings only when it reports, so that valid data costs as little as possible.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

import attrs

from ._enums import (
    ADD_ON,
    AUTHENTICATION,
    MORE,
    PHONE,
    SIP,
    TOLL,
    TOLL_FREE,
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    SolutionType,
)
from ._guard import count_more, full, room
from ._problems import Problem, ValidationError
from ._regions import ASSIGNED_REGION_CODES
from ._text import describe_type, escape_token, mask, show, utf16_len
from .catalog import RULES

MAX_ITEMS = 300
"""At most this many entry points, and this many parameters [S1-builder, S16]."""

LIMIT_CONFERENCE_ID = 512
LIMIT_SOLUTION_ID = 512
LIMIT_NOTES = 2048
LIMIT_URI = 1300
LIMIT_LABEL = 512
LIMIT_SECRET = 128
LIMIT_PARAMETER_KEY = 50
LIMIT_PARAMETER_VALUE = 1024
LIMIT_AUTH_URL_MODEL = 1800  # Apps Script ConferenceError [S1-error]; also the calendar form
LIMIT_AUTH_URL_ADDON = 1300  # ConferenceDataMarkup [S16]

_SEVERITY = {code: rule.severity for code, rule in RULES.items()}

_HTTP = ("http", "https")
_SCHEMES: Mapping[EntryPointType, tuple[str, ...]] = {
    EntryPointType.VIDEO: _HTTP,
    EntryPointType.MORE: _HTTP,
    EntryPointType.PHONE: ("tel",),
    EntryPointType.SIP: ("sip", "sips"),
}
_UNIQUE_TYPES = frozenset({EntryPointType.VIDEO, EntryPointType.SIP, EntryPointType.MORE})
_DEPRECATED_SOLUTIONS = frozenset({SolutionType.EVENT_HANGOUT, SolutionType.EVENT_NAMED_HANGOUT})
_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.\-]*+:")  # anchored: linear however it is used
# One character class, searched once: linear in the input, no backtracking.
_BAD_CHAR = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
# Fast paths for the common valid URI of each kind. Each is linear: the character classes
# on either side of every boundary are disjoint, so nothing is ever tried twice. Anything they
# do not match goes through the full checks (and urllib.parse) below.
_CLEAN = r"[^\s\x00-\x1f\x7f-\x9f]"
_FAST_HTTP = re.compile(
    rf"(?i:https?)://[A-Za-z0-9][A-Za-z0-9.\-]*(?::[0-9]*)?(?:[/?#]{_CLEAN}*)?\Z"
)
# The same pattern for text already known to be ASCII, where "no space or control character"
# is the printable range: a quarter faster. The acceptors check ``isascii()`` first.
HTTP_ASCII = re.compile(r"(?i:https?)://[A-Za-z0-9][A-Za-z0-9.\-]*(?::[0-9]*)?(?:[/?#][!-~]*)?\Z")
_FAST_TEL = re.compile(rf"(?i:tel):{_CLEAN}+\Z")
_FAST_SIP = re.compile(rf"(?i:sip):{_CLEAN}+\Z")


@attrs.frozen
class FormNames:
    """How one form spells the members and enum values the shared rules talk about.

    The tables are plain dicts typed read-only (``Mapping``): a lookup in one runs for every
    entry point, and through a ``MappingProxyType`` it costs twice as much.
    """

    form: str
    entry_point_type: str
    features: str
    notes: str
    type_names: Mapping[EntryPointType, str]
    feature_names: Mapping[EntryPointFeature, str]
    auth_url_limit: int
    entry_point_members: frozenset[str]
    """Every member an entry point of this form may have."""
    types: Mapping[str, EntryPointType] = attrs.field(init=False)
    """The entry point types by this form's spelling (``type_names`` the other way round)."""
    features_by_spelling: Mapping[str, EntryPointFeature] = attrs.field(init=False)

    @types.default
    def _types(self) -> Mapping[str, EntryPointType]:
        return {spelling: kind for kind, spelling in self.type_names.items()}

    @features_by_spelling.default
    def _features(self) -> Mapping[str, EntryPointFeature]:
        return {s: f for f, s in self.feature_names.items()}


def report(out: list[Problem], code: str, path: str, message: str) -> None:
    """Record one problem of the catalog rule ``code``."""
    if not full(out, code):
        out.append(Problem(code=code, severity=_SEVERITY[code], path=path, message=message))


def require_instance(value: object, cls: type[Any], path: str, what: str) -> None:
    """Raise a ``type`` :class:`ValidationError` unless ``value`` is a ``cls`` (for an
    argument of the wrong kind: a usage error, not a problem of the data)."""
    if not isinstance(value, cls):
        out: list[Problem] = []
        report(out, "type", path, f"{what} must be a {cls.__name__} (got {describe_type(value)})")
        raise ValidationError(out)


def check_string(
    out: list[Problem],
    value: object,
    path: str,
    name: str,
    limit: int,
    *,
    nonempty: bool = False,
    secret: bool = False,
) -> str | None:
    """Rules ``type``, ``empty`` and ``max-length`` for a string member.

    Returns the value as an exact ``str`` (a subclass's data, none of its methods), or None
    when it is not a string; later rules work on what this returns.
    """
    if not isinstance(value, str):
        report(out, "type", path, f"{name} must be a string (got {describe_type(value)})")
        return None
    if type(value) is not str:
        value = str.__str__(value)
    if nonempty and not value:
        report(out, "empty", path, f"{name} must not be empty")
    elif len(value) * 2 > limit:  # cheap pre-check: a UTF-16 length is at most twice len()
        length = utf16_len(value)
        if length > limit:
            shown = mask(value) if secret else show(value)
            report(
                out,
                "max-length",
                path,
                f"{name} must be at most {limit} characters (got {length}: {shown})",
            )
    return value


_Member = TypeVar("_Member", bound=enum.Enum)


def check_enum(
    out: list[Problem],
    value: object,
    path: str,
    name: str,
    table: Mapping[str, _Member],
) -> _Member | None:
    """Rules ``type`` and ``enum``: the member ``value`` spells in this form, or None."""
    if not isinstance(value, str):
        report(out, "type", path, f"{name} must be a string (got {describe_type(value)})")
        return None
    if type(value) is not str and not isinstance(value, enum.Enum):
        value = str.__str__(value)
    member = table.get(value)
    if member is None:
        allowed = ", ".join(repr(v) for v in table)
        report(out, "enum", path, f"{name} must be one of {allowed} (got {show(value)})")
    return member


def check_uri(
    out: list[Problem], uri: str, kind: EntryPointType | None, path: str, names: FormNames
) -> None:
    """Rules ``uri-malformed``, ``uri-scheme`` and ``sips-scheme`` [S1-entrypoint, S3, S5]."""
    if not uri:
        return  # reported as `empty` by check_string
    fast = _FAST_TEL if kind is PHONE else _FAST_SIP if kind is SIP else _FAST_HTTP
    if kind is not None and fast.match(uri) is not None:
        return  # the common valid case
    bad = _BAD_CHAR.search(uri)
    if bad is not None:
        report(
            out,
            "uri-malformed",
            path,
            f"uri must not contain whitespace or control characters "
            f"(found {bad.group()!r} at index {bad.start()} of {show(uri)})",
        )
    match = _SCHEME.match(uri)
    if match is None:
        if kind is None:
            report(out, "uri-malformed", path, f"uri must be an absolute URI (got {show(uri)})")
        else:
            expected = " or ".join(f"{s}:" for s in _SCHEMES[kind])
            report(
                out,
                "uri-scheme",
                path,
                f"uri of a {names.type_names[kind]} entry point must start with {expected} "
                f"(got {show(uri)}, which has no scheme)",
            )
        return
    scheme = match.group()[:-1].lower()
    if match.end() == len(uri):
        report(out, "uri-malformed", path, f"uri has nothing after the scheme (got {show(uri)})")
    elif scheme in _HTTP and not _has_host(uri):
        report(out, "uri-malformed", path, f"uri must name a host (got {show(uri)})")
    if kind is None:
        return
    allowed = _SCHEMES[kind]
    if scheme not in allowed:
        expected = " or ".join(f"{s}:" for s in allowed)
        report(
            out,
            "uri-scheme",
            path,
            f"uri of a {names.type_names[kind]} entry point must start with {expected} "
            f"(got {show(uri)})",
        )
    elif scheme == "sips":
        report(
            out,
            "sips-scheme",
            path,
            f"uri uses sips:, which the Calendar API reference does not list (got {show(uri)})",
        )


def _has_host(uri: str) -> bool:
    try:
        return bool(urlsplit(uri).hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False


def check_entry_point_rules(
    out: list[Problem],
    path: str,
    names: FormNames,
    kind: EntryPointType | None,
    uri: str | None,
    label: str | None,
    region_code: str | None,
    features: Sequence[EntryPointFeature | None] | None,
) -> None:
    """The rules about one entry point's members together.

    ``kind`` is None when the type is missing or unknown (then type-dependent rules are
    skipped); the other arguments are None when absent or of the wrong JSON type.
    """
    if uri is not None:
        check_uri(out, uri, kind, path + "/uri", names)
    is_phone = kind is PHONE
    if region_code is not None:
        region_path = path + "/regionCode"
        if kind is not None and not is_phone:
            report(
                out,
                "region-not-phone",
                region_path,
                f"regionCode applies only to phone entry points "
                f"(this one is {names.type_names[kind]}; got {show(region_code)})",
            )
        if not (
            len(region_code) == 2
            and region_code.isascii()
            and region_code.isalpha()
            and region_code.isupper()
        ):
            report(
                out,
                "region-code",
                region_path,
                f"regionCode must be two ASCII capital letters (got {show(region_code)})",
            )
        elif region_code not in ASSIGNED_REGION_CODES:
            report(
                out,
                "region-code-unassigned",
                region_path,
                f"regionCode is not an assigned ISO 3166-1 alpha-2 code (got {show(region_code)})",
            )
    if features:
        check_features(out, features, kind, f"{path}/{names.features}", names)
    if is_phone and uri is not None and region_code is None:
        lowered = uri[:5].lower()
        if lowered.startswith("tel:") and not lowered.startswith("tel:+"):
            report(
                out,
                "phone-no-country",
                path + "/uri",
                f"phone uri has no +country code and there is no regionCode (got {show(uri)})",
            )
    if kind is MORE and label is not None:
        report(
            out,
            "label-on-more",
            path + "/label",
            f"label should not be filled on a more entry point (got {show(label)})",
        )


def check_features(
    out: list[Problem],
    features: Sequence[EntryPointFeature | None],
    kind: EntryPointType | None,
    path: str,
    names: FormNames,
) -> None:
    """Rules ``feature-not-phone``, ``duplicate-feature`` and ``toll-and-toll-free`` [S1-epf]."""
    if kind is not None and kind is not PHONE:
        report(
            out,
            "feature-not-phone",
            path,
            f"{names.features} apply only to phone entry points "
            f"(this one is {names.type_names[kind]})",
        )
    seen: set[EntryPointFeature] = set()
    for index, feature in enumerate(features):
        if feature is None:
            continue
        if feature in seen:
            report(
                out,
                "duplicate-feature",
                f"{path}/{index}",
                f"{names.features} lists {names.feature_names[feature]} more than once",
            )
        seen.add(feature)
    if TOLL in seen and TOLL_FREE in seen:
        toll = names.feature_names[TOLL]
        free = names.feature_names[TOLL_FREE]
        report(
            out,
            "toll-and-toll-free",
            path,
            f"{names.features} must not list both {toll} and {free}",
        )


def check_entry_point_set(
    out: list[Problem], path: str, kinds: Sequence[EntryPointType | None], names: FormNames
) -> None:
    """Rules about the entry points together: count, one of each unique type, more-only."""
    count = len(kinds)
    if count > MAX_ITEMS:
        report(
            out,
            "max-items",
            path,
            f"entryPoints must hold at most {MAX_ITEMS} entry points (got {count})",
        )
    seen: set[EntryPointType] = set()
    phones = 0
    only_more = count > 0
    # Past the listed ones, problems are only counted: a huge input stays cheap.
    phone_room = room(out, "phone-not-shown")
    repeat_room = room(out, "duplicate-entry-point-type")
    for index, kind in enumerate(kinds):
        if kind is not MORE:
            only_more = False
        if kind is PHONE:
            phones += 1
            if phones > 2:
                phone_room -= 1
                if phone_room >= 0:
                    report(
                        out,
                        "phone-not-shown",
                        f"{path}/{index}",
                        f"Calendar shows only the first two phone entry points; "
                        f"phone entry point {phones} is not shown",
                    )
        elif kind in _UNIQUE_TYPES:
            if kind in seen:
                repeat_room -= 1
                if repeat_room >= 0:
                    report(
                        out,
                        "duplicate-entry-point-type",
                        f"{path}/{index}",
                        f"at most one {names.type_names[kind]} entry point is allowed "
                        f"(this is another one)",
                    )
            seen.add(kind)
    count_more(out, "phone-not-shown", -min(phone_room, 0))
    count_more(out, "duplicate-entry-point-type", -min(repeat_room, 0))
    if only_more:
        report(
            out,
            "more-only",
            path,
            "entryPoints must not hold only more entry points: add a video, phone or sip one",
        )


def check_parameter_set(
    out: list[Problem], path: str, keys: Sequence[str | None], *, key_name: str = "key"
) -> None:
    """Rules ``max-items`` and ``duplicate-parameter-key`` over the parameters in order."""
    count = len(keys)
    if count > MAX_ITEMS:
        report(
            out,
            "max-items",
            path,
            f"parameters must hold at most {MAX_ITEMS} parameters (got {count})",
        )
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            report(
                out,
                "duplicate-parameter-key",
                f"{path}/{index}",
                f"parameter {key_name} {show(key)} appears more than once",
            )
        seen.add(key)


def check_error_rules(
    out: list[Problem],
    path: str,
    kind: ConferenceErrorType | None,
    authentication_url: str | None,
    has_url_member: bool,
) -> None:
    """Rules ``auth-url-required``, ``auth-url-scheme`` and ``auth-url-ignored`` [S1-error]."""
    url_path = path + "/authenticationUrl"
    if not has_url_member:
        if kind is AUTHENTICATION:
            report(
                out,
                "auth-url-required",
                url_path,
                "an AUTHENTICATION error needs an authenticationUrl for the user to sign in",
            )
        return
    if authentication_url is None:
        return  # wrong type, already reported
    if not _is_http_url(authentication_url):
        report(
            out,
            "auth-url-scheme",
            url_path,
            f"authenticationUrl must be an http: or https: URL with a host "
            f"(got {show(authentication_url)})",
        )
    if kind is not None and kind is not AUTHENTICATION:
        report(
            out,
            "auth-url-ignored",
            url_path,
            f"authenticationUrl is used only by AUTHENTICATION errors (this one is {kind.value})",
        )


def _is_http_url(url: str) -> bool:
    match = _SCHEME.match(url)
    return (
        match is not None
        and match.group()[:-1].lower() in _HTTP
        and _BAD_CHAR.search(url) is None
        and _has_host(url)
    )


def check_solution_type(out: list[Problem], path: str, kind: SolutionType | None) -> None:
    """Rule ``deprecated-solution-type`` [S3]."""
    if kind in _DEPRECATED_SOLUTIONS:
        assert kind is not None
        report(
            out,
            "deprecated-solution-type",
            path,
            f"solution type {kind.value} is deprecated: new conferences of this type cannot be "
            f"created",
        )


def check_error_with_data(out: list[Problem], root: str, data_members: Sequence[str]) -> None:
    """Rule ``error-with-data`` [S9]: with an error, other conference data is ignored."""
    if data_members:
        listed = ", ".join(data_members)
        report(
            out,
            "error-with-data",
            root,
            f"an error result ignores the other conference data ({listed})",
        )


def check_required(out: list[Problem], path: str, name: str, why: str = "") -> None:
    """Rule ``required`` for a missing member."""
    report(out, "required", path, f"{name} is required{why}")


def member_path(path: str, key: object) -> str:
    """The JSON Pointer of member ``key`` below ``path``."""
    return f"{path}/{escape_token(key)}" if isinstance(key, str) else f"{path}/{key!s}"


def check_members(
    out: list[Problem], obj: dict[object, object], known: frozenset[str], path: str, what: str
) -> None:
    """Rule ``unknown-field`` (and ``type`` for non-string keys) for one JSON object."""
    if known.issuperset(obj):
        return
    for key in obj:
        if key in known:
            continue
        if not isinstance(key, str):
            report(
                out,
                "type",
                path,
                f"{what} has a member name that is not a string (got {describe_type(key)})",
            )
            continue
        report(
            out,
            "unknown-field",
            member_path(path, key),
            f"{what} has no member {show(key)}; known members: {', '.join(sorted(known))}",
        )


def check_calendar_result(
    out: list[Problem],
    root: str,
    *,
    has_solution: bool,
    has_request: bool,
    entry_points: int | None,
    solution_kind: SolutionType | None,
    has_conference_id: bool,
) -> None:
    """Calendar form: "Either conferenceSolution and at least one entryPoint, or createRequest
    is required" [S3]; conferenceId is required for an addOn solution.

    ``entry_points`` is None when the member has the wrong JSON type (already reported).
    """
    if not has_request and entry_points is not None:
        if entry_points == 0:
            report(
                out,
                "solution-or-request",
                root,
                "conferenceData needs either conferenceSolution with at least one entry point, "
                "or createRequest",
            )
        elif not has_solution:
            report(
                out,
                "solution-required",
                root + "/conferenceSolution",
                "conferenceSolution is required with entry points unless there is a createRequest",
            )
    if solution_kind is ADD_ON and not has_conference_id:
        check_required(
            out, root + "/conferenceId", "conferenceId", " for an addOn conference solution"
        )


def check_success_requirements(
    out: list[Problem],
    root: str,
    *,
    has_conference_id: bool,
    entry_points: int | None,
) -> None:
    """Rule ``required``: without an error, a conference ID and at least one entry point
    [S1-builder, S9]. ``entry_points`` is None when the member has the wrong JSON type."""
    if not has_conference_id:
        check_required(out, root + "/conferenceId", "conferenceId", " unless there is an error")
    if entry_points == 0:
        check_required(
            out,
            root + "/entryPoints",
            "entryPoints",
            ": at least one entry point unless there is an error",
        )


def check_solution_id_missing(out: list[Problem], path: str) -> None:
    """Rule ``solution-id-missing`` [S1-builder]: Workspace add-ons must name the solution."""
    report(
        out,
        "solution-id-missing",
        path,
        "conferenceSolutionId is missing: Workspace add-ons must name the manifest's "
        "conference solution",
    )


def check_solution_id(
    out: list[Problem], path: str, solution_id: str, known: frozenset[str]
) -> None:
    """Rule ``solution-id-unknown`` [S16]: the id must be one the manifest declares."""
    if solution_id not in known:
        declared = ", ".join(repr(i) for i in sorted(known)) or "none"
        report(
            out,
            "solution-id-unknown",
            path,
            f"conferenceSolutionId {show(solution_id)} is not declared in the manifest "
            f"(declared: {declared})",
        )
