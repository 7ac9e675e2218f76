"""Zoom: the meeting object of the Zoom Meetings API, as "Get a meeting"
(``GET /meetings/{meetingId}``) and "Create a meeting" (``POST /users/{userId}/meetings``)
return it.

Field names and shapes: https://developers.zoom.us/docs/api/meetings/#tag/meetings/GET/meetings/{meetingId}

=============================================  ==============================================
Zoom                                           ConferenceData
=============================================  ==============================================
``id`` (int64, the meeting number)             conference ID; parameter ``meetingId``;
                                               ``meetingCode`` of every entry point
``uuid``                                       parameter ``meetingUuid``
``join_url`` (may carry ``?pwd=``)             video URI
``password`` (the meeting passcode)            video ``passcode``
``pstn_password`` (the phone passcode)         phone ``passcode``
``h323_password`` (H.323/SIP room passcode)    SIP ``passcode`` (with ``sip_template``)
``settings.global_dial_in_numbers[]``          phones: ``number`` (``"+1 2332357613"``),
                                               ``type`` ``toll``/``tollfree``, ``country``
                                               (``"BR"``) as the region code
``settings.audio`` ``"voip"``                  no phones (computer audio only)
=============================================  ==============================================

Never used: ``start_url`` (it signs the host in: "should not be shared with anyone other than
the host") and ``encrypted_password``. Zoom's response has no dial-in page and no SIP
address: see ``more_uri`` and ``sip_template``. With ``dial_codes="all"`` the ``tel:`` URI
ends as Zoom's invitations' one-tap numbers do: ``,,{id}#,,,,*{pstn_password}#``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from .. import ConferenceData
from .._core.sink import Sink, pointer
from ._build import Code, Number, Plan, Source, assemble, dial_digits, dial_in, region_of
from ._options import DEFAULT_OPTIONS, ProviderOptions, checked
from ._read import array, fail, identifier, members, text

__all__ = ["ZoomDialInNumber", "ZoomMeeting", "ZoomMeetingSettings", "from_zoom"]


class ZoomDialInNumber(TypedDict, total=False):
    """One of ``settings.global_dial_in_numbers``."""

    city: str
    country: str
    country_name: str
    number: str
    type: Literal["toll", "tollfree"]


class ZoomMeetingSettings(TypedDict, total=False):
    """The members of ``settings`` the converter reads (Zoom documents many more)."""

    audio: Literal["both", "telephony", "voip", "thirdParty"]
    global_dial_in_countries: list[str]
    global_dial_in_numbers: list[ZoomDialInNumber]


class ZoomMeeting(TypedDict, total=False):
    """The members of a Zoom meeting object the converter reads."""

    id: int
    uuid: str
    join_url: str
    password: str
    pstn_password: str
    h323_password: str
    settings: ZoomMeetingSettings


_TOLL_TYPES = {"toll": False, "tollfree": True}


def from_zoom(
    meeting: ZoomMeeting | Mapping[str, Any], options: ProviderOptions = DEFAULT_OPTIONS
) -> ConferenceData:
    """The conference of a Zoom meeting object ("Get a meeting" / "Create a meeting").

    Raises :class:`~confdata.ValidationError` whose problems point into ``meeting``: no
    ``id`` or ``join_url``, members of the wrong type, numbers that are not numbers, values
    Calendar does not take.
    """
    options = checked(options)
    sink = Sink()
    root = members(meeting, "", sink, "the Zoom meeting", null=False)
    if root is None:
        fail(sink)
    meeting_id = identifier(root, "id", "", sink, required=True)
    join_url = text(root, "join_url", "", sink, required=True)
    uuid = text(root, "uuid", "", sink)
    password = text(root, "password", "", sink, secret=True)
    pstn_password = text(root, "pstn_password", "", sink, secret=True)
    h323_password = text(root, "h323_password", "", sink, secret=True)
    settings = members(root.get("settings"), "/settings", sink, "settings") or {}
    audio = text(settings, "audio", "/settings", sink)
    numbers: list[Number] = []
    for index, raw in enumerate(array(settings, "global_dial_in_numbers", "/settings", sink)):
        path = pointer("/settings/global_dial_in_numbers", index)
        item = members(raw, path, sink, "a dial-in number", null=False)
        if item is None:
            continue
        kind = text(item, "type", path, sink)
        country = text(item, "country", path, sink)
        found = dial_in(
            item,
            "number",
            path,
            sink,
            toll_free=_TOLL_TYPES.get(kind or ""),  # another type: no toll feature
            region=region_of(country),
            region_path=pointer(path, "country"),
        )
        if found is not None:
            numbers.append(found)
    if meeting_id is None or join_url is None:
        fail(sink)
    id_code = Code(meeting_id, "/id")
    phone_codes = {"meeting_code": id_code}
    if pstn_password is not None:
        phone_codes["passcode"] = Code(pstn_password, "/pstn_password")

    def dial(mode: str) -> str:
        if mode == "none":
            return ""
        suffix = f",,{meeting_id}%23"
        keyed = dial_digits(pstn_password)
        if mode == "all" and keyed is not None:
            suffix += f",,,,*{keyed}%23"
        return suffix

    video_codes = {"meeting_code": id_code}
    if password is not None:
        video_codes["passcode"] = Code(password, "/password")
    sip = None
    if options.sip_template is not None:
        sip_codes = {"meeting_code": id_code}
        if h323_password is not None:
            sip_codes["passcode"] = Code(h323_password, "/h323_password")
        sip = Source(
            uri=Code(options.sip_template.replace("{id}", meeting_id), "/id"), codes=sip_codes
        )
    parameters = [("meetingId", id_code)]
    if uuid is not None:
        parameters.append(("meetingUuid", Code(uuid, "/uuid")))
    plan = Plan(
        conference_id=id_code,
        video=Source(uri=Code(join_url, "/join_url"), codes=video_codes),
        numbers=() if audio == "voip" else tuple(numbers),
        numbers_path="/settings/global_dial_in_numbers",
        phone_codes=phone_codes,
        dial=dial,
        sip=sip,
        parameters=tuple(parameters),
    )
    return assemble(plan, options, sink)
