"""Reading join information out of conference data in either JSON form, an Event resource or
a :class:`~confdata.ConferenceData` (see :func:`join_info`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NoReturn, cast
from urllib.parse import parse_qs, urlsplit

from .. import ConferenceData, ValidationError
from .._core import spec
from .._core.foreign import array, exact_str, is_str, members
from .._core.rules.conference import is_event
from .._core.sink import Sink, pointer
from .._core.spec import ADDON, CALENDAR, CONFERENCE_ID, URI, Form
from .._core.text import describe_type, show
from .values import CODES, JoinInfo, JoinPoint

__all__ = ["join_info", "unwrap"]

# The members this module reads: the conference's from the spec, the Event's own.
_ENTRY_POINTS = spec.CALENDAR.entry_points_member
_SOLUTION, _SOLUTION_NAME = spec.CALENDAR_PATHS.solution_name
_CONFERENCE_DATA = spec.EVENT_CONFERENCE
# The members of an Event resource (Calendar API v3, Events: "Resource representations"):
# an object with some of these and no conference member is an event without a conference.
_EVENT_MEMBERS = frozenset(
    """
    anyoneCanAddSelf attachments attendees attendeesOmitted birthdayProperties colorId
    conferenceData created creator description end endTimeUnspecified etag eventType
    extendedProperties focusTimeProperties gadget guestsCanInviteOthers guestsCanModify
    guestsCanSeeOtherGuests hangoutLink htmlLink iCalUID id kind location locked organizer
    originalStartTime outOfOfficeProperties privateCopy recurrence recurringEventId reminders
    sequence source start status summary transparency updated visibility
    workingLocationProperties
    """.split()  # noqa: SIM905
)


def unwrap(uri: str) -> str:
    """The target of Calendar's ``https://www.google.com/url?q=…`` wrapper; any other URI,
    and a wrapper whose target is not ``http(s)``, unchanged."""
    if not uri.startswith("https://www.google.com/url?"):
        return uri
    try:
        query = parse_qs(urlsplit(uri).query)
        targets = query.get("q", [])
        if len(targets) == 1 and urlsplit(targets[0]).scheme.lower() in ("http", "https"):
            return targets[0]
    except ValueError:  # urlsplit's verdict on a malformed target: keep the wrapper
        pass
    return uri


def _object(value: object, path: str, sink: Sink) -> dict[str, object] | None:
    found = members(value)
    if found is None:
        sink.report("type", path, f"must be an object (got {describe_type(value)})")
    return found


def _string(
    obj: Mapping[str, object], key: str, path: str, sink: Sink, *, secret: bool = False
) -> str | None:
    value = obj.get(key)
    if value is None or is_str(value):
        return None if value is None else str.__str__(value)
    shown = describe_type(value) if secret else show(value)  # a secret is never shown
    sink.report("type", pointer(path, key), f"{key} must be a string (got {shown})")
    return None


def _items(obj: Mapping[str, object], key: str, path: str, sink: Sink) -> Sequence[object]:
    """The items of an array member (none when it is absent)."""
    value = obj.get(key)
    found = None if value is None else array(value)
    if value is not None and found is None:
        sink.report("type", pointer(path, key), f"{key} must be an array (got {show(value)})")
    return found or ()


def _spelled(spelling: str, table: Mapping[str, Any], calendar: Mapping[Any, str]) -> str:
    """A type or feature in the Calendar form's spelling (an unknown one as it is)."""
    known = table.get(spelling)
    return spelling if known is None else calendar[known]


def _point(item: Mapping[str, object], path: str, sink: Sink, form: Form) -> JoinPoint | None:
    kind = _string(item, form.type_member, path, sink)
    uri = _string(item, URI.json, path, sink)
    fields: dict[str, Any] = {}
    for text in CODES:
        value = _string(item, text.json, path, sink, secret=text.secret)
        if value is not None and not (text.secret and value == ""):
            fields[text.attr] = value
    features: list[str] = []
    for index, feature in enumerate(_items(item, form.features_member, path, sink)):
        spelling = exact_str(feature)
        if spelling is None:
            where = pointer(path, form.features_member, index)
            sink.report("type", where, f"a feature must be a string (got {show(feature)})")
        else:
            features.append(_spelled(spelling, form.features, CALENDAR.feature_spellings))
    if kind is None or uri is None:  # nothing to join with: left out
        return None
    return JoinPoint(
        type=_spelled(kind, form.types, CALENDAR.type_spellings),
        uri=unwrap(uri),
        features=tuple(features),
        **fields,
    )


