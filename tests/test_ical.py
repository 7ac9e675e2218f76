"""confdata.ical: CONFERENCE properties out, CONFERENCE and X-GOOGLE-CONFERENCE back in."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import icalendar
import pytest

from confdata import (
    ConferenceData,
    EntryPointType,
    ValidationError,
    join_info,
    validate_calendar_json,
)
from confdata.ical import add_conference, read_conference
from confdata.providers import ProviderOptions, from_zoom

from .provider_fixtures import load

MEET = ConferenceData.from_calendar_json(
    {
        "conferenceId": "aaa-bbbb-ccc",
        "conferenceSolution": {"key": {"type": "hangoutsMeet"}},
        "entryPoints": [
            {"entryPointType": "video", "uri": "https://meet.google.com/aaa-bbbb-ccc"},
            {
                "entryPointType": "phone",
                "uri": "tel:+1-612-555-0100",
                "label": "+1 612-555-0100",
                "pin": "123456789",
                "regionCode": "US",
            },
            {"entryPointType": "more", "uri": "https://tel.meet/aaa-bbbb-ccc"},
        ],
    }
)


def _problems(data: ConferenceData) -> list[tuple[str, str]]:
    """What a lenient read kept that breaks a rule (the read's own problems, read again)."""
    return [(p.code, p.path) for p in validate_calendar_json(data.to_calendar_json())]


def _exported(data: ConferenceData, **options: Any) -> icalendar.Event:
    event = icalendar.Event()
    event.add("summary", "Review")
    add_conference(event, data, **options)
    return event


def _lines(event: icalendar.Event) -> list[str]:
    """The CONFERENCE lines of the event's text, unfolded."""
    text = event.to_ical().decode().replace("\r\n ", "")
    return [line for line in text.splitlines() if line.startswith("CONFERENCE")]


def test_each_entry_point_is_a_conference_with_its_features_and_label() -> None:
    """Video AUDIO,VIDEO; phone PHONE with its label; SIP AUDIO,VIDEO; more labelled."""
    options = ProviderOptions(
        dial_codes="none",
        sip_template="{id}@zoomcrc.com",
        more_uri="https://zoom.us/zoomconference",
        max_phones=1,
    )
    lines = _lines(_exported(from_zoom(load("zoom_full"), options)))
    assert lines == [
        "CONFERENCE;FEATURE=AUDIO,VIDEO;VALUE=URI:https://example.zoom.us/j/85746352814"
        "?pwd=TzRvamhVVTQ5N25WTWw2ZG4zRG4vdz09",
        "CONFERENCE;FEATURE=PHONE;LABEL=+1 888 475 4499;VALUE=URI:tel:+18884754499",
        "CONFERENCE;FEATURE=AUDIO,VIDEO;VALUE=URI:sip:85746352814@zoomcrc.com",
        "CONFERENCE;LABEL=More ways to join;VALUE=URI:https://zoom.us/zoomconference",
    ]


@pytest.mark.parametrize(
    ("codes", "uri"),
    [
        ("none", "tel:+1-612-555-0100"),
        ("meeting-id", "tel:+1-612-555-0100"),  # Meet has a PIN, no meeting code
        ("all", "tel:+1-612-555-0100,,123456789%23"),
    ],
)
def test_the_caller_chooses_whether_codes_go_into_the_uri(codes: str, uri: str) -> None:
    """codes_in_uri: 'none' leaves the PIN out, 'all' dials it (a secret, now in the URI)."""
    event = _exported(MEET, codes_in_uri=codes)
    phone = [c for c in event.conferences if str(c.uri).startswith("tel:")]
    assert [str(c.uri) for c in phone] == [uri]


def test_meeting_id_codes_and_existing_dial_sequences() -> None:
    """'meeting-id' dials Zoom's meeting code; a URI that already dials codes is kept as is."""
    plain = from_zoom(load("zoom_phone_passcode_only"), ProviderOptions(dial_codes="none"))
    uris = [str(c.uri) for c in _exported(plain, codes_in_uri="meeting-id").conferences]
    assert uris[1] == "tel:+12532158782,,91234567890%23"
    dialled = from_zoom(load("zoom_phone_passcode_only"))  # ,,{id}# already
    uris = [str(c.uri) for c in _exported(dialled, codes_in_uri="all").conferences]
    assert uris[1] == "tel:+12532158782,,91234567890%23"


def test_google_flag_also_writes_x_google_conference() -> None:
    """google=True adds X-GOOGLE-CONFERENCE with the video URI, as Google Calendar does."""
    event = _exported(MEET, google=True)
    assert str(event["X-GOOGLE-CONFERENCE"]) == "https://meet.google.com/aaa-bbbb-ccc"


def test_export_then_read_gives_the_entry_points_back() -> None:
    """Types, URIs and phone labels survive; codes, regions and features do not."""
    event = icalendar.Event.from_ical(_exported(MEET).to_ical())
    data = read_conference(event)
    assert data is not None
    assert [(ep.type, ep.uri) for ep in data.entry_points] == [
        (EntryPointType.VIDEO, "https://meet.google.com/aaa-bbbb-ccc"),
        (EntryPointType.PHONE, "tel:+1-612-555-0100"),
        (EntryPointType.MORE, "https://tel.meet/aaa-bbbb-ccc"),
    ]
    assert data.entry_points[1].label == "+1 612-555-0100"
    assert (data.entry_points[1].pin, data.entry_points[1].region_code) == (None, None)
    assert data.conference_id == "aaa-bbbb-ccc"  # the Meet code in the link
    assert _problems(data) == []


def test_rfc_7986_examples_are_read_leniently() -> None:
    """RFC 7986's CONFERENCE examples: three phones, an xmpp: chat and a web link."""
    text = (
        "BEGIN:VEVENT\r\n"
        "CONFERENCE;VALUE=URI;FEATURE=PHONE,MODERATOR;LABEL=Moderator dial-in:tel:+1-412-55"
        "5-0123,,,654321\r\n"
        "CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=Attendee dial-in:tel:+1-412-555-0123,,,555123\r\n"
        "CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=Attendee dial-in:tel:+1-888-555-0456,,,555123\r\n"
        "CONFERENCE;VALUE=URI;FEATURE=CHAT;LABEL=Chat room:xmpp:chat-123@conference.example.com\r\n"
        "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Attendee dial-in:https://chat.example.c"
        "om/audio?id=123456\r\n"
        "END:VEVENT\r\n"
    )
    data = read_conference(icalendar.Event.from_ical(text), conference_id="rfc-7986")
    assert data is not None
    assert [ep.type for ep in data.entry_points] == [EntryPointType.PHONE] * 3 + [
        EntryPointType.VIDEO,
        EntryPointType.VIDEO,
    ]
    assert data.conference_id == "rfc-7986"
    codes = {code for code, _ in _problems(data)}
    assert codes == {"uri-scheme", "duplicate-entry-point-type", "phone-not-shown"}


def test_x_google_conference_alone_is_a_meet_conference() -> None:
    """Google's own export: X-GOOGLE-CONFERENCE only gives a hangoutsMeet video conference."""
    event = icalendar.Event()
    event.add("X-GOOGLE-CONFERENCE", "https://meet.google.com/xyz-abcd-efg")
    data = read_conference(event)
    assert data is not None
    assert data.conference_id == "xyz-abcd-efg"
    assert data.to_calendar_json()["conferenceSolution"] == {"key": {"type": "hangoutsMeet"}}
    assert _problems(data) == []


def test_an_add_on_conference_without_an_id_reports_it() -> None:
    """A non-Meet conference carries no ID in iCalendar: its conferenceId is required."""
    event = _exported(from_zoom(load("zoom_no_dial_in")))
    data = read_conference(event)
    assert data is not None
    assert _problems(data) == [("required", "/conferenceId")]


def test_an_event_without_a_conference_gives_none() -> None:
    """No CONFERENCE and no X-GOOGLE-CONFERENCE: None, not an empty conference."""
    assert read_conference(icalendar.Event()) is None


# Untyped aliases: these tests pass what the annotations forbid.
_add: Any = add_conference
_read: Any = read_conference


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: _read({"CONFERENCE": "https://x.example"}), "/event"),
        (lambda: _read(icalendar.Event(), conference_id=5), "/conference_id"),
        (lambda: _add(icalendar.Event(), {"entryPoints": []}), "/data"),
        (lambda: _add(icalendar.Event(), MEET, codes_in_uri="pin"), "/codes_in_uri"),
        pytest.param(
            lambda: _add(icalendar.Event(), MEET, codes_in_uri=10**5000),
            "/codes_in_uri",
            id="huge-codes_in_uri",
        ),
        (lambda: _add(icalendar.Event(), MEET, google=1), "/google"),
        (lambda: _add(object(), MEET), "/event"),
    ],
)
def test_an_argument_it_cannot_use_is_a_validation_error_naming_it(call: Any, path: str) -> None:
    """Each bad argument: one `type` problem at /argument, never ValueError or TypeError."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", path)]


def test_every_bad_argument_is_reported_at_once() -> None:
    """A bad event, data, codes_in_uri and google: four problems in one ValidationError."""
    with pytest.raises(ValidationError) as caught:
        add_conference(None, None, codes_in_uri=None, google=None)  # type: ignore[arg-type]
    paths = [p.path for p in caught.value.problems]
    assert paths == ["/event", "/data", "/codes_in_uri", "/google"]


def test_a_components_own_methods_are_not_run() -> None:
    """An Event subclass whose get and add raise: read and written through icalendar's own."""

    class Hostile(icalendar.Event):
        def get(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("boom")

        def add(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("boom")

    event = Hostile()
    add_conference(event, MEET, google=True)
    data = read_conference(event)
    assert data is not None
    assert join_info(data).join_uri == join_info(MEET).join_uri


def test_property_values_that_are_no_text_are_left_out() -> None:
    """A CONFERENCE value that is no string (set by hand, not parsed) is skipped."""
    event = icalendar.Event()
    event["CONFERENCE"] = [5, icalendar.vUri("https://a.example/")]
    data = read_conference(event, conference_id="c1")
    assert data is not None
    assert [ep.uri for ep in data.entry_points] == ["https://a.example/"]


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_importing_confdata_does_not_import_icalendar() -> None:
    """icalendar loads only with confdata.ical."""
    result = _python(
        "import sys, confdata; confdata.join_info; import confdata.providers;"
        "assert 'icalendar' not in sys.modules, 'loaded'"
    )
    assert result.returncode == 0, result.stderr


def test_without_icalendar_the_error_names_the_extra() -> None:
    """With icalendar missing, importing confdata.ical says how to install it."""
    result = _python(
        "import sys; sys.modules['icalendar'] = None\n"
        "try:\n    import confdata.ical\n"
        "except ImportError as e:\n    print(e)\n"
    )
    assert "pip install 'icalendar>=7'" in result.stdout, result.stderr
