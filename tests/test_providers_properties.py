"""Properties of the converters over generated provider responses (tests/provider_strategies.py).

For every response in a documented shape and any options: both forms of the result validate
with no error, and no dial-in number or code is lost: each is in an entry point, or (numbers)
reachable through the ``more`` link.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from confdata import (
    ConferenceData,
    EntryPoint,
    EntryPointType,
    join_info,
    validate_addon_json,
    validate_calendar_json,
)
from confdata.providers import ProviderOptions, from_teams, from_webex, from_zoom

from .provider_strategies import options, teams_meetings, webex_meetings, zoom_meetings

EXAMPLES = settings(max_examples=60, deadline=None)


def _digits(written: str) -> str:
    digits = "".join(c for c in written if c.isdigit())
    return f"+{digits}" if written.strip().startswith("+") else digits


def _of(data: ConferenceData, kind: EntryPointType) -> list[EntryPoint]:
    return [ep for ep in data.entry_points if ep.type is kind]


def _check(data: ConferenceData, numbers: list[str]) -> None:
    """No error in either form; every number in a phone URI unless there is a more link."""
    calendar = validate_calendar_json(data.to_calendar_json())
    addon = validate_addon_json(data.to_addon_json())
    assert [p for p in calendar + addon if p.is_error] == []
    dialled = {ep.uri[4:].split(",")[0] for ep in _of(data, EntryPointType.PHONE)}
    if not _of(data, EntryPointType.MORE):
        assert {_digits(n) for n in numbers} <= dialled
    info = join_info(data)
    assert info.join_uri == _of(data, EntryPointType.VIDEO)[0].uri
    assert [p.uri for p in info.phones] == [ep.uri for ep in _of(data, EntryPointType.PHONE)]


@EXAMPLES
@given(zoom_meetings(), options)
def test_zoom_output_is_valid_and_loses_no_number_or_code(
    meeting: dict[str, Any], chosen: ProviderOptions
) -> None:
    """Any Zoom meeting: valid output, every number and code kept."""
    data = from_zoom(meeting, chosen)
    settings_ = meeting.get("settings", {})
    voip = settings_.get("audio") == "voip"
    numbers = [] if voip else [n["number"] for n in settings_.get("global_dial_in_numbers", [])]
    _check(data, numbers)
    (video,) = _of(data, EntryPointType.VIDEO)
    assert video.meeting_code == data.conference_id == str(meeting["id"])
    assert video.passcode == (meeting.get("password") or None)
    for phone in _of(data, EntryPointType.PHONE):
        assert phone.passcode == meeting.get("pstn_password")
        assert phone.meeting_code == str(meeting["id"])
    for sip in _of(data, EntryPointType.SIP):
        assert sip.passcode == meeting.get("h323_password")
    assert ("meetingUuid" in {p.key for p in data.parameters}) == ("uuid" in meeting)


@EXAMPLES
@given(teams_meetings(), options)
def test_teams_output_is_valid_and_loses_no_number_or_code(
    meeting: dict[str, Any], chosen: ProviderOptions
) -> None:
    """Any onlineMeeting or onlineMeetingInfo: valid output, every number and code kept."""
    data = from_teams(meeting, chosen)
    if "joinUrl" in meeting:  # onlineMeetingInfo
        audio, conference_id = meeting, meeting["conferenceId"]
        numbers = [*audio.get("tollFreeNumbers", []), *[p["number"] for p in audio["phones"]]]
        numbers += [audio["tollNumber"]] if "tollNumber" in audio else []
    else:
        audio = meeting.get("audioConferencing", {})
        conference_id = audio.get("conferenceId") or audio.get("ConferenceId")
        numbers = [*audio.get("tollNumbers", []), *audio.get("tollFreeNumbers", [])]
        numbers += [audio[k] for k in ("tollNumber", "tollFreeNumber") if k in audio]
        settings_ = meeting.get("joinMeetingIdSettings", {})
        (video,) = _of(data, EntryPointType.VIDEO)
        assert video.meeting_code == settings_.get("joinMeetingId")
        assert video.passcode == settings_.get("passcode")
    _check(data, numbers)
    for phone in _of(data, EntryPointType.PHONE):
        assert phone.access_code == conference_id


@EXAMPLES
@given(webex_meetings(), options)
def test_webex_output_is_valid_and_loses_no_number_or_code(
    meeting: dict[str, Any], chosen: ProviderOptions
) -> None:
    """Any Webex meeting: valid output, every number and code kept."""
    data = from_webex(meeting, chosen)
    telephony = meeting.get("telephony", {})
    _check(data, [n["callInNumber"] for n in telephony.get("callInNumbers", [])])
    (video,) = _of(data, EntryPointType.VIDEO)
    assert video.meeting_code == meeting.get("meetingNumber")
    assert video.password == meeting.get("password")
    for phone in _of(data, EntryPointType.PHONE):
        assert phone.access_code == telephony.get("accessCode")
        assert phone.password == meeting.get("phoneAndVideoSystemPassword")
    for sip in _of(data, EntryPointType.SIP):
        assert sip.password == meeting.get("phoneAndVideoSystemPassword")
    assert "314159" not in repr(data.to_calendar_json())  # the host key
