"""Webex: the meeting object of the Webex Meetings API ("Get a Meeting", "Create a Meeting").

Field names and shapes: https://developer.webex.com/docs/api/v1/meetings/get-a-meeting

==============================================  ============================================
Webex                                           ConferenceData
==============================================  ============================================
``id``                                          conference ID; parameter ``meetingId``
``meetingNumber``                               video and SIP ``meetingCode``
``webLink``                                     video URI
``password``                                    video ``password``
``phoneAndVideoSystemPassword``                 phone and SIP ``password`` (the numeric one)
``sipAddress`` (``"25967357926@example.com"``)  SIP URI (``sip:`` added)
``telephony.accessCode``                        phone ``accessCode``
``telephony.callInNumbers[]``                   phones: ``callInNumber``
                                                (``"+1-415-527-5035"``), ``tollType``
                                                ``toll``/``tollFree``
==============================================  ============================================

Never used: ``hostKey`` (the host's key) and ``telephony.links`` (an API address, not a page
attendees can open: see ``more_uri``). A number's ``label`` ("US Toll") is not kept: the
entry point's label is the number as Webex writes it. The API reference says attendees dial
"the call-in number or the global call-in number, followed by the value of the
``accessCode``": that is the ``meeting-id`` dial sequence, ``,,{accessCode}#``. It documents
no sequence for the numeric password, so ``dial_codes="all"`` adds nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from .. import ConferenceData
from .._core.sink import Sink, pointer
from ._build import Code, Number, Plan, Source, assemble, dial_digits, dial_in
from ._options import DEFAULT_OPTIONS, ProviderOptions, checked
from ._read import array, fail, members, text

__all__ = ["WebexCallInNumber", "WebexMeeting", "WebexTelephony", "from_webex"]


class WebexCallInNumber(TypedDict, total=False):
    """One of ``telephony.callInNumbers``."""

    label: str
    callInNumber: str
    tollType: Literal["toll", "tollFree"]


class WebexTelephony(TypedDict, total=False):
    """Webex ``telephony``."""

    accessCode: str
    callInNumbers: list[WebexCallInNumber]
    links: list[dict[str, str]]


class WebexMeeting(TypedDict, total=False):
    """The members of a Webex meeting object the converter reads."""

    id: str
    meetingNumber: str
    webLink: str
    password: str
    phoneAndVideoSystemPassword: str
    sipAddress: str
    telephony: WebexTelephony


_TOLL_TYPES = {"toll": False, "tollFree": True}


def from_webex(
    meeting: WebexMeeting | Mapping[str, Any], options: ProviderOptions = DEFAULT_OPTIONS
) -> ConferenceData:
    """The conference of a Webex meeting object.

    Raises :class:`~confdata.ValidationError` whose problems point into ``meeting``.
    """
    options = checked(options)
    sink = Sink()
    root = members(meeting, "", sink, "the Webex meeting", null=False)
    if root is None:
        fail(sink)
    meeting_id = text(root, "id", "", sink, required=True)
    web_link = text(root, "webLink", "", sink, required=True)
    meeting_number = text(root, "meetingNumber", "", sink)
    password = text(root, "password", "", sink, secret=True)
    numeric = text(root, "phoneAndVideoSystemPassword", "", sink, secret=True)
    sip_address = text(root, "sipAddress", "", sink)
    telephony = members(root.get("telephony"), "/telephony", sink, "telephony") or {}
    access_code = text(telephony, "accessCode", "/telephony", sink)
    numbers: list[Number] = []
    for index, raw in enumerate(array(telephony, "callInNumbers", "/telephony", sink)):
        path = pointer("/telephony/callInNumbers", index)
        item = members(raw, path, sink, "a call-in number", null=False)
        if item is None:
            continue
        kind = text(item, "tollType", path, sink)
        text(item, "label", path, sink)  # checked for its type only
        found = dial_in(item, "callInNumber", path, sink, toll_free=_TOLL_TYPES.get(kind or ""))
        if found is not None:
            numbers.append(found)
    if meeting_id is None or web_link is None:
        fail(sink)
    number_code = None if meeting_number is None else Code(meeting_number, "/meetingNumber")
    numeric_code = None if numeric is None else Code(numeric, "/phoneAndVideoSystemPassword")
    video_codes = {}
    if number_code is not None:
        video_codes["meeting_code"] = number_code
    if password is not None:
        video_codes["password"] = Code(password, "/password")
    phone_codes = {}
    if access_code is not None:
        phone_codes["access_code"] = Code(access_code, "/telephony/accessCode")
    sip_codes = {}
    if number_code is not None:
        sip_codes["meeting_code"] = number_code
    if numeric_code is not None:
        phone_codes["password"] = sip_codes["password"] = numeric_code
    sip = None
    if sip_address is not None:
        sip = Source(uri=Code(sip_address, "/sipAddress"), codes=sip_codes)
    elif options.sip_template is not None and meeting_number is not None:
        sip = Source(
            uri=Code(options.sip_template.replace("{id}", meeting_number), "/meetingNumber"),
            codes=sip_codes,
        )
    keyed = dial_digits(access_code)

    def dial(mode: str) -> str:
        return f",,{keyed}%23" if keyed is not None and mode != "none" else ""

    plan = Plan(
        conference_id=Code(meeting_id, "/id"),
        video=Source(uri=Code(web_link, "/webLink"), codes=video_codes),
        numbers=tuple(numbers),
        numbers_path="/telephony/callInNumbers",
        phone_codes=phone_codes,
        dial=dial,
        sip=sip,
        parameters=(("meetingId", Code(meeting_id, "/id")),),
    )
    return assemble(plan, options, sink)
