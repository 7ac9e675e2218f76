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

from ..._core.enums import SolutionType
from ..._core.foreign import array, exact_str, is_object, member, members
from ..._core.spec import CALENDAR_PATHS, DEPRECATED_SPELLINGS
from .errors import invalid_conference_data, invalid_conference_type
from .store import AddOnData, Calendar, Outcome, Store, copy

__all__ = [
    "MISSING",
    "Written",
    "hangout_link",
    "merge",
    "resolve",
    "write_conference",
]


class _Missing(enum.Enum):
    MISSING = "missing"


MISSING = _Missing.MISSING
"""A member the request body does not have (as opposed to one that is ``null``)."""

# The Calendar form's members the fake reads and writes, as spec spells them.
_PATHS = CALENDAR_PATHS
_ADD_ON = SolutionType.ADD_ON.value
_MEET = SolutionType.HANGOUTS_MEET.value
(_CONFERENCE_ID,) = _PATHS.conference_id
(_SIGNATURE,) = _PATHS.signature
(_ENTRY_POINTS,) = _PATHS.entry_points
_SOLUTION, _SOLUTION_KEY, _SOLUTION_TYPE = _PATHS.solution_type
_SOLUTION_NAME, _SOLUTION_ICON = _PATHS.solution_name[-1], _PATHS.solution_icon[-1]
_REQUEST, _REQUEST_ID = _PATHS.request_id
_REQUEST_KEY, _REQUEST_TYPE = _PATHS.request_type[1:]
_STATUS, _STATUS_CODE = _PATHS.request_status[1:]
(_TYPE,), (_URI,), (_LABEL,) = _PATHS.entry_point_type, _PATHS.uri, _PATHS.label
(_PIN,), (_REGION_CODE,) = _PATHS.pin, _PATHS.region_code

MEET_ICON = (
    "https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/"
    "logo_meet_2020q4_color_2x_web_512dp.png"
)


@attrs.frozen
class Written:
    """The conference data an event holds after a write, and whether a create request began."""

    conference: dict[str, Any] | None
    started: bool = False


def merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` merged in, as Google's patch semantics say: a member sent
    replaces the one there, an object sent is merged into the object there, an array replaces
    the array ("You cannot modify, add, or delete items in an array in a piecemeal fashion")
    and ``null`` deletes the member (the performance guide, "Semantics of a patch request").
    Iterative; both are plain JSON."""
    out: dict[str, Any] = copy(base)
    stack = [(out, changes)]
    while stack:
        target, patch = stack.pop()
        for key, value in patch.items():
            if value is None:
                target.pop(key, None)
            elif type(value) is dict and type(target.get(key)) is dict:
                stack.append((target[key], value))
            else:
                target[key] = copy(value)
    return out


def allowed_types(calendar: Calendar) -> list[str]:
    """The calendar's ``conferenceProperties.allowedConferenceSolutionTypes`` (strings only)."""
    allowed = member(calendar.resource, "conferenceProperties", "allowedConferenceSolutionTypes")
    listed = array(allowed) or ()
    return [kind for item in listed if (kind := exact_str(item)) is not None]


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

    ``whole`` is True when the body replaces the event (insert, update) and False for a patch,
    whose conference data is merged into what the event holds ("The modified data you send is
    merged into the data for the parent object", the performance guide's patch semantics).
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
    request = member(sent, _REQUEST)
    if is_object(request):
        if member(request, _REQUEST_ID) != member(current, *_PATHS.request_id):
            # A create request the event has not seen: it replaces the conference data.
            _check(sent)
            return _create(calendar, request)
        if set(members(sent) or ()) == {_REQUEST}:
            # "If an ID provided is the same as for the previous request, the request is
            # ignored" [S3]: the event keeps the conference data it has.
            return Written(current)
    data = sent if whole or current is None or not is_object(sent) else merge(current, sent)
    _check(data)
    assert is_object(data)  # the validator reports anything else
    if member(data, *_PATHS.solution_type) == _ADD_ON and data != current:
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
    return Written(copy(data))


def _check(data: object) -> None:
    """400 "Invalid conference data." unless confdata finds the data free of errors."""
    errors = [problem for problem in validate_calendar_json(data) if problem.is_error]
    if errors:
        raise invalid_conference_data(
            [f"{p.code} at /conferenceData{p.path}: {p.message}" for p in errors]
        )


def _create(calendar: Calendar, request: object) -> Written:
    request_id = exact_str(member(request, _REQUEST_ID))
    kind = exact_str(member(request, _REQUEST_KEY, _REQUEST_TYPE))
    if not request_id or kind is None:
        raise invalid_conference_data(
            [f"a {_REQUEST} needs a {_REQUEST_ID} and a {_REQUEST_KEY}.{_REQUEST_TYPE}"]
        )
    if kind == _ADD_ON:
        raise invalid_conference_type(
            "a create request cannot ask for an addOn conference: add-on conferences are "
            "made by the add-on when a user picks it in Calendar"
        )
    if kind in DEPRECATED_SPELLINGS:
        raise invalid_conference_type(f"new {kind} conferences cannot be created")
    allowed = allowed_types(calendar)
    if kind not in allowed:
        raise invalid_conference_type(
            f"{kind} is not among this calendar's allowedConferenceSolutionTypes {allowed}"
        )
    # "The data is generated asynchronously. To see whether the data is present check the
    # status field" [S3]. The read-only status sent, if any, is not kept.
    pending = {
        _REQUEST: {
            _REQUEST_ID: request_id,
            _REQUEST_KEY: {_REQUEST_TYPE: kind},
            _STATUS: {_STATUS_CODE: "pending"},
        }
    }
    return Written(pending, started=True)


def resolve(store: Store, conference: dict[str, Any], outcome: Outcome) -> dict[str, Any]:
    """The conference data a pending create request ends with.

    A failure has "no entry points" [S3], no solution and no signature; a success has a
    Meet-like meeting code, the Google Meet solution, video, more and phone entry points and a
    server-made signature.
    """
    request = dict(conference[_REQUEST])
    if outcome == "failure":
        request[_STATUS] = {_STATUS_CODE: "failure"}
        return {_REQUEST: request}
    request[_STATUS] = {_STATUS_CODE: "success"}
    kind = request[_REQUEST_KEY][_REQUEST_TYPE]
    code = store.meet_code()
    pin = store.digits(13)
    solution: dict[str, Any] = {_SOLUTION_KEY: {_SOLUTION_TYPE: kind}}
    if kind == _MEET:
        solution.update({_SOLUTION_NAME: "Google Meet", _SOLUTION_ICON: MEET_ICON})
    return {
        _ENTRY_POINTS: [
            {
                _TYPE: "video",
                _URI: f"https://meet.google.com/{code}",
                _LABEL: f"meet.google.com/{code}",
            },
            {_TYPE: "more", _URI: f"https://tel.meet/{code}?pin={pin}", _PIN: pin},
            {
                _TYPE: "phone",
                _URI: "tel:+1-202-555-0143",
                _LABEL: "+1 202-555-0143",
                _PIN: store.digits(9),
                _REGION_CODE: "US",
            },
        ],
        _SOLUTION: solution,
        _CONFERENCE_ID: code,
        _SIGNATURE: f"fake-signature-{store.next_version()}",
        _REQUEST: request,
    }


def hangout_link(conference: object) -> str | None:
    """``Event.hangoutLink`` for a Google Meet conference: its video entry point's URI."""
    if member(conference, *_PATHS.solution_type) != _MEET:
        return None
    for entry in array(member(conference, _ENTRY_POINTS)) or ():
        if member(entry, _TYPE) == "video":
            return exact_str(member(entry, _URI))
    return None
