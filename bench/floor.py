"""The floor of validating the Calendar form: one hand-written pass, as tight as it goes.

:func:`floor_calendar_problems` checks what ``confdata.validate_calendar_json`` checks on a
Calendar API v3 ``conferenceData`` value, errors and warnings (SPEC §3, §4 and §4.1), in one
function that reads each member once, and makes a :class:`confdata.Problem` (and its path and
message) only when a check fails. It takes no decision from confdata: its limits, spellings,
member sets and region codes are written out here, and only the severities come from
``confdata.RULES``. ``null`` members are read as SPEC §4.1 says (absent, with ``null-member``;
``required`` where the member cannot be without). It is a benchmark peer, not library code:
``run.py`` times it against confdata and stops if the two ever report different codes or
paths.

What it does that the library must not (STYLE.md's smells), because a floor is allowed to:
every rule written inline, twice where two places need it; a fast path per URI scheme in
front of the general URI check; limits as literals. What it shares with the library's
design: nothing is formatted until a check fails, and at most 100 problems of one code are
listed (then one that counts the rest).

``python bench/floor.py`` checks it against ``validate_calendar_json`` on generated valid and
invalid payloads (confdata's Hypothesis strategies and the fixtures, and the same with members
set to ``null``) and prints any disagreement.
"""

# Each failing check asks the cap (_take) in an if of its own, inside the check: read as
# "the rule, then the report".
# ruff: noqa: SIM102

from __future__ import annotations

import copy
import re
import sys
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from confdata import RULES, Problem

__all__ = ["floor_calendar_problems"]

_SEVERITY = {code: rule.severity for code, rule in RULES.items()}
_CAP = 100

