"""Spellings of the two JSON forms: member names and enum values, and lookup tables."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._checks import LIMIT_AUTH_URL_ADDON, LIMIT_AUTH_URL_MODEL, FormNames
from ._enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from ._problems import Problem, Severity, ValidationError
from ._text import show

__all__ = ["ADDON", "CALENDAR"]

CALENDAR = FormNames(
    form="calendar",
    entry_point_type="entryPointType",
    features="entryPointFeatures",
    notes="notes",
    type_names=MappingProxyType({t: t.value for t in EntryPointType}),
    feature_names=MappingProxyType({f: f.value for f in EntryPointFeature}),
    auth_url_limit=LIMIT_AUTH_URL_MODEL,
)

ADDON = FormNames(
    form="addon",
    entry_point_type="type",
    features="features",
    notes="note",
    type_names=MappingProxyType({t: t.value.upper() for t in EntryPointType}),
    feature_names=MappingProxyType({f: f.value.upper() for f in EntryPointFeature}),
    auth_url_limit=LIMIT_AUTH_URL_ADDON,
)


def by_spelling(names: Mapping[EntryPointType, str]) -> Mapping[str, EntryPointType]:
    return MappingProxyType({spelling: kind for kind, spelling in names.items()})


CALENDAR_TYPES = by_spelling(CALENDAR.type_names)
ADDON_TYPES = by_spelling(ADDON.type_names)
CALENDAR_FEATURES: Mapping[str, EntryPointFeature] = MappingProxyType(
    {spelling: f for f, spelling in CALENDAR.feature_names.items()}
)
ADDON_FEATURES: Mapping[str, EntryPointFeature] = MappingProxyType(
    {spelling: f for f, spelling in ADDON.feature_names.items()}
)
SOLUTION_TYPES: Mapping[str, SolutionType] = MappingProxyType({s.value: s for s in SolutionType})
REQUEST_STATUSES: Mapping[str, RequestStatus] = MappingProxyType(
    {s.value: s for s in RequestStatus}
)
ERROR_TYPES: Mapping[str, ConferenceErrorType] = MappingProxyType(
    {e.value: e for e in ConferenceErrorType}
)


def require_form(form: object) -> None:
    """Raise :class:`ValidationError` unless ``form`` names one of the two forms."""
    if form not in ("calendar", "addon"):
        raise ValidationError(
            [
                Problem(
                    "enum",
                    Severity.ERROR,
                    "",
                    f"form must be 'calendar' or 'addon' (got {show(form)})",
                )
            ]
        )
