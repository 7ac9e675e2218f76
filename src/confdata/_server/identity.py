"""Who calls: the Google identity token the shipped Apps Script sends, verified with google-auth.

``requestConferenceData`` sends ``Authorization: Bearer <ScriptApp.getIdentityToken()>``: an
OpenID Connect ID token, signed by Google, for the user Calendar runs the add-on for
[Script-identity]. Its audience (``aud``) is the OAuth client ID of the script's Google Cloud
project, which the backend checks it against (Google's "Connect to Google Cloud services" page
shows how to read it: https://developers.google.com/apps-script/guides/services/cloud-run).
``sub`` names the Google account; with the ``userinfo.email`` scope the token carries
``email`` too. The checks are Google's [ID-token]: the signature against Google's certificates,
``aud``, ``iss`` and ``exp``, made by ``google.oauth2.id_token.verify_oauth2_token``.

google-auth (with requests, its default transport) is the extra ``confdata[server]``; it is
imported only when a token is verified.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

import attrs

from .._core.arguments import Arguments
from .._core.foreign import array, exact_str, member
from .._core.problems import ValidationError
from .._core.sink import Sink
from .._core.text import describe_type, show

if TYPE_CHECKING:
    from google.auth.transport import Request

__all__ = [
    "Caller",
    "IdentityError",
    "IdentityUnavailable",
    "IdentityVerifier",
    "bearer_token",
    "verify_identity_token",
]

CODE = "identity-token"
MAX_CLOCK_SKEW = 300
"""The most clock skew (seconds) allowed for ``iat`` and ``exp``: five minutes."""
_INSTALL = "verifying identity tokens needs google-auth and requests: pip install confdata[server]"
_MAX_REASON = 200


class IdentityError(ValidationError):
    """The caller's identity token is missing or refused (code ``identity-token``): the
    backend answers 401 and creates nothing."""


class IdentityUnavailable(Exception):
    """Google's certificates could not be fetched, so no token can be checked now. Not the
    caller's fault: answer 503 (the shipped Apps Script offers the user a retry)."""


def _refused(message: str) -> IdentityError:
    sink = Sink()
    sink.report(CODE, "", message)
    return IdentityError(sink.finish())


@attrs.frozen(kw_only=True)
class Caller:
    """The Google account an identity token names: key the user's provider grant by
    :attr:`subject`."""

    subject: str
    """The account's stable, unique ID (the token's ``sub``); an email address may change."""
    email: str | None = None
    """The account's email address (only with the ``userinfo.email`` scope)."""
    email_verified: bool = False
    """True when Google has verified :attr:`email`."""
    hosted_domain: str | None = None
    """The Google Workspace domain of the account (``hd``), None for a consumer account."""


def bearer_token(authorization: object) -> str:
    """The token of an ``Authorization: Bearer <token>`` header value (the scheme compared
    without regard to case, RFC 6750). Raises :class:`IdentityError` for a missing header or
    another scheme; the token itself is never shown."""
    header = exact_str(authorization)
    if header is None:
        missing = authorization is None
        raise _refused(
            "the request has no Authorization header (the shipped Apps Script sends "
            "'Bearer <identity token>')"
            if missing
            else f"the Authorization header must be a string (got {describe_type(authorization)})"
        )
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise _refused(
            f"the Authorization header must be 'Bearer <identity token>' (got the scheme "
            f"{show(scheme)}{' and no token' if not token else ''})"
        )
    return token


def _audiences(check: Arguments, audience: object) -> tuple[str, ...]:
    listed = array(audience)
    given = (audience,) if listed is None else tuple(listed)
    found = tuple(exact_str(item) for item in given)
    if not found or any(not text for text in found):
        check.fail(
            "audience",
            "audience must be the script's OAuth client ID, or a sequence of them "
            f"(got {show(audience)})",
        )
        return ()
    return tuple(text for text in found if text)


def _google_auth() -> tuple[ModuleType, ModuleType]:
    """google-auth's ``id_token`` and ``exceptions`` modules."""
    try:
        from google.auth import exceptions
        from google.oauth2 import id_token
    except ImportError as error:
        raise ImportError(_INSTALL) from error
    return id_token, exceptions


def _default_request() -> Request:
    try:
        from google.auth.transport import requests
    except ImportError as error:
        raise ImportError(_INSTALL) from error
    return requests.Request()


