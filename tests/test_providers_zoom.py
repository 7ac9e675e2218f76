"""confdata.providers.from_zoom on Zoom meeting objects ("Get a meeting")."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from confdata import EntryPointFeature, EntryPointType, ValidationError
from confdata.providers import ProviderOptions, from_zoom

from .provider_fixtures import error_codes, load


def _problems(meeting: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        from_zoom(meeting)
    return [(p.code, p.path) for p in caught.value.problems]


def test_full_meeting_maps_every_member_it_reads() -> None:
    """ID, join URL, passcodes, numbers and UUID land where the module table says."""
    data = from_zoom(load("zoom_full"))
    assert data.conference_id == "85746352814"
    video = data.entry_points[0]
    assert video.type is EntryPointType.VIDEO
    assert video.uri == "https://example.zoom.us/j/85746352814?pwd=TzRvamhVVTQ5N25WTWw2ZG4zRG4vdz09"
    assert (video.meeting_code, video.passcode) == ("85746352814", "Ab3xYz")
    phones = [ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert len(phones) == 6  # no more link: every number is kept
    assert {p.passcode for p in phones} == {"374313"}
    assert {p.meeting_code for p in phones} == {"85746352814"}
    params = {p.key: p.value for p in data.parameters}
    assert params == {"meetingId": "85746352814", "meetingUuid": "aDYlohsHRtCd4ii1uC2+hA=="}
    assert error_codes(data) == []


def test_numbers_with_spaces_and_dashes_become_plain_tel_uris() -> None:
    """'+44 203-481-5237' is tel:+442034815237…, and the label keeps Zoom's spelling."""
    data = from_zoom(load("zoom_full"), ProviderOptions(dial_codes="none"))
    london = next(ep for ep in data.entry_points if ep.label == "+44 203-481-5237")
    assert london.uri == "tel:+442034815237"
    assert london.region_code == "GB"
    assert london.features == (EntryPointFeature.TOLL,)


