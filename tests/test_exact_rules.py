"""The rules at their exact edges: each limit and one past it, the JSON names and paths that
problems carry, the counting problem's count, what messages show of a URL's secrets.

Mutation testing (``make mutation``, docs/mutation.md) found these loose: a limit moved by
one, a member renamed in the table or a hint dropped from a message changed no test's
outcome. The expected values here are Google's documented limits and the JSON forms' own
names, written out, never read from confdata's table.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceError,
    ConferenceErrorType,
    ConferenceSolution,
    EntryPoint,
    EntryPointType,
    Problem,
    SolutionType,
    ValidationError,
    validate_addon_json,
    validate_calendar_json,
)

from .payloads import Payload, addon_payload, calendar_payload

Validator = Callable[[object], list[Problem]]

FORMS: dict[str, tuple[Callable[[], Payload], Validator]] = {
    "calendar": (calendar_payload, validate_calendar_json),
    "addon": (addon_payload, validate_addon_json),
}

# The request members the example payloads leave out, valid beside a solution.
REQUEST = {
    "requestId": "r-1",
    "conferenceSolutionKey": {"type": "addOn"},
    "status": {"statusCode": "success"},
}
SIGN_IN = "https://acme.example/signin"


def _calendar_with_request() -> Payload:
    payload = calendar_payload()
    payload["createRequest"] = copy.deepcopy(REQUEST)
    return payload


def _addon_error() -> Payload:
    return {
        "conferenceSolutionId": "acme-video",
        "error": {"type": "AUTHENTICATION", "authenticationUrl": SIGN_IN},
    }


def _set(payload: Payload, path: str, value: object) -> None:
    """Set the member at the JSON Pointer ``path`` (no escapes) of ``payload``."""
    *parents, last = path.strip("/").split("/")
    target: Any = payload
    for token in parents:
        target = target[int(token)] if isinstance(target, list) else target[token]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


def _problems(validate: Validator, payload: Payload) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in validate(payload)]


# --- every limit, and one past it ---------------------------------------------------------

# (form, path, limit in UTF-16 code units, prefix the value starts with) [S3, S16, SPEC §3].
LIMITS: list[tuple[str, str, int, str]] = [
    ("calendar", "/conferenceId", 512, ""),
    ("calendar", "/notes", 2048, ""),
    ("calendar", "/entryPoints/0/uri", 1300, "https://acme.example/"),
    ("calendar", "/entryPoints/0/label", 512, ""),
    ("calendar", "/entryPoints/1/pin", 128, ""),
    ("calendar", "/entryPoints/1/accessCode", 128, ""),
    ("calendar", "/entryPoints/1/meetingCode", 128, ""),
    ("calendar", "/entryPoints/1/passcode", 128, ""),
    ("calendar", "/entryPoints/1/password", 128, ""),
    ("calendar", "/parameters/addOnParameters/parameters/meetingKey", 1024, ""),
    ("addon", "/conferenceId", 512, ""),
    ("addon", "/conferenceSolutionId", 512, ""),
    ("addon", "/note", 2048, ""),
    ("addon", "/entryPoints/0/uri", 1300, "https://acme.example/"),
    ("addon", "/entryPoints/0/label", 512, ""),
    ("addon", "/entryPoints/1/pin", 128, ""),
    ("addon", "/entryPoints/1/accessCode", 128, ""),
    ("addon", "/entryPoints/1/meetingCode", 128, ""),
    ("addon", "/entryPoints/1/passcode", 128, ""),
    ("addon", "/entryPoints/1/password", 128, ""),
    ("addon", "/parameters/0/key", 50, ""),
    ("addon", "/parameters/0/value", 1024, ""),
]


@pytest.mark.parametrize(
    ("form", "path", "limit", "prefix"), LIMITS, ids=[f"{f}:{p}" for f, p, *_ in LIMITS]
)
def test_each_limit_holds_exactly(form: str, path: str, limit: int, prefix: str) -> None:
    """A string exactly at its documented limit passes; one unit longer is one max-length
    problem at its path, which says the limit and the length."""
    make, validate = FORMS[form]
    at_limit = make()
    _set(at_limit, path, prefix + "7" * (limit - len(prefix)))
    assert validate(at_limit) == []
    over = make()
    _set(over, path, prefix + "7" * (limit + 1 - len(prefix)))
    (problem,) = validate(over)
    assert (problem.code, problem.path) == ("max-length", path)
    assert f"at most {limit} characters (got {limit + 1}" in problem.message


def test_the_parameter_key_limit_in_the_calendar_form() -> None:
    """A Calendar parameter key (a member name) of 50 characters passes, 51 does not."""
    for length, expected in ((50, []), (51, ["max-length"])):
        payload = calendar_payload()
        payload["parameters"]["addOnParameters"]["parameters"] = {"k" * length: "v"}
        assert [p.code for p in validate_calendar_json(payload)] == expected


@pytest.mark.parametrize("limit", [1300], ids=["addon"])
def test_the_authentication_url_limit(limit: int) -> None:
    """The add-on form's authenticationUrl takes 1300 characters, not one more."""
    for length, expected in (
        (limit, []),
        (limit + 1, [("max-length", "/error/authenticationUrl")]),
    ):
        payload = _addon_error()
        payload["error"]["authenticationUrl"] = SIGN_IN + "/" + "x" * (length - len(SIGN_IN) - 1)
        assert _problems(validate_addon_json, payload) == expected


