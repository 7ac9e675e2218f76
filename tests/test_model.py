"""Frozen values: validation on creation and evolve, masking, defaults."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from confdata import (
    ConferenceData,
    ConferenceError,
    ConferenceErrorType,
    ConferenceParameter,
    ConferenceSolution,
    EntryPoint,
    EntryPointFeature,
    EntryPointType,
    SolutionType,
    ValidationError,
    fixtures,
)
from confdata.testing import conference_data


def test_init_validates_every_field_at_once() -> None:
    """Creating an invalid entry point directly reports all its problems."""
    with pytest.raises(ValidationError) as error:
        EntryPoint(EntryPointType.VIDEO, "tel:1", region_code="US", features=["toll"])
    assert [p.code for p in error.value.problems] == [
        "uri-scheme",
        "region-not-phone",
        "feature-not-phone",
    ]


def test_evolve_revalidates() -> None:
    """attrs.evolve runs the rules again."""
    video = EntryPoint.video("https://acme.example")
    with pytest.raises(ValidationError):
        attrs.evolve(video, uri="ftp://acme.example")


def test_strings_become_enum_members() -> None:
    """Known spellings are converted to enum members."""
    ep = EntryPoint("phone", "tel:+1", features=["toll_free"])
    assert ep.type is EntryPointType.PHONE
    assert ep.features == (EntryPointFeature.TOLL_FREE,)


def test_unknown_enum_value_is_rejected_when_building() -> None:
    """Writing is strict: an unknown type string is an enum error."""
    with pytest.raises(ValidationError) as error:
        EntryPoint("hologram", "https://acme.example")
    assert [(p.code, p.path) for p in error.value.problems] == [("enum", "/entryPointType")]


def test_wrong_python_types_are_validation_errors() -> None:
    """Wrong argument types raise ValidationError naming the field."""
    with pytest.raises(ValidationError) as error:
        ConferenceParameter(1, None)  # type: ignore[arg-type]
    assert [(p.code, p.path) for p in error.value.problems] == [
        ("type", "/key"),
        ("type", "/value"),
    ]
    with pytest.raises(ValidationError) as error:
        ConferenceData("a", entry_points=5)  # type: ignore[arg-type]
    assert ("type", "/entryPoints") in [(p.code, p.path) for p in error.value.problems]


def test_direct_conference_data_gets_the_add_on_solution() -> None:
    """ConferenceData with entry points defaults to an addOn solution, like the builder."""
    data = ConferenceData("a", (EntryPoint.video("https://acme.example"),))
    assert data.conference_solution == ConferenceSolution(SolutionType.ADD_ON)


@given(st.text(min_size=1, max_size=128))
def test_secrets_never_appear_in_repr_or_str(secret: str) -> None:
    """Every secret member is masked in repr() and str() of entry points and data."""
    ep = EntryPoint.phone(
        "tel:+12025550123",
        pin=secret,
        access_code=secret,
        meeting_code=secret,
        passcode=secret,
        password=secret,
    )
    data = ConferenceData("conference-1", (ep,))
    plain = ConferenceData("conference-1", (EntryPoint.phone("tel:+12025550123"),))
    assume(f"'{secret}'" not in repr(plain))  # the secret is not some other member's value
    for text in (repr(ep), str(ep), repr(data), str(data)):
        assert f"'{secret}'" not in text
        assert text.count("<masked") >= 5


def test_secrets_are_masked_in_validation_errors() -> None:
    """A too-long password appears in the exception only as its length."""
    secret = "hunter2" * 30
    with pytest.raises(ValidationError) as error:
        EntryPoint.video("https://acme.example", password=secret)
    assert secret[:20] not in str(error.value)
    assert "210 characters" in str(error.value)


def test_validation_error_lists_every_problem() -> None:
    """str(ValidationError) has one line per problem; it is a ValueError."""
    with pytest.raises(ValueError, match="2 problems") as error:
        ConferenceParameter("", "v" * 1025)
    assert isinstance(error.value, ValidationError)
    assert len(str(error.value).splitlines()) == 3
    assert error.value.codes == {"empty", "max-length"}
    assert error.value.errors == error.value.problems
    assert error.value.warnings == ()


@given(conference_data(errors=True))
def test_generated_values_have_no_errors(data: ConferenceData) -> None:
    """Values of the valid strategy report no errors."""
    assert [p for p in data.problems() if p.is_error] == []


@pytest.mark.parametrize("make", list(fixtures.FIXTURES.values()))
def test_values_pickle_and_copy(make: Callable[[], ConferenceData]) -> None:
    """Values cross process boundaries (multiprocessing, caches) and copy unchanged."""
    data = make()
    read = ConferenceData.from_calendar_json(
        {**data.to_calendar_json(), "futureMember": {"kept": True}}, lenient=True
    )
    for value in (data, read, *data.entry_points, *data.parameters):
        for copied in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
            assert copied == value
            assert type(copied) is type(value)
    again = pickle.loads(pickle.dumps(read))
    assert again.preserved == read.preserved == {"/futureMember": {"kept": True}}
    assert again.to_calendar_json() == read.to_calendar_json()
    with pytest.raises(TypeError):
        again.preserved["/x"] = 1  # still read-only


def _made_by_init(data: ConferenceData) -> ConferenceData:
    """The same conference made by every class's __init__ (nothing held lazily)."""
    entry_points = [
        EntryPoint(
            ep.type,
            ep.uri,
            ep.label,
            ep.pin,
            ep.access_code,
            ep.meeting_code,
            ep.passcode,
            ep.password,
            ep.region_code,
            ep.features,
        )
        for ep in data.entry_points
    ]
    parameters = [ConferenceParameter(p.key, p.value) for p in data.parameters]
    return attrs.evolve(data, entry_points=entry_points, parameters=parameters)