def test_default_order_follows_the_meetings_own_country() -> None:
    """A US meeting (its first number is American): the two shown phones are US ones, its
    toll-free number first; the Swedish toll-free number is not moved ahead of anything."""
    data = from_zoom(load("zoom_full"), ProviderOptions(dial_codes="none"))
    phones = [ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert [(p.uri, p.region_code) for p in phones[:2]] == [
        ("tel:+18884754499", "US"),
        ("tel:+16465588656", "US"),
    ]
    assert [p.uri for p in phones[2:]] == [
        "tel:+16699006833",
        "tel:+46850163827",
        "tel:+46200880026",
        "tel:+442034815237",
    ]


def test_default_region_names_the_meetings_country() -> None:
    """default_region='SE': the Swedish numbers are shown, toll-free first; then Zoom's order."""
    data = from_zoom(load("zoom_full"), ProviderOptions(dial_codes="none", default_region="SE"))
    phones = [ep.uri for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert phones == [
        "tel:+46200880026",
        "tel:+46850163827",
        "tel:+16465588656",
        "tel:+16699006833",
        "tel:+18884754499",
        "tel:+442034815237",
    ]


def test_forty_numbers_show_the_meetings_country_not_foreign_toll_free_ones() -> None:
    """Zoom's 40 global numbers, the first American: the US number is shown first and the
    second is the next in Zoom's order (Canada), not the British or Danish toll-free ones."""
    options = ProviderOptions(dial_codes="none", more_uri="https://zoom.us/zoomconference")
    data = from_zoom(load("zoom_40_numbers"), options)
    phones = [ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]
    assert [(p.uri, p.region_code) for p in phones] == [
        ("tel:+12005550", "US"),
        ("tel:+12015551", "CA"),
    ]
    assert error_codes(data) == []


def test_forty_numbers_with_default_region_show_that_countrys_numbers() -> None:
    """default_region='JP' on the 40 numbers: the Japanese toll-free number comes first."""
    options = ProviderOptions(default_region="JP", more_uri="https://zoom.us/zoomconference")
    data = from_zoom(load("zoom_40_numbers"), options)
    assert data.entry_points[1].region_code == "JP"
    assert EntryPointFeature.TOLL_FREE in data.entry_points[1].features


def test_a_country_calendar_does_not_know_orders_but_is_no_region_code() -> None:
    """Zoom's country 'UK' (GB is the code) and 'se': 'SE' is a region code, 'UK' none; the
    'UK' number still counts as another country than the meeting's."""
    meeting = load("zoom_full")
    numbers = meeting["settings"]["global_dial_in_numbers"]
    numbers[5]["country"] = "UK"
    numbers[3]["country"] = "se"
    data = from_zoom(meeting, ProviderOptions(dial_codes="none"))
    regions = {
        ep.uri: ep.region_code for ep in data.entry_points if ep.type is EntryPointType.PHONE
    }
    assert regions["tel:+442034815237"] is None
    assert regions["tel:+46850163827"] == "SE"
    assert error_codes(data) == []
    assert [p.code for p in data.problems] == ["phone-not-shown"] * 4


def test_dial_sequence_carries_the_meeting_id_by_default() -> None:
    """The default tel: URI ends with ,,{id}# (the # percent-encoded)."""
    data = from_zoom(load("zoom_full"))
    assert data.entry_points[1].uri == "tel:+18884754499,,85746352814%23"


def test_dial_codes_all_appends_zooms_phone_passcode_sequence() -> None:
    """dial_codes='all' adds ,,,,*{pstn_password}# as Zoom's one-tap numbers do."""
    data = from_zoom(load("zoom_full"), ProviderOptions(dial_codes="all"))
    assert data.entry_points[1].uri == "tel:+18884754499,,85746352814%23,,,,*374313%23"


def test_passcode_only_on_the_phone_side() -> None:
    """pstn_password without password: phones carry it, the video entry point has none."""
    data = from_zoom(load("zoom_phone_passcode_only"))
    video, *phones = data.entry_points
    assert video.passcode is None
    assert [p.passcode for p in phones] == ["802611", "802611"]
    assert [p.uri for p in phones] == [
        "tel:+12532158782,,91234567890%23",
        "tel:+496971049922,,91234567890%23",
    ]
    assert error_codes(data) == []


def test_no_dial_in_gives_a_video_only_conference() -> None:
    """A VoIP meeting with an empty password has one video entry point and no passcode."""
    data = from_zoom(load("zoom_no_dial_in"))
    assert [ep.type for ep in data.entry_points] == [EntryPointType.VIDEO]
    assert data.entry_points[0].passcode is None
    assert error_codes(data) == []


def test_voip_audio_leaves_the_numbers_out() -> None:
    """settings.audio 'voip' means no phone works: numbers given anyway are not used."""
    meeting = load("zoom_full")
    meeting["settings"]["audio"] = "voip"
    assert [ep.type for ep in from_zoom(meeting).entry_points] == [EntryPointType.VIDEO]


def test_forty_numbers_are_all_kept_without_a_more_link() -> None:
    """40 global numbers: 40 phone entry points, none lost, no error."""
    data = from_zoom(load("zoom_40_numbers"))
    assert len([ep for ep in data.entry_points if ep.type is EntryPointType.PHONE]) == 40
    assert error_codes(data) == []


def test_forty_numbers_with_a_more_link_keep_two() -> None:
    """With more_uri the rest are reachable there: two phones and the more entry point."""
    options = ProviderOptions(more_uri="https://zoom.us/zoomconference", regions=("JP",))
    data = from_zoom(load("zoom_40_numbers"), options)
    kinds = [ep.type for ep in data.entry_points]
    assert kinds == [
        EntryPointType.VIDEO,
        EntryPointType.PHONE,
        EntryPointType.PHONE,
        EntryPointType.MORE,
    ]
    assert data.entry_points[1].region_code == "JP"
    assert data.entry_points[3].uri == "https://zoom.us/zoomconference"


def test_sip_template_makes_a_sip_entry_point_with_the_room_passcode() -> None:
    """sip_template '{id}@zoomcrc.com' gives sip:{id}@zoomcrc.com with h323_password."""
    data = from_zoom(load("zoom_full"), ProviderOptions(sip_template="{id}@zoomcrc.com"))
    sip = next(ep for ep in data.entry_points if ep.type is EntryPointType.SIP)
    assert (sip.uri, sip.passcode) == ("sip:85746352814@zoomcrc.com", "374313")


def test_start_url_never_reaches_the_output() -> None:
    """The host's start URL (it signs the host in) is in no form of the result."""
    data = from_zoom(load("zoom_full"))
    assert "zak=" not in repr(data.to_calendar_json()) + repr(data.to_addon_json())


def test_string_meeting_id_is_accepted() -> None:
    """Some clients keep the int64 ID as a string: it converts the same."""
    meeting = load("zoom_no_dial_in")
    meeting["id"] = "81234567890"
    assert from_zoom(meeting).conference_id == "81234567890"


def test_unknown_number_type_keeps_the_number_without_a_feature() -> None:
    """A type Zoom may add later ('premium') loses only the toll feature, not the number."""
    meeting = load("zoom_phone_passcode_only")
    meeting["settings"]["global_dial_in_numbers"][0]["type"] = "premium"
    phone = from_zoom(meeting).entry_points[1]
    assert phone.features == ()
    assert phone.uri.startswith("tel:+12532158782")


def test_missing_id_and_join_url_are_both_reported() -> None:
    """Every problem at once: /id and /join_url."""
    assert _problems({"topic": "x"}) == [
        ("provider-required", "/id"),
        ("provider-required", "/join_url"),
    ]


def test_numbers_that_are_not_numbers_point_at_the_number() -> None:
    """A letter in a number is provider-number at its path; a missing one provider-required."""
    meeting = load("zoom_phone_passcode_only")
    numbers = meeting["settings"]["global_dial_in_numbers"]
    numbers[0]["number"] = "+1 800 FLOWERS"
    del numbers[1]["number"]
    assert _problems(meeting) == [
        ("provider-number", "/settings/global_dial_in_numbers/0/number"),
        ("provider-required", "/settings/global_dial_in_numbers/1/number"),
    ]


def test_join_url_calendar_refuses_is_provider_value_at_join_url() -> None:
    """An ftp: join URL breaks uri-scheme: reported as provider-value at /join_url."""
    meeting = load("zoom_no_dial_in")
    meeting["join_url"] = "ftp://zoom.us/j/1"
    with pytest.raises(ValidationError) as caught:
        from_zoom(meeting)
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("provider-value", "/join_url")
    assert "uri-scheme" in problem.message


def test_too_long_phone_passcode_is_reported_once_and_masked() -> None:
    """A 200-character pstn_password breaks max-length once (not per phone), never shown."""
    meeting = load("zoom_full")
    meeting["pstn_password"] = "9" * 200
    with pytest.raises(ValidationError) as caught:
        from_zoom(meeting)
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("provider-value", "/pstn_password")
    ]
    assert "9" * 20 not in str(caught.value)


def test_huge_or_negative_ids_are_not_meeting_ids() -> None:
    """An integer no meeting ID can be is provider-value at /id (no crash on 10**5000)."""
    for bad in (10**5000, -1):
        meeting = copy.deepcopy(load("zoom_no_dial_in"))
        meeting["id"] = bad
        assert _problems(meeting) == [("provider-value", "/id")]


def test_a_passcode_of_the_wrong_type_is_reported_without_its_value() -> None:
    """password 123456 (a number) is provider-type, and the message does not show it."""
    meeting = load("zoom_no_dial_in")
    meeting["password"] = 123456
    with pytest.raises(ValidationError) as caught:
        from_zoom(meeting)
    assert [(p.code, p.path) for p in caught.value.problems] == [("provider-type", "/password")]
    assert "123456" not in str(caught.value)