def test_a_conference_error_value_takes_apps_script_s_1800_characters() -> None:
    """ConferenceError takes an authentication URL of 1800 characters and refuses 1801."""
    url = SIGN_IN + "/" + "x" * (1800 - len(SIGN_IN) - 1)
    error = ConferenceError(type=ConferenceErrorType.AUTHENTICATION, authentication_url=url)
    assert error.authentication_url == url
    with pytest.raises(ValidationError) as raised:
        ConferenceError(type=ConferenceErrorType.AUTHENTICATION, authentication_url=url + "x")
    assert [(p.code, p.path) for p in raised.value.problems] == [
        ("max-length", "/authenticationUrl")
    ]


@pytest.mark.parametrize("member", ["pin", "access_code", "meeting_code", "passcode", "password"])
def test_entry_point_secrets_take_128_characters(member: str) -> None:
    """Each secret of an EntryPoint value takes 128 characters; 129 is max-length, masked."""
    at_limit: dict[str, Any] = {member: "7" * 128}
    EntryPoint(type=EntryPointType.PHONE, uri="tel:+12025550123", **at_limit)
    over: dict[str, Any] = {member: "7" * 129}
    with pytest.raises(ValidationError) as raised:
        EntryPoint(type=EntryPointType.PHONE, uri="tel:+12025550123", **over)
    (problem,) = raised.value.problems
    assert problem.code == "max-length"
    assert "7" * 10 not in problem.message


def test_limits_count_utf16_code_units() -> None:
    """An astral character counts two: 64 of them fill a pin, one more character is over."""
    payload = calendar_payload()
    payload["entryPoints"][1]["pin"] = "\U0001f600" * 64
    assert validate_calendar_json(payload) == []
    payload["entryPoints"][1]["pin"] += "1"
    assert _problems(validate_calendar_json, payload) == [("max-length", "/entryPoints/1/pin")]


# --- ports -----------------------------------------------------------------------------------

URIS_BY_PORT = [
    "https://acme.example:{port}/j/1",  # a plain host
    "https://guest@acme.example:{port}/j/1",  # userinfo: read by urllib.parse
]


@pytest.mark.parametrize("template", URIS_BY_PORT)
def test_a_port_is_at_most_65535(template: str) -> None:
    """Port 65535 is a valid port and 65536 is not, in an entry point's URI and in an
    authentication URL."""
    for port, malformed in ((0, False), (65535, False), (65536, True), (99999, True)):
        uri = template.format(port=port)
        payload = calendar_payload()
        payload["entryPoints"][0]["uri"] = uri
        expected = [("uri-malformed", "/entryPoints/0/uri")] if malformed else []
        assert _problems(validate_calendar_json, payload) == expected, uri
        error = _addon_error()
        error["error"]["authenticationUrl"] = uri
        expected = [("auth-url-scheme", "/error/authenticationUrl")] if malformed else []
        assert _problems(validate_addon_json, error) == expected, uri


# --- the JSON names and paths of problems --------------------------------------------------

