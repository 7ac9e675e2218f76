"""SPEC §2 and §3 as data: the shapes of the two JSON forms, their members, spellings, enums and
limits.

Every object of both forms is a :class:`Shape`: its members in order, each with its kind (a
string with its limits, an enum, an object of a named shape, an array, a map of strings),
whether it is required, how the form spells it, which field of a value holds it, and which
rule looks at the object as a whole. The generated passes (:mod:`confdata._core.gen`), the
values, the builders, the JSON Schema export, the testing strategies and the command line's
form detection all read the shapes; every other table here is an expression over them.
Outside this module, the JSON member names of the two forms are spelt only in the TypedDicts.
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
from .shapes import (
    Choice,
    Many,
    Member,
    Nested,
    Pairs,
    Required,
    Shape,
    Text,
    json_path,
    walk,
)

__all__ = [
    "ADDON",
    "CALENDAR",
    "EVENTS_KIND",
    "EVENT_CONFERENCE",
    "EVENT_KIND",
    "FORMS",
    "ITEMS",
    "KIND",
    "MAX_ITEMS",
    "SHOWN_PHONES",
    "Choice",
    "Form",
    "FormName",
    "Many",
    "Member",
    "Nested",
    "Pairs",
    "Required",
    "Shape",
    "Text",
    "json_path",
    "walk",
]

FormName = Literal["calendar", "addon"]

MAX_ITEMS = 300
"""At most this many entry points, and this many parameters [S1-builder, S16]."""

SHOWN_PHONES = 2
"""Calendar shows only the first two phone entry points [S5]."""

ENTRY_POINT_TYPES = (
    EntryPointType.VIDEO,
    EntryPointType.PHONE,
    EntryPointType.SIP,
    EntryPointType.MORE,
)
"""The entry point types data may have (``UNKNOWN`` is only what a lenient read holds)."""

FEATURES = (EntryPointFeature.TOLL, EntryPointFeature.TOLL_FREE)
"""The features data may have (``UNKNOWN_FEATURE`` is only what a lenient read holds)."""

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


# --- the members of both forms -------------------------------------------------------------

# An entry point's strings, the same in both forms [S1-entrypoint, S3, S16].
URI = Text("uri", "uri", 1300, nonempty=True, uri=True, required="always")
LABEL = Text("label", "label", 512)
PIN = Text("pin", "pin", 128, secret=True)
ACCESS_CODE = Text("accessCode", "access_code", 128, secret=True)
MEETING_CODE = Text("meetingCode", "meeting_code", 128, secret=True)
PASSCODE = Text("passcode", "passcode", 128, secret=True)
PASSWORD = Text("password", "password", 128, secret=True)
REGION_CODE = Text("regionCode", "region_code")  # its shape is the region-code rule
SECRETS = (PIN, ACCESS_CODE, MEETING_CODE, PASSCODE, PASSWORD)
ENTRY_POINT_TEXTS = (URI, LABEL, *SECRETS, REGION_CODE)

# A conference's strings [S1-builder, S3, S16].
CONFERENCE_ID = Text("conferenceId", "conference_id", 512, nonempty=True, required="result")
SOLUTION_ID = Text(
    "conferenceSolutionId", "conference_solution_id", 512, nonempty=True, also="solution_id"
)
SIGNATURE = Text("signature", "signature")
SOLUTION_NAME = Text("name", "name", name="conferenceSolution.name")
ICON_URI = Text("iconUri", "icon_uri", uri=True, name="conferenceSolution.iconUri")
REQUEST_ID = Text("requestId", "request_id", nonempty=True)
PARAMETER_KEY = Text("key", "key", 50, nonempty=True, name="parameter key", required="always")
PARAMETER_VALUE = Text("value", "value", 1024, name="parameter value", required="always")
# Apps Script's ConferenceError takes 1800 characters, the add-on markup 1300 (SPEC §5).
AUTH_URL_MODEL = Text("authenticationUrl", "authentication_url", 1800, uri=True)
AUTH_URL_ADDON = Text("authenticationUrl", "authentication_url", 1300, uri=True)
CALENDAR_NOTES = Text("notes", "notes", 2048)
ADDON_NOTES = Text("note", "notes", 2048)

SOLUTION_TYPES: Mapping[str, SolutionType] = MappingProxyType({s.value: s for s in SolutionType})
STATUSES: Mapping[str, RequestStatus] = MappingProxyType({s.value: s for s in RequestStatus})
ERROR_TYPES: Mapping[str, ConferenceErrorType] = MappingProxyType(
    {e.value: e for e in ConferenceErrorType}
)


def _solution_key(name: str, attr: str) -> Shape:
    """``ConferenceSolutionKey`` [S3], as ``name`` (each use names it its own way)."""
    return Shape(
        name=name,
        members=(
            Choice(
                json="type",
                attr=attr,
                table=SOLUTION_TYPES,
                name=f"{name}.type",
                also="solution_type",
            ),
        ),
    )


def _entry_point(type_member: str, features_member: str, upper: bool) -> Shape:
    """An entry point [S1-entrypoint, S3, S16] in a form's spellings."""

    def spelt(value: str) -> str:
        return value.upper() if upper else value

    return Shape(
        name="entry point",
        value="EntryPoint",
        members=(
            Choice(
                json=type_member,
                attr="type",
                table=MappingProxyType({spelt(t.value): t for t in ENTRY_POINT_TYPES}),
                name=type_member,
                required="always",
                unknown=EntryPointType.UNKNOWN,
            ),
            *ENTRY_POINT_TEXTS,
            Many(
                json=features_member,
                item=Choice(
                    json=f"{features_member} item",
                    attr="features",
                    table=MappingProxyType({spelt(f.value): f for f in FEATURES}),
                    name=f"{features_member} item",
                    unknown=EntryPointFeature.UNKNOWN_FEATURE,
                ),
                attr="features",
                name=features_member,
            ),
        ),
        rule="entry_point",
        args=(
            ("kind", type_member),
            ("uri_value", "uri"),
            ("label", "label"),
            ("region_code", "regionCode"),
            ("found_features", features_member),
        ),
    )


