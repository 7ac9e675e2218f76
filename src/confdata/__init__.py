"""confdata: Google Calendar third-party conferencing data, built, emitted, read and checked.

Build with the immutable builders, emit and read the Calendar API v3 form, and validate raw
JSON against the rule catalog; every problem carries a stable code and a JSON Pointer.
"""

from __future__ import annotations

from ._enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from ._problems import Problem, Severity, ValidationError
from ._version import __version__
from .builders import (
    ConferenceDataBuilder,
    ConferenceErrorBuilder,
    ConferenceParameterBuilder,
    ConferenceSolutionBuilder,
    CreateRequestBuilder,
    EntryPointBuilder,
)
from .catalog import RULES, Rule
from .model import (
    ConferenceData,
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
)
from .validation import is_valid_calendar_json, validate_calendar_json

__all__ = [
    "RULES",
    "ConferenceData",
    "ConferenceDataBuilder",
    "ConferenceError",
    "ConferenceErrorBuilder",
    "ConferenceErrorType",
    "ConferenceParameter",
    "ConferenceParameterBuilder",
    "ConferenceSolution",
    "ConferenceSolutionBuilder",
    "CreateRequest",
    "CreateRequestBuilder",
    "EntryPoint",
    "EntryPointBuilder",
    "EntryPointFeature",
    "EntryPointType",
    "Problem",
    "RequestStatus",
    "Rule",
    "Severity",
    "SolutionType",
    "ValidationError",
    "__version__",
    "is_valid_calendar_json",
    "validate_calendar_json",
]