# (form, path, how the message names the member): each member of both forms.
MEMBERS: list[tuple[str, str, str]] = [
    ("calendar", "/conferenceId", "conferenceId"),
    ("calendar", "/conferenceSolution", "conferenceSolution"),
    ("calendar", "/conferenceSolution/key", "conferenceSolution.key"),
    ("calendar", "/conferenceSolution/key/type", "conferenceSolution.key.type"),
    ("calendar", "/conferenceSolution/name", "conferenceSolution.name"),
    ("calendar", "/conferenceSolution/iconUri", "conferenceSolution.iconUri"),
    ("calendar", "/createRequest", "createRequest"),
    ("calendar", "/createRequest/requestId", "requestId"),
    ("calendar", "/createRequest/conferenceSolutionKey", "createRequest.conferenceSolutionKey"),
    (
        "calendar",
        "/createRequest/conferenceSolutionKey/type",
        "createRequest.conferenceSolutionKey.type",
    ),
    ("calendar", "/createRequest/status", "createRequest.status"),
    ("calendar", "/createRequest/status/statusCode", "statusCode"),
    ("calendar", "/entryPoints", "entryPoints"),
    ("calendar", "/entryPoints/0", "entry point"),
    ("calendar", "/entryPoints/0/entryPointType", "entryPointType"),
    ("calendar", "/entryPoints/0/uri", "uri"),
    ("calendar", "/entryPoints/0/label", "label"),
    ("calendar", "/entryPoints/0/passcode", "passcode"),
    ("calendar", "/entryPoints/1/pin", "pin"),
    ("calendar", "/entryPoints/1/regionCode", "regionCode"),
    ("calendar", "/entryPoints/1/entryPointFeatures", "entryPointFeatures"),
    ("calendar", "/entryPoints/1/entryPointFeatures/0", "entryPointFeatures item"),
    ("calendar", "/entryPoints/2/accessCode", "accessCode"),
    ("calendar", "/notes", "notes"),
    ("calendar", "/parameters", "parameters"),
    ("calendar", "/parameters/addOnParameters", "addOnParameters"),
    ("calendar", "/parameters/addOnParameters/parameters", "addOnParameters.parameters"),
    ("calendar", "/parameters/addOnParameters/parameters/meetingKey", "parameter value"),
    ("calendar", "/signature", "signature"),
    ("addon", "/conferenceId", "conferenceId"),
    ("addon", "/conferenceSolutionId", "conferenceSolutionId"),
    ("addon", "/entryPoints", "entryPoints"),
    ("addon", "/entryPoints/0", "entry point"),
    ("addon", "/entryPoints/0/type", "type"),
    ("addon", "/entryPoints/0/uri", "uri"),
    ("addon", "/entryPoints/0/label", "label"),
    ("addon", "/entryPoints/0/passcode", "passcode"),
    ("addon", "/entryPoints/1/pin", "pin"),
    ("addon", "/entryPoints/1/regionCode", "regionCode"),
    ("addon", "/entryPoints/1/features", "features"),
    ("addon", "/entryPoints/1/features/0", "features item"),
    ("addon", "/entryPoints/2/meetingCode", "meetingCode"),
    ("addon", "/parameters", "parameters"),
    ("addon", "/parameters/0", "parameter"),
    ("addon", "/parameters/0/key", "parameter key"),
    ("addon", "/parameters/0/value", "parameter value"),
    ("addon", "/note", "note"),
    ("addon-error", "/error", "error"),
    ("addon-error", "/error/type", "error type"),
    ("addon-error", "/error/authenticationUrl", "authenticationUrl"),
]

_MAKERS: dict[str, tuple[Callable[[], Payload], Validator]] = {
    "calendar": (_calendar_with_request, validate_calendar_json),
    "addon": (addon_payload, validate_addon_json),
    "addon-error": (_addon_error, validate_addon_json),
}


def test_the_payloads_with_every_member_are_valid() -> None:
    """The payloads the name table changes are valid as they stand."""
    for make, validate in _MAKERS.values():
        assert validate(make()) == []


@pytest.mark.parametrize(("form", "path", "name"), MEMBERS, ids=[f"{f}:{p}" for f, p, _ in MEMBERS])
def test_a_member_of_the_wrong_type_is_named_by_its_path(form: str, path: str, name: str) -> None:
    """A number where any member belongs is one type problem at that member's JSON path,
    whose message starts with the member's name."""
    make, validate = _MAKERS[form]
    payload = make()
    _set(payload, path, 5)
    (problem,) = validate(payload)
    assert (problem.code, problem.path) == ("type", path)
    assert problem.message.startswith(f"{name} must be ")


