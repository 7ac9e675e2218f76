"""The onCreateFunction example endpoint, called in-process through WSGI."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from wsgiref.util import setup_testing_defaults

from confdata import ConferenceData, ConferenceErrorType, validate_addon_json


def _load() -> ModuleType:
    path = Path(__file__).parent.parent / "examples" / "oncreate_server.py"
    spec = importlib.util.spec_from_file_location("oncreate_server", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SERVER = _load()


def _call(
    body: bytes, *, token: str | None = None, method: str = "POST", path: str = "/conference"
) -> tuple[str, Any]:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update(REQUEST_METHOD=method, PATH_INFO=path, CONTENT_LENGTH=str(len(body)))
    environ["wsgi.input"] = io.BytesIO(body)
    if token is not None:
        environ["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    seen: list[str] = []

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen.append(status)
        assert ("Content-Type", "application/json") in headers

    chunks = SERVER.application(environ, start_response)
    return seen[0], json.loads(b"".join(chunks))


REQUEST = json.dumps({"eventId": "evt-1", "solutionId": "acme-video"}).encode()


def test_success_returns_a_valid_addon_form() -> None:
    """With a token the endpoint returns a valid add-on conference."""
    status, body = _call(REQUEST, token="t")
    assert status == "200 OK"
    assert validate_addon_json(body) == []
    data = ConferenceData.from_addon_json(body)
    assert data.conference_solution_id == "acme-video"
    assert len(data.entry_points) == 2


def test_missing_token_returns_an_authentication_error() -> None:
    """Without a token the answer is an AUTHENTICATION error with the sign-in URL."""
    status, body = _call(REQUEST)
    assert status == "200 OK"
    assert validate_addon_json(body) == []
    data = ConferenceData.from_addon_json(body)
    assert data.error is not None
    assert data.error.type is ConferenceErrorType.AUTHENTICATION
    assert data.error.authentication_url == SERVER.SIGN_IN_URL


def test_bad_requests_get_400() -> None:
    """Malformed JSON, missing or wrong members get a 400 with a message."""
    for body in (b"{", b"[]", b'{"eventId": 1, "solutionId": "s"}', b""):
        status, answer = _call(body, token="t")
        assert status == "400 Bad Request"
        assert answer["message"].startswith("bad request")


def test_wrong_path_and_method() -> None:
    """Other paths are 404, other methods 405."""
    assert _call(REQUEST, path="/")[0] == "404 Not Found"
    assert _call(b"", method="GET")[0] == "405 Method Not Allowed"


def test_invalid_conference_is_reported_not_crashed() -> None:
    """An event ID too long for a parameter value becomes a 400 listing the problem."""
    body = json.dumps({"eventId": "e" * 2000, "solutionId": "acme-video"}).encode()
    status, answer = _call(body, token="t")
    assert status == "400 Bad Request"
    assert "max-length" in answer["problems"][0]
