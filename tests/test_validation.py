"""validate_calendar_json: one example per rule of the catalog, and robustness properties."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import RULES, Severity, is_valid_calendar_json, validate_calendar_json
from confdata.testing import calendar_json

from .payloads import Payload, calendar_payload, drop, put


def _ep(index: int, **members: Any) -> Callable[[Payload], None]:
    def mutate(payload: Payload) -> None:
        payload["entryPoints"][index].update(members)

    return mutate


def _entry_points(*eps: dict[str, Any]) -> Callable[[Payload], None]:
    return put("entryPoints", value=list(eps))


VIDEO = {"entryPointType": "video", "uri": "https://acme.example/j/1"}
PHONE = {"entryPointType": "phone", "uri": "tel:+4686000000"}
MORE = {"entryPointType": "more", "uri": "https://acme.example/more"}
SIP = {"entryPointType": "sip", "uri": "sip:1@acme.example"}

# (id, mutation, expected problems as (code, path)), each breaking exactly the rules listed.
CASES: list[tuple[str, Callable[[Payload], None], list[tuple[str, str]]]] = [
    ("root-not-object", lambda p: p.clear(), [("solution-or-request", "")]),
    ("uri-number", _ep(0, uri=5), [("type", "/entryPoints/0/uri")]),
    ("entry-points-object", put("entryPoints", value={}), [("type", "/entryPoints")]),
    (
        "features-string",
        _ep(1, entryPointFeatures="toll"),
        [("type", "/entryPoints/1/entryPointFeatures")],
    ),
    ("notes-null", put("notes", value=None), [("null-member", "/notes")]),
    ("label-null", _ep(0, label=None), [("null-member", "/entryPoints/0/label")]),
    ("region-null", _ep(1, regionCode=None), [("null-member", "/entryPoints/1/regionCode")]),
    (
        "features-null",
        _ep(1, entryPointFeatures=None),
        [("null-member", "/entryPoints/1/entryPointFeatures")],
    ),
    ("uri-null", _ep(0, uri=None), [("required", "/entryPoints/0/uri")]),
    ("type-null", _ep(0, entryPointType=None), [("required", "/entryPoints/0/entryPointType")]),
    ("conference-id-null", put("conferenceId", value=None), [("required", "/conferenceId")]),
    (
        "parameter-value-null",
        put("parameters", "addOnParameters", "parameters", value={"k": None}),
        [("required", "/parameters/addOnParameters/parameters/k")],
    ),
    (
        "parameter-value-number",
        put("parameters", "addOnParameters", "parameters", value={"k": 1}),
        [("type", "/parameters/addOnParameters/parameters/k")],
    ),
    (
        "missing-type",
        drop("entryPoints", 0, "entryPointType"),
        [("required", "/entryPoints/0/entryPointType")],
    ),
    ("missing-uri", drop("entryPoints", 2, "uri"), [("required", "/entryPoints/2/uri")]),
    ("missing-conference-id", drop("conferenceId"), [("required", "/conferenceId")]),
    ("empty-conference-id", put("conferenceId", value=""), [("empty", "/conferenceId")]),
    ("empty-uri", _ep(0, uri=""), [("empty", "/entryPoints/0/uri")]),
    (
        "empty-parameter-key",
        put("parameters", "addOnParameters", "parameters", value={"": "v"}),
        [("empty", "/parameters/addOnParameters/parameters/")],
    ),
    (
        "empty-request-id",
        put("createRequest", value={"requestId": ""}),
        [("empty", "/createRequest/requestId")],
    ),
    ("unknown-top-level", put("entrypoints", value=[]), [("unknown-field", "/entrypoints")]),
    (
        "addon-spelling-in-calendar",
        _ep(0, type="VIDEO"),
        [("unknown-field", "/entryPoints/0/type")],
    ),
    ("unknown-escaped", put("a/b~c", value=1), [("unknown-field", "/a~1b~0c")]),
    (
        "conference-id-too-long",
        put("conferenceId", value="x" * 513),
        [("max-length", "/conferenceId")],
    ),
    (
        "conference-id-astral",
        put("conferenceId", value="\U0001f600" * 257),
        [("max-length", "/conferenceId")],
    ),
    ("notes-too-long", put("notes", value="n" * 2049), [("max-length", "/notes")]),
    (
        "uri-too-long",
        _ep(0, uri="https://acme.example/" + "x" * 1280),
        [("max-length", "/entryPoints/0/uri")],
    ),
    ("label-too-long", _ep(0, label="l" * 513), [("max-length", "/entryPoints/0/label")]),
    ("pin-too-long", _ep(1, pin="1" * 129), [("max-length", "/entryPoints/1/pin")]),
    ("password-too-long", _ep(0, password="p" * 129), [("max-length", "/entryPoints/0/password")]),
    (
        "key-too-long",
        put("parameters", "addOnParameters", "parameters", value={"k" * 51: "v"}),
        [("max-length", "/parameters/addOnParameters/parameters/" + "k" * 51)],
    ),
    (
        "value-too-long",
        put("parameters", "addOnParameters", "parameters", value={"k": "v" * 1025}),
        [("max-length", "/parameters/addOnParameters/parameters/k")],
    ),
    (
        "301-entry-points",
        _entry_points(VIDEO, *([MORE | {"entryPointType": "phone", "uri": "tel:+1"}] * 300)),
        # 298 hidden phones: the first 100 are listed, then one problem counts the rest.
        [("max-items", "/entryPoints")]
        + [("phone-not-shown", f"/entryPoints/{i}") for i in range(3, 103)]
        + [("phone-not-shown", "/entryPoints/103")],
    ),
    (
        "301-parameters",
        put(
            "parameters", "addOnParameters", "parameters", value={f"k{i}": "v" for i in range(301)}
        ),
        [("max-items", "/parameters/addOnParameters/parameters")],
    ),
    ("type-unknown", _ep(0, entryPointType="UNKNOWN"), [("enum", "/entryPoints/0/entryPointType")]),
    (
        "type-addon-spelling",
        _ep(0, entryPointType="VIDEO"),
        [("enum", "/entryPoints/0/entryPointType")],
    ),
    (
        "feature-addon-spelling",
        _ep(1, entryPointFeatures=["TOLL"]),
        [("enum", "/entryPoints/1/entryPointFeatures/0")],
    ),
    (
        "solution-type",
        put("conferenceSolution", "key", "type", value="zoom"),
        [("enum", "/conferenceSolution/key/type")],
    ),
    (
        "status-code",
        put("createRequest", value={"status": {"statusCode": "done"}}),
        [("enum", "/createRequest/status/statusCode")],
    ),
    ("video-tel", _ep(0, uri="tel:+1202"), [("uri-scheme", "/entryPoints/0/uri")]),
    ("phone-https", _ep(1, uri="https://acme.example/"), [("uri-scheme", "/entryPoints/1/uri")]),
    ("sip-https", _ep(2, uri="https://acme.example/"), [("uri-scheme", "/entryPoints/2/uri")]),
    ("more-ftp", _ep(3, uri="ftp://acme.example/"), [("uri-scheme", "/entryPoints/3/uri")]),
    ("video-no-scheme", _ep(0, uri="acme.example/j/1"), [("uri-scheme", "/entryPoints/0/uri")]),
    (
        "uri-space",
        _ep(0, uri="https://acme.example/a b"),
        [("uri-malformed", "/entryPoints/0/uri")],
    ),
    (
        "uri-control",
        _ep(2, uri="sip:1@acme.example\x00"),
        [("uri-malformed", "/entryPoints/2/uri")],
    ),
    ("uri-no-host", _ep(0, uri="https:///path"), [("uri-malformed", "/entryPoints/0/uri")]),
    ("uri-bad-ipv6", _ep(0, uri="https://[::1/x"), [("uri-malformed", "/entryPoints/0/uri")]),
    ("uri-scheme-only", _ep(1, uri="tel:"), [("uri-malformed", "/entryPoints/1/uri")]),
    ("sips", _ep(2, uri="sips:1@acme.example"), [("sips-scheme", "/entryPoints/2/uri")]),
    (
        "two-videos",
        _entry_points(VIDEO, PHONE, VIDEO),
        [("duplicate-entry-point-type", "/entryPoints/2")],
    ),
    ("two-sips", _entry_points(SIP, SIP), [("duplicate-entry-point-type", "/entryPoints/1")]),
    (
        "two-mores",
        _entry_points(VIDEO, MORE, MORE),
        [("duplicate-entry-point-type", "/entryPoints/2")],
    ),
    ("more-only", _entry_points(MORE), [("more-only", "/entryPoints")]),
    (
        "features-on-video",
        _ep(0, entryPointFeatures=["toll"]),
        [("feature-not-phone", "/entryPoints/0/entryPointFeatures")],
    ),
    (
        "toll-and-toll-free",
        _ep(1, entryPointFeatures=["toll", "toll_free"]),
        [("toll-and-toll-free", "/entryPoints/1/entryPointFeatures")],
    ),
    (
        "duplicate-feature",
        _ep(1, entryPointFeatures=["toll_free", "toll_free"]),
        [("duplicate-feature", "/entryPoints/1/entryPointFeatures/1")],
    ),
    (
        "region-on-video",
        _ep(0, regionCode="US"),
        [("region-not-phone", "/entryPoints/0/regionCode")],
    ),
    ("region-lower-case", _ep(1, regionCode="us"), [("region-code", "/entryPoints/1/regionCode")]),
    (
        "region-three-letters",
        _ep(1, regionCode="USA"),
        [("region-code", "/entryPoints/1/regionCode")],
    ),
    ("region-non-ascii", _ep(1, regionCode="ÜS"), [("region-code", "/entryPoints/1/regionCode")]),
    (
        "region-unassigned",
        _ep(1, regionCode="ZZ"),
        [("region-code-unassigned", "/entryPoints/1/regionCode")],
    ),
    (
        "phone-no-country",
        _entry_points(VIDEO, {"entryPointType": "phone", "uri": "tel:2025550"}),
        [("phone-no-country", "/entryPoints/1/uri")],
    ),
    (
        "three-phones",
        _entry_points(PHONE, PHONE, VIDEO, PHONE),
        [("phone-not-shown", "/entryPoints/3")],
    ),
    ("label-on-more", _ep(3, label="More"), [("label-on-more", "/entryPoints/3/label")]),
    ("no-solution", drop("conferenceSolution"), [("solution-required", "/conferenceSolution")]),
    ("no-entry-points", drop("entryPoints"), [("solution-or-request", "")]),
    ("empty-entry-points", _entry_points(), [("solution-or-request", "")]),
    (
        "event-hangout",
        put("conferenceSolution", "key", "type", value="eventHangout"),
        [("deprecated-solution-type", "/conferenceSolution/key/type")],
    ),
    (
        "event-named-hangout-request",
        put("createRequest", value={"conferenceSolutionKey": {"type": "eventNamedHangout"}}),
        [("deprecated-solution-type", "/createRequest/conferenceSolutionKey/type")],
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_is_reported_with_its_code_and_path(
    mutate: Callable[[Payload], None], expected: list[tuple[str, str]]
) -> None:
    """Breaking one rule reports exactly that rule, at the most specific path."""
    payload = calendar_payload()
    mutate(payload)
    assert [(p.code, p.path) for p in validate_calendar_json(payload)] == expected


def test_every_calendar_rule_has_an_example() -> None:
    """The example table covers every catalog rule that can occur in the calendar form."""
    not_in_calendar_form = {
        "duplicate-key",  # JSON text only (the CLI)
        "duplicate-parameter-key",  # a map cannot repeat a key; see the model tests
        "auth-url-required",
        "auth-url-scheme",
        "auth-url-ignored",
        "error-with-data",
        "status-read-only",
        "solution-id-missing",
        "solution-id-unknown",
        "duplicate-solution-id",
        "error-not-writable",
        "conference-reused",  # the insert helper's
        "page-token-repeated",  # sync's
        "too-many-pages",
        "full-sync-gone",
        "add-on-data-write",  # the write helpers
        # confdata.lifecycle.check_write compares two events (see tests/test_lifecycle.py)
        "conference-data-dropped",
        "entry-point-lost",
        "parameter-lost",
        "notes-lost",
        "create-request-failed",
        "solution-replaced",
        # confdata.server: the caller's identity token, not the data
        "identity-token",
    }
    # confdata.providers: rules about a provider's response, never the calendar form
    not_in_calendar_form |= {code for code in RULES if code.startswith("provider-")}
    covered = {code for _, _, expected in CASES for code, _ in expected}
    assert covered == set(RULES) - not_in_calendar_form


def test_severities_follow_the_catalog() -> None:
    """Every problem carries its rule's severity from the catalog."""
    payload = calendar_payload()
    payload["entryPoints"][2]["uri"] = "sips:1@acme.example"
    payload["entryPoints"][0]["uri"] = "tel:1"
    problems = validate_calendar_json(payload)
    assert {p.code: p.severity for p in problems} == {
        "sips-scheme": Severity.WARNING,
        "uri-scheme": Severity.ERROR,
    }