# Members that must be there (null is required, or the result rule's), items of arrays (null
# is no object) and members whose absence breaks another rule: the rest are optional.
NOT_OPTIONAL = {
    ("calendar", "/conferenceId"),
    ("calendar", "/entryPoints/0"),
    ("calendar", "/entryPoints/0/entryPointType"),
    ("calendar", "/entryPoints/0/uri"),
    ("calendar", "/entryPoints/1/entryPointFeatures/0"),
    ("calendar", "/parameters/addOnParameters/parameters/meetingKey"),
    ("addon", "/conferenceId"),
    ("addon", "/conferenceSolutionId"),
    ("addon", "/entryPoints"),
    ("addon", "/entryPoints/0"),
    ("addon", "/entryPoints/0/type"),
    ("addon", "/entryPoints/0/uri"),
    ("addon", "/entryPoints/1/features/0"),
    ("addon", "/parameters/0"),
    ("addon", "/parameters/0/key"),
    ("addon", "/parameters/0/value"),
    ("addon-error", "/error"),
    ("addon-error", "/error/type"),
    ("addon-error", "/error/authenticationUrl"),
}
OPTIONAL = [m for m in MEMBERS if m[:2] not in NOT_OPTIONAL]


@pytest.mark.parametrize(
    ("form", "path", "name"), OPTIONAL, ids=[f"{f}:{p}" for f, p, _ in OPTIONAL]
)
def test_a_null_optional_member_is_named_by_its_path(form: str, path: str, name: str) -> None:
    """``null`` for any optional member is one null-member warning at its path, naming the
    member as its type problem does."""
    make, validate = _MAKERS[form]
    payload = make()
    _set(payload, path, None)
    (problem,) = validate(payload)
    assert (problem.code, problem.path) == ("null-member", path)
    assert problem.message == f"{name} is null, which is read as unset: leave the member out"


@pytest.mark.parametrize("form", ["calendar", "addon"])
def test_the_full_payload_survives_a_round_trip_with_every_name(form: str) -> None:
    """Reading a payload with every member and writing it back gives the same JSON, member
    names included (signature, requestId, the add-on form's note, ...)."""
    if form == "calendar":
        payload = _calendar_with_request()
        assert ConferenceData.from_calendar_json(payload).to_calendar_json() == payload
    else:
        payload = addon_payload()
        assert ConferenceData.from_addon_json(payload).to_addon_json() == payload


# --- the counting problem --------------------------------------------------------------------


def _unknown_members(count: int) -> Payload:
    payload = calendar_payload()
    for index in range(count):
        payload[f"extra{index:03}"] = index
    return payload


def test_a_hundred_problems_of_one_code_are_all_listed() -> None:
    """Exactly 100 problems of one code are listed one by one, with no counting problem."""
    problems = validate_calendar_json(_unknown_members(100))
    assert [p.path for p in problems] == [f"/extra{i:03}" for i in range(100)]
    assert not any(p.message.startswith("…") for p in problems)


@pytest.mark.parametrize(
    ("count", "more"),
    [(101, "1 more unknown-field problem "), (102, "2 more unknown-field problems ")],
)
def test_the_counting_problem_counts_exactly(count: int, more: str) -> None:
    """Past 100 problems of one code, one last problem of that code counts the rest (in the
    singular for one), at the path of the first left out."""
    problems = validate_calendar_json(_unknown_members(count))
    assert len(problems) == 101
    assert [p.path for p in problems[:100]] == [f"/extra{i:03}" for i in range(100)]
    last = problems[-1]
    assert (last.code, last.path) == ("unknown-field", "/extra100")
    assert last.message.startswith(f"…and {more}like those above")
    assert "only the first 100 of each code are listed" in last.message


# --- secrets in messages ---------------------------------------------------------------------

PASSWORD = "Op3nSes4me99"


def test_an_over_long_authentication_url_keeps_its_password_unseen() -> None:
    """The max-length message of an authentication URL shows the URL with its userinfo
    password masked, in the add-on form and in a ConferenceError value."""
    url = f"https://alice:{PASSWORD}@acme.example/signin?x=" + "y" * 1800
    payload = _addon_error()
    payload["error"]["authenticationUrl"] = url
    (problem,) = validate_addon_json(payload)
    assert problem.code == "max-length"
    assert "https://alice:" in problem.message
    assert PASSWORD not in problem.message
    with pytest.raises(ValidationError) as raised:
        ConferenceError(type=ConferenceErrorType.AUTHENTICATION, authentication_url=url)
    assert "https://alice:" in str(raised.value)
    assert PASSWORD not in str(raised.value)


