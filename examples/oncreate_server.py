"""A minimal HTTP endpoint for an Apps Script ``onCreateFunction`` (standard library only).

The add-on's Apps Script calls it with ``UrlFetchApp`` when a user picks the conference
solution, and turns the JSON it returns (the add-on form) into a ``ConferenceData``::

    function createConference(arg) {
      var response = UrlFetchApp.fetch('https://backend.example/conference', {
        method: 'post',
        contentType: 'application/json',
        headers: {Authorization: 'Bearer ' + getProviderToken()},
        payload: JSON.stringify({eventId: arg.eventData.eventId,
                                 solutionId: arg.conferenceSolutionId}),
        muteHttpExceptions: true,
      });
      return buildConferenceData(JSON.parse(response.getContentText()));
    }

Without a provider token it answers with an AUTHENTICATION error that carries the URL where
the user signs in, as Google's create-conference sample does. Run it with
``python examples/oncreate_server.py`` and POST to http://127.0.0.1:8080/conference.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import make_server

from confdata import (
    ConferenceDataBuilder,
    ConferenceErrorType,
    EntryPoint,
    EntryPointFeature,
    ValidationError,
)

SIGN_IN_URL = "https://acme.example/oauth/start"
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def create_conference(event_id: str, solution_id: str) -> dict[str, Any]:
    """Create the conference in the (pretend) provider and describe it in the add-on form."""
    meeting = hashlib.sha256(event_id.encode()).hexdigest()[:9]
    code = f"{meeting[:3]}-{meeting[3:6]}-{meeting[6:]}"
    data = (
        ConferenceDataBuilder()
        .conference_id(code)
        .conference_solution_id(solution_id)
        .entry_point(EntryPoint.video(f"https://acme.example/j/{code}", meeting_code=code))
        .entry_point(
            EntryPoint.phone(
                "tel:+12025550123",
                pin=str(int(meeting, 16) % 10**6).zfill(6),
                region_code="US",
                features=[EntryPointFeature.TOLL],
            )
        )
        .parameter("eventId", event_id)
        .build()
    )
    return dict(data.to_addon_json())


def authentication_needed(solution_id: str) -> dict[str, Any]:
    """The add-on form of an AUTHENTICATION error pointing at the sign-in page."""
    builder = ConferenceDataBuilder().error(ConferenceErrorType.AUTHENTICATION, SIGN_IN_URL)
    if solution_id:
        builder = builder.conference_solution_id(solution_id)
    return dict(builder.build().to_addon_json())


def _answer(start_response: StartResponse, status: str, body: object) -> Iterable[bytes]:
    payload = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))]
    )
    return [payload]


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """The WSGI application: ``POST /conference`` with ``{"eventId", "solutionId"}``."""
    if environ.get("PATH_INFO") != "/conference":
        return _answer(start_response, "404 Not Found", {"message": "not found"})
    if environ.get("REQUEST_METHOD") != "POST":
        return _answer(start_response, "405 Method Not Allowed", {"message": "use POST"})
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request = json.loads(environ["wsgi.input"].read(length) or b"null")
        event_id, solution_id = request["eventId"], request["solutionId"]
        if not isinstance(event_id, str) or not isinstance(solution_id, str):
            raise TypeError("eventId and solutionId must be strings")
    except (ValueError, KeyError, TypeError) as error:
        return _answer(start_response, "400 Bad Request", {"message": f"bad request: {error}"})
    if not environ.get("HTTP_AUTHORIZATION", "").startswith("Bearer "):
        return _answer(start_response, "200 OK", authentication_needed(solution_id))
    try:
        return _answer(start_response, "200 OK", create_conference(event_id, solution_id))
    except ValidationError as error:
        return _answer(
            start_response,
            "400 Bad Request",
            {"message": "invalid conference", "problems": [str(p) for p in error.problems]},
        )


if __name__ == "__main__":
    with make_server("127.0.0.1", 8080, application) as server:
        print("POST http://127.0.0.1:8080/conference")
        server.serve_forever()