def test_valid_payload_has_no_problems() -> None:
    """The full example payload is valid as it stands."""
    assert validate_calendar_json(calendar_payload()) == []
    assert is_valid_calendar_json(calendar_payload(), strict=True)


def _meet_without_id(payload: Payload) -> None:
    del payload["conferenceId"]
    payload["conferenceSolution"]["key"]["type"] = "hangoutsMeet"


def _replace_all(**members: Any) -> Callable[[Payload], None]:
    def mutate(payload: Payload) -> None:
        payload.clear()
        payload.update(members)

    return mutate


LIMITS_AT_EDGE: list[tuple[str, Callable[[Payload], None]]] = [
    ("conference-id-512", put("conferenceId", value="x" * 512)),
    ("conference-id-256-astral", put("conferenceId", value="\U0001f600" * 256)),
    ("notes-2048", put("notes", value="n" * 2048)),
    ("uri-1300", _ep(0, uri="https://acme.example/" + "x" * 1279)),
    ("label-512", _ep(0, label="l" * 512)),
    (
        "secrets-128",
        _ep(
            1,
            pin="1" * 128,
            accessCode="2" * 128,
            meetingCode="3" * 128,
            passcode="4" * 128,
            password="5" * 128,
        ),
    ),
    (
        "key-50-value-1024",
        put("parameters", "addOnParameters", "parameters", value={"k" * 50: "v" * 1024}),
    ),
    (
        "300-entry-points",
        _entry_points(
            VIDEO,
            *([PHONE | {"regionCode": "SE"}] * 2),
            *([{"entryPointType": "phone", "uri": "tel:+1"}] * 297),
        ),
    ),
    (
        "300-parameters",
        put("parameters", "addOnParameters", "parameters", value={f"k{i}": "" for i in range(300)}),
    ),
    ("region-xk", _ep(1, regionCode="XK")),
    ("sips-upper-case-scheme", _ep(0, uri="HTTPS://ACME.example/x")),
    ("phone-with-region-no-plus", _ep(1, uri="tel:2025550123")),
    ("meet-without-id", _meet_without_id),
    (
        "create-request-only",
        _replace_all(
            createRequest={
                "requestId": "r1",
                "conferenceSolutionKey": {"type": "hangoutsMeet"},
                "status": {"statusCode": "pending"},
            }
        ),
    ),
    (
        "failed-request-mapping",
        _replace_all(
            createRequest={
                "conferenceSolutionKey": {"type": "addOn"},
                "status": {"statusCode": "failure"},
            }
        ),
    ),
]


