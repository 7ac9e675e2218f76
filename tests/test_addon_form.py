"""The add-on response form: rules with add-on paths, emitting, reading, converting."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceErrorType,
    EntryPoint,
    EntryPointFeature,
    Manifest,
    ValidationError,
    is_valid_addon_json,
    validate_addon_json,
)
from confdata.testing import conference_data

from .payloads import Payload, addon_payload, calendar_payload, drop, manifest_payload, put


def _error(**error: Any) -> Callable[[Payload], None]:
    def mutate(payload: Payload) -> None:
        payload.clear()
        payload["conferenceSolutionId"] = "acme-video"
        payload["error"] = error

    return mutate


VIDEO = {"type": "VIDEO", "uri": "https://acme.example/j/1"}
MORE = {"type": "MORE", "uri": "https://acme.example/more"}

CASES: list[tuple[str, Callable[[Payload], None], list[tuple[str, str]]]] = [
    ("type-number", put("entryPoints", 0, "uri", value=1), [("type", "/entryPoints/0/uri")]),
    ("parameters-map", put("parameters", value={"k": "v"}), [("type", "/parameters")]),
    ("missing-id", drop("conferenceId"), [("required", "/conferenceId")]),
    ("missing-entry-points", drop("entryPoints"), [("required", "/entryPoints")]),
    ("empty-entry-points", put("entryPoints", value=[]), [("required", "/entryPoints")]),
    ("missing-type", drop("entryPoints", 1, "type"), [("required", "/entryPoints/1/type")]),
    ("missing-value", drop("parameters", 0, "value"), [("required", "/parameters/0/value")]),
    (
        "missing-error-type",
        _error(authenticationUrl="https://a.example/"),
        [("required", "/error/type")],
    ),
    ("empty-key", put("parameters", 0, "key", value=""), [("empty", "/parameters/0/key")]),
    ("calendar-spelling", put("notes", value="x"), [("unknown-field", "/notes")]),
    (
        "calendar-entry-point-spelling",
        put("entryPoints", 0, "entryPointType", value="video"),
        [("unknown-field", "/entryPoints/0/entryPointType")],
    ),
    ("note-too-long", put("note", value="n" * 2049), [("max-length", "/note")]),
    (
        "solution-id-too-long",
        put("conferenceSolutionId", value="s" * 513),
        [("max-length", "/conferenceSolutionId")],
    ),
    (
        "auth-url-1301",
        _error(type="AUTHENTICATION", authenticationUrl="https://a.example/" + "x" * 1283),
        [("max-length", "/error/authenticationUrl")],
    ),
    (
        "301-parameters",
        put("parameters", value=[{"key": f"k{i}", "value": ""} for i in range(301)]),
        [("max-items", "/parameters")],
    ),
    (
        "lower-case-type",
        put("entryPoints", 0, "type", value="video"),
        [("enum", "/entryPoints/0/type")],
    ),
    (
        "unknown-type",
        put("entryPoints", 0, "type", value="UNKNOWN"),
        [("enum", "/entryPoints/0/type")],
    ),
    (
        "unknown-feature",
        put("entryPoints", 1, "features", value=["UNKNOWN_FEATURE"]),
        [("enum", "/entryPoints/1/features/0")],
    ),
    ("error-type", _error(type="TIMEOUT"), [("enum", "/error/type")]),
    (
        "toll-and-toll-free",
        put("entryPoints", 1, "features", value=["TOLL", "TOLL_FREE"]),
        [("toll-and-toll-free", "/entryPoints/1/features")],
    ),
    (
        "features-on-sip",
        put("entryPoints", 2, "features", value=["TOLL"]),
        [("feature-not-phone", "/entryPoints/2/features")],
    ),
    (
        "duplicate-feature",
        put("entryPoints", 1, "features", value=["TOLL", "TOLL"]),
        [("duplicate-feature", "/entryPoints/1/features/1")],
    ),
    (
        "two-videos",
        put("entryPoints", value=[VIDEO, VIDEO]),
        [("duplicate-entry-point-type", "/entryPoints/1")],
    ),
    ("more-only", put("entryPoints", value=[MORE]), [("more-only", "/entryPoints")]),
    (
        "duplicate-key",
        put("parameters", value=[{"key": "k", "value": "1"}, {"key": "k", "value": "2"}]),
        [("duplicate-parameter-key", "/parameters/1")],
    ),
    (
        "auth-url-required",
        _error(type="AUTHENTICATION"),
        [("auth-url-required", "/error/authenticationUrl")],
    ),
    (
        "auth-url-scheme",
        _error(type="AUTHENTICATION", authenticationUrl="ftp://a.example/"),
        [("auth-url-scheme", "/error/authenticationUrl")],
    ),
    (
        "auth-url-ignored",
        _error(type="TEMPORARY", authenticationUrl="https://a.example/"),
        [("auth-url-ignored", "/error/authenticationUrl")],
    ),
    ("error-with-data", put("error", value={"type": "PERMANENT"}), [("error-with-data", "")]),
    (
        "solution-id-missing",
        drop("conferenceSolutionId"),
        [("solution-id-missing", "/conferenceSolutionId")],
    ),
    (
        "label-on-more",
        put("entryPoints", 3, "label", value="More"),
        [("label-on-more", "/entryPoints/3/label")],
    ),
]


@pytest.mark.parametrize(("mutate", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_is_reported_in_the_addon_form(
    mutate: Callable[[Payload], None], expected: list[tuple[str, str]]
) -> None:
    """Breaking one rule reports exactly that rule, with a path into the add-on form."""
    payload = addon_payload()
    mutate(payload)
    assert [(p.code, p.path) for p in validate_addon_json(payload)] == expected


def test_root_must_be_an_object() -> None:
    """A non-object is one type problem at the root."""
    assert [(p.code, p.path) for p in validate_addon_json([addon_payload()])] == [("type", "")]


def test_authentication_url_limit_is_1300_in_the_addon_form() -> None:
    """1300 characters are fine in the add-on form (1801 in the model fails elsewhere)."""
    url = "https://a.example/" + "x" * (1300 - 18)
    assert (
        validate_addon_json(
            {
                "error": {"type": "AUTHENTICATION", "authenticationUrl": url},
                "conferenceSolutionId": "s",
            }
        )
        == []
    )


def test_unknown_solution_id_with_a_manifest() -> None:
    """With a manifest, an undeclared conferenceSolutionId is an error."""
    manifest = Manifest.from_json(manifest_payload())
    payload = addon_payload()
    assert validate_addon_json(payload, manifest=manifest) == []
    payload["conferenceSolutionId"] = "acme-holo"
    problems = validate_addon_json(payload, manifest=manifest)
    assert [(p.code, p.path) for p in problems] == [
        ("solution-id-unknown", "/conferenceSolutionId")
    ]
    assert "'acme-phone', 'acme-video'" in problems[0].message
    assert not is_valid_addon_json(payload, manifest=manifest)
    assert is_valid_addon_json(payload)


def test_emission_uses_the_addon_spellings() -> None:
    """to_addon_json() writes type/features upper case, note, and a parameter list."""
    data = ConferenceData.from_calendar_json(calendar_payload())
    out = data.to_addon_json()
    assert out["entryPoints"][1]["type"] == "PHONE"
    assert out["entryPoints"][1]["features"] == ["TOLL"]
    assert out["parameters"] == [{"key": "meetingKey", "value": "k-123"}]
    assert out["note"] == "Dial in with <b>PIN</b> 123456"
    assert "conferenceSolution" not in out


def test_error_result_carries_only_the_error() -> None:
    """An error result is emitted with its error (and solution id), without data."""
    data = (
        ConferenceDataBuilder()
        .conference_solution_id("acme-video")
        .conference_id("ignored")
        .error(ConferenceErrorType.AUTHENTICATION, "https://acme.example/login")
        .build()
    )
    assert data.to_addon_json() == {
        "conferenceSolutionId": "acme-video",
        "error": {"type": "AUTHENTICATION", "authenticationUrl": "https://acme.example/login"},
    }


def test_reading_the_full_payload() -> None:
    """Every add-on member lands in its field, and it round-trips."""
    payload = addon_payload()
    data = ConferenceData.from_addon_json(payload)
    assert data.conference_solution_id == "acme-video"
    assert data.entry_points[1].features == (EntryPointFeature.TOLL,)
    assert data.notes == payload["note"]
    assert data.to_addon_json() == payload


def test_reading_an_error_result() -> None:
    """An add-on error result reads into a ConferenceError."""
    data = ConferenceData.from_addon_json(
        {"error": {"type": "TEMPORARY"}, "conferenceSolutionId": "s"}
    )
    assert data.is_error
    assert data.error is not None
    assert data.error.type is ConferenceErrorType.TEMPORARY


def test_lenient_addon_read_is_lossless() -> None:
    """Unknown members and values in the add-on form survive a lenient round trip."""
    payload = addon_payload()
    payload["entryPoints"][0]["type"] = "HOLOGRAM"
    payload["entryPoints"][1]["features"] = ["TOLL", "PREMIUM"]
    payload["parameters"][0]["scope"] = "user"
    payload["future"] = [1, 2]
    payload["entryPoints"][2]["features"] = []
    original = copy.deepcopy(payload)
    data = ConferenceData.from_addon_json(payload, lenient=True)
    assert data.to_addon_json() == original
    with pytest.raises(ValidationError):
        ConferenceData.from_addon_json(payload)


@pytest.mark.parametrize("index", [0, 2])
def test_unknown_values_cannot_cross_forms(index: int) -> None:
    """A type read leniently from one form has no spelling in the other: emitting raises,
    naming the entry point by its place."""
    payload = addon_payload()
    payload["entryPoints"][index]["type"] = "HOLOGRAM"
    data = ConferenceData.from_addon_json(payload, lenient=True)
    with pytest.raises(ValidationError) as error:
        data.to_calendar_json()
    assert [(p.code, p.path) for p in error.value.problems] == [
        ("enum", f"/entryPoints/{index}/entryPointType")
    ]


def test_add_on_data_converts_to_the_calendar_form() -> None:
    """Data read from the add-on form emits a valid Calendar form with an addOn solution."""
    data = ConferenceData.from_addon_json(addon_payload())
    calendar = data.to_calendar_json()
    assert calendar["conferenceSolution"] == {"key": {"type": "addOn"}}
    assert calendar["entryPoints"][0]["entryPointType"] == "video"
    assert calendar["parameters"] == {"addOnParameters": {"parameters": {"meetingKey": "k-123"}}}


def test_manifest_fills_the_calendar_solution_name_and_icon() -> None:
    """With a manifest, the Calendar solution takes the manifest's name and logo."""
    data = ConferenceData.from_addon_json(addon_payload())
    manifest = Manifest.from_json(manifest_payload())
    calendar = data.to_calendar_json(manifest=manifest)
    assert calendar["conferenceSolution"] == {
        "key": {"type": "addOn"},
        "name": "Acme Video",
        "iconUri": "https://acme.example/video.png",
    }


