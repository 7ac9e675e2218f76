"""Microsoft Teams: a Microsoft Graph ``onlineMeeting``, or the ``onlineMeetingInfo`` of a Graph
calendar event (its ``onlineMeeting`` property).

Field names and shapes:

- onlineMeeting: https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting
- audioConferencing: https://learn.microsoft.com/en-us/graph/api/resources/audioconferencing
- joinMeetingIdSettings: https://learn.microsoft.com/en-us/graph/api/resources/joinmeetingidsettings
- onlineMeetingInfo: https://learn.microsoft.com/en-us/graph/api/resources/onlinemeetinginfo

==============================================  ============================================
Graph                                           ConferenceData
==============================================  ============================================
``id``                                          conference ID; parameter ``meetingId``
``joinWebUrl``                                  video URI
``joinMeetingIdSettings.joinMeetingId``         video ``meetingCode``
``joinMeetingIdSettings.passcode``              video ``passcode``
``audioConferencing.tollNumbers[]``             phones with the ``toll`` feature
``audioConferencing.tollFreeNumbers[]``         phones with the ``toll_free`` feature
``audioConferencing.tollNumber`` /              the same (deprecated single numbers, which
``tollFreeNumber``                              Graph also puts in the collections)
``audioConferencing.conferenceId``              phone ``accessCode`` ("Phone conference ID")
``audioConferencing.dialinUrl``                 the ``more`` entry point
``videoTeleconferenceId``                       SIP, through ``sip_template``
==============================================  ============================================

An ``onlineMeetingInfo`` has ``joinUrl``, ``conferenceId`` (then also the conference ID),
``tollNumber``, ``tollFreeNumbers`` and ``phones[].number`` (no toll feature: Graph gives a
phone type such as ``business`` instead); ``quickDial`` repeats a number and is not read.
A response is read as an ``onlineMeetingInfo`` when it has ``joinUrl`` but neither ``id``
nor ``joinWebUrl``.

Graph's own create example spells ``"ConferenceId"``; that spelling is read too. The dial
sequence ``,,{conferenceId}#`` is the one in the ``joinInformation`` Graph returns
(``tel:+16477490000,,11160000#``); Teams asks for no phone passcode, so ``dial_codes="all"``
adds nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypedDict

from .. import ConferenceData
from .._core.foreign import is_str
from .._core.sink import Sink, pointer
from ._build import Code, Number, Plan, Source, assemble, dial_digits, number
from ._options import DEFAULT_OPTIONS, ProviderOptions, checked
from ._read import Members, array, fail, members, text

__all__ = [
    "TeamsAudioConferencing",
    "TeamsJoinMeetingIdSettings",
    "TeamsOnlineMeeting",
    "TeamsOnlineMeetingInfo",
    "TeamsPhone",
    "from_teams",
]


class TeamsAudioConferencing(TypedDict, total=False):
    """Graph ``audioConferencing``."""

    conferenceId: str
    dialinUrl: str
    tollNumbers: list[str]
    tollFreeNumbers: list[str]
    tollNumber: str
    tollFreeNumber: str


class TeamsJoinMeetingIdSettings(TypedDict, total=False):
    """Graph ``joinMeetingIdSettings``."""

    joinMeetingId: str
    passcode: str | None
    isPasscodeRequired: bool


class TeamsOnlineMeeting(TypedDict, total=False):
    """The members of a Graph ``onlineMeeting`` the converter reads."""

    id: str
    joinWebUrl: str
    joinMeetingIdSettings: TeamsJoinMeetingIdSettings
    audioConferencing: TeamsAudioConferencing
    videoTeleconferenceId: str


class TeamsPhone(TypedDict, total=False):
    """Graph ``phone``."""

    number: str
    type: str


class TeamsOnlineMeetingInfo(TypedDict, total=False):
    """Graph ``onlineMeetingInfo`` (an event's ``onlineMeeting``)."""

    conferenceId: str
    joinUrl: str
    phones: list[TeamsPhone]
    quickDial: str
    tollFreeNumbers: list[str]
    tollNumber: str


def _numbers(obj: Members, key: str, path: str, sink: Sink, toll_free: bool | None) -> list[Number]:
    """The numbers of an array of strings."""
    found = []
    for index, raw in enumerate(array(obj, key, path, sink)):
        where = pointer(path, key, index)
        if not is_str(raw):
            sink.report("provider-type", where, f"{key}[{index}] must be a string")
            continue
        made = number(str.__str__(raw), where, sink, toll_free=toll_free)
        if made is not None:
            found.append(made)
    return found


def _one(obj: Members, key: str, path: str, sink: Sink, toll_free: bool) -> list[Number]:
    written = text(obj, key, path, sink)
    if written is None:
        return []
    made = number(written, pointer(path, key), sink, toll_free=toll_free)
    return [] if made is None else [made]


def _dial(conference_id: str | None) -> Callable[[str], str]:
    keyed = dial_digits(conference_id)

    def dial(mode: str) -> str:
        return f",,{keyed}%23" if keyed is not None and mode != "none" else ""

    return dial


def from_teams(
    online_meeting: TeamsOnlineMeeting | TeamsOnlineMeetingInfo | Mapping[str, Any],
    options: ProviderOptions = DEFAULT_OPTIONS,
) -> ConferenceData:
    """The conference of a Graph ``onlineMeeting`` (or an event's ``onlineMeetingInfo``).

    Raises :class:`~confdata.ValidationError` whose problems point into ``online_meeting``.
    """
    options = checked(options)
    sink = Sink()
    root = members(online_meeting, "", sink, "the online meeting", null=False)
    if root is None:
        fail(sink)
    if "joinUrl" in root and "id" not in root and "joinWebUrl" not in root:
        return _from_info(root, options, sink)
    meeting_id = text(root, "id", "", sink, required=True)
    join_url = text(root, "joinWebUrl", "", sink, required=True)
    vtc_id = text(root, "videoTeleconferenceId", "", sink)
    settings = (
        members(
            root.get("joinMeetingIdSettings"),
            "/joinMeetingIdSettings",
            sink,
            "joinMeetingIdSettings",
        )
        or {}
    )
    join_id = text(settings, "joinMeetingId", "/joinMeetingIdSettings", sink)
    passcode = text(settings, "passcode", "/joinMeetingIdSettings", sink, secret=True)
    audio = (
        members(root.get("audioConferencing"), "/audioConferencing", sink, "audioConferencing")
        or {}
    )
    path = "/audioConferencing"
    id_key = "ConferenceId" if "conferenceId" not in audio and "ConferenceId" in audio else None
    conference_id = text(audio, id_key or "conferenceId", path, sink)
    dialin_url = text(audio, "dialinUrl", path, sink)
    numbers = [
        *_numbers(audio, "tollFreeNumbers", path, sink, True),
        *_one(audio, "tollFreeNumber", path, sink, True),
        *_numbers(audio, "tollNumbers", path, sink, False),
        *_one(audio, "tollNumber", path, sink, False),
    ]
    if meeting_id is None or join_url is None:
        fail(sink)
    video_codes = {}
    if join_id is not None:
        video_codes["meeting_code"] = Code(join_id, "/joinMeetingIdSettings/joinMeetingId")
    if passcode is not None:
        video_codes["passcode"] = Code(passcode, "/joinMeetingIdSettings/passcode")
    phone_codes = {}
    if conference_id is not None:
        phone_codes["access_code"] = Code(conference_id, f"{path}/{id_key or 'conferenceId'}")
    sip = None
    if options.sip_template is not None and vtc_id is not None:
        sip = Source(
            uri=Code(options.sip_template.replace("{id}", vtc_id), "/videoTeleconferenceId")
        )
    plan = Plan(
        conference_id=Code(meeting_id, "/id"),
        video=Source(uri=Code(join_url, "/joinWebUrl"), codes=video_codes),
        numbers=tuple(numbers),
        numbers_path=path,
        phone_codes=phone_codes,
        dial=_dial(conference_id),
        sip=sip,
        more=None if dialin_url is None else Code(dialin_url, f"{path}/dialinUrl"),
        parameters=(("meetingId", Code(meeting_id, "/id")),),
    )
    return assemble(plan, options, sink)


def _from_info(root: Members, options: ProviderOptions, sink: Sink) -> ConferenceData:
    """An ``onlineMeetingInfo``: its phone conference ID is the only ID it has."""
    join_url = text(root, "joinUrl", "", sink, required=True)
    conference_id = text(root, "conferenceId", "", sink, required=True)
    numbers = [
        *_numbers(root, "tollFreeNumbers", "", sink, True),
        *_one(root, "tollNumber", "", sink, False),
    ]
    for index, raw in enumerate(array(root, "phones", "", sink)):
        where = pointer("/phones", index)
        phone = members(raw, where, sink, "a phone", null=False)
        if phone is None:
            continue
        written = text(phone, "number", where, sink, required=True)
        made = None if written is None else number(written, pointer(where, "number"), sink)
        if made is not None and all(made.digits != known.digits for known in numbers):
            numbers.append(made)
    if join_url is None or conference_id is None:
        fail(sink)
    id_code = Code(conference_id, "/conferenceId")
    plan = Plan(
        conference_id=id_code,
        video=Source(uri=Code(join_url, "/joinUrl")),
        numbers=tuple(numbers),
        numbers_path="",
        phone_codes={"access_code": id_code},
        dial=_dial(conference_id),
        parameters=(("conferenceId", id_code),),
    )
    return assemble(plan, options, sink)
