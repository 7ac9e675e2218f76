"""The Zoom onCreateFunction example, called in-process through WSGI with Zoom mocked and
identity tokens verified by google-auth against FakeGoogleIdentity's certificate."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest

from confdata import ConferenceData, ConferenceErrorType, EntryPointType, validate_addon_json
from confdata.testing import FakeGoogleIdentity

from .provider_fixtures import load


def _load() -> ModuleType:
    path = Path(__file__).parent.parent / "examples" / "zoom_oncreate.py"
    spec = importlib.util.spec_from_file_location("zoom_oncreate", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SERVER = _load()
REQUEST = json.dumps(
    {"solutionId": "acme-zoom", "calendarId": "primary", "eventId": "evt-1"}
).encode()
GOOGLE = FakeGoogleIdentity()
ADA = "110169484474386276334"
GRANTS = {ADA: "t0k"}  # Ada's Google account connected to the Zoom token t0k


class FakeZoom:
    """Zoom's "Create a meeting", answering with a recorded status and body."""

    def __init__(self, status: int, body: object) -> None:
        self.answer = SERVER.ZoomResponse(status, body)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, token: str, request: dict[str, Any]) -> Any:
        self.calls.append((token, request))
        return self.answer


def _call(
    zoom: FakeZoom,
    body: bytes = REQUEST,
    authorization: str | None = None,
    grants: dict[str, str] = GRANTS,
) -> tuple[str, Any]:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update(REQUEST_METHOD="POST", PATH_INFO="/conference", CONTENT_LENGTH=str(len(body)))
    environ["wsgi.input"] = io.BytesIO(body)
    environ["HTTP_AUTHORIZATION"] = authorization or GOOGLE.authorization(subject=ADA)
    seen: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen.append(status)

    application = SERVER.make_application(
        verify=GOOGLE.verifier(), grants=grants, create_meeting=zoom
    )
    chunks = application(environ, start_response)
    return seen[0], json.loads(b"".join(chunks))


def test_a_created_meeting_becomes_addon_markup() -> None:
    """201 with Zoom's meeting: a valid add-on conference with the request's solution ID,
    made with the Zoom token stored for the verified caller."""
    zoom = FakeZoom(201, load("zoom_full"))
    status, body = _call(zoom)
    assert status == "200 OK"
    assert [p for p in validate_addon_json(body) if p.is_error] == []
    data = ConferenceData.from_addon_json(body)
    assert (data.conference_id, data.conference_solution_id) == ("85746352814", "acme-zoom")
    assert data.entry_points[0].type is EntryPointType.VIDEO
    assert data.entry_points[1].region_code == "US"  # the example prefers US numbers
    assert zoom.calls == [
        ("t0k", {"topic": "Calendar meeting", "type": 2, "agenda": "Calendar event evt-1"})
    ]


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, ConferenceErrorType.AUTHENTICATION),
        (403, ConferenceErrorType.PERMISSION_DENIED),
        (429, ConferenceErrorType.TEMPORARY),
        (500, ConferenceErrorType.TEMPORARY),
        (503, ConferenceErrorType.TEMPORARY),
        (404, ConferenceErrorType.PERMANENT),
    ],
)
def test_zoom_errors_become_conference_errors(status: int, kind: ConferenceErrorType) -> None:
    """401 asks the user to sign in; 403 is permission denied; 429 and 5xx are temporary;
    other 4xx permanent."""
    _, body = _call(FakeZoom(status, {"code": 124, "message": "Invalid access token."}))
    assert validate_addon_json(body) == []
    data = ConferenceData.from_addon_json(body)
    assert data.error is not None
    assert data.error.type is kind
    assert data.conference_solution_id == "acme-zoom"
    expected_url = SERVER.SIGN_IN_URL if kind is ConferenceErrorType.AUTHENTICATION else None
    assert data.error.authentication_url == expected_url


def test_no_stored_token_asks_for_sign_in_without_calling_zoom() -> None:
    """A caller who never connected Zoom: AUTHENTICATION, and Zoom is never called."""
    zoom = FakeZoom(201, load("zoom_full"))
    _, body = _call(zoom, grants={})
    assert body["error"] == {"type": "AUTHENTICATION", "authenticationUrl": SERVER.SIGN_IN_URL}
    assert zoom.calls == []


@pytest.mark.parametrize(
    "authorization",
    ["Bearer garbage", GOOGLE.authorization(audience="another-client")],
    ids=["garbage", "audience"],
)
def test_a_caller_google_does_not_vouch_for_gets_401(authorization: str) -> None:
    """A token google-auth refuses: 401 naming the rule, and Zoom is never called."""
    zoom = FakeZoom(201, load("zoom_full"))
    status, body = _call(zoom, authorization=authorization)
    assert status == "401 Unauthorized"
    assert "identity-token" in body["message"]
    assert zoom.calls == []


def test_an_unusable_meeting_is_an_unknown_error_and_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A 201 whose body has no join_url: UNKNOWN for the user, the problem in the log."""
    meeting = load("zoom_full")
    del meeting["join_url"]
    _, body = _call(FakeZoom(201, meeting))
    assert body["error"] == {"type": "UNKNOWN"}
    assert "provider-required at /join_url" in caplog.text


def test_bad_requests_get_400() -> None:
    """No JSON, or JSON that is not the shim's request: 400 with the problems."""
    status, answer = _call(FakeZoom(201, {}), body=b"{")
    assert status == "400 Bad Request"
    assert answer["message"].startswith("not JSON")
    for request in (b"[]", b'{"eventId": 1, "solutionId": "s", "calendarId": "c"}'):
        status, answer = _call(FakeZoom(201, {}), body=request)
        assert status == "400 Bad Request"
        assert answer["problems"][0].startswith("error type at")