@given(conference_data(errors=True))
def test_addon_round_trip(data: ConferenceData) -> None:
    """Reading the emitted add-on form gives back the value (errors included)."""
    emitted = data.to_addon_json()
    assert [p for p in validate_addon_json(emitted) if p.is_error] == []
    back = ConferenceData.from_addon_json(emitted)
    if data.is_error:
        assert back.error == data.error
        assert back.conference_solution_id == data.conference_solution_id
    else:
        assert back == data


@given(conference_data(solution_ids=False))
def test_calendar_addon_conversion_keeps_shared_fields(data: ConferenceData) -> None:
    """calendar -> add-on -> calendar keeps every field both forms share."""
    via_addon = ConferenceData.from_addon_json(data.to_addon_json())
    assert via_addon.to_calendar_json() == data.to_calendar_json()
    via_calendar = ConferenceData.from_calendar_json(via_addon.to_calendar_json())
    assert via_calendar.to_addon_json() == data.to_addon_json()


def test_addon_form_values_equal_the_builders() -> None:
    """The Apps Script-like builder and a read add-on payload give equal data."""
    built = (
        ConferenceDataBuilder()
        .conference_id("abc-123")
        .conference_solution_id("acme-video")
        .entry_point(
            EntryPoint.video(
                "https://acme.example/j/123", label="acme.example/j/123", passcode="abc123"
            )
        )
        .entry_point(
            EntryPoint.phone(
                "tel:+12025550123",
                pin="123456",
                region_code="US",
                features=[EntryPointFeature.TOLL],
            )
        )
        .entry_point(EntryPoint.sip("sip:123@acme.example", meeting_code="123"))
        .entry_point(EntryPoint.more("https://acme.example/more/123"))
        .parameter("meetingKey", "k-123")
        .notes("Dial in with <b>PIN</b> 123456")
        .build()
    )
    assert ConferenceData.from_addon_json(addon_payload()) == built