def _read(obj: Mapping[str, object], path: str, sink: Sink, form: Form) -> JoinInfo:
    points: list[JoinPoint] = []
    for index, item in enumerate(_items(obj, _ENTRY_POINTS, path, sink)):
        where = pointer(path, _ENTRY_POINTS, index)
        entry = _object(item, where, sink)
        point = None if entry is None else _point(entry, where, sink, form)
        if point is not None:
            points.append(point)
    conference_id = _string(obj, CONFERENCE_ID.json, path, sink)
    solution_name = None
    solution = obj.get(_SOLUTION) if form is CALENDAR else None
    if solution is not None:
        found = _object(solution, pointer(path, _SOLUTION), sink)
        if found is not None:
            solution_name = _string(found, _SOLUTION_NAME, pointer(path, _SOLUTION), sink)
    sink.raise_errors()
    first: dict[str, JoinPoint] = {}
    phones, others = [], []
    for point in points:
        if point.type == "phone":
            phones.append(point)
        elif point.type in ("video", "sip", "more") and point.type not in first:
            first[point.type] = point
        else:
            others.append(point)
    video, sip, more = first.get("video"), first.get("sip"), first.get("more")
    primary = video or (phones[0] if phones else None) or sip
    return JoinInfo(
        join_uri=None if primary is None else primary.uri,
        video=video,
        phones=tuple(phones),
        sip=sip,
        more_uri=None if more is None else more.uri,
        conference_id=conference_id,
        solution_name=solution_name,
        others=tuple(others),
    )


def _only(one: Form, other: Form, names: Sequence[str], entry_points: bool) -> frozenset[str]:
    """Which of ``names`` only form ``one`` defines (for a conference, or an entry point)."""
    if entry_points:
        return frozenset(names) & (one.entry_point_members - other.entry_point_members)
    return frozenset(names) & (one.members - other.members)


def _form(obj: Mapping[str, object], path: str, sink: Sink) -> Form:
    """The form of a conference object, told by the members only one form defines; an object
    with members of both is ``unknown-field`` (it is neither form)."""
    found: dict[str, list[str]] = {CALENDAR.name: [], ADDON.name: []}
    places: list[tuple[Mapping[str, object], str, bool]] = [(obj, path, False)]
    for index, item in enumerate(array(obj.get(_ENTRY_POINTS)) or ()):
        entry = members(item)
        if entry is not None:
            places.append((entry, pointer(path, _ENTRY_POINTS, index), True))
    for place, where, entry_point in places:
        for one, other in ((CALENDAR, ADDON), (ADDON, CALENDAR)):
            for name in sorted(_only(one, other, list(place), entry_point)):
                found[one.name].append(pointer(where, name))
    calendar, addon = found[CALENDAR.name], found[ADDON.name]
    if calendar and addon:
        sink.report(
            "unknown-field",
            path,
            f"conference data must be in one form: this object has members of the Calendar "
            f"form ({', '.join(calendar[:3])}) and of the add-on form ({', '.join(addon[:3])})",
        )
    return ADDON if addon and not calendar else CALENDAR


def _calendar_json(data: ConferenceData) -> tuple[Mapping[str, object], Form]:
    """A :class:`~confdata.ConferenceData` as JSON and its form: the Calendar form (which gives
    back what a lenient read kept), else its add-on form (which a lenient add-on read gives
    back), else the Calendar form made from its fields."""
    try:
        return data.to_calendar_json(), CALENDAR
    except ValidationError:  # values read from the add-on form that Calendar cannot spell
        pass
    try:
        return data.to_addon_json(), ADDON
    except ValidationError:
        pass
    solution = data.conference_solution
    made = {
        CONFERENCE_ID.json: data.conference_id,
        _SOLUTION: None if solution is None else {_SOLUTION_NAME: solution.name},
        _ENTRY_POINTS: [
            {
                CALENDAR.type_member: str(point.type),
                URI.json: point.uri,
                **{text.json: getattr(point, text.attr) for text in CODES},
                CALENDAR.features_member: [str(feature) for feature in point.features],
            }
            for point in data.entry_points
        ],
    }
    return made, CALENDAR


def _fail(sink: Sink) -> NoReturn:
    sink.raise_errors()
    raise AssertionError("unreachable: an error was reported")  # pragma: no cover


def join_info(source: object) -> JoinInfo:
    """The join information of a :class:`~confdata.ConferenceData`, conference data in the
    Calendar form or the add-on form, or an Event resource (an event without conference data
    gives an empty :class:`JoinInfo`).

    Raises :class:`~confdata.ValidationError`: ``type`` when a member the join information
    comes from has the wrong JSON type, or when ``source`` is none of these (an object with
    none of their members); ``unknown-field`` when conference data mixes the two forms'
    members. Paths point into ``source``.
    """
    sink = Sink()
    if issubclass(type(source), ConferenceData):
        data, form = _calendar_json(cast(ConferenceData, source))
        return _read(data, "", sink, form)
    obj = _object(source, "", sink)
    if obj is None:
        _fail(sink)
    conference = CALENDAR.members | ADDON.members
    event = is_event(obj)
    if not event and conference.isdisjoint(obj):
        if _EVENT_MEMBERS.isdisjoint(obj):
            names = ", ".join(show(name) for name in sorted(obj)[:5])
            sink.report(
                "type",
                "",
                f"must be conference data (the Calendar form or the add-on form) or an Event "
                f"resource (got an object with none of their members: {names or 'none at all'})",
            )
            _fail(sink)
        event = True  # an Event without conference data (only some of its fields asked for)
    if event:
        inner = obj.get(_CONFERENCE_DATA)
        if inner is None:
            return JoinInfo()
        found = _object(inner, "/" + _CONFERENCE_DATA, sink)
        if found is None:
            _fail(sink)
        obj, path = found, "/" + _CONFERENCE_DATA
    else:
        path = ""
    form = _form(obj, path, sink)
    sink.raise_errors()
    return _read(obj, path, sink, form)