_REGIONS = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
    BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
    CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
    FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
    ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
    NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW XK
    """.split()  # noqa: SIM905
)
# Entry point string members and their limits (None: no limit); uri must not be empty.
_TEXTS: dict[str, int | None] = {
    "uri": 1300,
    "label": 512,
    "pin": 128,
    "accessCode": 128,
    "meetingCode": 128,
    "passcode": 128,
    "password": 128,
    "regionCode": None,
}
_SECRETS = frozenset({"pin", "accessCode", "meetingCode", "passcode", "password"})
_TYPES = frozenset({"video", "phone", "sip", "more"})
_FEATURES = frozenset({"toll", "toll_free"})
_SOLUTION_TYPES = ("eventHangout", "eventNamedHangout", "hangoutsMeet", "addOn")
_DEPRECATED = frozenset({"eventHangout", "eventNamedHangout"})
_STATUSES = ("pending", "success", "failure")
_SCHEMES = {
    "video": ("http", "https"),
    "more": ("http", "https"),
    "phone": ("tel",),
    "sip": ("sip",),
}
_EXPECTED = {kind: " or ".join(f"{s}:" for s in schemes) for kind, schemes in _SCHEMES.items()}
_MEMBERS = (
    "conferenceId",
    "conferenceSolution",
    "createRequest",
    "entryPoints",
    "notes",
    "parameters",
    "signature",
)
_EP_MEMBERS = ("entryPointType", "entryPointFeatures", *_TEXTS)
_ADDON_ONLY = frozenset({"conferenceSolutionId", "error", "note"})
_DIGITS = frozenset("0123456789")

# The common valid web URI: a lowercase http(s) scheme and a plain host name, maybe a port.
_WEB = re.compile(r"https?://[A-Za-z0-9.\-]++(?::([0-9]{1,5}))?(?=[/?#]|\Z)")
# The general checks, for everything the fast paths do not take.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*+:")
_PLAIN_HOST = re.compile(r"[A-Za-z0-9.\-]++(?::([0-9]{1,5}))?(?=[/?#]|\Z)")
_DIGIT = re.compile(r"[0-9]")


def floor_calendar_problems(obj: object) -> list[Problem]:
    """Every problem of a Calendar ``conferenceData`` value, as confdata reports them."""
    out: list[Problem] = []
    counts: dict[str, int] = {}
    if type(obj) is not dict:
        if not isinstance(obj, dict):
            if _take(counts, "type"):
                out.append(_p("type", "", f"conferenceData must be an object (got {_kind(obj)})"))
            return out
        obj = dict(dict.items(obj))
    has_id = has_solution = has_request = False
    count: int | None = 0
    solution_type = None
    unknown: list[tuple[object, object]] | None = None
    nulls: list[str] = []  # conferenceId and entryPoints given as null, in document order
    for raw, value in obj.items():
        key = raw if type(raw) is str else _exact(raw)
        if key == "conferenceId":
            has_id = True
            text = value if type(value) is str else _exact(value)
            if text is None:
                if value is None:  # absent; null-member unless the result requires it
                    has_id = False
                    nulls.append("conferenceId")
                elif _take(counts, "type"):
                    out.append(_not_string("/conferenceId", "conferenceId", value))
            elif not text:
                if _take(counts, "empty"):
                    out.append(_p("empty", "/conferenceId", "conferenceId must not be empty"))
            elif len(text) > 512 or (not text.isascii() and _u16(text) > 512):
                if _take(counts, "max-length"):
                    out.append(_too_long("/conferenceId", "conferenceId", 512, text))
        elif key == "entryPoints":
            eps = value if type(value) is list else _array(value)
            if eps is None:
                if value is None:  # absent: null-member after the result rule
                    nulls.append("entryPoints")
                    continue
                if _take(counts, "type"):
                    out.append(_wrong("/entryPoints", "entryPoints", "an array", value))
                count = None
                continue
            count = len(eps)
            if count > 300:
                if _take(counts, "max-items"):
                    out.append(
                        _p(
                            "max-items",
                            "/entryPoints",
                            f"entryPoints must hold at most 300 entry points (got {count})",
                        )
                    )
            seen_video = seen_sip = seen_more = False
            phones = 0
            only_more = True
            for index, ep in enumerate(eps):
                if type(ep) is not dict:
                    if not isinstance(ep, dict):
                        if _take(counts, "type"):
                            out.append(
                                _wrong(f"/entryPoints/{index}", "entry point", "an object", ep)
                            )
                        only_more = False
                        continue
                    ep = dict(dict.items(ep))
                kind = uri = label = region = features = None
                has_type = has_uri = False
                for member, item in ep.items():
                    name = member if type(member) is str else _exact(member)
                    if name in _TEXTS:
                        text = item if type(item) is str else _exact(item)
                        if text is None:
                            if item is None:
                                if name == "uri":
                                    has_uri = True
                                    if _take(counts, "required"):
                                        out.append(_null_required(index, "uri"))
                                elif _take(counts, "null-member"):
                                    out.append(_null(f"/entryPoints/{index}/{name}", name))
                                continue
                            if _take(counts, "type"):
                                out.append(_not_string(f"/entryPoints/{index}/{name}", name, item))
                        else:
                            limit = _TEXTS[name]
                            if limit is not None and (
                                len(text) > limit or (not text.isascii() and _u16(text) > limit)
                            ):
                                if _take(counts, "max-length"):
                                    out.append(
                                        _too_long(
                                            f"/entryPoints/{index}/{name}",
                                            name,
                                            limit,
                                            text,
                                            name in _SECRETS,
                                        )
                                    )
                        if name == "uri":
                            uri, has_uri = text, True
                            if text == "":
                                if _take(counts, "empty"):
                                    out.append(
                                        _p(
                                            "empty",
                                            f"/entryPoints/{index}/uri",
                                            "uri must not be empty",
                                        )
                                    )
                        elif name == "label":
                            label = text
                        elif name == "regionCode":
                            region = text
                    elif name == "entryPointType":
                        has_type = True
                        if type(item) is str and item in _TYPES:
                            kind = item
                        elif item is None:
                            if _take(counts, "required"):
                                out.append(_null_required(index, "entryPointType"))
                        else:
                            kind = _enum(
                                out, counts, item, _TYPES, f"/entryPoints/{index}/entryPointType",
                                "entryPointType",
                            )  # fmt: skip
                    elif name == "entryPointFeatures":
                        features = item if type(item) is list else _array(item)
                        if features is None:
                            if item is None:
                                if _take(counts, "null-member"):
                                    out.append(
                                        _null(
                                            f"/entryPoints/{index}/entryPointFeatures",
                                            "entryPointFeatures",
                                        )
                                    )
                            elif _take(counts, "type"):
                                out.append(
                                    _wrong(
                                        f"/entryPoints/{index}/entryPointFeatures",
                                        "entryPointFeatures",
                                        "an array",
                                        item,
                                    )
                                )
                    else:
                        _unknown(
                            out, counts, f"/entryPoints/{index}", member, "entry point", _EP_MEMBERS
                        )
                if not has_type:
                    if _take(counts, "required"):
                        out.append(
                            _required(f"/entryPoints/{index}/entryPointType", "entryPointType")
                        )
                if not has_uri:
                    if _take(counts, "required"):
                        out.append(_required(f"/entryPoints/{index}/uri", "uri"))
                if uri:  # the rules of the URI: a fast path per scheme, else the general way
                    if kind == "video" or kind == "more":
                        web = _WEB.match(uri)
                        if not (
                            web is not None
                            and uri.isprintable()
                            and " " not in uri
                            and (web.group(1) is None or int(web.group(1)) <= 65535)
                        ):
                            _uri(out, counts, uri, kind, index)
                    elif kind == "phone":
                        if not (
                            uri[:4] == "tel:"
                            and (
                                uri[4:5] in _DIGITS
                                or uri[5:6] in _DIGITS
                                or _DIGIT.search(uri, 4) is not None
                            )
                            and uri.isprintable()
                            and " " not in uri
                        ):
                            _uri(out, counts, uri, kind, index)
                    elif not (
                        kind == "sip"
                        and uri[:4] == "sip:"
                        and len(uri) > 4
                        and uri.isprintable()
                        and " " not in uri
                    ):
                        _uri(out, counts, uri, kind, index)
                if region is not None:
                    if kind is not None and kind != "phone":
                        if _take(counts, "region-not-phone"):
                            out.append(
                                _p(
                                    "region-not-phone",
                                    f"/entryPoints/{index}/regionCode",
                                    f"regionCode applies only to phone entry points (this one is "
                                    f"{kind}; got {_show(region)})",
                                )
                            )
                    if region not in _REGIONS:
                        if (
                            len(region) == 2
                            and region.isascii()
                            and region.isalpha()
                            and region.isupper()
                        ):
                            if _take(counts, "region-code-unassigned"):
                                out.append(
                                    _p(
                                        "region-code-unassigned",
                                        f"/entryPoints/{index}/regionCode",
                                        f"regionCode is not an assigned ISO 3166-1 alpha-2 code "
                                        f"(got {_show(region)})",
                                    )
                                )
                        else:
                            if _take(counts, "region-code"):
                                out.append(
                                    _p(
                                        "region-code",
                                        f"/entryPoints/{index}/regionCode",
                                        f"regionCode must be two ASCII capital letters "
                                        f"(got {_show(region)})",
                                    )
                                )
                if features:
                    if kind is not None and kind != "phone":
                        if _take(counts, "feature-not-phone"):
                            out.append(
                                _p(
                                    "feature-not-phone",
                                    f"/entryPoints/{index}/entryPointFeatures",
                                    f"entryPointFeatures apply only to phone entry points "
                                    f"(this one is {kind})",
                                )
                            )
                    first = features[0]
                    if not (len(features) == 1 and type(first) is str and first in _FEATURES):
                        _features(out, counts, features, index)
                if kind == "phone":
                    phones += 1
                    if phones > 2:
                        if _take(counts, "phone-not-shown"):
                            out.append(
                                _p(
                                    "phone-not-shown",
                                    f"/entryPoints/{index}",
                                    f"Calendar shows only the first 2 phone entry points; "
                                    f"phone entry point {phones} is not shown",
                                )
                            )
                    if (
                        region is None
                        and uri is not None
                        and uri[:4].lower() == "tel:"
                        and uri[4:5] != "+"
                    ):
                        if _take(counts, "phone-no-country"):
                            out.append(
                                _p(
                                    "phone-no-country",
                                    f"/entryPoints/{index}/uri",
                                    f"phone uri has no +country code and there is no regionCode "
                                    f"(got {_show_uri(uri)})",
                                )
                            )
                    only_more = False
                elif kind == "more":
                    if seen_more:
                        if _take(counts, "duplicate-entry-point-type"):
                            out.append(_duplicate(index, kind))
                    seen_more = True
                    if label is not None:
                        if _take(counts, "label-on-more"):
                            out.append(
                                _p(
                                    "label-on-more",
                                    f"/entryPoints/{index}/label",
                                    f"label should not be filled on a more entry point "
                                    f"(got {_show(label)})",
                                )
                            )
                else:
                    only_more = False
                    if kind == "video":
                        if seen_video:
                            if _take(counts, "duplicate-entry-point-type"):
                                out.append(_duplicate(index, kind))
                        seen_video = True
                    elif kind == "sip":
                        if seen_sip:
                            if _take(counts, "duplicate-entry-point-type"):
                                out.append(_duplicate(index, kind))
                        seen_sip = True
            if count and only_more:
                if _take(counts, "more-only"):
                    out.append(
                        _p(
                            "more-only",
                            "/entryPoints",
                            "entryPoints must not hold only more entry points: add a video, "
                            "phone or sip one",
                        )
                    )
        elif key == "conferenceSolution":
            has_solution = True
            if type(value) is not dict:
                if value is None:
                    has_solution = False
                    if _take(counts, "null-member"):
                        out.append(_null("/conferenceSolution", "conferenceSolution"))
                    continue
                if not isinstance(value, dict):
                    if _take(counts, "type"):
                        out.append(
                            _wrong("/conferenceSolution", "conferenceSolution", "an object", value)
                        )
                    continue
                value = dict(dict.items(value))
            for name, item in value.items():
                if type(name) is str and name == "key":
                    solution_type = _solution_key(
                        out, counts, item, "/conferenceSolution/key", "conferenceSolution.key"
                    )
                elif type(name) is str and (name == "name" or name == "iconUri"):
                    if type(item) is not str and _exact(item) is None:
                        if item is None:
                            if _take(counts, "null-member"):
                                out.append(
                                    _null(
                                        f"/conferenceSolution/{name}", f"conferenceSolution.{name}"
                                    )
                                )
                        elif _take(counts, "type"):
                            out.append(
                                _not_string(
                                    f"/conferenceSolution/{name}",
                                    f"conferenceSolution.{name}",
                                    item,
                                )
                            )
                else:
                    _unknown(
                        out,
                        counts,
                        "/conferenceSolution",
                        name,
                        "conferenceSolution",
                        ("key", "name", "iconUri"),
                    )
        elif key == "notes":
            text = value if type(value) is str else _exact(value)
            if text is None:
                if value is None:
                    if _take(counts, "null-member"):
                        out.append(_null("/notes", "notes"))
                elif _take(counts, "type"):
                    out.append(_not_string("/notes", "notes", value))
            elif len(text) > 2048 or (not text.isascii() and _u16(text) > 2048):
                if _take(counts, "max-length"):
                    out.append(_too_long("/notes", "notes", 2048, text))
        elif key == "parameters":
            _parameters(out, counts, value)
        elif key == "createRequest":
            if value is None:
                if _take(counts, "null-member"):
                    out.append(_null("/createRequest", "createRequest"))
                continue
            has_request = True
            _create_request(out, counts, value)
        elif key == "signature":
            if type(value) is not str and _exact(value) is None:
                if value is None:
                    if _take(counts, "null-member"):
                        out.append(_null("/signature", "signature"))
                elif _take(counts, "type"):
                    out.append(_not_string("/signature", "signature", value))
        else:
            if unknown is None:
                unknown = []
            unknown.append((raw, value))
    if unknown is not None:
        by_name = {(k if type(k) is str else _exact(k)): v for k, v in unknown}
        resource = _exact(by_name.get("kind"))
        if (
            "conferenceData" in by_name
            or "items" in by_name
            or resource in ("calendar#event", "calendar#events")
        ):
            shape = (
                "an events.list page"
                if "items" in by_name or resource == "calendar#events"
                else "an Event resource"
            )
            if _take(counts, "type"):
                out.append(
                    _p(
                        "type",
                        "",
                        f"conferenceData expected, got {shape}: pass event['conferenceData'] "
                        f"(for a page, each item's conferenceData)",
                    )
                )
            return _bounded(out, counts)
        for raw, _ in unknown:
            _unknown(out, counts, "", raw, "conferenceData", _MEMBERS, top=True)
    if not has_request and count is not None:
        if count == 0:
            if _take(counts, "solution-or-request"):
                out.append(
                    _p(
                        "solution-or-request",
                        "",
                        "conferenceData needs either conferenceSolution with at least one entry "
                        "point, or createRequest",
                    )
                )
        elif not has_solution:
            if _take(counts, "solution-required"):
                out.append(
                    _p(
                        "solution-required",
                        "/conferenceSolution",
                        "conferenceSolution is required with entry points unless there is a "
                        "createRequest",
                    )
                )
    required_id = solution_type == "addOn" and not has_id
    if required_id:
        if _take(counts, "required"):
            out.append(
                _p(
                    "required",
                    "/conferenceId",
                    "conferenceId is required for an addOn conference solution",
                )
            )
    for name in nulls:  # read as absent: null-member, unless the result rule required it
        if not (name == "conferenceId" and required_id):
            if _take(counts, "null-member"):
                out.append(_null(f"/{name}", name))
    return _bounded(out, counts) if len(out) > _CAP else out


# --- the rarer parts of the pass, and the problems: called only off the common valid path ----


def _parameters(out: list[Problem], counts: dict[str, int], value: object) -> None:
    """``parameters.addOnParameters.parameters``: a map of string keys to string values."""
    if type(value) is not dict:
        if value is None:
            if _take(counts, "null-member"):
                out.append(_null("/parameters", "parameters"))
            return
        if not isinstance(value, dict):
            if _take(counts, "type"):
                out.append(_wrong("/parameters", "parameters", "an object", value))
            return
        value = dict(dict.items(value))
    for key, inner in value.items():
        if type(key) is not str or key != "addOnParameters":
            _unknown(out, counts, "/parameters", key, "parameters", ("addOnParameters",))
            continue
        if type(inner) is not dict:
            if inner is None:
                if _take(counts, "null-member"):
                    out.append(_null("/parameters/addOnParameters", "addOnParameters"))
                continue
            if not isinstance(inner, dict):
                if _take(counts, "type"):
                    out.append(
                        _wrong("/parameters/addOnParameters", "addOnParameters", "an object", inner)
                    )
                continue
            inner = dict(dict.items(inner))
        for name, pairs in inner.items():
            if type(name) is not str or name != "parameters":
                _unknown(
                    out,
                    counts,
                    "/parameters/addOnParameters",
                    name,
                    "addOnParameters",
                    ("parameters",),
                )
                continue
            at = "/parameters/addOnParameters/parameters"
            if type(pairs) is not dict:
                if pairs is None:
                    if _take(counts, "null-member"):
                        out.append(_null(at, "addOnParameters.parameters"))
                    continue
                if not isinstance(pairs, dict):
                    if _take(counts, "type"):
                        out.append(_wrong(at, "addOnParameters.parameters", "an object", pairs))
                    continue
                pairs = dict(dict.items(pairs))
            for raw, item in pairs.items():
                k = raw if type(raw) is str else _exact(raw)
                if k is None:
                    _unknown(out, counts, at, raw, "addOnParameters.parameters", ())
                    continue
                if not k:
                    if _take(counts, "empty"):
                        out.append(_p("empty", f"{at}/", "parameter key must not be empty"))
                elif len(k) > 50 or (not k.isascii() and _u16(k) > 50):
                    if _take(counts, "max-length"):
                        out.append(_too_long(f"{at}/{_escape(k)}", "parameter key", 50, k))
                v = item if type(item) is str else _exact(item)
                if v is None:
                    if item is None:
                        if _take(counts, "required"):
                            out.append(
                                _p(
                                    "required",
                                    f"{at}/{_escape(k)}",
                                    "parameter value is required (got null)",
                                )
                            )
                    elif _take(counts, "type"):
                        out.append(_not_string(f"{at}/{_escape(k)}", "parameter value", item))
                elif len(v) > 1024 or (not v.isascii() and _u16(v) > 1024):
                    if _take(counts, "max-length"):
                        out.append(_too_long(f"{at}/{_escape(k)}", "parameter value", 1024, v))
            if len(pairs) > 300:
                if _take(counts, "max-items"):
                    out.append(
                        _p(
                            "max-items",
                            at,
                            f"parameters must hold at most 300 parameters (got {len(pairs)})",
                        )
                    )


def _create_request(out: list[Problem], counts: dict[str, int], value: object) -> None:
    if type(value) is not dict:
        if not isinstance(value, dict):
            if _take(counts, "type"):
                out.append(_wrong("/createRequest", "createRequest", "an object", value))
            return
        value = dict(dict.items(value))
    for key, item in value.items():
        if type(key) is str and key == "requestId":
            text = item if type(item) is str else _exact(item)
            if text is None:
                if item is None:
                    if _take(counts, "null-member"):
                        out.append(_null("/createRequest/requestId", "requestId"))
                elif _take(counts, "type"):
                    out.append(_not_string("/createRequest/requestId", "requestId", item))
            elif not text:
                if _take(counts, "empty"):
                    out.append(
                        _p("empty", "/createRequest/requestId", "requestId must not be empty")
                    )
        elif type(key) is str and key == "conferenceSolutionKey":
            _solution_key(
                out,
                counts,
                item,
                "/createRequest/conferenceSolutionKey",
                "createRequest.conferenceSolutionKey",
            )
        elif type(key) is str and key == "status":
            if item is None:
                if _take(counts, "null-member"):
                    out.append(_null("/createRequest/status", "createRequest.status"))
                continue
            if not isinstance(item, dict):
                if _take(counts, "type"):
                    out.append(
                        _wrong("/createRequest/status", "createRequest.status", "an object", item)
                    )
                continue
            for inner, code in dict.items(item):
                if type(inner) is str and inner == "statusCode":
                    if code is None:
                        if _take(counts, "null-member"):
                            out.append(_null("/createRequest/status/statusCode", "statusCode"))
                        continue
                    _enum(
                        out,
                        counts,
                        code,
                        _STATUSES,
                        "/createRequest/status/statusCode",
                        "statusCode",
                    )
                else:
                    _unknown(
                        out,
                        counts,
                        "/createRequest/status",
                        inner,
                        "createRequest.status",
                        ("statusCode",),
                    )
        else:
            _unknown(
                out,
                counts,
                "/createRequest",
                key,
                "createRequest",
                ("requestId", "conferenceSolutionKey", "status"),
            )


def _solution_key(
    out: list[Problem], counts: dict[str, int], value: object, at: str, what: str
) -> str | None:
    """A conference solution key: its type, or None."""
    if type(value) is not dict:
        if value is None:
            if _take(counts, "null-member"):
                out.append(_null(at, what))
            return None
        if not isinstance(value, dict):
            if _take(counts, "type"):
                out.append(_wrong(at, what, "an object", value))
            return None
        value = dict(dict.items(value))
    found = None
    for key, item in value.items():
        if type(key) is str and key == "type":
            if type(item) is str and item in _SOLUTION_TYPES:
                found = item
            elif item is None:
                if _take(counts, "null-member"):
                    out.append(_null(f"{at}/type", f"{what}.type"))
                continue
            else:
                found = _enum(out, counts, item, _SOLUTION_TYPES, f"{at}/type", f"{what}.type")
            if found in _DEPRECATED:
                if _take(counts, "deprecated-solution-type"):
                    out.append(
                        _p(
                            "deprecated-solution-type",
                            f"{at}/type",
                            f"solution type {found} is deprecated: new conferences of this type "
                            f"cannot be created",
                        )
                    )
        else:
            _unknown(out, counts, at, key, what, ("type",))
    return found


def _uri(
    out: list[Problem], counts: dict[str, int], uri: str, kind: str | None, index: int
) -> None:
    """The general URI rules: ``uri-malformed``, ``uri-scheme``, ``sips-scheme``."""
    at = f"/entryPoints/{index}/uri"
    bad = None
    if not (uri.isprintable() and " " not in uri):
        for position, char in enumerate(uri):
            if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
                bad = position, char
                break
    if bad is not None:
        if _take(counts, "uri-malformed"):
            out.append(
                _p(
                    "uri-malformed",
                    at,
                    f"uri must not contain whitespace, control or invisible characters "
                    f"(found U+{ord(bad[1]):04X} at index {bad[0]} of {_show_uri(uri)})",
                )
            )
    match = _SCHEME.match(uri)
    if match is None:
        if kind is None:
            if bad is None:
                if _take(counts, "uri-malformed"):
                    out.append(
                        _p(
                            "uri-malformed",
                            at,
                            f"uri must be an absolute URI with a scheme (got {_show_uri(uri)})",
                        )
                    )
        else:
            if _take(counts, "uri-scheme"):
                out.append(
                    _p(
                        "uri-scheme",
                        at,
                        f"uri of a {kind} entry point must start with {_EXPECTED[kind]} "
                        f"(got {_show_uri(uri)}, which has no scheme)",
                    )
                )
        return
    scheme = match.group()[:-1].lower()
    rest = uri[match.end() :]
    if bad is None:
        why = None
        if not rest:
            why = "has nothing after the scheme"
        elif scheme == "http" or scheme == "https":
            why = _authority(uri, rest)
        elif scheme == "tel" and _DIGIT.search(rest) is None:
            why = "has no digit to dial"
        if why is not None:
            if _take(counts, "uri-malformed"):
                out.append(_p("uri-malformed", at, f"uri {why} (got {_show_uri(uri)})"))
    if kind is None or scheme in _SCHEMES[kind]:
        return
    if kind == "sip" and scheme == "sips":
        if _take(counts, "sips-scheme"):
            out.append(
                _p(
                    "sips-scheme",
                    at,
                    f"uri uses sips:, which the Calendar API reference does not list "
                    f"(got {_show_uri(uri)})",
                )
            )
    else:
        if _take(counts, "uri-scheme"):
            out.append(
                _p(
                    "uri-scheme",
                    at,
                    f"uri of a {kind} entry point must start with {_EXPECTED[kind]} "
                    f"(got {_show_uri(uri)})",
                )
            )


def _authority(uri: str, rest: str) -> str | None:
    if rest.startswith("//"):
        plain = _PLAIN_HOST.match(rest, 2)
        if plain is not None and plain.end() > 2:
            port = plain.group(1)
            if port is None or int(port) <= 65535:
                return None
    try:
        parts = urlsplit(uri)
        host = parts.hostname
        parts.port  # noqa: B018  # raises for a port outside 0-65535
    except ValueError:
        return "has a malformed host or port (a port must be 0-65535)"
    return None if host else "must name a host"


def _features(
    out: list[Problem],
    counts: dict[str, int],
    features: list[object] | tuple[object, ...],
    index: int,
) -> None:
    """The items of entryPointFeatures: ``type``, ``enum``, ``duplicate-feature``,
    ``toll-and-toll-free``."""
    at = f"/entryPoints/{index}/entryPointFeatures"
    seen = set()
    for position, item in enumerate(features):
        feature = item if type(item) is str and item in _FEATURES else None
        if feature is None:
            feature = _enum(
                out,
                counts,
                item,
                ("toll", "toll_free"),
                f"{at}/{position}",
                "entryPointFeatures item",
            )
            if feature is None:
                continue
        if feature in seen:
            if _take(counts, "duplicate-feature"):
                out.append(
                    _p(
                        "duplicate-feature",
                        f"{at}/{position}",
                        f"entryPointFeatures lists {feature} more than once",
                    )
                )
        seen.add(feature)
    if len(seen) == 2:
        if _take(counts, "toll-and-toll-free"):
            out.append(
                _p(
                    "toll-and-toll-free",
                    at,
                    "entryPointFeatures must not list both toll and toll_free",
                )
            )


def _enum(
    out: list[Problem], counts: dict[str, int], value: object, allowed: Any, at: str, what: str
) -> Any:
    """``type`` or ``enum`` for a value that must be one of ``allowed``; the value or None."""
    text = _exact(value)
    if text is None:
        if _take(counts, "type"):
            out.append(_p("type", at, f"{what} must be a string (got {_kind(value)})"))
        return None
    if text in allowed:
        return text
    shown = ", ".join(repr(spelling) for spelling in sorted(allowed, key=str))
    if _take(counts, "enum"):
        out.append(_p("enum", at, f"{what} must be one of {shown} (got {_show(text)})"))
    return None


def _duplicate(index: int, kind: str) -> Problem:
    return _p(
        "duplicate-entry-point-type",
        f"/entryPoints/{index}",
        f"at most one {kind} entry point is allowed (this is another one)",
    )


def _p(code: str, path: str, message: str) -> Problem:
    return Problem(code=code, severity=_SEVERITY[code], path=path, message=message)


def _required(path: str, what: str) -> Problem:
    return _p("required", path, f"{what} is required")


def _null_required(index: int, name: str) -> Problem:
    return _p("required", f"/entryPoints/{index}/{name}", f"{name} is required (got null)")


def _null(path: str, what: str) -> Problem:
    return _p("null-member", path, f"{what} is null, which is read as unset: leave the member out")


def _wrong(path: str, what: str, expected: str, value: object) -> Problem:
    return _p("type", path, f"{what} must be {expected} (got {_kind(value)})")


def _not_string(path: str, what: str, value: object) -> Problem:
    return _p("type", path, f"{what} must be a string (got {_kind(value)})")


def _too_long(path: str, what: str, limit: int, value: str, secret: bool = False) -> Problem:
    shown = f"<masked, {len(value):,} characters>" if secret else _show(value)
    return _p(
        "max-length",
        path,
        f"{what} must be at most {limit} characters (got {_u16(value)}: {shown})",
    )


def _unknown(
    out: list[Problem],
    counts: dict[str, int],
    at: str,
    key: object,
    what: str,
    known: tuple[str, ...],
    *,
    top: bool = False,
) -> None:
    """``unknown-field``, or ``type`` for a member name that is not a string."""
    if not isinstance(key, str):
        if _take(counts, "type"):
            shown = _show(key)
            out.append(
                _p(
                    "type",
                    f"{at}/{_escape(f'<not a string: {shown}>')}",
                    f"{what} has a member name that is not a string (got {shown})",
                )
            )
    elif _take(counts, "unknown-field"):
        name = str.__str__(key)
        hint = (
            f"; {name!r} is the addon form's member: is this the addon form?"
            if top and name in _ADDON_ONLY
            else ""
        )
        listed = f"; known members: {', '.join(sorted(known))}" if known else ""
        out.append(
            _p(
                "unknown-field",
                f"{at}/{_escape(name)}",
                f"{what} has no member {_show(name)}{listed}{hint}",
            )
        )


def _take(counts: dict[str, int], code: str) -> bool:
    """Count a problem of ``code``; True while it is to be made: the first 100, and the
    first left out (whose path its summary shows)."""
    count = counts[code] = counts.get(code, 0) + 1
    return count <= _CAP + 1


def _bounded(out: list[Problem], counts: dict[str, int]) -> list[Problem]:
    """The problems made, each first one left out replaced by a summary at the end."""
    over = {code for code, count in counts.items() if count > _CAP}
    if not over:
        return out
    seen: dict[str, int] = {}
    listed: list[Problem] = []
    summaries: list[Problem] = []
    for problem in out:
        count = seen[problem.code] = seen.get(problem.code, 0) + 1
        if count <= _CAP:
            listed.append(problem)
        else:
            more = counts[problem.code] - _CAP
            summaries.append(
                _p(
                    problem.code,
                    problem.path,
                    f"…and {more:,} more {problem.code} problem{'s' if more != 1 else ''} "
                    f"(only the first {_CAP} of each code are listed)",
                )
            )
    return listed + summaries


def _exact(value: object) -> str | None:
    """A ``str`` (or a subclass's data), else None."""
    if type(value) is str:
        return value
    return str.__str__(value) if isinstance(value, str) else None


def _array(value: object) -> list[object] | tuple[object, ...] | None:
    if type(value) is tuple:
        return value
    if isinstance(value, list):
        return list.copy(value)
    if isinstance(value, tuple):
        items: tuple[object, ...] = tuple.__getitem__(value, slice(None))
        return items
    return None


def _u16(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _kind(value: object) -> str:
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "an array"
    return f"a Python {type(value).__name__}"


def _show(value: object) -> str:
    if isinstance(value, str):
        text = str.__str__(value)
        return repr(text) if len(text) <= 40 else f"{text[:40]!r}… ({len(text):,} characters)"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        digits = int.__repr__(int(value))
        return digits if len(digits) <= 40 else f"an integer of {len(digits.lstrip('-')):,} digits"
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, dict):
        return f"an object with {dict.__len__(value):,} members"
    if isinstance(value, list | tuple):
        return f"an array of {len(value):,} items"
    return _kind(value)


_USERINFO = re.compile(r"\A([A-Za-z][A-Za-z0-9+.\-]*+:(?://)?[^/?#@:;]*+):[^/?#@]*+@")
_QUERY_PAIR = re.compile(r"([?&;])((?i:pwd|passcode|password|pin))=([^&;#?]++)")


def _show_uri(uri: str) -> str:
    """:func:`_show` of ``uri`` with its secrets masked: a userinfo password (only if it has
    an ``@``) and ``pwd``/``passcode``/``password``/``pin`` values (only if it has an ``=``)."""
    if "@" in uri:
        uri = _USERINFO.sub(lambda m: f"{m.group(1)}:<masked>@", uri, count=1)
    if "=" in uri:
        uri = _QUERY_PAIR.sub(r"\1\2=<masked>", uri)
    return _show(uri)


# --- checked against confdata on generated payloads -------------------------------------------


def differences(payload: object) -> str | None:
    """How the floor and ``validate_calendar_json`` disagree on ``payload``, or None."""
    from confdata import validate_calendar_json

    def key(problems: list[Problem]) -> list[tuple[str, str, str]]:
        return sorted((p.code, p.severity.value, p.path) for p in problems)

    ours, theirs = key(floor_calendar_problems(payload)), key(validate_calendar_json(payload))
    if ours == theirs:
        return None
    return f"floor {ours}\nconfdata {theirs}"


def _member_paths(value: object) -> list[tuple[str | int, ...]]:
    """The path of every member of every plain object in ``value`` (the parameter map's
    entries included): where a serialiser could have written ``null``."""
    found: list[tuple[str | int, ...]] = []
    stack: list[tuple[object, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if type(node) is dict:
            for key, item in node.items():
                if type(key) is str:
                    found.append((*path, key))
                    stack.append((item, (*path, key)))
        elif type(node) is list:
            stack.extend((item, (*path, index)) for index, item in enumerate(node))
    return found


def with_nulls(payload: object, chosen: list[int]) -> object:
    """A copy of ``payload`` with the members at the ``chosen`` indexes of its
    :func:`_member_paths` set to ``null`` (those still there once the earlier ones are)."""
    copied = copy.deepcopy(payload)
    paths = _member_paths(copied)
    for index in chosen:
        *parents, name = paths[index % len(paths)]
        node: Any = copied
        for step in parents:
            if type(node) is dict and type(step) is str and step in node:
                node = node[step]
                continue
            if type(node) is list and type(step) is int and step < len(node):
                node = node[step]
                continue
            node = None  # an earlier null took its parent
            break
        if type(node) is dict:
            node[name] = None
    return copied


def generated_payloads() -> Any:
    """confdata's valid and invalid Calendar payloads and the fixtures' (a create request
    and Meet's signature among them), and any of them with up to three of their members set
    to ``null`` (the ``null-member`` and ``required`` cases of SPEC §4.1)."""
    from hypothesis import strategies as st

    from confdata.fixtures import FIXTURES
    from confdata.testing import calendar_json, invalid_calendar_json

    fixtures = [fixture().to_calendar_json() for fixture in FIXTURES.values()]
    plain = st.one_of(
        calendar_json(),
        invalid_calendar_json().map(lambda e: e.payload),
        st.sampled_from(fixtures),
    )
    nulled = st.builds(with_nulls, plain, st.lists(st.integers(0, 10_000), min_size=1, max_size=3))
    return st.one_of(plain, nulled)


def main() -> None:
    """Compare the floor with confdata on payloads from confdata's Hypothesis strategies,
    and on the same with members set to null."""
    from hypothesis import HealthCheck, given, settings

    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2000

    @settings(
        max_examples=examples,
        suppress_health_check=list(HealthCheck),
        deadline=None,
        database=None,
    )
    @given(generated_payloads())
    def agree(payload: object) -> None:
        found = differences(payload)
        assert found is None, found

    agree()
    print(f"the floor agrees with validate_calendar_json on {examples} generated payloads")


if __name__ == "__main__":
    main()
