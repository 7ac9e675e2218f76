"""Join information read out of conference data: the link, the numbers, the SIP address.

:func:`join_info` takes a :class:`~confdata.ConferenceData`, the Calendar form
(``Event.conferenceData``) or a whole Event resource, and returns a :class:`JoinInfo`. It reads
the Calendar form's JSON, so data read leniently (unknown entry point types, missing URIs)
works too: what it cannot use is left out, never guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn, cast
from urllib.parse import parse_qs, urlsplit

import attrs

from . import ConferenceData, ValidationError
from ._core.foreign import is_str, members
from ._core.sink import Sink, pointer
from ._core.text import describe_type, mask, show, show_uri

__all__ = ["JoinInfo", "JoinPoint", "join_info"]

_SECRETS = ("pin", "access_code", "meeting_code", "passcode", "password")
_SPELLINGS = {
    "label": "label",
    "pin": "pin",
    "accessCode": "access_code",
    "meetingCode": "meeting_code",
    "passcode": "passcode",
    "password": "password",
    "regionCode": "region_code",
}


def _masked_uri(uri: str) -> str:
    """A URI for a repr: the dial sequence of a ``tel:`` URI and the part of a SIP user after
    the meeting number (Zoom's ``id.passcode@``) masked, and the query secrets of any URI."""
    scheme, _, rest = uri.partition(":")
    if scheme.lower() == "tel":
        number, separator, _ = rest.partition(",") if "," in rest else rest.partition(";")
        return f"tel:{number}{separator}<masked>" if separator else uri
    if scheme.lower() in ("sip", "sips") and "@" in rest:
        user, _, host = rest.partition("@")
        head, dot, _ = user.partition(".")
        if dot or ":" in user:
            return f"{scheme}:{head.partition(':')[0]}.<masked>@{host}"
    return uri


def _show(uri: str | None) -> str:
    return "None" if uri is None else show_uri(_masked_uri(uri))


@attrs.frozen(kw_only=True, repr=False)
class JoinPoint:
    """One way to join, as the Calendar form spells it; secrets are masked in the repr."""

    type: str
    """``video``, ``phone``, ``sip``, ``more``, or a type confdata does not know."""
    uri: str
    """The URI, with Calendar's ``https://www.google.com/url?q=`` wrapper removed."""
    label: str | None = None
    pin: str | None = None
    access_code: str | None = None
    meeting_code: str | None = None
    passcode: str | None = None
    password: str | None = None
    region_code: str | None = None
    features: tuple[str, ...] = ()
    """``toll`` / ``toll_free`` (as spelled in the Calendar form)."""

    @property
    def number(self) -> str | None:
        """The phone number of a ``tel:`` URI, without what is dialled after it."""
        if not self.uri.lower().startswith("tel:"):
            return None
        body = self.uri[4:]
        for separator in (",", ";"):
            body = body.partition(separator)[0]
        return body

    @property
    def toll_free(self) -> bool:
        """True when the entry point has the ``toll_free`` feature."""
        return "toll_free" in self.features

    def __repr__(self) -> str:
        parts = [f"type={self.type!r}", f"uri={_show(self.uri)}"]
        for name in ("label", *_SECRETS, "region_code"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={mask(value) if name in _SECRETS else repr(value)}")
        if self.features:
            parts.append(f"features={self.features!r}")
        return f"JoinPoint({', '.join(parts)})"


@attrs.frozen(kw_only=True, repr=False)
class JoinInfo:
    """What an attendee needs to join a conference, read from its conference data."""

    join_uri: str | None = None
    """The primary way in: the video URI, else the first phone's, else the SIP URI."""
    video: JoinPoint | None = None
    phones: tuple[JoinPoint, ...] = ()
    """Every phone entry point, in order: Calendar shows the first two [S5]."""
    sip: JoinPoint | None = None
    more_uri: str | None = None
    """The page with more ways to join (unwrapped)."""
    conference_id: str | None = None
    solution_name: str | None = None
    others: tuple[JoinPoint, ...] = ()
    """Entry points of a type confdata does not know, and a second video, SIP or more entry
    point (data read leniently may have them)."""

    @property
    def shown_phones(self) -> tuple[JoinPoint, ...]:
        """The phones Calendar shows: the first two."""
        return self.phones[:2]

    @property
    def other_phones(self) -> tuple[JoinPoint, ...]:
        """The phones Calendar does not show."""
        return self.phones[2:]

    @property
    def sip_uri(self) -> str | None:
        """The SIP URI, if any."""
        return None if self.sip is None else self.sip.uri

    def __repr__(self) -> str:
        parts = [f"join_uri={_show(self.join_uri)}"]
        for name in ("video", "sip"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.phones:
            parts.append(f"phones={self.phones!r}")
        if self.more_uri is not None:
            parts.append(f"more_uri={_show(self.more_uri)}")
        for name in ("conference_id", "solution_name"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.others:
            parts.append(f"others={self.others!r}")
        return f"JoinInfo({', '.join(parts)})"


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


def _string(obj: Mapping[str, object], key: str, path: str, sink: Sink) -> str | None:
    value = obj.get(key)
    if value is None or is_str(value):
        return None if value is None else str.__str__(value)
    sink.report("type", pointer(path, key), f"{key} must be a string (got {show(value)})")
    return None


def _point(item: Mapping[str, object], path: str, sink: Sink) -> JoinPoint | None:
    kind = _string(item, "entryPointType", path, sink)
    uri = _string(item, "uri", path, sink)
    fields: dict[str, Any] = {}
    for spelling, name in _SPELLINGS.items():
        value = _string(item, spelling, path, sink)
        if value is not None and not (name in _SECRETS and value == ""):
            fields[name] = value
    raw = item.get("entryPointFeatures")
    features: list[str] = []
    if type(raw) is list or type(raw) is tuple:
        for index, feature in enumerate(raw):
            if is_str(feature):
                features.append(str.__str__(feature))
            else:
                where = pointer(path, "entryPointFeatures", index)
                sink.report("type", where, f"a feature must be a string (got {show(feature)})")
    elif raw is not None:
        sink.report("type", pointer(path, "entryPointFeatures"), "must be an array of strings")
    if kind is None or uri is None:  # nothing to join with: left out
        return None
    return JoinPoint(type=kind, uri=unwrap(uri), features=tuple(features), **fields)


def _read(obj: Mapping[str, object], path: str, sink: Sink) -> JoinInfo:
    points: list[JoinPoint] = []
    raw = obj.get("entryPoints")
    if type(raw) is list or type(raw) is tuple:
        for index, item in enumerate(raw):
            where = pointer(path, "entryPoints", index)
            entry = _object(item, where, sink)
            point = None if entry is None else _point(entry, where, sink)
            if point is not None:
                points.append(point)
    elif raw is not None:
        sink.report("type", pointer(path, "entryPoints"), "entryPoints must be an array")
    conference_id = _string(obj, "conferenceId", path, sink)
    solution_name = None
    solution = obj.get("conferenceSolution")
    if solution is not None:
        members = _object(solution, pointer(path, "conferenceSolution"), sink)
        if members is not None:
            solution_name = _string(members, "name", pointer(path, "conferenceSolution"), sink)
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


_ADDON_TYPES = {"VIDEO": "video", "PHONE": "phone", "SIP": "sip", "MORE": "more"}
_ADDON_FEATURES = {"TOLL": "toll", "TOLL_FREE": "toll_free"}


def _from_addon(markup: Mapping[str, Any]) -> dict[str, object]:
    """The add-on form's entry points in the Calendar form's spellings (an unknown type or
    feature read leniently keeps its own)."""
    points = []
    for point in markup.get("entryPoints", ()):
        copied = dict(point)
        kind = copied.pop("type", None)
        copied["entryPointType"] = _ADDON_TYPES.get(kind, kind) if is_str(kind) else kind
        features = copied.pop("features", ())
        copied["entryPointFeatures"] = [
            _ADDON_FEATURES.get(f, f) if is_str(f) else f for f in features
        ]
        points.append(copied)
    return {"conferenceId": markup.get("conferenceId"), "entryPoints": points}


def _calendar_json(data: ConferenceData) -> dict[str, object]:
    """A :class:`~confdata.ConferenceData` in the Calendar form: emitted (which gives back
    what a lenient read kept), else its add-on form (which a lenient add-on read gives back),
    else made from its fields."""
    try:
        return dict(data.to_calendar_json())
    except ValidationError:  # values read from the add-on form that Calendar cannot spell
        pass
    try:
        return _from_addon(data.to_addon_json())
    except ValidationError:
        pass
    solution = data.conference_solution
    return {
        "conferenceId": data.conference_id,
        "conferenceSolution": None if solution is None else {"name": solution.name},
        "entryPoints": [
            {
                "entryPointType": str(point.type),
                "uri": point.uri,
                "label": point.label,
                "pin": point.pin,
                "accessCode": point.access_code,
                "meetingCode": point.meeting_code,
                "passcode": point.passcode,
                "password": point.password,
                "regionCode": point.region_code,
                "entryPointFeatures": [str(feature) for feature in point.features],
            }
            for point in data.entry_points
        ],
    }


def _fail(sink: Sink) -> NoReturn:
    sink.raise_errors()
    raise AssertionError("unreachable: an error was reported")  # pragma: no cover


def join_info(source: object) -> JoinInfo:
    """The join information of a :class:`~confdata.ConferenceData`, a Calendar-form
    ``conferenceData`` object, or an Event resource (an event without conference data gives
    an empty :class:`JoinInfo`).

    Raises :class:`~confdata.ValidationError` (code ``type``) when a member the join
    information comes from has the wrong JSON type, with its path in what was given.
    """
    sink = Sink()
    if issubclass(type(source), ConferenceData):
        return _read(_calendar_json(cast(ConferenceData, source)), "", sink)
    obj = _object(source, "", sink)
    if obj is None:
        _fail(sink)
    if "conferenceData" in obj or obj.get("kind") == "calendar#event":  # an Event resource
        inner = obj.get("conferenceData")
        if inner is None:
            return JoinInfo()
        conference = _object(inner, "/conferenceData", sink)
        if conference is None:
            _fail(sink)
        return _read(conference, "/conferenceData", sink)
    return _read(obj, "", sink)
