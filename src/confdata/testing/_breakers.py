"""The breakers of the invalid-payload strategies: a valid skeleton, and per rule code the
change that breaks exactly that rule, with the problems the validator must then report.

A breaker touches named slots of the skeleton; codes whose breakers share a slot cannot be
asked for together (see :mod:`confdata.testing._invalid`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from .._core import spec as _spec
from .._core.regions import ASSIGNED_REGION_CODES
from .._core.sink import pointer as _pointer
from .._core.spec import ADDON, CALENDAR, DEPRECATED_SPELLINGS, MAX_ITEMS
from ._strategies import http_uris, limit_of, limited_text, phone_uris, sip_uris

LIMIT_CONFERENCE_ID = limit_of(_spec.CONFERENCE_ID)
LIMIT_LABEL = limit_of(_spec.LABEL)
LIMIT_NOTES = limit_of(CALENDAR.notes)
LIMIT_PARAMETER_VALUE = limit_of(_spec.PARAMETER_VALUE)
ERROR_TYPES = _spec.ERROR_TYPES
REQUEST_STATUSES = _spec.STATUSES


def pointer(*tokens: str | int) -> str:
    return _pointer("", *tokens)


# The members the breakers touch, as spec spells them: the ones both forms share, then the
# Calendar form's (its paths) and the add-on form's.
_CONFERENCE_ID = _spec.CONFERENCE_ID.json
_URI, _LABEL, _REGION_CODE = _spec.URI.json, _spec.LABEL.json, _spec.REGION_CODE.json
_SOLUTION, _SOLUTION_KEY, _SOLUTION_TYPE = _spec.CALENDAR_PATHS.solution_type
_REQUEST_STATUS = _spec.CALENDAR_PATHS.request_status
_REQUEST = _REQUEST_STATUS[0]
_SOLUTION_ID = _spec.SOLUTION_ID.json
_KEY, _VALUE = _spec.PARAMETER_KEY.json, _spec.PARAMETER_VALUE.json
_ERROR, _ERROR_TYPE = _spec.json_path(_spec.ADDON_CONFERENCE, "error", "type")
_AUTH_URL = _spec.json_path(_spec.ADDON_CONFERENCE, "error", "authentication_url")[-1]


def _nested(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """``{path[0]: {path[1]: ... value}}``."""
    for name in reversed(path):
        value = {name: value}
    nested: dict[str, Any] = value
    return nested


def _set(payload: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set the member at ``path`` (its parents exist) to ``value``."""
    for name in path[:-1]:
        payload = payload[name]
    payload[path[-1]] = value


__all__ = [
    "ADDON_BREAKERS",
    "ADDON_FORM",
    "CALENDAR_BREAKERS",
    "CALENDAR_FORM",
    "Breaker",
    "Form",
    "skeleton",
]


Expected = list[tuple[str, str]]
Apply = Callable[[st.DrawFn, dict[str, Any]], Expected]
Breaker = tuple[frozenset[str], Apply]
"""The slots a breaker touches, and how it breaks its rule."""

_EP_SLOTS = frozenset(
    {
        "video-uri",
        "video-label",
        "video-features",
        "video-region",
        "phone-uri",
        "phone-region",
        "phone-features",
        "sip-uri",
        "more-uri",
        "more-label",
        "append",
    }
)
# Slots named after a member are named as the form spells it (what _invalid's message shows).
_ALL = (
    frozenset(
        {
            "notes",
            _CONFERENCE_ID,
            "solution",
            "solutionId",
            "extra",
            _spec.CALENDAR_PATHS.parameters[0],
            _REQUEST,
            "error",
        }
    )
    | _EP_SLOTS
)
_UNASSIGNED = sorted(
    {a + b for a, b in itertools.product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=2)}
    - ASSIGNED_REGION_CODES
)
_NOT_JSON_STRING = st.one_of(  # null is no type problem: it reads as absent
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=2),
)


