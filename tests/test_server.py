"""The Python half of the onCreate contract: the request, the caller's identity, the answer.

Identity tokens are verified by google-auth for real: FakeGoogleIdentity signs them with a key
made for the test and serves its certificate through google-auth's transport interface.
"""

from __future__ import annotations

import base64
import datetime
import json
import logging
import subprocess
import sys
from functools import partial
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confdata import ConferenceData, ConferenceErrorType, ValidationError, validate_addon_json
from confdata.providers import ProviderOptions, from_zoom
from confdata.server import (
    Caller,
    IdentityError,
    IdentityUnavailable,
    IdentityVerifier,
    OnCreateRequest,
    bearer_token,
    error_answer,
    error_for_status,
    no_grant_answer,
    provider_answer,
    verify_identity_token,
)
from confdata.testing import FakeGoogleIdentity
from confdata.testing._identity import CERTS_URL

from .provider_fixtures import load

BODY = {"solutionId": "acme-video", "calendarId": "primary", "eventId": "evt123"}
REQUEST = OnCreateRequest(solution_id="acme-video", calendar_id="primary", event_id="evt123")
CONSENT = "https://acme.example/oauth/start"


def _now() -> datetime.datetime:
    """The time now: read when a token is made, never at import (a run may take minutes)."""
    return datetime.datetime.now(datetime.UTC)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=10,
)


GOOGLE = FakeGoogleIdentity()  # one RSA key for the module


@pytest.fixture
def google() -> FakeGoogleIdentity:
    """Google's side of identity tokens."""
    return GOOGLE


def _codes(error: ValidationError) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in error.problems]


# The request ---------------------------------------------------------------------------


def test_the_request_the_shim_sends_is_read() -> None:
    """The shim's three members become the request's fields, and to_json gives them back."""
    request = OnCreateRequest.from_json(BODY)
    assert request == REQUEST
    assert request.to_json() == BODY


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ([], [("type", "")]),
        (None, [("type", "")]),
        ({}, [("required", "/solutionId"), ("required", "/calendarId"), ("required", "/eventId")]),
        ({**BODY, "eventId": 7}, [("type", "/eventId")]),
        ({**BODY, "calendarId": ""}, [("empty", "/calendarId")]),
        ({**BODY, "solutionId": ""}, [("empty", "/solutionId")]),
        ({**BODY, "solutionId": "s" * 513}, [("max-length", "/solutionId")]),
        ({**BODY, "conferenceSolutionId": "x"}, [("unknown-field", "/conferenceSolutionId")]),
        (
            {"solutionId": None, "eventId": "e", "topic": "Review"},
            [("type", "/solutionId"), ("unknown-field", "/topic"), ("required", "/calendarId")],
        ),
    ],
)
def test_anything_else_is_a_validation_error_listing_every_problem(
    body: object, expected: list[tuple[str, str]]
) -> None:
    """A request that is not exactly the shim's gets every problem at once, pointing into it."""
    with pytest.raises(ValidationError) as caught:
        OnCreateRequest.from_json(body)
    assert _codes(caught.value) == expected


def test_a_request_made_directly_is_checked_too() -> None:
    """The constructor checks what from_json checks."""
    with pytest.raises(ValidationError) as caught:
        OnCreateRequest(solution_id="acme", calendar_id=3, event_id="")  # type: ignore[arg-type]
    assert _codes(caught.value) == [("type", "/calendarId"), ("empty", "/eventId")]


@settings(max_examples=60, deadline=None)
@given(st.one_of(JSON, st.dictionaries(st.sampled_from([*BODY, "x"]), JSON)))
def test_reading_any_json_gives_a_request_or_a_validation_error(body: object) -> None:
    """No JSON makes the reader raise anything but ValidationError."""
    try:
        request = OnCreateRequest.from_json(body)
    except ValidationError as error:
        problems = error.problems
    else:
        assert request.to_json() == body
        return
    assert problems


def test_pydantic_reads_the_request_with_the_same_reader() -> None:
    """As a pydantic type the request is read by from_json, its problems pydantic errors."""
    adapter = pydantic.TypeAdapter(OnCreateRequest)
    assert adapter.validate_json(json.dumps(BODY)) == REQUEST
    assert adapter.dump_python(REQUEST) == BODY
    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python({**BODY, "eventId": ""})
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [("empty", ("eventId",))]
    assert adapter.json_schema()["required"] == ["solutionId", "calendarId", "eventId"]