# --- the Calendar form [S3] ----------------------------------------------------------------

CALENDAR_ENTRY_POINT = _entry_point("entryPointType", "entryPointFeatures", upper=False)

CALENDAR_SOLUTION = Shape(
    name="conferenceSolution",
    value="ConferenceSolution",
    members=(
        Nested(
            json="key",
            shape=_solution_key("conferenceSolution.key", "key_type"),
            name="conferenceSolution.key",
        ),
        SOLUTION_NAME,
        ICON_URI,
    ),
)

CALENDAR_REQUEST = Shape(
    name="createRequest",
    value="CreateRequest",
    members=(
        REQUEST_ID,
        Nested(
            json="conferenceSolutionKey",
            shape=_solution_key("createRequest.conferenceSolutionKey", "solution_type"),
            name="createRequest.conferenceSolutionKey",
        ),
        Nested(
            json="status",
            shape=Shape(
                name="createRequest.status",
                members=(
                    Choice(json="statusCode", attr="status", table=STATUSES, name="statusCode"),
                ),
            ),
            name="createRequest.status",
        ),
    ),
)

PARAMETER = Shape(
    name="parameter",
    value="ConferenceParameter",
    members=(PARAMETER_KEY, PARAMETER_VALUE),
)
"""A parameter: the add-on form's ``{key, value}``, the Calendar form's map entry [S3, S16]."""

CALENDAR_PARAMETERS = Shape(
    name="parameters",
    members=(
        Nested(
            json="addOnParameters",
            shape=Shape(
                name="addOnParameters",
                members=(
                    Pairs(
                        json="parameters",
                        key=PARAMETER_KEY,
                        value=PARAMETER_VALUE,
                        item=PARAMETER,
                        attr="parameters",
                        name="addOnParameters.parameters",
                        limit=MAX_ITEMS,
                    ),
                ),
            ),
            name="addOnParameters",
        ),
    ),
)

# --- the Event resource around the Calendar form [S3: Events] -------------------------------

