"""Conference data from a conferencing provider's API response: Zoom, Microsoft Teams, Webex.

Each converter takes the response JSON as a plain mapping and returns a checked
:class:`~confdata.ConferenceData`; :class:`ProviderOptions` chooses which two phones
Calendar shows and what goes into the ``tel:`` URIs. A response that lacks what a conference
needs raises :class:`~confdata.ValidationError` whose problems point into the response.

**What reaches Calendar through Apps Script.** An add-on's ``onCreateFunction`` hands Calendar
a ``ConferenceData`` built with Apps Script's Conference Data service, which carries only what
its setters set (Apps Script reference, Conference Data service:
`ConferenceDataBuilder <https://developers.google.com/apps-script/reference/conference-data/conference-data-builder>`__,
`EntryPoint <https://developers.google.com/apps-script/reference/conference-data/entry-point>`__,
`ConferenceParameter <https://developers.google.com/apps-script/reference/conference-data/conference-parameter>`__):

=====================================================  ========================================
What a converter outputs                               Through Apps Script
=====================================================  ========================================
conference ID                                          yes: ``setConferenceId``
``conferenceSolutionId`` (``solution_id``)             yes: ``setConferenceSolutionId``
entry point type and URI (with the dial sequence)      yes: ``setEntryPointType``, ``setUri``
``meetingCode``, ``accessCode``, ``passcode``,         yes: ``setMeetingCode``,
``password``, ``pin``                                  ``setAccessCode``, ``setPasscode``,
                                                       ``setPassword``, ``setPin``
``regionCode``                                         yes: ``setRegionCode``
features (toll, toll-free)                             yes: ``addFeature``
parameters (``meetingId``, ``meetingUuid`` …)          yes: ``addConferenceParameter``
an entry point's ``label`` (a phone's number as the    **no**: ``EntryPoint`` has no label setter
provider writes it)
``conferenceSolution.name`` (``solution_name``)        **no**: the Calendar form's only; Calendar
                                                       shows the name in the add-on manifest
=====================================================  ========================================

An add-on that builds its answer with Apps Script therefore loses the entry points' labels
(the solution's name comes from its manifest anyway). The Calendar form
(``to_calendar_json()``) and the add-on form (``to_addon_json()``) keep every output above,
labels included.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._options import DialCodes, ProviderOptions
    from ._teams import (
        TeamsAudioConferencing,
        TeamsJoinMeetingIdSettings,
        TeamsOnlineMeeting,
        TeamsOnlineMeetingInfo,
        TeamsPhone,
        from_teams,
    )
    from ._webex import WebexCallInNumber, WebexMeeting, WebexTelephony, from_webex
    from ._zoom import ZoomDialInNumber, ZoomMeeting, ZoomMeetingSettings, from_zoom

# Loaded on first use, as confdata's own names are: the command line imports this package
# to register `convert`, and `confdata --help` should not pay for the converters.
_LAZY: dict[str, str] = {
    "DialCodes": "_options",
    "ProviderOptions": "_options",
    "TeamsAudioConferencing": "_teams",
    "TeamsJoinMeetingIdSettings": "_teams",
    "TeamsOnlineMeeting": "_teams",
    "TeamsOnlineMeetingInfo": "_teams",
    "TeamsPhone": "_teams",
    "WebexCallInNumber": "_webex",
    "WebexMeeting": "_webex",
    "WebexTelephony": "_webex",
    "ZoomDialInNumber": "_zoom",
    "ZoomMeeting": "_zoom",
    "ZoomMeetingSettings": "_zoom",
    "from_teams": "_teams",
    "from_webex": "_webex",
    "from_zoom": "_zoom",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'confdata.providers' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DialCodes",
    "ProviderOptions",
    "TeamsAudioConferencing",
    "TeamsJoinMeetingIdSettings",
    "TeamsOnlineMeeting",
    "TeamsOnlineMeetingInfo",
    "TeamsPhone",
    "WebexCallInNumber",
    "WebexMeeting",
    "WebexTelephony",
    "ZoomDialInNumber",
    "ZoomMeeting",
    "ZoomMeetingSettings",
    "from_teams",
    "from_webex",
    "from_zoom",
]
