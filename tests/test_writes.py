"""Safe writes, checked against the real google-api-python-client with HttpMock."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from googleapiclient.discovery import build
from googleapiclient.http import HttpMockSequence

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceErrorType,
    CreateRequest,
    EntryPoint,
    RequestStatus,
    SolutionType,
    ValidationError,
    insert_arguments,
    patch_arguments,
)
from confdata.writes import meet_request

from .payloads import calendar_payload


def _service(*responses: dict[str, Any]) -> Any:
    http = HttpMockSequence([({"status": "200"}, json.dumps(r)) for r in responses])
    return build("calendar", "v3", http=http, static_discovery=True)


def _data() -> ConferenceData:
    return (
        ConferenceDataBuilder()
        .conference_id("abc")
        .entry_point(EntryPoint.video("https://acme.example/j/abc"))
        .build()
    )


def test_patch_request_carries_conference_data_version_1() -> None:
    """The patch request's URI has conferenceDataVersion=1; its body is to_calendar_json()."""
    data = _data()
    write = patch_arguments(data, calendar_id="primary", event_id="evt1")
    service = _service({"id": "evt1", "conferenceData": data.to_calendar_json()})
    request = service.events().patch(**write.arguments)
    query = parse_qs(urlsplit(request.uri).query)
    assert query["conferenceDataVersion"] == ["1"]
    assert "/calendars/primary/events/evt1" in request.uri
    assert request.method == "PATCH"
    assert json.loads(request.body) == {"conferenceData": data.to_calendar_json()}
    assert request.execute()["id"] == "evt1"
    assert [p.code for p in write.problems] == ["add-on-data-write"]


def test_insert_request_keeps_the_event_and_adds_conference_data() -> None:
    """insert_arguments merges the conference into the event body."""
    data = _data()
    event = {
        "summary": "Sync",
        "start": {"dateTime": "2026-11-26T10:00:00Z"},
        "end": {"dateTime": "2026-11-26T10:30:00Z"},
    }
    write = insert_arguments(data, calendar_id="primary", event=event, send_updates="all")
    request = _service({"id": "new"}).events().insert(**write.arguments)
    query = parse_qs(urlsplit(request.uri).query)
    assert query["conferenceDataVersion"] == ["1"]
    assert query["sendUpdates"] == ["all"]
    assert json.loads(request.body) == {**event, "conferenceData": data.to_calendar_json()}
    assert "conferenceData" not in event


def test_create_request_gets_a_fresh_id_and_loses_its_status() -> None:
    """A create request is written with a new requestId and without the read-only status."""
    request = CreateRequest(
        request_id="same-id", solution_type=SolutionType.HANGOUTS_MEET, status=RequestStatus.PENDING
    )
    data = ConferenceDataBuilder().create_request(request).build()
    first = patch_arguments(data, calendar_id="primary", event_id="e")
    second = patch_arguments(data, calendar_id="primary", event_id="e")
    body1 = first.arguments["body"]["conferenceData"]["createRequest"]
    body2 = second.arguments["body"]["conferenceData"]["createRequest"]
    assert body1["requestId"] != body2["requestId"] != "same-id"
    assert "status" not in body1
    assert body1["conferenceSolutionKey"] == {"type": "hangoutsMeet"}
    assert [(p.code, p.path) for p in first.problems] == [
        ("status-read-only", "/createRequest/status")
    ]
    kept = patch_arguments(data, calendar_id="p", event_id="e", keep_request_id=True)
    assert kept.arguments["body"]["conferenceData"]["createRequest"]["requestId"] == "same-id"


def test_error_results_are_not_writable() -> None:
    """Writing an error result to an event raises error-not-writable."""
    failure = ConferenceDataBuilder().error(ConferenceErrorType.TEMPORARY).build()
    with pytest.raises(ValidationError) as error:
        patch_arguments(failure, calendar_id="primary", event_id="e")
    assert [p.code for p in error.value.problems] == ["error-not-writable"]


def test_invalid_lenient_data_is_refused_unless_asked() -> None:
    """Data read leniently that breaks rules is refused; validate=False writes it as read."""
    payload = calendar_payload()
    payload["entryPoints"][0]["entryPointType"] = "hologram"
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    with pytest.raises(ValidationError):
        patch_arguments(data, calendar_id="primary", event_id="e")
    write = patch_arguments(data, calendar_id="primary", event_id="e", validate=False)
    assert write.arguments["body"]["conferenceData"] == payload


def test_non_data_argument_is_a_validation_error() -> None:
    """Passing a dict instead of ConferenceData raises ValidationError."""
    with pytest.raises(ValidationError):
        patch_arguments(calendar_payload(), calendar_id="p", event_id="e")  # type: ignore[arg-type]


SECRETS = ("Hunter2Secret", "PwdSecret42", "PasscodeSecret", "PinSecret99", "AccessSecret")


