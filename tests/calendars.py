"""Shared by the fake-Calendar tests: a client on a fake, events and conferences to write."""

from __future__ import annotations

import json
from typing import Any

from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

from confdata.testing import FakeCalendar


def client(fake: FakeCalendar) -> Any:
    """google-api-python-client's Calendar service, talking to ``fake``."""
    return build("calendar", "v3", http=fake.http(), static_discovery=True)


def as_the_add_on(**options: Any) -> FakeCalendar:
    """A fake that takes writes of addOn conference data, for tests that play the add-on's
    own client. Calendar refuses such writes from every other client (users report 400
    "Invalid conference data."), and so does FakeCalendar by default."""
    return FakeCalendar(add_on_data="accept", **options)


def timed(summary: str = "Planning", day: int = 26, **members: Any) -> dict[str, Any]:
    """An event body with start and end (the two members insert requires)."""
    return {
        "summary": summary,
        "start": {"dateTime": f"2026-11-{day:02d}T10:00:00Z"},
        "end": {"dateTime": f"2026-11-{day:02d}T11:00:00Z"},
        **members,
    }


def meet_request(request_id: str = "req-1") -> dict[str, Any]:
    """Calendar JSON asking for a new Google Meet conference."""
    return {
        "createRequest": {
            "requestId": request_id,
            "conferenceSolutionKey": {"type": "hangoutsMeet"},
        }
    }


def acme(conference_id: str = "acme-1", **members: Any) -> dict[str, Any]:
    """Calendar JSON of a third-party (addOn) conference."""
    return {
        "conferenceId": conference_id,
        "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme Video"},
        "entryPoints": [
            {
                "entryPointType": "video",
                "uri": f"https://acme.example/j/{conference_id}",
                "passcode": "s3cret-pass",
            }
        ],
        "parameters": {"addOnParameters": {"parameters": {"meetingKey": "k-1"}}},
        **members,
    }


def error_of(failure: HttpError) -> dict[str, Any]:
    """The JSON error body of an HttpError."""
    body: dict[str, Any] = json.loads(failure.content)
    return body
