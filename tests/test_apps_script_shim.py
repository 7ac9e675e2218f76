"""confdata.gs run by V8 (mini-racer) against tests/apps_script_mock.js, a mock of Apps Script's
Conference Data service, UrlFetchApp and ScriptApp written from Google's reference pages.

One V8 context serves the whole module: the mock and the shim are loaded once, and the mock's
state (programmed answers, recorded fetches and log) is reset before each call.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py_mini_racer import MiniRacer

from confdata import ConferenceData, ConferenceError, ConferenceErrorType
from confdata._core.spec import (
    ADDON,
    ENTRY_POINT_TEXTS,
    ERROR_MEMBERS,
    ERROR_TYPES,
    PARAMETER_MEMBERS,
)
from confdata.apps_script import apps_script_source
from confdata.testing import addon_json, limited_text

MOCK = (Path(__file__).parent / "apps_script_mock.js").read_text(encoding="utf-8")
BACKEND = "https://backend.example/conference"
REQUEST = {"solutionId": "acme", "calendarId": "primary", "eventId": "evt1"}
TOKEN = "header.payload.signature"


def js(value: object) -> str:
    """``value`` as a JavaScript expression: JSON with every non-ASCII character escaped."""
    return json.dumps(value)


class Script:
    """The V8 context with the mock and confdata.gs loaded."""

    def __init__(self, context: MiniRacer) -> None:
        self.context = context

    def run(self, body: str) -> Any:
        """Run a function body in a fresh mock state; its return value, through JSON."""
        source = f"MockAppsScript.reset(); JSON.stringify((function () {{ {body} }})())"
        text = self.context.eval(source)
        assert isinstance(text, str), text
        return json.loads(text)

    def build(self, markup: object) -> Any:
        """What the ConferenceData that buildConferenceData(markup) returns carries."""
        return self.run(f"return MockAppsScript.carried(buildConferenceData({js(markup)}));")

    def build_error(self, markup: object) -> str:
        """The message of the Error that buildConferenceData(markup) throws."""
        outcome = self.run(
            f"try {{ buildConferenceData({js(markup)}); return null; }}"
            " catch (error) { return error.name + ': ' + error.message; }"
        )
        assert isinstance(outcome, str), f"buildConferenceData accepted {markup!r}"
        return outcome

    def request(self, answer: str, request: object = REQUEST, token: str | None = TOKEN) -> Any:
        """requestConferenceData(BACKEND, request) after ``answer`` (JavaScript programming the
        mock backend): what it returns carries, the fetches made, the log."""
        return self.run(
            f"MockAppsScript.setIdentityToken({js(token)}); {answer};"
            f" const data = requestConferenceData({js(BACKEND)}, {js(request)});"
            " return {carried: MockAppsScript.carried(data),"
            " fetches: MockAppsScript.fetches(), logs: MockAppsScript.logs()};"
        )


@pytest.fixture(scope="module")
def script() -> Iterator[Script]:
    """One V8 context for the module (starting V8 is the expensive part)."""
    context = MiniRacer()
    context.eval(MOCK)
    context.eval(apps_script_source())
    yield Script(context)
    context.close()


def without_labels(markup: dict[str, Any]) -> dict[str, Any]:
    """The markup less what Apps Script cannot carry: an entry point's label."""
    carried = dict(markup)
    if "entryPoints" in carried:
        carried["entryPoints"] = [
            {name: value for name, value in entry.items() if name != "label"}
            for entry in carried["entryPoints"]
        ]
    return carried


@settings(max_examples=200)
@given(markup=addon_json(errors=True, max_phones=3, max_parameters=3))
def test_built_conference_data_carries_exactly_the_markup_less_labels(
    script: Script, markup: dict[str, Any]
) -> None:
    """Every member of generated add-on JSON reaches the ConferenceData through the service's
    own setters and enums (the mock refuses strings for enums), and nothing else does."""
    assert script.build(markup) == without_labels(markup)


_AUTH_URLS = st.builds(
    "https://{}.example/{}".format,
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789/?=&", max_size=40),
)


