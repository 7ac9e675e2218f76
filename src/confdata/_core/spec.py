"""SPEC §2 and §3 as data: the members, spellings, enums and limits of the two JSON forms.

The single source of every number and name the rules use. The rule functions
(:mod:`confdata._rules`), the JSON walkers, the values, the builders, both forms' readers and
emitters, the JSON Schema export and the testing strategies all read them from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from .enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)

__all__ = [
    "ADDON",
    "CALENDAR",
    "MAX_ITEMS",
    "SHOWN_PHONES",
    "Form",
    "FormName",
    "Text",
]

FormName = Literal["calendar", "addon"]

MAX_ITEMS = 300
"""At most this many entry points, and this many parameters [S1-builder, S16]."""

SHOWN_PHONES = 2
"""Calendar shows only the first two phone entry points [S5]."""

UNIQUE_TYPES = frozenset({EntryPointType.VIDEO, EntryPointType.SIP, EntryPointType.MORE})
"""At most one entry point of each of these types [S1-ept, S3]."""

SCHEMES: Mapping[EntryPointType, tuple[str, ...]] = MappingProxyType(
    {
        EntryPointType.VIDEO: ("http", "https"),
        EntryPointType.MORE: ("http", "https"),
        EntryPointType.PHONE: ("tel",),
        EntryPointType.SIP: ("sip",),
    }
)
"""The URI schemes each entry point type takes [S1-entrypoint, S3]."""

SIPS = "sips"
"""Allowed on a SIP entry point by the event objects page only [S5 vs S3]: a warning."""

HTTP_SCHEMES = ("http", "https")
"""What an authentication URL must use [S1-error]."""

DEPRECATED_SOLUTIONS = frozenset({SolutionType.EVENT_HANGOUT, SolutionType.EVENT_NAMED_HANGOUT})
"""Solution types existing events may show but new conferences cannot use [S3]."""


@attrs.frozen
class Text:
    """A string member: its JSON name, the model's attribute, and its limits.

    ``limit`` counts UTF-16 code units (None: no documented limit); ``nonempty`` means an
    empty string is the ``empty`` rule; ``secret`` values are masked in every message.
    """

    json: str
    attr: str
    limit: int | None = None
    nonempty: bool = False
    secret: bool = False
    uri: bool = False
    """A URI: shown in messages with the secrets it carries masked (SPEC §4.1)."""
    name: str = attrs.field(default=attrs.Factory(lambda self: self.json, takes_self=True))
    """How messages name the member (its JSON name unless given)."""


# The members of an entry point, the same in both forms [S1-entrypoint, S3, S16].
URI = Text("uri", "uri", 1300, nonempty=True, uri=True)
LABEL = Text("label", "label", 512)
PIN = Text("pin", "pin", 128, secret=True)
ACCESS_CODE = Text("accessCode", "access_code", 128, secret=True)
MEETING_CODE = Text("meetingCode", "meeting_code", 128, secret=True)
PASSCODE = Text("passcode", "passcode", 128, secret=True)
PASSWORD = Text("password", "password", 128, secret=True)
REGION_CODE = Text("regionCode", "region_code")  # its shape is the region-code rule
SECRETS = (PIN, ACCESS_CODE, MEETING_CODE, PASSCODE, PASSWORD)
ENTRY_POINT_TEXTS = (URI, LABEL, *SECRETS, REGION_CODE)

# The members of a conference [S1-builder, S3, S16].
CONFERENCE_ID = Text("conferenceId", "conference_id", 512, nonempty=True)
SOLUTION_ID = Text("conferenceSolutionId", "conference_solution_id", 512, nonempty=True)
SIGNATURE = Text("signature", "signature")
SOLUTION_NAME = Text("name", "name", name="conferenceSolution.name")
ICON_URI = Text("iconUri", "icon_uri", uri=True, name="conferenceSolution.iconUri")
REQUEST_ID = Text("requestId", "request_id", nonempty=True)
PARAMETER_KEY = Text("key", "key", 50, nonempty=True, name="parameter key")
PARAMETER_VALUE = Text("value", "value", 1024, name="parameter value")
# Apps Script's ConferenceError takes 1800 characters, the add-on markup 1300 (SPEC §5).
AUTH_URL_MODEL = Text("authenticationUrl", "authentication_url", 1800, uri=True)
AUTH_URL_ADDON = Text("authenticationUrl", "authentication_url", 1300, uri=True)

SOLUTION_TYPES: Mapping[str, SolutionType] = MappingProxyType({s.value: s for s in SolutionType})
STATUSES: Mapping[str, RequestStatus] = MappingProxyType({s.value: s for s in RequestStatus})
ERROR_TYPES: Mapping[str, ConferenceErrorType] = MappingProxyType(
    {e.value: e for e in ConferenceErrorType}
)

# Calendar-form objects other than entry points and the conference itself [S3].
SOLUTION_MEMBERS = frozenset({"key", "name", "iconUri"})
KEY_MEMBERS = frozenset({"type"})
REQUEST_MEMBERS = frozenset({"requestId", "conferenceSolutionKey", "status"})
STATUS_MEMBERS = frozenset({"statusCode"})
PARAMETERS_MEMBERS = frozenset({"addOnParameters"})
ADDON_PARAMETERS_MEMBERS = frozenset({"parameters"})
# Add-on-form objects [S16].
PARAMETER_MEMBERS = frozenset({"key", "value"})
ERROR_MEMBERS = frozenset({"type", "authenticationUrl"})


@attrs.frozen
class Form:
    """How one JSON form spells what the rules talk about."""

    name: FormName
    type_member: str
    features_member: str
    notes: Text
    auth_url: Text
    members: frozenset[str]
    """Every member of a conference object in this form."""
    type_spellings: Mapping[EntryPointType, str]
    feature_spellings: Mapping[EntryPointFeature, str]
    types: Mapping[str, EntryPointType] = attrs.field(init=False)
    """The entry point types by this form's spelling."""
    features: Mapping[str, EntryPointFeature] = attrs.field(init=False)
    """The features by this form's spelling."""
    entry_point_texts: Mapping[str, Text] = attrs.field(init=False)
    """The string members of an entry point by JSON name."""
    entry_point_members: frozenset[str] = attrs.field(init=False)
    """Every member an entry point of this form may have."""

    # Plain dicts behind read-only types: these are looked up for every member read.
    @types.default
    def _types(self) -> Mapping[str, EntryPointType]:
        return {s: t for t, s in self.type_spellings.items()}

    @features.default
    def _features(self) -> Mapping[str, EntryPointFeature]:
        return {s: f for f, s in self.feature_spellings.items()}

    @entry_point_texts.default
    def _texts(self) -> Mapping[str, Text]:
        return {text.json: text for text in ENTRY_POINT_TEXTS}

    @entry_point_members.default
    def _members(self) -> frozenset[str]:
        return frozenset({self.type_member, self.features_member, *self.entry_point_texts})