class Form:
    """The spellings one form's breakers use."""

    def __init__(self, calendar: bool) -> None:
        form = CALENDAR if calendar else ADDON
        self.calendar = calendar
        self.type_key = form.type_member
        self.features_key = form.features_member
        self.notes_key = form.notes.json
        self.entry_points_key = form.entry_points_member
        self.parameters = _spec.json_path(form.conference, "parameters")
        self.video, self.phone, self.sip, self.more = (
            form.type_spellings[k] for k in form.type_spellings
        )
        self.toll, self.toll_free = form.feature_spellings.values()
        self.types = form.types
        self.members = form.members

    def ep(self, kind: str, uri: str, **more: Any) -> dict[str, Any]:
        return {self.type_key: kind, _URI: uri, **more}


def skeleton(form: Form) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        phone = form.ep(
            form.phone,
            draw(phone_uris),
            **{_REGION_CODE: draw(st.sampled_from(sorted(ASSIGNED_REGION_CODES)))},
        )
        phone[form.features_key] = [draw(st.sampled_from([form.toll, form.toll_free]))]
        payload: dict[str, Any] = {
            _CONFERENCE_ID: draw(limited_text(LIMIT_CONFERENCE_ID, min_size=1)),
            form.entry_points_key: [
                form.ep(form.video, draw(http_uris)),
                phone,
                form.ep(form.sip, draw(sip_uris)),
                form.ep(form.more, draw(http_uris)),
            ],
            form.notes_key: draw(limited_text(LIMIT_NOTES)),
        }
        value = draw(limited_text(LIMIT_PARAMETER_VALUE))
        if form.calendar:
            payload.update(_nested(_spec.CALENDAR_PATHS.solution_type, "addOn"))
            payload.update(_nested(form.parameters, {"k0": value}))
        else:
            payload[_SOLUTION_ID] = "acme-video"
            payload.update(_nested(form.parameters, [{_KEY: "k0", _VALUE: value}]))
        return payload

    return build()


