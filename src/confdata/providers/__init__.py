"""Conference data from a conferencing provider's API response: Zoom, Microsoft Teams, Webex.

Each converter takes the response JSON as a plain mapping and returns a checked
:class:`~confdata.ConferenceData`; :class:`ProviderOptions` chooses which two phones
Calendar shows and what goes into the ``tel:`` URIs. A response that lacks what a conference
needs raises :class:`~confdata.ValidationError` whose problems point into the response.
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
