"""The Calendar API v3 ``Event.conferenceData`` form: its JSON shape as TypedDicts
(implemented in :mod:`confdata._core.calendar_form`)."""

from __future__ import annotations

from ._core.calendar_form import (
    CalendarAddOnParameters,
    CalendarConferenceData,
    CalendarConferenceSolution,
    CalendarCreateRequest,
    CalendarEntryPoint,
    CalendarParameters,
    CalendarRequestStatus,
    CalendarSolutionKey,
)

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
