"""What the fake Calendar does with the ``conferenceData`` of a write, and how a create
request it holds ``pending`` ends.

Each behaviour follows the Calendar API v3 discovery document [S3] (``conferenceDataVersion``,
``createRequest``, ``ConferenceRequestStatus``) or, where Google's pages are silent, what
users report; the how-to page "Testing your add-on backend against a fake Calendar" lists them
with their sources.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from confdata import validate_calendar_json

from .errors import invalid_conference_data, invalid_conference_type
from .store import AddOnData, Calendar, Outcome, Store, clone

__all__ = ["DEPRECATED", "MISSING", "Written", "hangout_link", "resolve", "write_conference"]


class _Missing(enum.Enum):
    MISSING = "missing"


MISSING = _Missing.MISSING
"""A member the request body does not have (as opposed to one that is ``null``)."""

DEPRECATED = frozenset({"eventHangout", "eventNamedHangout"})
"""Solution types of which "new conferences cannot be created" [S3]."""

MEET_ICON = (
    "https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/"
    "logo_meet_2020q4_color_2x_web_512dp.png"
)


@attrs.frozen
class Written:
    """The conference data an event holds after a write, and whether a create request began."""

    conference: dict[str, Any] | None
    started: bool = False


def _member(value: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def allowed_types(calendar: Calendar) -> list[str]:
    """The calendar's ``conferenceProperties.allowedConferenceSolutionTypes`` (strings only)."""
    allowed = _member(calendar.resource, "conferenceProperties", "allowedConferenceSolutionTypes")
    return [kind for kind in allowed if isinstance(kind, str)] if isinstance(allowed, list) else []


def write_conference(
    calendar: Calendar,
    current: dict[str, Any] | None,
    sent: object,
    *,
    version: int,
    whole: bool,
    add_on_data: AddOnData,
) -> Written:
    """The event's conference data after a write whose body holds ``sent`` (or MISSING).

    ``whole`` is True when the body replaces the event (insert, update) and False for a patch.
    Raises the API's 400 answers.
    """
    if version == 0:
        # "Version 0 assumes no conference data support and ignores conference data in the
        # event's body" [S3]: silently, whatever the body holds.
        return Written(current)
    if sent is MISSING:
        return Written(None if whole else current)
    if sent is None:  # a patch that sets conferenceData to null removes it
        return Written(None)
    errors = [problem for problem in validate_calendar_json(sent) if problem.is_error]
    if errors:
        raise invalid_conference_data(
            [f"{p.code} at /conferenceData{p.path}: {p.message}" for p in errors]
        )
    assert isinstance(sent, dict)  # the validator reports anything else
    request = sent.get("createRequest")
    if isinstance(request, dict):
        return _create(calendar, current, request)
    if _member(sent, "conferenceSolution", "key", "type") == "addOn" and sent != current:
        # A client that is not the add-on writing addOn data: users report 400 "Invalid
        # conference data", or the data silently stripped when the key type is left out
        # (openclaw/gogcli#590). The fake's policy says which.
        if add_on_data == "reject":
            raise invalid_conference_data(
                [
                    "conferenceData with an addOn solution written by a client that is not the "
                    "add-on (FakeCalendar(add_on_data='reject'), what users report); "
                    "add_on_data='accept' stands for the add-on itself"
                ]
            )
        if add_on_data == "strip":
            return Written(current)
    # "Version 1 enables support for copying of ConferenceData" [S3]: stored as sent.
    return Written(clone(sent))


def _create(calendar: Calendar, current: dict[str, Any] | None, request: dict[str, Any]) -> Written:
    request_id = request.get("requestId")
    kind = _member(request, "conferenceSolutionKey", "type")
    if not isinstance(request_id, str) or not request_id or not isinstance(kind, str):
        raise invalid_conference_data(
            ["a createRequest needs a requestId and a conferenceSolutionKey.type"]
        )
    if _member(current, "createRequest", "requestId") == request_id:
        # "If an ID provided is the same as for the previous request, the request is
        # ignored" [S3]: the event keeps the conference data it has.
        return Written(current)
    if kind == "addOn":
        raise invalid_conference_type(
            "a create request cannot ask for an addOn conference: add-on conferences are "
            "made by the add-on when a user picks it in Calendar"
        )
    if kind in DEPRECATED:
        raise invalid_conference_type(f"new {kind} conferences cannot be created")
    allowed = allowed_types(calendar)
    if kind not in allowed:
        raise invalid_conference_type(
            f"{kind} is not among this calendar's allowedConferenceSolutionTypes {allowed}"
        )
    # "The data is generated asynchronously. To see whether the data is present check the
    # status field" [S3]. The read-only status sent, if any, is not kept.
    pending = {
        "createRequest": {
            "requestId": request_id,
            "conferenceSolutionKey": {"type": kind},
            "status": {"statusCode": "pending"},
        }
    }
    return Written(pending, started=True)


def resolve(store: Store, conference: dict[str, Any], outcome: Outcome) -> dict[str, Any]:
    """The conference data a pending create request ends with.

    A failure has "no entry points" [S3], no solution and no signature; a success has a
    Meet-like meeting code, the Google Meet solution, video, more and phone entry points and a
    server-made signature.
    """
    request = dict(conference["createRequest"])
    if outcome == "failure":
        request["status"] = {"statusCode": "failure"}
        return {"createRequest": request}
    request["status"] = {"statusCode": "success"}
    kind = request["conferenceSolutionKey"]["type"]
    code = store.meet_code()
    pin = store.digits(13)
    solution: dict[str, Any] = {"key": {"type": kind}}
    if kind == "hangoutsMeet":
        solution.update(name="Google Meet", iconUri=MEET_ICON)
    return {
        "entryPoints": [
            {
                "entryPointType": "video",
                "uri": f"https://meet.google.com/{code}",
                "label": f"meet.google.com/{code}",
            },
            {"entryPointType": "more", "uri": f"https://tel.meet/{code}?pin={pin}", "pin": pin},
            {
                "entryPointType": "phone",
                "uri": "tel:+1-202-555-0143",
                "label": "+1 202-555-0143",
                "pin": store.digits(9),
                "regionCode": "US",
            },
        ],
        "conferenceSolution": solution,
        "conferenceId": code,
        "signature": f"fake-signature-{store.next_version()}",
        "createRequest": request,
    }


def hangout_link(conference: object) -> str | None:
    """``Event.hangoutLink`` for a Google Meet conference: its video entry point's URI."""
    if _member(conference, "conferenceSolution", "key", "type") != "hangoutsMeet":
        return None
    entry_points = _member(conference, "entryPoints")
    for entry in entry_points if isinstance(entry_points, list) else ():
        if isinstance(entry, dict) and entry.get("entryPointType") == "video":
            uri = entry.get("uri")
            return uri if isinstance(uri, str) else None
    return None
