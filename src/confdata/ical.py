"""Conference data in iCalendar: RFC 7986 ``CONFERENCE`` properties, and Google's
``X-GOOGLE-CONFERENCE``, on an :class:`icalendar.Event` (``pip install confdata[ical]``).

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
        "confdata.ical needs the icalendar package (version 7 or later): "
        "pip install confdata[ical]",
        name="icalendar",
    ) from error

from . import ConferenceData, join_info
from ._core.sink import Sink
from ._core.text import describe_type
from .join import JoinPoint

__all__ = ["CodesInUri", "add_conference", "read_conference"]

CodesInUri = Literal["none", "meeting-id", "all"]
"""What :func:`add_conference` appends to a phone's ``tel:`` URI (one that has no dial
sequence yet): ``"none"``; ``"meeting-id"``, its meeting code or access code and ``#``;
``"all"``, also its PIN, passcode or password: a secret, visible to every reader."""

_MORE_LABEL = "More ways to join"
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
    if codes_in_uri not in get_args(CodesInUri):
        raise ValueError(f"codes_in_uri must be one of {get_args(CodesInUri)}: {codes_in_uri!r}")
    sink = Sink()
    if not isinstance(event, icalendar.cal.Component):
        sink.report(
            "type", "", f"event must be an icalendar component (got {describe_type(event)})"
        )
    if not isinstance(data, ConferenceData):
        sink.report("type", "", f"data must be a ConferenceData (got {describe_type(data)})")
    sink.raise_errors()
    info = join_info(data)
    if info.video is not None:
        event.add("CONFERENCE", _property(info.video.uri, ["AUDIO", "VIDEO"], info.video.label))
        if google:
            event.add("X-GOOGLE-CONFERENCE", info.video.uri)
    for phone in info.phones:
        label = phone.label or phone.number
        event.add("CONFERENCE", _property(_dialled(phone, codes_in_uri), ["PHONE"], label))
    if info.sip is not None:
        event.add("CONFERENCE", _property(info.sip.uri, ["AUDIO", "VIDEO"], info.sip.label))
    if info.more_uri is not None:
        event.add("CONFERENCE", _property(info.more_uri, [], _MORE_LABEL))


def _features(value: object) -> list[str]:
    if isinstance(value, str):
        return [part.strip().upper() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(part).strip().upper() for part in value]
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


def read_conference(
    event: icalendar.cal.Component, *, conference_id: str | None = None
) -> ConferenceData | None:
    """The conference of an event's ``CONFERENCE`` and ``X-GOOGLE-CONFERENCE`` properties,
    read leniently (what breaks a rule is kept, and reported by ``validate_calendar_json``
    of its ``to_calendar_json()``), or None if it has neither.

    A Google Meet link gives a ``hangoutsMeet`` conference whose ID is the meeting code;
    anything else an ``addOn`` conference with ``conference_id`` (iCalendar carries none).
    """
    sink = Sink()
    if not isinstance(event, icalendar.cal.Component):
        sink.report(
            "type", "", f"event must be an icalendar component (got {describe_type(event)})"
        )
        sink.raise_errors()
    points: list[dict[str, object]] = []
    google = event.get("X-GOOGLE-CONFERENCE")
    for value in google if isinstance(google, list) else [] if google is None else [google]:
        points.append({"entryPointType": "video", "uri": str(value)})
    found = event.get("CONFERENCE")
    for value in found if isinstance(found, list) else [] if found is None else [found]:
        conference = icalendar.Conference.from_uri(value)
        uri = str(conference.uri)
        if any(point["uri"] == uri for point in points):
            continue  # Google's link, written twice
        features = _features(conference.feature)
        kind = _entry_type(uri, features, any(p["entryPointType"] == "video" for p in points))
        point: dict[str, object] = {"entryPointType": kind, "uri": uri}
        if conference.label and kind != "more":
            point["label"] = str(conference.label)
        points.append(point)
    if not points:
        return None
    meet = next((m for p in points if (m := _MEET.match(str(p["uri"])))), None)
    solution = "hangoutsMeet" if meet else "addOn"
    obj: dict[str, object] = {
        "conferenceSolution": {"key": {"type": solution}},
        "entryPoints": points,
    }
    if meet is not None:
        obj["conferenceId"] = meet.group(1)
    elif conference_id is not None:
        obj["conferenceId"] = conference_id
    return ConferenceData.from_calendar_json(obj, lenient=True)
