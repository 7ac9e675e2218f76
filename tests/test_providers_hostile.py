"""The converters on responses of any shape: a ValidationError naming the member, never a crash."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from confdata import ConferenceData, ValidationError
from confdata.providers import from_teams, from_webex, from_zoom

from .provider_fixtures import load

Convert = Callable[..., ConferenceData]
CONVERTERS: list[tuple[Convert, str]] = [
    (from_zoom, "zoom_full"),
    (from_teams, "teams_full"),
    (from_webex, "webex_full"),
]


class Exploding(Mapping[str, Any]):
    """A mapping whose every method raises (a foreign object's own failure)."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("boom")

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("boom")

    def __len__(self) -> int:
        raise RuntimeError("boom")


class Sneaky(str):
    """A str subclass whose own methods raise: the converters read it as plain text."""

    def __str__(self) -> str:
        raise RuntimeError("boom")

    def strip(self, chars: str | None = None) -> str:
        raise RuntimeError("boom")


@pytest.mark.parametrize(("convert", "_"), CONVERTERS)
@pytest.mark.parametrize("root", [None, [], "meeting", 5, 1.5, True, object(), Exploding()])
def test_a_root_that_is_no_object_is_provider_type_at_the_root(
    convert: Convert, _: str, root: object
) -> None:
    """Anything but a JSON object at the root: one provider-type problem at ''."""
    with pytest.raises(ValidationError) as caught:
        convert(root)
    assert [(p.code, p.path) for p in caught.value.problems] == [("provider-type", "")]


@pytest.mark.parametrize(("convert", "fixture"), CONVERTERS)
@pytest.mark.parametrize("junk", [None, 0, True, "text", [], {}, [None], {"x": [1]}, Exploding()])
def test_any_member_replaced_by_junk_gives_a_validation_error_or_a_conference(
    convert: Convert, fixture: str, junk: object
) -> None:
    """Each top-level and nested member replaced in turn: a result or a ValidationError."""
    response = load(fixture)

    def paths(obj: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        items = obj.items() if isinstance(obj, dict) else enumerate(obj)
        for key, value in items:
            yield (*prefix, key)
            if isinstance(value, (dict, list)):
                yield from paths(value, (*prefix, key))

    for path in list(paths(response)):
        broken = load(fixture)
        target = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = junk
        codes: list[str] = []
        try:
            convert(broken)
        except ValidationError as error:
            codes = [problem.code for problem in error.problems] or ["none at all"]
        assert all(code.startswith("provider-") for code in codes), path


@pytest.mark.parametrize(("convert", "fixture"), CONVERTERS)
def test_str_subclasses_are_read_as_plain_text(convert: Convert, fixture: str) -> None:
    """Every string replaced by a str subclass with raising methods converts the same."""

    def sneaky(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {k: sneaky(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [sneaky(v) for v in obj]
        return Sneaky(obj) if isinstance(obj, str) else obj

    expected = convert(load(fixture))
    assert convert(sneaky(load(fixture))) == expected


def test_a_mapping_that_is_not_a_dict_is_no_json_object() -> None:
    """Only a dict is a JSON object: another Mapping's methods are never run, and the
    response is a provider-type problem instead."""

    class Frozen(Mapping[str, Any]):
        def __init__(self, data: dict[str, Any]) -> None:
            self._data = data

        def __getitem__(self, key: str) -> Any:
            return self._data[key]

        def __iter__(self) -> Iterator[str]:
            return iter(self._data)

        def __len__(self) -> int:
            return len(self._data)

    meeting = load("zoom_phone_passcode_only")
    with pytest.raises(ValidationError) as caught:
        from_zoom(Frozen(meeting))
    assert [p.code for p in caught.value.problems] == ["provider-type"]


def test_non_string_keys_are_ignored() -> None:
    """Keys that are no JSON member names (1, None) are not members."""
    meeting: dict[Any, Any] = load("webex_no_telephony")
    meeting[1] = "x"
    meeting[None] = {"y": 2}
    assert from_webex(meeting) == from_webex(load("webex_no_telephony"))


class Masquerade:
    """An object whose __class__ raises: isinstance() would run that code."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError("boom")


@pytest.mark.parametrize(("convert", "fixture"), CONVERTERS)
def test_objects_whose_class_attribute_raises_are_plain_junk(
    convert: Convert, fixture: str
) -> None:
    """A value whose __class__ raises is reported as the wrong type wherever it sits."""
    response = load(fixture)
    for key in list(response):
        broken = load(fixture)
        broken[key] = Masquerade()
        codes: list[str] = []
        try:
            convert(broken)
        except ValidationError as error:
            codes = [problem.code for problem in error.problems]
        assert all(code.startswith("provider-") for code in codes), key
    with pytest.raises(ValidationError):
        convert(Masquerade())


@pytest.mark.parametrize(("convert", "fixture"), CONVERTERS)
@pytest.mark.parametrize(
    "make",
    [lambda: None, lambda: {"max_phones": 1}, lambda: "SE", lambda: 10**5000, Masquerade],
    ids=["none", "dict", "str", "huge-int", "masquerade"],
)
def test_options_that_are_no_provider_options_are_a_type_problem(
    convert: Convert, fixture: str, make: Callable[[], object]
) -> None:
    """options=anything else: one `type` problem at /options, never AttributeError."""
    with pytest.raises(ValidationError) as caught:
        convert(load(fixture), make())
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", "/options")]