@pytest.mark.parametrize(
    "mutate", [c[1] for c in LIMITS_AT_EDGE], ids=[c[0] for c in LIMITS_AT_EDGE]
)
def test_values_at_the_limit_have_no_errors(mutate: Callable[[Payload], None]) -> None:
    """Values exactly at each documented limit (or edge) are accepted."""
    payload = calendar_payload()
    mutate(payload)
    assert [p for p in validate_calendar_json(payload) if p.severity is Severity.ERROR] == []


def test_non_object_root_is_a_type_problem() -> None:
    """Anything but an object at the root is one `type` problem at the root."""
    values: list[object] = [[], "x", None, 3, 1.5, True]
    for value in values:
        problems = validate_calendar_json(value)
        assert [(p.code, p.path) for p in problems] == [("type", "")]


def test_messages_name_the_field_limit_and_value() -> None:
    """A message quotes the field, the limit and the offending value."""
    payload = calendar_payload()
    payload["notes"] = "n" * 2049
    (problem,) = validate_calendar_json(payload)
    assert "notes" in problem.message
    assert "2048" in problem.message
    assert "'nnnn" in problem.message
    assert "2049" in problem.message


def test_secret_values_are_masked_in_messages() -> None:
    """An over-long pin is reported without showing it."""
    payload = calendar_payload()
    payload["entryPoints"][1]["pin"] = "9876543210" * 13
    (problem,) = validate_calendar_json(payload)
    assert "9876543210" not in problem.message
    assert "masked" in problem.message


