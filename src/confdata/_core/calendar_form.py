"""The Calendar API v3 ``Event.conferenceData`` form as TypedDicts: what
``ConferenceData.to_calendar_json()`` returns and ``from_calendar_json()`` reads [S3].

Spellings: ``entryPointType`` and ``entryPointFeatures`` with lower-case values, ``notes``,
parameters nested as ``parameters.addOnParameters.parameters`` (a map). The shapes these
types spell are data in :mod:`confdata._core.spec` (a test checks the two agree).
"""

# No `from __future__ import annotations`: NotRequired must be seen when the class is made,
# or __required_keys__ (and pydantic, FastAPI) take every member as required.
from typing import NotRequired

from typing_extensions import TypedDict

__all__ = [
    "CalendarAddOnParameters",
    "CalendarConferenceData",
    "CalendarConferenceSolution",
    "CalendarCreateRequest",
    "CalendarEntryPoint",
    "CalendarParameters",
    "CalendarRequestStatus",
    "CalendarSolutionKey",
]


class CalendarSolutionKey(TypedDict):
    """``ConferenceSolutionKey``: ``hangoutsMeet``, ``addOn`` (or a deprecated type)."""

    type: NotRequired[str]


class CalendarConferenceSolution(TypedDict):
    """``ConferenceSolution``: the solution's key, display name and icon."""

    key: NotRequired[CalendarSolutionKey]
    name: NotRequired[str]
    iconUri: NotRequired[str]


class CalendarRequestStatus(TypedDict):
    """``ConferenceRequestStatus``: ``pending``, ``success`` or ``failure`` (read-only)."""

    statusCode: NotRequired[str]


class CalendarCreateRequest(TypedDict):
    """``CreateConferenceRequest``."""

    requestId: NotRequired[str]
    conferenceSolutionKey: NotRequired[CalendarSolutionKey]
    status: NotRequired[CalendarRequestStatus]


class CalendarEntryPoint(TypedDict):
    """``EntryPoint``: ``entryPointType`` is ``video``, ``phone``, ``sip`` or ``more``."""

    entryPointType: str
    uri: str
    label: NotRequired[str]
    pin: NotRequired[str]
    accessCode: NotRequired[str]
    meetingCode: NotRequired[str]
    passcode: NotRequired[str]
    password: NotRequired[str]
    regionCode: NotRequired[str]
    entryPointFeatures: NotRequired[list[str]]


class CalendarAddOnParameters(TypedDict):
    """``ConferenceParametersAddOnParameters``: a map of string keys to string values."""

    parameters: dict[str, str]


class CalendarParameters(TypedDict):
    """``ConferenceParameters``."""

    addOnParameters: CalendarAddOnParameters


class CalendarConferenceData(TypedDict):
    """``ConferenceData`` as the Calendar API v3 sends and receives it."""

    conferenceId: NotRequired[str]
    conferenceSolution: NotRequired[CalendarConferenceSolution]
    createRequest: NotRequired[CalendarCreateRequest]
    entryPoints: NotRequired[list[CalendarEntryPoint]]
    notes: NotRequired[str]
    parameters: NotRequired[CalendarParameters]
    signature: NotRequired[str]
