"""The frozen values: conference data, entry points, parameters, errors, and the Calendar-side
solution and create request (implemented in :mod:`confdata._core.values`)."""

from __future__ import annotations

from ._core.values import (
    ConferenceData,
    ConferenceError,
    ConferenceErrorType,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    EntryPointFeature,
    EntryPointType,
    Kept,
    RequestStatus,
    SolutionType,
)

__all__ = [
    "ConferenceData",
    "ConferenceError",
    "ConferenceErrorType",
    "ConferenceParameter",
    "ConferenceSolution",
    "CreateRequest",
    "EntryPoint",
    "EntryPointFeature",
    "EntryPointType",
    "Kept",
    "RequestStatus",
    "SolutionType",
]