def test_non_string_member_names_are_type_problems() -> None:
    """A Python dict with a non-string key is reported, at a path segment marked as no JSON
    key (so the other problems are still found)."""
    payload: dict[Any, Any] = calendar_payload()
    payload[1] = "x"
    payload[10**5000] = "y"
    payload["notes"] = 5
    assert [(p.code, p.path) for p in validate_calendar_json(payload)] == [
        ("type", "/notes"),
        ("type", "/<not a string: 1>"),
        ("type", "/<not a string: an integer of 5,001 digits>"),
    ]


def test_deep_nesting_in_an_unknown_member_is_cheap() -> None:
    """Unknown members are reported without walking into them, however deep they nest."""
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    payload = calendar_payload()
    payload["entryPoints"][0]["extra"] = deep
    payload["entryPoints"][1]["uri"] = deep
    codes = [p.code for p in validate_calendar_json(payload)]
    assert codes == ["unknown-field", "type"]


def test_huge_string_is_one_problem() -> None:
    """A 10 MB notes string is reported once with its length, not echoed."""
    payload = calendar_payload()
    payload["notes"] = "x" * 10_000_000
    (problem,) = validate_calendar_json(payload)
    assert problem.code == "max-length"
    assert len(problem.message) < 300


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_arbitrary_json_never_raises(value: object) -> None:
    """Any JSON value gets a list of problems, never an exception."""
    assert isinstance(validate_calendar_json(value), list)


