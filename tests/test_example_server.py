"""The FastAPI onCreateFunction example, driven by TestClient, identity tokens verified by
google-auth against FakeGoogleIdentity's certificate."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from confdata import ConferenceData, ConferenceErrorType, validate_addon_json
from confdata.server import OnCreateRequest
from confdata.testing import FakeGoogleIdentity

PATH = Path(__file__).parent.parent / "examples" / "oncreate_server.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("oncreate_server", PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SERVER = _load()
GOOGLE = FakeGoogleIdentity()
ADA = "110169484474386276334"
BODY = {"solutionId": "acme-video", "calendarId": "primary", "eventId": "evt-1"}


class Provider:
    """The provider's "create a meeting", answering with a set status (the pretend provider's
    meeting for 2xx), and the grants it was called with."""

    def __init__(self, status: int = 201) -> None:
        self.status = status
        self.grants: list[str] = []

    def __call__(self, grant: str, request: OnCreateRequest) -> tuple[int, Any]:
        self.grants.append(grant)
        _, meeting = SERVER.acme_create_meeting(grant, request)
        return self.status, meeting if self.status < 300 else None


def _client(provider: Provider | None = None, **app: Any) -> TestClient:
    settings: dict[str, Any] = {"verify": GOOGLE.verifier(), "grants": {ADA: "ada-acme-token"}}
    settings.update(app)
    if provider is not None:
        settings["create_meeting"] = provider
    return TestClient(SERVER.make_app(**settings))


def _post(client: TestClient, body: object = BODY, **token: Any) -> Any:
    headers = {"Authorization": GOOGLE.authorization(subject=ADA, **token)}
    return client.post("/conference", json=body, headers=headers)


def test_the_apps_script_side_sends_documented_fields_only() -> None:
    """The example's Apps Script line is the shipped requestConferenceData with the onCreate
    argument's eventData fields; nothing reads arg.conferenceSolutionId."""
    source = PATH.read_text(encoding="utf-8")
    assert "return requestConferenceData(BACKEND_URL, {solutionId:" in source
    assert "calendarId: arg.eventData.calendarId, eventId: arg.eventData.eventId" in source
    assert "arg.conferenceSolutionId" not in source
    assert "buildConferenceData(" not in source  # the shipped file defines and calls it


def test_a_user_with_a_grant_gets_the_meeting() -> None:
    """A verified caller with a grant: 200 and a valid add-on conference for the solution,
    made with that user's grant."""
    provider = Provider()
    answer = _post(_client(provider))
    assert answer.status_code == 200
    body = answer.json()
    assert [p for p in validate_addon_json(body) if p.is_error] == []
    data = ConferenceData.from_addon_json(body)
    assert data.conference_solution_id == "acme-video"
    assert [ep.type.value for ep in data.entry_points] == ["video", "phone"]
    assert provider.grants == ["ada-acme-token"]


def test_the_pretend_provider_makes_one_meeting_per_event() -> None:
    """The default provider's meeting code follows from the event ID."""
    client = _client()
    first, again = _post(client).json(), _post(client).json()
    other = _post(client, {**BODY, "eventId": "evt-2"}).json()
    assert first == again
    assert first["conferenceId"] != other["conferenceId"]


def test_a_user_without_a_grant_is_asked_to_sign_in() -> None:
    """No grant for the caller: AUTHENTICATION with the consent URL; the provider is not
    called."""
    provider = Provider()
    answer = _post(_client(provider, grants={}))
    assert answer.status_code == 200
    assert answer.json() == {
        "conferenceSolutionId": "acme-video",
        "error": {"type": "AUTHENTICATION", "authenticationUrl": SERVER.CONSENT_URL},
    }
    assert provider.grants == []


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, ConferenceErrorType.AUTHENTICATION),
        (403, ConferenceErrorType.PERMISSION_DENIED),
        (429, ConferenceErrorType.TEMPORARY),
        (503, ConferenceErrorType.TEMPORARY),
        (404, ConferenceErrorType.PERMANENT),
    ],
)
def test_a_provider_refusal_becomes_its_conference_error(
    status: int, kind: ConferenceErrorType
) -> None:
    """The provider's status maps to the add-on error, still a 200 for the Apps Script."""
    answer = _post(_client(Provider(status)))
    assert answer.status_code == 200
    data = ConferenceData.from_addon_json(answer.json())
    assert data.error is not None
    assert data.error.type is kind


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Basic YWRhOnB3"}, 401),
        ({"Authorization": "Bearer not-a-token"}, 401),
        ({"Authorization": FakeGoogleIdentity(audience=GOOGLE.audience).authorization()}, 401),
        ({"Authorization": GOOGLE.authorization(audience="another-client")}, 401),
    ],
    ids=["missing", "basic", "garbage", "forged", "audience"],
)
def test_a_caller_google_does_not_vouch_for_gets_401(headers: dict[str, str], status: int) -> None:
    """No token, another scheme, garbage, another key, another audience: 401 naming the
    identity-token rule, and nothing is created."""
    provider = Provider()
    answer = _client(provider).post("/conference", json=BODY, headers=headers)
    assert answer.status_code == status
    assert "identity-token" in answer.json()["detail"]
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert provider.grants == []


def test_unreachable_certificates_are_a_503() -> None:
    """When Google's certificates cannot be fetched the backend says 503, not 401."""
    google = FakeGoogleIdentity()
    google.available = False
    answer = _client(verify=google.verifier()).post(
        "/conference", json=BODY, headers={"Authorization": google.authorization()}
    )
    assert answer.status_code == 503


def test_a_request_that_is_not_the_shims_is_a_422_with_confdatas_codes() -> None:
    """The old example's body (conferenceSolutionId, no calendarId) is refused member by
    member."""
    answer = _post(_client(), {"eventId": "evt-1", "conferenceSolutionId": "acme-video"})
    assert answer.status_code == 422
    assert [(d["type"], d["loc"]) for d in answer.json()["detail"]] == [
        ("unknown-field", ["body", "conferenceSolutionId"]),
        ("required", ["body", "solutionId"]),
        ("required", ["body", "calendarId"]),
    ]


def test_the_app_is_configured_from_the_environment() -> None:
    """OAUTH_CLIENT_ID is required and is the audience tokens are verified for; no user has
    a grant yet."""
    with pytest.raises(SystemExit, match="OAUTH_CLIENT_ID"):
        SERVER.app_from_environment({})
    app = SERVER.app_from_environment({"OAUTH_CLIENT_ID": "the-scripts-client"}, GOOGLE.request)
    client = TestClient(app)
    for audience, status in ((GOOGLE.audience, 401), ("the-scripts-client", 200)):
        headers = {"Authorization": GOOGLE.authorization(audience=audience)}
        answer = client.post("/conference", json=BODY, headers=headers)
        assert answer.status_code == status
    assert answer.json()["error"]["type"] == "AUTHENTICATION"
