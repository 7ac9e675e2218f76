"""Tools for users' test suites: strategies, fixtures, and an assertion.

Needs Hypothesis: ``pip install confdata[testing]``. ``st.from_type(ConferenceData)`` and
``st.from_type(EntryPoint)`` work once this package is installed.
"""

from __future__ import annotations

from .._assertions import assert_valid_conference_data
from ..fixtures import (
    authentication_error,
    full_conference,
    meet_response,
    pending_create_request,
    phone_only,
    temporary_error,
    video_only,
)
from ._fake_calendar import FakeCalendar
from ._fake_http import FakeCall
from ._invalid import InvalidExample, invalid_addon_json, invalid_calendar_json
from ._strategies import (
    addon_json,
    calendar_json,
    conference_data,
    conference_errors,
    entry_points,
    limited_text,
)

__all__ = [
    "FakeCalendar",
    "FakeCall",
    "InvalidExample",
    "addon_json",
    "assert_valid_conference_data",
    "authentication_error",
    "calendar_json",
    "conference_data",
    "conference_errors",
    "entry_points",
    "full_conference",
    "invalid_addon_json",
    "invalid_calendar_json",
    "limited_text",
    "meet_response",
    "pending_create_request",
    "phone_only",
    "temporary_error",
    "video_only",
]
