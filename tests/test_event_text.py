"""join_text(): the join details as an event's description (plain and HTML) and location."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings

from confdata import ConferenceData, ValidationError, join_info
from confdata.testing import conference_data
from confdata.writes import JoinText, join_text

ZOOM_LIKE: dict[str, Any] = {
    "conferenceId": "81234567890",
    "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme Video"},
    "entryPoints": [
        {
            "entryPointType": "video",
            "uri": "https://acme.example/j/81234567890?pwd=abc",
            "meetingCode": "81234567890",
            "passcode": "271828",
        },
        {
            "entryPointType": "phone",
            "uri": "tel:+12025550123,,81234567890%23",
            "label": "+1 202-555-0123",
            "pin": "271828",
            "regionCode": "US",
            "entryPointFeatures": ["toll"],
        },
        {
            "entryPointType": "phone",
            "uri": "tel:+18005550100,,81234567890%23",
            "regionCode": "US",
            "entryPointFeatures": ["toll_free"],
        },
        {"entryPointType": "phone", "uri": "tel:+46855500100", "regionCode": "SE"},
        {"entryPointType": "more", "uri": "https://acme.example/more/81234567890"},
        {"entryPointType": "sip", "uri": "sip:81234567890@sip.acme.example"},
    ],
}


def test_the_plain_text_lists_every_way_to_join_with_its_codes() -> None:
    """The plain text has the link with its codes, the two phones Calendar shows (label or
    number, region, toll-free, PIN), the more page and the SIP address; the third phone is
    left to the more page."""
    text = join_text(ConferenceData.from_calendar_json(ZOOM_LIKE))
    assert text.plain.splitlines() == [
        "Join Acme Video: https://acme.example/j/81234567890?pwd=abc",
        "Meeting code: 81234567890",
        "Passcode: 271828",
        "Join by phone: +1 202-555-0123 (US) PIN: 271828",
        "Join by phone: +18005550100 (US, toll-free)",
        "More ways to join: https://acme.example/more/81234567890",
        "Join by SIP: sip:81234567890@sip.acme.example",
    ]
    assert text.location == "https://acme.example/j/81234567890?pwd=abc"


class _Links(HTMLParser):
    """The links and the text of an HTML fragment, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)
        if tag == "br":
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read_html(fragment: str) -> _Links:
    parser = _Links()
    parser.feed(fragment)
    parser.close()
    return parser


def test_the_html_links_every_uri_and_reads_as_the_plain_text() -> None:
    """The HTML, read by an HTML parser, links each URI (the phones' one-tap dial strings
    included) and shows the same lines as the plain text, the phones by their label."""
    text = join_text(ZOOM_LIKE)
    parsed = _read_html(text.html)
    assert parsed.links == [
        "https://acme.example/j/81234567890?pwd=abc",
        "tel:+12025550123,,81234567890%23",
        "tel:+18005550100,,81234567890%23",
        "https://acme.example/more/81234567890",
        "sip:81234567890@sip.acme.example",
    ]
    assert "".join(parsed.text).splitlines() == text.plain.splitlines()


def test_markup_in_the_data_is_escaped() -> None:
    """A name or label holding markup is shown as text, never as HTML."""
    hostile = {
        "conferenceId": "x",
        "conferenceSolution": {"key": {"type": "addOn"}, "name": "<b>Acme</b>"},
        "entryPoints": [
            {"entryPointType": "video", "uri": 'https://acme.example/j/1?a="><script>'},
        ],
    }
    text = join_text(hostile)
    assert "<b>" not in text.html
    assert "<script>" not in text.html
    parsed = _read_html(text.html)
    assert parsed.links == ['https://acme.example/j/1?a="><script>']
    assert "".join(parsed.text).startswith("Join <b>Acme</b>: ")


def test_any_source_join_info_reads_and_join_info_itself() -> None:
    """An Event, Calendar JSON, a ConferenceData and a JoinInfo give the same text."""
    event = {"kind": "calendar#event", "id": "e1", "conferenceData": ZOOM_LIKE}
    expected = join_text(ZOOM_LIKE)
    for source in (event, ConferenceData.from_calendar_json(ZOOM_LIKE), join_info(ZOOM_LIKE)):
        assert join_text(source) == expected


def test_no_way_to_join_is_a_validation_error() -> None:
    """An event without conference data, and data of the wrong JSON type, are
    ValidationErrors, never empty text."""
    with pytest.raises(ValidationError, match="no way to join"):
        join_text({"kind": "calendar#event", "id": "e1"})
    with pytest.raises(ValidationError):
        join_text({"entryPoints": "nope"})
    with pytest.raises(ValidationError):
        join_text(5)


def test_the_repr_shows_no_code() -> None:
    """The text holds the codes people need to join; its repr shows only sizes."""
    text = join_text(ZOOM_LIKE)
    assert "271828" not in repr(text)
    assert repr(text).startswith("JoinText(plain=<")


@settings(max_examples=40, deadline=None)
@given(conference_data())
def test_every_valid_conference_gives_text_naming_its_link(data: ConferenceData) -> None:
    """For any valid conference, the HTML links its join link, the plain text shows the video
    link (a phone is shown by its label or number) and every code of the video entry point."""
    info = join_info(data)
    if info.join_uri is None and info.more_uri is None:
        return  # an error result: nothing to join
    text = join_text(data)
    assert isinstance(text, JoinText)
    if info.join_uri is not None:
        assert text.location == info.join_uri
        assert info.join_uri in _read_html(text.html).links
    if info.video is not None:
        assert info.video.uri in text.plain
        for code in (info.video.passcode, info.video.password, info.video.meeting_code):
            if code:
                assert code in text.plain
                assert html.escape(code) in text.html
