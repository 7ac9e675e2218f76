"""What a lenient read keeps: frozen JSON that travels with its object and goes back whole."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    ConferenceSolution,
    CreateRequest,
    EntryPoint,
    EntryPointType,
    RequestStatus,
    SolutionType,
    ValidationError,
)
from confdata._core.kept import JsonObject, Kept, freeze, thaw

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_frozen_json_thaws_to_an_equal_fresh_copy(value: Any) -> None:
    """freeze then thaw gives the value back, never the object given."""
    frozen = freeze(value)
    hash(frozen)  # frozen JSON is hashable
    thawed = thaw(frozen)
    assert thawed == value
    if isinstance(value, (dict, list)):
        assert thawed is not value


def test_shared_parts_stay_shared_and_deep_values_are_fine() -> None:
    """A part used twice is one part frozen and thawed; nesting depth is no limit."""
    shared = {"x": [1]}
    thawed = thaw(freeze({"a": shared, "b": shared}))
    assert thawed["a"] is thawed["b"]
    deep: Any = "leaf"
    for _ in range(100_000):
        deep = {"d": deep}
    again = thaw(freeze(deep))
    for _ in range(100_000):
        again = again["d"]
    assert again == "leaf"


def test_kept_data_is_immutable_and_shows_no_values() -> None:
    """Kept and frozen objects cannot be changed, and their reprs name members only."""
    kept = Kept(form="calendar", unknown=(("pinCode", freeze({"pin": "8421"})),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        kept.unknown = ()  # type: ignore[misc]
    assert "8421" not in repr(kept)
    assert "pinCode" in repr(kept)
    assert "8421" not in repr(freeze({"pin": "8421"}))
    assert isinstance(freeze({}), JsonObject)


def test_kept_data_travels_with_the_object_it_was_read_in() -> None:
    """An entry point's unknown member is that entry point's, the conference's its own."""
    data = ConferenceData.from_calendar_json(
        {
            "conferenceId": "c",
            "conferenceSolution": {"key": {"type": "addOn"}},
            "entryPoints": [
                {"entryPointType": "video", "uri": "https://a.example/", "x": 1},
            ],
            "y": 2,
        },
        lenient=True,
    )
    assert data.kept is not None
    assert data.kept.unknown_members() == {"y": 2}
    assert data.entry_points[0].kept is not None
    assert data.entry_points[0].kept.unknown_members() == {"x": 1}


def test_an_entry_point_of_unknown_type_keeps_its_place() -> None:
    """A lenient read holds an unknown type as UNKNOWN, in its place, and writes its
    spelling back; built data with UNKNOWN is an enum error."""
    payload = {
        "conferenceId": "c",
        "conferenceSolution": {"key": {"type": "addOn"}},
        "entryPoints": [
            {"entryPointType": "video", "uri": "https://a.example/"},
            {"entryPointType": "hologram", "uri": "https://b.example/"},
            {"entryPointType": "more", "uri": "https://c.example/"},
        ],
    }
    data = ConferenceData.from_calendar_json(copy.deepcopy(payload), lenient=True)
    assert [ep.type for ep in data.entry_points] == [
        EntryPointType.VIDEO,
        EntryPointType.UNKNOWN,
        EntryPointType.MORE,
    ]
    assert data.to_calendar_json() == payload
    with pytest.raises(ValidationError) as caught:
        EntryPoint(type=EntryPointType.UNKNOWN, uri="https://b.example/")
    assert [p.code for p in caught.value.problems] == ["enum"]


@pytest.mark.parametrize(
    ("member", "read", "changed"),
    [
        ("entryPoints", [], {"entry_points": (EntryPoint.video("https://a.example/"),)}),
        ("parameters", {}, {"parameters": {"k": "v"}}),
        ("parameters", {"addOnParameters": {}}, {"parameters": {"k": "v"}}),
        ("notes", None, {"notes": "n"}),
        (
            "conferenceSolution",
            {},
            {"conference_solution": ConferenceSolution(key_type=SolutionType.ADD_ON)},
        ),
        ("createRequest", {}, {"create_request": CreateRequest(request_id="r-2")}),
    ],
)
def test_evolve_never_loses_a_change(member: str, read: Any, changed: dict[str, Any]) -> None:
    """What a read kept for a member is written back only while the field writes nothing:
    a change made with attrs.evolve is always what is written."""
    payload: dict[str, Any] = {"createRequest": {"requestId": "r"}, member: read}
    data = ConferenceData.from_calendar_json(payload, lenient=True)
    assert data.to_calendar_json()[member] == read  # type: ignore[literal-required]
    evolved = attrs.evolve(data, **changed)
    written = evolved.to_calendar_json()
    assert written[member] != read  # type: ignore[literal-required]
    assert ConferenceData.from_calendar_json(written, lenient=True).problems == evolved.problems


def test_an_evolved_status_wins_over_a_kept_unknown_one() -> None:
    """A kept unknown status is written only while the field holds none."""
    data = ConferenceData.from_calendar_json(
        {"createRequest": {"requestId": "r", "status": {"statusCode": "weird"}}}, lenient=True
    )
    request = data.create_request
    assert request is not None
    assert data.to_calendar_json()["createRequest"]["status"] == {"statusCode": "weird"}
    evolved = attrs.evolve(data, create_request=attrs.evolve(request, status=RequestStatus.PENDING))
    assert evolved.to_calendar_json()["createRequest"]["status"] == {"statusCode": "pending"}


def test_odd_member_names_are_kept_as_members() -> None:
    """A kept member named "0" or "²" is a member like any other (no pointer to parse)."""
    payload = {
        "conferenceId": "c",
        "conferenceSolution": {"key": {"type": "addOn"}},
        "entryPoints": [{"entryPointType": "video", "uri": "https://a.example/"}],
        "parameters": {"addOnParameters": {"parameters": {"k": "v"}, "0": 1}, "²": 2},
        "": 3,
    }
    data = ConferenceData.from_calendar_json(copy.deepcopy(payload), lenient=True)
    assert data.to_calendar_json() == payload


def test_kept_values_pickle() -> None:
    """A value with kept data crosses process boundaries unchanged."""
    data = ConferenceData.from_calendar_json(
        {"createRequest": {"requestId": "r"}, "extra": {"a": [1, {"b": None}]}}, lenient=True
    )
    again = pickle.loads(pickle.dumps(data))
    assert again == data
    assert again.to_calendar_json() == data.to_calendar_json()