def _secret_data() -> ConferenceData:
    return (
        ConferenceDataBuilder()
        .conference_id("abc")
        .entry_point(
            EntryPoint.video(
                "https://host:Hunter2Secret@acme.example/j/abc?pwd=PwdSecret42",
                passcode="PasscodeSecret",
            )
        )
        .entry_point(EntryPoint.phone("tel:+12025550123", pin="PinSecret99", region_code="US"))
        .entry_point(EntryPoint.sip("sip:abc@acme.example", access_code="AccessSecret"))
        .build()
    )


def test_write_repr_masks_secrets() -> None:
    """repr() and str() of the arguments for patch and insert show the body with pins,
    passcodes, access codes and the secrets of URIs masked (the arguments keep them)."""
    data = _secret_data()
    writes = [
        patch_arguments(data, calendar_id="primary", event_id="e1"),
        insert_arguments(data, calendar_id="primary", event={"summary": "Sync", "pin": "x"}),
    ]
    for write in writes:
        assert write.arguments["body"]["conferenceData"] == data.to_calendar_json()
        for text in (repr(write), str(write)):
            for secret in SECRETS:
                assert secret not in text
            assert "'passcode': <masked, 14 characters>" in text
            assert "https://host:<masked>@acme.example/j/abc?pwd=<masked>" in text
            assert "'conferenceDataVersion': 1" in text


def test_the_event_is_copied_without_running_its_code() -> None:
    """The event is written as its one plain copy: a str subclass whose repr and comparisons
    raise becomes a plain str; an object that is not JSON is a ValidationError at its path
    (the HTTP client could not send it)."""

    class Broken(str):
        def __repr__(self) -> str:
            raise RuntimeError("repr")

        def __eq__(self, other: object) -> bool:
            raise RuntimeError("eq")

        __hash__ = str.__hash__

    write = insert_arguments(_data(), calendar_id="primary", event={"extra": Broken("x")})
    assert type(write.arguments["body"]["extra"]) is str
    assert "'extra': 'x'" in repr(write)
    with pytest.raises(ValidationError) as raised:
        insert_arguments(_data(), calendar_id="primary", event={"extra": object()})
    assert [(p.code, p.path) for p in raised.value.problems] == [("type", "/event/extra")]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"calendar_id": 5, "event_id": "e"}, "calendar_id must be a string (got 5)"),
        ({"calendar_id": "p", "event_id": ""}, "event_id must not be empty"),
        (
            {"calendar_id": "p", "event_id": "e", "send_updates": "everyone"},
            "send_updates must be 'all', 'externalOnly' or 'none' (got 'everyone')",
        ),
    ],
)
def test_wrong_arguments_are_named(arguments: dict[str, Any], message: str) -> None:
    """A write argument of the wrong kind is a ValidationError naming it and its value."""
    with pytest.raises(ValidationError) as raised:
        patch_arguments(_data(), **arguments)
    assert [p.message for p in raised.value.problems] == [message]


def test_string_subclasses_are_written_as_plain_strings() -> None:
    """Arguments given as str subclasses are passed on as plain str (no foreign code reaches
    the HTTP client)."""

    class Tagged(str):
        pass

    write = patch_arguments(
        _data(),
        calendar_id=Tagged("primary"),
        event_id=Tagged("e1"),
        send_updates=Tagged("all"),  # type: ignore[arg-type]
    )
    assert [type(write.arguments[k]) for k in ("calendarId", "eventId", "sendUpdates")] == [
        str,
        str,
        str,
    ]


# Who may write what (issue 26): addOn data is warned about; Meet is what a backend asks for.


def test_add_on_data_is_warned_about_before_it_is_written() -> None:
    """A write of an addOn conference, or of a create request for one, carries the warning
    add-on-data-write at the solution type, and its message says what to do instead."""
    add_on_request = ConferenceData(create_request=CreateRequest(solution_type=SolutionType.ADD_ON))
    for data, path in (
        (_data(), "/conferenceSolution/key/type"),
        (add_on_request, "/createRequest/conferenceSolutionKey/type"),
    ):
        for write in (
            patch_arguments(data, calendar_id="primary", event_id="e1"),
            insert_arguments(data, calendar_id="primary", event={}),
        ):
            (problem,) = write.problems
            assert (problem.code, problem.path) == ("add-on-data-write", path)
            assert "400 'Invalid conference data'" in problem.message
            assert "meet_request()" in problem.message
            assert "join_text()" in problem.message


def test_meet_request_asks_calendar_for_a_new_meet_conference() -> None:
    """meet_request() is a hangoutsMeet create request: written without a warning, with a
    fresh requestId on every write, through google-api-python-client."""
    meet = meet_request()
    assert meet.create_request is not None
    assert meet.create_request.solution_type is SolutionType.HANGOUTS_MEET
    writes = [patch_arguments(meet, calendar_id="primary", event_id="e1") for _ in range(2)]
    assert [w.problems for w in writes] == [(), ()]
    bodies = [w.arguments["body"]["conferenceData"]["createRequest"] for w in writes]
    assert bodies[0]["conferenceSolutionKey"] == {"type": "hangoutsMeet"}
    assert bodies[0]["requestId"] != bodies[1]["requestId"]
    request = _service({"id": "e1"}).events().patch(**writes[0].arguments)
    assert json.loads(request.body) == {"conferenceData": {"createRequest": bodies[0]}}