_OPERATIONS: list[tuple[str, Callable[[ConferenceData], object]]] = [
    ("pickle", lambda d: pickle.loads(pickle.dumps(d))),
    ("copy", copy.copy),
    ("deepcopy", copy.deepcopy),
    ("repr", repr),
    ("hash", hash),
    ("calendar JSON", lambda d: d.to_calendar_json()),
    ("add-on JSON", lambda d: d.to_addon_json()),
    ("problems", lambda d: d.problems()),
    ("entry point fields", lambda d: [attrs.asdict(ep) for ep in d.entry_points]),
    ("parameters", lambda d: d.parameters),
    ("evolve", lambda d: attrs.evolve(d, notes="changed")),
]


def _given_a_map() -> ConferenceData:
    """The full conference made by __init__ with its parameters given as a dict."""
    data = fixtures.full_conference()
    return attrs.evolve(data, parameters={p.key: p.value for p in data.parameters})


@pytest.mark.parametrize(("name", "operation"), _OPERATIONS, ids=[n for n, _ in _OPERATIONS])
@pytest.mark.parametrize("make", [fixtures.full_conference, fixtures.video_only, _given_a_map])
def test_values_holding_their_json_act_as_made_by_init(
    make: Callable[[], ConferenceData], name: str, operation: Callable[[ConferenceData], object]
) -> None:
    """Entry points from the named constructors hold their Calendar JSON, and built values
    their clean parameters as a map, filling in fields on first use. Every operation on a
    fresh one (nothing read from it yet) gives what it gives on the value made by __init__."""
    fresh = make()
    assert all("uri" not in vars(ep) for ep in fresh.entry_points)  # nothing filled in yet
    assert operation(fresh) == operation(_made_by_init(make()))
    again = operation(make())
    if isinstance(again, ConferenceData):  # what came back works as well
        assert again.to_calendar_json()["conferenceId"] == fresh.conference_id


def test_unknown_attributes_still_raise_attribute_error() -> None:
    ep = EntryPoint.video("https://acme.example/j/1")
    data = fixtures.full_conference()
    for value in (ep, data):
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            value.nope  # type: ignore[union-attr]  # noqa: B018
        assert not hasattr(value, "__setstate__x")
    assert ep.uri == "https://acme.example/j/1"
    # The fields filled in on first use are not attributes of the classes themselves.
    for cls, name in ((EntryPoint, "uri"), (EntryPoint, "label"), (ConferenceData, "parameters")):
        with pytest.raises(AttributeError, match=f"type object '{cls.__name__}' has no attribute"):
            getattr(cls, name)