class _Weird:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    __str__ = __repr__


class _StrSub(str):
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


python_values = st.one_of(
    json_values,
    st.binary(),
    st.sets(st.integers(), max_size=3),
    st.tuples(st.integers()),
    st.just(_Weird()),
    st.builds(_StrSub, st.text()),
    st.just(math.nan),
    st.just(math.inf),
    st.just(object()),
)

MEMBERS = [
    "conferenceId",
    "conferenceSolution",
    "createRequest",
    "entryPoints",
    "notes",
    "parameters",
    "signature",
]


@given(calendar_json(), st.data())
def test_mutated_payloads_never_raise(payload: Payload, data: st.DataObject) -> None:
    """Replacing any member of a valid payload with any Python value never raises."""
    payload = copy.deepcopy(payload)
    target: Any = payload
    if data.draw(st.booleans()) and payload.get("entryPoints"):
        target = data.draw(st.sampled_from(payload["entryPoints"]))
    key = data.draw(st.sampled_from([*sorted(target), "extra"]))
    target[key] = data.draw(python_values)
    problems = validate_calendar_json(payload)
    for problem in problems:
        assert problem.code in RULES
        assert str(problem)


@given(calendar_json())
def test_generated_valid_payloads_have_no_errors(payload: Payload) -> None:
    """Every payload of the valid strategy passes validation."""
    assert [p for p in validate_calendar_json(payload) if p.severity is Severity.ERROR] == []
