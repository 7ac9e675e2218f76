"""Frozen values: validation on creation and evolve, masking, defaults."""

from __future__ import annotations

import copy
import json
import pickle
import subprocess
import sys
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
    CreateRequest,
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
        EntryPoint(
            type=EntryPointType.VIDEO,
            uri="tel:1",
            region_code="US",
            features=[EntryPointFeature.TOLL],
        )
    assert [p.code for p in error.value.problems] == [
        "uri-scheme",
        "region-not-phone",
        "feature-not-phone",
    ]


def test_values_take_keyword_arguments_only() -> None:
    """Value classes are keyword-only: a positional call is a TypeError at the call site."""
    for cls, arguments in (
        (ConferenceData, ("x",)),
        (EntryPoint, (EntryPointType.VIDEO, "https://acme.example")),
        (ConferenceParameter, ("k", "v")),
        (ConferenceError, (ConferenceErrorType.TEMPORARY,)),
        (ConferenceSolution, (SolutionType.ADD_ON,)),
        (CreateRequest, ("id",)),
    ):
        make: Any = cls  # called as no type checker allows
        with pytest.raises(TypeError, match="positional"):
            make(*arguments)


def test_evolve_revalidates() -> None:
    """attrs.evolve runs the rules again."""
    video = EntryPoint.video("https://acme.example")
    with pytest.raises(ValidationError):
        attrs.evolve(video, uri="ftp://acme.example")


def test_strings_become_enum_members() -> None:
    """Known spellings are converted to enum members."""
    ep = EntryPoint(type="phone", uri="tel:+1", features=["toll_free"])
    assert ep.type is EntryPointType.PHONE
    assert ep.features == (EntryPointFeature.TOLL_FREE,)


def test_unknown_enum_value_is_rejected_when_building() -> None:
    """Writing is strict: an unknown type string is an enum error, lenient or not (no field
    of an enum type can hold it)."""
    for lenient in (False, True):
        with pytest.raises(ValidationError) as error:
            EntryPoint(type="hologram", uri="https://acme.example", lenient=lenient)
        assert [(p.code, p.path) for p in error.value.problems] == [("enum", "/entryPointType")]


class _Text(str):
    """A str subclass whose methods must never run inside confdata."""

    def __repr__(self) -> str:
        raise AssertionError("repr of the caller's str subclass was called")

    def __len__(self) -> int:
        raise AssertionError("len of the caller's str subclass was called")


def test_fields_hold_exactly_what_their_annotations_say() -> None:
    """A str subclass becomes a str, enum spellings become members, iterables tuples; the
    values are slotted (no instance dict to fill in later)."""
    ep = EntryPoint(type=_Text("phone"), uri=_Text("tel:+1"), label=_Text("x"), features=["toll"])
    data = ConferenceData(conference_id=_Text("c"), entry_points=iter([ep]), notes=_Text("n"))
    fields = (ep.uri, ep.label, ep.type, ep.features, data.conference_id, data.notes)
    assert [type(f) for f in fields] == [str, str, EntryPointType, tuple, str, str]
    assert type(data.entry_points) is tuple
    repr(ep)  # runs none of _Text's methods
    for value in (ep, data, *data.parameters, data.conference_solution):
        assert not hasattr(value, "__dict__")


def test_problems_is_an_attribute_and_the_old_call_still_works() -> None:
    """problems is a tuple on values and builders alike; calling it (the old method) warns
    and returns a list."""
    data = ConferenceData(conference_id="c", entry_points=[EntryPoint.phone("tel:2025550123")])
    assert [(p.code, p.path) for p in data.problems] == [("phone-no-country", "/entryPoints/0/uri")]
    assert isinstance(data.problems, tuple)
    with pytest.warns(DeprecationWarning, match="attribute"):
        assert data.problems() == list(data.problems)  # type: ignore[operator]


def test_lenient_values_keep_rule_breaking_data_and_say_so() -> None:
    """lenient=True keeps a value that breaks rules (what a lenient read needs) and lists the
    problems; a strict conference made of such a part raises, naming it at its path."""
    ep = EntryPoint(type=EntryPointType.VIDEO, uri="ftp://acme.example/", lenient=True)
    assert [(p.code, p.path) for p in ep.problems] == [("uri-scheme", "/uri")]
    with pytest.raises(ValidationError) as error:
        ConferenceData(conference_id="c", entry_points=[ep])
    assert [(p.code, p.path) for p in error.value.problems] == [
        ("uri-scheme", "/entryPoints/0/uri")
    ]
    kept = ConferenceData(conference_id="c", entry_points=[ep], lenient=True)
    assert kept.problems == error.value.problems
    with pytest.raises(ValidationError):  # no str field can hold a number, lenient or not
        EntryPoint(type=EntryPointType.VIDEO, uri=5, lenient=True)  # type: ignore[arg-type]


