"""The trust boundary: foreign values are read by type alone, and none of their code runs."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confdata._core.foreign import (
    NotJSON,
    array,
    exact_str,
    is_int,
    is_number,
    is_object,
    member,
    members,
    plain_json,
)


class Masquerade:
    """An object whose __class__ raises: isinstance() would run that code."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError("isinstance ran foreign code")


class LoudDict(dict[str, Any]):
    """A dict subclass whose every reading method raises."""

    def items(self) -> Any:
        raise RuntimeError("items ran")

    def get(self, *args: Any) -> Any:
        raise RuntimeError("get ran")

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("getitem ran")


class LoudStr(str):
    """A str subclass whose comparison and hashing raise."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq ran")

    def __hash__(self) -> int:
        raise RuntimeError("hash ran")

    def __str__(self) -> str:
        raise RuntimeError("str ran")


def test_kinds_are_decided_without_running_the_value() -> None:
    """A value whose __class__ raises is no string, integer, number, object or array."""
    hostile = Masquerade()
    assert exact_str(hostile) is None
    assert not is_int(hostile)
    assert not is_number(hostile)
    assert not is_object(hostile)
    assert array(hostile) is None
    assert members(hostile) is None


def test_booleans_are_not_numbers() -> None:
    """JSON's true and false are not 1 and 0."""
    assert not is_int(True)
    assert not is_number(False)
    assert is_int(10**400)
    assert is_number(1.5)


def test_subclasses_are_read_through_their_base_type() -> None:
    """A dict or str subclass is read as its data; its overrides never run."""
    loud = LoudDict({"name": LoudStr("value")})
    read = members(loud)
    assert read is not None
    assert list(read) == ["name"]
    assert type(read["name"]) is LoudStr  # a member's value is handed on untouched
    assert exact_str(LoudStr("value")) == "value"
    assert type(exact_str(LoudStr("value"))) is str
    assert member(LoudDict({"a": LoudDict({"b": 1})}), "a", "b") == 1


def test_another_mapping_is_no_object() -> None:
    """Only dicts are JSON objects: reading any other mapping would run its code."""
    from types import MappingProxyType

    assert members(MappingProxyType({"a": 1})) is None
    assert member(MappingProxyType({"a": 1}), "a") is None


def test_member_names_that_are_not_strings_are_no_members() -> None:
    """A key that is not a string is left out, and its own __eq__ never runs."""

    class Key:
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("eq ran")

        def __hash__(self) -> int:
            return 1

    assert members({Key(): 1, "a": 2}) == {"a": 2}
    assert member({Key(): 1, "a": 2}, "a") == 2


def test_plain_json_copies_deep_values_and_keeps_sharing() -> None:
    """The copy is iterative (any depth), exact-typed, and a shared part stays shared."""
    deep: Any = "leaf"
    for _ in range(100_000):
        deep = [deep]
    copied = plain_json(deep)
    for _ in range(100_000):
        copied = copied[0]
    assert copied == "leaf"
    shared = {"x": 1}
    both = plain_json(LoudDict({"a": shared, "b": shared}))
    assert type(both) is dict
    assert both["a"] is both["b"]
    assert both["a"] is not shared


def test_plain_json_refuses_a_cycle_and_non_json_with_its_path() -> None:
    """A container inside itself and a value JSON has no kind for are named with their path."""
    cycle: list[Any] = []
    cycle.append(cycle)
    with pytest.raises(NotJSON) as caught:
        plain_json({"a": cycle})
    assert caught.value.path == "/a/0"
    with pytest.raises(NotJSON) as caught:
        plain_json({"a/b": [1, {2, 3}]})
    assert caught.value.path == "/a~1b/1"
    with pytest.raises(NotJSON):
        plain_json({1: "x"})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
)


@given(json_values)
def test_plain_json_of_json_is_an_equal_copy(value: object) -> None:
    """Plain JSON comes back equal."""
    assert plain_json(value) == value
