"""The Calendar API v3 form: exact emission, strict and lenient reading, Google's schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import googleapiclient
import jsonschema
import pytest
from hypothesis import given

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    ConferenceErrorType,
    ConferenceSolution,
    EntryPoint,
    EntryPointFeature,
    RequestStatus,
    SolutionType,
    ValidationError,
    fixtures,
)
from confdata._core.calendar_form import CalendarEntryPoint
from confdata.testing import conference_data

from .payloads import calendar_payload


def test_emission_is_the_documented_shape() -> None:
    """to_calendar_json() spells members the Calendar way and omits absent ones."""
    data = (
        ConferenceDataBuilder()
        .conference_id("123-456-789")
        .entry_point(EntryPoint.video("https://acme.example/j/123", passcode="abc123"))
        .entry_point(
            EntryPoint.phone(
                "tel:+12025550123,,123#",
                pin="123",
                region_code="US",
                features=[EntryPointFeature.TOLL, EntryPointFeature.TOLL_FREE][1:],
            )
        )
        .parameter("meetingKey", "k-123")
        .notes("Join with passcode abc123")
        .build()
    )
    assert data.to_calendar_json() == {
        "conferenceId": "123-456-789",
        "conferenceSolution": {"key": {"type": "addOn"}},
        "entryPoints": [
            {
                "entryPointType": "video",
                "uri": "https://acme.example/j/123",
                "passcode": "abc123",
            },
            {
                "entryPointType": "phone",
                "uri": "tel:+12025550123,,123#",
                "pin": "123",
                "regionCode": "US",
                "entryPointFeatures": ["toll_free"],
            },
        ],
        "notes": "Join with passcode abc123",
        "parameters": {"addOnParameters": {"parameters": {"meetingKey": "k-123"}}},
    }


def test_emitted_values_are_plain_json_types() -> None:
    """Enum members are emitted as plain strings, so any JSON encoder round-trips them."""
    data = ConferenceData.from_calendar_json(calendar_payload())
    emitted = data.to_calendar_json()
    assert json.loads(json.dumps(emitted)) == emitted
    ep = emitted["entryPoints"][1]
    assert type(ep["entryPointType"]) is str
    assert type(ep["entryPointFeatures"][0]) is str


def test_error_result_is_a_failed_create_request() -> None:
    """An error result becomes the SPEC's failed add-on create request, data dropped."""
    data = (
        ConferenceDataBuilder()
        .conference_id("x")
        .error(ConferenceErrorType.AUTHENTICATION, "https://acme.example/login")
        .build()
    )
    assert data.to_calendar_json() == {
        "createRequest": {
            "conferenceSolutionKey": {"type": "addOn"},
            "status": {"statusCode": "failure"},
        }
    }


def test_reading_the_full_payload() -> None:
    """Every member of the example payload lands in its field."""
    data = ConferenceData.from_calendar_json(calendar_payload())
    assert data.conference_id == "abc-123"
    assert data.conference_solution == ConferenceSolution(
        key_type=SolutionType.ADD_ON, name="Acme Meetings", icon_uri="https://acme.example/icon.png"
    )
    assert [str(ep.type) for ep in data.entry_points] == ["video", "phone", "sip", "more"]
    assert data.entry_points[1].features == (EntryPointFeature.TOLL,)
    assert data.parameters[0].key == "meetingKey"
    assert data.signature == "AGirE/abc"
    assert data.read_problems == ()


