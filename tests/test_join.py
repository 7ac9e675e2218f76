"""confdata.join_info: join information from conference data in any of its forms."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from confdata import ConferenceData, EntryPointType, JoinInfo, JoinPoint, ValidationError, join_info
from confdata.providers import ProviderOptions, from_zoom
from confdata.testing import conference_data

from .provider_fixtures import load

CALENDAR: dict[str, Any] = {
    "conferenceId": "aaa-bbbb-ccc",
    "conferenceSolution": {"key": {"type": "hangoutsMeet"}, "name": "Google Meet"},
    "entryPoints": [
        {
            "entryPointType": "video",
            "uri": "https://meet.google.com/aaa-bbbb-ccc",
            "label": "meet.google.com/aaa-bbbb-ccc",
        },
        {
            "entryPointType": "phone",
            "uri": "tel:+1-612-555-0100",
            "label": "+1 612-555-0100",
            "pin": "123456789",
            "regionCode": "US",
        },
        {
            "entryPointType": "more",
            "uri": "https://www.google.com/url?q=https://tel.meet/aaa-bbbb-ccc?pin%3D123456789&sa=D",
        },
        {"entryPointType": "phone", "uri": "tel:+46-8-555-0100", "pin": "123456789"},
        {
            "entryPointType": "phone",
            "uri": "tel:+44-20-5555-0100",
            "pin": "123456789",
            "entryPointFeatures": ["toll_free"],
        },
        {"entryPointType": "sip", "uri": "sip:aaa-bbbb-ccc@meet.example"},
    ],
}


def test_zoom_round_trip_gives_back_the_join_url_and_every_number() -> None:
    """join_info(from_zoom(m)): Zoom's join URL, and its numbers in the order Calendar shows."""
    meeting = load("zoom_full")
    info = join_info(from_zoom(meeting))
    assert info.join_uri == meeting["join_url"]
    written = [
        n["number"].replace(" ", "").replace("-", "")
        for n in meeting["settings"]["global_dial_in_numbers"]
    ]
    assert sorted(p.number or "" for p in info.phones) == sorted(written)
    assert [p.label for p in info.shown_phones] == ["+1 888 475 4499", "+1 646 558 8656"]
    assert len(info.other_phones) == 4
    assert info.conference_id == "85746352814"


def test_calendar_form_gives_every_part() -> None:
    """Video, phones in order, SIP, the unwrapped more link, the ID and the solution name."""
    info = join_info(CALENDAR)
    assert info.join_uri == "https://meet.google.com/aaa-bbbb-ccc"
    assert [p.uri for p in info.shown_phones] == ["tel:+1-612-555-0100", "tel:+46-8-555-0100"]
    assert [p.uri for p in info.other_phones] == ["tel:+44-20-5555-0100"]
    assert info.other_phones[0].toll_free
    assert info.sip_uri == "sip:aaa-bbbb-ccc@meet.example"
    assert info.more_uri == "https://tel.meet/aaa-bbbb-ccc?pin=123456789"
    assert (info.conference_id, info.solution_name) == ("aaa-bbbb-ccc", "Google Meet")
    assert info.phones[0].pin == "123456789"
    assert info.phones[0].region_code == "US"


def test_an_event_resource_is_read_through_its_conference_data() -> None:
    """A whole Event resource gives what its conferenceData gives."""
    event = {"kind": "calendar#event", "id": "e1", "summary": "x", "conferenceData": CALENDAR}
    assert join_info(event) == join_info(CALENDAR)


@pytest.mark.parametrize(
    "event", [{"kind": "calendar#event", "id": "e1"}, {"id": "e1", "conferenceData": None}]
)
def test_an_event_without_conference_data_gives_empty_join_info(event: dict[str, Any]) -> None:
    """No conference: every part None or empty."""
    assert join_info(event) == JoinInfo()


def test_only_calendars_google_wrapper_is_unwrapped() -> None:
    """www.google.com/url?q= to an http(s) target is unwrapped; other redirects are not."""
    kept = [
        "https://l.facebook.com/l.php?u=https://example.com/",
        "https://www.google.com/url?q=javascript:alert(1)",
        "http://www.google.com/url?q=https://example.com/",
        "https://www.google.com/url?q=https://a.example/&q=https://b.example/",
        "https://www.google.com/urls?q=https://example.com/",
    ]
    for uri in kept:
        data = {"entryPoints": [{"entryPointType": "more", "uri": uri}]}
        assert join_info(data).more_uri == uri
    wrapped = "https://www.google.com/url?q=https://example.com/dial?x%3D1&sa=D&ust=1&usg=AO"
    assert join_info({"entryPoints": [{"entryPointType": "video", "uri": wrapped}]}).join_uri == (
        "https://example.com/dial?x=1"
    )