# The caller's identity ----------------------------------------------------------------


def test_a_token_google_signed_for_the_script_names_the_caller(
    google: FakeGoogleIdentity,
) -> None:
    """A valid token gives the account's sub, email and whether it is verified, and the
    certificates were fetched from Google's certificate URL."""
    google.fetched.clear()
    caller = google.verifier()(
        google.authorization(subject="42", email="ada@example.com", hd="example.com")
    )
    assert caller == Caller(
        subject="42", email="ada@example.com", email_verified=True, hosted_domain="example.com"
    )
    assert google.fetched == [("GET", CERTS_URL)]


def test_without_the_email_scope_there_is_no_email(google: FakeGoogleIdentity) -> None:
    """A token without an email claim gives email None, not verified."""
    caller = google.verifier()(google.authorization(subject="7", email=None))
    assert (caller.subject, caller.email, caller.email_verified) == ("7", None, False)


def test_both_of_googles_issuers_are_accepted(google: FakeGoogleIdentity) -> None:
    """iss may be accounts.google.com or https://accounts.google.com."""
    verify = google.verifier()
    for issuer in ("accounts.google.com", "https://accounts.google.com"):
        assert verify(google.authorization(issuer=issuer)).subject


def test_one_of_several_audiences_is_enough(google: FakeGoogleIdentity) -> None:
    """A verifier given several client IDs accepts a token for any of them."""
    verify = IdentityVerifier(audience=("other-client", google.audience), request=google.request)
    assert verify(google.authorization()).subject


def _refused(google: FakeGoogleIdentity, authorization: object, **verifier: Any) -> str:
    with pytest.raises(IdentityError) as caught:
        google.verifier(**verifier)(authorization)
    assert _codes(caught.value) == [("identity-token", "")]
    return str(caught.value)


@pytest.mark.parametrize(
    ("token", "said"),
    [
        ({"issued_at": -datetime.timedelta(hours=2)}, "Token expired"),
        ({"issued_at": datetime.timedelta(minutes=5)}, "Token used too early"),
        ({"audience": "someone-elses-client"}, "wrong audience"),
        ({"issuer": "https://evil.example"}, "Wrong issuer"),
        ({"iss": None}, "no issuer"),
        ({"sub": None}, "no account"),
        ({"exp": "tomorrow"}, "claims are not of the kinds"),
    ],
    ids=["expired", "early", "audience", "issuer", "no-issuer", "no-subject", "bad-exp"],
)
def test_a_token_google_would_refuse_is_an_identity_error(
    google: FakeGoogleIdentity, token: dict[str, Any], said: str
) -> None:
    """Expired, not yet valid, another audience, another issuer, claims missing or of the
    wrong kind: each an IdentityError saying why (times are offsets from now)."""
    if "issued_at" in token:
        token = {**token, "issued_at": _now() + token["issued_at"]}
    assert said in _refused(google, google.authorization(**token))


def test_a_token_signed_by_another_key_is_refused(google: FakeGoogleIdentity) -> None:
    """A token whose signature Google's certificate does not verify is refused, and the
    token is never quoted."""
    forged = FakeGoogleIdentity(audience=google.audience).token()
    message = _refused(google, f"Bearer {forged}")
    assert "not a well-formed token signed by Google" in message
    assert forged not in message


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        7,
        "",
        "Bearer",
        "Basic dXNlcjpwdw==",
        "Bearer a b",
        "Bearer garbage",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
        "Bearer " + "x" * 5000,
    ],
)
def test_a_missing_or_garbage_token_is_an_identity_error(
    google: FakeGoogleIdentity, authorization: object
) -> None:
    """No header, another scheme, or a token that is no JWT: an IdentityError."""
    _refused(google, authorization)


def _segment(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "alg": st.sampled_from(["RS256", "ES256", "HS256", "none"]) | JSON,
        "kid": st.just("fake-google-key") | JSON,
        "typ": JSON,
    },
)
# Tokens of three segments, as JWTs are, with headers and payloads of any JSON: the paths
# past the parsing reach google-auth's header, key and signature checks.
TOKENS = st.text() | st.builds(
    lambda header, payload, signature: ".".join(
        (_segment(header), _segment(payload), base64.urlsafe_b64encode(signature).decode())
    ),
    HEADERS | JSON,
    JSON,
    st.binary(max_size=300),
)


