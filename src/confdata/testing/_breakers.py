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
from .._core.spec import ADDON, CALENDAR, MAX_ITEMS
from ._strategies import http_uris, limit_of, limited_text, phone_uris, sip_uris

LIMIT_CONFERENCE_ID = limit_of(_spec.CONFERENCE_ID)
LIMIT_LABEL = limit_of(_spec.LABEL)
LIMIT_NOTES = limit_of(CALENDAR.notes)
LIMIT_PARAMETER_VALUE = limit_of(_spec.PARAMETER_VALUE)
ERROR_TYPES = _spec.ERROR_TYPES
REQUEST_STATUSES = _spec.STATUSES


def pointer(*tokens: str | int) -> str:
    return _pointer("", *tokens)


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
_ALL = (
    frozenset(
        {
            "notes",
            "conferenceId",
            "solution",
            "solutionId",
            "extra",
            "parameters",
            "createRequest",
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
        self.video, self.phone, self.sip, self.more = (
            form.type_spellings[k] for k in form.type_spellings
        )
        self.toll, self.toll_free = form.feature_spellings.values()
        self.members = form.members

    def ep(self, kind: str, uri: str, **more: Any) -> dict[str, Any]:
        return {self.type_key: kind, "uri": uri, **more}


def skeleton(form: Form) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        phone = form.ep(
            form.phone,
            draw(phone_uris),
            regionCode=draw(st.sampled_from(sorted(ASSIGNED_REGION_CODES))),
        )
        phone[form.features_key] = [draw(st.sampled_from([form.toll, form.toll_free]))]
        payload: dict[str, Any] = {
            "conferenceId": draw(limited_text(LIMIT_CONFERENCE_ID, min_size=1)),
            "entryPoints": [
                form.ep(form.video, draw(http_uris)),
                phone,
                form.ep(form.sip, draw(sip_uris)),
                form.ep(form.more, draw(http_uris)),
            ],
            form.notes_key: draw(limited_text(LIMIT_NOTES)),
        }
        value = draw(limited_text(LIMIT_PARAMETER_VALUE))
        if form.calendar:
            payload["conferenceSolution"] = {"key": {"type": "addOn"}}
            payload["parameters"] = {"addOnParameters": {"parameters": {"k0": value}}}
        else:
            payload["conferenceSolutionId"] = "acme-video"
            payload["parameters"] = [{"key": "k0", "value": value}]
        return payload

    return build()


def _breakers(form: Form) -> dict[str, tuple[frozenset[str], Apply]]:
    f = form
    ep = "/entryPoints"

    def set_ep(index: int, **members: Any) -> Callable[[dict[str, Any]], None]:
        def apply(payload: dict[str, Any]) -> None:
            payload["entryPoints"][index].update(members)

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
        phone = payload["entryPoints"][1]
        del phone["regionCode"]
        phone["uri"] = "tel:" + draw(st.from_regex(r"[0-9]{4,12}", fullmatch=True))

    breakers: dict[str, tuple[frozenset[str], Apply]] = {
        "type": simple(
            {"notes"},
            lambda d, p: p.update({f.notes_key: d(_NOT_JSON_STRING)}),
            ("type", f"/{f.notes_key}"),
        ),
        "null-member": simple(
            {"notes"},
            lambda d, p: p.update({f.notes_key: None}),
            ("null-member", f"/{f.notes_key}"),
        ),
        "required": simple(
            {"conferenceId", "solution", "error"},
            lambda d, p: p.pop("conferenceId"),
            ("required", "/conferenceId"),
        ),
        "empty": simple({"phone-uri"}, lambda d, p: set_ep(1, uri="")(p), ("empty", f"{ep}/1/uri")),
        "unknown-field": (frozenset({"extra"}), unknown_field),
        "max-length": simple(
            {"video-label"},
            lambda d, p: set_ep(0, label="x" * d(st.integers(LIMIT_LABEL + 1, 700)))(p),
            ("max-length", f"{ep}/0/label"),
        ),
        "uri-scheme": simple(
            {"video-uri"},
            lambda d, p: set_ep(
                0,
                uri=d(
                    st.sampled_from(
                        ["tel:+12025550123", "sip:a@b.example", "ftp://x.example/", "x.example/j"]
                    )
                ),
            )(p),
            ("uri-scheme", f"{ep}/0/uri"),
        ),
        "uri-malformed": simple(
            {"more-uri"},
            lambda d, p: set_ep(
                3,
                uri=d(
                    st.sampled_from(
                        ["https:///x", "https://a.example/a b", "https://", "http:", "https://[::1"]
                    )
                ),
            )(p),
            ("uri-malformed", f"{ep}/3/uri"),
        ),
        "sips-scheme": simple(
            {"sip-uri"},
            lambda d, p: set_ep(2, uri="sips:1@sip.example")(p),
            ("sips-scheme", f"{ep}/2/uri"),
        ),
        "duplicate-entry-point-type": simple(
            {"append"},
            lambda d, p: p["entryPoints"].append(f.ep(f.sip, "sip:dup@sip.example")),
            ("duplicate-entry-point-type", f"{ep}/4"),
        ),
        "more-only": simple(
            set(_EP_SLOTS),
            lambda d, p: p.update(entryPoints=[f.ep(f.more, d(http_uris))]),
            ("more-only", ep),
        ),
        "feature-not-phone": simple(
            {"video-features"},
            lambda d, p: set_ep(0, **{f.features_key: [f.toll]})(p),
            ("feature-not-phone", f"{ep}/0/{f.features_key}"),
        ),
        "toll-and-toll-free": simple(
            {"phone-features"},
            lambda d, p: set_ep(1, **{f.features_key: d(st.permutations([f.toll, f.toll_free]))})(
                p
            ),
            ("toll-and-toll-free", f"{ep}/1/{f.features_key}"),
        ),
        "duplicate-feature": simple(
            {"phone-features"},
            lambda d, p: set_ep(
                1, **{f.features_key: [d(st.sampled_from([f.toll, f.toll_free]))] * 2}
            )(p),
            ("duplicate-feature", f"{ep}/1/{f.features_key}/1"),
        ),
        "region-not-phone": simple(
            {"video-region"},
            lambda d, p: set_ep(0, regionCode="US")(p),
            ("region-not-phone", f"{ep}/0/regionCode"),
        ),
        "region-code": simple(
            {"phone-region"},
            lambda d, p: set_ep(1, regionCode=d(st.sampled_from(["us", "USA", "U1", "ÜS", ""])))(p),
            ("region-code", f"{ep}/1/regionCode"),
        ),
        "region-code-unassigned": simple(
            {"phone-region"},
            lambda d, p: set_ep(1, regionCode=d(st.sampled_from(_UNASSIGNED)))(p),
            ("region-code-unassigned", f"{ep}/1/regionCode"),
        ),
        "phone-no-country": simple(
            {"phone-region", "phone-uri"}, _no_country, ("phone-no-country", f"{ep}/1/uri")
        ),
        "phone-not-shown": simple(
            {"append"},
            lambda d, p: p["entryPoints"].extend(
                [f.ep(f.phone, "tel:+46850001234"), f.ep(f.phone, "tel:+4686000000")]
            ),
            ("phone-not-shown", f"{ep}/5"),
        ),
        "label-on-more": simple(
            {"more-label"},
            lambda d, p: set_ep(3, label="More")(p),
            ("label-on-more", f"{ep}/3/label"),
        ),
    }
    if form.calendar:
        breakers.update(
            {
                "max-items": simple(
                    {"parameters"},
                    lambda d, p: p["parameters"]["addOnParameters"].update(
                        parameters={
                            f"k{i}": ""
                            for i in range(d(st.integers(MAX_ITEMS + 1, MAX_ITEMS + 20)))
                        }
                    ),
                    ("max-items", "/parameters/addOnParameters/parameters"),
                ),
                "enum": simple(
                    {"createRequest"},
                    lambda d, p: p.update(
                        createRequest={
                            "status": {
                                "statusCode": d(
                                    st.text(max_size=10).filter(lambda s: s not in REQUEST_STATUSES)
                                )
                            }
                        }
                    ),
                    ("enum", "/createRequest/status/statusCode"),
                ),
                # A create request satisfies "solution or request" on its own.
                "solution-required": simple(
                    {"solution", "createRequest"},
                    lambda d, p: p.pop("conferenceSolution"),
                    ("solution-required", "/conferenceSolution"),
                ),
                "solution-or-request": simple(
                    set(_EP_SLOTS) | {"createRequest"},
                    lambda d, p: p.pop("entryPoints"),
                    ("solution-or-request", ""),
                ),
                "deprecated-solution-type": simple(
                    {"solution"},
                    lambda d, p: p["conferenceSolution"]["key"].update(
                        type=d(st.sampled_from(["eventHangout", "eventNamedHangout"]))
                    ),
                    ("deprecated-solution-type", "/conferenceSolution/key/type"),
                ),
            }
        )
    else:
        error_only = set(_ALL)

        def error_result(
            error: Callable[[st.DrawFn], dict[str, Any]],
        ) -> Callable[[st.DrawFn, dict[str, Any]], None]:
            def change(draw: st.DrawFn, payload: dict[str, Any]) -> None:
                payload.clear()
                payload.update(conferenceSolutionId="acme-video", error=error(draw))

            return change

        breakers.update(
            {
                "max-items": simple(
                    {"parameters"},
                    lambda d, p: p.update(
                        parameters=[
                            {"key": f"k{i}", "value": ""}
                            for i in range(d(st.integers(MAX_ITEMS + 1, MAX_ITEMS + 20)))
                        ]
                    ),
                    ("max-items", "/parameters"),
                ),
                "enum": simple(
                    {"append"},
                    lambda d, p: p["entryPoints"].append(
                        f.ep(
                            d(
                                st.text(max_size=10).filter(
                                    lambda s: s not in ("VIDEO", "PHONE", "SIP", "MORE")
                                )
                            ),
                            "https://other.example/",
                        )
                    ),
                    ("enum", "/entryPoints/4/type"),
                ),
                "duplicate-parameter-key": simple(
                    {"parameters"},
                    lambda d, p: p["parameters"].append({"key": "k0", "value": "again"}),
                    ("duplicate-parameter-key", "/parameters/1"),
                ),
                "solution-id-missing": simple(
                    {"solutionId"},
                    lambda d, p: p.pop("conferenceSolutionId"),
                    ("solution-id-missing", "/conferenceSolutionId"),
                ),
                "error-with-data": simple(
                    {"error", "conferenceId", "solutionId"},
                    lambda d, p: p.update(
                        error={"type": d(st.sampled_from(["TEMPORARY", "PERMANENT", "UNKNOWN"]))}
                    ),
                    ("error-with-data", ""),
                ),
                "auth-url-required": simple(
                    error_only,
                    error_result(lambda d: {"type": "AUTHENTICATION"}),
                    ("auth-url-required", "/error/authenticationUrl"),
                ),
                "auth-url-scheme": simple(
                    error_only,
                    error_result(
                        lambda d: {
                            "type": "AUTHENTICATION",
                            "authenticationUrl": d(
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
                    ("auth-url-scheme", "/error/authenticationUrl"),
                ),
                "auth-url-ignored": simple(
                    error_only,
                    error_result(
                        lambda d: {
                            "type": d(
                                st.sampled_from(sorted(set(ERROR_TYPES) - {"AUTHENTICATION"}))
                            ),
                            "authenticationUrl": d(http_uris),
                        }
                    ),
                    ("auth-url-ignored", "/error/authenticationUrl"),
                ),
            }
        )
    return breakers


CALENDAR_FORM, ADDON_FORM = Form(True), Form(False)
CALENDAR_BREAKERS = _breakers(CALENDAR_FORM)
ADDON_BREAKERS = _breakers(ADDON_FORM)