def test_leniently_read_data_with_unknown_types_works() -> None:
    """Unknown types and a second video entry point are kept aside in `others`."""
    data = ConferenceData.from_calendar_json(
        {
            "conferenceId": "x",
            "conferenceSolution": {"key": {"type": "addOn"}},
            "entryPoints": [
                {"entryPointType": "hologram", "uri": "holo:room-1"},
                {"entryPointType": "video", "uri": "https://a.example/1"},
                {"entryPointType": "video", "uri": "https://a.example/2"},
            ],
        },
        lenient=True,
    )
    info = join_info(data)
    assert info.join_uri == "https://a.example/1"
    assert [(p.type, p.uri) for p in info.others] == [
        ("hologram", "holo:room-1"),
        ("video", "https://a.example/2"),
    ]


def test_entry_points_without_a_type_or_uri_are_left_out() -> None:
    """Nothing to join with: such entry points are not guessed at."""
    info = join_info(
        {
            "entryPoints": [
                {"entryPointType": "phone"},
                {"uri": "tel:+15550100"},
                {"entryPointType": "video", "uri": "https://a.example/"},
            ]
        }
    )
    assert (info.phones, info.others, info.join_uri) == ((), (), "https://a.example/")


def test_data_that_cannot_be_emitted_is_read_from_its_fields() -> None:
    """An add-on form read leniently with an unknown type still gives its join information."""
    data = ConferenceData.from_addon_json(
        {
            "conferenceId": "x",
            "entryPoints": [
                {"type": "HOLOGRAM", "uri": "holo:x"},
                {"type": "VIDEO", "uri": "https://a.example/v"},
            ],
        },
        lenient=True,
    )
    with pytest.raises(ValidationError):
        data.to_calendar_json()
    info = join_info(data)
    assert info.join_uri == "https://a.example/v"
    assert [(p.type, p.uri) for p in info.others] == [("HOLOGRAM", "holo:x")]


def test_a_phone_only_conference_joins_by_its_first_phone() -> None:
    """With no video entry point the primary URI is the first phone's."""
    info = join_info(
        {
            "entryPoints": [
                {"entryPointType": "phone", "uri": "tel:+15550100"},
                {"entryPointType": "sip", "uri": "sip:1@x.example"},
            ]
        }
    )
    assert info.join_uri == "tel:+15550100"


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ([], ""),
        ("conference", ""),
        ({"entryPoints": {"0": {}}}, "/entryPoints"),
        ({"entryPoints": [5]}, "/entryPoints/0"),
        ({"entryPoints": [{"entryPointType": "video", "uri": 5}]}, "/entryPoints/0/uri"),
        (
            {"entryPoints": [{"entryPointType": "phone", "uri": "tel:+1", "pin": 1}]},
            "/entryPoints/0/pin",
        ),
        ({"conferenceSolution": "Meet"}, "/conferenceSolution"),
        ({"kind": "calendar#event", "conferenceData": []}, "/conferenceData"),
        ({"conferenceData": {"conferenceId": 5}}, "/conferenceData/conferenceId"),
    ],
)
def test_wrong_json_types_raise_a_type_problem_at_their_path(source: object, path: str) -> None:
    """A member of the wrong JSON type is a `type` problem at its JSON Pointer."""
    with pytest.raises(ValidationError) as caught:
        join_info(source)
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", path)]


def test_the_repr_masks_every_secret() -> None:
    """PINs, passcodes, dial sequences, pwd= and a SIP user's passcode never show."""
    options = ProviderOptions(dial_codes="all", sip_template="{id}.374313@zoomcrc.com")
    info = join_info(from_zoom(load("zoom_full"), options))
    shown = repr(info)
    for secret in ("374313", "Ab3xYz", "TzRvamhVVTQ5N25WTWw2ZG4zRG4vdz09"):
        assert secret not in shown
    assert "tel:+18884754499,<masked>" in shown
    assert "sip:85746352814.<masked>@zoomcrc.com" in shown
    assert "123456789" not in repr(join_info(CALENDAR))


def test_join_info_is_immutable() -> None:
    """JoinInfo and its JoinPoints are frozen."""
    info = join_info(CALENDAR)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        info.join_uri = "https://evil.example/"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        info.phones[0].uri = "tel:+1"  # type: ignore[misc]