@settings(max_examples=60)
@given(
    kind=st.sampled_from(ConferenceErrorType),
    url=st.none() | _AUTH_URLS,
    solution_id=st.none() | limited_text(512, min_size=1),
)
def test_every_error_form_becomes_the_matching_conference_error(
    script: Script, kind: ConferenceErrorType, url: str | None, solution_id: str | None
) -> None:
    """Each error type, with and without an authentication URL, becomes a ConferenceError of
    that type and URL; AUTHENTICATION without a URL is refused, as setError refuses it."""
    if kind is ConferenceErrorType.AUTHENTICATION and url is None:
        markup: dict[str, Any] = {"error": {"type": kind.value}}
        if solution_id is not None:
            markup["conferenceSolutionId"] = solution_id
        assert "/error: Apps Script's setError refused it" in script.build_error(markup)
        return
    data = ConferenceData(
        error=ConferenceError(type=kind, authentication_url=url),
        conference_solution_id=solution_id,
    )
    markup = dict(data.to_addon_json())
    assert script.build(markup) == markup


def test_the_shims_tables_are_the_add_on_form(script: Script) -> None:
    """confdata.gs names exactly the members and enum values of the add-on form, and a setter
    of Apps Script's EntryPoint for every entry point string but the label, which has none."""
    assert set(script.run("return CONFDATA_CONFERENCE_MEMBERS_;")) == ADDON.members
    assert set(script.run("return CONFDATA_ENTRY_POINT_MEMBERS_;")) == ADDON.entry_point_members
    setters = script.run("return CONFDATA_ENTRY_POINT_TEXTS_;")
    assert set(setters) == {text.json for text in ENTRY_POINT_TEXTS}
    assert set(script.run("return CONFDATA_PARAMETER_MEMBERS_;")) == PARAMETER_MEMBERS
    assert set(script.run("return CONFDATA_ERROR_MEMBERS_;")) == ERROR_MEMBERS
    assert set(script.run("return CONFDATA_ENTRY_POINT_TYPES_;")) == set(ADDON.types)
    assert set(script.run("return CONFDATA_FEATURES_;")) == set(ADDON.features)
    assert set(script.run("return CONFDATA_ERROR_TYPES_;")) == set(ERROR_TYPES)
    assert [name for name, setter in setters.items() if setter is None] == ["label"]
    methods = script.run(
        "return Object.getOwnPropertyNames("
        "Object.getPrototypeOf(ConferenceDataService.newEntryPoint()));"
    )
    assert {setter for setter in setters.values() if setter} <= set(methods)
    assert not [method for method in methods if "label" in method.lower()]


def test_the_mock_refuses_enum_names_given_as_strings(script: Script) -> None:
    """The service's enums are objects: a string where an enum belongs throws."""
    message = script.run(
        "try { ConferenceDataService.newEntryPoint().setEntryPointType('VIDEO'); return null; }"
        " catch (error) { return error.message; }"
    )
    assert message == (
        "The parameters (string) don't match the method signature for "
        "EntryPoint.setEntryPointType (expected EntryPointType)."
    )