EVENT_CONFERENCE = "conferenceData"
"""The Event member that holds the Calendar form."""
KIND = "kind"
EVENT_KIND = "calendar#event"
"""``kind`` of an Event resource."""
EVENTS_KIND = "calendar#events"
"""``kind`` of an events.list page, whose events are its ``items``."""
ITEMS = "items"

CALENDAR_CONFERENCE = Shape(
    name=EVENT_CONFERENCE,
    value="ConferenceData",
    root=True,
    members=(
        CONFERENCE_ID,
        Nested(
            json="conferenceSolution",
            shape=CALENDAR_SOLUTION,
            attr="conference_solution",
            name="conferenceSolution",
        ),
        Nested(
            json="createRequest",
            shape=CALENDAR_REQUEST,
            attr="create_request",
            name="createRequest",
        ),
        Many(
            json="entryPoints",
            item=CALENDAR_ENTRY_POINT,
            attr="entry_points",
            name="entryPoints",
            required="result",
            limit=MAX_ITEMS,
            rule="entry_point_set",
            collect="entryPointType",
        ),
        CALENDAR_NOTES,
        Nested(json="parameters", shape=CALENDAR_PARAMETERS, name="parameters"),
        SIGNATURE,
    ),
    rule="calendar_result",
    args=(
        ("has_solution", "?conferenceSolution"),
        ("has_request", "?createRequest"),
        ("entry_points", "#entryPoints"),
        ("solution_kind", "conferenceSolution.key.type"),
        ("has_conference_id", "?conferenceId"),
    ),
)
"""Calendar API v3 ``Event.conferenceData`` [S3]."""

# --- the add-on form [S16] -----------------------------------------------------------------

ADDON_ENTRY_POINT = _entry_point("type", "features", upper=True)

ADDON_ERROR = Shape(
    name="error",
    value="ConferenceError",
    members=(
        Choice(
            json="type",
            attr="type",
            table=ERROR_TYPES,
            name="error type",
            required="always",
            unknown=ConferenceErrorType.UNKNOWN,
        ),
        AUTH_URL_ADDON,
    ),
    rule="error",
    args=(("kind", "type"), ("url", "authenticationUrl"), ("has_url", "?authenticationUrl")),
)

ADDON_CONFERENCE = Shape(
    name="conference data",
    value="ConferenceData",
    root=True,
    members=(
        CONFERENCE_ID,
        SOLUTION_ID,
        Many(
            json="entryPoints",
            item=ADDON_ENTRY_POINT,
            attr="entry_points",
            name="entryPoints",
            required="result",
            limit=MAX_ITEMS,
            rule="entry_point_set",
            collect="type",
        ),
        Many(
            json="parameters",
            item=PARAMETER,
            attr="parameters",
            name="parameters",
            limit=MAX_ITEMS,
            rule="parameter_set",
            collect="key",
        ),
        Nested(json="error", shape=ADDON_ERROR, attr="error", name="error"),
        ADDON_NOTES,
    ),
    rule="addon_result",
    args=(
        ("has_error", "?error"),
        ("ignored", "~"),
        ("has_conference_id", "?conferenceId"),
        ("entry_points", "#entryPoints"),
        ("has_solution_id", "?conferenceSolutionId"),
    ),
    ignored_by_error=("conferenceId", "entryPoints", "parameters", "note"),
)
"""The add-on response markup, ``ConferenceDataMarkup`` [S16]."""

# --- the values ----------------------------------------------------------------------------

MODEL_ERROR = Shape(
    name="error",
    value="ConferenceError",
    members=(ADDON_ERROR.members[0], AUTH_URL_MODEL),
    rule="error",
    args=ADDON_ERROR.args,
)
"""A :class:`~confdata.ConferenceError`: Apps Script's limits (SPEC §5)."""