def _breakers(form: Form) -> dict[str, tuple[frozenset[str], Apply]]:
    f = form
    eps = f.entry_points_key
    ep = pointer(eps)
    parameters = f.parameters[0]

    def set_ep(index: int, **members: Any) -> Callable[[dict[str, Any]], None]:
        def apply(payload: dict[str, Any]) -> None:
            payload[eps][index].update(members)

        return apply

    def simple(
        slots: set[str],
        change: Callable[[st.DrawFn, dict[str, Any]], None],
        *expected: tuple[str, str],
    ) -> tuple[frozenset[str], Apply]:
        def apply(draw: st.DrawFn, payload: dict[str, Any]) -> Expected:
            change(draw, payload)
            return list(expected)

        return frozenset(slots), apply

    def unknown_field(draw: st.DrawFn, payload: dict[str, Any]) -> Expected:
        name = draw(st.text(min_size=1, max_size=20).filter(lambda n: n not in f.members))
        payload[name] = draw(st.integers() | st.text(max_size=5))
        return [("unknown-field", pointer(name))]

    def _no_country(draw: st.DrawFn, payload: dict[str, Any]) -> None:
        phone = payload[eps][1]
        del phone[_REGION_CODE]
        phone[_URI] = "tel:" + draw(st.from_regex(r"[0-9]{4,12}", fullmatch=True))

    breakers: dict[str, tuple[frozenset[str], Apply]] = {
        "type": simple(
            {"notes"},
            lambda d, p: p.update({f.notes_key: d(_NOT_JSON_STRING)}),
            ("type", pointer(f.notes_key)),
        ),
        "null-member": simple(
            {"notes"},
            lambda d, p: p.update({f.notes_key: None}),
            ("null-member", pointer(f.notes_key)),
        ),
        "required": simple(
            {_CONFERENCE_ID, "solution", "error"},
            lambda d, p: p.pop(_CONFERENCE_ID),
            ("required", pointer(_CONFERENCE_ID)),
        ),
        "empty": simple(
            {"phone-uri"},
            lambda d, p: set_ep(1, **{_URI: ""})(p),
            ("empty", pointer(eps, 1, _URI)),
        ),
        "unknown-field": (frozenset({"extra"}), unknown_field),
        "max-length": simple(
            {"video-label"},
            lambda d, p: set_ep(0, **{_LABEL: "x" * d(st.integers(LIMIT_LABEL + 1, 700))})(p),
            ("max-length", pointer(eps, 0, _LABEL)),
        ),
        "uri-scheme": simple(
            {"video-uri"},
            lambda d, p: set_ep(
                0,
                **{
                    _URI: d(
                        st.sampled_from(
                            [
                                "tel:+12025550123",
                                "sip:a@b.example",
                                "ftp://x.example/",
                                "x.example/j",
                            ]
                        )
                    )
                },
            )(p),
            ("uri-scheme", pointer(eps, 0, _URI)),
        ),
        "uri-malformed": simple(
            {"more-uri"},
            lambda d, p: set_ep(
                3,
                **{
                    _URI: d(
                        st.sampled_from(
                            [
                                "https:///x",
                                "https://a.example/a b",
                                "https://",
                                "http:",
                                "https://[::1",
                            ]
                        )
                    )
                },
            )(p),
            ("uri-malformed", pointer(eps, 3, _URI)),
        ),
        "sips-scheme": simple(
            {"sip-uri"},
            lambda d, p: set_ep(2, **{_URI: "sips:1@sip.example"})(p),
            ("sips-scheme", pointer(eps, 2, _URI)),
        ),
        "duplicate-entry-point-type": simple(
            {"append"},
            lambda d, p: p[eps].append(f.ep(f.sip, "sip:dup@sip.example")),
            ("duplicate-entry-point-type", pointer(eps, 4)),
        ),
        "more-only": simple(
            set(_EP_SLOTS),
            lambda d, p: p.update({eps: [f.ep(f.more, d(http_uris))]}),
            ("more-only", ep),
        ),
        "feature-not-phone": simple(
            {"video-features"},
            lambda d, p: set_ep(0, **{f.features_key: [f.toll]})(p),
            ("feature-not-phone", pointer(eps, 0, f.features_key)),
        ),
        "toll-and-toll-free": simple(
            {"phone-features"},
            lambda d, p: set_ep(1, **{f.features_key: d(st.permutations([f.toll, f.toll_free]))})(
                p
            ),
            ("toll-and-toll-free", pointer(eps, 1, f.features_key)),
        ),
        "duplicate-feature": simple(
            {"phone-features"},
            lambda d, p: set_ep(
                1, **{f.features_key: [d(st.sampled_from([f.toll, f.toll_free]))] * 2}
            )(p),
            ("duplicate-feature", pointer(eps, 1, f.features_key, 1)),
        ),
        "region-not-phone": simple(
            {"video-region"},
            lambda d, p: set_ep(0, **{_REGION_CODE: "US"})(p),
            ("region-not-phone", pointer(eps, 0, _REGION_CODE)),
        ),
        "region-code": simple(
            {"phone-region"},
            lambda d, p: set_ep(
                1, **{_REGION_CODE: d(st.sampled_from(["us", "USA", "U1", "ÜS", ""]))}
            )(p),
            ("region-code", pointer(eps, 1, _REGION_CODE)),
        ),
        "region-code-unassigned": simple(
            {"phone-region"},
            lambda d, p: set_ep(1, **{_REGION_CODE: d(st.sampled_from(_UNASSIGNED))})(p),
            ("region-code-unassigned", pointer(eps, 1, _REGION_CODE)),
        ),
        "phone-no-country": simple(
            {"phone-region", "phone-uri"}, _no_country, ("phone-no-country", pointer(eps, 1, _URI))
        ),
        "phone-not-shown": simple(
            {"append"},
            lambda d, p: p[eps].extend(
                [f.ep(f.phone, "tel:+46850001234"), f.ep(f.phone, "tel:+4686000000")]
            ),
            ("phone-not-shown", pointer(eps, 5)),
        ),
        "label-on-more": simple(
            {"more-label"},
            lambda d, p: set_ep(3, **{_LABEL: "More"})(p),
            ("label-on-more", pointer(eps, 3, _LABEL)),
        ),
    }
    if form.calendar:
        breakers.update(
            {
                "max-items": simple(
                    {parameters},
                    lambda d, p: _set(
                        p,
                        f.parameters,
                        {f"k{i}": "" for i in range(d(st.integers(MAX_ITEMS + 1, MAX_ITEMS + 20)))},
                    ),
                    ("max-items", pointer(*f.parameters)),
                ),
                "enum": simple(
                    {_REQUEST},
                    lambda d, p: p.update(
                        _nested(
                            _REQUEST_STATUS,
                            d(st.text(max_size=10).filter(lambda s: s not in REQUEST_STATUSES)),
                        )
                    ),
                    ("enum", pointer(*_REQUEST_STATUS)),
                ),
                # A create request satisfies "solution or request" on its own.
                "solution-required": simple(
                    {"solution", _REQUEST},
                    lambda d, p: p.pop(_SOLUTION),
                    ("solution-required", pointer(_SOLUTION)),
                ),
                "solution-or-request": simple(
                    set(_EP_SLOTS) | {_REQUEST},
                    lambda d, p: p.pop(eps),
                    ("solution-or-request", ""),
                ),
                "deprecated-solution-type": simple(
                    {"solution"},
                    lambda d, p: _set(
                        p,
                        _spec.CALENDAR_PATHS.solution_type,
                        d(st.sampled_from(sorted(DEPRECATED_SPELLINGS))),
                    ),
                    ("deprecated-solution-type", pointer(*_spec.CALENDAR_PATHS.solution_type)),
                ),
            }
        )
    else:
        error_only = set(_ALL)
        auth_url = pointer(_ERROR, _AUTH_URL)

        def error_result(
            error: Callable[[st.DrawFn], dict[str, Any]],
        ) -> Callable[[st.DrawFn, dict[str, Any]], None]:
            def change(draw: st.DrawFn, payload: dict[str, Any]) -> None:
                payload.clear()
                payload.update({_SOLUTION_ID: "acme-video", _ERROR: error(draw)})

            return change

        breakers.update(
            {
                "max-items": simple(
                    {parameters},
                    lambda d, p: p.update(
                        {
                            parameters: [
                                {_KEY: f"k{i}", _VALUE: ""}
                                for i in range(d(st.integers(MAX_ITEMS + 1, MAX_ITEMS + 20)))
                            ]
                        }
                    ),
                    ("max-items", pointer(parameters)),
                ),
                "enum": simple(
                    {"append"},
                    lambda d, p: p[eps].append(
                        f.ep(
                            d(st.text(max_size=10).filter(lambda s: s not in f.types)),
                            "https://other.example/",
                        )
                    ),
                    ("enum", pointer(eps, 4, f.type_key)),
                ),
                "duplicate-parameter-key": simple(
                    {parameters},
                    lambda d, p: p[parameters].append({_KEY: "k0", _VALUE: "again"}),
                    ("duplicate-parameter-key", pointer(parameters, 1)),
                ),
                "solution-id-missing": simple(
                    {"solutionId"},
                    lambda d, p: p.pop(_SOLUTION_ID),
                    ("solution-id-missing", pointer(_SOLUTION_ID)),
                ),
                "error-with-data": simple(
                    {"error", _CONFERENCE_ID, "solutionId"},
                    lambda d, p: p.update(
                        {
                            _ERROR: {
                                _ERROR_TYPE: d(
                                    st.sampled_from(["TEMPORARY", "PERMANENT", "UNKNOWN"])
                                )
                            }
                        }
                    ),
                    ("error-with-data", ""),
                ),
                "auth-url-required": simple(
                    error_only,
                    error_result(lambda d: {_ERROR_TYPE: "AUTHENTICATION"}),
                    ("auth-url-required", auth_url),
                ),
                "auth-url-scheme": simple(
                    error_only,
                    error_result(
                        lambda d: {
                            _ERROR_TYPE: "AUTHENTICATION",
                            _AUTH_URL: d(
                                st.sampled_from(
                                    [
                                        "ftp://a.example/",
                                        "javascript:alert(1)",
                                        "https://",
                                        "/relative",
                                    ]
                                )
                            ),
                        }
                    ),
                    ("auth-url-scheme", auth_url),
                ),
                "auth-url-ignored": simple(
                    error_only,
                    error_result(
                        lambda d: {
                            _ERROR_TYPE: d(
                                st.sampled_from(sorted(set(ERROR_TYPES) - {"AUTHENTICATION"}))
                            ),
                            _AUTH_URL: d(http_uris),
                        }
                    ),
                    ("auth-url-ignored", auth_url),
                ),
            }
        )
    return breakers


CALENDAR_FORM, ADDON_FORM = Form(True), Form(False)
CALENDAR_BREAKERS = _breakers(CALENDAR_FORM)
ADDON_BREAKERS = _breakers(ADDON_FORM)
