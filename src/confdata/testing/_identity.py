"""Google's side of an identity token, for tests: tokens signed with a key made for the test,
and Google's certificate endpoint served to google-auth from memory.

An identity token from ``ScriptApp.getIdentityToken()`` is a Google ID token: a JWT signed with
RS256 by one of Google's keys, whose certificates Google publishes as a JSON object of key ID
to PEM certificate at https://www.googleapis.com/oauth2/v1/certs (the PEM form named by
https://developers.google.com/identity/gsi/web/guides/verify-google-id-token), which
``google.oauth2.id_token.verify_oauth2_token`` fetches. :class:`FakeGoogleIdentity` makes an RSA
key and a certificate for it, signs tokens with Google's claims (``iss``, ``aud``, ``azp``,
``sub``, ``email``, ``iat``, ``exp``), and answers that URL through google-auth's documented
transport interface, ``google.auth.transport.Request`` returning a
``google.auth.transport.Response`` (``status``, ``headers``, ``data``):
https://googleapis.dev/python/google-auth/latest/reference/google.auth.transport.html

It needs google-auth and cryptography (``pip install confdata[server] cryptography``).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from google.auth import crypt, exceptions, jwt, transport

from .._server.identity import IdentityVerifier

__all__ = ["CERTS_URL", "FakeGoogleIdentity"]

CERTS_URL = "https://www.googleapis.com/oauth2/v1/certs"
"""Where Google publishes the PEM certificates of the keys that sign its ID tokens."""
ISSUER = "https://accounts.google.com"
AUDIENCE = "1234567890-test.apps.googleusercontent.com"
_LIFETIME = datetime.timedelta(hours=1)  # Google's ID tokens are valid for an hour


class _Response(transport.Response):
    """An HTTP answer as google-auth's transports return it."""

    def __init__(self, status: int, body: bytes, headers: Mapping[str, str]) -> None:
        self._status = status
        self._body = body
        self._headers = dict(headers)

    @property
    def status(self) -> int:
        return self._status

    @property
    def headers(self) -> Mapping[str, str]:
        return self._headers

    @property
    def data(self) -> bytes:
        return self._body


class _CertsEndpoint(transport.Request):
    """google-auth's transport, answering Google's certificate URL from memory: GET of
    :data:`CERTS_URL` gives the certificates, anything else 404; with ``available`` False
    (Google unreachable) every call raises google-auth's ``TransportError``."""

    def __init__(self, identity: FakeGoogleIdentity) -> None:
        self._identity = identity

    def __call__(
        self,
        url: str,
        method: str = "GET",
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        **kwargs: Any,
    ) -> _Response:
        identity = self._identity
        identity.fetched.append((method, url))
        if not identity.available:  # as a real transport says any failure to connect
            unreachable = f"the fake Google is unreachable ({url})"
            raise exceptions.TransportError(unreachable)  # type: ignore[no-untyped-call]
        if method != "GET" or url != CERTS_URL:
            return _Response(404, b"Not Found", {"Content-Type": "text/plain"})
        return _Response(
            200,
            json.dumps(identity.certificates()).encode(),
            {"Content-Type": "application/json; charset=UTF-8", "Cache-Control": "max-age=3600"},
        )


class FakeGoogleIdentity:
    """A stand-in for Google's identity tokens: :meth:`token` signs one, :attr:`request` is the
    google-auth transport that serves the matching certificate, :meth:`verifier` an
    :class:`~confdata.server.IdentityVerifier` that uses it::

        google = FakeGoogleIdentity()
        verify = google.verifier()
        assert verify(google.authorization(subject="42")).subject == "42"

    ``available = False`` makes the certificate endpoint unreachable; :attr:`fetched` lists the
    ``(method, url)`` of each call made to it.
    """

    def __init__(self, *, audience: str = AUDIENCE, key_id: str = "fake-google-key") -> None:
        self.audience = audience
        """The OAuth client ID tokens are issued for by default (the script's)."""
        self.key_id = key_id
        self.available = True
        """False: Google's certificate endpoint cannot be reached."""
        self.fetched: list[tuple[str, str]] = []
        """The ``(method, url)`` of every call made to the transport."""
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._certificate = _self_signed(self._key)
        pem = self._key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        self._signer = crypt.RSASigner.from_string(pem, key_id=key_id)  # type: ignore[no-untyped-call]
        self.request: transport.Request = _CertsEndpoint(self)
        """google-auth's transport, serving the certificate of this identity's key."""

    def certificates(self) -> dict[str, str]:
        """What Google's certificate URL answers: key ID to PEM certificate."""
        return {self.key_id: self._certificate.public_bytes(serialization.Encoding.PEM).decode()}

    def token(
        self,
        *,
        subject: str = "110169484474386276334",
        email: str | None = "user@example.com",
        audience: str | None = None,
        issuer: str = ISSUER,
        issued_at: datetime.datetime | None = None,
        lifetime: datetime.timedelta = _LIFETIME,
        **claims: Any,
    ) -> str:
        """An identity token as ``ScriptApp.getIdentityToken()`` returns it, signed with this
        identity's key; ``claims`` add or replace claims (None removes one)."""
        issued = issued_at or datetime.datetime.now(datetime.UTC)
        payload: dict[str, Any] = {
            "iss": issuer,
            "azp": audience or self.audience,
            "aud": audience or self.audience,
            "sub": subject,
            "iat": int(issued.timestamp()),
            "exp": int((issued + lifetime).timestamp()),
        }
        if email is not None:
            payload["email"] = email
            payload["email_verified"] = True
        payload.update(claims)
        payload = {name: value for name, value in payload.items() if value is not None}
        signed: bytes = jwt.encode(self._signer, payload)  # type: ignore[no-untyped-call]
        return signed.decode()

    def authorization(self, **token: Any) -> str:
        """The ``Authorization`` header the shipped Apps Script sends (``Bearer`` and
        :meth:`token` of ``token``)."""
        return f"Bearer {self.token(**token)}"

    def verifier(self, *, audience: str | None = None) -> IdentityVerifier:
        """An :class:`~confdata.server.IdentityVerifier` for ``audience`` (default: this
        identity's) that fetches the certificates from :attr:`request`."""
        return IdentityVerifier(audience=audience or self.audience, request=self.request)


def _self_signed(key: rsa.RSAPrivateKey) -> x509.Certificate:
    """A certificate of ``key``'s public half, as Google publishes its keys'."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake-google-identity")])
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