def test_a_lenient_error_result_writes_back_what_it_does_not_drop() -> None:
    """An error result drops the data beside it; what a lenient read kept inside that data
    is dropped with it, and the rest (an unknown member) is written back."""
    payload = {
        "error": {"type": "TEMPORARY"},
        "entryPoints": [{"type": "VIDEO", "uri": "https://a.example/", "x": 1}],
        "parameters": [{"key": "a", "value": "b", "y": 2}],
        "future": True,
    }
    data = ConferenceData.from_addon_json(payload, lenient=True)
    assert data.to_addon_json() == {"error": {"type": "TEMPORARY"}, "future": True}


def test_kept_members_whose_place_is_gone_are_left_out() -> None:
    """A value read leniently and then changed keeps what it read; a member whose entry point
    is gone is left out, never a crash."""
    payload = calendar_payload()
    payload["entryPoints"][3]["zz"] = 1
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    fewer = attrs.evolve(data, entry_points=data.entry_points[:1])
    assert "zz" not in json.dumps(fewer.to_calendar_json())


def test_writing_the_add_on_form_is_strict() -> None:
    """What the add-on form cannot hold raises instead of being written: an authentication
    URL past its 1300 characters (the value allows Apps Script's 1800), a bare create
    request; a lenient value is written as it is."""
    from confdata import ConferenceError, ConferenceErrorType, CreateRequest

    url = "https://acme.example/" + "a" * 1400
    long_url = ConferenceData(
        error=ConferenceError(type=ConferenceErrorType.AUTHENTICATION, authentication_url=url)
    )
    with pytest.raises(ValidationError) as error:
        long_url.to_addon_json()
    assert [(p.code, p.path) for p in error.value.problems] == [
        ("max-length", "/error/authenticationUrl")
    ]
    with pytest.raises(ValidationError):
        ConferenceData(create_request=CreateRequest()).to_addon_json()
    kept = attrs.evolve(long_url, lenient=True)
    assert kept.to_addon_json()["error"]["authenticationUrl"] == url