def test_wrong_python_types_are_validation_errors() -> None:
    """Wrong argument types raise ValidationError naming the field."""
    with pytest.raises(ValidationError) as error:
        ConferenceParameter(key=1, value=None)  # type: ignore[arg-type]
    assert [(p.code, p.path) for p in error.value.problems] == [
        ("type", "/key"),
        ("required", "/value"),  # None is a value not given
    ]
    with pytest.raises(ValidationError) as error:
        ConferenceData(conference_id="a", entry_points=5)  # type: ignore[arg-type]
    assert ("type", "/entryPoints") in [(p.code, p.path) for p in error.value.problems]


def test_direct_conference_data_gets_the_add_on_solution() -> None:
    """ConferenceData with entry points defaults to an addOn solution, like the builder."""
    data = ConferenceData(conference_id="a", entry_points=(EntryPoint.video("https://a.example"),))
    assert data.conference_solution == ConferenceSolution(key_type=SolutionType.ADD_ON)
    error = ConferenceData(error=ConferenceError(type=ConferenceErrorType.TEMPORARY))
    assert error.conference_solution is None  # no solution for an error result


_FRESH_INTERPRETER = """
import json
from confdata import ConferenceData, insert_arguments
meet = {"createRequest": {"requestId": "7qxalsvy0e",
                          "conferenceSolutionKey": {"type": "hangoutsMeet"}}}
data = ConferenceData.from_calendar_json(meet)
body = insert_arguments(data, calendar_id="primary", event={}, keep_request_id=True)
print(json.dumps([data.to_calendar_json(), body.arguments["body"]["conferenceData"]]))
"""


def test_output_does_not_depend_on_what_ran_before() -> None:
    """In a fresh interpreter, a Meet create request is written back as it was read: no
    solution appears from a default set on first use."""
    ran = subprocess.run(
        [sys.executable, "-c", _FRESH_INTERPRETER], capture_output=True, text=True, check=True
    )
    expected = {
        "createRequest": {
            "requestId": "7qxalsvy0e",
            "conferenceSolutionKey": {"type": "hangoutsMeet"},
        }
    }
    assert json.loads(ran.stdout) == [expected, expected]


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
    data = ConferenceData(conference_id="conference-1", entry_points=(ep,))
    plain = ConferenceData(
        conference_id="conference-1", entry_points=(EntryPoint.phone("tel:+12025550123"),)
    )
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
        ConferenceParameter(key="", value="v" * 1025)
    assert isinstance(error.value, ValidationError)
    assert len(str(error.value).splitlines()) == 3
    assert error.value.codes == {"empty", "max-length"}
    assert error.value.errors == error.value.problems
    assert error.value.warnings == ()


@given(conference_data(errors=True))
def test_generated_values_have_no_errors(data: ConferenceData) -> None:
    """Values of the valid strategy report no errors."""
    assert [p for p in data.problems if p.is_error] == []


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
    assert again.kept == read.kept
    assert again.kept is not None
    assert again.kept.unknown_members() == {"futureMember": {"kept": True}}
    assert again.to_calendar_json() == read.to_calendar_json()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        again.kept.unknown = ()  # still read-only


@given(conference_data())
def test_parameters_given_as_a_mapping_make_the_same_value(data: ConferenceData) -> None:
    """``parameters`` also takes key to value, the JSON's shape: the value equals the one
    made from ConferenceParameter values, writes the same JSON both ways, and shares nothing
    with the dict it was given."""
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
        (MappingProxyType({"k": None}), [("required", "/parameters/0/value")]),
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
    """Any mapping gives the value a dict gives."""
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


def test_a_part_without_what_it_cannot_be_without_raises_even_leniently() -> None:
    """An entry point needs its type and URI, an error its type, a parameter its key and
    value: each missing one is required, and no lenient value holds it either."""
    for make, expected in (
        (
            lambda lenient: EntryPoint(type=None, uri="https://a.example", lenient=lenient),  # type: ignore[arg-type]
            ("required", "/entryPointType"),
        ),
        (
            lambda lenient: EntryPoint(type="video", uri=None, lenient=lenient),  # type: ignore[arg-type]
            ("required", "/uri"),
        ),
        (
            lambda lenient: ConferenceError(type=None, lenient=lenient),  # type: ignore[arg-type]
            ("required", "/type"),
        ),
    ):
        for lenient in (False, True):
            with pytest.raises(ValidationError) as error:
                make(lenient)
            assert [(p.code, p.path) for p in error.value.problems] == [expected]
