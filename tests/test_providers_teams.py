"""confdata.providers.from_teams on Graph onlineMeeting and onlineMeetingInfo objects."""

from __future__ import annotations

import pytest

from confdata import EntryPointFeature, EntryPointType, ValidationError
from confdata.providers import ProviderOptions, from_teams

from .provider_fixtures import error_codes, load


def test_full_online_meeting_maps_every_member_it_reads() -> None:
    """ID, join URL, join meeting ID and passcode, numbers, conference ID, dial-in page."""
    data = from_teams(load("teams_full"))
    assert (data.conference_id or "").startswith("MSpkYzE3Njc0")
    video, phone_1, phone_2, more = data.entry_points
    assert video.uri.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert (video.meeting_code, video.passcode) == ("366 582 012 145", "Ld7Ra2")
    assert [phone_1.uri, phone_2.uri] == [
        "tel:+18445550100,,11160000%23",
        "tel:+46200880100,,11160000%23",
    ]
    assert phone_1.access_code == "11160000"
    assert phone_1.features == (EntryPointFeature.TOLL_FREE,)
    assert more.type is EntryPointType.MORE
    assert more.uri.startswith("https://dialin.teams.microsoft.com/")
    assert {p.key: p.value for p in data.parameters} == {"meetingId": data.conference_id}
    assert error_codes(data) == []


def test_deprecated_single_numbers_are_not_doubled() -> None:
    """tollNumber is also in tollNumbers (Graph says so): one phone each, all kept."""
    data = from_teams(load("teams_full"), ProviderOptions(max_phones=None))
    uris = [ep.uri for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert uris == [
        "tel:+18445550100,,11160000%23",
        "tel:+46200880100,,11160000%23",
        "tel:+16477490000,,11160000%23",
        "tel:+46850578300,,11160000%23",
    ]


def test_preferred_region_needs_a_region_teams_does_not_give() -> None:
    """Graph numbers carry no country: regions change nothing, toll_free_first does."""
    options = ProviderOptions(regions=("SE",), toll_free_first=False, max_phones=None)
    data = from_teams(load("teams_full"), options)
    uris = [ep.uri for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert uris[0] == "tel:+16477490000,,11160000%23"  # toll first, Graph's order


def test_graph_documentation_example_with_capitalised_conference_id() -> None:
    """Graph's own example spells ConferenceId and has passcode null: both are read."""
    data = from_teams(load("teams_graph_example"))
    phones = [ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert [p.access_code for p in phones] == ["24999", "24999"]
    assert data.entry_points[0].passcode is None
    assert error_codes(data) == []


def test_no_audio_conferencing_gives_a_video_only_conference() -> None:
    """audioConferencing null (no licence): just the video entry point."""
    data = from_teams(load("teams_no_dial_in"))
    assert [ep.type for ep in data.entry_points] == [EntryPointType.VIDEO]
    assert data.entry_points[0].meeting_code == "290 273 192 285"


def test_vtc_id_and_a_template_give_the_sip_entry_point() -> None:
    """sip_template with {id} stands for videoTeleconferenceId (the CVI partner's format)."""
    options = ProviderOptions(sip_template="sip:{id}@t.example.vc")
    data = from_teams(load("teams_full"), options)
    sip = next(ep for ep in data.entry_points if ep.type is EntryPointType.SIP)
    assert sip.uri == "sip:0180300000@t.example.vc"


def test_event_online_meeting_info_is_read_too() -> None:
    """An event's onlineMeetingInfo: joinUrl, conferenceId, tollNumber, toll-free and phones."""
    data = from_teams(load("teams_event_online_meeting"))
    assert data.conference_id == "177513992"
    phones = [ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert [(p.uri, p.features) for p in phones] == [
        ("tel:+18005550199,,177513992%23", (EntryPointFeature.TOLL_FREE,)),
        ("tel:+14255550123,,177513992%23", (EntryPointFeature.TOLL,)),
        ("tel:+12065550100,,177513992%23", ()),  # from phones[]: Graph gives no toll type
    ]
    assert error_codes(data) == []


def test_dial_codes_none_keeps_the_access_code_field_only() -> None:
    """dial_codes='none': plain numbers, the conference ID still in accessCode."""
    data = from_teams(load("teams_full"), ProviderOptions(dial_codes="none"))
    phone = data.entry_points[1]
    assert (phone.uri, phone.access_code) == ("tel:+18445550100", "11160000")


def test_problems_point_into_the_graph_json() -> None:
    """Wrong types inside audioConferencing are reported at their Graph paths."""
    meeting = load("teams_full")
    meeting["audioConferencing"]["tollNumbers"] = ["+1 647-749-0000", 5]
    meeting["audioConferencing"]["dialinUrl"] = ["x"]
    del meeting["joinWebUrl"]
    with pytest.raises(ValidationError) as caught:
        from_teams(meeting)
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("provider-required", "/joinWebUrl"),
        ("provider-type", "/audioConferencing/dialinUrl"),
        ("provider-type", "/audioConferencing/tollNumbers/1"),
    ]


def test_online_meeting_info_without_conference_id_is_refused() -> None:
    """onlineMeetingInfo's conferenceId is its only ID: missing, it is provider-required."""
    info = load("teams_event_online_meeting")
    del info["conferenceId"]
    with pytest.raises(ValidationError) as caught:
        from_teams(info)
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("provider-required", "/conferenceId")
    ]
