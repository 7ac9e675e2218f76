"""The Python half of an add-on's onCreateFunction (implemented in :mod:`confdata._server`).

The shipped Apps Script (``confdata apps-script``) POSTs an :class:`OnCreateRequest` with the
user's Google identity token; the backend reads the request, learns the :class:`Caller` with an
:class:`IdentityVerifier` (google-auth: ``pip install 'confdata[server]'``), asks its provider
for the conference with that user's grant, and answers 200 with the add-on form of
:func:`provider_answer`, :func:`no_grant_answer` or :func:`error_answer`. The how-to page
"Serve an add-on's onCreateFunction from Python" shows it whole.
"""

from __future__ import annotations

from ._server.answers import error_answer, error_for_status, no_grant_answer, provider_answer
from ._server.identity import (
    Caller,
    IdentityError,
    IdentityUnavailable,
    IdentityVerifier,
    bearer_token,
    verify_identity_token,
)
from ._server.request import OnCreateRequest, OnCreateRequestJSON

__all__ = [
    "Caller",
    "IdentityError",
    "IdentityUnavailable",
    "IdentityVerifier",
    "OnCreateRequest",
    "OnCreateRequestJSON",
    "bearer_token",
    "error_answer",
    "error_for_status",
    "no_grant_answer",
    "provider_answer",
    "verify_identity_token",
]