MODEL_CONFERENCE = Shape(
    name="conference",
    value="ConferenceData",
    members=(
        CONFERENCE_ID,
        attrs.evolve(SOLUTION_ID, also=None),
        CALENDAR_NOTES,
        SIGNATURE,
        CALENDAR_CONFERENCE.by_json["entryPoints"],
        Many(
            json="parameters",
            item=PARAMETER,
            attr="parameters",
            name="parameters",
            limit=MAX_ITEMS,
            rule="parameter_set",
            collect="key",
        ),
        CALENDAR_CONFERENCE.by_json["conferenceSolution"],
        CALENDAR_CONFERENCE.by_json["createRequest"],
        Nested(json="error", shape=MODEL_ERROR, attr="error", name="error"),
    ),
    rule="model_result",
    args=(
        ("has_error", "?error"),
        ("has_request", "?createRequest"),
        ("has_solution", "?conferenceSolution"),
        ("solution_kind", "conferenceSolution.key.type"),
        ("has_conference_id", "?conferenceId"),
        ("entry_points", "#entryPoints"),
        ("ignored", "~"),
    ),
    ignored_by_error=("conferenceId", "entryPoints", "parameters", "notes"),
)
"""A :class:`~confdata.ConferenceData`: what both forms hold, checked as one (paths as the
Calendar form spells them; parameters and the error, which it holds as a map or not at all,
by their place in the value)."""

VALUES: Mapping[str, Shape] = MappingProxyType(
    {
        shape.value: shape
        for shape in (
            CALENDAR_ENTRY_POINT,
            PARAMETER,
            MODEL_ERROR,
            CALENDAR_SOLUTION,
            CALENDAR_REQUEST,
            MODEL_CONFERENCE,
        )
        if shape.value is not None
    }
)
"""The shape each value class is checked by, by class name."""


# --- each form as a whole ------------------------------------------------------------------


@attrs.frozen
class Form:
    """One JSON form: its conference shape, and the names the rules look up in it."""

    name: FormName
    conference: Shape
    entry_point: Shape = attrs.field(init=False)
    type_member: str = attrs.field(init=False)
    features_member: str = attrs.field(init=False)
    notes: Text = attrs.field(init=False)
    members: frozenset[str] = attrs.field(init=False)
    """Every member of a conference object in this form."""
    entry_point_members: frozenset[str] = attrs.field(init=False)
    """Every member an entry point of this form may have."""
    type_spellings: Mapping[EntryPointType, str] = attrs.field(init=False)
    """Each entry point type this form can write, by member."""
    feature_spellings: Mapping[EntryPointFeature, str] = attrs.field(init=False)
    types: Mapping[str, EntryPointType] = attrs.field(init=False)
    """The entry point types by this form's spelling."""
    features: Mapping[str, EntryPointFeature] = attrs.field(init=False)
    """The features by this form's spelling."""

    @entry_point.default
    def _entry_point(self) -> Shape:
        array = self.conference.by_json["entryPoints"]
        assert isinstance(array, Many)
        assert isinstance(array.item, Shape)
        return array.item

    @type_member.default
    def _type_member(self) -> str:
        return self._type.json

    @features_member.default
    def _features_member(self) -> str:
        return self._features.json

    @notes.default
    def _notes(self) -> Text:
        (notes,) = (m for m in self.conference.members if isinstance(m, Text) and m.attr == "notes")
        return notes

    @members.default
    def _members(self) -> frozenset[str]:
        return self.conference.names

    @entry_point_members.default
    def _entry_point_members(self) -> frozenset[str]:
        return self.entry_point.names

    @type_spellings.default
    def _type_spellings(self) -> Mapping[EntryPointType, str]:
        return self._type.spell  # type: ignore[return-value]

    @feature_spellings.default
    def _feature_spellings(self) -> Mapping[EntryPointFeature, str]:
        return self._feature.spell  # type: ignore[return-value]

    @types.default
    def _types(self) -> Mapping[str, EntryPointType]:
        return self._type.table  # type: ignore[return-value]

    @features.default
    def _feature_table(self) -> Mapping[str, EntryPointFeature]:
        return self._feature.table  # type: ignore[return-value]

    @property
    def entry_points_member(self) -> str:
        """The name of a conference's array of entry points."""
        (member,) = (
            m for m in self.conference.members if isinstance(m, Many) and m.item is self.entry_point
        )
        return member.json

    @property
    def _type(self) -> Choice:
        first = self.entry_point.members[0]
        assert isinstance(first, Choice)
        return first

    @property
    def _features(self) -> Many:
        last = self.entry_point.members[-1]
        assert isinstance(last, Many)
        return last

    @property
    def _feature(self) -> Choice:
        item = self._features.item
        assert isinstance(item, Choice)
        return item