@settings(max_examples=60, deadline=None)
@given(TOKENS)
def test_no_token_leaks_an_exception_of_google_auth(token: str) -> None:
    """Whatever the token, verification raises IdentityError and nothing of google-auth's,
    and its message quotes no part of the token."""
    with pytest.raises(IdentityError) as caught:
        GOOGLE.verifier()(f"Bearer {token}")
    assert caught.value.problems[0].code == "identity-token"
    message = str(caught.value)
    for part in token.split("."):
        assert len(part) < 12 or part not in message, part


def test_the_clock_skew_is_tolerated_as_configured(google: FakeGoogleIdentity) -> None:
    """A token issued a few seconds ahead of this clock passes with the default skew of 10
    seconds and fails with none."""
    token = google.authorization(issued_at=_now() + datetime.timedelta(seconds=5))
    assert google.verifier()(token).subject
    strict = IdentityVerifier(
        audience=google.audience, request=google.request, clock_skew_seconds=0
    )
    with pytest.raises(IdentityError):
        strict(token)


def test_unreachable_certificates_are_not_the_callers_fault(google: FakeGoogleIdentity) -> None:
    """When Google's certificates cannot be fetched: IdentityUnavailable, which is no
    ValidationError (the backend answers 503, not 401)."""
    google.available = False
    try:
        with pytest.raises(IdentityUnavailable) as caught:
            google.verifier()(google.authorization())
    finally:
        google.available = True
    assert not isinstance(caught.value, ValidationError)


def test_the_fake_serves_only_googles_certificate_url(google: FakeGoogleIdentity) -> None:
    """The transport answers GET of the certificate URL with key ID to PEM, 404 otherwise."""
    answer = google.request(CERTS_URL)
    assert answer.status == 200
    assert json.loads(answer.data) == google.certificates()
    assert google.request(CERTS_URL, method="POST").status == 404
    assert google.request("https://www.googleapis.com/oauth2/v3/certs").status == 404


def test_bearer_token_reads_the_scheme_without_regard_to_case() -> None:
    """bearer and BEARER are Bearer (RFC 6750); surrounding spaces are ignored."""
    assert bearer_token("bearer abc") == bearer_token(" BEARER abc ") == "abc"


@pytest.mark.parametrize(
    ("arguments", "paths"),
    [
        ({"audience": ""}, ["/audience"]),
        ({"audience": ()}, ["/audience"]),
        ({"audience": ["ok", 3]}, ["/audience"]),
        pytest.param(
            {"audience": "a", "clock_skew_seconds": 10**5000}, ["/clock_skew_seconds"], id="huge"
        ),
        ({"audience": "a", "clock_skew_seconds": -1}, ["/clock_skew_seconds"]),
        ({"audience": "a", "request": "not callable"}, ["/request"]),
        ({"audience": 1, "clock_skew_seconds": 1.5}, ["/audience", "/clock_skew_seconds"]),
    ],
)
def test_unusable_settings_are_one_validation_error(
    arguments: dict[str, Any], paths: list[str]
) -> None:
    """A verifier's settings are checked when it is made, every problem at once."""
    with pytest.raises(ValidationError) as caught:
        IdentityVerifier(**arguments)
    assert [p.path for p in caught.value.problems] == paths
    with pytest.raises(ValidationError):
        verify_identity_token("token", **arguments)


def test_without_google_auth_the_extra_is_named() -> None:
    """Verifying a token without google-auth installed says to install confdata[server]."""
    code = (
        "import sys\n"
        "sys.modules['google.oauth2'] = None\n"
        "from confdata.server import verify_identity_token\n"
        "try:\n"
        "    verify_identity_token('t', audience='a')\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install confdata[server]" in ran.stdout


# The answer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (200, None),
        (201, None),
        (204, None),
        (401, ConferenceErrorType.AUTHENTICATION),
        (403, ConferenceErrorType.PERMISSION_DENIED),
        (408, ConferenceErrorType.TEMPORARY),
        (429, ConferenceErrorType.TEMPORARY),
        (500, ConferenceErrorType.TEMPORARY),
        (503, ConferenceErrorType.TEMPORARY),
        (599, ConferenceErrorType.TEMPORARY),
        (400, ConferenceErrorType.PERMANENT),
        (404, ConferenceErrorType.PERMANENT),
        (409, ConferenceErrorType.PERMANENT),
        (499, ConferenceErrorType.PERMANENT),
        (100, ConferenceErrorType.UNKNOWN),
        (302, ConferenceErrorType.UNKNOWN),
    ],
)
def test_each_status_maps_to_its_documented_error(
    status: int, kind: ConferenceErrorType | None
) -> None:
    """2xx succeeds; 401 asks to sign in; 403 is permission denied; 408, 429 and 5xx are
    temporary; other 4xx permanent; anything else unknown."""
    assert error_for_status(status) is kind