def test_written_out_inits_set_every_field() -> None:
    """ConferenceData and ConferenceParameter write their __init__ by hand: each sets every
    attrs field, with the defaults attrs would give, and still checks the value."""
    data = ConferenceData(conference_id="c", entry_points=[EntryPoint.video("https://a.example/")])
    assert set(vars(data)) == {field.name for field in attrs.fields(ConferenceData)}
    assert (data.preserved, data.source_form, data.read_problems) == ({}, None, ())
    assert data.conference_solution == ConferenceSolution(SolutionType.ADD_ON)
    error = ConferenceData(error=ConferenceError(ConferenceErrorType.TEMPORARY))
    assert error.conference_solution is None  # no solution for an error result
    parameter = ConferenceParameter("k", "v")
    assert set(vars(parameter)) == {field.name for field in attrs.fields(ConferenceParameter)}
    with pytest.raises(ValidationError):
        ConferenceData(conference_id="")
    assert attrs.evolve(data, notes="n").notes == "n"


@given(conference_data())
def test_parameters_given_as_a_mapping_make_the_same_value(data: ConferenceData) -> None:
    """``parameters`` also takes key to value, the JSON's shape: the value equals the one
    made from ConferenceParameter values, writes the same JSON both ways, and keeps its own
    copy of the dict it was given."""
    given = {p.key: p.value for p in data.parameters}  # valid values: each key once
    made = attrs.evolve(data, parameters=given)
    assert made == data
    assert hash(made) == hash(data)
    assert made.to_calendar_json() == data.to_calendar_json()
    assert made.to_addon_json() == data.to_addon_json()
    given["k" * 51] = "later"  # longer than any valid key: never one of data's
    assert made.parameters == data.parameters
    assert made.to_calendar_json() == data.to_calendar_json()


_ENTRY_POINTS = (EntryPoint.video("https://acme.example/j/1"),)


class _BrokenMapping(Mapping[str, str]):
    """A mapping whose items cannot be read."""

    def __getitem__(self, key: str) -> str:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("no items")

    def __len__(self) -> int:
        return 1


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({1: "v"}, [("type", "/parameters/0/key")]),
        ({"k": 2, "": "v"}, [("type", "/parameters/0/value"), ("empty", "/parameters/1/key")]),
        ({"k": "v" * 1025}, [("max-length", "/parameters/0/value")]),
        ({f"k{i}": "v" for i in range(301)}, [("max-items", "/parameters")]),
        (MappingProxyType({"k": None}), [("type", "/parameters/0/value")]),
        (_BrokenMapping(), [("type", "/parameters")]),
    ],
    ids=["key type", "value type and empty key", "long value", "301 pairs", "proxy", "broken"],
)
def test_a_mapping_of_bad_parameters_is_reported_pair_by_pair(
    parameters: Mapping[Any, Any], expected: list[tuple[str, str]]
) -> None:
    """Each bad pair is reported at its place in the mapping's order, as values would be."""
    with pytest.raises(ValidationError) as error:
        ConferenceData(conference_id="c", entry_points=_ENTRY_POINTS, parameters=parameters)
    assert [(p.code, p.path) for p in error.value.problems if p.is_error] == expected


def test_a_mapping_that_is_not_a_dict_is_taken_too() -> None:
    """Any mapping gives the value a dict gives (a clean plain dict is kept as a map, copied;
    any other mapping as values)."""
    pairs = {"meetingId": "123", "region": "eu"}
    from_dict = ConferenceData(conference_id="c", entry_points=_ENTRY_POINTS, parameters=pairs)
    from_proxy = ConferenceData(
        conference_id="c", entry_points=_ENTRY_POINTS, parameters=MappingProxyType(pairs)
    )
    assert from_proxy == from_dict
    assert [(p.key, p.value) for p in from_dict.parameters] == list(pairs.items())
    empty = ConferenceData(conference_id="c", entry_points=_ENTRY_POINTS, parameters={})
    assert empty.parameters == ()
    assert "parameters" not in empty.to_calendar_json()