def test_a_null_member_counts_as_absent(script: Script) -> None:
    """JSON null (what serialisers write for unset members) sets nothing."""
    markup = {
        "conferenceId": "abc",
        "conferenceSolutionId": "acme",
        "entryPoints": [{"type": "VIDEO", "uri": "https://acme.example/abc", "pin": None}],
        "parameters": None,
        "note": None,
        "error": None,
    }
    assert script.build(markup) == {
        "conferenceId": "abc",
        "conferenceSolutionId": "acme",
        "entryPoints": [{"type": "VIDEO", "uri": "https://acme.example/abc"}],
    }


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ([], "the conference data must be an object (got an array)"),
        ("x", "the conference data must be an object (got a string)"),
        (
            {"notes": "x"},
            "/notes is not a member of the add-on form (expected one of conferenceId, "
            "conferenceSolutionId, note, entryPoints, parameters, error)",
        ),
        ({"entryPoints": {}}, "/entryPoints must be an array (got an object)"),
        ({"entryPoints": ["x"]}, "/entryPoints/0 must be an object (got a string)"),
        (
            {"entryPoints": [{"type": "video", "uri": "https://a.example/"}]},
            '/entryPoints/0/type must be one of VIDEO, PHONE, SIP, MORE (got "video")',
        ),
        (
            {"entryPoints": [{"entryPointType": "VIDEO"}]},
            "/entryPoints/0/entryPointType is not a member of the add-on form",
        ),
        (
            {"entryPoints": [{"type": "PHONE", "uri": "tel:+1", "features": ["toll"]}]},
            '/entryPoints/0/features/0 must be one of TOLL, TOLL_FREE (got "toll")',
        ),
        (
            {"entryPoints": [{"type": "PHONE", "uri": "tel:+1", "pin": 123456}]},
            "/entryPoints/0/pin must be a string (got a number)",
        ),
        ({"parameters": {"a": "b"}}, "/parameters must be an array (got an object)"),
        ({"parameters": [{"key": "a", "value": 1}]}, "/parameters/0/value must be a string"),
        ({"error": {"type": "AUTH"}}, "/error/type must be one of UNKNOWN, AUTHENTICATION"),
        ({"a/b~": 1}, "/a~1b~0 is not a member"),
    ],
)
def test_what_is_not_the_add_on_form_is_refused_naming_the_member(
    script: Script, markup: object, message: str
) -> None:
    """A value that is not the add-on form throws an Error naming the member by JSON Pointer,
    and never shows a string member's value (it may be a secret)."""
    assert message in script.build_error(markup)


def test_a_secret_of_the_wrong_type_is_not_shown(script: Script) -> None:
    """A PIN sent as a number is named, not shown."""
    markup = {"entryPoints": [{"type": "PHONE", "uri": "tel:+1", "pin": 987654321}]}
    assert "987654321" not in script.build_error(markup)


def test_what_apps_script_refuses_is_named_with_the_setter(script: Script) -> None:
    """A value over Apps Script's limit throws, naming the member and the setter."""
    markup = {
        "conferenceId": "abc",
        "entryPoints": [{"type": "PHONE", "uri": "tel:+1", "passcode": "9" * 129}],
    }
    message = script.build_error(markup)
    assert message.startswith(
        "Error: confdata: /entryPoints/0/passcode: Apps Script's setPasscode refused it: "
    )
    assert "9" * 129 not in message


def test_an_entry_point_apps_script_refuses_is_named(script: Script) -> None:
    """A feature on a video entry point: addFeature throws, and the message says where."""
    markup = {"entryPoints": [{"type": "VIDEO", "uri": "https://a.example/", "features": ["TOLL"]}]}
    assert "/entryPoints/0/features/0: Apps Script's addFeature refused it: " in (
        script.build_error(markup)
    )


def test_conference_data_build_refuses_is_reported(script: Script) -> None:
    """Data that build() refuses (no entry point) throws with build()'s reason."""
    message = script.build_error({"conferenceId": "abc", "conferenceSolutionId": "acme"})
    assert message == (
        "Error: confdata: Apps Script refused the conference data: "
        "ConferenceDataBuilder.build: an entry point is required"
    )


VIDEO_ANSWER = {
    "conferenceId": "abc-defg-hij",
    "conferenceSolutionId": "acme",
    "entryPoints": [{"type": "VIDEO", "uri": "https://acme.example/j/abc", "label": "acme/abc"}],
}


def test_a_200_answer_is_built_from_a_post_with_the_identity_token(script: Script) -> None:
    """The backend gets one JSON POST with the identity token, exceptions muted; its 200
    answer becomes the ConferenceData."""
    outcome = script.request(f"MockAppsScript.answer(200, {js(json.dumps(VIDEO_ANSWER))})")
    assert outcome["carried"] == without_labels(VIDEO_ANSWER)
    assert outcome["fetches"] == [
        {
            "url": BACKEND,
            "params": {
                "method": "post",
                "contentType": "application/json",
                "payload": json.dumps(REQUEST, separators=(",", ":")),
                "headers": {"Authorization": f"Bearer {TOKEN}"},
                "muteHttpExceptions": True,
            },
        }
    ]
    assert outcome["logs"] == []