def test_hostile_values_are_type_problems_not_crashes() -> None:
    """A value whose __class__ raises is a `type` problem; a dict subclass whose items()
    raises is read as the dict it is, its override never run."""

    class Masquerade:
        @property  # type: ignore[misc]
        def __class__(self) -> type:
            raise RuntimeError("boom")

    class Exploding(dict[str, Any]):
        def items(self) -> Any:
            raise RuntimeError("boom")

    exploding = Exploding(
        {"entryPoints": [{"entryPointType": "video", "uri": "https://a.example"}]}
    )
    assert join_info(exploding).join_uri == "https://a.example"
    for source in (
        Masquerade(),
        {"entryPoints": [Masquerade()]},
        {"entryPoints": [{"entryPointType": Masquerade(), "uri": "x"}]},
    ):
        with pytest.raises(ValidationError) as caught:
            join_info(source)
        assert {p.code for p in caught.value.problems} == {"type"}


def test_data_no_form_can_spell_is_read_from_its_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """When neither form can be emitted, the typed fields give the join information."""
    data = ConferenceData.from_calendar_json(CALENDAR)

    def refuse(self: ConferenceData) -> Any:
        raise ValidationError([])

    monkeypatch.setattr(ConferenceData, "to_calendar_json", refuse)
    monkeypatch.setattr(ConferenceData, "to_addon_json", refuse)
    info = join_info(data)
    assert info.join_uri == "https://meet.google.com/aaa-bbbb-ccc"
    assert [p.pin for p in info.phones] == ["123456789"] * 3
    assert info.solution_name == "Google Meet"
    assert info.more_uri == "https://tel.meet/aaa-bbbb-ccc?pin=123456789"


ADDON: dict[str, Any] = {
    "conferenceId": "85746352814",
    "conferenceSolutionId": "acme-zoom",
    "entryPoints": [
        {"type": "VIDEO", "uri": "https://zoom.us/j/85746352814", "passcode": "Ab3xYz"},
        {"type": "PHONE", "uri": "tel:+18884754499", "features": ["TOLL_FREE"]},
        {"type": "PHONE", "uri": "tel:+16465588656", "features": ["TOLL"], "regionCode": "US"},
        {"type": "SIP", "uri": "sip:85746352814@zoomcrc.com"},
        {"type": "MORE", "uri": "https://zoom.us/zoomconference"},
    ],
    "note": "Dial in with the meeting ID.",
}


def test_the_addon_form_is_read_in_the_calendar_forms_spellings() -> None:
    """The add-on form an onCreateFunction returns: every part, types and features spelled
    as the Calendar form spells them (it once gave JoinInfo(join_uri=None))."""
    info = join_info(ADDON)
    assert info.join_uri == "https://zoom.us/j/85746352814"
    assert info.video is not None
    assert info.video.type == "video"
    assert info.video.passcode == "Ab3xYz"
    assert [(p.type, p.uri, p.features) for p in info.phones] == [
        ("phone", "tel:+18884754499", ("toll_free",)),
        ("phone", "tel:+16465588656", ("toll",)),
    ]
    assert info.phones[0].toll_free
    assert info.phones[1].region_code == "US"
    assert info.sip_uri == "sip:85746352814@zoomcrc.com"
    assert info.more_uri == "https://zoom.us/zoomconference"
    assert (info.conference_id, info.solution_name, info.others) == ("85746352814", None, ())


@settings(max_examples=50, deadline=None)
@given(conference_data(max_phones=4))
def test_both_forms_and_the_value_give_the_same_join_info(data: ConferenceData) -> None:
    """Any valid conference: its add-on form, its Calendar form and the value itself give
    equal join information (the add-on form names no solution, and neither do these)."""
    from_value = join_info(data)
    assert join_info(data.to_calendar_json()) == from_value
    assert join_info(data.to_addon_json()) == from_value
    assert len(from_value.phones) == sum(
        ep.type is EntryPointType.PHONE for ep in data.entry_points
    )


def test_an_addon_error_has_no_way_to_join() -> None:
    """The add-on form of a failure (no entry points) gives an empty JoinInfo, as a Calendar
    form whose create request failed does."""
    assert join_info({"error": {"type": "TEMPORARY"}}) == JoinInfo()


def test_an_unknown_addon_type_is_kept_aside_in_its_own_spelling() -> None:
    """An add-on entry point of a type confdata does not know is in `others`, as spelled."""
    info = join_info({"conferenceSolutionId": "s", "entryPoints": [{"type": "HOLO", "uri": "h:1"}]})
    assert [(p.type, p.uri) for p in info.others] == [("HOLO", "h:1")]