def _reason(error: Exception, exceptions: ModuleType) -> str:
    """Why google-auth refused a token, in words that never quote the token: its messages
    about a malformed token do, so those are replaced."""
    if type(error) is KeyError:
        return "the identity token names no issuer (iss)"
    if type(error) is TypeError:
        return "the identity token's claims are not of the kinds Google's have (iat, exp)"
    if isinstance(error, exceptions.InvalidValue) or type(error) is exceptions.GoogleAuthError:
        said = str(error)
        said = said if len(said) <= _MAX_REASON else f"{said[:_MAX_REASON]}…"
        return f"the identity token was refused: {said}"
    return "the identity token is not a well-formed token signed by Google"


def _caller(claims: Mapping[str, Any]) -> Caller:
    subject = exact_str(member(claims, "sub"))
    if not subject:
        raise _refused("the identity token names no account (no sub)")
    email = exact_str(member(claims, "email"))
    return Caller(
        subject=subject,
        email=email,
        email_verified=email is not None and member(claims, "email_verified") is True,
        hosted_domain=exact_str(member(claims, "hd")),
    )


def _settings(audience: object, request: object, clock_skew_seconds: object) -> tuple[Any, ...]:
    check = Arguments()
    audiences = _audiences(check, audience)
    if request is not None:
        check.function("request", request)
    skew = check.count("clock_skew_seconds", clock_skew_seconds, high=MAX_CLOCK_SKEW)
    check.done()
    return audiences, skew


def verify_identity_token(
    token: object,
    *,
    audience: str | tuple[str, ...] | list[str],
    request: Request | None = None,
    clock_skew_seconds: int = 10,
) -> Caller:
    """The :class:`Caller` a Google identity token names, once google-auth has verified it
    for ``audience`` (the script's OAuth client ID, or several).

    ``request`` is google-auth's HTTP transport, which fetches Google's certificates
    (default: a new ``google.auth.transport.requests.Request()``; give one over a caching
    session to fetch them less often). ``clock_skew_seconds`` (at most 300) tolerates a server
    clock a little off Google's. Raises :class:`IdentityError` for a token google-auth refuses,
    :class:`IdentityUnavailable` when the certificates cannot be fetched, and
    :class:`~confdata.ValidationError` for unusable arguments.
    """
    audiences, skew = _settings(audience, request, clock_skew_seconds)
    text = exact_str(token)
    if not text:
        got = describe_type(token) if text is None else "an empty string"
        raise _refused(f"the identity token must be a non-empty string (got {got})")
    id_token, exceptions = _google_auth()
    transport = _default_request() if request is None else request
    try:
        claims = id_token.verify_oauth2_token(
            text,
            transport,
            audience=audiences[0] if len(audiences) == 1 else list(audiences),
            clock_skew_in_seconds=skew,
        )
    except exceptions.TransportError as error:
        raise IdentityUnavailable(f"Google's certificates could not be fetched: {error}") from None
    # google-auth documents ValueError for a token that fails verification and GoogleAuthError
    # for a wrong issuer. Claims of the wrong kind in a signed token reach its checks: no
    # issuer is a KeyError, an ``iat`` or ``exp`` that is no number a TypeError.
    except (ValueError, KeyError, TypeError, exceptions.GoogleAuthError) as error:
        raise _refused(_reason(error, exceptions)) from None
    return _caller(claims)


def _audience_field(value: str | tuple[str, ...] | list[str]) -> Any:
    listed = array(value)
    return value if listed is None else tuple(listed)


@attrs.frozen(kw_only=True)
class IdentityVerifier:
    """Checks the ``Authorization`` header of each onCreate call::

        verify = IdentityVerifier(audience="1234-abc.apps.googleusercontent.com")
        caller = verify(request.headers.get("Authorization"))

    The settings are those of :func:`verify_identity_token`, checked when it is made.
    """

    audience: str | tuple[str, ...] = attrs.field(converter=_audience_field)
    """The script's OAuth client ID (or several)."""
    request: Request | None = attrs.field(default=None, eq=False, repr=False)
    """google-auth's transport (default: a new requests transport per call)."""
    clock_skew_seconds: int = 10
    """The clock skew tolerated for ``iat`` and ``exp``, in seconds."""

    def __attrs_post_init__(self) -> None:
        _settings(self.audience, self.request, self.clock_skew_seconds)

    def __call__(self, authorization: object) -> Caller:
        """The caller an ``Authorization`` header value names (see :func:`bearer_token`)."""
        return verify_identity_token(
            bearer_token(authorization),
            audience=self.audience,
            request=self.request,
            clock_skew_seconds=self.clock_skew_seconds,
        )