def test_an_error_form_answer_is_passed_on(script: Script) -> None:
    """A 200 answer that is an error form (the user must sign in) becomes that error."""
    answer = {"error": {"type": "AUTHENTICATION", "authenticationUrl": "https://acme.example/in"}}
    outcome = script.request(f"MockAppsScript.answer(200, {js(json.dumps(answer))})")
    assert outcome["carried"] == answer


TEMPORARY = {"error": {"type": "TEMPORARY"}}


@pytest.mark.parametrize("status", [201, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503])
def test_any_other_status_is_a_temporary_error(script: Script, status: int) -> None:
    """Whatever the body, a status other than 200 makes a TEMPORARY error, logged."""
    answer = f"MockAppsScript.answer({status}, {js(json.dumps(VIDEO_ANSWER))})"
    outcome = script.request(answer)
    assert outcome["carried"] == TEMPORARY
    assert outcome["logs"] == [
        ["error", f"confdata: the backend answered HTTP {status} (expected 200)"]
    ]


def test_a_fetch_that_throws_is_a_temporary_error(script: Script) -> None:
    """A backend that cannot be reached: a TEMPORARY error, logged with the reason."""
    outcome = script.request("MockAppsScript.unreachable('Address unavailable: backend.example')")
    assert outcome["carried"] == TEMPORARY
    assert outcome["logs"] == [
        [
            "error",
            "confdata: the backend could not be reached: Address unavailable: backend.example",
        ]
    ]


@pytest.mark.parametrize(
    ("body", "logged"),
    [
        ("<html>Bad gateway</html>", "confdata: the backend's answer is not JSON"),
        ("", "confdata: the backend's answer is not JSON"),
        ("[]", "the conference data must be an object (got an array)"),
        ("null", "the conference data must be an object (got null)"),
        ('{"entrypoints": []}', "/entrypoints is not a member of the add-on form"),
        (
            json.dumps({**VIDEO_ANSWER, "conferenceId": "x" * 513}),
            "/conferenceId: Apps Script's setConferenceId refused it",
        ),
        (
            json.dumps(
                {
                    "conferenceId": "abc",
                    "entryPoints": [{"type": "MORE", "uri": "https://a.example/"}],
                }
            ),
            "a conference with only a MORE entry point is not valid",
        ),
    ],
)
def test_an_answer_that_is_not_usable_conference_data_is_a_temporary_error(
    script: Script, body: str, logged: str
) -> None:
    """A 200 answer that is not JSON, not the add-on form, or not buildable: TEMPORARY,
    logged with the reason."""
    outcome = script.request(f"MockAppsScript.answer(200, {js(body)})")
    assert outcome["carried"] == TEMPORARY
    [(level, message)] = outcome["logs"]
    assert level == "error"
    assert logged in message


def test_a_secret_in_an_unusable_answer_is_not_logged(script: Script) -> None:
    """The log names what is wrong with the answer, never a PIN in it."""
    body = {
        "conferenceId": "abc",
        "entryPoints": [{"type": "PHONE", "uri": "tel:+1", "pin": "1" * 200}],
    }
    outcome = script.request(f"MockAppsScript.answer(200, {js(json.dumps(body))})")
    assert outcome["carried"] == TEMPORARY
    assert "1" * 129 not in json.dumps(outcome["logs"])


@pytest.mark.parametrize("token", [None, ""])
def test_no_identity_token_is_a_permanent_error_without_a_fetch(
    script: Script, token: str | None
) -> None:
    """Without the openid scope getIdentityToken() gives null: nothing is sent and the
    error is PERMANENT (trying again cannot help), logged with the fix."""
    outcome = script.request("", token=token)
    assert outcome["carried"] == {"error": {"type": "PERMANENT"}}
    assert outcome["fetches"] == []
    assert outcome["logs"] == [
        ["error", "confdata: no identity token; add the openid scope to appsscript.json"]
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("requestConferenceData(undefined, {})", "url must be a non-empty string"),
        ("requestConferenceData('', {})", "url must be a non-empty string"),
        (f"requestConferenceData({js(BACKEND)}, null)", "request must be an object"),
        (f"requestConferenceData({js(BACKEND)}, [])", "request must be an object"),
    ],
)
def test_a_call_with_arguments_of_the_wrong_type_throws(
    script: Script, call: str, message: str
) -> None:
    """A programming mistake in the one-line onCreateFunction throws a TypeError at once."""
    outcome = script.run(
        f"try {{ {call}; return null; }} catch (error) {{ return [error.name, error.message]; }}"
    )
    assert outcome == ["TypeError", f"requestConferenceData: {message}"]


