"""confdata: Google Calendar third-party conferencing data, built, emitted, read and checked.

Build with the immutable builders, emit and read the Calendar API v3 form, and validate raw
JSON against the rule catalog; every problem carries a stable code and a JSON Pointer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what type checkers and readers see; at run time names load on first use
    from ._core.addon_form import AddonConferenceData, AddonEntryPoint, AddonError, AddonParameter
    from ._core.builders import (
        ConferenceDataBuilder,
        ConferenceErrorBuilder,
        ConferenceParameterBuilder,
        ConferenceSolutionBuilder,
        CreateRequestBuilder,
        EntryPointBuilder,
    )
    from ._core.calendar_form import (
        CalendarConferenceData,
        CalendarConferenceSolution,
        CalendarCreateRequest,
        CalendarEntryPoint,
        CalendarParameters,
    )
    from ._core.catalog import RULES, Rule
    from ._core.enums import (
        ConferenceErrorType,
        EntryPointFeature,
        EntryPointType,
        RequestStatus,
        SolutionType,
    )
    from ._core.kept import Kept
    from ._core.problems import Problem, Severity, ValidationError
    from ._core.values import (
        ConferenceData,
        ConferenceError,
        ConferenceParameter,
        ConferenceSolution,
        CreateRequest,
        EntryPoint,
    )
    from ._events.writes import EventWrite, insert_arguments, patch_arguments
    from ._version import __version__
    from .join import JoinInfo, JoinPoint, join_info
    from .manifest import Manifest, ManifestSolution, validate_manifest_json
    from .validation import (
        is_valid_addon_json,
        is_valid_calendar_json,
        validate_addon_json,
        validate_calendar_json,
    )

# Each public name and the module that defines it. `import confdata` loads none of them, so
# a command that only needs, say, the validator does not pay for the builders (PEP 562).
# Nothing is cached in this module: Python's own sys.modules makes a second lookup cheap.
_LAZY: dict[str, str] = {
    "AddonConferenceData": "_core.addon_form",
    "AddonEntryPoint": "_core.addon_form",
    "AddonError": "_core.addon_form",
    "AddonParameter": "_core.addon_form",
    "CalendarConferenceData": "_core.calendar_form",
    "CalendarConferenceSolution": "_core.calendar_form",
    "CalendarCreateRequest": "_core.calendar_form",
    "CalendarEntryPoint": "_core.calendar_form",
    "CalendarParameters": "_core.calendar_form",
    "ConferenceData": "_core.values",
    "ConferenceDataBuilder": "_core.builders",
    "ConferenceError": "_core.values",
    "ConferenceErrorBuilder": "_core.builders",
    "ConferenceErrorType": "_core.enums",
    "ConferenceParameter": "_core.values",
    "ConferenceParameterBuilder": "_core.builders",
    "ConferenceSolution": "_core.values",
    "ConferenceSolutionBuilder": "_core.builders",
    "CreateRequest": "_core.values",
    "CreateRequestBuilder": "_core.builders",
    "EntryPoint": "_core.values",
    "EntryPointBuilder": "_core.builders",
    "EntryPointFeature": "_core.enums",
    "EntryPointType": "_core.enums",
    "EventWrite": "_events.writes",
    "JoinInfo": "join",
    "Kept": "_core.kept",
    "JoinPoint": "join",
    "Manifest": "manifest",
    "ManifestSolution": "manifest",
    "Problem": "_core.problems",
    "RULES": "_core.catalog",
    "RequestStatus": "_core.enums",
    "Rule": "_core.catalog",
    "Severity": "_core.problems",
    "SolutionType": "_core.enums",
    "ValidationError": "_core.problems",
    "insert_arguments": "_events.writes",
    "is_valid_addon_json": "validation",
    "is_valid_calendar_json": "validation",
    "join_info": "join",
    "patch_arguments": "_events.writes",
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
    "Kept",
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
