"""confdata.providers.from_webex on Webex Meetings API meeting objects."""

from __future__ import annotations

import pytest

from confdata import EntryPointFeature, EntryPointType, ValidationError
from confdata.providers import ProviderOptions, from_webex

from .provider_fixtures import error_codes, load


def test_full_meeting_maps_every_member_it_reads() -> None:
    """ID, web link, meeting number, passwords, SIP address, access code and numbers."""
    data = from_webex(load("webex_full"))
    assert data.conference_id == "870f51ff287b41be84648412901e0402"
    kinds = [ep.type for ep in data.entry_points]
    assert kinds == [EntryPointType.VIDEO, *[EntryPointType.PHONE] * 3, EntryPointType.SIP]
    video, toll_free, *_, sip = data.entry_points
    assert (video.meeting_code, video.password) == ("25967357926", "BgJep@43")
    assert toll_free.uri == "tel:+18664329903,,25967357926%23"
    assert toll_free.label == "+1-866-432-9903"
    assert toll_free.features == (EntryPointFeature.TOLL_FREE,)
    assert (toll_free.access_code, toll_free.password) == ("25967357926", "24537343")
    assert sip.uri == "sip:25967357926@site4-example.webex.com"
    assert sip.password == "24537343"
    assert error_codes(data) == []


def test_host_key_never_reaches_the_output() -> None:
    """hostKey (the host's secret) is in no form of the result."""
    data = from_webex(load("webex_full"))
    assert "123456" not in repr(data.to_calendar_json()) + repr(data.to_addon_json())


def test_password_only_on_the_phone_side() -> None:
    """phoneAndVideoSystemPassword without password: only phones (and SIP) carry it."""
    data = from_webex(load("webex_phone_password_only"), ProviderOptions(default_region="US"))
    video, phone = data.entry_points
    assert video.password is None
    assert phone.password == "67878437"
    # Webex's own example number has no +country: default_region supplies the region, and
    # the access code's spaces are left out of the dial sequence.
    assert (phone.uri, phone.region_code) == ("tel:123456789,,20047636725%23", "US")
    assert error_codes(data) == []


def test_no_telephony_gives_a_video_only_conference() -> None:
    """A meeting without telephony: the video entry point only."""
    data = from_webex(load("webex_no_telephony"))
    assert [ep.type for ep in data.entry_points] == [EntryPointType.VIDEO]


def test_sip_template_is_used_only_without_a_sip_address() -> None:
    """sipAddress wins; without it {id} stands for meetingNumber."""
    options = ProviderOptions(sip_template="{id}@site.example.com")
    assert from_webex(load("webex_full"), options).entry_points[-1].uri == (
        "sip:25967357926@site4-example.webex.com"
    )
    data = from_webex(load("webex_no_telephony"), options)
    assert data.entry_points[-1].uri == "sip:26623763042@site.example.com"


def test_problems_point_into_the_webex_json() -> None:
    """A bad telephony member and a missing webLink, at their Webex paths."""
    meeting = load("webex_full")
    meeting["telephony"]["callInNumbers"][1] = {"label": "US", "callInNumber": "call us"}
    meeting["telephony"]["accessCode"] = 25967357926
    meeting["webLink"] = ""
    with pytest.raises(ValidationError) as caught:
        from_webex(meeting)
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("provider-empty", "/webLink"),
        ("provider-type", "/telephony/accessCode"),
        ("provider-number", "/telephony/callInNumbers/1/callInNumber"),
    ]