def test_strict_read_raises_with_every_problem() -> None:
    """A strict read of invalid data raises once with all of its problems."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = "tel:1"
    payload["notes"] = "n" * 3000
    with pytest.raises(ValidationError) as error:
        ConferenceData.from_calendar_json(payload)
    assert {p.code for p in error.value.problems} == {"uri-scheme", "max-length"}


def test_lenient_read_is_lossless() -> None:
    """Unknown members, unknown enum values and empty containers survive a lenient round trip."""
    payload = calendar_payload()
    payload["newTopLevel"] = {"nested": [1, {"deep": True}]}
    payload["entryPoints"][0]["entryPointType"] = "hologram"
    payload["entryPoints"][0]["futureMember"] = "x"
    payload["entryPoints"][1]["entryPointFeatures"] = ["toll", "premium"]
    payload["entryPoints"][2]["entryPointFeatures"] = []
    payload["conferenceSolution"]["key"] = {"type": "zoomish", "version": 2}
    payload["parameters"]["addOnParameters"]["extra"] = 1
    payload["createRequest"] = {"status": {"statusCode": "archived", "why": "x"}, "z": None}
    original = copy.deepcopy(payload)
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    assert data.to_calendar_json() == original
    assert payload == original  # the input was not modified
    assert {p.code for p in data.read_problems} == {"unknown-field", "enum"}
    # The hologram entry point and the premium feature stay in their places, held as UNKNOWN
    # with their spellings kept by the entry point they were read in.
    assert [ep.type for ep in data.entry_points] == ["unknown", "phone", "sip", "more"]
    assert data.entry_points[1].features == (
        EntryPointFeature.TOLL,
        EntryPointFeature.UNKNOWN_FEATURE,
    )
    first, second = (ep.kept for ep in data.entry_points[:2])
    assert first is not None
    assert first.spelling("entryPointType") == ("hologram",)
    assert first.unknown_members() == {"futureMember": "x"}
    assert second is not None
    assert second.spelling("entryPointFeatures") == ("premium",)
    assert data.conference_solution is not None
    assert data.conference_solution.key_type is None
    with pytest.raises(ValidationError):
        ConferenceData.from_calendar_json(payload)


def test_lenient_read_keeps_empty_wrappers() -> None:
    """Present-but-empty objects and arrays are emitted again as they were."""
    payload: dict[str, Any] = {
        "createRequest": {"requestId": "r", "conferenceSolutionKey": {}, "status": {}},
        "conferenceSolution": {"key": {}},
        "entryPoints": [],
        "parameters": {"addOnParameters": {"parameters": {}}},
    }
    data = ConferenceData.from_calendar_json(copy.deepcopy(payload), lenient=True)
    assert data.to_calendar_json() == payload


def test_preserved_members_are_not_shared_with_the_output() -> None:
    """Mutating emitted JSON does not change the value it came from."""
    payload = calendar_payload()
    payload["extra"] = {"list": [1]}
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    first = data.to_calendar_json()
    first["extra"]["list"].append(2)  # type: ignore[typeddict-item]
    assert data.to_calendar_json()["extra"] == {"list": [1]}  # type: ignore[typeddict-item]


def test_values_share_nothing_with_the_json_in_or_out() -> None:
    """A clean read keeps its own copy of each entry point and the parameters, and each
    emit returns new lists and dicts: mutating either side changes nothing on the other.
    The same for values built and made by the constructor (which hold a parameter map)."""
    for data, source in (
        (fixtures.full_conference(), None),
        (attrs.evolve(fixtures.full_conference()), None),  # through ConferenceData.__init__
        (ConferenceData.from_calendar_json(payload := calendar_payload()), payload),
    ):
        expected = copy.deepcopy(data.to_calendar_json())
        first = data.to_calendar_json()
        first["entryPoints"][1]["uri"] = "tel:+1"
        first["entryPoints"][1]["entryPointFeatures"].append("toll_free")
        first["parameters"]["addOnParameters"]["parameters"]["new"] = "v"
        if source is not None:
            source["entryPoints"][1]["label"] = "changed"
            source["entryPoints"][1]["entryPointFeatures"].clear()
            source["parameters"]["addOnParameters"]["parameters"].clear()
        assert data.to_calendar_json() == expected
        again = ConferenceData.from_calendar_json(expected)
        assert (data.entry_points, data.parameters) == (again.entry_points, again.parameters)


def test_emitted_members_come_in_one_documented_order() -> None:
    """Emission builds the JSON from the fields: members come in the order of the shape
    (type, uri, label, codes, region, features), however the input ordered them."""
    payload = calendar_payload()
    payload["entryPoints"][1] = dict(reversed(list(payload["entryPoints"][1].items())))
    data = ConferenceData.from_calendar_json(payload)
    assert list(data.to_calendar_json()["entryPoints"][1]) == [
        name for name in CalendarEntryPoint.__annotations__ if name in payload["entryPoints"][1]
    ]


def test_lenient_read_still_rejects_wrong_types() -> None:
    """Values of the wrong JSON type cannot be kept, even leniently."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = 42
    with pytest.raises(ValidationError) as error:
        ConferenceData.from_calendar_json(payload, lenient=True)
    assert ("type", "/entryPoints/0/uri") in [(p.code, p.path) for p in error.value.problems]
    with pytest.raises(ValidationError):
        ConferenceData.from_calendar_json(["not", "an", "object"], lenient=True)


