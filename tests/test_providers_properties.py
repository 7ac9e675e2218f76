"""Properties of the converters over generated provider responses (tests/provider_strategies.py).

For every response in a documented shape and any options: both forms of the result validate
with no error, and no dial-in number or code is lost: each is in an entry point, or (numbers)
reachable through the ``more`` link.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    EntryPoint,
    EntryPointFeature,
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


_COUNTRIES = ("US", "SE", "GB", "DE")


@st.composite
def _dial_ins(draw: st.DrawFn) -> list[dict[str, str]]:
    """Zoom dial-in numbers, each distinct, of a few countries (or none given), toll or
    toll-free (or of no type), most with +country, some without."""
    found = []
    for index in range(draw(st.integers(1, 12))):
        item = {"number": f"{draw(st.sampled_from(['+1 ', '+46 ', '']))}555 {index:04}"}
        country = draw(st.sampled_from((*_COUNTRIES, None)))
        if country is not None:
            item["country"] = country
        kind = draw(st.sampled_from(("toll", "tollfree", None)))
        if kind is not None:
            item["type"] = kind
        found.append(item)
    return found


def _expected_order(
    numbers: list[dict[str, str]], chosen: ProviderOptions
) -> list[tuple[str, bool | None]]:
    """The order ProviderOptions documents, put as buckets: one per preferred region, one for
    the meeting's own country, one for the rest; toll-free first within all but the last."""

    def country(item: dict[str, str]) -> str | None:
        if "country" in item:
            return item["country"]
        return None if item["number"].startswith("+") else chosen.default_region

    home = chosen.default_region or country(numbers[0])
    buckets: list[list[tuple[str, bool | None]]] = [[] for _ in range(len(chosen.regions) + 2)]
    for item in numbers:
        own = country(item) or home
        if own is not None and own in chosen.regions:
            index = chosen.regions.index(own)
        else:
            index = len(chosen.regions) + (0 if own == home else 1)
        toll_free = {"toll": False, "tollfree": True}.get(item.get("type", ""))
        buckets[index].append((item["number"], toll_free))
    for bucket in buckets[:-1]:
        bucket.sort(key=lambda entry: (entry[1] is True) != chosen.toll_free_first)
    return [entry for bucket in buckets for entry in bucket]


@EXAMPLES
@given(
    _dial_ins(),
    st.lists(st.sampled_from(_COUNTRIES), unique=True, max_size=2).map(tuple),
    st.one_of(st.none(), st.sampled_from(_COUNTRIES)),
    st.booleans(),
)
def test_shown_phones_follow_the_meetings_own_country(
    numbers: list[dict[str, str]],
    regions: tuple[str, ...],
    default_region: str | None,
    toll_free_first: bool,
) -> None:
    """The phones come as documented: preferred regions, then the meeting's own country
    (default_region, else the first number's), toll-free first within those only, then the
    rest in Zoom's order; so without preferred regions the first phone shown is one of the
    meeting's country whenever it has any."""
    chosen = ProviderOptions(
        regions=regions,
        default_region=default_region,
        toll_free_first=toll_free_first,
        dial_codes="none",
    )
    meeting = {"id": 123456789, "join_url": "https://zoom.us/j/123456789"}
    data = from_zoom({**meeting, "settings": {"global_dial_in_numbers": numbers}}, chosen)
    toll_free: dict[tuple[EntryPointFeature, ...], bool] = {
        (EntryPointFeature.TOLL,): False,
        (EntryPointFeature.TOLL_FREE,): True,
    }
    phones = [(ep.label, toll_free.get(ep.features)) for ep in _of(data, EntryPointType.PHONE)]
    assert phones == _expected_order(numbers, chosen)
    home = default_region or numbers[0].get("country")
    if not regions and home is not None and any(n.get("country") == home for n in numbers):
        assert _of(data, EntryPointType.PHONE)[0].region_code in (home, None)