def test_an_over_long_entry_point_uri_keeps_its_password_unseen() -> None:
    """The max-length message of an entry point URI masks its userinfo password."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = f"https://alice:{PASSWORD}@acme.example/" + "j" * 1300
    (problem,) = validate_calendar_json(payload)
    assert problem.code == "max-length"
    assert "https://alice:" in problem.message
    assert PASSWORD not in problem.message


# --- what a conference's unknown members say ---------------------------------------------


@pytest.mark.parametrize(
    ("payload", "shape"),
    [
        ({"kind": "calendar#event", "id": "e1"}, "an Event resource"),
        ({"conferenceData": {}, "id": "e1"}, "an Event resource"),
        ({"kind": "calendar#events", "etag": "x"}, "an events.list page"),
        ({"items": [], "etag": "x"}, "an events.list page"),
    ],
)
def test_an_event_or_a_page_is_one_type_problem(payload: Payload, shape: str) -> None:
    """An Event resource or an events.list page passed as conference data is one type
    problem at the root saying which it is and what to pass instead."""
    (problem,) = validate_calendar_json(payload)
    assert (problem.code, problem.path) == ("type", "")
    assert f"got {shape}: pass event['conferenceData']" in problem.message


def test_an_unknown_member_lists_the_known_ones() -> None:
    """An unknown member's message names it and lists the form's members, and nothing
    more when the other form has no such member."""
    payload = calendar_payload()
    payload["colour"] = "red"
    (problem,) = validate_calendar_json(payload)
    assert problem.message == (
        "conferenceData has no member 'colour'; known members: conferenceId, "
        "conferenceSolution, createRequest, entryPoints, notes, parameters, signature"
    )


def test_an_unknown_member_of_the_other_form_gets_a_hint() -> None:
    """A member of the other form gets a hint naming that form, in both directions."""
    calendar = calendar_payload()
    calendar["note"] = "x"
    (problem,) = validate_calendar_json(calendar)
    assert problem.message.endswith("; 'note' is the addon form's member: is this the addon form?")
    addon = addon_payload()
    addon["signature"] = "x"
    (problem,) = validate_addon_json(addon)
    assert problem.message.endswith(
        "; 'signature' is the calendar form's member: is this the calendar form?"
    )


def test_member_names_of_a_str_subclass_and_the_empty_name_are_unknown_members() -> None:
    """An unknown member named by a str subclass is read as its text, and one named ""
    sits at the path "/" (JSON Pointer's empty token): both are unknown-field."""

    class Name(str):
        pass

    payload: dict[Any, Any] = calendar_payload()
    payload[Name("colour")] = 1
    payload[""] = 2
    assert _problems(validate_calendar_json, payload) == [
        ("unknown-field", "/colour"),
        ("unknown-field", "/"),
    ]


@pytest.mark.parametrize(
    ("form", "index", "uri", "message"),
    [
        (
            "calendar",
            0,
            "ftp://acme.example/j/1",
            "uri of a video entry point must start with http: or https: "
            "(got 'ftp://acme.example/j/1')",
        ),
        (
            "addon",
            1,
            "sip:1@acme.example",
            "uri of a PHONE entry point must start with tel: (got 'sip:1@acme.example')",
        ),
    ],
)
def test_a_wrong_scheme_names_the_schemes_to_use(
    form: str, index: int, uri: str, message: str
) -> None:
    """A URI of the wrong scheme is told the schemes its type takes, in the form's spelling
    of the type."""
    make, validate = FORMS[form]
    payload = make()
    payload["entryPoints"][index]["uri"] = uri
    (problem,) = validate(payload)
    assert (problem.code, problem.message) == ("uri-scheme", message)


# --- what the result rules require ---------------------------------------------------------


def test_null_entry_points_are_required_once() -> None:
    """``entryPoints: null`` in an add-on success is one required problem, not also a
    null-member warning."""
    payload = addon_payload()
    payload["entryPoints"] = None
    assert _problems(validate_addon_json, payload) == [("required", "/entryPoints")]


def test_a_null_error_is_a_success_without_its_members() -> None:
    """``error: null`` in the add-on form reads as no error: a null-member warning naming
    the error, then the success result's required ID and entry points."""
    payload = _addon_error()
    payload["error"] = None
    problems = validate_addon_json(payload)
    assert [(p.code, p.path) for p in problems] == [
        ("null-member", "/error"),
        ("required", "/conferenceId"),
        ("required", "/entryPoints"),
    ]
    assert problems[0].message == "error is null, which is read as unset: leave the member out"


def test_an_error_result_names_the_note_it_ignores() -> None:
    """An add-on error result with a note warns that the note is ignored, by its name."""
    payload = _addon_error()
    payload["note"] = "Dial in later"
    (problem,) = validate_addon_json(payload)
    assert (problem.code, problem.path) == ("error-with-data", "")
    assert problem.message.endswith("ignores the other conference data (note)")


def test_an_error_value_names_what_it_ignores_and_writes_none_of_it() -> None:
    """A ConferenceData error result with an ID, entry points, parameters and notes warns
    that all four are ignored, by their Calendar names, and writes none of them."""
    data = ConferenceData(
        error=ConferenceError(type=ConferenceErrorType.TEMPORARY),
        conference_id="abc-123",
        entry_points=[EntryPoint.video("https://acme.example/j/1")],
        parameters={"meetingKey": "k-123"},
        notes="Dial in later",
        conference_solution_id="acme-video",
    )
    (problem,) = data.problems
    assert (problem.code, problem.path) == ("error-with-data", "")
    assert problem.message.endswith(
        "ignores the other conference data (conferenceId, entryPoints, parameters, notes)"
    )
    assert data.to_addon_json() == {
        "conferenceSolutionId": "acme-video",
        "error": {"type": "TEMPORARY"},
    }


def test_a_builder_names_a_wrong_error_by_its_member() -> None:
    """A builder given something that is no ConferenceError as its error names the member."""
    with pytest.raises(ValidationError) as raised:
        attrs.evolve(ConferenceDataBuilder(), error=5)  # type: ignore[arg-type]
    assert [(p.code, p.path, p.message) for p in raised.value.problems] == [
        ("type", "/error", "error must be a ConferenceError value (got a number)")
    ]


def test_a_builder_names_wrong_items_by_their_array() -> None:
    """A builder given items that are no values of the right class names the array and the
    index, as the Calendar form spells them."""
    with pytest.raises(ValidationError) as raised:
        ConferenceDataBuilder().entry_point(
            EntryPoint.video("https://acme.example/j/1")
        ).parameters(
            [5]  # type: ignore[list-item]
        )
    assert [(p.code, p.path, p.message) for p in raised.value.problems] == [
        ("type", "/parameters/0", "parameters must be a ConferenceParameter value (got a number)")
    ]
    with pytest.raises(ValidationError) as raised:
        ConferenceDataBuilder().entry_points([EntryPoint.video("https://acme.example/j/1"), 5])  # type: ignore[list-item]
    assert [(p.code, p.path, p.message) for p in raised.value.problems] == [
        ("type", "/entryPoints/1", "entryPoints must be an EntryPoint value (got a number)")
    ]


def test_null_entry_points_in_the_calendar_form_warn_after_the_result_rule() -> None:
    """``entryPoints: null`` beside a solution reads as no entry points: the result rule's
    solution-or-request error, then the null-member warning (the rule speaks first, as it
    may require the member)."""
    payload = calendar_payload()
    payload["entryPoints"] = None
    assert _problems(validate_calendar_json, payload) == [
        ("solution-or-request", ""),
        ("null-member", "/entryPoints"),
    ]


def test_unreadable_parameter_keys_are_not_duplicates() -> None:
    """Two add-on parameters whose keys are not strings get their type problems and no
    duplicate-parameter-key."""
    payload = addon_payload()
    payload["parameters"] = [{"key": 1, "value": "a"}, {"key": 2, "value": "b"}]
    assert _problems(validate_addon_json, payload) == [
        ("type", "/parameters/0/key"),
        ("type", "/parameters/1/key"),
    ]


def test_a_google_meet_value_needs_no_conference_id() -> None:
    """A ConferenceData with Google Meet's solution and entry points is valid without a
    conference ID (Google's own solutions are not add-on data)."""
    data = ConferenceData(
        conference_solution=ConferenceSolution(key_type=SolutionType.HANGOUTS_MEET),
        entry_points=[EntryPoint.video("https://meet.google.com/abc-defg-hij")],
    )
    assert data.conference_id is None
    assert data.problems == ()


def test_a_lenient_error_result_warns_of_its_null_members() -> None:
    """A lenient read of an add-on error result with members set to null holds the error
    and warns of each null (an error result requires none of them)."""
    data = ConferenceData.from_addon_json(
        {
            "conferenceSolutionId": "acme-video",
            "error": {"type": "TEMPORARY"},
            "note": None,
            "conferenceId": None,
        },
        lenient=True,
    )
    assert data.error is not None
    assert [(p.code, p.path) for p in data.problems] == [
        ("null-member", "/note"),
        ("null-member", "/conferenceId"),
    ]
