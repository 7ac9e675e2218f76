"""Conference data in iCalendar: RFC 7986 ``CONFERENCE`` properties, and Google's
``X-GOOGLE-CONFERENCE``, on an :class:`icalendar.Event` (the ``ical`` extra: icalendar 7).

:func:`add_conference` writes one ``CONFERENCE`` per entry point, with ``FEATURE`` and
``LABEL`` (RFC 7986 §5.11, §6.1, §6.3): video ``AUDIO,VIDEO``, phone ``PHONE``, SIP
``AUDIO,VIDEO``, and the ``more`` page without a feature (RFC 7986 has none for it).
:func:`read_conference` reads them back, and ``X-GOOGLE-CONFERENCE`` (the Meet link Google
Calendar exports), into a leniently read :class:`~confdata.ConferenceData`.

iCalendar has no place for region codes, toll features, parameters, notes, the solution or
the entry points' codes: they are lost, except the codes you choose to put into ``tel:`` URIs
(``codes_in_uri``), where anyone who sees the invitation can read them.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

try:
    import icalendar
except ImportError as error:  # the optional extra is not installed
    raise ImportError(
        "confdata.ical needs the icalendar package (version 7 or later), which confdata's "
        "ical extra installs: pip install 'icalendar>=7'",
        name="icalendar",
    ) from error

from . import ConferenceData, SolutionType, join_info
from ._core import spec
from ._core.arguments import Arguments
from ._core.foreign import array, exact_str
from ._core.text import describe_type
from .join import JoinPoint

__all__ = ["CodesInUri", "add_conference", "read_conference"]

CodesInUri = Literal["none", "meeting-id", "all"]
"""What :func:`add_conference` appends to a phone's ``tel:`` URI (one that has no dial
sequence yet): ``"none"``; ``"meeting-id"``, its meeting code or access code and ``#``;
``"all"``, also its PIN, passcode or password: a secret, visible to every reader."""

_MORE_LABEL = "More ways to join"
_CONFERENCE = "CONFERENCE"
_GOOGLE = "X-GOOGLE-CONFERENCE"
# Google Meet's meeting code, which is also the conference ID of a hangoutsMeet conference
# (Calendar API v3, ConferenceData.conferenceId).
_MEET = re.compile(r"\Ahttps://meet\.google\.com/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:[/?#]|\Z)")


def _keyed(code: str | None) -> str | None:
    """A code as keypad digits for a dial sequence, or None if it is not digits."""
    keyed = "".join(c for c in code or "" if not (c.isspace() or c == "-"))
    return keyed if keyed.isascii() and keyed.isdigit() else None


def _dialled(point: JoinPoint, codes: CodesInUri) -> str:
    uri = point.uri
    if codes == "none" or "," in uri or ";" in uri:  # already a dial sequence: left as it is
        return uri
    for code in (
        _keyed(point.meeting_code) or _keyed(point.access_code),
        _keyed(point.pin or point.passcode or point.password) if codes == "all" else None,
    ):
        if code is not None:
            uri += f",,{code}%23"
    return uri


def _property(uri: str, features: list[str], label: str | None) -> icalendar.vUri:
    # A list, so that FEATURE is written as RFC 7986 lists values (FEATURE=AUDIO,VIDEO):
    # icalendar's Conference.to_uri() joins them into one quoted value.
    params: dict[str, str | list[str]] = {"VALUE": "URI"}
    if features:
        params["FEATURE"] = features
    if label:
        params["LABEL"] = label
    return icalendar.vUri(uri, params=params)


def add_conference(
    event: icalendar.cal.Component,
    data: ConferenceData,
    *,
    codes_in_uri: CodesInUri = "none",
    google: bool = False,
) -> None:
    """Add ``data``'s entry points to ``event`` as ``CONFERENCE`` properties.

    The order is Calendar's: video, phones (the first two are the ones Calendar shows), SIP,
    more. ``google=True`` also writes ``X-GOOGLE-CONFERENCE`` with the video URI, as Google
    Calendar does. Entry points of types confdata does not know are left out.
    """
    check = Arguments()
    _check_event(check, event)
    if not issubclass(type(data), ConferenceData):
        check.fail("data", f"data must be a ConferenceData (got {describe_type(data)})")
    codes = check.choice("codes_in_uri", codes_in_uri, get_args(CodesInUri))
    check.flag("google", google)
    check.done()
    # The component's own methods (a subclass may override them) are not run: icalendar's are.
    add = icalendar.cal.Component.add
    info = join_info(data)
    if info.video is not None:
        add(event, _CONFERENCE, _property(info.video.uri, ["AUDIO", "VIDEO"], info.video.label))
        if google:
            add(event, _GOOGLE, info.video.uri)
    for phone in info.phones:
        label = phone.label or phone.number
        add(event, _CONFERENCE, _property(_dialled(phone, codes or "none"), ["PHONE"], label))
    if info.sip is not None:
        add(event, _CONFERENCE, _property(info.sip.uri, ["AUDIO", "VIDEO"], info.sip.label))
    if info.more_uri is not None:
        add(event, _CONFERENCE, _property(info.more_uri, [], _MORE_LABEL))


def _check_event(check: Arguments, event: object) -> None:
    if not issubclass(type(event), icalendar.cal.Component):
        check.fail("event", f"event must be an icalendar component (got {describe_type(event)})")


def _values(event: icalendar.cal.Component, name: str) -> list[object]:
    """The values of a property (one or a list), read with icalendar's own ``get``."""
    found = icalendar.cal.Component.get(event, name)
    if found is None:
        return []
    listed = array(found)
    return [found] if listed is None else list(listed)


