"""confdata: Google Calendar third-party conferencing data, built, emitted, read and checked.

Build with the immutable builders, emit and read the Calendar API v3 form, and validate raw
JSON against the rule catalog; every problem carries a stable code and a JSON Pointer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what type checkers and readers see; at run time names load on first use
    from ._enums import (
        ConferenceErrorType,
        EntryPointFeature,
        EntryPointType,
        RequestStatus,
        SolutionType,
    )
    from ._problems import Problem, Severity, ValidationError
    from ._version import __version__
    from .addon_form import AddonConferenceData, AddonEntryPoint, AddonError, AddonParameter
    from .builders import (
        ConferenceDataBuilder,
        ConferenceErrorBuilder,
        ConferenceParameterBuilder,
        ConferenceSolutionBuilder,
        CreateRequestBuilder,
        EntryPointBuilder,
    )
    from .calendar_form import (
        CalendarConferenceData,
        CalendarConferenceSolution,
        CalendarCreateRequest,
        CalendarEntryPoint,
        CalendarParameters,
    )
    from .catalog import RULES, Rule
    from .join import JoinInfo, JoinPoint, join_info
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

# Each public name and the module that defines it. `import confdata` loads none of them, so
# a command that only needs, say, the validator does not pay for the builders (PEP 562).
# Nothing is cached in this module: Python's own sys.modules makes a second lookup cheap.
_LAZY: dict[str, str] = {
    "AddonConferenceData": "addon_form",
    "AddonEntryPoint": "addon_form",
    "AddonError": "addon_form",
    "AddonParameter": "addon_form",
    "CalendarConferenceData": "calendar_form",
    "CalendarConferenceSolution": "calendar_form",
    "CalendarCreateRequest": "calendar_form",
    "CalendarEntryPoint": "calendar_form",
    "CalendarParameters": "calendar_form",
    "ConferenceData": "model",
    "ConferenceDataBuilder": "builders",
    "ConferenceError": "model",
    "ConferenceErrorBuilder": "builders",
    "ConferenceErrorType": "_enums",
    "ConferenceParameter": "model",
    "ConferenceParameterBuilder": "builders",
    "ConferenceSolution": "model",
    "ConferenceSolutionBuilder": "builders",
    "CreateRequest": "model",
    "CreateRequestBuilder": "builders",
    "EntryPoint": "model",
    "EntryPointBuilder": "builders",
    "EntryPointFeature": "_enums",
    "EntryPointType": "_enums",
    "EventWrite": "writes",
    "JoinInfo": "join",
    "JoinPoint": "join",
    "Manifest": "manifest",
    "ManifestSolution": "manifest",
    "Problem": "_problems",
    "RULES": "catalog",
    "RequestStatus": "_enums",
    "Rule": "catalog",
    "Severity": "_problems",
    "SolutionType": "_enums",
    "ValidationError": "_problems",
    "insert_arguments": "writes",
    "is_valid_addon_json": "validation",
    "is_valid_calendar_json": "validation",
    "join_info": "join",
    "patch_arguments": "writes",
    "validate_addon_json": "validation",
    "validate_calendar_json": "validation",
    "validate_manifest_json": "manifest",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'confdata' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "RULES",
    "AddonConferenceData",
    "AddonEntryPoint",
    "AddonError",
    "AddonParameter",
    "CalendarConferenceData",
    "CalendarConferenceSolution",
    "CalendarCreateRequest",
    "CalendarEntryPoint",
    "CalendarParameters",
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
    "JoinInfo",
    "JoinPoint",
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
    "join_info",
    "patch_arguments",
    "validate_addon_json",
    "validate_calendar_json",
    "validate_manifest_json",
]
