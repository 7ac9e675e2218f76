"""The add-on response form, ``apps.extensions.markup.ConferenceDataMarkup``, as TypedDicts:
what ``ConferenceData.to_addon_json()`` returns and ``from_addon_json()`` reads [S16].

The JSON of the Apps Script object model and the only form that carries a
:class:`~confdata.ConferenceError`. Spellings: ``type`` and ``features`` with upper-case values,
``note``, ``parameters`` as a list of ``{key, value}``, ``error``, ``conferenceSolutionId``. The
shapes these types spell are data in :mod:`confdata._core.spec` (a test checks the two agree).
"""

# No `from __future__ import annotations`: NotRequired must be seen when the class is made,
# or __required_keys__ (and pydantic, FastAPI) take every member as required.
from typing import NotRequired

from typing_extensions import TypedDict

__all__ = [
    "AddonConferenceData",
    "AddonEntryPoint",
    "AddonError",
    "AddonParameter",
]


class AddonEntryPoint(TypedDict):
    """``EntryPointMarkup``: ``type`` is ``VIDEO``, ``PHONE``, ``SIP`` or ``MORE``."""

    type: str
    uri: str
    label: NotRequired[str]
    meetingCode: NotRequired[str]
    accessCode: NotRequired[str]
    passcode: NotRequired[str]
    password: NotRequired[str]
    pin: NotRequired[str]
    regionCode: NotRequired[str]
    features: NotRequired[list[str]]


class AddonParameter(TypedDict):
    """``Parameter``: one key/value pair."""

    key: str
    value: str


class AddonError(TypedDict):
    """``ConferenceDataMarkup.Error``."""

    type: str
    authenticationUrl: NotRequired[str]


class AddonConferenceData(TypedDict):
    """``ConferenceDataMarkup``: what an add-on's ``onCreateFunction`` returns."""

    conferenceId: NotRequired[str]
    conferenceSolutionId: NotRequired[str]
    entryPoints: NotRequired[list[AddonEntryPoint]]
    parameters: NotRequired[list[AddonParameter]]
    error: NotRequired[AddonError]
    note: NotRequired[str]