CALENDAR = Form(
    name="calendar",
    type_member="entryPointType",
    features_member="entryPointFeatures",
    notes=Text("notes", "notes", 2048),
    auth_url=AUTH_URL_MODEL,
    members=frozenset(
        {
            "conferenceId",
            "conferenceSolution",
            "createRequest",
            "entryPoints",
            "notes",
            "parameters",
            "signature",
        }
    ),
    type_spellings=MappingProxyType({t: t.value for t in EntryPointType}),
    feature_spellings=MappingProxyType({f: f.value for f in EntryPointFeature}),
)
"""Calendar API v3 ``Event.conferenceData`` [S3]."""

ADDON = Form(
    name="addon",
    type_member="type",
    features_member="features",
    notes=Text("note", "notes", 2048),
    auth_url=AUTH_URL_ADDON,
    members=frozenset(
        {"conferenceId", "conferenceSolutionId", "entryPoints", "parameters", "error", "note"}
    ),
    type_spellings=MappingProxyType({t: t.value.upper() for t in EntryPointType}),
    feature_spellings=MappingProxyType({f: f.value.upper() for f in EntryPointFeature}),
)
"""The add-on response markup, ``ConferenceDataMarkup`` [S16]."""

FORMS: Mapping[str, Form] = MappingProxyType({"calendar": CALENDAR, "addon": ADDON})