def test_the_one_line_on_create_function_sends_the_event_and_solution(script: Script) -> None:
    """The documented one-liner sends the solution ID and the event's calendar and event IDs
    from the argument Calendar passes (its eventData)."""
    script.context.eval(
        "function onCreateAcme(arg) { return requestConferenceData("
        f"{js(BACKEND)}, {{solutionId: 'acme', calendarId: arg.eventData.calendarId,"
        " eventId: arg.eventData.eventId}); }"
    )
    outcome = script.run(
        f"MockAppsScript.answer(200, {js(json.dumps(VIDEO_ANSWER))});"
        " const data = onCreateAcme({eventData: {calendarId: 'c@example.com', eventId: 'e1'}});"
        " return [MockAppsScript.carried(data), MockAppsScript.fetches()[0].params.payload];"
    )
    assert outcome == [
        without_labels(VIDEO_ANSWER),
        json.dumps(
            {"solutionId": "acme", "calendarId": "c@example.com", "eventId": "e1"},
            separators=(",", ":"),
        ),
    ]


DOCS = Path(__file__).parent.parent / "docs" / "apps-script.md"


def _side_by_side() -> list[tuple[str, str]]:
    """The (Apps Script, confdata) cells of the docs' side-by-side tables."""
    section = DOCS.read_text(encoding="utf-8").split("## Apps Script's service and confdata", 1)[1]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and not set(cells[0]) <= {"-"}:
            rows.append((cells[0], cells[1]))
    return rows


def test_the_docs_list_every_method_of_the_service_and_only_real_confdata_names(
    script: Script,
) -> None:
    """The side-by-side tables name each method of the mock's classes (written from Google's
    pages), and every builder step they name exists in confdata."""
    import inspect
    import re

    import confdata

    methods = script.run(
        "const made = [ConferenceDataService.newConferenceDataBuilder(),"
        " ConferenceDataService.newEntryPoint(), ConferenceDataService.newConferenceParameter(),"
        " ConferenceDataService.newConferenceError()];"
        " const names = Object.keys(ConferenceDataService).filter("
        "  (name) => typeof ConferenceDataService[name] === 'function');"
        " made.forEach((object) => Object.getOwnPropertyNames(Object.getPrototypeOf(object))"
        "  .forEach((name) => { if (!name.endsWith('_') && name !== 'constructor')"
        "   names.push(name); }));"
        " return names;"
    )
    rows = _side_by_side()
    documented = {name for apps_script, _ in rows for name in re.findall(r"(\w+)\(", apps_script)}
    assert set(methods) <= documented
    owners = (
        confdata.ConferenceDataBuilder,
        confdata.EntryPointBuilder,
        confdata.ConferenceParameterBuilder,
        confdata.ConferenceErrorBuilder,
        confdata.EntryPoint,
    )
    # Steps are written `.name(...)`, properties `.name`; enum members are in capitals.
    steps = {
        name
        for _, cell in rows
        for name in re.findall(r"\.([a-z_]+)\(", cell) + re.findall(r"`\.([a-z_]+)`", cell)
    }
    assert {"conference_id", "problems", "label", "authentication_url", "video"} <= steps
    assert {step for step in steps if not any(hasattr(owner, step) for owner in owners)} == set()
    # What is written as a call is a method, not a property (`.problems()` was stale).
    called = {name for _, cell in rows for name in re.findall(r"\.([a-z_]+)\(", cell)}
    for name in called:
        found = [inspect.getattr_static(o, name) for o in owners if hasattr(o, name)]
        assert not any(isinstance(attribute, property) for attribute in found), name
    # The values take keyword arguments only: no positional ConferenceParameter(key, value).
    for _, cell in rows:
        for arguments in re.findall(r"\b(?:ConferenceParameter|ConferenceError)\(([^)]*)\)", cell):
            assert arguments == "..." or all(
                "=" in argument for argument in arguments.split(",")
            ), cell