CALENDAR = Form("calendar", CALENDAR_CONFERENCE)
"""Calendar API v3 ``Event.conferenceData`` [S3]."""

ADDON = Form("addon", ADDON_CONFERENCE)
"""The add-on response markup, ``ConferenceDataMarkup`` [S16]."""

FORMS: Mapping[str, Form] = MappingProxyType({"calendar": CALENDAR, "addon": ADDON})

# The add-on form's parameter and error objects, by JSON member name.
PARAMETER_MEMBERS = PARAMETER.names
ERROR_MEMBERS = ADDON_ERROR.names
SECRET_MEMBERS = frozenset(text.json for text in SECRETS)
"""Member names whose values are secrets in both JSON forms."""
ONLY_IN: Mapping[FormName, frozenset[str]] = MappingProxyType(
    {
        "calendar": CALENDAR.members - ADDON.members,
        "addon": ADDON.members - CALENDAR.members,
    }
)
"""The conference members one form has and the other has not (form detection, hints)."""
ARRAY_ONLY_IN: Mapping[FormName, frozenset[str]] = MappingProxyType(
    {
        form.name: frozenset(
            m.json
            for m in form.conference.members
            if isinstance(m, Many)
            and not isinstance(
                FORMS["addon" if form.name == "calendar" else "calendar"].conference.by_json.get(
                    m.json, m
                ),
                Many,
            )
        )
        for form in (CALENDAR, ADDON)
    }
)
"""The conference members that are an array in one form and not in the other (the add-on
form's ``parameters``)."""
ENTRY_POINT_ONLY_IN: Mapping[FormName, frozenset[str]] = MappingProxyType(
    {
        "calendar": CALENDAR.entry_point_members - ADDON.entry_point_members,
        "addon": ADDON.entry_point_members - CALENDAR.entry_point_members,
    }
)
"""The entry point members one form has and the other has not."""
DEPRECATED_SPELLINGS = frozenset(s.value for s in DEPRECATED_SOLUTIONS)
"""The spellings of the deprecated solution types, as events carry them."""


@attrs.frozen
class Paths:
    """Where a Calendar ``conferenceData`` holds what edges look up in Events they read
    (``member(conference, *CALENDAR_PATHS.solution_type)``), from the shapes."""

    conference_id: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "conference_id")
    signature: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "signature")
    entry_points: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "entry_points")
    parameters: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "parameters")
    solution: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "conference_solution")
    solution_type: tuple[str, ...] = json_path(
        CALENDAR_CONFERENCE, "conference_solution", "key_type"
    )
    solution_name: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "conference_solution", "name")
    create_request: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "create_request")
    request_id: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "create_request", "request_id")
    request_type: tuple[str, ...] = json_path(
        CALENDAR_CONFERENCE, "create_request", "solution_type"
    )
    request_status: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "create_request", "status")
    notes: tuple[str, ...] = json_path(CALENDAR_CONFERENCE, "notes")
    solution_icon: tuple[str, ...] = json_path(
        CALENDAR_CONFERENCE, "conference_solution", "icon_uri"
    )
    # Below an entry point.
    entry_point_type: tuple[str, ...] = json_path(CALENDAR_ENTRY_POINT, "type")
    uri: tuple[str, ...] = json_path(CALENDAR_ENTRY_POINT, "uri")
    region_code: tuple[str, ...] = json_path(CALENDAR_ENTRY_POINT, "region_code")
    pin: tuple[str, ...] = json_path(CALENDAR_ENTRY_POINT, "pin")
    label: tuple[str, ...] = json_path(CALENDAR_ENTRY_POINT, "label")


CALENDAR_PATHS = Paths()
"""The paths of :class:`Paths` in the Calendar form."""