def test_lenient_read_rejects_missing_entry_point_members() -> None:
    """An entry point without a URI cannot be represented."""
    payload = calendar_payload()
    del payload["entryPoints"][0]["uri"]
    with pytest.raises(ValidationError):
        ConferenceData.from_calendar_json(payload, lenient=True)


def test_lenient_read_keeps_rule_breaking_values() -> None:
    """Data read leniently may break rules; problems() reports them again."""
    payload = calendar_payload()
    payload["entryPoints"] = [{"entryPointType": "more", "uri": "https://acme.example/more"}]
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    assert [p.code for p in data.problems] == ["more-only"]
    assert data.to_calendar_json() == payload


def test_read_status_is_kept() -> None:
    """The read-only status of a create request is read into the model."""
    payload = {"createRequest": {"requestId": "r", "status": {"statusCode": "pending"}}}
    data = ConferenceData.from_calendar_json(payload)
    assert data.create_request is not None
    assert data.create_request.status is RequestStatus.PENDING


@given(conference_data(solution_ids=False))
def test_round_trip(data: ConferenceData) -> None:
    """Reading what was emitted gives back an equal value."""
    assert ConferenceData.from_calendar_json(data.to_calendar_json()) == data


def _discovery_schema() -> dict[str, Any]:
    """Google's ConferenceData schema from the discovery document, as a closed JSON Schema."""
    path = Path(googleapiclient.__file__).parent / "discovery_cache/documents/calendar.v3.json"
    schemas = json.loads(path.read_text(encoding="utf-8"))["schemas"]

    def convert(node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            return {"$ref": f"#/$defs/{node['$ref']}"}
        out: dict[str, Any] = {"type": node["type"]}
        if "properties" in node:
            out["properties"] = {k: convert(v) for k, v in node["properties"].items()}
            out["additionalProperties"] = False
        elif "additionalProperties" in node:
            out["additionalProperties"] = convert(node["additionalProperties"])
        if "items" in node:
            out["items"] = convert(node["items"])
        return out

    names = [
        "ConferenceData", "ConferenceSolution", "ConferenceSolutionKey",
        "CreateConferenceRequest", "ConferenceRequestStatus", "EntryPoint",
        "ConferenceParameters", "ConferenceParametersAddOnParameters",
    ]  # fmt: skip
    return {
        "$ref": "#/$defs/ConferenceData",
        "$defs": {name: convert(schemas[name]) for name in names},
    }


DISCOVERY = jsonschema.Draft202012Validator(_discovery_schema())


def test_discovery_schema_is_closed() -> None:
    """The schema built from Google's document rejects members it does not define."""
    assert not DISCOVERY.is_valid({"entryPoints": [{"type": "VIDEO"}]})
    DISCOVERY.validate(calendar_payload())


@given(conference_data(errors=True))
def test_emitted_json_conforms_to_googles_schema(data: ConferenceData) -> None:
    """Everything emitted uses only members and JSON types Google's document defines."""
    DISCOVERY.validate(data.to_calendar_json())
