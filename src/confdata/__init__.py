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
from .manifest import Manifest, ManifestSolution, validate_manifest_json
from .model import (
    ConferenceData,
    ConferenceError,
    ConferenceParameter,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
)
from .validation import (
    is_valid_addon_json,
    is_valid_calendar_json,
    validate_addon_json,
    validate_calendar_json,
)
from .writes import EventWrite, insert_arguments, patch_arguments

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
    "EventWrite",
    "Manifest",
    "ManifestSolution",
    "Problem",
    "RequestStatus",
    "Rule",
    "Severity",
    "SolutionType",
    "ValidationError",
    "__version__",
    "insert_arguments",
    "is_valid_addon_json",
    "is_valid_calendar_json",
    "patch_arguments",
    "validate_addon_json",
    "validate_calendar_json",
    "validate_manifest_json",
]
