"""An ``onCreateFunction`` backend that creates a Zoom meeting (standard library WSGI and confdata).

The shipped Apps Script (``confdata apps-script``, see ``oncreate_server.py``) POSTs the onCreate
request (``solutionId``, ``calendarId``, ``eventId``) with the user's Google identity token. The
backend verifies the token (:class:`confdata.server.IdentityVerifier`), takes the Zoom OAuth token
it stored for that Google account when the user connected Zoom, calls Zoom's "Create a meeting"
(``POST /v2/users/me/meetings``) with it, and answers 200 with the add-on form that
:func:`confdata.server.provider_answer` makes of Zoom's answer:

- 201: the meeting, converted by :func:`confdata.providers.from_zoom`;
- no Zoom token stored, or 401 from Zoom: ``AUTHENTICATION`` with Zoom's authorize URL;
- 403: ``PERMISSION_DENIED``; 408, 429 or 5xx: ``TEMPORARY``; any other 4xx: ``PERMANENT``;
- a 2xx body that is no meeting: ``UNKNOWN``, its problems logged.

A request that is not the shim's is a 400, a caller Google does not vouch for a 401.
``make_application(verify=..., grants=..., create_meeting=...)`` takes the identity check, the
stored Zoom tokens and the function that talks to Zoom, so that tests give it their own. Run it
with ``OAUTH_CLIENT_ID=<the script's client ID> python examples/zoom_oncreate.py``.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, NamedTuple
from wsgiref.simple_server import make_server

from confdata import ValidationError
from confdata.providers import ProviderOptions, from_zoom
from confdata.server import (
    Caller,
    IdentityError,
    IdentityUnavailable,
    IdentityVerifier,
    OnCreateRequest,
    no_grant_answer,
    provider_answer,
)

ZOOM_CREATE_MEETING = "https://api.zoom.us/v2/users/me/meetings"
SIGN_IN_URL = "https://zoom.us/oauth/authorize?response_type=code&client_id=acme-addon"
StartResponse = Callable[[str, list[tuple[str, str]]], Any]
CONVERT = partial(from_zoom, options=ProviderOptions(regions=("US",)))
"""Zoom's meeting as a conference, US numbers shown first."""


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


def _answer(start_response: StartResponse, status: str, body: object) -> Iterable[bytes]:
    payload = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))]
    )
    return [payload]


def make_application(
    *,
    verify: Callable[[object], Caller],
    grants: Mapping[str, str],
    create_meeting: CreateMeeting = zoom_over_http,
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """The WSGI application: ``POST /conference`` with the onCreate request. ``grants`` maps
    a Google account's ``sub`` to the Zoom OAuth token stored for it."""

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/conference":
            return _answer(start_response, "404 Not Found", {"message": "not found"})
        if environ.get("REQUEST_METHOD") != "POST":
            return _answer(start_response, "405 Method Not Allowed", {"message": "use POST"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            request = OnCreateRequest.from_json(json.loads(environ["wsgi.input"].read(length)))
        except ValidationError as error:
            problems = [str(problem) for problem in error.problems]
            return _answer(start_response, "400 Bad Request", {"problems": problems})
        except ValueError as error:  # no JSON at all
            return _answer(start_response, "400 Bad Request", {"message": f"not JSON: {error}"})
        try:
            caller = verify(environ.get("HTTP_AUTHORIZATION"))
        except IdentityError as error:
            return _answer(start_response, "401 Unauthorized", {"message": str(error)})
        except IdentityUnavailable as error:
            return _answer(start_response, "503 Service Unavailable", {"message": str(error)})
        token = grants.get(caller.subject)
        if token is None:
            answer = no_grant_answer(request, consent_url=SIGN_IN_URL)
        else:
            meeting = {
                "topic": "Calendar meeting",
                "type": 2,  # a scheduled meeting
                "agenda": f"Calendar event {request.event_id}",
            }
            response = create_meeting(token, meeting)
            answer = provider_answer(
                request,
                status=response.status,
                body=response.body,
                convert=CONVERT,
                consent_url=SIGN_IN_URL,
            )
        return _answer(start_response, "200 OK", answer.to_addon_json())

    return application


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stderr, level=logging.INFO)
    verify = IdentityVerifier(audience=os.environ["OAUTH_CLIENT_ID"])
    application = make_application(verify=verify, grants={})  # no Zoom account connected yet
    with make_server("127.0.0.1", 8080, application) as server:
        print("POST http://127.0.0.1:8080/conference")
        server.serve_forever()