@pytest.mark.parametrize(
    "status",
    [99, 600, -1, pytest.param(10**5000, id="huge"), 200.0, True, "200"],
)
def test_a_status_that_is_no_http_status_is_a_validation_error(status: object) -> None:
    """The status must be an integer from 100 to 599."""
    with pytest.raises(ValidationError) as caught:
        error_for_status(status)  # type: ignore[arg-type]
    assert _codes(caught.value) == [("type", "/status")]


def test_no_grant_asks_the_user_to_sign_in_at_the_consent_url() -> None:
    """Without a grant: AUTHENTICATION with the provider's consent URL, for the solution."""
    answer = no_grant_answer(REQUEST, consent_url=CONSENT).to_addon_json()
    assert answer == {
        "conferenceSolutionId": "acme-video",
        "error": {"type": "AUTHENTICATION", "authenticationUrl": CONSENT},
    }
    assert validate_addon_json(answer) == []


ZOOM = partial(from_zoom, options=ProviderOptions(regions=("US",)))


def test_a_created_meeting_becomes_the_conference_with_the_requests_solution() -> None:
    """2xx: the converted meeting, given the request's solution ID when it has none."""
    answer = provider_answer(
        REQUEST, status=201, body=load("zoom_full"), convert=ZOOM, consent_url=CONSENT
    )
    assert answer.conference_solution_id == "acme-video"
    assert answer.conference_id == "85746352814"
    assert [p for p in validate_addon_json(answer.to_addon_json()) if p.is_error] == []


def test_a_solution_id_the_conversion_set_is_kept() -> None:
    """A conversion that names its solution keeps it."""
    convert = partial(from_zoom, options=ProviderOptions(solution_id="zoom-solution"))
    answer = provider_answer(
        REQUEST, status=200, body=load("zoom_full"), convert=convert, consent_url=CONSENT
    )
    assert answer.conference_solution_id == "zoom-solution"


@pytest.mark.parametrize("status", [401, 403, 404, 429, 500])
def test_a_refusal_becomes_the_error_of_its_status(status: int) -> None:
    """A provider's error status becomes error_for_status's error; only AUTHENTICATION
    carries the consent URL, and the body is not read."""
    answer = provider_answer(
        REQUEST, status=status, body={"message": "no"}, convert=ZOOM, consent_url=CONSENT
    )
    assert answer.error is not None
    assert answer.error.type is error_for_status(status)
    expected = CONSENT if status == 401 else None
    assert answer.error.authentication_url == expected
    assert answer.conference_solution_id == "acme-video"
    assert validate_addon_json(answer.to_addon_json()) == []


def test_a_success_that_is_no_meeting_is_unknown_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A 2xx body the conversion rejects: UNKNOWN for the user, the problems in the log."""
    meeting = load("zoom_full")
    del meeting["join_url"]
    with caplog.at_level(logging.ERROR, logger="confdata.server"):
        answer = provider_answer(
            REQUEST, status=201, body=meeting, convert=ZOOM, consent_url=CONSENT
        )
    assert answer.to_addon_json() == {
        "conferenceSolutionId": "acme-video",
        "error": {"type": "UNKNOWN"},
    }
    assert "provider-required at /join_url" in caplog.text


def test_a_conversion_that_returns_no_conference_is_a_programming_error() -> None:
    """convert must return a ConferenceData; anything else is a TypeError at once."""
    with pytest.raises(TypeError, match="convert must return a ConferenceData"):
        provider_answer(REQUEST, status=200, body={}, convert=dict, consent_url=CONSENT)  # type: ignore[arg-type]


def test_an_error_answer_for_any_type() -> None:
    """error_answer makes the error of any type for the request's solution."""
    answer = error_answer(REQUEST, ConferenceErrorType.CONFERENCE_SOLUTION_FORBIDDEN)
    assert answer == ConferenceData.from_addon_json(
        {"conferenceSolutionId": "acme-video", "error": {"type": "CONFERENCE_SOLUTION_FORBIDDEN"}}
    )