@pytest.mark.parametrize(
    "source",
    [
        {"conferenceSolutionId": "s", "conferenceSolution": {"name": "x"}},
        {"note": "n", "entryPoints": [{"entryPointType": "video", "uri": "https://a.example"}]},
        {"entryPoints": [{"type": "VIDEO", "uri": "https://a", "entryPointFeatures": []}]},
        {"conferenceData": {"signature": "x", "error": {"type": "PERMANENT"}}},
    ],
)
def test_members_of_both_forms_are_unknown_field(source: dict[str, Any]) -> None:
    """An object with members only the Calendar form defines and members only the add-on form
    defines is neither: one unknown-field problem naming both."""
    with pytest.raises(ValidationError) as caught:
        join_info(source)
    (problem,) = caught.value.problems
    assert problem.code == "unknown-field"
    assert "Calendar form" in problem.message
    assert "add-on form" in problem.message


@pytest.mark.parametrize("source", [{}, {"foo": 1}, {"meeting": {"join_url": "https://a"}}])
def test_an_object_it_does_not_understand_is_a_type_problem(source: dict[str, Any]) -> None:
    """No member of either form or of an Event: a `type` problem at the root, never an
    empty JoinInfo."""
    with pytest.raises(ValidationError) as caught:
        join_info(source)
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", "")]


def test_an_event_asked_for_some_fields_only_is_an_event_without_a_conference() -> None:
    """events().list(fields='items(id,summary,conferenceData)') leaves out kind and, where
    there is no conference, conferenceData: still an event, with an empty JoinInfo."""
    assert join_info({"id": "e1", "summary": "Lunch"}) == JoinInfo()


def test_a_kind_whose_methods_raise_is_read_as_its_text() -> None:
    """`kind`, member names and features as a str subclass whose comparisons raise: compared
    as plain text, its methods never run."""

    class Hostile(str):
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("boom")

        def __ne__(self, other: object) -> bool:
            raise RuntimeError("boom")

        __hash__ = str.__hash__  # so that it can be a member name

    assert join_info({"kind": Hostile("calendar#event"), "id": "e1"}) == JoinInfo()
    event = {Hostile("kind"): Hostile("calendar#event"), "conferenceData": CALENDAR}
    assert join_info(event) == join_info(CALENDAR)
    features = {"entryPoints": [{"type": "PHONE", "uri": "tel:+1", "features": [Hostile("TOLL")]}]}
    assert join_info(features).phones[0].features == ("toll",)


def test_a_secret_of_the_wrong_type_is_not_shown() -> None:
    """pin=123456789 (a number): a `type` problem whose message does not show it."""
    source = {"entryPoints": [{"entryPointType": "phone", "uri": "tel:+1", "pin": 123456789}]}
    with pytest.raises(ValidationError) as caught:
        join_info(source)
    assert "123456789" not in str(caught.value)


_PHONE: dict[str, Any] = {"type": "phone", "uri": "tel:+1"}


@pytest.mark.parametrize(
    ("cls", "arguments", "path"),
    [
        (JoinPoint, {"type": 5, "uri": "x"}, "/type"),
        (JoinPoint, {"type": "video", "uri": None}, "/uri"),
        pytest.param(JoinPoint, {**_PHONE, "pin": 10**5000}, "/pin", id="huge-pin"),
        (JoinPoint, {**_PHONE, "features": "toll"}, "/features"),
        (JoinPoint, {**_PHONE, "features": (1,)}, "/features/0"),
        (JoinInfo, {"join_uri": 5}, "/join_uri"),
        (JoinInfo, {"video": "https://a.example"}, "/video"),
        (JoinInfo, {"phones": [JoinPoint(**_PHONE), "tel:+2"]}, "/phones/1"),
        (JoinInfo, {"others": {}}, "/others"),
        (JoinInfo, {"conference_id": b"x"}, "/conference_id"),
    ],
)
def test_join_values_check_their_arguments(
    cls: type[Any], arguments: dict[str, Any], path: str
) -> None:
    """JoinPoint and JoinInfo take only what their fields say: a `type` problem naming the
    argument, never another exception."""
    with pytest.raises(ValidationError) as caught:
        cls(**arguments)
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", path)]


def test_join_values_read_str_subclasses_and_lists_as_plain_values() -> None:
    """A str subclass becomes a str, a list of phones a tuple."""

    class Text(str):
        pass

    point = JoinPoint(type=Text("phone"), uri=Text("tel:+1"), features=[Text("toll")])
    info = JoinInfo(phones=[point], conference_id=Text("x"))
    assert type(point.type) is str
    assert type(point.features[0]) is str
    assert info.phones == (point,)
    assert type(info.conference_id) is str
