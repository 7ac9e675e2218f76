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

SECRET_MEMBERS = ("pin", "accessCode", "meetingCode", "passcode", "password")
_ENTRY_POINT_COMMON = frozenset(("uri", "label", "regionCode", *SECRET_MEMBERS))

CALENDAR = FormNames(
    form="calendar",
    entry_point_type="entryPointType",
    features="entryPointFeatures",
    notes="notes",
    type_names={t: t.value for t in EntryPointType},
    feature_names={f: f.value for f in EntryPointFeature},
    auth_url_limit=LIMIT_AUTH_URL_MODEL,
    entry_point_members=_ENTRY_POINT_COMMON | {"entryPointType", "entryPointFeatures"},
)

ADDON = FormNames(
    form="addon",
    entry_point_type="type",
    features="features",
    notes="note",
    type_names={t: t.value.upper() for t in EntryPointType},
    feature_names={f: f.value.upper() for f in EntryPointFeature},
    auth_url_limit=LIMIT_AUTH_URL_ADDON,
    entry_point_members=_ENTRY_POINT_COMMON | {"type", "features"},
)

# The members each JSON object of the two forms may have.
CALENDAR_MEMBERS = frozenset(
    (
        "conferenceId",
        "conferenceSolution",
        "createRequest",
        "entryPoints",
        "notes",
        "parameters",
        "signature",
    )
)
SOLUTION_MEMBERS = frozenset(("key", "name", "iconUri"))
KEY_MEMBERS = frozenset(("type",))
REQUEST_MEMBERS = frozenset(("requestId", "conferenceSolutionKey", "status"))
STATUS_MEMBERS = frozenset(("statusCode",))
PARAMETERS_MEMBERS = frozenset(("addOnParameters",))
ADDON_PARAMETERS_MEMBERS = frozenset(("parameters",))
ADDON_MEMBERS = frozenset(
    ("conferenceId", "conferenceSolutionId", "entryPoints", "parameters", "error", "note")
)
ADDON_PARAMETER = frozenset(("key", "value"))
ADDON_ERROR = frozenset(("type", "authenticationUrl"))

CALENDAR_TYPES = CALENDAR.types
CALENDAR_FEATURES = CALENDAR.features_by_spelling
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
                    code="enum",
                    severity=Severity.ERROR,
                    path="",
                    message=f"form must be 'calendar' or 'addon' (got {show(form)})",
                )
            ]
        )
