"""An ``onCreateFunction`` backend that creates a Zoom meeting (standard library and confdata).

The add-on's Apps Script POSTs ``{"eventId", "solutionId", "topic"}`` with the user's Zoom
OAuth token as a Bearer token (see ``oncreate_server.py`` for the Apps Script side). The
backend calls Zoom's "Create a meeting" (``POST /v2/users/me/meetings``) and answers with the
add-on form, which the script turns into a ``ConferenceData``:

- 201 from Zoom: the meeting, converted by :func:`confdata.providers.from_zoom`;
- 401 (no token, or Zoom refuses it): an ``AUTHENTICATION`` error with the sign-in URL;
- 429 or 5xx: ``TEMPORARY`` (the user may try again, as Google's create-conference sample
  does for a busy backend);
- any other 4xx: ``PERMANENT``; a 2xx body that is no meeting: ``UNKNOWN``, its problems logged.

``make_application(create_meeting=...)`` takes the function that talks to Zoom, so that tests
give it recorded responses. Run it with ``python examples/zoom_oncreate.py``.
"""

from __future__ import annotations

import json
import logging
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple
from wsgiref.simple_server import make_server

from confdata import ConferenceDataBuilder, ConferenceErrorType, ValidationError
from confdata.providers import ProviderOptions, from_zoom

ZOOM_CREATE_MEETING = "https://api.zoom.us/v2/users/me/meetings"
SIGN_IN_URL = "https://zoom.us/oauth/authorize?response_type=code&client_id=acme-addon"
StartResponse = Callable[[str, list[tuple[str, str]]], Any]
log = logging.getLogger("zoom_oncreate")


class ZoomResponse(NamedTuple):
    """What Zoom answered: the HTTP status and the parsed JSON body (None if not JSON)."""

    status: int
    body: Any  # any JSON: from_zoom checks it


CreateMeeting = Callable[[str, dict[str, Any]], ZoomResponse]
"""``(token, request body) -> ZoomResponse``: the one call to Zoom."""


def zoom_over_http(token: str, request: dict[str, Any]) -> ZoomResponse:
    """Create the meeting with Zoom's REST API."""
    call = urllib.request.Request(
        ZOOM_CREATE_MEETING,
        data=json.dumps(request).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(call, timeout=10) as answer:
            status, text = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()
    except OSError:  # no connection at all: as temporary as a 503
        return ZoomResponse(503, None)
    try:
        return ZoomResponse(status, json.loads(text))
    except ValueError:
        return ZoomResponse(status, None)


def _error(kind: ConferenceErrorType, solution_id: str) -> dict[str, Any]:
    builder = ConferenceDataBuilder().conference_solution_id(solution_id)
    if kind is ConferenceErrorType.AUTHENTICATION:
        builder = builder.error(kind, SIGN_IN_URL)
    else:
        builder = builder.error(kind)
    return dict(builder.build().to_addon_json())


def conference_for(response: ZoomResponse, solution_id: str) -> dict[str, Any]:
    """The add-on form answering a Zoom response."""
    if response.status == 401:
        return _error(ConferenceErrorType.AUTHENTICATION, solution_id)
    if response.status == 429 or response.status >= 500:
        return _error(ConferenceErrorType.TEMPORARY, solution_id)
    if response.status >= 400:
        return _error(ConferenceErrorType.PERMANENT, solution_id)
    options = ProviderOptions(solution_id=solution_id, regions=("US",))
    try:
        return dict(from_zoom(response.body, options).to_addon_json())
    except ValidationError as error:  # Zoom answered, but not with a usable meeting
        log.error("unusable Zoom response:\n%s", error)
        return _error(ConferenceErrorType.UNKNOWN, solution_id)


def _answer(start_response: StartResponse, status: str, body: object) -> Iterable[bytes]:
    payload = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))]
    )
    return [payload]


def make_application(
    create_meeting: CreateMeeting = zoom_over_http,
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """The WSGI application: ``POST /conference`` with ``{"eventId", "solutionId"}``."""

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/conference":
            return _answer(start_response, "404 Not Found", {"message": "not found"})
        if environ.get("REQUEST_METHOD") != "POST":
            return _answer(start_response, "405 Method Not Allowed", {"message": "use POST"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            request = json.loads(environ["wsgi.input"].read(length) or b"null")
            event_id, solution_id = request["eventId"], request["solutionId"]
            topic = request.get("topic", "Meeting")
            if not all(isinstance(value, str) for value in (event_id, solution_id, topic)):
                raise TypeError("eventId, solutionId and topic must be strings")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return _answer(start_response, "400 Bad Request", {"message": f"bad request: {error}"})
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        if not authorization.startswith("Bearer "):
            response = ZoomResponse(401, None)  # no token: Zoom would refuse the call
        else:
            body = {"topic": topic, "type": 2, "agenda": f"Calendar event {event_id}"}
            response = create_meeting(authorization.removeprefix("Bearer "), body)
        return _answer(start_response, "200 OK", conference_for(response, solution_id))

    return application


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stderr, level=logging.INFO)
    with make_server("127.0.0.1", 8080, make_application()) as server:
        print("POST http://127.0.0.1:8080/conference")
        server.serve_forever()
