"""An add-on's onCreateFunction served from Python: a FastAPI backend for the shipped Apps Script.

The Apps Script project holds the file ``confdata apps-script`` prints, the manifest fragment
``confdata apps-script --manifest`` prints, and one line per conference solution::

    function onCreateAcme(arg) {
      return requestConferenceData(BACKEND_URL, {solutionId: "acme-video",
          calendarId: arg.eventData.calendarId, eventId: arg.eventData.eventId});
    }

``requestConferenceData`` POSTs that request with the user's Google identity token
(``Authorization: Bearer <ScriptApp.getIdentityToken()>``) and builds Calendar's
``ConferenceData`` from the add-on form this backend answers with. The backend:

1. reads the request (:class:`confdata.server.OnCreateRequest`; anything else is a 422);
2. learns who asks from the identity token (:class:`confdata.server.IdentityVerifier`; a token
   it refuses is a 401, Google's certificates out of reach a 503);
3. looks up that user's grant to the provider: without one, the answer asks the user to sign
   in (``AUTHENTICATION`` with the consent URL);
4. asks the provider for a meeting and answers with the conference, or with the error the
   provider's status maps to (:func:`confdata.server.provider_answer`).

The provider here is a pretend one (Acme) that makes a meeting from the event ID. Run it with
``pip install 'confdata[server]' fastapi uvicorn`` and
``OAUTH_CLIENT_ID=<the script's OAuth client ID> python examples/oncreate_server.py``.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Mapping
from typing import Annotated, NamedTuple

from fastapi import Body, FastAPI, Header, HTTPException
from google.auth.transport import Request

from confdata import ConferenceData, ConferenceDataBuilder, EntryPoint, EntryPointFeature
from confdata.pydantic import AddonForm
from confdata.server import (
    Caller,
    IdentityError,
    IdentityUnavailable,
    IdentityVerifier,
    OnCreateRequest,
    no_grant_answer,
    provider_answer,
)

CONSENT_URL = "https://acme.example/oauth/authorize?client_id=calendar-add-on"
"""Where a user grants the add-on access to their Acme account."""


class Meeting(NamedTuple):
    """A meeting as the pretend provider describes it."""

    code: str
    join_url: str
    dial_in: str
    pin: str


CreateMeeting = Callable[[str, OnCreateRequest], tuple[int, Meeting | None]]
"""``(the user's grant, the request) -> (HTTP status, the meeting or None)``."""


def acme_create_meeting(grant: str, request: OnCreateRequest) -> tuple[int, Meeting | None]:
    """The pretend provider: a meeting per event, for any grant."""
    digest = hashlib.sha256(request.event_id.encode()).hexdigest()
    code = f"{digest[:3]}-{digest[3:6]}-{digest[6:9]}"
    pin = str(int(digest[:12], 16) % 10**6).zfill(6)
    return 201, Meeting(code, f"https://acme.example/j/{code}", "tel:+12025550123", pin)


def meeting_conference(meeting: Meeting) -> ConferenceData:
    """The conference of one of Acme's meetings."""
    return (
        ConferenceDataBuilder()
        .conference_id(meeting.code)
        .entry_point(EntryPoint.video(meeting.join_url, meeting_code=meeting.code))
        .entry_point(
            EntryPoint.phone(
                meeting.dial_in,
                pin=meeting.pin,
                region_code="US",
                features=[EntryPointFeature.TOLL],
            )
        )
        .build()
    )


def make_app(
    *,
    verify: Callable[[object], Caller],
    grants: Mapping[str, str],
    create_meeting: CreateMeeting = acme_create_meeting,
    consent_url: str = CONSENT_URL,
) -> FastAPI:
    """The backend: ``verify`` reads an ``Authorization`` header (an
    :class:`~confdata.server.IdentityVerifier`), ``grants`` holds each Google account's grant
    to the provider by its ``sub`` (a real backend keeps what its OAuth flow stored)."""
    app = FastAPI(title="Acme conferencing add-on")

    @app.post("/conference")
    def conference(
        request: Annotated[OnCreateRequest, Body()],
        authorization: Annotated[str | None, Header()] = None,
    ) -> Annotated[ConferenceData, AddonForm]:
        try:
            caller = verify(authorization)
        except IdentityError as error:
            raise HTTPException(
                401, detail=str(error), headers={"WWW-Authenticate": "Bearer"}
            ) from None
        except IdentityUnavailable as error:
            raise HTTPException(503, detail=str(error)) from None
        grant = grants.get(caller.subject)
        if grant is None:
            return no_grant_answer(request, consent_url=consent_url)
        status, meeting = create_meeting(grant, request)
        return provider_answer(
            request,
            status=status,
            body=meeting,
            convert=meeting_conference,
            consent_url=consent_url,
        )

    return app


def app_from_environment(environ: Mapping[str, str], request: Request | None = None) -> FastAPI:
    """The backend configured from the environment: ``OAUTH_CLIENT_ID`` is the audience of
    the script's identity tokens (``request``: google-auth's transport, by default one over
    requests). No user has a grant yet, so each is asked to sign in."""
    client_id = environ.get("OAUTH_CLIENT_ID")
    if not client_id:
        raise SystemExit("set OAUTH_CLIENT_ID to the OAuth client ID of the script's project")
    return make_app(verify=IdentityVerifier(audience=client_id, request=request), grants={})


if __name__ == "__main__":
    import uvicorn

    print("POST http://127.0.0.1:8080/conference", file=sys.stderr)
    uvicorn.run(app_from_environment(os.environ), host="127.0.0.1", port=8080)