def _features(value: object) -> list[str]:
    text = exact_str(value)
    if text is not None:
        return [part.strip().upper() for part in text.split(",") if part.strip()]
    listed = array(value)
    if listed is not None:
        return [part.strip().upper() for item in listed if (part := exact_str(item) or "")]
    return []


def _entry_type(uri: str, features: list[str], video_taken: bool) -> str:
    """The entry point type of a ``CONFERENCE``: by scheme, then by feature."""
    scheme = uri.partition(":")[0].lower()
    if scheme == "tel" or "PHONE" in features:
        return "phone"
    if scheme in ("sip", "sips"):
        return "sip"
    if scheme in ("http", "https") and video_taken and "VIDEO" not in features:
        return "more"
    return "video"  # an xmpp: or data: URI too: its uri-scheme problem tells


# The Calendar form's names this module writes, from the spec.
_TYPE, _URI = spec.CALENDAR.type_member, spec.URI.json


def _put(obj: dict[str, object], path: tuple[str, ...], value: object) -> None:
    """Set ``value`` at ``path`` in ``obj``, making the objects on the way."""
    *parents, last = path
    here = obj
    for name in parents:
        here = here.setdefault(name, {})  # type: ignore[assignment]
    here[last] = value


def read_conference(
    event: icalendar.cal.Component, *, conference_id: str | None = None
) -> ConferenceData | None:
    """The conference of an event's ``CONFERENCE`` and ``X-GOOGLE-CONFERENCE`` properties,
    read leniently (what breaks a rule is kept, and reported by ``validate_calendar_json``
    of its ``to_calendar_json()``), or None if it has neither.

    A Google Meet link gives a ``hangoutsMeet`` conference whose ID is the meeting code;
    anything else an ``addOn`` conference with ``conference_id`` (iCalendar carries none).
    """
    check = Arguments()
    _check_event(check, event)
    conference_id = check.optional_text("conference_id", conference_id, empty=True)
    check.done()
    points: list[dict[str, object]] = []
    for value in _values(event, _GOOGLE):
        text = exact_str(value)
        if text is not None:
            points.append({_TYPE: "video", _URI: text})
    for value in _values(event, _CONFERENCE):
        uri = exact_str(value)
        if uri is None or any(point[_URI] == uri for point in points):
            continue  # not a URI; or Google's link, written twice
        # A parsed CONFERENCE is a vUri, its parameters in .params (RFC 7986 §5.11).
        params = icalendar.Conference.from_uri(value) if type(value) is icalendar.vUri else None
        features = _features(None if params is None else params.feature)
        kind = _entry_type(uri, features, any(p[_TYPE] == "video" for p in points))
        point: dict[str, object] = {_TYPE: kind, _URI: uri}
        label = None if params is None else exact_str(params.label)
        if label and kind != "more":
            point[spec.LABEL.json] = label
        points.append(point)
    if not points:
        return None
    meet = next((m for p in points if (m := _MEET.match(str(p[_URI])))), None)
    solution = (SolutionType.HANGOUTS_MEET if meet else SolutionType.ADD_ON).value
    obj: dict[str, object] = {spec.CALENDAR.entry_points_member: points}
    _put(obj, spec.CALENDAR_PATHS.solution_type, solution)
    if meet is not None:
        obj[spec.CONFERENCE_ID.json] = meet.group(1)
    elif conference_id is not None:
        obj[spec.CONFERENCE_ID.json] = conference_id
    return ConferenceData.from_calendar_json(obj, lenient=True)
